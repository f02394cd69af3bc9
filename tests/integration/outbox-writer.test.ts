import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { pgOfficeAlertLimiter } from '../../cases/officeAlerts.js';
import { enqueueOutbox, insertOutboxRow, insertOutboxRows, type OutboxRow } from '../../cases/outboxRepository.js';
import type { Database } from '../../db/pool.js';
import { testDatabase } from '../helpers/db.js';

/*
 * The shared outbox writers (cases/outboxRepository.ts): every column they fill, the default of
 * skipping a used dedupe key, the upsert the office-alert summary needs ('replaceMessage'), and the
 * many-row writer agreeing with the single-row one.
 */
const T0 = new Date('2026-03-02T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const text = (s: string) => ({ key: 'conversation.text', params: { text: s } });

const row = (dedupeKey: string, over: Partial<OutboxRow> = {}): OutboxRow => ({
  caseId: null,
  channel: 'telegram',
  chatId: -930,
  chatKind: 'group',
  language: 'zh-Hans',
  message: text(dedupeKey),
  dedupeKey,
  notBefore: T0,
  ...over,
});

describe('outbox writers', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const stored = async (key: string) => {
    const r = await db.pool.query(
      `SELECT id, case_id, channel, chat_id, chat_kind, language, message, not_before, created_at, recipient, waiting_reason, parts_sent, priority, status
       FROM outbox WHERE dedupe_key = $1`,
      [key],
    );
    assert.equal(r.rows.length, 1, `one row for ${key}`);
    const x = r.rows[0]!;
    return {
      id: Number(x.id),
      caseId: x.case_id === null ? null : Number(x.case_id),
      channel: x.channel,
      chatId: x.chat_id === null ? null : Number(x.chat_id),
      chatKind: x.chat_kind,
      language: x.language,
      message: x.message,
      notBefore: new Date(x.not_before).getTime(),
      createdAt: new Date(x.created_at).getTime(),
      recipient: x.recipient,
      waitingReason: x.waiting_reason,
      partsSent: Number(x.parts_sent),
      priority: Number(x.priority),
      status: x.status,
    };
  };

  it('writes every column, created_at defaulting to not_before, and skips a used key', async () => {
    const id = await insertOutboxRow(db.pool, row('w-all', { chatId: null, recipient: 'office', waitingReason: 'no_office_chat', partsSent: 2, priority: 1, language: 'en' }));
    assert.ok(id !== null);
    assert.deepEqual(await stored('w-all'), {
      id, caseId: null, channel: 'telegram', chatId: null, chatKind: 'group', language: 'en', message: text('w-all'),
      notBefore: T0.getTime(), createdAt: T0.getTime(), recipient: 'office', waitingReason: 'no_office_chat', partsSent: 2, priority: 1, status: 'pending',
    });
    assert.equal(await insertOutboxRow(db.pool, row('w-all', { message: text('again') })), null);
    assert.equal(await enqueueOutbox(db.pool, row('w-all', { message: text('again') })), false);
    assert.deepEqual((await stored('w-all')).message, text('w-all'), 'the default keeps the first message');
  });

  it("'replaceMessage' writes a new row, then on the same key replaces only its message and returns its id", async () => {
    const first = await insertOutboxRow(db.pool, row('w-upsert', { notBefore: at(10), createdAt: at(1), recipient: 'office' }), { onConflict: 'replaceMessage' });
    assert.ok(first !== null);
    const before = await stored('w-upsert');
    assert.equal(before.notBefore, at(10).getTime());
    assert.equal(before.createdAt, at(1).getTime(), 'created when written, not when due');

    const again = await insertOutboxRow(
      db.pool,
      row('w-upsert', { message: text('two more'), notBefore: at(20), createdAt: at(5), chatId: -931, recipient: 'other', priority: 1 }),
      { onConflict: 'replaceMessage' },
    );
    assert.equal(again, first);
    assert.deepEqual(await stored('w-upsert'), { ...before, message: text('two more') }, 'every other column kept');

    // As before the shared writer: the conflict update does not look at the row's status.
    await db.pool.query(`UPDATE outbox SET status = 'sent' WHERE id = $1`, [first]);
    assert.equal(await insertOutboxRow(db.pool, row('w-upsert', { message: text('late') }), { onConflict: 'replaceMessage' }), first);
    assert.deepEqual((await stored('w-upsert')).message, text('late'));
  });

  it('the many-row writer fills the same columns in order and skips used keys', async () => {
    await enqueueOutbox(db.pool, row('w-many-used'));
    const ids = await insertOutboxRows(db.pool, [
      row('w-many-1', { caseId: null, priority: 1, partsSent: 1 }),
      row('w-many-used', { message: text('ignored') }),
      row('w-many-2', { chatId: null, recipient: 'office', waitingReason: 'no_office_chat', createdAt: at(-1), language: 'zh-Hant' }),
    ]);
    assert.equal(ids.length, 2);
    const [one, two] = [await stored('w-many-1'), await stored('w-many-2')];
    assert.deepEqual(ids.map(Number), [one.id, two.id]);
    assert.ok(one.id < two.id, 'ids follow the array order');
    assert.equal(one.priority, 1);
    assert.equal(one.partsSent, 1);
    assert.equal(one.createdAt, T0.getTime());
    assert.deepEqual(
      { chatId: two.chatId, recipient: two.recipient, waitingReason: two.waitingReason, createdAt: two.createdAt, language: two.language, message: two.message },
      { chatId: null, recipient: 'office', waitingReason: 'no_office_chat', createdAt: at(-1).getTime(), language: 'zh-Hant', message: text('w-many-2') },
    );
    assert.deepEqual((await stored('w-many-used')).message, text('w-many-used'));
    assert.deepEqual(await insertOutboxRows(db.pool, []), []);
  });

  it('the office-alert summary: one row per window, its message updated while pending, a claimed one left alone', async () => {
    const limiter = pgOfficeAlertLimiter(db.pool, 10);
    const chat = -932;
    const key = `immediate:telegram:${chat}`;
    const alert = (requestId: string, minutes: number) =>
      limiter.write({
        row: row(`w-alert-${requestId}`, { chatId: chat, notBefore: at(minutes), recipient: 'office', priority: 1, caseId: null }),
        key,
        requestId,
        summary: (held) => text(`${held} more`),
      });
    assert.equal(await alert('a', 0), true); // sent at once, opens the window [0, 10)
    assert.equal(await alert('b', 1), true); // held: a summary due at 10
    assert.equal(await alert('b', 1), false, 'a retry of the same request');
    const summaryKey = `held:${key}:${at(10).getTime()}`;
    const summary = await stored(summaryKey);
    assert.deepEqual(
      { ...summary, id: 0 },
      {
        id: 0, caseId: null, channel: 'telegram', chatId: chat, chatKind: 'group', language: 'zh-Hans', message: text('1 more'),
        notBefore: at(10).getTime(), createdAt: at(1).getTime(), recipient: 'office', waitingReason: null, partsSent: 0, priority: 0, status: 'pending',
      },
      'normal priority and no case, due when the window ends, created when first held',
    );
    await alert('c', 2);
    assert.deepEqual((await stored(summaryKey)).message, text('2 more'), 'the count so far');
    await db.pool.query(`UPDATE outbox SET claimed_until = $2 WHERE id = $1`, [summary.id, at(30)]);
    await alert('d', 3);
    assert.deepEqual((await stored(summaryKey)).message, text('2 more'), 'a summary claimed for sending keeps what it had');

    // The window ended with alerts held: the next alert is counted into a summary for the next window.
    await alert('e', 11);
    const next = await stored(`held:${key}:${at(20).getTime()}`);
    assert.equal(next.notBefore, at(20).getTime());
    assert.deepEqual(next.message, text('1 more'));
    const alerts = await db.pool.query(`SELECT dedupe_key FROM outbox WHERE chat_id = $1 AND dedupe_key LIKE 'w-alert-%'`, [chat]);
    assert.deepEqual(alerts.rows.map((r) => r.dedupe_key), ['w-alert-a']);
  });
});
