/**
 * Start-up check of what waits for configuration: messages kept in the outbox because their recipient
 * had no chat (a handler without telegramChatId, no OFFICE_CHAT_ID). Those whose chat is configured
 * now get it (the outbox poll sends them); what still waits is listed as a warning per recipient, so
 * an operator sees at once which chat to configure (the console's directory page lists them too).
 */
import type { Logger } from '../kernel/logger.js';
import type { Queryable } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import { releaseConfigured, waitingGroups, type WaitingGroup } from '../cases/waitingOutbox.js';
import { chatsWithoutMembers, type ChatWithoutMembers } from '../directory/membership.js';

export async function checkWaitingMessages(
  q: Queryable,
  directory: Directory,
  officeChatId: number | null,
  logger: Logger,
): Promise<{ released: number[]; waiting: WaitingGroup[] }> {
  const released = await releaseConfigured(q, directory, officeChatId);
  if (released.length) logger.info({ released: released.length }, 'messages that waited for a chat now have one and go out');
  const waiting = await waitingGroups(q);
  for (const w of waiting) {
    const fix = w.reason === 'no_office_chat' ? 'set OFFICE_CHAT_ID' : 'set telegramChatId in the directory file or on the console directory page';
    logger.warn({ recipient: w.recipient, reason: w.reason, count: w.count, oldest: w.oldest.toISOString() }, `messages wait for a chat: ${fix}`);
  }
  return { released, waiting };
}

/**
 * Membership fails closed: lists every staff chat whose member list is empty (nobody may act there),
 * after the console's overrides are applied. One warning naming them all, with the fix.
 */
export function checkMembership(directory: Directory, office: { chatId: number | null; memberIds: readonly number[] }, logger: Logger): ChatWithoutMembers[] {
  const empty = chatsWithoutMembers(directory, office);
  if (empty.length) {
    logger.warn(
      { chats: empty.map((c) => `${c.kind === 'office' ? 'office' : `${c.kind}:${c.id}`}${c.chatId === null ? ' (no chat)' : ` (chat ${c.chatId})`}`) },
      `nobody may act in ${empty.length} staff chats until their members are listed: set OFFICE_MEMBER_IDS for the office, ` +
        'memberIds in the directory file or on the console directory page for departments and organizations',
    );
  }
  return empty;
}
