import type { Directory } from './directory.js';

/*
 * Membership fails closed (issue 13): a staff chat whose member list is empty lets nobody act, so an
 * operator must see every such chat at start-up (app/startupCheck.ts) and on the console's directory page.
 */

export interface ChatWithoutMembers {
  kind: 'office' | 'department' | 'organization';
  /** 'office', a department code or an organization id. */
  id: string;
  /** null: no chat configured either. */
  chatId: number | null;
}

/** Every staff chat nobody may act in: the office (OFFICE_MEMBER_IDS empty) and each handler with no memberIds. */
export function chatsWithoutMembers(
  directory: Pick<Directory, 'departments' | 'organizations' | 'handlerId'>,
  office: { chatId: number | null; memberIds: readonly number[] },
): ChatWithoutMembers[] {
  const out: ChatWithoutMembers[] = [];
  if (office.memberIds.length === 0) out.push({ kind: 'office', id: 'office', chatId: office.chatId });
  for (const h of [...directory.departments, ...directory.organizations]) {
    if (h.memberIds.length === 0) out.push({ kind: h.kind, id: directory.handlerId(h), chatId: h.telegramChatId });
  }
  return out;
}
