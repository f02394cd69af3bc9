/**
 * Conversation state per (channel, chat), in Postgres so every bot process sees the same state
 * (webhook replicas behind a load balancer, or a restart mid-conversation). Writes are optimistic:
 * each names the version it read, and loses (without corrupting anything) if someone wrote first.
 */
import pg from 'pg';
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { ValidationError } from '../kernel/errors.js';
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


const CHANNELS: ReadonlySet<string> = new Set(['telegram', 'terminal']);

/** A row of conversation_state as read by `get` or joined into another query (see `snapshotOf`). */
export interface ConversationRow {
  state: unknown;
  version: number;
  updated_at: Date;
}

/**
 * A value as an SQL literal, for the hot-path reads that run as one simple-protocol message. Through
 * pglite-socket (embedded PGlite reached from another program) each extended-protocol message —
 * parse, bind, describe, execute, sync — is its own round into WASM, so a parameterised query costs
 * about twice a literal one; in process (db/inProcess.ts) they cost about the same (0.05 vs 0.07 ms).
 * Only integers and text (escaped as pg does) are accepted.
 */
export function sqlLiteral(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new ValidationError('SQL literal: not a safe integer');
    return String(value);
  }
  if (typeof value !== 'string' || value.includes('\u0000')) throw new ValidationError('SQL literal: not text');
  return pg.escapeLiteral(value);
}

/**
 * Coalesces concurrent calls into one statement: the first call runs at once (next microtask); calls
 * made while a batch is in flight wait for it and then go together. On the embedded PGlite (one
 * connection, each statement a round into WASM) a 50-row statement costs about a tenth per row of
 * 50 single ones; under light load nothing waits. Items with the same `key` never share a batch
 * (two writes to one conversation must stay two version checks). A failed batch is retried item by
 * item, so one bad item fails alone.
 */
export class Coalescer<I, O> {
  private queue: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly runBatch: (items: I[]) => Promise<O[]>,
    private readonly runOne: (item: I) => Promise<O>,
    private readonly key: (item: I) => string,
    private readonly max = 100,
  ) {}

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: typeof this.queue = [];
      const rest: typeof this.queue = [];
      const keys = new Set<string>();
      for (const e of this.queue) {
        const k = this.key(e.item);
        if (batch.length < this.max && !keys.has(k)) {
          batch.push(e);
          keys.add(k);
        } else rest.push(e);
      }
      this.queue = rest;
      if (batch.length === 1) {
        const e = batch[0]!;
        await this.runOne(e.item).then(e.resolve, e.reject);
        continue;
      }
      try {
        const out = await this.runBatch(batch.map((e) => e.item));
        batch.forEach((e, i) => e.resolve(out[i]!));
      } catch {
        for (const e of batch) await this.runOne(e.item).then(e.resolve, e.reject);
      }
    }
    this.running = false;
  }
}

interface PendingWrite {
  channel: ConversationChannel;
  chatId: number;
  json: string;
  expectedVersion: number;
  at: Date;
}

export class ConversationConflictError extends Error {
  constructor(public readonly channel: ConversationChannel, public readonly chatId: number) {
    super(`conversation ${channel}:${chatId} kept changing under us; gave up`);
    this.name = 'ConversationConflictError';
  }
}

export class ConversationStore<S extends Record<string, unknown> = Record<string, unknown>> {
  private readonly schema: z.ZodType<S>;

  private readonly writes: Coalescer<PendingWrite, SetResult>;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
    schema?: z.ZodType<S>,
  ) {
    this.schema = schema ?? (z.record(z.string(), z.unknown()) as unknown as z.ZodType<S>);
    this.writes = new Coalescer(
      (items) => this.writeMany(items),
      (w) => this.writeOne(w, this.db),
      (w) => `${w.channel}:${w.chatId}`,
    );
  }

  async get(channel: ConversationChannel, chatId: number, q: Queryable = this.db): Promise<ConversationSnapshot<S>> {
    this.checkKey(channel, chatId);
    // Literals, not parameters: one protocol message (see sqlLiteral); both values are checked above.
    const r = await q.query<ConversationRow>(
      `SELECT state, version, updated_at FROM conversation_state WHERE channel = ${sqlLiteral(channel)} AND chat_id = ${sqlLiteral(chatId)}`,
    );
    return this.snapshotOf(r.rows[0]);
  }

  /**
   * The snapshot of a row read by another query (a caller that joins the state to what it reads
   * anyway, to save a round trip); a missing row (no state yet) is `undefined` or a null version.
   */
  snapshotOf(row: { state: unknown; version: number | null; updated_at: Date | null } | undefined): ConversationSnapshot<S> {
    if (!row || row.version === null) return { state: null, version: 0, updatedAt: null };
    // A row written by an older release may not fit today's schema: treat it as a fresh start
    // rather than crash the conversation; the version still guards the next write.
    const parsed = row.state === null ? null : this.schema.safeParse(row.state);
    return { state: parsed?.success ? parsed.data : null, version: row.version, updatedAt: row.updated_at };
  }

  /** The key check `get` and `set` make, for callers that build their own query on the key. */
  assertKey(channel: ConversationChannel, chatId: number): void {
    this.checkKey(channel, chatId);
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
    const write: PendingWrite = { channel, chatId, json: this.serialise(state), expectedVersion, at: this.clock.now() };
    // Inside a caller's transaction the write must use its client; otherwise it may share a statement.
    return q === this.db ? this.writes.push(write) : this.writeOne(write, q);
  }

  private async writeOne(w: PendingWrite, q: Queryable): Promise<SetResult> {
    const { channel, chatId, json, expectedVersion, at: now } = w;
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
    return { ok: false, currentVersion: await this.currentVersion(channel, chatId, q) };
  }

  /** Several conversations' writes in one statement, each with its own version check. */
  private async writeMany(items: PendingWrite[]): Promise<SetResult[]> {
    const rows = items.map((w, i) => ({ i, c: w.channel, id: w.chatId, e: w.expectedVersion, at: w.at.toISOString(), s: w.json }));
    // The states travel as JSON text inside one literal (one protocol message, see sqlLiteral).
    const r = await this.db.query<{ i: number; version: number }>(
      `WITH v AS (
         SELECT * FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(rows))}::jsonb) AS v(i int, c text, id bigint, e int, at timestamptz, s text)
       ), upd AS (
         UPDATE conversation_state AS cs SET state = v.s::jsonb, version = cs.version + 1, updated_at = v.at
           FROM v WHERE v.e > 0 AND cs.channel = v.c AND cs.chat_id = v.id AND cs.version = v.e
           RETURNING v.i, cs.version
       ), ins AS (
         INSERT INTO conversation_state (channel, chat_id, state, version, updated_at)
           SELECT v.c, v.id, v.s::jsonb, 1, v.at FROM v WHERE v.e = 0
           ON CONFLICT (channel, chat_id) DO NOTHING
           RETURNING channel, chat_id, version
       )
       SELECT i, version FROM upd
       UNION ALL
       SELECT v.i, ins.version FROM ins JOIN v ON v.e = 0 AND v.c = ins.channel AND v.id = ins.chat_id`,
    );
    const won = new Map(r.rows.map((x) => [Number(x.i), Number(x.version)]));
    const out: SetResult[] = [];
    for (const [i, w] of items.entries()) {
      const version = won.get(i);
      out.push(version !== undefined ? { ok: true, version } : { ok: false, currentVersion: await this.currentVersion(w.channel, w.chatId, this.db) });
    }
    return out;
  }

  private async currentVersion(channel: ConversationChannel, chatId: number, q: Queryable): Promise<number> {
    const current = await q.query<{ version: number }>('SELECT version FROM conversation_state WHERE channel = $1 AND chat_id = $2', [channel, chatId]);
    return current.rows[0]?.version ?? 0;
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

  // Plain checks rather than zod: this runs on every read and write of every message.
  private checkKey(channel: ConversationChannel, chatId: number): void {
    if (typeof channel !== 'string' || !CHANNELS.has(channel)) throw new ValidationError(`unknown channel: ${String(channel)}`);
    if (typeof chatId !== 'number' || !Number.isSafeInteger(chatId)) throw new ValidationError('chat id must be an integer');
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
