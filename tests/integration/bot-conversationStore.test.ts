import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { z } from 'zod';
import { FixedClock } from '../../kernel/clock.js';
import { ValidationError } from '../../kernel/errors.js';
import { ConversationConflictError, ConversationStore, MAX_STATE_BYTES } from '../../conversation/store.js';
import type { Database } from '../../db/pool.js';
import { testDatabase } from '../helpers/db.js';

const stateSchema = z.object({ step: z.enum(['idle', 'confirm', 'consent']), draft: z.string().optional() });
type State = z.infer<typeof stateSchema>;

describe('conversation store (PGlite)', () => {
  let db: Database;
  let clock: FixedClock;
  let store: ConversationStore<State>;
  beforeAll(async () => {
    db = await testDatabase();
    clock = new FixedClock('2026-11-23T08:00:00Z');
    store = new ConversationStore<State>(db.pool, clock, stateSchema);
  });
  afterAll(async () => {
    await db.close();
  });

  it('starts empty, then stores state with increasing versions and the clock time', async () => {
    assert.deepEqual(await store.get('telegram', 1), { state: null, version: 0, updatedAt: null });
    assert.deepEqual(await store.set('telegram', 1, { step: 'confirm', draft: '噪音' }, 0), { ok: true, version: 1 });
    clock.advance(60_000);
    assert.deepEqual(await store.set('telegram', 1, { step: 'consent' }, 1), { ok: true, version: 2 });
    const snap = await store.get('telegram', 1);
    assert.deepEqual(snap.state, { step: 'consent' });
    assert.equal(snap.version, 2);
    assert.equal(snap.updatedAt?.toISOString(), '2026-11-23T08:01:00.000Z');
    // channels are separate conversations
    assert.equal((await store.get('terminal', 1)).version, 0);
  });

  it('a write with a stale version loses and changes nothing (optimistic concurrency)', async () => {
    await store.set('telegram', 2, { step: 'idle' }, 0);
    const seenByA = await store.get('telegram', 2);
    const seenByB = await store.get('telegram', 2);
    assert.deepEqual(await store.set('telegram', 2, { step: 'confirm' }, seenByA.version), { ok: true, version: 2 });
    assert.deepEqual(await store.set('telegram', 2, { step: 'consent' }, seenByB.version), { ok: false, currentVersion: 2 });
    assert.deepEqual((await store.get('telegram', 2)).state, { step: 'confirm' });
    // two processes both creating the first state: one wins
    const results = await Promise.all([store.set('telegram', 3, { step: 'idle' }, 0), store.set('telegram', 3, { step: 'confirm' }, 0)]);
    assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
  });

  it('update() retries on conflict, so concurrent increments all land', async () => {
    const counter = new ConversationStore<{ n: number }>(db.pool, clock, z.object({ n: z.number() }));
    await Promise.all(Array.from({ length: 4 }, () => counter.update('telegram', 4, (s) => ({ n: (s?.n ?? 0) + 1 }), 20)));
    assert.deepEqual((await counter.get('telegram', 4)).state, { n: 4 });
  });

  it('update() gives up with a typed error when another writer always wins, leaving their state', async () => {
    await store.set('telegram', 5, { step: 'idle' }, 0);
    // A connection on which another process always writes just before each of our writes.
    const racing = {
      async query(sql: string, params: unknown[]) {
        if (sql.trim().startsWith('UPDATE conversation_state')) {
          await db.pool.query(`UPDATE conversation_state SET state = '{"step":"consent"}', version = version + 1 WHERE channel = $1 AND chat_id = $2`, [params[0], params[1]]);
        }
        return db.pool.query(sql, params);
      },
    } as unknown as ConstructorParameters<typeof ConversationStore>[0];
    const loser = new ConversationStore<State>(racing, clock, stateSchema);
    await assert.rejects(loser.update('telegram', 5, () => ({ step: 'confirm' }), 3), ConversationConflictError);
    const snap = await store.get('telegram', 5);
    assert.deepEqual(snap.state, { step: 'consent' });
    assert.equal(snap.version, 4);
  });

  it('clearing keeps the version moving (no ABA), and reading a cleared state gives null', async () => {
    await store.set('telegram', 6, { step: 'confirm' }, 0);
    assert.deepEqual(await store.set('telegram', 6, null, 1), { ok: true, version: 2 });
    assert.deepEqual(await store.get('telegram', 6), { state: null, version: 2, updatedAt: clock.now() });
    assert.equal((await store.set('telegram', 6, { step: 'idle' }, 0)).ok, false);
  });

  it('rejects bad input with a ValidationError and writes nothing', async () => {
    const bad: Array<() => Promise<unknown>> = [
      () => store.set('telegram', 7, { step: 'nonsense' } as unknown as State, 0),
      () => store.set('telegram', 7, { step: 'idle', draft: 'x'.repeat(MAX_STATE_BYTES) }, 0),
      () => store.set('telegram', 7, { step: 'idle', draft: 'nul\u0000byte' }, 0),
      () => store.set('telegram', 7, { step: 'idle' }, -1),
      () => store.set('telegram', 1.5, { step: 'idle' }, 0),
      () => store.set('fax' as 'telegram', 7, { step: 'idle' }, 0),
      () => store.get('telegram', Number.NaN),
    ];
    for (const f of bad) await assert.rejects(f(), ValidationError);
    assert.equal((await store.get('telegram', 7)).version, 0);
  });

  it('a stored state that no longer fits the schema reads as null, and the version still guards the next write', async () => {
    await db.pool.query(
      `INSERT INTO conversation_state (channel, chat_id, state, version, updated_at) VALUES ('telegram', 8, '{"step":"retired"}', 3, now())`,
    );
    assert.deepEqual((await store.get('telegram', 8)).state, null);
    assert.equal((await store.get('telegram', 8)).version, 3);
    assert.deepEqual(await store.set('telegram', 8, { step: 'idle' }, 3), { ok: true, version: 4 });
  });
});
