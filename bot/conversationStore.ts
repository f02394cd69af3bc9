/**
 * Conversation state per (channel, chat), in Postgres so every bot process sees the same state
 * (webhook replicas behind a load balancer, or a restart mid-conversation). Writes are optimistic:
 * each names the version it read, and loses (without corrupting anything) if someone wrote first.
 */
import { z } from 'zod';
import type { Clock } from '../app/clock.js';
import { ValidationError } from '../app/errors.js';
import type { Queryable } from '../db/pool.js';

export type ConversationChannel = 'telegram' | 'terminal';

export interface ConversationSnapshot<S> {
  /** null: no conversation yet, or it was cleared, or the stored state no longer fits the schema. */
  state: S | null;
  /** 0 when no row exists yet; pass it back to `set` as `expectedVersion`. */
  version: number;
  updatedAt: Date | null;
}

export type SetResult = { ok: true; version: number } | { ok: false; currentVersion: number };

/** Bigger than any sane conversation step needs; stops a bug from growing a row without bound. */
export const MAX_STATE_BYTES = 16 * 1024;

const channelSchema = z.enum(['telegram', 'terminal']);
const chatIdSchema = z.number().int().refine(Number.isSafeInteger, 'chat id must be a safe integer');

export class ConversationConflictError extends Error {
  constructor(public readonly channel: ConversationChannel, public readonly chatId: number) {
    super(`conversation ${channel}:${chatId} kept changing under us; gave up`);
    this.name = 'ConversationConflictError';
  }
}

export class ConversationStore<S extends Record<string, unknown> = Record<string, unknown>> {
  private readonly schema: z.ZodType<S>;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
    schema?: z.ZodType<S>,
  ) {
    this.schema = schema ?? (z.record(z.string(), z.unknown()) as unknown as z.ZodType<S>);
  }

  async get(channel: ConversationChannel, chatId: number, q: Queryable = this.db): Promise<ConversationSnapshot<S>> {
    this.checkKey(channel, chatId);
    const r = await q.query<{ state: unknown; version: number; updated_at: Date }>(
      'SELECT state, version, updated_at FROM conversation_state WHERE channel = $1 AND chat_id = $2',
      [channel, chatId],
    );
    const row = r.rows[0];
    if (!row) return { state: null, version: 0, updatedAt: null };
    // A row written by an older release may not fit today's schema: treat it as a fresh start
    // rather than crash the conversation; the version still guards the next write.
    const parsed = row.state === null ? null : this.schema.safeParse(row.state);
    return { state: parsed?.success ? parsed.data : null, version: row.version, updatedAt: row.updated_at };
  }

  /**
   * Writes `state` (null clears it) if the stored version is still `expectedVersion` (0: no row yet).
   * Invalid or oversized state → ValidationError, and nothing is written.
   */
  async set(
    channel: ConversationChannel,
    chatId: number,
    state: S | null,
    expectedVersion: number,
    q: Queryable = this.db,
  ): Promise<SetResult> {
    this.checkKey(channel, chatId);
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) throw new ValidationError('expectedVersion must be an integer ≥ 0');
    const json = this.serialise(state);
    const now = this.clock.now();
    const r =
      expectedVersion === 0
        ? await q.query<{ version: number }>(
            `INSERT INTO conversation_state (channel, chat_id, state, version, updated_at)
             VALUES ($1, $2, $3::jsonb, 1, $4) ON CONFLICT (channel, chat_id) DO NOTHING RETURNING version`,
            [channel, chatId, json, now],
          )
        : await q.query<{ version: number }>(
            `UPDATE conversation_state SET state = $3::jsonb, version = version + 1, updated_at = $4
             WHERE channel = $1 AND chat_id = $2 AND version = $5 RETURNING version`,
            [channel, chatId, json, now, expectedVersion],
          );
    const row = r.rows[0];
    if (row) return { ok: true, version: row.version };
    const current = await q.query<{ version: number }>(
      'SELECT version FROM conversation_state WHERE channel = $1 AND chat_id = $2',
      [channel, chatId],
    );
    return { ok: false, currentVersion: current.rows[0]?.version ?? 0 };
  }

  /**
   * Read–modify–write with retries on conflict. `fn` may run more than once, so it must be pure.
   * Returns the snapshot written.
   */
  async update(
    channel: ConversationChannel,
    chatId: number,
    fn: (current: S | null) => S | null,
    attempts = 5,
  ): Promise<ConversationSnapshot<S>> {
    for (let i = 0; i < attempts; i++) {
      const current = await this.get(channel, chatId);
      const next = fn(current.state);
      const r = await this.set(channel, chatId, next, current.version);
      if (r.ok) return { state: next, version: r.version, updatedAt: this.clock.now() };
    }
    throw new ConversationConflictError(channel, chatId);
  }

  private checkKey(channel: ConversationChannel, chatId: number): void {
    if (!channelSchema.safeParse(channel).success) throw new ValidationError(`unknown channel: ${String(channel)}`);
    if (!chatIdSchema.safeParse(chatId).success) throw new ValidationError('chat id must be an integer');
  }

  private serialise(state: S | null): string {
    if (state === null) return 'null';
    const parsed = this.schema.safeParse(state);
    if (!parsed.success) throw new ValidationError('conversation state does not fit its schema', { issues: parsed.error.issues.length });
    let json: string;
    try {
      json = JSON.stringify(parsed.data);
    } catch {
      throw new ValidationError('conversation state is not JSON-serialisable');
    }
    if (Buffer.byteLength(json) > MAX_STATE_BYTES) throw new ValidationError(`conversation state over ${MAX_STATE_BYTES} bytes`);
    // Postgres jsonb rejects \u0000; say so clearly instead of surfacing a driver error.
    if (json.includes('\\u0000')) throw new ValidationError('conversation state contains a NUL character');
    return json;
  }
}
