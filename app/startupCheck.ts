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
import { chatMigrations } from '../cases/outboxRepository.js';

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

/**
 * OFFICE_CHAT_ID still names a group Telegram upgraded to a supergroup: everything works through the
 * recorded migration (messages follow it, staff buttons are accepted there), but the operator should
 * change the variable; the warning gives the new id. Returns it (null: nothing to change).
 */
export async function checkOfficeMigration(q: Queryable, officeChatId: number | null, logger: Logger): Promise<number | null> {
  if (officeChatId === null) return null;
  const migrations = await chatMigrations(q, 'telegram');
  let to = migrations.get(officeChatId);
  // A chain (recorded twice) ends at the newest id; bounded in case of a loop in bad data.
  for (let i = 0; to !== undefined && migrations.has(to) && i < 10; i++) to = migrations.get(to);
  if (to === undefined) return null;
  logger.warn({ officeChatId, newChatId: to }, `the office group became a supergroup: set OFFICE_CHAT_ID=${to} (it still names ${officeChatId})`);
  return to;
}
