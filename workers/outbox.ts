import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, UnrecoverableError, Worker, type JobsOptions, type Queue } from 'bullmq';
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { MessageParam } from '../kernel/language.js';
import type { Directory } from '../directory/directory.js';
import type { Pool, Queryable } from '../db/pool.js';
import { consentStands, replaceSentCard } from '../cases/consentRepository.js';
import { recordPromptMessage } from '../cases/staffPromptBindings.js';
import { txQuery, txRun } from './db.js';
import type { SendRateLimiter } from './rateLimit.js';
import type { JobContext, JobHandler, JobPayload } from './registry.js';
import { ChatMigratedError, ChatUnreachableError, PermanentSendError, RetryAfterError, type MessageSender, type OutgoingMessage } from './sender.js';
import { chatMigrated, chatUnreachable, reachableAgain } from './chatErrors.js';
import { keptDocumentSchema, rebuildKeptDocument } from './keptDocument.js';

export const OUTBOX_JOB = 'outbox-deliver';
export const outboxJobId = (id: number): string => `outbox-${id}`;

/**
 * BullMQ's own retry schedule for transient send failures (1 s, 2 s, 4 s…). The row's `attempts`
 * column is the authority on giving up: it survives a Redis flush, BullMQ's counter does not.
 * Finished jobs are removed so a row that is pending again (lease expired) can be re-enqueued
 * under the same id; the row keeps status and last_error.
 */
export const OUTBOX_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: true,
};

const idsSchema = z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(1_000_000);

export interface EnqueueOutboxOptions {
  /**
   * Rows of priority > 0 (an emergency's numbers): their jobs go to the head of the wait list
   * (BullMQ `lifo`), ahead of every job already waiting for any chat, also those waiting out a global
   * 429 (a rate-limited job goes back to the head too, so one added after it is still ahead). Not a
   * BullMQ priority: prioritized jobs run only when the wait list is empty, and cost O(log n) per add.
   * A job id already queued keeps its place, so a row must be offered urgent the first time.
   */
  urgent?: boolean;
}

/**
 * Puts outbox rows on the delivery queue. Call it after the transaction that wrote the rows has
 * committed (a job must never run before its row is visible). If it fails (Redis down), nothing is
 * lost: the next deadline sweep re-enqueues every pending row.
 */
export async function enqueueOutbox(
  target: Queue | { queues: { outbox: Queue } },
  ids: readonly number[],
  opts: EnqueueOutboxOptions = {},
): Promise<void> {
  const parsed = idsSchema.safeParse(ids);
  if (!parsed.success) throw new ValidationError('enqueueOutbox expects outbox ids (positive integers)');
  const queue = 'queues' in target ? target.queues.outbox : target;
  const unique = [...new Set(parsed.data)];
  const jobOpts: JobsOptions = opts.urgent ? { ...OUTBOX_JOB_OPTIONS, lifo: true } : OUTBOX_JOB_OPTIONS;
  for (let i = 0; i < unique.length; i += 1000) {
    await queue.addBulk(
      unique.slice(i, i + 1000).map((outboxId) => ({
        name: OUTBOX_JOB,
        data: { outboxId } satisfies JobPayload<'outbox-deliver'>,
        opts: { ...jobOpts, jobId: outboxJobId(outboxId) },
      })),
    );
  }
}

/**
 * A message parameter as kernel/language.ts MessageParam: text, a number, a catalogue label with its own
 * parameters, or a name in each language (staff cards name handlers and services so, not by code).
 */
const paramSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.null(),
    z.object({ key: z.string().min(1).max(200), params: z.record(z.string(), paramSchema).optional() }),
    z.object({ 'zh-Hans': z.string(), 'zh-Hant': z.string(), en: z.string() }),
  ]),
);

/** An outbox row's message as the dispatcher accepts it (exported for tests of what the cases area writes). */
export const messageSchema = z.object({
  key: z.string().min(1).max(200),
  params: z.record(z.string(), paramSchema).optional(),
  actions: z.array(z.string()).optional(),
  consentOf: z.string().optional(),
  replaces: z.number().int().positive().optional(),
  // A kept direct reply's rendered markup (cases/directReplies.ts).
  markup: z.record(z.string(), z.unknown()).optional(),
  // A kept upload: whose /privacy export to rebuild and send (workers/keptDocument.ts).
  document: keptDocumentSchema.optional(),
  // A kept staff prompt: the prompt its message answers once delivered (cases/staffPromptBindings.ts).
  prompt: z.object({ chatId: z.number().int(), userId: z.number().int(), openedAt: z.string().optional() }).optional(),
});
const rowSchema = z.object({
  id: z.number(),
  case_id: z.number().nullable(),
  channel: z.enum(['telegram', 'terminal']),
  chat_id: z.number(),
  chat_kind: z.enum(['private', 'group']),
  language: z.enum(['zh-Hans', 'zh-Hant', 'en']),
  message: messageSchema,
  attempts: z.number(),
  parts_sent: z.number().default(0),
  recipient: z.string().nullable().default(null),
  migrated_to: z.preprocess((v) => (v === null || v === undefined ? null : Number(v)), z.number().nullable()),
  unreachable: z.boolean().default(false),
  priority: z.number().default(0),
});

export interface OutboxDeps {
  pool: Pool;
  sender: MessageSender;
  clock: Clock;
  logger: Logger;
  /** The outbox queue, for a global pause (manual rate limit) after a global 429. */
  queue: Queue;
  /** undefined → no pacing (benchmarks of raw throughput only). */
  limiter?: SendRateLimiter;
  /** Send attempts (row `attempts`) before a message is marked failed. */
  maxAttempts: number;
  /** How long a claim protects a row being sent; a killed process's claim expires after this. */
  leaseMs: number;
  /** OFFICE_CHAT_ID: where "a chat is unreachable" is said (once per episode). */
  officeChatId?: number | null;
  /** How long an unreachable chat's messages wait before the next try (default 15 min). */
  unreachableRetryMs?: number;
  /** The directory: names an unreachable handler's chat in the office's alert (workers/chatErrors.ts). */
  directory?: Directory;
}

export type DeliveryOutcome = 'sent' | 'failed' | 'skipped';

// Claims the row for this run only if it is still pending, has a chat (a row without one waits for its
// recipient's chat to be configured: cases/waitingOutbox.ts), due, not claimed by a live run, and — in a
// private chat — no earlier message to the same chat is still waiting: a resident reads their messages
// in the order written, except that an emergency's numbers (priority 1) are held back by nothing of a
// lower priority. Staff groups get many cards about different cases, already paced to 20/min by
// Telegram; holding each behind the one before would only add polling — but the bot's own replies kept
// for a group (dedupe key 'direct|…', cases/directReplies.ts) answer one another (a prompt, then its
// confirmation), so they keep their order among themselves.
const CLAIM = `UPDATE outbox SET claim_token = $2, claimed_until = $3
  WHERE id = $1 AND status = 'pending' AND chat_id IS NOT NULL AND not_before <= $4 AND (claimed_until IS NULL OR claimed_until < $4)
    AND (NOT (chat_kind = 'private' OR dedupe_key LIKE 'direct|%') OR NOT EXISTS (
      SELECT 1 FROM outbox e
      WHERE e.channel = outbox.channel AND e.chat_id = outbox.chat_id AND e.status = 'pending' AND e.not_before <= $4
        AND (outbox.chat_kind = 'private' OR e.dedupe_key LIKE 'direct|%')
        AND (e.priority > outbox.priority OR (e.priority = outbox.priority AND e.id < outbox.id))))
  RETURNING id, case_id, channel, chat_id, chat_kind, language, message, attempts, parts_sent, recipient, priority,
    (SELECT d.migrated_to FROM chat_delivery d WHERE d.channel = outbox.channel AND d.chat_id = outbox.chat_id) AS migrated_to,
    EXISTS (SELECT 1 FROM chat_delivery d WHERE d.channel = outbox.channel AND d.chat_id = outbox.chat_id AND d.unreachable_since IS NOT NULL) AS unreachable`;

// Why a claim failed: a row still pending, due and unclaimed was held back by an earlier message to
// its chat (which may have gone out since): try again shortly. Otherwise there is nothing to do.
const WAITING = `SELECT EXISTS (
    SELECT 1 FROM outbox WHERE id = $1 AND status = 'pending' AND chat_id IS NOT NULL AND not_before <= $2 AND (claimed_until IS NULL OR claimed_until < $2)
  ) AS waiting`;

/**
 * An emergency's numbers held by their chat's pace (1 a second in a private chat) wait here, holding the
 * run, instead of going back to BullMQ: a delayed job rejoins the tail of the wait list, behind every other
 * chat's messages. Longer waits (a long 429 for the chat) still go to the delayed set.
 */
export const URGENT_INLINE_WAIT_MS = 3000;

/** How long a message waiting behind an earlier one to the same chat waits before it tries again. */
export const CHAT_ORDER_RETRY_MS = 300;

const isNamed = (err: unknown, name: string): boolean => err instanceof Error && err.name === name;

/** The 'outbox-deliver' handler: re-read, claim, pace, send, mark. Running it twice sends once. */
export function createOutboxHandler(deps: OutboxDeps): JobHandler<JobPayload<'outbox-deliver'>> {
  const { pool, logger } = deps;
  const chatDeps = { ...deps, enqueue: (ids: number[]) => enqueueOutbox(deps.queue, ids) };
  // One statement of the consent checks on its own transaction, as txQuery does (workers/db.ts).
  const inTx = <T>(fn: (q: Queryable) => Promise<T>): Promise<T> => txRun(pool, fn);

  /** A card that went out while its consent was being withdrawn: queue the edit that replaces it. */
  const replaceWithdrawn = async (row: z.infer<typeof rowSchema>, messageId: number | undefined) => {
    const org = row.message.consentOf;
    const ref = row.message.params?.ref;
    const { case_id: caseId, chat_id: chatId } = row;
    if (!org || caseId === null || chatId === null || messageId === undefined || typeof ref !== 'string') return;
    const id = await inTx((q) => replaceSentCard(q, { outboxId: row.id, caseId, chatId, messageId, organizationId: org, ref }, deps.clock.now()));
    if (id !== null) await enqueueOutbox(deps.queue, [id]);
    logger.info({ outboxId: row.id, caseId: row.case_id }, 'sent as consent was withdrawn: replacement queued');
  };

  return async ({ outboxId }, ctx: JobContext): Promise<DeliveryOutcome> => {
    const now = deps.clock.now();
    const lease = ctx.token ?? crypto.randomUUID();
    const claimed = await txQuery(pool, CLAIM, [outboxId, lease, new Date(now.getTime() + deps.leaseMs), now]);
    if (!claimed.rowCount) {
      const waiting = (await txQuery<{ waiting: boolean }>(pool, WAITING, [outboxId, now])).rows[0]?.waiting;
      if (waiting && ctx.job && ctx.token) {
        await ctx.job.moveToDelayed(Date.now() + CHAT_ORDER_RETRY_MS, ctx.token);
        throw new DelayedError();
      }
      logger.debug({ outboxId }, 'outbox row not pending, not due, or being sent by another run; skipped');
      return 'skipped';
    }

    const release = (lastError?: string, countAttempt = false) =>
      txQuery(
        pool,
        `UPDATE outbox SET claim_token = NULL, claimed_until = NULL, last_error = COALESCE($3, last_error),
           attempts = attempts + $4 WHERE id = $1 AND claim_token = $2`,
        [outboxId, lease, lastError ?? null, countAttempt ? 1 : 0],
      );
    const markFailed = async (reason: string, countAttempt: boolean): Promise<DeliveryOutcome> => {
      await txQuery(
        pool,
        `UPDATE outbox SET status = 'failed', last_error = $3, attempts = attempts + $4, claim_token = NULL, claimed_until = NULL
         WHERE id = $1 AND claim_token = $2`,
        [outboxId, lease, reason.slice(0, 500), countAttempt ? 1 : 0],
      );
      logger.warn({ outboxId, reason: reason.slice(0, 200) }, 'outbox message failed permanently');
      return 'failed';
    };
    // Postpones this same job: a chat pause delays just this job; a global one pauses the queue.
    // Wall-clock time here on purpose: BullMQ's delayed set and rate limiter run on it.
    const postpone = async (scope: 'chat' | 'global', ms: number): Promise<never> => {
      if (scope === 'global') {
        await deps.queue.rateLimit(Math.ceil(ms));
        throw Worker.RateLimitError();
      }
      await ctx.job.moveToDelayed(Date.now() + Math.ceil(ms), ctx.token);
      throw new DelayedError();
    };

    const parsed = rowSchema.safeParse(claimed.rows[0]);
    if (!parsed.success) {
      return markFailed(`malformed outbox row: ${parsed.error.issues.map((i) => `${i.path.join('.')} (${i.code})`).join(', ')}`, false);
    }
    const row = parsed.data;
    // A group that became a supergroup: rows written for its old id go to the new one.
    if (row.migrated_to !== null) row.chat_id = await chatMigrated.follow(pool, row, lease);
    const msg: OutgoingMessage = {
      outboxId: row.id,
      channel: row.channel,
      chatId: row.chat_id,
      chatKind: row.chat_kind,
      language: row.language,
      message: row.message,
      caseId: row.case_id,
      partsSent: row.parts_sent,
      ...(row.message.markup ? { replyMarkup: row.message.markup } : {}),
      onPartSent: async (n) => void (await txQuery(pool, `UPDATE outbox SET parts_sent = $3 WHERE id = $1 AND claim_token = $2`, [outboxId, lease, n])),
    };

    if (deps.limiter) {
      let verdict = await deps.limiter.acquire(row.chat_id, row.chat_kind);
      for (let waited = 0; !verdict.ok && verdict.scope === 'chat' && row.priority > 0 && waited + verdict.waitMs <= URGENT_INLINE_WAIT_MS; ) {
        await sleep(verdict.waitMs);
        waited += verdict.waitMs;
        verdict = await deps.limiter.acquire(row.chat_id, row.chat_kind);
      }
      if (!verdict.ok) {
        await release();
        return postpone(verdict.scope, verdict.waitMs);
      }
    }

    // Consent is checked again at send time: one withdrawn since the row was written sends nothing.
    if (row.message.consentOf && !(await inTx((q) => consentStands(q, row.case_id, row.message.consentOf!)))) {
      await txQuery(pool, `UPDATE outbox SET status = 'cancelled', last_error = 'consent withdrawn', claim_token = NULL, claimed_until = NULL WHERE id = $1 AND claim_token = $2`, [outboxId, lease]);
      logger.info({ outboxId, caseId: row.case_id }, 'consent withdrawn before sending: message cancelled');
      return 'skipped';
    }

    // A kept document is rebuilt from what is stored now (erased meanwhile: a note instead).
    if (row.message.document) {
      try {
        Object.assign(msg, await rebuildKeptDocument(deps, row.message.document, row.language, deps.clock.now()));
      } catch (err) {
        await release(`export not rebuilt: ${(err as Error).message}`.slice(0, 500), true);
        throw err;
      }
    }

    let externalMessageId: number | undefined;
    try {
      externalMessageId = (await deps.sender.send(msg)).externalMessageId;
    } catch (err) {
      if (err instanceof RetryAfterError || isNamed(err, 'RetryAfterError')) {
        const e = err as RetryAfterError;
        const ms = Math.max(1, e.retryAfterSeconds) * 1000;
        const scope = e.scope === 'global' ? 'global' : 'chat';
        logger.warn({ outboxId, chatKind: row.chat_kind, retryAfterSeconds: e.retryAfterSeconds, scope }, 'channel asked to slow down (429)');
        await release(`retry_after ${e.retryAfterSeconds}s (${scope})`);
        await deps.limiter?.pause(scope, row.chat_id, ms);
        return postpone(scope, ms);
      }
      if (err instanceof ChatMigratedError || isNamed(err, 'ChatMigratedError')) {
        await chatMigrated.record(chatDeps, row, (err as ChatMigratedError).toChatId);
        await release('chat migrated');
        return postpone('chat', 1);
      }
      if (err instanceof ChatUnreachableError || isNamed(err, 'ChatUnreachableError')) {
        await chatUnreachable(chatDeps, row, (err as Error).message, release);
        return 'skipped';
      }
      if (err instanceof PermanentSendError || isNamed(err, 'PermanentSendError')) {
        return markFailed((err as Error).message, true);
      }
      const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      if (row.attempts + 1 >= deps.maxAttempts) {
        await markFailed(`gave up after ${row.attempts + 1} attempts; last error ${reason}`, true);
        throw new UnrecoverableError(`outbox ${outboxId}: gave up after ${row.attempts + 1} attempts`);
      }
      await release(reason.slice(0, 500), true);
      logger.warn({ outboxId, attempt: row.attempts + 1, err: reason.slice(0, 200) }, 'send failed; will retry with backoff');
      throw err;
    }

    // The message is out: marking it must not be lost to a transient database error.
    for (let attempt = 1; ; attempt++) {
      try {
        const marked = await txQuery(
          pool,
          // A row cancelled while it was being sent (consent withdrawn meanwhile) stays cancelled.
          `UPDATE outbox SET status = CASE WHEN status = 'cancelled' THEN 'cancelled' ELSE 'sent' END, sent_at = $3, external_message_id = $4,
             attempts = attempts + 1, last_error = NULL, claim_token = NULL, claimed_until = NULL
           WHERE id = $1 AND claim_token = $2 RETURNING status`,
          [outboxId, lease, deps.clock.now(), externalMessageId ?? null],
        );
        if (!marked.rowCount) logger.error({ outboxId }, 'sent, but the claim was lost (lease too short?): the message may be sent twice');
        if (marked.rows[0]?.status === 'cancelled') await replaceWithdrawn(row, externalMessageId);
        break;
      } catch (err) {
        if (attempt >= 5) {
          logger.error({ outboxId, err: (err as Error).message }, 'sent, but could not mark it sent; it may be sent again after the lease expires');
          break;
        }
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
    if (row.unreachable) await reachableAgain(chatDeps, row);
    // A staff prompt delivered late: a reply to it answers it. Failing here must not resend the message.
    const prompt = row.message.prompt;
    if (prompt && externalMessageId !== undefined) {
      await inTx((q) => recordPromptMessage(q, prompt, externalMessageId, deps.clock.now())).catch((err: Error) =>
        logger.warn({ outboxId, err: err.message }, 'staff prompt delivered, but its message could not be recorded'),
      );
    }
    logger.debug({ outboxId, caseId: row.case_id, chatKind: row.chat_kind, key: row.message.key }, 'outbox message sent');
    return 'sent';
  };
}
