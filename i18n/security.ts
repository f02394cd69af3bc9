import type { Catalogue } from './types.js';

/**
 * Security texts (issue 13): membership that fails closed, and the console's list of chats where nobody
 * may act yet. Staff groups read 简体; the other languages are kept for the catalogue contract.
 */
export const messages = {
  // answerCallbackQuery alert (≤ 200 characters) and group answer when a chat's member list is empty
  'security.no_members': {
    'zh-Hans': '本群尚未配置授权人员，目前任何人都不能在此操作，操作未执行。请管理员在 OFFICE_MEMBER_IDS 或目录的 memberIds 中填写成员。',
    'zh-Hant': '本群尚未設定授權人員，目前任何人都不能在此操作，操作未執行。請管理員在 OFFICE_MEMBER_IDS 或目錄的 memberIds 中填寫成員。',
    en: 'No one is authorised in this group yet, so nobody can act here; nothing was done. An administrator must list the members (OFFICE_MEMBER_IDS or memberIds in the directory).',
  },
  // console directory page
  'security.dir.no_members': {
    'zh-Hans': '无授权成员：无人可操作',
    'zh-Hant': '無授權成員：無人可操作',
    en: 'no members: nobody can act',
  },
  'security.dir.no_members_title': {
    'zh-Hans': '没有授权成员的工作群',
    'zh-Hant': '沒有授權成員的工作群',
    en: 'Groups without authorised members',
  },
  'security.dir.no_members_note': {
    'zh-Hans': '以下单位没有填写成员（memberIds），其工作群中任何人都不能接收、办理或答复事项。请填写成员的 Telegram 用户 ID。',
    'zh-Hant': '以下單位沒有填寫成員（memberIds），其工作群中任何人都不能接收、辦理或答覆事項。請填寫成員的 Telegram 使用者 ID。',
    en: 'These units have no members listed (memberIds): nobody in their group can accept, handle or answer cases. Add their members’ Telegram user ids.',
  },
  'security.dir.no_members_none': {
    'zh-Hans': '每个单位都已填写授权成员。',
    'zh-Hant': '每個單位都已填寫授權成員。',
    en: 'Every unit has its members listed.',
  },
} satisfies Catalogue;
