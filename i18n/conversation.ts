import type { Catalogue } from './types.js';

/**
 * Texts of the resident's conversation (conversation/resident.ts). Case messages (opened, referred,
 * resolved, survey, withdrawn…) are not here: cases/ writes them to the outbox and i18n/cases.ts
 * holds them, so a resident never gets the same news twice.
 */
export const messages = {
  // ---- generic
  'conversation.text': { 'zh-Hans': '{text}', 'zh-Hant': '{text}', en: '{text}' },
  'conversation.welcome': {
    'zh-Hans': '您好，这里是区信访局的服务机器人。请直接用文字说明您遇到的问题：发生了什么、在哪里、希望怎么解决。发送 /status 查询进度，/withdraw 撤回诉求，/privacy 了解隐私说明。',
    'zh-Hant': '您好，這裡是區信訪局的服務機器人。請直接用文字說明您遇到的問題：發生了甚麼、在哪裡、希望怎麼解決。發送 /status 查詢進度，/withdraw 撤回訴求，/privacy 了解私隱說明。',
    en: 'Hello, this is the district petition office bot. Please describe your problem in words: what happened, where, and what you would like done. Send /status for progress, /withdraw to withdraw, /privacy for our privacy note.',
  },
  'conversation.help': {
    'zh-Hans': '直接发送文字描述您的问题即可。/status 查询进度，/withdraw 撤回诉求，/privacy 隐私说明。遇到紧急危险请先拨打 110、119 或 120。',
    'zh-Hant': '直接發送文字描述您的問題即可。/status 查詢進度，/withdraw 撤回訴求，/privacy 私隱說明。遇到緊急危險請先撥打 110、119 或 120。',
    en: 'Just send a text describing your problem. /status for progress, /withdraw to withdraw, /privacy for our privacy note. In an emergency call 110, 119 or 120 first.',
  },
  'conversation.error.empty': {
    'zh-Hans': '没有收到文字内容。请用文字说明您的问题。',
    'zh-Hant': '沒有收到文字內容。請用文字說明您的問題。',
    en: 'We did not receive any text. Please describe your problem in words.',
  },
  // No longer sent (an over-long message is kept up to the limit: conversation.long.kept); a reply stored before
  // for a redelivered update may still name it.
  'conversation.error.too_long': {
    'zh-Hans': '消息太长了（最多 {max} 字）。请精简后分几条发送，先说最主要的问题。',
    'zh-Hant': '訊息太長了（最多 {max} 字）。請精簡後分幾條發送，先說最主要的問題。',
    en: 'That message is too long (at most {max} characters). Please shorten it and start with the main problem.',
  },
  'conversation.long.kept': {
    'zh-Hans': '您的消息有 {length} 字，一条最多能保存 {max} 字。我们保留了前 {kept} 字（到“{end}”为止），下面先按这部分处理；后面的内容请另发一条消息，我们会接着处理。',
    'zh-Hant': '您的訊息有 {length} 字，一條最多能保存 {max} 字。我們保留了前 {kept} 字（到「{end}」為止），下面先按這部分處理；後面的內容請另發一條訊息，我們會接著處理。',
    en: 'Your message has {length} characters, and one message can keep at most {max}. We kept the first {kept} (up to "{end}") and handle that part below; please send the rest in another message and we will take it from there.',
  },
  // The same cut for an account told in several messages (conversation/residentAccount.ts): no one message was too long.
  'conversation.long.kept_account': {
    'zh-Hans': '您对这件事的几条说明合计 {length} 字，一件事最多能保存 {max} 字。我们保留了前 {kept} 字（到“{end}”为止），下面按这部分处理；其余内容请在提交后另发，我们会补充到案件里。',
    'zh-Hant': '您對這件事的幾條說明合計 {length} 字，一件事最多能保存 {max} 字。我們保留了前 {kept} 字（到「{end}」為止），下面按這部分處理；其餘內容請在提交後另發，我們會補充到案件裡。',
    en: 'Your messages about this matter come to {length} characters, and one matter can keep at most {max}. We kept the first {kept} (up to "{end}") and handle that part below; please send the rest after submitting, and we will add it to the case.',
  },
  'conversation.error.unreadable': {
    'zh-Hans': '这条消息无法识别，请用文字重新描述。',
    'zh-Hant': '這條訊息無法識別，請用文字重新描述。',
    en: 'We could not read that message. Please describe it again in words.',
  },
  'conversation.error.expired': {
    'zh-Hans': '这个按钮已失效。请重新发送您的问题，或发送 /status 查看进度。',
    'zh-Hant': '這個按鈕已失效。請重新發送您的問題，或發送 /status 查看進度。',
    en: 'That button is no longer valid. Please send your message again, or /status to see your cases.',
  },
  'conversation.error.case_unavailable': {
    'zh-Hans': '找不到您名下的这个案件，或它已无法进行此操作。发送 /status 查看您的案件。',
    'zh-Hant': '找不到您名下的這個案件，或它已無法進行此操作。發送 /status 查看您的案件。',
    en: 'We cannot find that case among yours, or it no longer allows this. Send /status to see your cases.',
  },
  'conversation.error.busy': {
    'zh-Hans': '系统正忙，请稍后再试一次。',
    'zh-Hant': '系統正忙，請稍後再試一次。',
    en: 'The system is busy. Please try again in a moment.',
  },
  'conversation.error.rejected': {
    'zh-Hans': '暂时无法登记：{reason}',
    'zh-Hant': '暫時無法登記：{reason}',
    en: 'We could not register this: {reason}',
  },
  // ---- unclear
  // Said in words instead of a command (triage/commandWords.ts).
  'conversation.person': {
    'zh-Hans': '我是自动服务，但每一件登记的事项都由信访局工作人员审核、转交和跟进，不会只由机器处理。请直接写下您遇到的事情，我们会交给工作人员；需要当面反映的，也可以在工作日到区信访局接待窗口。遇到紧急危险请先拨打 110、119 或 120。',
    'zh-Hant': '我是自動服務，但每一件登記的事項都由信訪局工作人員審核、轉交和跟進，不會只由機器處理。請直接寫下您遇到的事情，我們會交給工作人員；需要當面反映的，也可以在工作日到區信訪局接待窗口。遇到緊急危險請先撥打 110、119 或 120。',
    en: "I am an automated service, but every registered matter is reviewed, referred and followed up by the petition office's staff, never by the machine alone. Just write what happened and we will pass it to them; you can also come to the district petition office's reception on working days. In an emergency call 110, 119 or 120 first.",
  },
  // 复查 (conversation/residentReview.ts).
  'conversation.review.reason_prompt': {
    'zh-Hans': '请用一两句话写明您对事项 {ref} 的处理意见不服的理由（例如哪些事实没有查清、哪些诉求没有回应）。您发送的下一条消息就是复查请求。',
    'zh-Hant': '請用一兩句話寫明您對事項 {ref} 的處理意見不服的理由（例如哪些事實沒有查清、哪些訴求沒有回應）。您發送的下一條訊息就是復查請求。',
    en: 'Please say in a sentence or two why you do not accept the decision on case {ref} (for example which facts were not checked, or what was not answered). Your next message will be sent as the review request.',
  },
  'conversation.review.cancelled': {
    'zh-Hans': '好的，没有提交对事项 {ref} 的复查请求。如果改变主意，请在期限内再说“我要申请复查”。',
    'zh-Hant': '好的，沒有提交對事項 {ref} 的復查請求。如果改變主意，請在期限內再說「我要申請復查」。',
    en: 'All right, no review request was sent for case {ref}. If you change your mind, say "I want to request a review" before the deadline.',
  },
  'conversation.review.none': {
    'zh-Hans': '复查针对已经书面答复的信访事项，须在收到答复之日起30日内提出（《信访工作条例》第三十五条）。您目前没有可以请求复查的事项；/status 可查看您的事项。',
    'zh-Hant': '復查針對已經書面答覆的信訪事項，須在收到答覆之日起30日內提出（《信訪工作條例》第三十五條）。您目前沒有可以請求復查的事項；/status 可查看您的事項。',
    en: 'A review (复查) is of a petition that has had its written reply, asked for within 30 days of that reply (Petition Work Regulations, Art. 35). You have no case that can be reviewed now; /status lists your cases.',
  },
  'conversation.review.under_way': {
    'zh-Hans': '事项 {ref} 正在复查中，复查机关会书面答复您；/status 可以查看答复期限。',
    'zh-Hant': '事項 {ref} 正在復查中，復查機關會書面答覆您；/status 可以查看答覆期限。',
    en: 'Case {ref} is already under review (复查); you will get a written answer. /status shows when it is due.',
  },
  'conversation.consent_back.none': {
    'zh-Hans': '您目前没有同意转介给社会组织的进行中事项，没有机构持有您的信息。',
    'zh-Hant': '您目前沒有同意轉介給社會組織的進行中事項，沒有機構持有您的資料。',
    en: 'You have no open case referred with your consent to a social organization; no organization holds your details.',
  },
  'conversation.review.expired': {
    'zh-Hans': '请求复查事项 {ref} 的期限已于 {deadline} 届满（收到书面答复之日起30日内，《信访工作条例》第三十五条）。如有新的情况，可以作为新的诉求直接告诉我们。',
    'zh-Hant': '請求復查事項 {ref} 的期限已於 {deadline} 屆滿（收到書面答覆之日起30日內，《信訪工作條例》第三十五條）。如有新的情況，可以作為新的訴求直接告訴我們。',
    en: 'The period to request a review of case {ref} ended on {deadline} (within 30 days of the written reply, Petition Work Regulations, Art. 35). If something new has happened, just tell us about it as a new request.',
  },
  'conversation.review.already': {
    'zh-Hans': '事项 {ref} 已经复查过。对复查意见不服的，可以自收到复查意见之日起30日内，向复查机关的上一级机关请求复核（《信访工作条例》第三十六条）。',
    'zh-Hant': '事項 {ref} 已經復查過。對復查意見不服的，可以自收到復查意見之日起30日內，向復查機關的上一級機關請求復核（《信訪工作條例》第三十六條）。',
    en: 'Case {ref} has already been reviewed. If you do not accept the review opinion, you may ask the body above the reviewing body for a re-examination (复核) within 30 days of receiving it (Petition Work Regulations, Art. 36).',
  },
  'conversation.privacy_question': {
    'zh-Hans': '您的姓名、电话等个人信息不会告诉被投诉或被反映的一方：承办部门只看到去掉个人信息的摘要，社会组织只有在您同意后才能看到您同意分享的内容。完整的隐私说明和您的权利如下。',
    'zh-Hant': '您的姓名、電話等個人資料不會告訴被投訴或被反映的一方：承辦部門只看到去掉個人資料的摘要，社會組織只有在您同意後才能看到您同意分享的內容。完整的私隱說明和您的權利如下。',
    en: 'Your name, phone number and other personal details are not given to the person or body you complain about: the department handling it sees only a summary with personal details removed, and a social organization sees only what you agree to share. The full privacy notice and your rights follow.',
  },
  'conversation.howlong': {
    'zh-Hans': '登记后，信访局会在 15 日内告知您是否受理、转给哪个单位（《信访工作条例》第二十二条）；承办单位受理后一般在 60 日内办结并书面答复，情况复杂的可以延长，最多 30 日（第三十四条）。转介社会组织的求助，机构会在约定的几个工作日内答复是否接手。/status 可以随时查看进度。',
    'zh-Hant': '登記後，信訪局會在 15 日內告知您是否受理、轉給哪個單位（《信訪工作條例》第二十二條）；承辦單位受理後一般在 60 日內辦結並書面答覆，情況複雜的可以延長，最多 30 日（第三十四條）。轉介社會組織的求助，機構會在約定的幾個工作日內答覆是否接手。/status 可以隨時查看進度。',
    en: 'Once registered, the petition office tells you within 15 days whether it is taken up and by whom (Petition Work Regulations, Art. 22); the department then resolves it and answers in writing within 60 days, which may be extended once by up to 30 days for a complex case (Art. 34). For a referral to a social organization, the organization says within a few working days whether it takes the case. /status shows the progress at any time.',
  },
  'conversation.courtesy': {
    'zh-Hans': '不客气。还有其他事情，直接发给我们即可；/status 可以查看进度。',
    'zh-Hant': '不客氣。還有其他事情，直接發給我們即可；/status 可以查看進度。',
    en: "You're welcome. If there is anything else, just send it; /status shows your progress.",
  },
  'conversation.unclear.question': {
    'zh-Hans': '请再具体说一下：是什么事、发生在哪里、涉及哪个单位或哪些人、希望怎么解决？',
    'zh-Hant': '請再具體說一下：是甚麼事、發生在哪裡、涉及哪個單位或哪些人、希望怎麼解決？',
    en: 'Could you tell us a bit more: what happened, where, who is involved, and what you would like done?',
  },
  'conversation.unclear.example': {
    'zh-Hans': '请用一两句话写下您遇到的事情，例如：“小区门口的路灯坏了一个月，晚上很不安全，希望尽快修好。”我们收到后会判断由哪个部门处理。',
    'zh-Hant': '請用一兩句話寫下您遇到的事情，例如：「小區門口的路燈壞了一個月，晚上很不安全，希望盡快修好。」我們收到後會判斷由哪個部門處理。',
    en: 'Please describe your matter in a sentence or two, for example: "The street light at our estate gate has been broken for a month; it is unsafe at night and we would like it fixed." We will then work out who should handle it.',
  },
  'conversation.unclear.to_office': {
    'zh-Hans': '我们仍无法自动判断，已请工作人员查看您的消息。',
    'zh-Hant': '我們仍無法自動判斷，已請工作人員查看您的訊息。',
    en: 'We still could not tell automatically, so a staff member will look at your message.',
  },
  // ---- inquiry
  'conversation.inquiry.more': {
    'zh-Hans': '如果这没有解决您的问题，可以登记为诉求，由工作人员处理。',
    'zh-Hant': '如果這沒有解決您的問題，可以登記為訴求，由工作人員處理。',
    en: 'If this does not solve your problem, you can register it as a request for staff to handle.',
  },
  'conversation.inquiry.none': {
    'zh-Hans': '我们的政策文件里没有找到能回答这个问题的内容。可以登记为诉求，由工作人员答复您。',
    'zh-Hant': '我們的政策文件裡沒有找到能回答這個問題的內容。可以登記為訴求，由工作人員答覆您。',
    en: 'Our documents do not answer this question. You can register it as a request, and staff will answer you.',
  },
  // ---- legal channel
  'conversation.legal.labour': {
    'zh-Hans': '这类劳动争议依法应通过劳动争议调解或劳动人事争议仲裁解决（对仲裁裁决不服可向法院起诉），信访渠道不能代替这些程序。申请仲裁的时效一般为一年，从知道或者应当知道权利被侵害之日起计算；在职期间被拖欠工资的，在职时申请不受这一年的限制，离职的应当自离职之日起一年内申请（《劳动争议调解仲裁法》第二十七条）。仲裁向用人单位所在地或劳动合同履行地的劳动人事争议仲裁委员会申请。',
    'zh-Hant': '這類勞動爭議依法應通過勞動爭議調解或勞動人事爭議仲裁解決（對仲裁裁決不服可向法院起訴），信訪渠道不能代替這些程序。申請仲裁的時效一般為一年，從知道或者應當知道權利被侵害之日起計算；在職期間被拖欠工資的，在職時申請不受這一年的限制，離職的應當自離職之日起一年內申請（《勞動爭議調解仲裁法》第二十七條）。仲裁向用人單位所在地或勞動合同履行地的勞動人事爭議仲裁委員會申請。',
    en: 'By law, a labour dispute like this goes to labour mediation or labour arbitration (and to court if you disagree with the award); a petition cannot replace these procedures. You generally have one year to apply for arbitration, from when you knew or should have known your rights were infringed; for wages unpaid during the employment this limit does not run while you are still employed, and once the job ends you have one year from its end (Labour Dispute Mediation and Arbitration Law, Art. 27). You apply to the labour dispute arbitration commission where the employer is or where you worked.',
  },
  'conversation.legal.reconsideration': {
    'zh-Hans': '对行政机关的决定（如处罚、许可）不服，依法应申请行政复议或提起行政诉讼，信访渠道不能代替这些程序，也不会让期限停下来。行政复议应当自知道或者应当知道该决定之日起六十日内申请（《行政复议法》第二十条），向行政复议机关提出：一般是作出决定的部门所属的本级人民政府（在深圳，区政府部门的决定一般向区人民政府申请，市政府部门的决定一般向市人民政府申请，由政府的行政复议机构办理）；海关、税务、金融等垂直管理的机关，向其上一级主管部门申请（第二十四条、第二十七条）。决定书上通常写明了复议机关和期限，请以决定书为准。直接起诉的，行政诉讼一般应当自知道或者应当知道作出决定之日起六个月内提起（《行政诉讼法》第四十六条）；复议已经受理的，复议期间不能同时起诉。',
    'zh-Hant': '對行政機關的決定（如處罰、許可）不服，依法應申請行政覆議或提起行政訴訟，信訪渠道不能代替這些程序，也不會讓期限停下來。行政覆議應當自知道或者應當知道該決定之日起六十日內申請（《行政覆議法》第二十條），向行政覆議機關提出：一般是作出決定的部門所屬的本級人民政府（在深圳，區政府部門的決定一般向區人民政府申請，市政府部門的決定一般向市人民政府申請，由政府的行政覆議機構辦理）；海關、稅務、金融等垂直管理的機關，向其上一級主管部門申請（第二十四條、第二十七條）。決定書上通常寫明了覆議機關和期限，請以決定書為準。直接起訴的，行政訴訟一般應當自知道或者應當知道作出決定之日起六個月內提起（《行政訴訟法》第四十六條）；覆議已經受理的，覆議期間不能同時起訴。',
    en: 'To challenge an administrative decision (a fine, a licence…), the law provides administrative reconsideration or an administrative lawsuit; a petition cannot replace them, and it does not stop their time limits. Reconsideration must be applied for within 60 days of when you knew or should have known of the decision (Administrative Reconsideration Law, Art. 20), to the reconsideration organ: normally the people’s government at the level of the department that decided (in Shenzhen, a district department’s decision generally goes to the district government, a municipal department’s to the municipal government, whose administrative reconsideration office handles it); for bodies under vertical management such as customs, tax or finance, to the body one level above (Arts. 24 and 27). The decision letter usually names the reconsideration organ and the time limit: it is what counts. To go straight to court, an administrative lawsuit is generally filed within six months of when you knew or should have known of the decision (Administrative Litigation Law, Art. 46); while an accepted reconsideration is under way you cannot sue at the same time.',
  },
  'conversation.legal.enforcement': {
    'zh-Hans': '判决、裁定或仲裁裁决已经生效而对方不履行的，依法可以向有管辖权的人民法院申请强制执行，申请期限为二年（《民事诉讼法》）。已经申请执行但迟迟没有进展的，可以向执行法院提出，也可以向上一级人民法院或人民检察院反映。信访渠道不能代替执行程序（《信访工作条例》第三十一条）。',
    'zh-Hant': '判決、裁定或仲裁裁決已經生效而對方不履行的，依法可以向有管轄權的人民法院申請強制執行，申請期限為二年（《民事訴訟法》）。已經申請執行但遲遲沒有進展的，可以向執行法院提出，也可以向上一級人民法院或人民檢察院反映。信訪渠道不能代替執行程序（《信訪工作條例》第三十一條）。',
    en: 'Once a judgment, ruling or arbitration award is in force and the other side does not comply, you can apply to the competent people’s court for compulsory enforcement, within two years (Civil Procedure Law). If you have applied and enforcement has stalled, raise it with that court, or with the court above it or the people’s procuratorate. A petition cannot replace enforcement proceedings (Petition Work Regulations, Art. 31).',
  },
  'conversation.legal.court': {
    'zh-Hans': '这类纠纷依法应通过人民调解或向人民法院起诉解决，信访渠道不能代替诉讼程序（《信访工作条例》第三十一条）。向法院起诉的诉讼时效一般为三年，从知道或者应当知道权利受到损害以及谁应负责之日起计算（《民法典》第一百八十八条）。',
    'zh-Hant': '這類糾紛依法應通過人民調解或向人民法院起訴解決，信訪渠道不能代替訴訟程序（《信訪工作條例》第三十一條）。向法院起訴的訴訟時效一般為三年，從知道或者應當知道權利受到損害以及誰應負責之日起計算（《民法典》第一百八十八條）。',
    en: 'A dispute like this is settled by people’s mediation or a lawsuit in court; a petition cannot replace court proceedings (Petition Work Regulations, Art. 31). The limitation period for going to court is generally three years, from when you knew or should have known of the harm and who is liable (Civil Code, Art. 188).',
  },
  'conversation.legal.basis': {
    'zh-Hans': '依据：\n{basis}',
    'zh-Hant': '依據：\n{basis}',
    en: 'Legal basis:\n{basis}',
  },
  'conversation.legal.aid_offer': {
    'zh-Hans': '您可能符合法律援助条件。需要我们把您的情况转给{org}吗？会分享：{shared}。转介前需要您的同意，之后可随时撤回。',
    'zh-Hant': '您可能符合法律援助條件。需要我們把您的情況轉給{org}嗎？會分享：{shared}。轉介前需要您的同意，之後可隨時撤回。',
    en: 'You may qualify for free legal aid. Shall we refer your matter to {org}? We would share: {shared}. We need your consent first, and you can withdraw it any time.',
  },
  'conversation.legal.info_only': {
    'zh-Hans': '好的，我们不转介。您可以按上面说明的途径自行办理；需要时再联系我们。',
    'zh-Hant': '好的，我們不轉介。您可以按上面說明的途徑自行辦理；需要時再聯繫我們。',
    en: 'All right, we will not refer it. You can follow the procedure above yourself; contact us again any time.',
  },
  // ---- petition
  'conversation.petition.elsewhere': {
    'zh-Hans': '提示：您提到了{districts}。信访事项按属地办理，如果事情发生在本区以外，信访局审核后会转送当地的信访部门，并告诉您转到了哪里。',
    'zh-Hant': '提示：您提到了{districts}。信訪事項按屬地辦理，如果事情發生在本區以外，信訪局審核後會轉送當地的信訪部門，並告訴您轉到了哪裡。',
    en: 'Note: you mention {districts}. Petitions are handled where the matter happened; if it is outside this district, the office will forward it to that district after review and tell you where it went.',
  },
  'conversation.petition.confirm': {
    'zh-Hans': '我们理解您的诉求是：\n{summary}\n拟转交：{handler}。\n确认提交请点按钮；想补充细节，直接发送补充内容即可。',
    'zh-Hant': '我們理解您的訴求是：\n{summary}\n擬轉交：{handler}。\n確認提交請點按鈕；想補充細節，直接發送補充內容即可。',
    en: 'We understand your request as:\n{summary}\nProposed handler: {handler}.\nPress the button to submit; to add details, just send them as a message.',
  },
  'conversation.consent.still_waiting': {
    'zh-Hans': '您还没有回答是否同意我们把您的情况转给「{org}」。同意或不同意，请点下面的按钮。',
    'zh-Hant': '您還沒有回答是否同意我們把您的情況轉給「{org}」。同意或不同意，請點下面的按鈕。',
    en: 'You have not yet said whether we may pass your situation to "{org}". Please press a button below: yes or no.',
  },
  // After the emergency numbers: the other matter of the same message, kept for when the resident is safe.
  'conversation.emergency.matter_later': {
    'zh-Hans': '您在消息里还提到：“{matter}”。先顾好安全，这件事我们替您记着。等您方便的时候，按下面的按钮，我们接着帮您办理。',
    'zh-Hant': '您在訊息裡還提到：「{matter}」。先顧好安全，這件事我們替您記著。等您方便的時候，按下面的按鈕，我們接著幫您辦理。',
    en: 'You also mentioned: "{matter}". Your safety comes first; we have kept a note of this. When you are ready, press the button below and we will take it up with you.',
  },
  // A denial right after the concern reply ("我没有想不开"): an answer to it, not a second concern (conversation/residentDenial.ts).
  'conversation.concern.denied': {
    'zh-Hans': '谢谢您告诉我们，我们放心了一些。如果之后心里难受、想找人聊聊，上面的 24 小时热线随时可以打；您反映的事情我们会继续处理。',
    'zh-Hant': '謝謝您告訴我們，我們放心了一些。如果之後心裡難受、想找人聊聊，上面的 24 小時熱線隨時可以打；您反映的事情我們會繼續處理。',
    en: 'Thank you for telling us — we are glad to hear it. If things get hard and you want to talk to someone, the 24-hour lines above are always open; we will keep handling the matter you raised.',
  },
  'conversation.safe_now': {
    'zh-Hans': '很高兴听到您现在安全了。如果还需要帮助，随时写给我们；想找人聊聊，24 小时热线随时可以打。',
    'zh-Hant': '很高興聽到您現在安全了。如果還需要幫助，隨時寫給我們；想找人聊聊，24 小時熱線隨時可以打。',
    en: "We are glad to hear you are safe now. If you need help again, write to us any time; the 24-hour lines are always there if you want to talk to someone.",
  },
  'conversation.emergency.matter_still': {
    'zh-Hans': '您之前提到的那件事我们还替您记着，需要时按下面的按钮，我们接着办理。',
    'zh-Hant': '您之前提到的那件事我們還替您記著，需要時按下面的按鈕，我們接著辦理。',
    en: 'We still have the other matter you mentioned. Press the button below when you want us to take it up.',
  },
  'conversation.petition.held_next': {
    'zh-Hans': '上面的诉求已提交。接下来是您另外发的那件事：',
    'zh-Hant': '上面的訴求已提交。接下來是您另外發的那件事：',
    en: 'The request above has been submitted. Now the other matter you sent:',
  },
  'conversation.consent.press_button': {
    'zh-Hans': '好的。请点下面的「同意转给该机构」按钮确认：这样我们才能把您的情况转给「{org}」。',
    'zh-Hant': '好的。請點下面的「同意轉給該機構」按鈕確認：這樣我們才能把您的情況轉給「{org}」。',
    en: 'All right. Please press "Yes, refer me" below to confirm: only then can we pass your situation to "{org}".',
  },
  'conversation.petition.private_hidden': {
    'zh-Hans': '（以上是您写的原话。转给承办单位时，地址、电话等个人信息会隐去，只有信访局工作人员能看到原文。）',
    'zh-Hant': '（以上是您寫的原文。轉給承辦單位時，地址、電話等個人資料會隱去，只有信訪局工作人員能看到原文。）',
    en: '(This is what you wrote. Your address, phone number and other personal details are hidden before it goes to the handler; only petition office staff see the original.)',
  },
  'conversation.petition.details_added': {
    'zh-Hans': '已补充。更新后的内容：\n{summary}\n确认提交请点按钮，或继续补充。',
    'zh-Hant': '已補充。更新後的內容：\n{summary}\n確認提交請點按鈕，或繼續補充。',
    en: 'Added. Your request now reads:\n{summary}\nPress the button to submit, or add more.',
  },
  'conversation.petition.still_waiting': {
    'zh-Hans': '您的诉求还没有提交。确认提交请点下面的按钮；想补充细节，直接发送补充内容即可。',
    'zh-Hant': '您的訴求還沒有提交。確認提交請點下面的按鈕；想補充細節，直接發送補充內容即可。',
    en: 'Your request has not been submitted yet. Press the button below to submit it; to add details, just send them as a message.',
  },
  'conversation.petition.other_matter': {
    'zh-Hans': '这条消息看起来是另一件事，没有加到上面的诉求里。上面的诉求还没有提交：请先确认提交或暂不提交，再单独发送这件事。如果它其实是对上面诉求的补充，请点「补充到上面的诉求」。',
    'zh-Hant': '這條訊息看起來是另一件事，沒有加到上面的訴求裡。上面的訴求還沒有提交：請先確認提交或暫不提交，再單獨發送這件事。如果它其實是對上面訴求的補充，請點「補充到上面的訴求」。',
    en: 'This message looks like a different matter, so it was not added to the request above. That request has not been submitted yet: please submit it or choose "Not now" first, then send the new matter on its own. If it is in fact a detail of the request above, press "Add it to this request".',
  },
  'conversation.petition.too_long_combined': {
    'zh-Hans': '这条补充没有加进去：加上它，诉求摘要会超过 {max} 字的上限（现在约 {current} 字，这条约 {added} 字）。可以先点「确认提交」提交现有内容，提交后再把补充发给我们，会附到该事项上；也可以把补充精简一些再发送。',
    'zh-Hant': '這條補充沒有加進去：加上它，訴求摘要會超過 {max} 字的上限（現在約 {current} 字，這條約 {added} 字）。可以先點「確認提交」提交現有內容，提交後再把補充發給我們，會附到該事項上；也可以把補充精簡一些再發送。',
    en: 'This addition was not added: with it, your request would be longer than the {max}-character limit (it has about {current} now, the addition about {added}). You can press "Yes, submit it" to submit what is there and then send the addition, which will be added to the case; or send a shorter addition.',
  },
  'conversation.petition.cancelled': {
    'zh-Hans': '好的，没有提交。需要时请再发消息给我们。',
    'zh-Hant': '好的，沒有提交。需要時請再發訊息給我們。',
    en: 'All right, nothing was submitted. Message us again whenever you need.',
  },
  // After a summary is cancelled in words while cases are registered: those stay, and this is how to withdraw one.
  'conversation.petition.withdraw_hint': {
    'zh-Hans': '已登记的案件不受影响。如需撤回已登记的案件，请发送 /withdraw。',
    'zh-Hant': '已登記的案件不受影響。如需撤回已登記的案件，請發送 /withdraw。',
    en: 'Your registered cases are not affected. To withdraw one of them, send /withdraw.',
  },
  // Two matters in one message: the office card records the second (第二事项); the resident is told too.
  'conversation.petition.second_handler': {
    'zh-Hans': '{first}；另一件事拟转交：{second}',
    'zh-Hant': '{first}；另一件事擬轉交：{second}',
    en: '{first}; the other matter: {second}',
  },
  'conversation.petition.office_decides': {
    'zh-Hans': '由信访局工作人员确定承办单位',
    'zh-Hant': '由信訪局工作人員確定承辦單位',
    en: 'the petition office will choose the handler',
  },
  // ---- out of scope
  'conversation.oos.offer': {
    'zh-Hans': '这件事不属于政府部门的信访事项，但{org}可以帮助您。会分享：{shared}。需要我们转介吗？转介前需要您的同意，之后可随时撤回。',
    'zh-Hant': '這件事不屬於政府部門的信訪事項，但{org}可以幫助您。會分享：{shared}。需要我們轉介嗎？轉介前需要您的同意，之後可隨時撤回。',
    en: 'This is not a matter for a government department, but {org} can help you. We would share: {shared}. Shall we refer you? We need your consent first, and you can withdraw it any time.',
  },
  'conversation.oos.other_button': {
    'zh-Hans': '我需要的是：{org}',
    'zh-Hant': '我需要的是：{org}',
    en: 'I need {org} instead',
  },
  'conversation.oos.no_org': {
    'zh-Hans': '这件事不属于政府部门的信访事项，目前名录中没有可以接收的社会组织。',
    'zh-Hant': '這件事不屬於政府部門的信訪事項，目前名錄中沒有可以接收的社會組織。',
    en: 'This is not a matter for a government department, and no social organization in our directory can take it at the moment.',
  },
  'conversation.oos.next_org': {
    'zh-Hans': '好的，还有另一家机构可以转介：',
    'zh-Hant': '好的，還有另一間機構可以轉介：',
    en: 'All right, here is another organization we can refer you to:',
  },
  'conversation.oos.no_other_org': {
    'zh-Hans': '目前名录里没有其他机构能接这件事了。如果改变主意，回复“还是帮我转介吧”，我们再问您是否转给{org}。',
    'zh-Hant': '目前名錄裡沒有其他機構能接這件事了。如果改變主意，回覆「還是幫我轉介吧」，我們再問您是否轉給{org}。',
    en: 'No other organization in our directory can take this at the moment. If you change your mind, reply "please refer me after all" and we will ask you again about {org}.',
  },
  'conversation.oos.no_other_org_plain': {
    'zh-Hans': '目前名录里没有其他机构能接这件事了。',
    'zh-Hant': '目前名錄裡沒有其他機構能接這件事了。',
    en: 'No other organization in our directory can take this at the moment.',
  },
  'conversation.oos.no_other_org_waiting': {
    'zh-Hans': '目前名录里没有其他机构能接这件事，只有{org}。要转给它，请按“同意转给该机构”；不需要，请按“不同意”。',
    'zh-Hant': '目前名錄裡沒有其他機構能接這件事，只有{org}。要轉給它，請按「同意轉給該機構」；不需要，請按「不同意」。',
    en: 'No other organization in our directory can take this; only {org} can. Press "Yes, refer me" to be referred to them, or "No, thanks" if you do not want that.',
  },
  'conversation.oos.info_only': {
    'zh-Hans': '好的，我们不转介，也不会分享您的信息。',
    'zh-Hant': '好的，我們不轉介，也不會分享您的資料。',
    en: 'All right, we will not refer you or share your details.',
  },
  'conversation.oos.notes': {
    'zh-Hans': '以下信息可能对您有帮助：\n{text}',
    'zh-Hant': '以下資訊可能對您有幫助：\n{text}',
    en: 'This may help:\n{text}',
  },
  'conversation.shared.summary': { 'zh-Hans': '隐去个人信息后的事情摘要', 'zh-Hant': '隱去個人資料後的事情摘要', en: 'a summary with personal data removed' },
  'conversation.shared.contact_chat': { 'zh-Hans': '联系您的聊天方式', 'zh-Hant': '聯絡您的聊天方式', en: 'a way to contact you in this chat' },
  'conversation.shared.language': { 'zh-Hans': '您使用的语言', 'zh-Hant': '您使用的語言', en: 'your language' },
  'conversation.shared.separator': { 'zh-Hans': '、', 'zh-Hant': '、', en: ', ' },
  // ---- follow-up
  'conversation.attach.offer': {
    'zh-Hans': '这条消息是关于案件 {ref} 的吗？可以附到该案件上，承办人员会看到。',
    'zh-Hant': '這條訊息是關於案件 {ref} 的嗎？可以附到該案件上，承辦人員會看到。',
    en: 'Is this about case {ref}? We can add it to that case so the staff see it.',
  },
  'conversation.attach.done': {
    'zh-Hans': '已附到案件 {ref}，工作人员会看到。',
    'zh-Hant': '已附到案件 {ref}，工作人員會看到。',
    en: 'Added to case {ref}; the staff will see it.',
  },
  'conversation.answer.saved': {
    'zh-Hans': '已把您的回复作为对事项 {ref} 询问的答复转给工作人员，谢谢。如果这条说的是另一件事，请再发送一次。',
    'zh-Hant': '已把您的回覆作為對事項 {ref} 詢問的答覆轉給工作人員，謝謝。如果這條說的是另一件事，請再發送一次。',
    en: 'Thank you: your reply has been passed to the staff as your answer to their question about case {ref}. If this message was about something else, please send it again.',
  },
  'conversation.attachment.saved': {
    'zh-Hans': '已把您发送的{kind}附到案件 {ref}。',
    'zh-Hant': '已把您發送的{kind}附到案件 {ref}。',
    en: 'Your {kind} has been added to case {ref}.',
  },
  'conversation.attachment.describe_first': {
    'zh-Hans': '收到了文件，但您还没有进行中的案件。请先用文字说明问题，登记后再发送照片或文件。',
    'zh-Hant': '收到了檔案，但您還沒有進行中的案件。請先用文字說明問題，登記後再發送照片或檔案。',
    en: 'Thanks for the file, but you have no open case yet. Please describe the problem in text first; you can send photos or documents after it is registered.',
  },
  'conversation.attachment.photo': { 'zh-Hans': '照片', 'zh-Hant': '照片', en: 'photo' },
  'conversation.attachment.document': { 'zh-Hans': '文件', 'zh-Hant': '檔案', en: 'document' },
  // ---- status / withdraw
  'conversation.status.none': {
    'zh-Hans': '您目前没有登记的案件。',
    'zh-Hant': '您目前沒有登記的案件。',
    en: 'You have no registered cases.',
  },
  'conversation.status.line': {
    'zh-Hans': '{ref}：{status}{next}',
    'zh-Hant': '{ref}：{status}{next}',
    en: '{ref}: {status}{next}',
  },
  'conversation.status.next': {
    'zh-Hans': '，预计 {date} 前答复',
    'zh-Hant': '，預計 {date} 前答覆',
    en: ', answer due by {date}',
  },
  'conversation.status.next.forward_notify': {
    'zh-Hans': '，将于 {date} 前告知您受理和转送情况',
    'zh-Hant': '，將於 {date} 前告知您受理和轉送情況',
    en: ', you will be told by {date} who takes it up',
  },
  'conversation.status.next.resolve': { 'zh-Hans': '，预计 {date} 前办结并答复', 'zh-Hant': '，預計 {date} 前辦結並答覆', en: ', to be resolved and answered by {date}' },
  'conversation.status.next.review_answer': { 'zh-Hans': '，复查意见将于 {date} 前答复', 'zh-Hant': '，復查意見將於 {date} 前答覆', en: ', the review answer is due by {date}' },
  'conversation.status.next.recheck_answer': { 'zh-Hans': '，复核意见将于 {date} 前答复', 'zh-Hant': '，復核意見將於 {date} 前答覆', en: ', the re-examination answer is due by {date}' },
  'conversation.status.next.org_accept': {
    'zh-Hans': '，机构将于 {date} 前答复是否接手',
    'zh-Hant': '，機構將於 {date} 前答覆是否接手',
    en: ', the organization will say by {date} whether it takes the case',
  },
  'conversation.status.next.org_first_contact': { 'zh-Hans': '，机构将于 {date} 前与您联系', 'zh-Hant': '，機構將於 {date} 前與您聯絡', en: ', the organization will contact you by {date}' },
  'conversation.status.awaiting_consent': {
    'zh-Hans': '{ref}：等您答复——信访局拟改为转介给「{org}」，您同意之前不会发给该机构。请按下面的按钮回答：',
    'zh-Hant': '{ref}：等您答覆——信訪局擬改為轉介給「{org}」，您同意之前不會發給該機構。請按下面的按鈕回答：',
    en: '{ref}: waiting for your answer. The office proposes to refer it to {org} instead; nothing goes to them before you agree. Please answer with the buttons below:',
  },
  'conversation.status.received': { 'zh-Hans': '已收到', 'zh-Hant': '已收到', en: 'received' },
  'conversation.status.office_review': { 'zh-Hans': '信访局审核中', 'zh-Hant': '信訪局審核中', en: 'under review by the office' },
  'conversation.status.referred': { 'zh-Hans': '已转交承办单位', 'zh-Hant': '已轉交承辦單位', en: 'referred to the handler' },
  'conversation.status.accepted': { 'zh-Hans': '承办单位已受理', 'zh-Hant': '承辦單位已受理', en: 'accepted by the handler' },
  'conversation.status.in_progress': { 'zh-Hans': '办理中', 'zh-Hant': '辦理中', en: 'in progress' },
  'conversation.status.resolved': { 'zh-Hans': '已办结，待评价', 'zh-Hant': '已辦結，待評價', en: 'resolved, awaiting your rating' },
  'conversation.status.closed': { 'zh-Hans': '已结案', 'zh-Hant': '已結案', en: 'closed' },
  'conversation.status.not_accepted': { 'zh-Hans': '不予受理', 'zh-Hant': '不予受理', en: 'not accepted' },
  'conversation.status.withdrawn': { 'zh-Hans': '已撤回', 'zh-Hant': '已撤回', en: 'withdrawn' },
  'conversation.status.reopened': { 'zh-Hans': '已重新办理', 'zh-Hant': '已重新辦理', en: 'reopened' },
  'conversation.status.review_requested': { 'zh-Hans': '复查中', 'zh-Hant': '復查中', en: 'under review (复查)' },
  // ---- /withdraw: i18n/withdrawal.ts
  // ---- survey
  // The thanks come with the closing notice (cases.resident.thanks) right after: two thank-yous in a row had read
  // as a machine talking past the resident.
  'conversation.survey.comment_prompt': {
    'zh-Hans': '如果愿意，可以直接发送一句对办理情况的意见（可不填）。',
    'zh-Hant': '如果願意，可以直接發送一句對辦理情況的意見（可不填）。',
    en: 'If you like, send a short comment on how it was handled (optional).',
  },
  'conversation.survey.comment_saved': {
    'zh-Hans': '您的意见已记录到案件 {ref}。',
    'zh-Hant': '您的意見已記錄到案件 {ref}。',
    en: 'Your comment has been added to case {ref}.',
  },
  // ---- office (group texts are 简体, like every staff message)
  'conversation.office.emergency_alert': {
    'zh-Hans': '🚨 紧急情况提醒（{kinds}）：来信人（{channel} {chat}）的消息触发紧急规则，已告知急救电话。依据：{cues}。内容（已隐去个人信息）：{excerpt}',
    'zh-Hant': '🚨 緊急情況提醒（{kinds}）：來信人（{channel} {chat}）的訊息觸發緊急規則，已告知急救電話。依據：{cues}。內容（已隱去個人資料）：{excerpt}',
    en: '🚨 Emergency alert ({kinds}): a message from a resident ({channel} {chat}) triggered the emergency rules; the emergency numbers were given. Why: {cues}. Content (redacted): {excerpt}',
  },
  // What the danger is, in the staff's words; the code follows it in the alert so a search finds it.
  'conversation.office.kind.suicide': { 'zh-Hans': '自杀风险', 'zh-Hant': '自殺風險', en: 'suicide risk' },
  'conversation.office.kind.overdose': { 'zh-Hans': '服药过量', 'zh-Hant': '服藥過量', en: 'overdose' },
  'conversation.office.kind.self_harm': { 'zh-Hans': '自伤', 'zh-Hant': '自傷', en: 'self-harm' },
  'conversation.office.kind.violence': { 'zh-Hans': '暴力或人身威胁', 'zh-Hant': '暴力或人身威脅', en: 'violence or threat' },
  'conversation.office.kind.child_elder': { 'zh-Hans': '老人或儿童照护安全', 'zh-Hant': '老人或兒童照護安全', en: 'a child or elder at risk' },
  'conversation.office.kind.medical': { 'zh-Hans': '急病或受伤', 'zh-Hant': '急病或受傷', en: 'medical' },
  'conversation.office.kind.fire': { 'zh-Hans': '火灾', 'zh-Hant': '火災', en: 'fire' },
  'conversation.office.kind.gas': { 'zh-Hans': '燃气泄漏', 'zh-Hant': '燃氣洩漏', en: 'gas leak' },
  'conversation.office.kind.flood': { 'zh-Hans': '水浸被困', 'zh-Hant': '水浸被困', en: 'flood' },
  'conversation.office.kind.collapse': { 'zh-Hans': '倒塌', 'zh-Hant': '倒塌', en: 'collapse' },
  'conversation.office.kind.drowning': { 'zh-Hans': '溺水', 'zh-Hant': '溺水', en: 'drowning' },
  'conversation.office.kind.disaster': { 'zh-Hans': '灾害', 'zh-Hant': '災害', en: 'disaster' },
  'conversation.office.kind.distress': { 'zh-Hans': '情绪困扰', 'zh-Hant': '情緒困擾', en: 'distress' },
  'conversation.office.kind.other': { 'zh-Hans': '其他紧急情况', 'zh-Hant': '其他緊急情況', en: 'other emergency' },
  'conversation.office.crisis_concern_unsent': {
    'zh-Hans': '💛 关注提醒（{kinds}）：来信人（{channel} {chat}）的消息仅经模型判断可能有情绪困扰，暂无紧急危险；消息是具体诉求或补充，未向来信人发送热线，诉求照常办理，请判断是否需要联系。依据：{cues}。内容（已隐去个人信息）：{excerpt}',
    'zh-Hant': '💛 關注提醒（{kinds}）：來信人（{channel} {chat}）的訊息僅經模型判斷可能有情緒困擾，暫無緊急危險；訊息是具體訴求或補充，未向來信人發送熱線，訴求照常辦理，請判斷是否需要聯絡。依據：{cues}。內容（已隱去個人資料）：{excerpt}',
    en: '💛 Concern ({kinds}): only the model reads possible distress in a message from a resident ({channel} {chat}), without immediate danger; the message is a clear request or a detail, so no lines were sent to the resident and the request is handled as usual. Please judge whether to reach out. Why: {cues}. Content (redacted): {excerpt}',
  },
  'conversation.office.crisis_concern': {
    'zh-Hans': '💛 关注提醒（{kinds}）：来信人（{channel} {chat}）的消息显示情绪困扰或安全隐患，暂无紧急危险；已告知相应的热线或急救电话，诉求照常办理。依据：{cues}。内容（已隐去个人信息）：{excerpt}',
    'zh-Hant': '💛 關注提醒（{kinds}）：來信人（{channel} {chat}）的訊息顯示情緒困擾或安全隱患，暫無緊急危險；已告知相應的熱線或急救電話，訴求照常辦理。依據：{cues}。內容（已隱去個人資料）：{excerpt}',
    en: '💛 Concern ({kinds}): a message from a resident ({channel} {chat}) shows distress or a safety risk without immediate danger; the matching lines or emergency numbers were given and the request is handled as usual. Why: {cues}. Content (redacted): {excerpt}',
  },
  'conversation.office.resident_note': {
    'zh-Hans': '📎 案件 {ref} 来信人补充：{note}',
    'zh-Hant': '📎 案件 {ref} 來信人補充：{note}',
    en: '📎 Case {ref}, the resident adds: {note}',
  },
  'conversation.office.resident_answer': {
    'zh-Hans': '💬 案件 {ref} 来信人回复询问「{question}」：{note}',
    'zh-Hant': '💬 案件 {ref} 來信人回覆詢問「{question}」：{note}',
    en: '💬 Case {ref}, the resident answers "{question}": {note}',
  },
  'conversation.office.resident_attachment': {
    'zh-Hans': '📎 案件 {ref} 来信人发送了{kind}（文件编号 {fileId}）。',
    'zh-Hant': '📎 案件 {ref} 來信人發送了{kind}（檔案編號 {fileId}）。',
    en: '📎 Case {ref}: the resident sent a {kind} (file id {fileId}).',
  },
  'conversation.office.satisfaction_comment': {
    'zh-Hans': '💬 案件 {ref} 满意度评价附言：{note}',
    'zh-Hant': '💬 案件 {ref} 滿意度評價附言：{note}',
    en: '💬 Case {ref}, rating comment: {note}',
  },
} satisfies Catalogue;
