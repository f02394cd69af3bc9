import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { silentLogger } from '../../kernel/logger.js';
import { t } from '../../i18n/index.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { createClockHandler, type ClockPhase, type DueClock } from '../../cases/deadlines.js';
import type { ClockKind } from '../../cases/types.js';
import { withTransaction, type Database } from '../../db/pool.js';
import { parseDirectory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { runSweep } from '../../workers/sweeper.js';
import { testDatabase } from '../helpers/db.js';
import { HOUSING_PETITION } from '../helpers/fixtures.js';

const OFFICE_CHAT = -900;
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
const directory = parseDirectory(stringifyYaml(raw), 'test directory');
const HOUSING_CHAT = directory.department('housing')!.telegramChatId;
const housing = { kind: 'handler' as const, id: String(directory.department('housing')!.memberIds[0]) };
const office = { kind: 'office' as const, id: 'staff-1' };
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
const decision: Decision = { ...HOUSING_PETITION, redactedText: '小区电梯坏了三个月' };

describe('clock handler for the deadline sweeper (real PGlite)', () => {
  let db: Database;
  let clock: FixedClock;
  let svc: CaseService;
  let residentId: number;
  const handle = createClockHandler({ directory, settings: { officeChatId: OFFICE_CHAT } });

  const dueClock = async (ref: string, kind: ClockKind): Promise<DueClock> => {
    const r = await db.pool.query(
      `SELECT k.* FROM clocks k JOIN cases c ON c.id = k.case_id WHERE c.ref = $1 AND k.kind = $2 ORDER BY k.id DESC LIMIT 1`,
      [ref, kind],
    );
    const k = r.rows[0];
    return { id: k.id, caseId: k.case_id, kind: k.kind, dueAt: k.due_at, remindAt: k.remind_at, article: k.article };
  };
  const fire = (due: DueClock, phase: ClockPhase, now: Date) => withTransaction(db.pool, (tx) => handle(tx, due, phase, now));
  const state = async (ref: string) => {
    const c = (await db.pool.query('SELECT id, status, version, urgent FROM cases WHERE ref = $1', [ref])).rows[0];
    const outbox = (await db.pool.query('SELECT chat_id, message FROM outbox WHERE case_id = $1 ORDER BY id', [c.id])).rows;
    const events = (await db.pool.query('SELECT type, actor_kind FROM case_events WHERE case_id = $1 ORDER BY id', [c.id])).rows;
    const survey = (await db.pool.query('SELECT round, rating FROM satisfaction WHERE case_id = $1 ORDER BY round', [c.id])).rows;
    const clocks = (await db.pool.query('SELECT kind, stopped_at, stop_reason FROM clocks WHERE case_id = $1 ORDER BY id', [c.id])).rows;
    return { ...c, outbox, events, survey, clocks };
  };
  const accepted = async () => {
    const c = await svc.openCase({ residentId, decision, originalText: '电梯坏了', language: 'en' });
    await svc.approveReferral(c.ref, office);
    await svc.handlerAccept(c.ref, housing);
    return c.ref;
  };
  const resolved = async () => {
    const ref = await accepted();
    await svc.resolve(ref, housing, 'Lift repaired');
    return ref;
  };

  beforeAll(async () => {
    db = await testDatabase();
    clock = new FixedClock('2026-03-02T02:00:00Z');
    svc = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
    residentId = (await svc.upsertResident({ channel: 'telegram', externalId: '42', chatId: 42, language: 'en' })).id;
  });
  afterAll(async () => {
    await db.close();
  });

  it('reminds the handler and the office with the due date and article, once per due time', async () => {
    const ref = await accepted();
    const due = await dueClock(ref, 'resolve');
    assert.ok(due.remindAt, 'the resolve clock has a reminder');
    const before = await state(ref);
    await fire(due, 'remind', due.remindAt!);
    await fire(due, 'remind', due.remindAt!);
    const after = await state(ref);
    const added = after.outbox.slice(before.outbox.length);
    assert.deepEqual(added.map((r: any) => [r.chat_id, r.message.key]), [
      [HOUSING_CHAT, 'cases.staff.clock_reminder'],
      [OFFICE_CHAT, 'cases.staff.clock_reminder'],
    ]);
    assert.match(added[0].message.params.article, /第三十四条/);
    assert.match(t('zh-Hans', added[0].message.key, added[0].message.params), new RegExp(`${ref} 办结期限 2026-05-06`));
    assert.deepEqual([after.version, after.events.length], [before.version, before.events.length], 'a reminder is not a case change');
  });

  it('escalates an overdue clock to the office once: urgent, one audit event; an extension re-arms it', async () => {
    const ref = await accepted();
    const due = await dueClock(ref, 'resolve');
    const late = new Date(due.dueAt.getTime() + 60_000);
    const before = await state(ref);
    await fire(due, 'overdue', late);
    const mid = await state(ref);
    assert.equal(mid.urgent, true);
    assert.equal(mid.version, before.version + 1);
    assert.deepEqual(mid.events.at(-1), { type: 'clock_overdue', actor_kind: 'system' });
    assert.deepEqual(mid.outbox.slice(before.outbox.length).map((r: any) => [r.chat_id, r.message.key]), [
      [HOUSING_CHAT, 'cases.staff.clock_overdue'],
      [OFFICE_CHAT, 'cases.staff.clock_overdue'],
    ]);
    await fire(due, 'overdue', late);
    assert.deepEqual(await state(ref), mid, 'running it twice changes nothing');

    await svc.requestExtension(ref, housing, 20, 'Waiting for the lift maker');
    const extended = await dueClock(ref, 'resolve');
    assert.ok(extended.dueAt > due.dueAt);
    await fire(extended, 'overdue', new Date(extended.dueAt.getTime() + 60_000));
    assert.equal((await state(ref)).events.filter((e: any) => e.type === 'clock_overdue').length, 2);
  });

  it('only tells the office about a forward/notify clock while the office still holds the case', async () => {
    const c = await svc.openCase({ residentId, decision, originalText: 'x', language: 'en' });
    const due = await dueClock(c.ref, 'forward_notify');
    await fire(due, 'remind', due.remindAt!);
    const s = await state(c.ref);
    assert.deepEqual(s.outbox.slice(2).map((r: any) => r.chat_id), [OFFICE_CHAT]);
  });

  it('sends one survey reminder with the rating buttons', async () => {
    const ref = await resolved();
    const due = await dueClock(ref, 'survey_reminder');
    const at = new Date(due.dueAt.getTime() + 1000);
    const before = await state(ref);
    await fire(due, 'overdue', at);
    await fire(due, 'overdue', at);
    const after = await state(ref);
    const added = after.outbox.slice(before.outbox.length);
    assert.equal(added.length, 1);
    assert.equal(added[0].chat_id, 42);
    assert.equal(added[0].message.key, 'cases.resident.survey_reminder');
    assert.deepEqual(added[0].message.actions, ['rate_satisfied', 'rate_basically_satisfied', 'rate_dissatisfied']);
    assert.equal(after.status, 'resolved');
  });

  it('closes an unanswered survey as no_answer, and running it again on the closed survey changes nothing', async () => {
    const ref = await resolved();
    const due = await dueClock(ref, 'survey_close');
    const at = new Date(due.dueAt.getTime() + 1000);
    await fire(due, 'overdue', at);
    const s = await state(ref);
    assert.equal(s.status, 'closed');
    assert.deepEqual(s.survey, [{ round: 1, rating: 'no_answer' }]);
    assert.deepEqual(s.events.at(-1), { type: 'survey_timeout', actor_kind: 'system' });
    assert.equal(s.outbox.at(-1).message.key, 'cases.resident.survey_closed');
    assert.ok(s.clocks.filter((k: any) => k.kind.startsWith('survey')).every((k: any) => k.stopped_at));
    await fire(due, 'overdue', at);
    await fire(due, 'overdue', new Date(at.getTime() + 3600e3));
    assert.deepEqual(await state(ref), s);
    // a late rating after the survey closed is ignored
    await svc.recordSatisfaction(ref, '42', 'dissatisfied');
    assert.deepEqual(await state(ref), s);
  });

  it('leaves an answered survey alone and does not chase finished cases', async () => {
    const ref = await resolved();
    const close = await dueClock(ref, 'survey_close');
    await svc.recordSatisfaction(ref, '42', 'satisfied');
    const s = await state(ref);
    await fire(close, 'overdue', new Date(close.dueAt.getTime() + 1000));
    assert.deepEqual(await state(ref), s);

    const w = await accepted();
    const resolveClock = await dueClock(w, 'resolve');
    await svc.withdraw(w, '42');
    const ws = await state(w);
    await fire(resolveClock, 'overdue', new Date(resolveClock.dueAt.getTime() + 1000));
    await fire(resolveClock, 'remind', resolveClock.remindAt!);
    assert.deepEqual(await state(w), ws);
  });

  it('runs under the workers’ sweeper: due clocks get their effects and are marked', async () => {
    const ref = await resolved();
    const due = await dueClock(ref, 'survey_close');
    clock.set(new Date(due.dueAt.getTime() + 1000));
    const queued: number[] = [];
    const result = await runSweep({
      pool: db.pool,
      clockHandler: handle,
      clock,
      logger: silentLogger(),
      enqueue: async (ids) => void queued.push(...ids),
    });
    assert.equal(result.failed, 0);
    assert.ok(result.escalated > 0);
    assert.equal((await state(ref)).status, 'closed');
    assert.ok(queued.length > 0, 'the outbox rows written by the effects are offered for delivery');
    const again = await runSweep({ pool: db.pool, clockHandler: handle, clock, logger: silentLogger(), enqueue: async () => undefined });
    assert.equal(again.escalated, 0);
    assert.equal(again.failed, 0);
  });
});
