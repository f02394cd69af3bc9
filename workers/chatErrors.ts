/**
 * What the outbox does with Telegram's answers about a chat (not about one message): a group that
 * became a supergroup, and a chat that removed or blocked the bot (cases/outboxRepository.ts keeps
 * both for every process). Messages are never lost to either: they follow the new id, or wait.
 */
import type { Pool } from '../db/pool.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { MessageParam } from '../kernel/language.js';
import type { Language } from '../kernel/language.js';
import type { Directory } from '../directory/directory.js';
import { t } from '../i18n/index.js';
import { enqueueOutbox as insertOutbox, markChatReachable, markChatUnreachable, recordChatMigration } from '../cases/outboxRepository.js';
import { txQuery, txRun } from './db.js';

/** Staff groups read 简体 (as conversation/staffViews.ts LANG): the office's alerts are written in it. */
const OFFICE_LANGUAGE: Language = 'zh-Hans';

/** How long an unreachable chat's messages wait before they are tried again (unless it comes back sooner). */
export const UNREACHABLE_RETRY_MS = 15 * 60_000;

interface ChatDeps {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  /** Puts outbox rows on the delivery queue (workers/outbox.ts enqueueOutbox). */
  enqueue(ids: number[]): Promise<void>;
  officeChatId?: number | null;
  unreachableRetryMs?: number;
  /** Names the department or organization of an unreachable chat in the office's alert. */
  directory?: Pick<Directory, 'handler' | 'handlerForChat' | 'handlerId'>;
}

interface ChatRow {
  id: number;
  case_id: number | null;
  channel: 'telegram' | 'terminal';
  chat_id: number;
  recipient: string | null;
  message: { params?: Record<string, MessageParam> };
}

async function queue(deps: ChatDeps, ids: number[]): Promise<void> {
  if (ids.length) await deps.enqueue(ids);
}

/**
 * Who an unreachable chat is, for the office: the department's or organization's display name, a
 * resident, or just a chat — always with the chat id, which the admin needs to find it. Never the
 * internal recipient key.
 */
export function unreachableWho(directory: ChatDeps['directory'], recipient: string | null, chatId: number): string {
  const m = /^handler:(department|organization):(.+)$/.exec(recipient ?? '');
  const handler = m ? directory?.handler(m[1] as 'department' | 'organization', m[2]!) : directory?.handlerForChat(chatId);
  if (handler) return t(OFFICE_LANGUAGE, `delivery.who.${handler.kind}`, { name: handler.names[OFFICE_LANGUAGE], chatId });
  if (recipient?.startsWith('resident:')) return t(OFFICE_LANGUAGE, 'delivery.who.resident', { chatId });
  return t(OFFICE_LANGUAGE, 'delivery.who.chat', { chatId });
}

export const chatMigrated = {
  /** The claimed row goes to the chat's new id; returns it. */
  async follow(pool: Pool, row: ChatRow & { migrated_to: number | null }, lease: string): Promise<number> {
    const to = row.migrated_to!;
    await txQuery(pool, `UPDATE outbox SET chat_id = $3 WHERE id = $1 AND claim_token = $2`, [row.id, lease, to]);
    return to;
  },
  /** Telegram said the group is now `toChatId`: remember it, move the chat's pending rows, queue them. */
  async record(deps: ChatDeps, row: ChatRow, toChatId: number): Promise<void> {
    const h = deps.directory?.handlerForChat(row.chat_id);
    const known = h ? [{ kind: h.kind, id: deps.directory!.handlerId(h) }] : [];
    const r = await txRun(deps.pool, (q) => recordChatMigration(q, row.channel, row.chat_id, toChatId, deps.clock.now(), known));
    deps.logger.warn(
      { fromChatId: row.chat_id, toChatId, moved: r.moved.length, handlers: r.handlers.map((h) => `${h.kind}:${h.id}`) },
      r.office || row.chat_id === deps.officeChatId
        ? 'the office group became a supergroup: messages and staff buttons follow it; set OFFICE_CHAT_ID to the new id'
        : 'a group became a supergroup: its messages and directory chat follow it',
    );
    await queue(deps, r.moved.filter((id) => id !== row.id));
  },
};

/**
 * The chat removed or blocked the bot: its messages stay pending and are tried again later (or as soon
 * as the chat comes back: markChatReachable), and the office hears about it once per episode.
 */
export async function chatUnreachable(deps: ChatDeps, row: ChatRow, reason: string, release: (lastError?: string, countAttempt?: boolean) => Promise<unknown>): Promise<void> {
  const now = deps.clock.now();
  const retryAt = new Date(now.getTime() + (deps.unreachableRetryMs ?? UNREACHABLE_RETRY_MS));
  const office = deps.officeChatId ?? null;
  const alertId = await txRun(deps.pool, async (q) => {
    const first = await markChatUnreachable(q, row.channel, row.chat_id, reason, now, retryAt);
    if (!first || row.chat_id === office) return null;
    const ref = row.message.params?.ref ?? row.message.params?.caseRef;
    await insertOutbox(q, {
      caseId: row.case_id,
      channel: 'telegram',
      chatId: office,
      chatKind: 'group',
      language: OFFICE_LANGUAGE,
      message: { key: 'delivery.chat_unreachable', params: { who: unreachableWho(deps.directory, row.recipient, row.chat_id), ref: typeof ref === 'string' ? ref : '—' } },
      dedupeKey: `chat-unreachable|${row.channel}|${row.chat_id}|${now.toISOString()}`,
      notBefore: now,
      recipient: 'office',
      ...(office === null ? { waitingReason: 'no_office_chat' } : {}),
    });
    const id = await q.query<{ id: number }>(`SELECT id FROM outbox WHERE dedupe_key = $1`, [`chat-unreachable|${row.channel}|${row.chat_id}|${now.toISOString()}`]);
    return id.rows[0] ? Number(id.rows[0].id) : null;
  });
  await release(reason.slice(0, 500), false);
  if (row.chat_id === office) deps.logger.error({ chatId: row.chat_id }, 'the office group removed the bot: its messages wait until the bot is added back');
  else deps.logger.warn({ chatId: row.chat_id, recipient: row.recipient, alerted: alertId !== null }, 'chat unreachable (bot removed or blocked): messages kept, tried again later');
  if (alertId !== null && office !== null) await queue(deps, [alertId]);
}

/** A send to a chat marked unreachable went through: the rest of its messages are due now. */
export async function reachableAgain(deps: ChatDeps, row: ChatRow): Promise<void> {
  const ids = await txRun(deps.pool, (q) => markChatReachable(q, row.channel, row.chat_id, deps.clock.now()));
  deps.logger.info({ chatId: row.chat_id, waiting: ids.length }, 'chat reachable again: its waiting messages go out');
  await queue(deps, ids);
}
