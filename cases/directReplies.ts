/**
 * Direct replies kept for later: the bot answers a resident (or a staff group) while it handles the
 * update, and only when that send fails — 429 beyond its wait, a 5xx or network error, 403 blocked,
 * 400 chat not found — does the reply become an outbox row, which the outbox worker then delivers
 * with its 429 handling, its per-chat order and its unreachable-chat hold (workers/outbox.ts,
 * workers/chatErrors.ts). The happy path writes nothing here.
 */
import type { Queryable } from '../db/pool.js';
import type { Language } from '../kernel/language.js';
import type { PromptBinding } from './staffPromptBindings.js';
import { insertOutboxRow } from './outboxRepository.js';
import type { OutboxMessage } from './types.js';

/** Outbox priority of an emergency's numbers (db/migrations/20261206T1720_outbox_priority.sql). */
export const URGENT_PRIORITY = 1;

export interface KeptReply {
  channel: 'telegram';
  chatId: number;
  chatKind: 'private' | 'group';
  language: Language;
  /** The rendered text, sent as it is (catalogue key conversation.text). */
  text: string;
  /** The rendered reply markup (signed inline keyboard or force_reply), put on the last part. */
  markup?: Record<string, unknown>;
  /** Parts of a split text already delivered: the outbox resumes after them. */
  partsSent: number;
  /** An emergency's numbers: first in line among the chat's pending messages. */
  urgent: boolean;
  /** One row per (update, reply): keeping the same reply twice (a retried write) is a no-op. */
  dedupeKey: string;
  /** Whose chat it is, for the office's "unreachable" alert ('resident:<id>' or a group). */
  recipient?: string;
  /** A staff prompt: once delivered, its message is recorded for this prompt (cases/staffPromptBindings.ts). */
  prompt?: PromptBinding;
  /** A file that could not be uploaded: what to rebuild at delivery, never the file itself (cases/privacyExport.ts). */
  document?: KeptDocument;
}

/**
 * The /privacy export of one resident, named instead of stored: the outbox rebuilds the file when it
 * delivers the row, so no second copy of the resident's data sits in the outbox. `resident` says
 * whether the resident had an account when they asked: none at delivery means they erased it meanwhile.
 */
export interface KeptDocument {
  source: 'privacy_export';
  channel: 'telegram';
  externalId: string;
  chatId: number;
  resident: boolean;
}

/** Writes the reply as a pending outbox row, due now; returns its id, or null when its key was already used. */
export async function keepDirectReply(q: Queryable, reply: KeptReply, now: Date): Promise<number | null> {
  // A document row keeps its caption's key: rendered at delivery with the rebuilt file's counts.
  // The extra fields (document, markup, prompt) are read by the outbox worker's row schema (workers/outbox.ts).
  const message: OutboxMessage & Record<string, unknown> = reply.document
    ? { key: 'privacy.export.caption', params: {}, document: reply.document }
    : { key: 'conversation.text', params: { text: reply.text }, ...(reply.markup ? { markup: reply.markup } : {}), ...(reply.prompt ? { prompt: reply.prompt } : {}) };
  return insertOutboxRow(q, {
    caseId: null,
    channel: reply.channel,
    chatId: reply.chatId,
    chatKind: reply.chatKind,
    language: reply.language,
    message,
    dedupeKey: reply.dedupeKey,
    notBefore: now,
    partsSent: reply.partsSent,
    priority: reply.urgent ? URGENT_PRIORITY : 0,
    ...(reply.recipient ? { recipient: reply.recipient } : {}),
  });
}

/*
 * The chat's line. Once a reply to a chat (a resident's or a staff group) is kept, a later reply to it (a later
 * update) must not overtake it: it is kept too, behind it, and the outbox delivers the chat's rows in
 * order (workers/outbox.ts CLAIM). An emergency's numbers are exempt: they never wait for this check.
 *
 * Asking Postgres on every reply would cost the happy path a query, so a per-chat marker in Redis says
 * "this chat may have kept replies"; only when it is there is the outbox asked. Redis, not an
 * in-process set: the webhook may run several bot processes, and the reply kept by one must hold back
 * the next reply sent by another. The marker is a hint, Postgres the truth:
 * - set (INCR: a new value each time) after the kept row is committed;
 * - cleared only by compare-and-delete: whoever finds no pending kept reply deletes the marker only if it
 *   still holds the value read before that query. A row committed after the query changes the value
 *   (its INCR follows its commit), so its marker survives; a row committed before the query is seen.
 *   A pending kept reply therefore always has its marker, whichever process writes or clears.
 * The bot clears it lazily (the chat's next update finds the line empty), so the outbox worker needs
 * no Redis of the bot's. A marker left over costs the chat one query at its next message.
 */

/** The Redis commands the marker needs (ioredis's client has them). */
export interface MarkerRedis {
  get(key: string): Promise<string | null>;
  incr(key: string): Promise<number>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

const CLEAR_IF_UNCHANGED = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Kept replies of a chat still waiting for the outbox (any priority; held rows of an unreachable chat too). */
export async function hasPendingKeptReplies(q: Queryable, channel: string, chatId: number): Promise<boolean> {
  const res = await q.query(`SELECT 1 FROM outbox WHERE channel = $1 AND chat_id = $2 AND status = 'pending' AND dedupe_key LIKE 'direct|%' LIMIT 1`, [channel, chatId]);
  return (res.rowCount ?? 0) > 0;
}

export interface ChatLine {
  /** A reply of `chatId` was kept (its row committed): the chat's later replies go behind it. */
  kept(channel: string, chatId: number): Promise<void>;
  /** True while `chatId` has kept replies pending: a later reply must be kept behind them. */
  waiting(q: Queryable, channel: string, chatId: number): Promise<boolean>;
}

export function chatLine(redis: MarkerRedis, keyPrefix: string): ChatLine {
  const key = (channel: string, chatId: number) => `${keyPrefix}:kept:${channel}:${chatId}`;
  return {
    async kept(channel, chatId) {
      await redis.incr(key(channel, chatId));
    },
    async waiting(q, channel, chatId) {
      const k = key(channel, chatId);
      const seen = await redis.get(k);
      if (seen === null) return false;
      if (await hasPendingKeptReplies(q, channel, chatId)) return true;
      await redis.eval(CLEAR_IF_UNCHANGED, 1, k, seen);
      return false;
    },
  };
}
