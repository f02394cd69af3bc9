/**
 * Telegram's errors on the bot's direct replies, and which groups the bot speaks in.
 *
 * - Direct replies (the answer to a resident's message, emergency numbers included, and the staff
 *   conversation's answers in groups) are sent while the update is handled: no database write, queue
 *   or model stands before an emergency's numbers. A 429 is waited out (retry_after) and the reply sent
 *   again, up to `maxWaitMs` in all. A send that still fails — 429 beyond that wait, 5xx or a network
 *   error, 403 blocked, 400 chat not found or migrated — is not lost: `sendDirectText` keeps that reply
 *   and every later one of the same update, in order, as outbox rows (cases/directReplies.ts; a split
 *   text from its first undelivered part; an emergency's numbers at the head of the chat's line), which
 *   the outbox delivers with its 429 handling and unreachable-chat hold.
 * - While a chat (a resident's or a staff group) has kept replies waiting, the replies to its later
 *   updates are kept behind them (`keepNow`; the per-chat marker is cases/directReplies.ts chatLine), so
 *   they are read in order; an emergency's numbers skip that check and go out at once.
 * - The bot is silent in groups it does not serve (neither the office chat nor a directory entry's
 *   chat, nor a supergroup one of them became): no answer to /start, /help or long texts there.
 * - my_chat_member: a chat that adds the bot back or unblocks it gets its waiting messages at once
 *   (cases/outboxRepository.ts markChatReachable; the outbox poll sends them).
 */
import { TelegramError, type Context, type MiddlewareFn, type Telegram } from 'telegraf';
import type { ForceReply, InlineKeyboardMarkup } from 'telegraf/types';
import type { Redis } from 'ioredis';
import type { Language } from '../../kernel/language.js';
import type { Logger } from '../../kernel/logger.js';
import type { Clock } from '../../kernel/clock.js';
import type { Queryable } from '../../db/pool.js';
import { markChatReachable } from '../../cases/outboxRepository.js';
import { keepDirectReply, type ChatLine, type KeptReply } from '../../cases/directReplies.js';
import type { PromptBinding } from '../../cases/staffPromptBindings.js';
import { splitText } from '../telegramSender.js';
import { withTimeout } from './state.js';

/** Methods that put something in a chat: worth waiting for after a 429. */
const SENDS = new Set(['sendMessage', 'sendDocument', 'sendPhoto', 'editMessageText', 'editMessageReplyMarkup', 'copyMessage', 'forwardMessage']);

const GUARDED = Symbol('xf.directReplyRetry');

/**
 * Makes this update's Telegram client wait out 429s on sends (telegraf builds one client per update).
 * With `keep`, a plain text sent outside sendDirectText (ctx.reply of a command, a content notice)
 * that Telegram does not take is kept in the outbox like any direct reply, and a stand-in message
 * (message_id 0) is returned: the caller goes on as if it had been sent.
 */
export function guardTelegram(
  tg: Telegram,
  opts: { log: Logger; maxWaitMs: number; sleep?: (ms: number) => Promise<void>; keep?: { ctx: Context; store: DirectReplyStore } },
): void {
  const t = tg as Telegram & { [GUARDED]?: true };
  if (t[GUARDED]) return;
  t[GUARDED] = true;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const original = tg.callApi.bind(tg) as (method: string, payload: unknown, o?: unknown) => Promise<unknown>;
  const keep = opts.keep;
  (tg as unknown as { callApi: typeof original }).callApi = async (method, payload, o) => {
    const p = payload as { chat_id?: unknown; text?: unknown; reply_markup?: unknown } | undefined;
    if (!keep || method !== 'sendMessage' || stateOf(keep.ctx).direct || typeof p?.chat_id !== 'number' || typeof p.text !== 'string') return waitOut(method, payload, o);
    const state = stateOf(keep.ctx);
    const seq = state.seq++;
    if (!(await keepNow(keep.ctx, keep.store, p.chat_id, false))) {
      try {
        return await waitOut(method, payload, o);
      } catch (err) {
        if (!isDeliveryFailure(err)) throw err;
        sendFailed(keep.ctx, keep.store, p.chat_id, err, 'direct reply');
      }
    }
    const markup = p.reply_markup && typeof p.reply_markup === 'object' ? (p.reply_markup as Record<string, unknown>) : undefined;
    await keepReply(keep.ctx, keep.store, keptRow(keep.ctx, seq, { chatId: p.chat_id, text: p.text, urgent: false, partsSent: 0, ...(markup ? { markup } : {}) }));
    return { message_id: 0, date: Math.floor(keep.store.clock.now().getTime() / 1000), chat: { id: p.chat_id }, text: p.text };
  };
  const waitOut = async (method: string, payload: unknown, o?: unknown): Promise<unknown> => {
    let waited = 0;
    for (;;) {
      try {
        return await original(method, payload, o);
      } catch (err) {
        if (!(err instanceof TelegramError) || err.code !== 429 || !SENDS.has(method)) throw err;
        const seconds = Number(err.parameters?.retry_after);
        const ms = (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000;
        if (waited + ms > opts.maxWaitMs) throw err;
        waited += ms;
        const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
        opts.log.warn({ method, chatId, retryAfterSeconds: ms / 1000 }, 'direct reply got 429: waiting, then sending it again');
        await sleep(ms);
      }
    }
  };
}

/** How long a direct reply waits out 429s before it is handed to the outbox. */
export const DIRECT_REPLY_WAIT_MS = 15_000;

export function directReplyRetry(opts: { log: Logger; maxWaitMs?: number; sleep?: (ms: number) => Promise<void>; store?: DirectReplyStore }): MiddlewareFn<Context> {
  // Longer waits are the outbox's job: it keeps the reply in Postgres meanwhile and holds up no other update.
  const maxWaitMs = opts.maxWaitMs ?? DIRECT_REPLY_WAIT_MS;
  const store = opts.store ? { log: opts.log, ...opts.store } : undefined;
  return (ctx, next) => {
    // Every reply of this update (sendDirectText's store may lack it) checks and marks the chat's line.
    if (store?.line) stateOf(ctx).line = store.line;
    guardTelegram(ctx.telegram, { log: opts.log, maxWaitMs, sleep: opts.sleep, ...(store ? { keep: { ctx, store } } : {}) });
    return next();
  };
}

const isGroup = (ctx: Context) => ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup' || ctx.chat?.type === 'channel';

/** Drops every update from a group the bot does not serve (membership changes excepted), without a word. */
export function servedGroupsOnly(opts: { serves?: (chatId: number) => boolean | Promise<boolean>; log: Logger }): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!opts.serves || !isGroup(ctx) || 'my_chat_member' in ctx.update) return next();
    if (await opts.serves(ctx.chat!.id)) return next();
    opts.log.info({ chatId: ctx.chat!.id }, 'update from a group the bot does not serve: ignored');
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
  };
}

/** The bot's own membership in a chat changed: the chat is reachable again, or not. */
export function chatMembership(opts: { pool: Queryable; clock: Clock; log: Logger }): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const change = 'my_chat_member' in ctx.update ? ctx.update.my_chat_member : undefined;
    if (!change) return next();
    const chatId = change.chat.id;
    const status = change.new_chat_member.status;
    const now = opts.clock.now();
    try {
      if (status === 'member' || status === 'administrator' || status === 'creator') {
        const due = await markChatReachable(opts.pool, 'telegram', chatId, now);
        if (due.length) opts.log.info({ chatId, due: due.length }, 'the bot is back in the chat: its waiting messages are due');
      }
      // Removed or blocked: the outbox finds out at its next send (403), marks the chat and tells the office once.
    } catch (err) {
      opts.log.warn({ chatId, err: (err as Error).message }, 'could not record the chat membership change');
    }
  };
}

/** Where a direct reply that could not be sent is kept (the pool of cases/directReplies.ts). */
export interface DirectReplyStore {
  pool: Queryable;
  clock: Clock;
  log?: Logger;
  /** The per-chat marker of kept replies (cases/directReplies.ts chatLine): later replies go behind them. */
  line?: ChatLine;
}

export type DirectMarkup = InlineKeyboardMarkup | ForceReply;

const UPDATE_STATE = Symbol('xf.directReplies');
interface UpdateState {
  /** A send of this update failed: every later reply goes to the outbox, behind the kept ones. */
  failed: boolean;
  /** Replies of this update so far (each kept reply's dedupe key). */
  seq: number;
  /** sendDirectText is sending: the client's guard leaves keeping to it. */
  direct: boolean;
  /** The chat had kept replies of earlier updates waiting (asked once per update; undefined: not yet). */
  behind?: boolean;
  line?: ChatLine;
}
const stateOf = (ctx: Context): UpdateState => {
  const c = ctx as Context & { [UPDATE_STATE]?: UpdateState };
  return (c[UPDATE_STATE] ??= { failed: false, seq: 0, direct: false });
};

/**
 * A failure that is not the answer's fault, so the outbox can still deliver it: Telegram busy (429),
 * down (5xx) or out of reach (network), the chat blocked (403), gone or moved (400 chat not found,
 * migrate_to_chat_id). Another 400 is the message's own fault (sending it later would fail alike).
 */
export function isDeliveryFailure(err: unknown): boolean {
  if (!(err instanceof TelegramError)) return true;
  if (err.code === 429 || err.code === 403 || err.code >= 500) return true;
  return err.code === 400 && (err.parameters?.migrate_to_chat_id !== undefined || /chat not found|user not found|PEER_ID_INVALID|chat_id is empty/i.test(err.description ?? ''));
}

/**
 * Sends `text` to `chatId` (split at Telegram's limit, the markup on the last part) as the direct
 * reply of this update and returns the last part's message id. If a part cannot be sent, the reply
 * is kept in the outbox from that part on, and so is every later reply of this update (no send is
 * tried: they would overtake it); then undefined is returned. A non-emergency reply to a resident whose
 * chat still has kept replies waiting is kept behind them without a try. Without a store it throws as before.
 */
export async function sendDirectText(
  ctx: Context,
  store: DirectReplyStore | undefined,
  // prompt: a staff prompt; kept, it carries its binding so the outbox records its message once delivered.
  reply: { chatId: number; text: string; markup?: DirectMarkup; urgent: boolean; language: Language; prompt?: PromptBinding },
): Promise<number | undefined> {
  const state = stateOf(ctx);
  const seq = state.seq++;
  const parts = splitText(reply.text);
  let sent = 0;
  let lastId: number | undefined;
  if (!store || !(await keepNow(ctx, store, reply.chatId, reply.urgent))) {
    state.direct = true;
    try {
      for (; sent < parts.length; sent++) {
        const markup = sent === parts.length - 1 ? reply.markup : undefined;
        const m = await ctx.telegram.sendMessage(reply.chatId, parts[sent]!, { link_preview_options: { is_disabled: true }, ...(markup ? { reply_markup: markup } : {}) });
        lastId = m?.message_id;
      }
      return lastId;
    } catch (err) {
      if (!store || !isDeliveryFailure(err)) throw err;
      sendFailed(ctx, store, reply.chatId, err, 'direct reply', { partsSent: sent, urgent: reply.urgent });
    } finally {
      state.direct = false;
    }
  }
  const markup = reply.markup ? (reply.markup as unknown as Record<string, unknown>) : undefined;
  const row = keptRow(ctx, seq, { chatId: reply.chatId, text: reply.text, partsSent: sent, urgent: reply.urgent, language: reply.language, ...(markup ? { markup } : {}) });
  await keepReply(ctx, store, reply.prompt ? { ...row, prompt: reply.prompt } : row);
  return undefined;
}

/** The chat's line: the store's, or the one the update's middleware put in its state (handlers' stores have none). */
const lineOf = (ctx: Context, store: DirectReplyStore): ChatLine | undefined => store.line ?? stateOf(ctx).line;

/** How long the chat's line is asked (Redis, then Postgres) before the reply is sent regardless. */
const LINE_TIMEOUT_MS = 2000;

/**
 * Whether this update's next reply to `chatId` is kept instead of sent: a reply of this update failed
 * (the later ones must not overtake it), or kept replies of the chat's earlier updates still
 * wait in the outbox (cases/directReplies.ts chatLine). An emergency's numbers are never held by the
 * second: they wait for no Redis or database read, and may overtake what waits.
 */
export async function keepNow(ctx: Context, store: DirectReplyStore, chatId: number, urgent: boolean): Promise<boolean> {
  const state = stateOf(ctx);
  if (state.failed) return true;
  if (urgent) return false;
  state.behind ??= await behindKept(ctx, store, chatId);
  return state.behind;
}

async function behindKept(ctx: Context, store: DirectReplyStore, chatId: number): Promise<boolean> {
  const line = lineOf(ctx, store);
  // Staff groups too: the outbox orders a group's kept replies among themselves (workers/outbox.ts CLAIM).
  if (!line) return false;
  try {
    const waiting = await withTimeout(line.waiting(store.pool, 'telegram', chatId), LINE_TIMEOUT_MS);
    if (waiting) store.log?.info({ chatId, updateId: ctx.update.update_id }, 'earlier replies of the chat wait in the outbox: this update\'s replies are kept behind them');
    return waiting;
  } catch (err) {
    store.log?.warn({ chatId, err: (err as Error).message }, 'could not ask whether the chat has kept replies: sending at once');
    return false;
  }
}

/** Keeps `row` in the outbox and marks the chat's line, so the chat's later replies go behind it. */
export async function keepReply(ctx: Context, store: DirectReplyStore, row: KeptReply): Promise<void> {
  await keepDirectReply(store.pool, row, store.clock.now());
  const line = lineOf(ctx, store);
  // After the commit (see chatLine): a marker set before it could be cleared by a check that misses the row.
  await line?.kept(row.channel, row.chatId).catch((err: Error) => store.log?.warn({ chatId: row.chatId, err: err.message }, 'kept reply not marked: a later reply may overtake it'));
}

/** This update's next reply number (its kept row's dedupe key). */
export const nextReplySeq = (ctx: Context): number => stateOf(ctx).seq++;

/** A send of this update failed: its later replies are kept behind it. */
export function sendFailed(ctx: Context, store: DirectReplyStore, chatId: number, err: unknown, what: string, detail: Record<string, unknown> = {}): void {
  stateOf(ctx).failed = true;
  const code = err instanceof TelegramError ? err.code : undefined;
  store.log?.warn({ chatId, updateId: ctx.update.update_id, code, err: code === undefined ? (err as Error).message : undefined, ...detail }, `${what} not delivered: kept in the outbox`);
}

/** The outbox row of this update's `seq`-th reply. */
export function keptRow(
  ctx: Context,
  seq: number,
  r: { chatId: number; text: string; markup?: Record<string, unknown>; partsSent: number; urgent: boolean; language?: Language },
): KeptReply {
  return {
    channel: 'telegram',
    chatId: r.chatId,
    chatKind: ctx.chat?.type === 'private' ? 'private' : 'group',
    // The text is rendered already; the language only matters to the row's readers.
    language: r.language ?? 'zh-Hans',
    text: r.text,
    ...(r.markup ? { markup: r.markup } : {}),
    partsSent: r.partsSent,
    urgent: r.urgent,
    dedupeKey: `direct|telegram|${r.chatId}|${ctx.update.update_id}|${seq}`,
  };
}

/*
 * The update's dedupe claim (bot/middleware/ordering.ts) says "in progress" ('p', a short TTL kept
 * alive while the update is handled) until its replies are sent or kept, then "done" ('d', the full
 * dedupe TTL). A process that dies mid-update stops renewing its claim: Telegram redelivers the
 * update (polling confirms a batch only by asking for the next one), the claim expires within
 * IN_PROGRESS_MS, and the redelivered update is handled again instead of dropped as a duplicate.
 */
export const IN_PROGRESS = 'p';
export const IN_PROGRESS_MS = 20_000;
/** How long a redelivered update waits for a live owner of its claim before it gives up (a duplicate). */
const MAX_CLAIM_WAIT_MS = 10 * 60_000;
// Renews only claims still in progress: one that became done keeps its full TTL.
const RENEW_LUA = `for i, k in ipairs(KEYS) do if redis.call('GET', k) == '${IN_PROGRESS}' then redis.call('PEXPIRE', k, ARGV[1]) end end return 0`;

export interface UpdateClaims {
  /** This process holds `key` while it handles the update: renewed every IN_PROGRESS_MS / 3. */
  hold(key: string): void;
  /** The update's replies are out or kept: the claim becomes "done" for the dedupe TTL. */
  done(key: string, ttlSeconds: number): Promise<void>;
  /** The update failed: stop renewing; the claim expires and a redelivery is handled again. */
  drop(key: string): void;
  /**
   * Another holder has the claim: waits (polling `retry`) until it is done (returns the last answer,
   * still not first: a duplicate) or expired (retry claims it), at most MAX_CLAIM_WAIT_MS.
   */
  waitFor<T extends { first: boolean; seen?: string | null }>(retry: () => Promise<T>, current: T): Promise<T>;
}

export function updateClaims(redis: Redis, opts: { inProgressMs?: number; pollMs?: number } = {}): UpdateClaims {
  const ttl = opts.inProgressMs ?? IN_PROGRESS_MS;
  const pollMs = opts.pollMs ?? 250;
  const held = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const renew = () => {
    if (held.size === 0) {
      clearInterval(timer);
      timer = undefined;
      return;
    }
    redis.eval(RENEW_LUA, held.size, ...held, ttl).catch(() => undefined);
  };
  return {
    hold(key) {
      held.add(key);
      if (!timer) {
        timer = setInterval(renew, Math.max(50, Math.floor(ttl / 3)));
        timer.unref();
      }
    },
    async done(key, ttlSeconds) {
      held.delete(key);
      await redis.set(key, 'd', 'EX', ttlSeconds);
    },
    drop(key) {
      held.delete(key);
    },
    async waitFor(retry, current) {
      const deadline = Date.now() + MAX_CLAIM_WAIT_MS;
      let answer = current;
      while (!answer.first && answer.seen === IN_PROGRESS && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, pollMs));
        answer = await retry();
      }
      return answer;
    },
  };
}
