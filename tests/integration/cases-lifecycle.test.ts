import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { createLogger } from '../../kernel/logger.js';
import { ForbiddenError, IllegalTransitionError, NotFoundError, StaleError, ValidationError } from '../../kernel/errors.js';
import { t } from '../../i18n/index.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { testDatabase } from '../helpers/db.js';

// ---- fixture: the bundled calendar and directory, with chat ids and members filled in as a deployment would
const OFFICE_CHAT = -900;
const HOUSING_MEMBER = 5000; // departments[0] is housing in the bundled file
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}
const directory = testDirectory();
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };

const ORIGINAL = '我叫张三，电话13812345678，小区物业不修电梯已经三个月了';
function petition(target: string | null = 'housing'): Decision {
  return {
    category: 'petition',
    target: target as Decision['target'],
    confidence: 0.91,
    needsReview: false,
    reasons: ['classifier:petition 0.91'],
    citations: [],
    redactedText: '我叫[姓名]，电话[电话]，小区物业不修电梯已经三个月了',
    language: 'zh-Hans',
    engine: 'offline',
  };
}

const office = { kind: 'office' as const, id: 'staff-1' };
const housing = { kind: 'handler' as const, id: String(HOUSING_MEMBER) };
const day = (d: Date) => new Date(d.getTime() + 8 * 3600e3).toISOString().slice(0, 10);

describe('case lifecycle: petitions (real PGlite)', () => {
  let db: Database;
  let clock: FixedClock;
  let svc: CaseService;
  let resident: { id: number; externalId: string };
  let other: { id: number; externalId: string };

  // Snapshot of everything a command may write, to prove a refused command wrote nothing.
  const snapshot = async (ref: string) => {
    const c = (await db.pool.query('SELECT id, status, version, urgent, handler_id FROM cases WHERE ref = $1', [ref])).rows[0];
    const n = async (sql: string) => (await db.pool.query(sql, [c.id])).rows[0].n;
    return {
      ...c,
      events: await n('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1'),
      outbox: await n('SELECT count(*)::int AS n FROM outbox WHERE case_id = $1'),
      referrals: await n('SELECT count(*)::int AS n FROM referrals WHERE case_id = $1'),
      clocks: await n('SELECT count(*)::int AS n FROM clocks WHERE case_id = $1'),
      running: await n('SELECT count(*)::int AS n FROM clocks WHERE case_id = $1 AND stopped_at IS NULL'),
    };
  };
  const outboxOf = async (ref: string) =>
    (await db.pool.query('SELECT o.* FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.ref = $1 ORDER BY o.id', [ref])).rows;
  const open = async (d = petition()) => svc.openCase({ residentId: resident.id, decision: d, originalText: ORIGINAL, language: 'zh-Hans' });

  beforeAll(async () => {
    db = await testDatabase();
    clock = new FixedClock('2026-02-01T02:00:00Z'); // Sunday 10:00 in Shanghai, two weeks before the Spring Festival
    svc = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
    resident = await svc.upsertResident({ channel: 'telegram', externalId: '777', chatId: 777, language: 'en' });
    other = await svc.upsertResident({ channel: 'telegram', externalId: '888', chatId: 888, language: 'zh-Hant' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('opens a petition with a daily reference, the Art. 22 clock rolled past the Spring Festival, and two messages', async () => {
    const c = await open();
    assert.equal(c.ref, 'YT-20260201-0001');
    assert.equal(c.status, 'office_review');
    assert.equal(c.version, 1);
    assert.deepEqual([c.handlerKind, c.handlerId], ['department', 'housing']);
    const clocks = await svc.clocks(c.ref);
    assert.equal(clocks.length, 1);
    assert.equal(clocks[0]!.kind, 'forward_notify');
    // 15 days from 2026-02-01 ends on 02-16, inside the 02-15…02-23 holiday: rolls to Tuesday 02-24.
    assert.equal(day(clocks[0]!.dueAt), '2026-02-24');
    assert.match(clocks[0]!.article!, /第二十二条/);
    const out = await outboxOf(c.ref);
    assert.equal(out.length, 2);
    const [toResident, toOffice] = out;
    assert.deepEqual([toResident.chat_id, toResident.chat_kind, toResident.language], [777, 'private', 'en']);
    assert.deepEqual(toResident.message, { key: 'cases.resident.opened', params: { ref: c.ref, dueDate: '2026-02-24' } });
    assert.match(t('en', toResident.message.key, toResident.message.params), /YT-20260201-0001.*2026-02-24/);
    assert.deepEqual([toOffice.chat_id, toOffice.chat_kind, toOffice.language], [OFFICE_CHAT, 'group', 'zh-Hans']);
    assert.deepEqual(toOffice.message.actions, ['approve', 'reassign', 'ask', 'not_accept', 'urgent']);
    assert.equal(toOffice.message.params.confidence, '0.91');
    // Names, not codes (the card had said 去向：housing).
    assert.match(t('zh-Hans', toOffice.message.key, toOffice.message.params), new RegExp(`去向：政府部门（${directory.department('housing')!.names['zh-Hans']}）`));
    for (const row of out) assert.ok(!JSON.stringify(row.message).includes('13812345678'), 'the phone number never leaves the case row');
    const events = await svc.timeline(c.ref);
    assert.deepEqual(events.map((e) => [e.type, e.fromStatus, e.toStatus]), [['opened', 'received', 'office_review']]);
  });

  it('numbers concurrent openings of one day without gaps or duplicates, and restarts the next Shanghai day', async () => {
    const refs = await Promise.all(Array.from({ length: 6 }, () => open().then((c) => c.ref)));
    assert.deepEqual([...refs].sort(), ['0002', '0003', '0004', '0005', '0006', '0007'].map((n) => `YT-20260201-${n}`));
    clock.set('2026-02-01T16:30:00Z'); // 00:30 on 02-02 in Shanghai
    assert.equal((await open()).ref, 'YT-20260202-0001');
    clock.set('2026-02-01T02:00:00Z');
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const count = async () => (await db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    const before = await count();
    const base = { residentId: resident.id, decision: petition(), originalText: ORIGINAL, language: 'zh-Hans' as const };
    await assert.rejects(svc.openCase({ ...base, originalText: '   ' }), (e: unknown) => e instanceof ValidationError && /original text/.test((e as Error).message));
    await assert.rejects(svc.openCase({ ...base, originalText: 'a\u0000b' }), /binary/);
    await assert.rejects(svc.openCase({ ...base, originalText: 'x'.repeat(10_001) }), /at most 10000/);
    await assert.rejects(svc.openCase({ ...base, decision: { ...petition(), category: 'inquiry' } }), /No case is opened for category inquiry/);
    await assert.rejects(svc.openCase({ ...base, decision: { ...petition(), target: 'counselling' as never } }), /department code/);
    await assert.rejects(svc.openCase({ ...base, decision: { ...petition(), confidence: 7 } }), ValidationError);
    await assert.rejects(svc.openCase({ ...base, decision: 'petition' as never }), ValidationError);
    await assert.rejects(svc.openCase({ ...base, residentId: 99999 }), NotFoundError);
    await assert.rejects(svc.getCase("YT-1' OR '1'='1"), ValidationError);
    await assert.rejects(svc.getCase('YT-20990101-0001'), NotFoundError);
    await assert.rejects(svc.markUrgent('YT-20260201-0001', undefined as never), /Invalid actor/);
    await assert.rejects(svc.handlerAccept('YT-20260201-0001', { kind: 'handler', id: '' }), /Invalid actor/);
    await assert.rejects(svc.approveReferral('YT-20260201-0001', office, { expectedVersion: -1 }), /expected version/);
    assert.equal(await count(), before);
    // the refused openings gave their reference numbers back
    assert.equal((await open()).ref, 'YT-20260201-0008');
  });

  it('walks a petition through every legal transition to closed, with one audit event per command', async () => {
    const c = await open();
    clock.set('2026-02-02T02:00:00Z');
    const referred = await svc.approveReferral(c.ref, office, { expectedVersion: 1 });
    assert.equal(referred.status, 'referred');
    assert.equal(referred.version, 2);
    const card = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.handler.referral_card');
    assert.equal(card.chat_id, directory.department('housing')!.telegramChatId);
    assert.deepEqual(card.message.actions, ['accept', 'decline']);
    assert.match(card.message.params.summary, /\[电话\]/);
    assert.ok(!JSON.stringify(card.message).includes('13812345678'));

    await assert.rejects(svc.handlerAccept(c.ref, { kind: 'handler', id: '5001' }), ForbiddenError, 'a member of another department');
    await assert.rejects(svc.handlerAccept(c.ref, { kind: 'handler', id: String(HOUSING_MEMBER), handler: { kind: 'department', id: 'water' } }), ForbiddenError);
    await assert.rejects(svc.handlerAccept(c.ref, office as never), ForbiddenError);
    await assert.rejects(svc.authorizeHandler(c.ref, 'department', 'water'), ForbiddenError);
    assert.equal((await svc.authorizeHandler(c.ref, 'department', 'housing')).referralStatus, 'pending');

    clock.set('2026-02-03T02:00:00Z');
    const accepted = await svc.handlerAccept(c.ref, housing);
    assert.equal(accepted.status, 'accepted');
    let clocks = await svc.clocks(c.ref);
    const forward = clocks.find((k) => k.kind === 'forward_notify')!;
    assert.ok(forward.stoppedAt && forward.stopReason === 'met', 'acceptance meets the Art. 22/23 clock');
    const resolveClock = clocks.find((k) => k.kind === 'resolve' && !k.stoppedAt)!;
    // 60 days from 2026-02-03 is 2026-04-04, inside the 清明 holiday (04-04…04-06): rolls to Tuesday 04-07.
    assert.equal(day(resolveClock.dueAt), '2026-04-07');
    assert.match(resolveClock.article!, /第三十四条/);

    assert.equal((await svc.reportProgress(c.ref, housing, '已约物业公司现场查看')).status, 'in_progress');
    assert.equal((await svc.reportProgress(c.ref, housing, '电梯维修方案已确定')).status, 'in_progress');
    const progress = (await outboxOf(c.ref)).filter((r) => r.message.key === 'cases.resident.progress');
    assert.equal(progress.length, 2);
    assert.equal(progress[0].message.params.handler, directory.department('housing')!.names.en, 'the handler name in the resident’s language');

    await assert.rejects(svc.requestExtension(c.ref, housing, 31, '需要检测报告'), /at most 30/);
    await assert.rejects(svc.requestExtension(c.ref, housing, 10, '  '), /reason/);
    await svc.requestExtension(c.ref, housing, 10, '需要第三方检测报告');
    clocks = await svc.clocks(c.ref);
    const extended = clocks.find((k) => k.kind === 'resolve' && !k.stoppedAt)!;
    assert.equal(day(extended.dueAt), '2026-04-17');
    assert.equal(extended.extensionReason, '需要第三方检测报告');
    const told = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.resident.extended');
    assert.deepEqual(told.message.params, { ref: c.ref, dueDate: '2026-04-17', reason: '需要第三方检测报告' });
    await assert.rejects(svc.requestExtension(c.ref, housing, 5, '还要更久'), /only once/);

    clock.set('2026-03-10T02:00:00Z');
    const resolved = await svc.resolve(c.ref, housing, '物业已更换电梯主板，电梯恢复运行');
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.repliedAt?.toISOString(), '2026-03-10T02:00:00.000Z');
    clocks = await svc.clocks(c.ref);
    assert.equal(clocks.find((k) => k.kind === 'resolve')!.stopReason, 'met');
    assert.equal(day(clocks.find((k) => k.kind === 'survey_close' && !k.stoppedAt)!.dueAt), '2026-03-17');
    assert.equal(clocks.find((k) => k.kind === 'survey_reminder' && !k.stoppedAt)!.dueAt.toISOString(), '2026-03-12T02:00:00.000Z');
    const survey = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.resident.survey');
    assert.deepEqual(survey.message.actions, ['rate_satisfied', 'rate_basically_satisfied', 'rate_dissatisfied']);
    assert.equal((await svc.referrals(c.ref))[0]!.status, 'completed');

    await assert.rejects(svc.recordSatisfaction(c.ref, other.externalId, 'satisfied'), ForbiddenError, 'rating someone else’s case');
    const closed = await svc.recordSatisfaction(c.ref, resident.externalId, 'basically_satisfied');
    assert.equal(closed.status, 'closed');
    const snap = await snapshot(c.ref);
    const again = await svc.recordSatisfaction(c.ref, resident.externalId, 'dissatisfied');
    assert.equal(again.status, 'closed', 'a second answer does nothing');
    assert.deepEqual(await snapshot(c.ref), snap);

    const events = await svc.timeline(c.ref);
    assert.deepEqual(
      events.map((e) => `${e.type}:${e.fromStatus}>${e.toStatus}`),
      [
        'opened:received>office_review',
        'approve:office_review>referred',
        'handler_accept:referred>accepted',
        'report_progress:accepted>in_progress',
        'report_progress:in_progress>in_progress',
        'extension_granted:in_progress>in_progress',
        'resolve:in_progress>resolved',
        'satisfaction_recorded:resolved>closed',
      ],
    );
    assert.equal(closed.version, events.length, 'the version counts the changes');
    // every queued message renders completely in every language
    for (const row of await outboxOf(c.ref)) {
      for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
        assert.doesNotMatch(t(lang, row.message.key, row.message.params), /\{\w+\}/, `${row.message.key} [${lang}]`);
      }
    }
  });

  it('refuses each illegal transition with IllegalTransitionError and changes nothing', async () => {
    const c = await open();
    const reviewSnap = await snapshot(c.ref);
    const onReview: [string, () => Promise<unknown>][] = [
      ['handlerAccept', () => svc.handlerAccept(c.ref, housing)],
      ['handlerDecline', () => svc.handlerDecline(c.ref, housing, 'not ours')],
      ['reportProgress', () => svc.reportProgress(c.ref, housing, 'x')],
      ['resolve', () => svc.resolve(c.ref, housing, 'done')],
      ['requestExtension', () => svc.requestExtension(c.ref, housing, 5, 'x')],
      ['answerReview', () => svc.answerReview(c.ref, office, 'x')],
      ['requestReview', () => svc.requestReview(c.ref, resident.externalId, 'x')],
    ];
    for (const [name, cmd] of onReview) {
      await assert.rejects(cmd(), IllegalTransitionError, name);
      assert.deepEqual(await snapshot(c.ref), reviewSnap, `${name} wrote nothing`);
    }
    await svc.withdraw(c.ref, resident.externalId, 'solved it myself');
    const withdrawnSnap = await snapshot(c.ref);
    assert.equal(withdrawnSnap.status, 'withdrawn');
    const onWithdrawn: [string, () => Promise<unknown>][] = [
      ['approveReferral', () => svc.approveReferral(c.ref, office)],
      ['reassign', () => svc.reassign(c.ref, office, { handlerKind: 'department', handlerId: 'water' })],
      ['notAccept', () => svc.notAccept(c.ref, office, 'duplicate')],
      ['markUrgent', () => svc.markUrgent(c.ref, office)],
      ['askResident', () => svc.askResident(c.ref, office, '还在吗？')],
      ['withdraw', () => svc.withdraw(c.ref, resident.externalId)],
      ['resolve', () => svc.resolve(c.ref, housing, 'done')],
    ];
    for (const [name, cmd] of onWithdrawn) {
      await assert.rejects(cmd(), IllegalTransitionError, name);
      assert.deepEqual(await snapshot(c.ref), withdrawnSnap, `${name} wrote nothing`);
    }
  });

  it('refuses a stale expectedVersion with StaleError and writes nothing', async () => {
    const c = await open();
    await svc.markUrgent(c.ref, office, { expectedVersion: 1 });
    const snap = await snapshot(c.ref);
    await assert.rejects(svc.approveReferral(c.ref, office, { expectedVersion: 1 }), StaleError);
    await assert.rejects(svc.notAccept(c.ref, office, 'duplicate', undefined, { expectedVersion: 1 }), StaleError);
    assert.deepEqual(await snapshot(c.ref), snap);
    assert.equal((await svc.approveReferral(c.ref, office, { expectedVersion: 2 })).version, 3);
  });

  it('logs transitions by reference and code, never the resident’s words or staff questions', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (l: string) => void lines.push(l) });
    const logged = new CaseService({ pool: db.pool, clock, calendar, directory, settings, logger });
    const c = await logged.openCase({ residentId: resident.id, decision: petition(), originalText: ORIGINAL, language: 'zh-Hans' });
    await logged.askResident(c.ref, office, '请提供楼栋号和房号');
    const all = lines.join('\n');
    assert.ok(all.includes(c.ref) && all.includes('case changed'), 'transitions are logged');
    for (const secret of ['13812345678', '张三', '电梯', '楼栋号']) assert.ok(!all.includes(secret), `log contains ${secret}`);
  });

  it('does a command retried with the same idempotency key only once', async () => {
    const c = await open();
    await svc.askResident(c.ref, office, '请问是哪一栋楼？', { idempotencyKey: 'cb-1' });
    const snap = await snapshot(c.ref);
    const again = await svc.askResident(c.ref, office, '请问是哪一栋楼？', { idempotencyKey: 'cb-1' });
    assert.equal(again.version, snap.version);
    assert.deepEqual(await snapshot(c.ref), snap, 'no second question, event or version');
    await svc.askResident(c.ref, office, '请问是哪一栋楼？', { idempotencyKey: 'cb-2' });
    assert.equal((await snapshot(c.ref)).outbox, snap.outbox + 1, 'a new request is a new message');
    await assert.rejects(svc.askResident(c.ref, office, 'x', { idempotencyKey: '' }), /idempotency key/);
  });

  it('commits the transition, its audit event and its outbox rows together or not at all', async () => {
    const c = await open();
    const snap = await snapshot(c.ref);
    // A fault after the case update and the event insert: the outbox insert fails inside the same transaction.
    await db.pool.query(`CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await db.pool.query('CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox()');
    try {
      await assert.rejects(svc.approveReferral(c.ref, office), /disk full/);
      assert.deepEqual(await snapshot(c.ref), snap, 'no status change, event, referral, clock or message');
    } finally {
      await db.pool.query('DROP TRIGGER fail_outbox ON outbox');
    }
    // After a "restart", the retried command commits the transition with its message, ready for the dispatcher.
    const referred = await svc.approveReferral(c.ref, office);
    assert.equal(referred.status, 'referred');
    const pending = await db.pool.query(
      `SELECT count(*)::int AS n FROM outbox WHERE case_id = $1 AND status = 'pending' AND message->>'key' = 'cases.handler.referral_card'`,
      [referred.id],
    );
    assert.equal(pending.rows[0].n, 1);
  });

  it('declines back to the office, which reassigns; dissatisfied reopens for re-referral; 复查 only inside the Art. 35 window', async () => {
    clock.set('2026-05-11T02:00:00Z');
    const c = await open(petition('environment'));
    await svc.approveReferral(c.ref, office);
    const envMember = { kind: 'handler' as const, id: String(directory.department('environment')!.memberIds[0]) };
    const declined = await svc.handlerDecline(c.ref, envMember, '属于物业管理，非环保职责');
    assert.equal(declined.status, 'office_review');
    assert.equal(declined.handlerId, null, 'the office picks the next department');
    const [ref1] = await svc.referrals(c.ref);
    assert.deepEqual([ref1!.status, ref1!.reason], ['declined', '属于物业管理，非环保职责']);
    const alert = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.staff.declined');
    assert.equal(alert.chat_id, OFFICE_CHAT);
    const told = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.resident.returned');
    assert.ok(told, 'the resident is told it went back to the office (their /status had silently changed)');
    assert.equal(told.message.params.handler, directory.department('environment')!.names.en, 'named in the resident\'s language');
    await assert.rejects(svc.handlerAccept(c.ref, envMember), IllegalTransitionError);

    await assert.rejects(svc.reassign(c.ref, office, { handlerKind: 'organization', handlerId: 'nanshan-legal-aid' }), /goes to a department/);
    await assert.rejects(svc.reassign(c.ref, office, { handlerKind: 'department', handlerId: 'nope' }), /Unknown department/);
    const moved = await svc.reassign(c.ref, office, { handlerKind: 'department', handlerId: 'housing', note: '物业问题' });
    assert.deepEqual([moved.handlerId, moved.target], ['housing', 'housing'], 'the department chosen is the target from now on');
    const card = (await outboxOf(c.ref)).filter((r) => r.message.key === 'cases.staff.review_card').at(-1);
    const shown = t('zh-Hans', card.message.key, card.message.params);
    assert.match(shown, new RegExp(directory.department('housing')!.names['zh-Hans']), 'the new department by name');
    assert.ok(!/housing|environment/.test(shown) && !shown.includes(directory.department('environment')!.names['zh-Hans']), 'no code, and not the department that declined');
    await svc.askResident(c.ref, office, '请问是哪一栋楼？');
    const q = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.resident.question');
    assert.deepEqual(q.message.params, { ref: c.ref, question: '请问是哪一栋楼？' });
    await svc.approveReferral(c.ref, office);
    await svc.handlerAccept(c.ref, housing);
    await svc.resolve(c.ref, housing, '已督促物业整改');
    assert.deepEqual((await svc.referrals(c.ref)).map((r) => [r.handlerId, r.status]), [['environment', 'declined'], ['housing', 'completed']]);

    clock.set('2026-05-13T02:00:00Z');
    const reopened = await svc.recordSatisfaction(c.ref, resident.externalId, 'dissatisfied', '还是没修好');
    assert.equal(reopened.status, 'reopened');
    const out = await outboxOf(c.ref);
    const right = out.find((r) => r.message.key === 'cases.resident.reopened_review_right');
    // 30 days from the written reply of 2026-05-11 is 06-10 (a Wednesday).
    assert.deepEqual(right.message.params, { ref: c.ref, deadline: '2026-06-10' });
    assert.match(t('en', right.message.key, right.message.params), /Art\. 35/);
    assert.equal(out.find((r) => r.message.key === 'cases.staff.dissatisfied').chat_id, OFFICE_CHAT);
    const window = (await svc.clocks(c.ref)).find((k) => k.kind === 'review_request_window' && !k.stoppedAt)!;
    assert.equal(day(window.dueAt), '2026-06-10');

    // the office re-refers the reopened case; it is resolved again
    assert.equal((await svc.approveReferral(c.ref, office)).status, 'referred');
    await svc.handlerAccept(c.ref, housing);
    await svc.resolve(c.ref, housing, '已更换电梯');
    await svc.recordSatisfaction(c.ref, resident.externalId, 'satisfied');

    // 复查 inside the window (counted from the latest written reply) …
    clock.set('2026-06-01T02:00:00Z');
    const review = await svc.requestReview(c.ref, resident.externalId, '处理结果不符合事实');
    assert.equal(review.status, 'review_requested');
    const answerClock = (await svc.clocks(c.ref)).find((k) => k.kind === 'review_answer' && !k.stoppedAt)!;
    assert.equal(day(answerClock.dueAt), '2026-07-01');
    assert.match(answerClock.article!, /第三十五条/);
    const answered = await svc.answerReview(c.ref, office, '经复查，维持原处理意见');
    assert.equal(answered.status, 'resolved');
    assert.equal((await svc.clocks(c.ref)).find((k) => k.kind === 'review_answer')!.stopReason, 'met');
    // … a second 复查 is refused: 复核 goes to the body above (Art. 36)
    await assert.rejects(svc.requestReview(c.ref, resident.externalId, '再查'), /第三十六条/);
    const again = await svc.recordSatisfaction(c.ref, resident.externalId, 'dissatisfied');
    assert.equal(again.status, 'reopened');
    assert.ok((await outboxOf(c.ref)).some((r) => r.message.key === 'cases.resident.reopened_recheck_right'));
  });

  it('refuses 复查 after the 30-day window, naming the deadline', async () => {
    clock.set('2026-07-01T02:00:00Z');
    const c = await open();
    await svc.approveReferral(c.ref, office);
    await svc.handlerAccept(c.ref, housing);
    await svc.resolve(c.ref, housing, '已处理');
    await svc.recordSatisfaction(c.ref, resident.externalId, 'satisfied');
    await assert.rejects(svc.requestReview(c.ref, other.externalId, 'x'), ForbiddenError);
    clock.set('2026-07-31T15:59:00Z'); // 23:59 on 07-31 in Shanghai: the last day
    const snap = await snapshot(c.ref);
    clock.set('2026-07-31T16:01:00Z'); // 00:01 on 08-01
    await assert.rejects(
      svc.requestReview(c.ref, resident.externalId, '不服'),
      (e: unknown) => e instanceof ValidationError && /ended on 2026-07-31/.test(e.message) && (e.options.details as any).deadline === '2026-07-31',
    );
    assert.deepEqual(await snapshot(c.ref), snap);
    clock.set('2026-07-31T15:59:00Z');
    assert.equal((await svc.requestReview(c.ref, resident.externalId, '不服')).status, 'review_requested');
  });

  it('does not accept with a reason from the fixed list, telling the resident where to go instead', async () => {
    const c = await open();
    await assert.rejects(svc.notAccept(c.ref, office, 'because' as never), /reason must be one of/);
    await assert.rejects(svc.notAccept(c.ref, office, 'other'), /needs a note/);
    await assert.rejects(svc.notAccept(c.ref, housing as never, 'duplicate'), ForbiddenError);
    const na = await svc.notAccept(c.ref, office, 'legal_channel', '判决执行问题请向法院申请强制执行');
    assert.equal(na.status, 'not_accepted');
    const out = (await outboxOf(c.ref)).filter((r) => r.chat_kind === 'private').map((r) => r.message);
    assert.deepEqual(out.slice(-2).map((m) => m.key), ['cases.resident.not_accepted.legal_channel', 'cases.resident.office_note']);
    assert.match(t('zh-Hans', out.at(-2)!.key, out.at(-2)!.params), /第三十一条/);
    assert.equal((await svc.clocks(c.ref)).filter((k) => !k.stoppedAt).length, 0);
    assert.deepEqual((await svc.timeline(c.ref)).at(-1)!.data, { reason: 'legal_channel', note: '判决执行问题请向法院申请强制执行' });
  });

  it('withdraws at the resident’s request: referral withdrawn, clocks stopped, handler told without personal data', async () => {
    const c = await open();
    await svc.approveReferral(c.ref, office);
    await svc.handlerAccept(c.ref, housing);
    await assert.rejects(svc.withdraw(c.ref, other.externalId), ForbiddenError);
    const w = await svc.withdraw(c.ref, resident.externalId, '已自行解决');
    assert.equal(w.status, 'withdrawn');
    assert.equal((await svc.referrals(c.ref))[0]!.status, 'withdrawn');
    const clocks = await svc.clocks(c.ref);
    assert.ok(clocks.every((k) => k.stoppedAt));
    assert.equal(clocks.find((k) => k.kind === 'resolve')!.stopReason, 'cancelled');
    const toHandler = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.handler.withdrawn');
    assert.deepEqual(toHandler.message.params, { ref: c.ref });
  });
});
