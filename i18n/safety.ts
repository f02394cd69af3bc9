import type { Catalogue } from './types.js';

/**
 * Texts of the safety work (issue 12): office alerts paced per resident, staff prompts that bind to
 * their prompt message, and messages waiting for a chat that is not configured yet. Staff groups
 * read 简体; the other two languages keep the catalogue contract.
 */
export const messages = {
  // ---- office alerts held back within a resident's alert window (cases/officeAlerts.ts)
  'safety.office.emergency_held': {
    'zh-Hans': '🚨 紧急情况提醒（续，{kinds}）：来信人（{channel} {chat}）在上次提醒后 {minutes} 分钟内又发来 {held} 条触发紧急规则的消息，每条都已告知急救电话；为免刷屏，合并为本条提醒。依据：{cues}。最新内容（已隐去个人信息）：{excerpt}',
    'zh-Hant': '🚨 緊急情況提醒（續，{kinds}）：來信人（{channel} {chat}）在上次提醒後 {minutes} 分鐘內又發來 {held} 條觸發緊急規則的訊息，每條都已告知急救電話；為免洗版，合併為本條提醒。依據：{cues}。最新內容（已隱去個人資料）：{excerpt}',
    en: '🚨 Emergency alert (continued, {kinds}): within {minutes} minutes of the last alert the resident ({channel} {chat}) sent {held} more messages that triggered the emergency rules; each got the emergency numbers. Combined into this one alert. Why: {cues}. Latest content (redacted): {excerpt}',
  },
  'safety.office.concern_held': {
    'zh-Hans': '💛 关注提醒（续，{kinds}）：来信人（{channel} {chat}）在上次提醒后 {minutes} 分钟内又发来 {held} 条显示情绪困扰或安全隐患的消息，均已告知相应的热线或急救电话；合并为本条提醒。依据：{cues}。最新内容（已隐去个人信息）：{excerpt}',
    'zh-Hant': '💛 關注提醒（續，{kinds}）：來信人（{channel} {chat}）在上次提醒後 {minutes} 分鐘內又發來 {held} 條顯示情緒困擾或安全隱患的訊息，均已告知相應的熱線或急救電話；合併為本條提醒。依據：{cues}。最新內容（已隱去個人資料）：{excerpt}',
    en: '💛 Concern (continued, {kinds}): within {minutes} minutes of the last note the resident ({channel} {chat}) sent {held} more messages showing distress or a safety risk; each got the matching lines or emergency numbers. Combined into this one note. Why: {cues}. Latest content (redacted): {excerpt}',
  },

  // ---- staff prompts (conversation/staff.ts): only a reply, or the same user's next message soon after, counts
  'safety.staff.prompt.ask': {
    'zh-Hans': '请回复本消息，写下要询问来信人（{ref}）的问题。只采用对本消息的回复，或您在 {minutes} 分钟内发出的下一条消息；发送 /cancel 可放弃。',
    'zh-Hant': '請回覆本訊息，寫下要詢問來信人（{ref}）的問題。只採用對本訊息的回覆，或您在 {minutes} 分鐘內發出的下一條訊息；傳送 /cancel 可放棄。',
    en: 'Reply to this message with the question for the resident ({ref}). Only a reply to this message, or your next message within {minutes} minutes, is used; send /cancel to give up.',
  },
  'safety.staff.prompt.not_accept_note': {
    'zh-Hans': '请回复本消息，写下不予受理 {ref} 的说明（将告知来信人）。只采用对本消息的回复，或您在 {minutes} 分钟内发出的下一条消息；发送 /cancel 可放弃。',
    'zh-Hant': '請回覆本訊息，寫下不予受理 {ref} 的說明（將告知來信人）。只採用對本訊息的回覆，或您在 {minutes} 分鐘內發出的下一條訊息；傳送 /cancel 可放棄。',
    en: 'Reply to this message with the note explaining why {ref} is not accepted (the resident will read it). Only a reply to this message, or your next message within {minutes} minutes, is used; send /cancel to give up.',
  },
  'safety.staff.prompt.decline': {
    'zh-Hans': '请回复本消息，说明退回 {ref} 的理由。只采用对本消息的回复，或您在 {minutes} 分钟内发出的下一条消息；发送 /cancel 可放弃。',
    'zh-Hant': '請回覆本訊息，說明退回 {ref} 的理由。只採用對本訊息的回覆，或您在 {minutes} 分鐘內發出的下一條訊息；傳送 /cancel 可放棄。',
    en: 'Reply to this message with the reason for declining {ref}. Only a reply to this message, or your next message within {minutes} minutes, is used; send /cancel to give up.',
  },
  'safety.staff.prompt.progress': {
    'zh-Hans': '请回复本消息，写下 {ref} 的进展（将转告来信人）。只采用对本消息的回复，或您在 {minutes} 分钟内发出的下一条消息；发送 /cancel 可放弃。',
    'zh-Hant': '請回覆本訊息，寫下 {ref} 的進展（將轉告來信人）。只採用對本訊息的回覆，或您在 {minutes} 分鐘內發出的下一條訊息；傳送 /cancel 可放棄。',
    en: 'Reply to this message with the progress on {ref} (the resident will read it). Only a reply to this message, or your next message within {minutes} minutes, is used; send /cancel to give up.',
  },
  'safety.staff.prompt.resolve': {
    'zh-Hans': '请回复本消息，写下 {ref} 的办理结果（作为书面答复发给来信人）。只采用对本消息的回复，或您在 {minutes} 分钟内发出的下一条消息；发送 /cancel 可放弃。',
    'zh-Hant': '請回覆本訊息，寫下 {ref} 的辦理結果（作為書面答覆發給來信人）。只採用對本訊息的回覆，或您在 {minutes} 分鐘內發出的下一條訊息；傳送 /cancel 可放棄。',
    en: 'Reply to this message with the outcome of {ref} (sent to the resident as the written reply). Only a reply to this message, or your next message within {minutes} minutes, is used; send /cancel to give up.',
  },
  'safety.staff.prompt.extend': {
    'zh-Hans': '请回复本消息：延期天数（1–30）和理由，例如「15 需现场勘查」。依《信访工作条例》第三十四条只能延期一次。只采用对本消息的回复，或您在 {minutes} 分钟内发出的下一条消息；发送 /cancel 可放弃。',
    'zh-Hant': '請回覆本訊息：延期天數（1–30）和理由，例如「15 需現場勘查」。依《信訪工作條例》第三十四條只能延期一次。只採用對本訊息的回覆，或您在 {minutes} 分鐘內發出的下一條訊息；傳送 /cancel 可放棄。',
    en: 'Reply to this message with the extra days (1–30) and the reason, e.g. “15 site inspection needed”. Art. 34 allows one extension only. Only a reply to this message, or your next message within {minutes} minutes, is used; send /cancel to give up.',
  },
  'safety.staff.nothing_to_cancel': {
    'zh-Hans': '您在本群没有待填写的内容，无需取消。',
    'zh-Hant': '您在本群沒有待填寫的內容，無需取消。',
    en: 'You have nothing waiting for input in this group; nothing to cancel.',
  },

  // ---- messages waiting for a chat (console directory page)
  'safety.waiting.title': { 'zh-Hans': '等待配置工作群的消息', 'zh-Hant': '等待設定工作群的訊息', en: 'Messages waiting for a chat' },
  'safety.waiting.none': { 'zh-Hans': '没有等待中的消息。', 'zh-Hant': '沒有等待中的訊息。', en: 'No message is waiting.' },
  'safety.waiting.note': {
    'zh-Hans': '下列收件方尚未配置 Telegram 群，消息保留在发件箱中；配置群号（本页或 OFFICE_CHAT_ID）后立即补发。',
    'zh-Hant': '下列收件方尚未設定 Telegram 群，訊息保留在發件匣中；設定群號（本頁或 OFFICE_CHAT_ID）後立即補發。',
    en: 'These recipients have no Telegram chat yet; their messages stay in the outbox and go out as soon as the chat is set (on this page, or OFFICE_CHAT_ID).',
  },
  'safety.waiting.recipient': { 'zh-Hans': '收件方', 'zh-Hant': '收件方', en: 'Recipient' },
  'safety.waiting.count': { 'zh-Hans': '条数', 'zh-Hant': '條數', en: 'Messages' },
  'safety.waiting.since': { 'zh-Hans': '最早', 'zh-Hant': '最早', en: 'Oldest' },
  'safety.waiting.reason': { 'zh-Hans': '原因', 'zh-Hant': '原因', en: 'Reason' },
  'safety.waiting.reason.no_office_chat': { 'zh-Hans': '未设置 OFFICE_CHAT_ID', 'zh-Hant': '未設定 OFFICE_CHAT_ID', en: 'OFFICE_CHAT_ID not set' },
  'safety.waiting.reason.no_handler_chat': { 'zh-Hans': '单位未配置群号', 'zh-Hant': '單位未設定群號', en: 'No chat for this handler' },
  'safety.waiting.office': { 'zh-Hans': '信访办工作群', 'zh-Hant': '信訪辦工作群', en: 'Petition office group' },
  'safety.dir.chat_label': { 'zh-Hans': 'Telegram 群号', 'zh-Hant': 'Telegram 群號', en: 'Telegram chat id' },
  'safety.dir.chat_invalid': {
    'zh-Hans': '群号须为整数（如 -1001234567890），或留空；且不能与其他单位或信访办的群相同',
    'zh-Hant': '群號須為整數（如 -1001234567890），或留空；且不能與其他單位或信訪辦的群相同',
    en: 'the chat id must be an integer such as -1001234567890, or empty, and not the chat of another handler or of the office',
  },
} satisfies Catalogue;
