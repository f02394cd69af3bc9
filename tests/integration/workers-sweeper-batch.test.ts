import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { silentLogger } from '../../kernel/logger.js';
import { createClockHandler } from '../../cases/deadlines.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory } from '../../directory/directory.js';
import { runSweep, type ClockHandler, type SweepDeps } from '../../workers/sweeper.js';
import { testDatabase } from '../helpers/db.js';

/*
 * The real clock handler under the sweeper, batch by batch: the batch path must have exactly the
 * effects of handling the clocks one after the other, at any batch size, and a broken clock must
 * not hold back the rest of its batch.
 */

const H = 3_600_000;
const DAY = 24 * H;
const T0 = new Date('2026-12-01T02:00:00Z');
const OFFICE_CHAT = -900;
const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
raw.departments.forEach((d: { telegramChatId: number | null }, i: number) => (d.telegramChatId = -1000 - i));
const directory = parseDirectory(stringifyYaml(raw), 'test directory');
const HOUSING_CHAT = directory.department('housing')!.telegramChatId!;

type ClockSeed = { kind: string; dueAt: number; remindAt?: number | null };
type CaseSeed = {
  label: string;
  status: string;
  handler?: boolean;
  clocks: ClockSeed[];
  survey?: 'open' | 'answered';
  /** An escalation already recorded for the first clock at its due time. */
  escalated?: boolean;
};

/** One of each situation a due clock can meet; offsets are from T0. */
const SCENARIO: CaseSeed[] = [
  { label: 'overdue', status: 'accepted', handler: true, clocks: [{ kind: 'resolve', dueAt: -H, remindAt: -2 * DAY }] },
  { label: 'remind', status: 'accepted', handler: true, clocks: [{ kind: 'resolve', dueAt: 2 * DAY, remindAt: -H }] },
  {
    label: 'two-overdue',
    status: 'accepted',
    handler: true,
    clocks: [
      { kind: 'forward_notify', dueAt: -3 * H, remindAt: -5 * DAY },
      { kind: 'resolve', dueAt: -2 * H, remindAt: -4 * DAY },
    ],
  },
  { label: 'office-remind', status: 'office_review', clocks: [{ kind: 'forward_notify', dueAt: 3 * DAY, remindAt: -2 * H }] },
  {
    label: 'survey-both',
    status: 'resolved',
    handler: true,
    survey: 'open',
    clocks: [
      { kind: 'survey_reminder', dueAt: -2 * DAY, remindAt: null },
      { kind: 'survey_close', dueAt: -H, remindAt: null },
    ],
  },
  { label: 'survey-answered', status: 'closed', survey: 'answered', clocks: [{ kind: 'survey_close', dueAt: -H, remindAt: null }] },
  { label: 'withdrawn', status: 'withdrawn', clocks: [{ kind: 'resolve', dueAt: -H, remindAt: -2 * DAY }] },
  { label: 'resident-window', status: 'resolved', clocks: [{ kind: 'review_request_window', dueAt: -H, remindAt: null }] },
  { label: 'already-escalated', status: 'in_progress', handler: true, escalated: true, clocks: [{ kind: 'resolve', dueAt: -H, remindAt: -2 * DAY }] },
];

describe('deadline sweep with the real clock handler, in batches (real PGlite)', () => {
  let db: Database;
  const clock = new FixedClock(T0);
  const handler = createClockHandler({ directory, settings: { officeChatId: OFFICE_CHAT } });
  /** The same handler without handleBatch: the sweeper then calls it clock by clock. */
  const oneByOne: ClockHandler = (tx, due, phase, now) => handler(tx, due, phase, now);
  let residentId: number;
  let tagSeq = 0;

  const deps = (over: Partial<SweepDeps> = {}): SweepDeps => ({
    pool: db.pool,
    clockHandler: handler,
    clock,
    logger: silentLogger(),
    enqueue: async () => undefined,
    ...over,
  });

  /** Seeds the scenario under a fresh tag; returns clock id → `label#n` for normalising. */
  const seed = async (cases: CaseSeed[]): Promise<{ tag: string; clockLabels: Map<number, string> }> => {
    const tag = `B${++tagSeq}`;
    const clockLabels = new Map<number, string>();
    for (const s of cases) {
      const c = await db.pool.query(
        `INSERT INTO cases (ref, resident_id, category, target, handler_kind, handler_id, status, summary, original_text, language, received_at)
         VALUES ($1, $2, 'petition', 'housing', $3, $4, $5, 'summary', 'text', 'en', $6) RETURNING id`,
        [`${tag}-${s.label}`, residentId, s.handler ? 'department' : null, s.handler ? 'housing' : null, s.status, new Date(T0.getTime() - 30 * DAY)],
      );
      const caseId = c.rows[0].id as number;
      for (const [i, k] of s.clocks.entries()) {
        const r = await db.pool.query(
          `INSERT INTO clocks (case_id, kind, article, starts_at, due_at, remind_at) VALUES ($1, $2, '信访工作条例 第三十四条', $3, $4, $5) RETURNING id, due_at`,
          [caseId, k.kind, new Date(T0.getTime() - 30 * DAY), new Date(T0.getTime() + k.dueAt), k.remindAt == null ? null : new Date(T0.getTime() + k.remindAt)],
        );
        clockLabels.set(r.rows[0].id, `${s.label}#${i}`);
        if (i === 0 && s.escalated) {
          await db.pool.query(
            `INSERT INTO case_events (case_id, at, actor_kind, actor_id, type, data) VALUES ($1, $2, 'system', 'deadline-sweeper', 'clock_overdue', $3)`,
            [caseId, new Date(T0.getTime() - 1000), JSON.stringify({ clockId: r.rows[0].id, dueAt: (r.rows[0].due_at as Date).toISOString() })],
          );
        }
      }
      if (s.survey) {
        await db.pool.query(`INSERT INTO satisfaction (case_id, round, asked_at, answered_at, rating) VALUES ($1, 1, $2, $3, $4)`, [
          caseId,
          new Date(T0.getTime() - 3 * DAY),
          s.survey === 'answered' ? new Date(T0.getTime() - 2 * DAY) : null,
          s.survey === 'answered' ? 'satisfied' : null,
        ]);
      }
    }
    return { tag, clockLabels };
  };

  /** Everything a sweep can change for the tag's cases, with ids and the tag replaced by labels. */
  const state = async (tag: string, clockLabels: Map<number, string>) => {
    const q = async (sql: string) => (await db.pool.query(sql, [`${tag}-%`])).rows;
    const out = {
      cases: await q(`SELECT ref, status, version, urgent, closed_at IS NOT NULL AS closed FROM cases WHERE ref LIKE $1 ORDER BY ref`),
      events: await q(
        `SELECT c.ref, e.type, e.actor_id, e.from_status, e.to_status, e.data FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.ref LIKE $1 ORDER BY e.id`,
      ),
      outbox: await q(
        `SELECT c.ref, o.chat_id, o.chat_kind, o.language, o.message, o.dedupe_key, o.status FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.ref LIKE $1 ORDER BY o.id`,
      ),
      clocks: await q(
        `SELECT k.id, k.kind, k.stop_reason, k.stopped_at IS NOT NULL AS stopped, k.reminded_at IS NOT NULL AS reminded, k.escalated_at IS NOT NULL AS escalated
         FROM clocks k JOIN cases c ON c.id = k.case_id WHERE c.ref LIKE $1 ORDER BY k.id`,
      ),
      surveys: await q(`SELECT c.ref, s.round, s.rating, s.answered_at IS NOT NULL AS answered FROM satisfaction s JOIN cases c ON c.id = s.case_id WHERE c.ref LIKE $1 ORDER BY s.id`),
    };
    return JSON.parse(
      JSON.stringify(out)
        .replaceAll(`${tag}-`, 'X-')
        .replace(/clock:(\d+):/g, (_, id) => `clock:${clockLabels.get(Number(id))}:`)
        .replace(/"clockId":(\d+)/g, (_, id) => `"clockId":"${clockLabels.get(Number(id))}"`)
        .replace(/"id":(\d+)/g, (_, id) => `"id":"${clockLabels.get(Number(id))}"`),
    );
  };

  beforeAll(async () => {
    db = await testDatabase();
    const r = await db.pool.query(`INSERT INTO residents (channel, external_id, chat_id, language) VALUES ('telegram', 'batch-r', 4242, 'en') RETURNING id`);
    residentId = r.rows[0].id;
  });
  afterAll(async () => {
    await db.close();
  });

  it('has exactly the effects of handling the clocks one by one, at any batch size', async () => {
    clock.set(T0);
    const single = await seed(SCENARIO);
    const r1 = await runSweep(deps({ clockHandler: oneByOne }));
    const expected = await state(single.tag, single.clockLabels);

    // The expectations the one-by-one path is known to meet (tests/integration/cases-deadlines.test.ts).
    const byRef = (ref: string) => expected.outbox.filter((o: { ref: string }) => o.ref === ref).map((o: any) => [o.chat_id, o.message.key]);
    assert.deepEqual(byRef('X-overdue'), [[HOUSING_CHAT, 'cases.staff.clock_overdue'], [OFFICE_CHAT, 'cases.staff.clock_overdue']]);
    assert.deepEqual(byRef('X-remind'), [[HOUSING_CHAT, 'cases.staff.clock_reminder'], [OFFICE_CHAT, 'cases.staff.clock_reminder']]);
    assert.equal(byRef('X-two-overdue').length, 4);
    assert.deepEqual(byRef('X-office-remind'), [[OFFICE_CHAT, 'cases.staff.clock_reminder']]);
    assert.deepEqual(byRef('X-survey-both'), [[4242, 'cases.resident.survey_reminder'], [4242, 'cases.resident.survey_closed']]);
    for (const ref of ['X-survey-answered', 'X-withdrawn', 'X-resident-window', 'X-already-escalated']) assert.deepEqual(byRef(ref), [], ref);
    assert.deepEqual(
      expected.cases.map((c: any) => [c.ref, c.status, c.version, c.urgent]),
      [
        ['X-already-escalated', 'in_progress', 1, false],
        ['X-office-remind', 'office_review', 1, false],
        ['X-overdue', 'accepted', 2, true],
        ['X-remind', 'accepted', 1, false],
        ['X-resident-window', 'resolved', 1, false],
        ['X-survey-answered', 'closed', 1, false],
        ['X-survey-both', 'closed', 2, false],
        ['X-two-overdue', 'accepted', 3, true],
        ['X-withdrawn', 'withdrawn', 1, false],
      ],
    );

    for (const batchSize of [500, 4, 1]) {
      const batched = await seed(SCENARIO);
      const r2 = await runSweep(deps({ batchSize }));
      assert.deepEqual(await state(batched.tag, batched.clockLabels), expected, `batch size ${batchSize}`);
      assert.deepEqual([r2.escalated, r2.reminded, r2.failed], [r1.escalated, r1.reminded, r1.failed], `batch size ${batchSize}: same counts`);
    }
    const again = await runSweep(deps());
    assert.deepEqual([again.escalated, again.reminded, again.failed], [0, 0, 0]);
  });

  it('is exactly once when sweeps run concurrently over shared batches', async () => {
    clock.set(T0);
    const single = await seed(SCENARIO);
    await runSweep(deps({ clockHandler: oneByOne }));
    const expected = await state(single.tag, single.clockLabels);
    const batched = await seed(SCENARIO);
    await Promise.all([1, 2, 3].map(() => runSweep(deps({ batchSize: 2 }))));
    assert.deepEqual(await state(batched.tag, batched.clockLabels), expected);
  });

  it('lets the rest of a batch through when one clock fails, with no partial effects, and retries it next time', async () => {
    clock.set(T0);
    const many: CaseSeed[] = Array.from({ length: 12 }, (_, i) => ({
      label: `c${String(i).padStart(2, '0')}`,
      status: 'accepted',
      handler: true,
      clocks: [{ kind: 'resolve', dueAt: -H - i * 1000, remindAt: -2 * DAY }],
    }));
    const { tag, clockLabels } = await seed(many);
    const bad = [...clockLabels].find(([, label]) => label === 'c05#0')![0];
    let broken = true;
    let batchCalls = 0;
    let singleCalls = 0;
    const flaky: ClockHandler = Object.assign(
      async (tx: Parameters<ClockHandler>[0], due: Parameters<ClockHandler>[1], phase: Parameters<ClockHandler>[2], now: Date) => {
        singleCalls++;
        await handler(tx, due, phase, now);
        if (broken && due.id === bad) throw new Error('handler bug');
      },
      {
        handleBatch: async (tx: Parameters<ClockHandler>[0], clocks: readonly Parameters<ClockHandler>[1][], phase: Parameters<ClockHandler>[2], now: Date) => {
          batchCalls++;
          // Fails after writing, so the sweeper must roll the batch's effects back.
          const res = await handler.handleBatch(tx, clocks, phase, now);
          if (broken && clocks.some((k) => k.id === bad)) throw new Error('handler bug');
          return res;
        },
      },
    );
    const queued: number[] = [];
    const first = await runSweep(deps({ clockHandler: flaky, enqueue: async (ids) => void queued.push(...ids) }));
    assert.equal(first.failed, 1);
    assert.equal(first.escalated, 11);
    const s = await state(tag, clockLabels);
    const refsWithEvents = new Set(s.events.map((e: { ref: string }) => e.ref));
    assert.equal(refsWithEvents.size, 11);
    assert.ok(!refsWithEvents.has('X-c05'), 'the failed clock left no event');
    assert.ok(!s.outbox.some((o: { ref: string }) => o.ref === 'X-c05'), 'the failed clock left no message');
    assert.equal(s.cases.find((c: { ref: string }) => c.ref === 'X-c05').version, 1);
    assert.equal(s.clocks.find((k: { id: string }) => k.id === 'c05#0').escalated, false, 'the failed clock is not marked');
    assert.equal(s.outbox.length, 22);
    assert.deepEqual([...queued].sort(), (await db.pool.query(`SELECT id FROM outbox WHERE status = 'pending'`)).rows.map((r) => r.id).sort(), 'every written row is offered once');
    assert.equal(new Set(queued).size, queued.length, 'no row offered twice');
    // One fast try, then halves (12 → 6 → 3 → 2 → 1) along the broken clock's path only: about
    // 2·log2(12) handler calls, not 12.
    assert.ok(batchCalls + singleCalls <= 10, `bisected the batch (${batchCalls} batch and ${singleCalls} one-clock calls)`);

    broken = false;
    const second = await runSweep(deps({ clockHandler: flaky }));
    assert.deepEqual([second.escalated, second.failed], [1, 0]);
    const s2 = await state(tag, clockLabels);
    assert.equal(s2.outbox.filter((o: { ref: string }) => o.ref === 'X-c05').length, 2);
    assert.equal(s2.events.length, 12);
  });

  it('offers the rows a batch wrote as soon as it commits, and again at the end if that enqueue failed', async () => {
    clock.set(T0);
    await seed([
      { label: 'e1', status: 'accepted', handler: true, clocks: [{ kind: 'resolve', dueAt: -H, remindAt: -2 * DAY }] },
      { label: 'e2', status: 'accepted', handler: true, clocks: [{ kind: 'resolve', dueAt: 2 * DAY, remindAt: -H }] },
    ]);
    const calls: number[][] = [];
    let failures = 1;
    const result = await runSweep(
      deps({
        enqueue: async (ids) => {
          calls.push([...ids]);
          if (failures-- > 0) throw new Error('redis down');
        },
      }),
    );
    const pending = (await db.pool.query(`SELECT id FROM outbox WHERE status = 'pending' ORDER BY id`)).rows.map((r) => r.id as number);
    // First call (the overdue batch's rows) failed; the remind batch's rows went out early; the end re-offered the rest.
    assert.equal(calls.length, 3);
    assert.equal(calls[0]!.length, 2);
    assert.equal(calls[1]!.length, 2);
    const offered = calls.slice(1).flat();
    assert.deepEqual([...offered].sort(), [...pending].sort(), 'each pending row offered exactly once after the failure');
    assert.equal(result.requeued, pending.length);
  });
});
