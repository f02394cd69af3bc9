import type { Catalogue } from './types.js';

/**
 * User-facing texts of the cases area. Keys and their parameters are declared in cases/messages.ts;
 * a unit test keeps the two in step. Resident texts are polite and short; staff texts are concise.
 */
export const messages = {
  // ---- to residents
  'cases.resident.opened': {
    'zh-Hans': '您的事项已登记，编号 {ref}。信访部门将进行审核，并在 {dueDate} 前告知您转送去向（《信访工作条例》第二十二条）。',
    'zh-Hant': '您的事項已登記，編號 {ref}。信訪部門將進行審核，並在 {dueDate} 前告知您轉送去向（《信訪工作條例》第二十二條）。',
    en: 'Your matter is registered as {ref}. The petition office will review it and tell you by {dueDate} where it has been sent (Petition Work Regulations, Art. 22).',
  },
  'cases.resident.opened_org': {
    'zh-Hans': '已按您的同意登记求助，编号 {ref}。我们会为您联系合适的社会服务机构，并在 {dueDate} 前告知您由哪家机构跟进。',
    'zh-Hant': '已按您的同意登記求助，編號 {ref}。我們會為您聯繫合適的社會服務機構，並在 {dueDate} 前告知您由哪家機構跟進。',
    en: 'With your consent, your request is registered as {ref}. We will find a suitable social service organization and tell you by {dueDate} which one will follow up.',
  },
  'cases.resident.opened_named_org': {
    'zh-Hans': '已按您的同意登记求助，编号 {ref}。信访部门审核后，将按您同意的转介给「{handler}」，并在 {dueDate} 前告知您由其跟进。您的资料不会转给其他机构。',
    'zh-Hant': '已按您的同意登記求助，編號 {ref}。信訪部門審核後，將按您同意的轉介給「{handler}」，並在 {dueDate} 前告知您由其跟進。您的資料不會轉給其他機構。',
    en: 'With your consent, your request is registered as {ref}. After the office reviews it, it will be passed to {handler}, the organization you agreed to, and we will tell you by {dueDate} when they take it up. Your details go to no other organization.',
  },
  // A handler sent it back: /status had silently gone from "referred" to "under review" again. Said without a reason:
  // an organization that is full this month had been reported to the resident as saying the matter was not its job.
  'cases.resident.returned': {
    'zh-Hans': '「{handler}」未能接办事项 {ref}，已退回信访局。信访局会重新确定承办单位，确定后告诉您。',
    'zh-Hant': '「{handler}」未能接辦事項 {ref}，已退回信訪局。信訪局會重新確定承辦單位，確定後告訴您。',
    en: '{handler} could not take on case {ref} and has returned it to the petition office. The office will choose who handles it and let you know.',
  },
  'cases.resident.reclassified': {
    'zh-Hans': '信访局审核后认为，事项 {ref} 属于政府部门的职责，改按信访事项办理，拟转交「{handler}」，并将在 {dueDate} 前告知您受理情况（《信访工作条例》第二十二条）。您对社会组织的转介同意不再使用，该组织没有收到您的信息。',
    'zh-Hant': '信訪局審核後認為，事項 {ref} 屬於政府部門的職責，改按信訪事項辦理，擬轉交「{handler}」，並將在 {dueDate} 前告知您受理情況（《信訪工作條例》第二十二條）。您對社會組織的轉介同意不再使用，該組織沒有收到您的資料。',
    en: 'After review, the petition office finds that case {ref} is a matter for a government department: it is handled as a petition, to be passed to {handler}, and you will be told by {dueDate} whether it is taken up (Petition Work Regulations, Art. 22). Your consent to the social organization is no longer used; the organization received nothing about you.',
  },
  'cases.resident.referred': {
    'zh-Hans': '事项 {ref} 已转交「{handler}」办理，有进展我们会及时告诉您。',
    'zh-Hant': '事項 {ref} 已轉交「{handler}」辦理，有進展我們會及時告訴您。',
    en: 'Case {ref} has been passed to {handler}. We will let you know as soon as there is progress.',
  },
  'cases.resident.question': {
    'zh-Hans': '关于事项 {ref}，工作人员想向您了解：{question}\n请直接回复本消息。',
    'zh-Hant': '關於事項 {ref}，工作人員想向您了解：{question}\n請直接回覆本訊息。',
    en: 'About case {ref}, our staff would like to ask (staff write in Chinese): {question}\nPlease reply to this message.',
  },
  'cases.resident.not_accepted.legal_channel': {
    'zh-Hans': '事项 {ref} 依法应通过诉讼、仲裁、行政复议等法定途径解决，信访部门不予受理（《信访工作条例》第三十一条）。如需帮助，可申请法律援助（12348）。',
    'zh-Hant': '事項 {ref} 依法應通過訴訟、仲裁、行政復議等法定途徑解決，信訪部門不予受理（《信訪工作條例》第三十一條）。如需幫助，可申請法律援助（12348）。',
    en: 'Case {ref} must be handled through a legal procedure (court, arbitration or administrative reconsideration), so the petition office cannot accept it (Petition Work Regulations, Art. 31). For help, you can apply for legal aid (12348).',
  },
  'cases.resident.not_accepted.not_government_duty': {
    'zh-Hans': '事项 {ref} 不属于政府部门的法定职责，信访部门不予受理。您可以向社区人民调解委员会或社会服务机构求助，我们也可以帮您转介。',
    'zh-Hant': '事項 {ref} 不屬於政府部門的法定職責，信訪部門不予受理。您可以向社區人民調解委員會或社會服務機構求助，我們也可以幫您轉介。',
    en: 'Case {ref} is not a legal duty of any government department, so the petition office cannot accept it. A community mediation committee or a social service organization can help, and we can refer you if you wish.',
  },
  'cases.resident.not_accepted.other_jurisdiction': {
    'zh-Hans': '事项 {ref} 不属于本区管辖，请向有权处理的机关或所在地信访部门提出（《信访工作条例》第二十三条）。',
    'zh-Hant': '事項 {ref} 不屬於本區管轄，請向有權處理的機關或所在地信訪部門提出（《信訪工作條例》第二十三條）。',
    en: 'Case {ref} is outside this district’s responsibility. Please contact the competent authority or the petition office where the matter arose (Petition Work Regulations, Art. 23).',
  },
  'cases.resident.not_accepted.duplicate': {
    'zh-Hans': '事项 {ref} 与您正在办理中的事项相同，我们将在原事项中继续跟进，不再重复登记。',
    'zh-Hant': '事項 {ref} 與您正在辦理中的事項相同，我們將在原事項中繼續跟進，不再重複登記。',
    en: 'Case {ref} is the same as a matter already being handled for you. We will follow it up there instead of registering it twice.',
  },
  'cases.resident.not_accepted.already_concluded': {
    'zh-Hans': '事项 {ref} 已经过复核，以同一事实和理由再次提出的，依规不再受理（《信访工作条例》第三十六条）。',
    'zh-Hant': '事項 {ref} 已經過復核，以同一事實和理由再次提出的，依規不再受理（《信訪工作條例》第三十六條）。',
    en: 'The matter in case {ref} has already been re-examined (复核); a request on the same facts and grounds is not accepted again (Petition Work Regulations, Art. 36).',
  },
  'cases.resident.not_accepted.insufficient_information': {
    'zh-Hans': '事项 {ref} 的信息不足以办理。欢迎您补充时间、地点、具体诉求后重新提交。',
    'zh-Hant': '事項 {ref} 的資訊不足以辦理。歡迎您補充時間、地點、具體訴求後重新提交。',
    en: 'Case {ref} does not have enough information to act on. You are welcome to send it again with the time, place and what you are asking for.',
  },
  'cases.resident.not_accepted.other': {
    'zh-Hans': '很抱歉，事项 {ref} 未能受理，具体原因见工作人员说明。',
    'zh-Hant': '很抱歉，事項 {ref} 未能受理，具體原因見工作人員說明。',
    en: 'We are sorry: case {ref} could not be accepted. Our staff explain why in the next message.',
  },
  'cases.resident.office_note': {
    'zh-Hans': '关于事项 {ref}，工作人员说明：{note}',
    'zh-Hant': '關於事項 {ref}，工作人員說明：{note}',
    en: 'About case {ref}, our staff add (in their own words; staff write in Chinese): {note}',
  },
  'cases.resident.accepted': {
    'zh-Hans': '「{handler}」已受理事项 {ref}，将于 {dueDate} 前办结并答复您（《信访工作条例》第三十四条）。',
    'zh-Hant': '「{handler}」已受理事項 {ref}，將於 {dueDate} 前辦結並答覆您（《信訪工作條例》第三十四條）。',
    en: '{handler} has accepted case {ref} and will resolve it and reply to you by {dueDate} (Petition Work Regulations, Art. 34).',
  },
  'cases.resident.accepted_org': {
    'zh-Hans': '「{handler}」已接手事项 {ref}，将于 {dueDate} 前与您联系。',
    'zh-Hant': '「{handler}」已接手事項 {ref}，將於 {dueDate} 前與您聯繫。',
    en: '{handler} has taken on case {ref} and will contact you by {dueDate}.',
  },
  'cases.resident.progress': {
    'zh-Hans': '事项 {ref} 有新进展（{handler}）：{note}',
    'zh-Hant': '事項 {ref} 有新進展（{handler}）：{note}',
    en: 'Update on case {ref} from {handler}, in their own words (staff write in Chinese): {note}',
  },
  'cases.resident.extended': {
    'zh-Hans': '事项 {ref} 情况较复杂，办理期限延长至 {dueDate}。延期理由：{reason}（《信访工作条例》第三十四条）',
    'zh-Hant': '事項 {ref} 情況較複雜，辦理期限延長至 {dueDate}。延期理由：{reason}（《信訪工作條例》第三十四條）',
    en: 'Case {ref} needs more time; the deadline is extended to {dueDate} (Petition Work Regulations, Art. 34). The reason they give, in their own words: {reason}',
  },
  'cases.resident.resolved': {
    'zh-Hans': '事项 {ref} 已办结（{handler}）。处理结果：{outcome}',
    'zh-Hant': '事項 {ref} 已辦結（{handler}）。處理結果：{outcome}',
    en: 'Case {ref} has been resolved by {handler}. The outcome, in their own words (staff write in Chinese): {outcome}',
  },
  'cases.resident.survey': {
    'zh-Hans': '您对事项 {ref} 的办理结果满意吗？请点选下方按钮。',
    'zh-Hant': '您對事項 {ref} 的辦理結果滿意嗎？請點選下方按鈕。',
    en: 'Are you satisfied with how case {ref} was handled? Please tap a button below.',
  },
  'cases.resident.survey_reminder': {
    'zh-Hans': '温馨提醒：您对事项 {ref} 的办理结果还未评价，欢迎点选下方按钮。',
    'zh-Hant': '溫馨提醒：您對事項 {ref} 的辦理結果還未評價，歡迎點選下方按鈕。',
    en: 'A gentle reminder: you have not yet rated how case {ref} was handled. Please tap a button below.',
  },
  'cases.resident.survey_closed': {
    'zh-Hans': '事项 {ref} 的满意度评价已结束，事项已办结归档。感谢您的信任。',
    'zh-Hant': '事項 {ref} 的滿意度評價已結束，事項已辦結歸檔。感謝您的信任。',
    en: 'The survey for case {ref} has closed and the case is now closed. Thank you for your trust.',
  },
  'cases.resident.thanks': {
    'zh-Hans': '感谢您的评价，事项 {ref} 已办结归档。',
    'zh-Hant': '感謝您的評價，事項 {ref} 已辦結歸檔。',
    en: 'Thank you for your rating. Case {ref} is now closed.',
  },
  'cases.resident.reopened': {
    'zh-Hans': '很抱歉结果未能让您满意。事项 {ref} 已重新打开，工作人员会再次跟进。',
    'zh-Hant': '很抱歉結果未能讓您滿意。事項 {ref} 已重新打開，工作人員會再次跟進。',
    en: 'We are sorry the result did not satisfy you. Case {ref} has been reopened and our staff will follow up again.',
  },
  'cases.resident.reopened_review_right': {
    'zh-Hans': '很抱歉结果未能让您满意。事项 {ref} 已重新打开，信访局会再次跟进（这一步无需您另外操作）。如果您不服这份书面处理意见，还可以在 {deadline} 前（收到书面答复之日起30日内）请求复查，由上一级机关重新审查（《信访工作条例》第三十五条）：点下面的按钮，写明理由即可。',
    'zh-Hant': '很抱歉結果未能讓您滿意。事項 {ref} 已重新打開，信訪局會再次跟進（這一步無需您另外操作）。如果您不服這份書面處理意見，還可以在 {deadline} 前（收到書面答覆之日起30日內）請求復查，由上一級機關重新審查（《信訪工作條例》第三十五條）：點下面的按鈕，寫明理由即可。',
    en: 'We are sorry the result did not satisfy you. Case {ref} has been reopened and the petition office will follow it up again; you need do nothing for that. If you do not accept this written decision, you may also request a review (复查) by the body above, by {deadline}, within 30 days of the written reply (Petition Work Regulations, Art. 35): press the button below and give your reason.',
  },
  'cases.resident.reopened_recheck_right': {
    'zh-Hans': '很抱歉复查意见未能让您满意。事项 {ref} 已重新打开。如对复查意见不服，您可在 {deadline} 前（收到书面答复之日起30日内）向复查机关的上一级机关请求复核（《信访工作条例》第三十六条）。',
    'zh-Hant': '很抱歉復查意見未能讓您滿意。事項 {ref} 已重新打開。如對復查意見不服，您可在 {deadline} 前（收到書面答覆之日起30日內）向復查機關的上一級機關請求復核（《信訪工作條例》第三十六條）。',
    en: 'We are sorry the review did not satisfy you. Case {ref} has been reopened. If you disagree with the review opinion, you may ask the body above the reviewing body for a re-examination (复核) by {deadline}, within 30 days of the written reply (Petition Work Regulations, Art. 36).',
  },
  'cases.resident.review_requested': {
    'zh-Hans': '已收到您对事项 {ref} 的复查请求，将于 {dueDate} 前书面答复您（《信访工作条例》第三十五条）。',
    'zh-Hant': '已收到您對事項 {ref} 的復查請求，將於 {dueDate} 前書面答覆您（《信訪工作條例》第三十五條）。',
    en: 'We have received your request to review case {ref}. You will get a written answer by {dueDate} (Petition Work Regulations, Art. 35).',
  },
  'cases.resident.review_answered': {
    'zh-Hans': '事项 {ref} 的复查意见：{outcome}',
    'zh-Hant': '事項 {ref} 的復查意見：{outcome}',
    en: 'Review opinion on case {ref}, in the reviewers\' own words (staff write in Chinese): {outcome}',
  },
  'cases.resident.withdrawn': {
    'zh-Hans': '事项 {ref} 已按您的要求撤回。如有需要，欢迎随时再联系我们。',
    'zh-Hant': '事項 {ref} 已按您的要求撤回。如有需要，歡迎隨時再聯繫我們。',
    en: 'Case {ref} has been withdrawn as you asked. You are welcome to contact us again at any time.',
  },
  'cases.resident.withdrawn_with_consent': {
    'zh-Hans': '事项 {ref} 已按您的要求撤回，您对转介的信息共享同意也一并撤回：机构不会再收到您的信息；已经收到的机构，我们已请其删除。如有需要，欢迎随时再联系我们。',
    'zh-Hant': '事項 {ref} 已按您的要求撤回，您對轉介的資訊共享同意也一併撤回：機構不會再收到您的資訊；已經收到的機構，我們已請其刪除。如有需要，歡迎隨時再聯繫我們。',
    en: 'Case {ref} has been withdrawn as you asked, and so has your consent to the referral: the organization will receive no more of your information, and if it already had some, we have asked it to delete it. You are welcome to contact us again at any time.',
  },
  'cases.resident.consent_withdrawn': {
    'zh-Hans': '已撤回您对事项 {ref} 的信息共享同意，转介已停止，机构不会再收到您的信息；已经收到的机构，我们已请其删除。',
    'zh-Hant': '已撤回您對事項 {ref} 的資訊共享同意，轉介已停止，機構不會再收到您的資訊；已經收到的機構，我們已請其刪除。',
    en: 'Your consent for case {ref} has been withdrawn: the referral has stopped and the organization will receive no more of your information; if it already had some, we have asked it to delete it.',
  },

  // ---- to the petition office group
  'cases.staff.review_card': {
    'zh-Hans': '【待审核】{ref}\n类别：{category}　去向：{target}（{handler}）　置信度：{confidence}\n第二事项：{secondary}　存疑原因：{unsure}\n摘要：{summary}\n{deadline}',
    'zh-Hant': '【待審核】{ref}\n類別：{category}　去向：{target}（{handler}）　置信度：{confidence}\n第二事項：{secondary}　存疑原因：{unsure}\n摘要：{summary}\n{deadline}',
    en: '[Review] {ref}\nCategory: {category}  Target: {target} ({handler})  Confidence: {confidence}\nSecond matter: {secondary}  Unsure because: {unsure}\nSummary: {summary}\n{deadline}',
  },
  // The same card when the message names another district: the office forwards a matter that happened
  // there to that district (属地管理); the engine routes by matter, not by place.
  'cases.staff.review_card_elsewhere': {
    'zh-Hans': '【待审核】{ref}\n类别：{category}　去向：{target}（{handler}）　置信度：{confidence}\n第二事项：{secondary}　存疑原因：{unsure}\n摘要：{summary}\n属地提示：来信提到{districts}，不是本区。如事发地不在本区，请转送属地信访部门。\n{deadline}',
    'zh-Hant': '【待審核】{ref}\n類別：{category}　去向：{target}（{handler}）　置信度：{confidence}\n第二事項：{secondary}　存疑原因：{unsure}\n摘要：{summary}\n屬地提示：來信提到{districts}，不是本區。如事發地不在本區，請轉送屬地信訪部門。\n{deadline}',
    en: '[Review] {ref}\nCategory: {category}  Target: {target} ({handler})  Confidence: {confidence}\nSecond matter: {secondary}  Unsure because: {unsure}\nSummary: {summary}\nPlace: the message names {districts}, not this district. If it happened there, forward it to that district\'s petition office.\n{deadline}',
  },
  'cases.staff.declined': {
    'zh-Hans': '【退回】{ref} 被「{handler}」退回，理由：{reason}\n建议下一去向：{proposal}',
    'zh-Hant': '【退回】{ref} 被「{handler}」退回，理由：{reason}\n建議下一去向：{proposal}',
    en: '[Declined] {ref} was declined by {handler}: {reason}\nSuggested next: {proposal}',
  },
  'cases.staff.accepted': {
    'zh-Hans': '【已受理】{ref} 已由「{handler}」受理。',
    'zh-Hant': '【已受理】{ref} 已由「{handler}」受理。',
    en: '[Accepted] {ref} accepted by {handler}.',
  },
  'cases.staff.extended': {
    'zh-Hans': '【延期】{ref}（{handler}）延期至 {dueDate}，理由：{reason}',
    'zh-Hant': '【延期】{ref}（{handler}）延期至 {dueDate}，理由：{reason}',
    en: '[Extended] {ref} ({handler}) to {dueDate}: {reason}',
  },
  'cases.staff.dissatisfied': {
    'zh-Hans': '【不满意】{ref} 群众评价不满意，事项已重新打开，请重新转送。意见：{comment}',
    'zh-Hant': '【不滿意】{ref} 群眾評價不滿意，事項已重新打開，請重新轉送。意見：{comment}',
    en: '[Dissatisfied] {ref} was rated dissatisfied and reopened; please refer it again. Comment: {comment}',
  },
  'cases.staff.review_requested': {
    'zh-Hans': '【复查申请】{ref}，须于 {dueDate} 前书面答复（第三十五条）。理由：{reason}',
    'zh-Hant': '【復查申請】{ref}，須於 {dueDate} 前書面答覆（第三十五條）。理由：{reason}',
    en: '[Review request] {ref}; written answer due {dueDate} (Art. 35). Reason: {reason}',
  },
  'cases.staff.withdrawn': {
    'zh-Hans': '【撤回】{ref} 已由群众撤回。',
    'zh-Hant': '【撤回】{ref} 已由群眾撤回。',
    en: '[Withdrawn] {ref} was withdrawn by the resident.',
  },
  'cases.staff.clock_reminder': {
    'zh-Hans': '【期限提醒】{ref} {clock}期限 {dueDate}（{article}）',
    'zh-Hant': '【期限提醒】{ref} {clock}期限 {dueDate}（{article}）',
    en: '[Due soon] {ref} {clock} due {dueDate} ({article})',
  },
  'cases.staff.clock_overdue': {
    'zh-Hans': '【已超期】{ref} {clock}期限 {dueDate} 已过（{article}），已标记为紧急。',
    'zh-Hant': '【已超期】{ref} {clock}期限 {dueDate} 已過（{article}），已標記為緊急。',
    en: '[Overdue] {ref} {clock} was due {dueDate} ({article}); marked urgent.',
  },

  // Fragments of the staff cards (cases/cardLabels.ts): what a card says in place of a code or a bare "—".
  'cases.staff.to_be_chosen': { 'zh-Hans': '待指定', 'zh-Hant': '待指定', en: 'not chosen yet' },
  'cases.staff.target.department': { 'zh-Hans': '政府部门', 'zh-Hant': '政府部門', en: 'Government department' },
  'cases.staff.deadline.running': {
    'zh-Hans': '{clock}期限：{dueDate}',
    'zh-Hant': '{clock}期限：{dueDate}',
    en: '{clock} due: {dueDate}',
  },
  'cases.staff.deadline.org_promise': {
    'zh-Hans': '告知来信人承接机构：{dueDate} 前（信访外事项无法定期限，机构接案时限在转介后起算）',
    'zh-Hant': '告知來信人承接機構：{dueDate} 前（信訪外事項無法定期限，機構接案時限在轉介後起算）',
    en: 'Tell the resident which organization takes it by {dueDate} (no statutory period for a matter outside petitions; the organization\'s acceptance period starts at referral)',
  },
  'cases.staff.deadline.none': { 'zh-Hans': '期限：{why}', 'zh-Hant': '期限：{why}', en: 'Deadline: {why}' },
  'cases.staff.no_clock.declined': {
    'zh-Hans': '未计时。原承办单位已退回，等待信访局重新指定；新的接案时限在再次转介后起算',
    'zh-Hant': '未計時。原承辦單位已退回，等待信訪局重新指定；新的接案時限在再次轉介後起算',
    en: 'no clock running: the previous handler sent it back and it waits for the office to choose again; a new acceptance period starts at the next referral',
  },
  'cases.staff.no_clock.not_referred': {
    'zh-Hans': '未计时。信访外事项不适用法定期限，机构接案时限在转介后起算',
    'zh-Hant': '未計時。信訪外事項不適用法定期限，機構接案時限在轉介後起算',
    en: 'no clock running: no statutory period applies to a matter outside petitions; the organization\'s acceptance period starts at referral',
  },
  'cases.staff.no_clock.reopened': {
    'zh-Hans': '未计时。事项已重新打开，等待信访局重新转办；办理期限在承办单位受理后重新起算',
    'zh-Hant': '未計時。事項已重新打開，等待信訪局重新轉辦；辦理期限在承辦單位受理後重新起算',
    en: 'no clock running: the case was reopened and waits for the office to refer it again; the period starts again when a handler accepts it',
  },
  'cases.staff.no_clock.other': {
    'zh-Hans': '未计时。当前没有运行中的法定期限',
    'zh-Hant': '未計時。目前沒有運行中的法定期限',
    en: 'no clock running: no statutory period is running now',
  },
  'cases.staff.proposal.no_org': { 'zh-Hans': '（无可用机构，请人工指定）', 'zh-Hant': '（無可用機構，請人工指定）', en: '(no organization available; please choose one)' },
  'cases.staff.proposal.choose_department': { 'zh-Hans': '（请指定部门）', 'zh-Hant': '（請指定部門）', en: '(please choose a department)' },
  // 存疑原因: why the office reviews the case, as a sentence naming departments and services (cases/cardLabels.ts
  // unsureLabel); the card had shown the engine's reason code. {margin}: by how much the first reading led.
  'cases.staff.unsure.margin_departments': {
    'zh-Hans': '两个部门难以区分：{first}仅以 {margin} 领先{second}',
    'zh-Hant': '兩個部門難以區分：{first}僅以 {margin} 領先{second}',
    en: 'two departments are hard to tell apart: {first} leads {second} by only {margin}',
  },
  'cases.staff.unsure.margin_targets': {
    'zh-Hans': '两个去向难以区分：{first}仅以 {margin} 领先{second}',
    'zh-Hant': '兩個去向難以區分：{first}僅以 {margin} 領先{second}',
    en: 'two possible handlers are hard to tell apart: {first} leads {second} by only {margin}',
  },
  'cases.staff.unsure.close_departments': {
    'zh-Hans': '两个部门难以区分：{first}，也可能是{second}',
    'zh-Hant': '兩個部門難以區分：{first}，也可能是{second}',
    en: 'two departments are hard to tell apart: {first}, or perhaps {second}',
  },
  'cases.staff.unsure.close_targets': {
    'zh-Hans': '两个去向难以区分：{first}，也可能是{second}',
    'zh-Hant': '兩個去向難以區分：{first}，也可能是{second}',
    en: 'two possible handlers are hard to tell apart: {first}, or perhaps {second}',
  },
  'cases.staff.unsure.target_unsure': { 'zh-Hans': '去向难以确定', 'zh-Hant': '去向難以確定', en: 'the handler is hard to tell' },
  'cases.staff.unsure.low_confidence': { 'zh-Hans': '系统判断的把握不大', 'zh-Hant': '系統判斷的把握不大', en: 'the system is not confident of its reading' },
  'cases.staff.unsure.no_target': { 'zh-Hans': '系统未能确定承办单位', 'zh-Hant': '系統未能確定承辦單位', en: 'the system found no handler' },
  'cases.staff.unsure.engine_emergency': {
    'zh-Hans': '系统判断可能有紧急危险，请核实',
    'zh-Hant': '系統判斷可能有緊急危險，請核實',
    en: 'the system read a possible emergency; please check',
  },
  'cases.staff.unsure.target_not_allowed': {
    'zh-Hans': '系统给出的去向（{target}）不适用于此类事项',
    'zh-Hant': '系統給出的去向（{target}）不適用於此類事項',
    en: 'the handler the system gave ({target}) does not fit this kind of matter',
  },
  'cases.staff.unsure.resident_asked_case': {
    'zh-Hans': '群众咨询后要求登记为案件',
    'zh-Hant': '群眾諮詢後要求登記為案件',
    en: 'the resident asked a question and then asked to register it as a case',
  },
  'cases.staff.unsure.resident_chose_service': {
    'zh-Hans': '群众自己选择了{service}',
    'zh-Hant': '群眾自己選擇了{service}',
    en: 'the resident chose {service} themselves',
  },
  'cases.staff.unsure.resident_asked_other_org': {
    'zh-Hans': '群众要求换一家机构',
    'zh-Hant': '群眾要求換一家機構',
    en: 'the resident asked for another organization',
  },
  'cases.staff.unsure.unclear_twice': {
    'zh-Hans': '群众两次表述不清，请确定去向',
    'zh-Hant': '群眾兩次表述不清，請確定去向',
    en: 'the resident was unclear twice; please choose the handler',
  },
  'cases.staff.unsure.resident_refused_service': {
    'zh-Hans': '群众拒绝了建议的服务，坚持投诉',
    'zh-Hant': '群眾拒絕了建議的服務，堅持投訴',
    en: 'the resident refused the service offered and wants to complain',
  },
  'cases.staff.unsure.after_emergency': {
    'zh-Hans': '群众在紧急求助之后提出的事项',
    'zh-Hant': '群眾在緊急求助之後提出的事項',
    en: 'a matter the resident raised alongside an emergency',
  },
  // A reason this release does not know (a newer engine wrote it): its words, inside a sentence.
  'cases.staff.unsure.other': { 'zh-Hans': '其他原因（{reason}）', 'zh-Hant': '其他原因（{reason}）', en: 'other reason ({reason})' },
  // The office card keeps a long text short; it says so, and where the whole text is.
  'cases.staff.summary_cut': {
    'zh-Hans': '{head}……（已截取前 {shown} 字，全文 {total} 字见网页工作台的案件页）',
    'zh-Hant': '{head}……（已截取前 {shown} 字，全文 {total} 字見網頁工作台的案件頁）',
    en: '{head}… (first {shown} of {total} characters; the whole text is on the case page of the web console)',
  },

  // The office chat's copy of a long resident note (cases/commands/run.ts officeNote): the start, what was left
  // out, and where the whole is — the console case page's timeline shows notes whole.
  'cases.staff.note_cut': {
    'zh-Hans': '{head}……（以下省略 {omitted} 字，全文见网页工作台案件 {ref} 的时间线）',
    'zh-Hant': '{head}……（以下省略 {omitted} 字，全文見網頁工作台案件 {ref} 的時間線）',
    en: '{head}… ({omitted} more characters; the whole text is in the timeline of case {ref} in the web console)',
  },
  // ---- to a department or organization group
  'cases.handler.referral_card': {
    'zh-Hans': '【转办】{ref}\n类别：{category}　{target}\n摘要：{summary}\n联系方式：{contact}\n请于 {dueDate} 前处理。',
    'zh-Hant': '【轉辦】{ref}\n類別：{category}　{target}\n摘要：{summary}\n聯繫方式：{contact}\n請於 {dueDate} 前處理。',
    en: '[Referral] {ref}\nCategory: {category}  {target}\nSummary: {summary}\nContact: {contact}\nPlease act by {dueDate}.',
  },
  // The referral card's second field: the department it is referred to, or the service an organization is asked for.
  'cases.handler.target.department': { 'zh-Hans': '承办单位：{name}', 'zh-Hant': '承辦單位：{name}', en: 'Referred to: {name}' },
  'cases.handler.target.service': { 'zh-Hans': '服务：{service}', 'zh-Hant': '服務：{service}', en: 'Service: {service}' },
  // The resident added to the case after it was referred: the holder reads it too (redacted, as its card is).
  'cases.handler.resident_note': {
    'zh-Hans': '📎 {ref} 来信人补充（已隐去个人信息）：{note}',
    'zh-Hant': '📎 {ref} 來信人補充（已隱去個人資訊）：{note}',
    en: '📎 {ref}: the resident adds (personal details hidden): {note}',
  },
  'cases.handler.urgent': {
    'zh-Hans': '【紧急】{ref} 已被信访部门标记为紧急，请优先处理。',
    'zh-Hant': '【緊急】{ref} 已被信訪部門標記為緊急，請優先處理。',
    en: '[Urgent] The petition office marked {ref} urgent; please give it priority.',
  },
  'cases.handler.withdrawn': {
    'zh-Hans': '【撤回】{ref} 已由群众撤回，请停止办理。',
    'zh-Hant': '【撤回】{ref} 已由群眾撤回，請停止辦理。',
    en: '[Withdrawn] {ref} was withdrawn by the resident; please stop work on it.',
  },
  'cases.handler.consent_withdrawn': {
    'zh-Hans': '【撤回同意】{ref} 的当事人已撤回信息共享同意，转介终止。请删除已收到的个人信息。',
    'zh-Hant': '【撤回同意】{ref} 的當事人已撤回資訊共享同意，轉介終止。請刪除已收到的個人資訊。',
    en: '[Consent withdrawn] The resident in {ref} withdrew consent; the referral has ended. Please delete the personal information you received.',
  },
} satisfies Catalogue;
