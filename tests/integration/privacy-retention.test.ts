import assert from 'node:assert/strict';
import fs from 'node:fs';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { silentLogger } from '../../kernel/logger.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { DAY_MS, type RetentionResult } from '../../cases/privacy.js';
import { parseDirectory } from '../../directory/directory.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { RETENTION_EVERY_MS, RETENTION_SCHEDULER_ID } from '../../workers/retention.js';
import { useRedis, useTestDb } from '../helpers/fixtures.js';
import { TEST_REDIS_URL } from '../helpers/redis.js';
import { RecordingSender, sqlClockHandler } from '../helpers/workers.js';

/*
 * The retention policy (RETENTION_DAYS_AFTER_CLOSE) run as the workers run it: the repeatable BullMQ
 * job `retention-sweep` on real Redis, the case service on real PGlite, time pinned with a FixedClock.
 */
const OFFICE_CHAT = -900;
const RETENTION_DAYS = 30;
const ORIGINAL = '我叫张三，电话13812345678，小区物业不修电梯已经三个月了';

const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
const directory = parseDirectory(stringifyYaml(raw), 'test directory');
const housingMember = { kind: 'handler' as const, id: String(directory.department('housing')!.memberIds[0]) };
const office = { kind: 'office' as const, id: 'staff-1' };

const petition = (): Decision => ({
  category: 'petition',
  target: 'housing',
  confidence: 0.91,
  needsReview: false,
  reasons: ['classifier:petition 0.91'],
  citations: [],
  redactedText: '我叫[姓名]，电话[电话]，小区物业不修电梯已经三个月了',
  language: 'zh-Hans',
  engine: 'offline',
});

describe('retention policy: the repeatable job anonymises finished cases after the configured days (real PGlite, real Redis)', () => {
  const db = useTestDb();
  const { prefix } = useRedis('retention');
  // Residents get created_at from the database's clock: start the fixed clock just after it.
  const clock = new FixedClock(new Date(Date.now() + 60_000));
  let svc: CaseService;
  let workers: RunningWorkers;
  let events: QueueEvents;

  const q = async (sql: string, params: unknown[] = []) => (await db().pool.query(sql, params)).rows;
  /** Runs the scheduled job once, as the scheduler would, and waits for its result. */
  const runJob = async (): Promise<RetentionResult> => {
    const job = await workers.queues.queues.deadlines.add('retention-sweep', {}, { removeOnComplete: true });
    return (await job.waitUntilFinished(events, 15_000)) as RetentionResult;
  };

  beforeAll(async () => {
    svc = new CaseService({
      pool: db().pool,
      clock,
      calendar: loadHolidayCalendar(resourcePath('holidays.yaml')),
      directory,
      settings: { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT, retentionDaysAfterClose: RETENTION_DAYS },
    });
    workers = await startWorkers({
      pool: db().pool,
      redisUrl: TEST_REDIS_URL,
      prefix,
      sender: new RecordingSender(),
      clockHandler: sqlClockHandler,
      clock,
      logger: silentLogger(),
      sweepEveryMs: 3_600_000,
      sweepOnStart: false,
      outboxPollMs: 0,
      retention: { run: () => svc.retentionSweep() },
    });
    events = new QueueEvents('deadlines', { connection: { url: TEST_REDIS_URL }, prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await workers?.close();
  });

  it('is registered as a repeatable job', async () => {
    const scheduler = await workers.queues.queues.deadlines.getJobScheduler(RETENTION_SCHEDULER_ID);
    assert.ok(scheduler, 'the retention-sweep scheduler exists');
    assert.equal(Number(scheduler!.every), RETENTION_EVERY_MS);
  });

  it('anonymises a closed case only once the configured days have passed, keeps open and still-running cases, and purges old conversation state', async () => {
    const alice = await svc.upsertResident({ channel: 'telegram', externalId: '7001', chatId: 7001, language: 'zh-Hans' });
    const bob = await svc.upsertResident({ channel: 'telegram', externalId: '7002', chatId: 7002, language: 'zh-Hans' });
    const closed = await svc.openCase({ residentId: alice.id, decision: petition(), originalText: ORIGINAL, language: 'zh-Hans' });
    await svc.approveReferral(closed.ref, office);
    await svc.handlerAccept(closed.ref, housingMember);
    await svc.resolve(closed.ref, housingMember, '已联系物业，电梯已于本周修好');
    await svc.recordSatisfaction(closed.ref, '7001', 'satisfied', '张三很满意，电话13812345678可以回访');
    assert.equal((await svc.getCase(closed.ref)).status, 'closed');
    // Bob's case is resolved but its survey clocks still run; Bob also has an open case.
    const resolved = await svc.openCase({ residentId: bob.id, decision: petition(), originalText: ORIGINAL, language: 'zh-Hans' });
    await svc.approveReferral(resolved.ref, office);
    await svc.handlerAccept(resolved.ref, housingMember);
    await svc.resolve(resolved.ref, housingMember, '已处理');
    const open = await svc.openCase({ residentId: bob.id, decision: petition(), originalText: ORIGINAL, language: 'zh-Hans' });
    await q(`INSERT INTO conversation_state (channel, chat_id, state, version, updated_at) VALUES ('telegram', 7001, '{"seen":[1]}', 1, $1), ('telegram', 7003, '{"seen":[2]}', 1, $1)`, [clock.now()]);

    clock.advance((RETENTION_DAYS - 1) * DAY_MS);
    await q(`UPDATE conversation_state SET updated_at = $1 WHERE chat_id = 7003`, [clock.now()]);
    assert.deepEqual(await runJob(), { cases: 0, residents: 0, conversationStates: 0, messages: 0 }, 'a day early: nothing changes');
    assert.equal((await q('SELECT original_text FROM cases WHERE ref = $1', [closed.ref]))[0].original_text, ORIGINAL);

    clock.advance(2 * DAY_MS);
    const first = await runJob();
    assert.equal(first.cases, 1, 'the closed case is anonymised');
    assert.equal(first.conversationStates, 1, "Alice's idle conversation state is purged, the recent one kept");
    assert.equal(first.residents, 1, 'Alice has nothing left that is not anonymised: her Telegram id goes');

    const [c] = await q('SELECT * FROM cases WHERE ref = $1', [closed.ref]);
    assert.equal(c.summary, '');
    assert.equal(c.original_text, '');
    assert.ok(c.anonymised_at, 'the anonymisation is recorded');
    assert.equal(c.status, 'closed', 'aggregates stay: status');
    assert.equal(c.category, 'petition');
    assert.equal(c.target, 'housing');
    assert.ok(c.received_at && c.resolved_at && c.closed_at, 'and dates');
    assert.deepEqual(Object.keys(c.decision).sort(), ['category', 'confidence', 'engine', 'language', 'needsReview', 'target'], 'the decision keeps what routed it; its redacted text and reasons go');
    const [s] = await q('SELECT rating, comment FROM satisfaction WHERE case_id = $1', [c.id]);
    assert.deepEqual(s, { rating: 'satisfied', comment: null }, 'the rating stays, the comment goes');
    const caseRows = JSON.stringify(await q('SELECT e.*, (SELECT json_agg(o.*) FROM outbox o WHERE o.case_id = e.case_id) AS out FROM case_events e WHERE e.case_id = $1', [c.id]));
    for (const personal of ['13812345678', '张三', '7001', '电梯已于本周修好']) assert.ok(!caseRows.includes(personal), `no "${personal}" left in the case's events or messages`);
    assert.equal((await q(`SELECT count(*)::int AS n FROM outbox WHERE case_id = $1 AND chat_kind = 'private'`, [c.id]))[0].n, 0, 'messages to the resident are gone');
    assert.ok((await q(`SELECT 1 FROM outbox WHERE case_id = $1 AND chat_kind = 'group'`, [c.id])).length > 0, 'staff messages stay, by key and reference');
    const erased = await q(`SELECT data FROM case_events WHERE case_id = $1 AND type = 'personal_data_erased'`, [c.id]);
    assert.deepEqual(erased.map((e) => e.data), [{ trigger: 'retention', retentionDays: RETENTION_DAYS }]);
    const [a] = await q('SELECT external_id, chat_id, erased_at FROM residents WHERE id = $1', [alice.id]);
    assert.equal(a.external_id, `erased-${alice.id}`);
    assert.equal(a.chat_id, null);

    for (const ref of [resolved.ref, open.ref]) {
      assert.equal((await q('SELECT original_text FROM cases WHERE ref = $1', [ref]))[0].original_text, ORIGINAL, `${ref} (survey running or open) is kept`);
    }
    assert.equal((await q(`SELECT external_id FROM residents WHERE id = $1`, [bob.id]))[0].external_id, '7002', 'Bob still has cases in use');
    assert.deepEqual((await q('SELECT chat_id FROM conversation_state ORDER BY chat_id')).map((x) => Number(x.chat_id)), [7003]);

    assert.deepEqual(await runJob(), { cases: 0, residents: 0, conversationStates: 0, messages: 0 }, 'a second run changes nothing');
  });
});
