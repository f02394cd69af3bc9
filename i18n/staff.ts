import type { Catalogue } from './types.js';

/**
 * Texts of the staff side: the petition office group and the handlers' (departments', organizations')
 * groups. Staff groups read 简体 (cases/delivery.ts), the other two languages are kept for the catalogue
 * contract and for deployments whose staff read them.
 */
export const messages = {
  // ---- refusals (answerCallbackQuery alerts: ≤ 200 characters)
  'staff.denied.not_member': {
    'zh-Hans': '您不在本群的授权名单中，操作未执行。',
    'zh-Hant': '您不在本群的授權名單中，操作未執行。',
    en: 'You are not on this group’s list of authorised staff; nothing was done.',
  },
  'staff.denied.wrong_chat': {
    'zh-Hans': '此操作只能在对应的工作群中进行，未执行。',
    'zh-Hant': '此操作只能在對應的工作群中進行，未執行。',
    en: 'This can only be done in the responsible staff group; nothing was done.',
  },
  'staff.denied.not_holder': {
    'zh-Hans': '该事项未转给本单位，或已不在本单位手中，操作未执行。',
    'zh-Hant': '該事項未轉給本單位，或已不在本單位手中，操作未執行。',
    en: 'This case is not (or no longer) referred to your unit; nothing was done.',
  },
  'staff.stale': {
    'zh-Hans': '此卡片已过期，操作未执行。当前状态见群内最新消息。',
    'zh-Hant': '此卡片已過期，操作未執行。目前狀態見群內最新訊息。',
    en: 'This card is out of date; nothing was done. The current state is in the latest message.',
  },
  'staff.not_found': {
    'zh-Hans': '未找到该事项。',
    'zh-Hant': '未找到該事項。',
    en: 'No such case.',
  },
  'staff.not_applicable': {
    'zh-Hans': '该事项当前为「{status}」，此操作已不适用，未执行。',
    'zh-Hant': '該事項目前為「{status}」，此操作已不適用，未執行。',
    en: 'The case is now “{status}”; this action no longer applies and nothing was done.',
  },
  'staff.invalid': {
    'zh-Hans': '未执行：{detail}',
    'zh-Hant': '未執行：{detail}',
    en: 'Not done: {detail}',
  },
  'staff.handler_gone': {
    'zh-Hans': '该单位已不在名录中，请重新选择。',
    'zh-Hant': '該單位已不在名錄中，請重新選擇。',
    en: 'That unit is no longer in the directory; please choose again.',
  },
  'staff.ok': { 'zh-Hans': '已处理', 'zh-Hant': '已處理', en: 'Done' },
  /** A handler's name on a choice button (the name is directory data, shown as is). */
  'staff.choice.handler': { 'zh-Hans': '{name}', 'zh-Hant': '{name}', en: '{name}' },

  // ---- current state (after a stale or inapplicable button)
  'staff.state': {
    'zh-Hans': '{ref} 当前状态：{status}{urgent}\n处理单位：{handler}',
    'zh-Hant': '{ref} 目前狀態：{status}{urgent}\n處理單位：{handler}',
    en: '{ref} is now: {status}{urgent}\nHandled by: {handler}',
  },
  'staff.urgent_mark': { 'zh-Hans': '（紧急）', 'zh-Hant': '（緊急）', en: ' (urgent)' },

  // ---- office review
  'staff.reassign.choose': {
    'zh-Hans': '请选择 {ref} 改派的单位：',
    'zh-Hant': '請選擇 {ref} 改派的單位：',
    en: 'Choose who should handle {ref} instead:',
  },
  'staff.reassign.none': {
    'zh-Hans': '名录中没有可改派的单位（{ref}）。',
    'zh-Hant': '名錄中沒有可改派的單位（{ref}）。',
    en: 'The directory has no unit {ref} could go to.',
  },
  'staff.not_accept.choose': {
    'zh-Hans': '请选择 {ref} 不予受理的理由：',
    'zh-Hant': '請選擇 {ref} 不予受理的理由：',
    en: 'Why is {ref} not accepted?',
  },
  'staff.reason.legal_channel': { 'zh-Hans': '应走法定途径', 'zh-Hant': '應走法定途徑', en: 'Legal procedure' },
  'staff.reason.not_government_duty': { 'zh-Hans': '非政府职责', 'zh-Hant': '非政府職責', en: 'Not a government duty' },
  'staff.reason.other_jurisdiction': { 'zh-Hans': '非本区管辖', 'zh-Hant': '非本區管轄', en: 'Other jurisdiction' },
  'staff.reason.duplicate': { 'zh-Hans': '重复事项', 'zh-Hant': '重複事項', en: 'Duplicate' },
  'staff.reason.already_concluded': { 'zh-Hans': '已复核终结', 'zh-Hant': '已復核終結', en: 'Already concluded' },
  'staff.reason.insufficient_information': { 'zh-Hans': '信息不足', 'zh-Hant': '資訊不足', en: 'Not enough information' },
  'staff.reason.other': { 'zh-Hans': '其他（需说明）', 'zh-Hant': '其他（需說明）', en: 'Other (needs a note)' },

  'staff.prompt.extend_format': {
    'zh-Hans': '格式不对：请先写天数（1–30），再写理由，例如「15 需现场勘查」。',
    'zh-Hant': '格式不對：請先寫天數（1–30），再寫理由，例如「15 需現場勘查」。',
    en: 'Please give the days (1–30) first, then the reason, e.g. “15 site inspection needed”.',
  },
  'staff.prompt.placeholder': { 'zh-Hans': '在此输入…', 'zh-Hant': '在此輸入…', en: 'Type here…' },
  'staff.cancelled': { 'zh-Hans': '已取消，未做任何更改。', 'zh-Hant': '已取消，未做任何更改。', en: 'Cancelled; nothing was changed.' },

  'staff.done.approved': {
    'zh-Hans': '{ref} 已同意转办给「{handler}」。',
    'zh-Hant': '{ref} 已同意轉辦給「{handler}」。',
    en: '{ref} has been referred to {handler}.',
  },
  'staff.done.reassigned': {
    'zh-Hans': '{ref} 已改派为「{handler}」，请在新卡片上确认转办。',
    'zh-Hant': '{ref} 已改派為「{handler}」，請在新卡片上確認轉辦。',
    en: '{ref} now proposes {handler}; confirm the referral on the new card.',
  },
  'staff.done.asked': {
    'zh-Hans': '问题已转给来信人（{ref}）。',
    'zh-Hant': '問題已轉給來信人（{ref}）。',
    en: 'The question was passed to the resident ({ref}).',
  },
  'staff.done.not_accepted': {
    'zh-Hans': '{ref} 不予受理（{reason}），已告知来信人。',
    'zh-Hant': '{ref} 不予受理（{reason}），已告知來信人。',
    en: '{ref} was not accepted ({reason}); the resident has been told.',
  },
  'staff.done.urgent': {
    'zh-Hans': '{ref} 已标为紧急。',
    'zh-Hant': '{ref} 已標為緊急。',
    en: '{ref} is marked urgent.',
  },
  'staff.done.accepted': {
    'zh-Hans': '本单位已接收 {ref}。办理中请用下方按钮报告进展或办结。',
    'zh-Hant': '本單位已接收 {ref}。辦理中請用下方按鈕報告進展或辦結。',
    en: 'Your unit has accepted {ref}. Use the buttons below to report progress or resolve it.',
  },
  'staff.done.declined': {
    'zh-Hans': '已退回 {ref}，信访部门将重新安排。',
    'zh-Hant': '已退回 {ref}，信訪部門將重新安排。',
    en: '{ref} was declined; the petition office will arrange another handler.',
  },
  'staff.done.progress': {
    'zh-Hans': '{ref} 的进展已转告来信人。',
    'zh-Hant': '{ref} 的進展已轉告來信人。',
    en: 'The progress on {ref} was passed to the resident.',
  },
  'staff.done.resolved': {
    'zh-Hans': '{ref} 已办结，结果已答复来信人，并已请来信人评价。',
    'zh-Hant': '{ref} 已辦結，結果已答覆來信人，並已請來信人評價。',
    en: '{ref} is resolved; the resident has the outcome and has been asked to rate it.',
  },
  'staff.done.extended': {
    'zh-Hans': '{ref} 的办理期限已延长至 {dueDate}，已告知来信人。',
    'zh-Hant': '{ref} 的辦理期限已延長至 {dueDate}，已告知來信人。',
    en: 'The deadline of {ref} is now {dueDate}; the resident has been told.',
  },

  // ---- office commands
  'staff.command.office_only': {
    'zh-Hans': '此命令仅供信访工作群的授权人员使用。',
    'zh-Hant': '此指令僅供信訪工作群的授權人員使用。',
    en: 'This command is for authorised staff in the petition office group only.',
  },
  'staff.command.help': {
    'zh-Hans': '工作群命令：/queue 待审核队列，/case 编号 查看时间线，/overdue 超期清单，/stats [天数] 统计。',
    'zh-Hant': '工作群指令：/queue 待審核佇列，/case 編號 查看時間線，/overdue 超期清單，/stats [天數] 統計。',
    en: 'Staff commands: /queue review queue, /case REF timeline, /overdue overdue list, /stats [days] figures.',
  },
  'staff.command.case_usage': {
    'zh-Hans': '用法：/case YT-20261123-0001',
    'zh-Hant': '用法：/case YT-20261123-0001',
    en: 'Usage: /case YT-20261123-0001',
  },
  'staff.command.stats_usage': {
    'zh-Hans': '用法：/stats 或 /stats 30（最近天数，1–366）',
    'zh-Hant': '用法：/stats 或 /stats 30（最近天數，1–366）',
    en: 'Usage: /stats or /stats 30 (last days, 1–366)',
  },
  'staff.queue.header': {
    'zh-Hans': '待审核 {count} 件（紧急优先，其次最早）：',
    'zh-Hant': '待審核 {count} 件（緊急優先，其次最早）：',
    en: '{count} waiting for review (urgent first, then oldest):',
  },
  'staff.queue.item': {
    'zh-Hans': '{urgent}{ref} · {category} · {target} · 置信度 {confidence} · {deadline}',
    'zh-Hant': '{urgent}{ref} · {category} · {target} · 置信度 {confidence} · {deadline}',
    en: '{urgent}{ref} · {category} · {target} · confidence {confidence} · {deadline}',
  },
  'staff.queue.deadline': {
    'zh-Hans': '法定期限 {dueDate} · {left}',
    'zh-Hant': '法定期限 {dueDate} · {left}',
    en: 'statutory date {dueDate} · {left}',
  },
  // A case with no handler (its handler declined): what it was read as, and that nobody is chosen yet.
  'staff.queue.unassigned': { 'zh-Hans': '{target}（待指定）', 'zh-Hant': '{target}（待指定）', en: '{target} (not chosen yet)' },
  'staff.queue.empty': { 'zh-Hans': '目前没有待审核事项。', 'zh-Hant': '目前沒有待審核事項。', en: 'Nothing is waiting for review.' },
  'staff.time.left': { 'zh-Hans': '剩余 {days} 天 {hours} 小时', 'zh-Hant': '剩餘 {days} 天 {hours} 小時', en: '{days} d {hours} h left' },
  'staff.time.over': { 'zh-Hans': '已超期 {days} 天 {hours} 小时', 'zh-Hant': '已超期 {days} 天 {hours} 小時', en: 'overdue by {days} d {hours} h' },
  'staff.case.header': {
    'zh-Hans': '{ref} · {category} · {status}{urgent}\n处理单位：{handler}\n时间线：',
    'zh-Hant': '{ref} · {category} · {status}{urgent}\n處理單位：{handler}\n時間線：',
    en: '{ref} · {category} · {status}{urgent}\nHandled by: {handler}\nTimeline:',
  },
  'staff.case.event': {
    'zh-Hans': '{at} {type}（{from} → {to}，{actor}）',
    'zh-Hant': '{at} {type}（{from} → {to}，{actor}）',
    en: '{at} {type} ({from} → {to}, {actor})',
  },
  // An event that left the status as it was (a note, a question, marked urgent): what happened and who.
  'staff.case.event_same': {
    'zh-Hans': '{at} {type}（{actor}）',
    'zh-Hant': '{at} {type}（{actor}）',
    en: '{at} {type} ({actor})',
  },
  'staff.overdue.header': {
    'zh-Hans': '超期 {count} 项：',
    'zh-Hant': '超期 {count} 項：',
    en: '{count} overdue:',
  },
  'staff.overdue.item': {
    'zh-Hans': '{ref} · {clock}（{article}）· 期限 {dueDate} · {left} · {handler}',
    'zh-Hant': '{ref} · {clock}（{article}）· 期限 {dueDate} · {left} · {handler}',
    en: '{ref} · {clock} ({article}) · due {dueDate} · {left} · {handler}',
  },
  'staff.overdue.empty': { 'zh-Hans': '没有超期事项。', 'zh-Hant': '沒有超期事項。', en: 'Nothing is overdue.' },
  'staff.stats': {
    'zh-Hans': '最近 {days} 天（{from} 至 {to}）：共 {total} 件\n按类别：{byCategory}\n按状态：{byStatus}\n按时办理：{onTime}\n满意度：满意 {satisfied}，基本满意 {basically}，不满意 {dissatisfied}，未答 {noAnswer}，满意率 {rate}',
    'zh-Hant': '最近 {days} 天（{from} 至 {to}）：共 {total} 件\n按類別：{byCategory}\n按狀態：{byStatus}\n按時辦理：{onTime}\n滿意度：滿意 {satisfied}，基本滿意 {basically}，不滿意 {dissatisfied}，未答 {noAnswer}，滿意率 {rate}',
    en: 'Last {days} days ({from} to {to}): {total} cases\nBy category: {byCategory}\nBy status: {byStatus}\nOn time: {onTime}\nSatisfaction: satisfied {satisfied}, basically {basically}, dissatisfied {dissatisfied}, no answer {noAnswer}, rate {rate}',
  },
} satisfies Catalogue;
