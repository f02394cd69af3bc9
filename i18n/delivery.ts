import type { Catalogue } from './types.js';

/**
 * Texts about delivery to Telegram chats (workers/chatErrors.ts): a chat that removed or blocked the
 * bot. Staff groups read 简体; the other two languages keep the catalogue contract.
 */
export const messages = {
  'delivery.chat_unreachable': {
    'zh-Hans': '⚠️ 消息无法送达：{who}（案件 {ref}）已移除或屏蔽本机器人。发给该聊天的消息已保留，恢复后会自动补发；请联系对方重新添加机器人，或改用电话等其他方式联系。',
    'zh-Hant': '⚠️ 訊息無法送達：{who}（案件 {ref}）已移除或封鎖本機器人。發給該聊天的訊息已保留，恢復後會自動補發；請聯絡對方重新加入機器人，或改用電話等其他方式聯絡。',
    en: '⚠️ Messages cannot be delivered: {who} (case {ref}) removed or blocked this bot. Messages for that chat are kept and will be sent once it works again; ask them to add the bot back, or reach them another way (e.g. by phone).',
  },
  // Who {who} is in the alert above: a display name for people, the chat id for the admin.
  'delivery.who.department': {
    'zh-Hans': '{name}的工作群（聊天 ID {chatId}）',
    'zh-Hant': '{name}的工作群（聊天 ID {chatId}）',
    en: 'the group of {name} (chat id {chatId})',
  },
  'delivery.who.organization': {
    'zh-Hans': '社会组织“{name}”的工作群（聊天 ID {chatId}）',
    'zh-Hant': '社會組織「{name}」的工作群（聊天 ID {chatId}）',
    en: 'the group of the organization {name} (chat id {chatId})',
  },
  'delivery.who.resident': {
    'zh-Hans': '一位居民（聊天 ID {chatId}）',
    'zh-Hant': '一位居民（聊天 ID {chatId}）',
    en: 'a resident (chat id {chatId})',
  },
  'delivery.who.chat': {
    'zh-Hans': '聊天 {chatId}',
    'zh-Hant': '聊天 {chatId}',
    en: 'chat {chatId}',
  },
} satisfies Catalogue;
