import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { t } from '../../i18n/index.js';
import { resourcePath } from '../../kernel/paths.js';
import { ForbiddenError, IllegalTransitionError, ValidationError } from '../../kernel/errors.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { testDatabase } from '../helpers/db.js';

// ---- fixture: the bundled directory with its mediation organizations replaced by three of known capacity
const OFFICE_CHAT = -900;
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  const template = raw.organizations.find((o: any) => o.services.includes('mediation'));
  raw.organizations = raw.organizations.filter((o: any) => !o.services.includes('mediation'));
  const med = (id: string, capacity: number, n: number) => ({
    ...template,
    id,
    capacity,
    sample: true,
    names: { 'zh-Hans': `调解机构${n}`, 'zh-Hant': `調解機構${n}`, en: `Mediation ${n}` },
  });
  raw.organizations.push(med('med-a', 1, 1), med('med-b', 5, 2), med('med-c', 3, 3));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}
const directory = testDirectory();
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
const member = (orgId: string) => ({ kind: 'handler' as const, id: String(directory.organization(orgId)!.memberIds[0]) });
const office = { kind: 'office' as const, id: 'staff-1' };
const day = (d: Date) => new Date(d.getTime() + 8 * 3600e3).toISOString().slice(0, 10);

function decision(category: 'out_of_scope' | 'legal_channel' | 'petition', target: string | null): Decision {
  return {
    category,
    target: target as Decision['target'],
    confidence: 0.8,
    needsReview: false,
    reasons: [],
    citations: [],
    redactedText: '楼上邻居每晚拖椅子很吵，沟通无果，联系人[电话]',
    language: 'zh-Hans',
    engine: 'offline',
  };
}

describe('case lifecycle: 信访外 referrals to organizations (real PGlite)', () => {
  let db: Database;
  let clock: FixedClock;
  let svc: CaseService;
  let resident: { id: number; externalId: string };
  const ORIGINAL = '楼上邻居每晚拖椅子很吵，沟通无果，联系人13812345678';
  const outboxOf = async (ref: string) =>
    (await db.pool.query('SELECT o.* FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.ref = $1 ORDER BY o.id', [ref])).rows;
  const openOrg = (consent?: { sharedFields?: string[]; organizationId?: string }, category: 'out_of_scope' | 'legal_channel' = 'out_of_scope', target: string | null = 'mediation') =>
    svc.openCase({ residentId: resident.id, decision: decision(category, target), originalText: ORIGINAL, language: 'zh-Hans', consent });

  /** The office approves; an organization the resident had not agreed to is put to them, and they agree. */
  const referTo = async (ref: string, org?: string) => {
    const c = await svc.approveReferral(ref, office, org ? { handlerKind: 'organization', handlerId: org } : {});
    if (c.status !== 'office_review') return c;
    const q = await db.pool.query(`SELECT q.id FROM consent_requests q JOIN cases c ON c.id = q.case_id WHERE c.ref = $1 AND q.answer IS NULL`, [ref]);
    return svc.giveConsent(ref, resident.externalId, Number(q.rows[0].id));
  };

  beforeAll(async () => {
    db = await testDatabase();
    clock = new FixedClock('2026-02-12T02:00:00Z'); // Thursday before the Spring Festival
    svc = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
    resident = await svc.upsertResident({ channel: 'telegram', externalId: '777', chatId: 777, language: 'zh-Hans' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses to open a 信访外 case without consent and writes nothing', async () => {
    await assert.rejects(openOrg(undefined), (e: unknown) => e instanceof ValidationError && /consent/.test((e as Error).message));
    await assert.rejects(openOrg({ sharedFields: ['id_number'] }), /shared fields must be among/);
    await assert.rejects(openOrg({ sharedFields: [] }), /at least one field/);
    await assert.rejects(openOrg({}, 'out_of_scope', 'housing'), /service target/);
    const n = await db.pool.query('SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM consents)::int AS consents');
    assert.deepEqual(n.rows[0], { cases: 0, consents: 0 });
  });

  it('opens with a consent record, proposes the organization with most spare capacity and refers only consented fields', async () => {
    const c = await openOrg({});
    assert.equal(c.ref, 'YT-20260212-0001', 'refused openings used no number');
    assert.deepEqual([c.status, c.handlerKind, c.handlerId], ['office_review', 'organization', 'med-b']);
    const consent = await db.pool.query('SELECT purpose, shared_fields, withdrawn_at FROM consents WHERE case_id = $1', [c.id]);
    assert.deepEqual(consent.rows, [{ purpose: 'refer_to_organization', shared_fields: ['summary', 'contact_chat'], withdrawn_at: null }]);
    assert.equal((await svc.clocks(c.ref)).length, 0, 'no statutory clock for a 信访外 matter');
    const opened = (await outboxOf(c.ref))[0];
    assert.equal(opened.message.key, 'cases.resident.opened_org');
    // 3 working days from Thu 02-12: Fri 02-13, Sat 02-14 (调休 working day), then Tue 02-24 after the holiday.
    assert.equal(opened.message.params.dueDate, '2026-02-24');

    await referTo(c.ref);
    const orgAccept = (await svc.clocks(c.ref)).find((k) => k.kind === 'org_accept')!;
    assert.equal(day(orgAccept.dueAt), '2026-02-24');
    const card = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.handler.referral_card');
    assert.equal(card.chat_id, directory.organization('med-b')!.telegramChatId);
    assert.equal(card.message.params.contact, 'telegram chat 777');
    assert.match(card.message.params.summary, /\[电话\]/);
    assert.ok(!JSON.stringify(card.message).includes('13812345678'), 'never the original text');
  });

  it('withholds what the resident did not agree to share', async () => {
    const c = await openOrg({ sharedFields: ['summary'] });
    await referTo(c.ref);
    const card = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.handler.referral_card');
    assert.equal(card.message.params.contact, '（未授权共享）');
    assert.match(card.message.params.summary, /邻居/);
    const c2 = await openOrg({ sharedFields: ['contact_chat'] });
    await referTo(c2.ref, 'med-c');
    const card2 = (await outboxOf(c2.ref)).find((r) => r.message.key === 'cases.handler.referral_card');
    assert.equal(card2.message.params.summary, '（未授权共享）');
    await assert.rejects(svc.approveReferral((await openOrg({})).ref, office, { handlerKind: 'department', handlerId: 'housing' }), /goes to a organization/);
  });

  it('tells a resident who agreed to one named organization that name, not "we will find one"', async () => {
    const c = await openOrg({ organizationId: 'med-c' });
    assert.deepEqual([c.handlerKind, c.handlerId], ['organization', 'med-c']);
    const opened = (await outboxOf(c.ref))[0];
    assert.equal(opened.message.key, 'cases.resident.opened_named_org');
    assert.equal(opened.message.params.handler, directory.organization('med-c')!.names['zh-Hans']);
    // A named organization that does not take this service is not used: the office chooses, and says so.
    const other = await openOrg({ organizationId: 'no-such-org' });
    assert.equal(other.handlerId, null);
    assert.equal((await outboxOf(other.ref))[0].message.key, 'cases.resident.opened_org');
  });

  it('after a decline proposes the next organization with capacity, never one that declined', async () => {
    // med-a (capacity 1) is full once it holds one case
    const full = await openOrg({});
    await referTo(full.ref, 'med-a');
    const load = await svc.handlerLoad();
    assert.equal(load['med-a'], 1);

    const c = await openOrg({});
    assert.equal(c.handlerId, 'med-b');
    await referTo(c.ref);
    await assert.rejects(svc.handlerDecline(c.ref, member('med-c'), 'x'), ForbiddenError, 'another organization cannot decline it');
    await assert.rejects(svc.handlerDecline(c.ref, member('med-b'), '   '), /reason/);
    const d1 = await svc.handlerDecline(c.ref, member('med-b'), '本周人手不足');
    assert.deepEqual([d1.status, d1.handlerId], ['office_review', 'med-c']);
    const alert = (await outboxOf(c.ref)).filter((r) => r.message.key === 'cases.staff.declined').at(-1);
    assert.match(t('zh-Hans', alert.message.key, alert.message.params), /建议下一去向：调解机构3/);
    assert.deepEqual(alert.message.actions, ['approve', 'reassign', 'not_accept']);
    assert.equal((await svc.clocks(c.ref)).find((k) => k.kind === 'org_accept')!.stopReason, 'met');

    await referTo(c.ref);
    const d2 = await svc.handlerDecline(c.ref, member('med-c'), '不在服务范围');
    assert.equal(d2.handlerId, null, 'med-a is full and med-b, med-c declined');
    const last = (await outboxOf(c.ref)).filter((r) => r.message.key === 'cases.staff.declined').at(-1);
    assert.deepEqual(last.message.actions, ['reassign', 'not_accept']);
    await assert.rejects(svc.approveReferral(c.ref, office), /no proposed handler/);
    assert.deepEqual((await svc.referrals(c.ref)).map((r) => [r.handlerId, r.status, r.reason]), [
      ['med-b', 'declined', '本周人手不足'],
      ['med-c', 'declined', '不在服务范围'],
    ]);
  });

  it('accepts, starts and meets the first-contact clock, and stops everything when consent is withdrawn', async () => {
    const c = await openOrg({});
    await referTo(c.ref, 'med-c');
    clock.set('2026-02-13T02:00:00Z');
    const accepted = await svc.handlerAccept(c.ref, member('med-c'));
    assert.equal(accepted.status, 'accepted');
    const clocks = await svc.clocks(c.ref);
    assert.equal(clocks.find((k) => k.kind === 'org_accept')!.stopReason, 'met');
    const contact = clocks.find((k) => k.kind === 'org_first_contact' && !k.stoppedAt)!;
    // 5 days from 02-13 is 02-18, inside the holiday: the promise moves to the first working day, 02-24.
    assert.equal(day(contact.dueAt), '2026-02-24');
    const told = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.resident.accepted_org');
    assert.deepEqual(told.message.params, { ref: c.ref, handler: '调解机构3', dueDate: '2026-02-24' });
    await svc.reportProgress(c.ref, member('med-c'), '已电话联系，约好周末上门');
    assert.equal((await svc.clocks(c.ref)).find((k) => k.kind === 'org_first_contact')!.stopReason, 'met');
    await assert.rejects(svc.requestExtension(c.ref, member('med-c'), 5, '需要时间'), /Only a department/);

    await assert.rejects(svc.withdrawConsent(c.ref, 'someone-else'), ForbiddenError);
    // The card went out (as the dispatcher records it); the urgent notice to the organization has not yet.
    await db.pool.query(`UPDATE outbox SET status = 'sent', external_message_id = 555 WHERE case_id = $1 AND message->>'key' = 'cases.handler.referral_card'`, [c.id]);
    await svc.markUrgent(c.ref, office);
    const w = await svc.withdrawConsent(c.ref, resident.externalId);
    assert.equal(w.status, 'withdrawn');
    assert.equal((await svc.referrals(c.ref))[0]!.status, 'withdrawn');
    const consent = await db.pool.query('SELECT withdrawn_at FROM consents WHERE case_id = $1', [c.id]);
    assert.ok(consent.rows[0].withdrawn_at);
    const toOrg = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.handler.consent_withdrawn');
    assert.equal(toOrg.chat_id, directory.organization('med-c')!.telegramChatId);
    assert.deepEqual(toOrg.message.params, { ref: c.ref }, 'no personal data to the organization');
    const rows = await outboxOf(c.ref);
    // The open case ended with the consent: the resident hears that both are withdrawn, once.
    const toResident = rows.filter((r) => r.message.key?.startsWith('cases.resident.') && r.message.key.includes('withdrawn'));
    assert.deepEqual(toResident.map((r) => r.message.key), ['cases.resident.withdrawn_with_consent']);
    // The withdrawal prompt promised that the organization is asked to delete what it received; the reply says it was.
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) assert.match(t(lang, 'cases.resident.withdrawn_with_consent', { ref: c.ref }), /删除|刪除|delete/);
    assert.equal(rows.find((r) => r.message.key === 'cases.handler.urgent').status, 'cancelled', 'what had not gone out to the organization never will');
    const replacement = rows.find((r) => r.message.key === 'consent.handler.card_withdrawn');
    assert.deepEqual([replacement.chat_id, replacement.message.replaces, replacement.status], [directory.organization('med-c')!.telegramChatId, 555, 'pending']);
    assert.equal((await svc.timeline(c.ref)).at(-1)!.type, 'consent_withdrawn');
    await assert.rejects(svc.withdrawConsent(c.ref, resident.externalId), /no consent to withdraw/);
    await assert.rejects(svc.reportProgress(c.ref, member('med-c'), 'x'), IllegalTransitionError);
  });

  it('refers a legal-channel matter with legal aid accepted to a legal-aid organization', async () => {
    await assert.rejects(openOrg(undefined, 'legal_channel', null), /consent/);
    const c = await openOrg({}, 'legal_channel', null);
    assert.deepEqual([c.target, c.handlerKind, c.handlerId], ['legal_aid', 'organization', 'nanshan-legal-aid']);
  });

  it('reopens a dissatisfied 信访外 case without a 复查 right (that is for petitions)', async () => {
    const c = await openOrg({});
    await referTo(c.ref, 'med-b');
    await svc.handlerAccept(c.ref, member('med-b'));
    await svc.resolve(c.ref, member('med-b'), '已调解，双方达成协议');
    const r = await svc.recordSatisfaction(c.ref, resident.externalId, 'dissatisfied');
    assert.equal(r.status, 'reopened');
    assert.ok((await outboxOf(c.ref)).some((o) => o.message.key === 'cases.resident.reopened'));
    await assert.rejects(svc.requestReview(c.ref, resident.externalId, '不服'), /petition cases only/);
  });

  it('queues office work urgent first then oldest, and reports load and statistics', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const older = await svc.openCase({ residentId: resident.id, decision: decision('petition', 'water'), originalText: '停水', language: 'zh-Hans' });
    clock.set('2026-03-02T03:00:00Z');
    const newer = await svc.openCase({ residentId: resident.id, decision: decision('petition', 'water'), originalText: '停水2', language: 'zh-Hans' });
    await svc.markUrgent(newer.ref, office);
    const { rows: queue } = await svc.queue({ limit: 100, target: 'water' });
    assert.deepEqual(queue.map((c) => c.ref), [newer.ref, older.ref]);
    assert.equal((await svc.queue({ urgentOnly: true })).rows[0]!.ref, newer.ref);
    assert.equal((await svc.markUrgent(newer.ref, office)).version, 2, 'marking twice changes nothing');

    const load = await svc.handlerLoad();
    assert.deepEqual(
      Object.fromEntries(Object.entries(load).filter(([k]) => k.startsWith('med-'))),
      { 'med-a': 1, 'med-b': 2, 'med-c': 1 }, // referred or accepted, not withdrawn or reopened
    );

    const stats = await svc.stats({ from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    const total = (await db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n;
    assert.equal(stats.total, total);
    assert.equal(stats.byCategory.petition, 2);
    assert.equal(stats.byCategory.legal_channel, 1);
    assert.equal(stats.byTarget.water, 2);
    assert.deepEqual(stats.satisfaction, { satisfied: 0, basicallySatisfied: 0, dissatisfied: 1, noAnswer: 0, answered: 1, rate: 0 });
    // met: two declines and two acceptances in time; late: four referrals nobody answered by 02-24
    assert.deepEqual(stats.onTime.org_accept, { met: 4, late: 4, rate: 0.5 });
    await assert.rejects(svc.stats({ from: new Date('2026-04-01'), to: new Date('2026-02-01') }), /end after it starts/);

    // overdue: a running org_accept clock past its due time
    const overdue = await svc.overdue(new Date('2026-06-01T00:00:00Z'));
    assert.ok(overdue.length > 0 && overdue.every((o) => o.dueAt < new Date('2026-06-01T00:00:00Z')));
    assert.ok(overdue.some((o) => o.kind === 'forward_notify' && o.ref === older.ref));
    assert.ok(!overdue.some((o) => o.kind === 'survey_close' || o.kind === 'review_request_window'));
    assert.equal((await svc.listForResident(resident.id)).length, total);
  });

  it('the office turns a 信访外 case it is reviewing into a petition to a department: consent withdrawn, Art. 22 clock, the resident told', async () => {
    const c = await openOrg({});
    const moved = await svc.reassign(c.ref, office, { handlerKind: 'department', handlerId: 'environment', note: '夜间施工噪音，属环保职责' });
    assert.deepEqual([moved.category, moved.target, moved.handlerKind, moved.handlerId, moved.status], ['petition', 'environment', 'department', 'environment', 'office_review']);
    const consent = await db.pool.query('SELECT withdrawn_at FROM consents WHERE case_id = $1', [c.id]);
    assert.ok(consent.rows[0].withdrawn_at, 'the consent to the organization is no longer used');
    const notify = (await svc.clocks(c.ref)).find((k) => k.kind === 'forward_notify' && !k.stoppedAt);
    assert.ok(notify, 'the Art. 22 period runs, from the day the matter was received');
    const told = (await outboxOf(c.ref)).find((r) => r.message.key === 'cases.resident.reclassified');
    assert.equal(told?.message.params.handler, directory.department('environment')!.names['zh-Hans']);
    assert.equal(told?.message.params.dueDate, day(notify.dueAt));
    const card = (await outboxOf(c.ref)).filter((r) => r.message.key === 'cases.staff.review_card').at(-1);
    assert.match(t('zh-Hans', card.message.key, card.message.params), new RegExp(`类别：信访事项\\u3000去向：政府部门（${directory.department('environment')!.names['zh-Hans']}）`));
    // Approved, it goes to the department like any petition; no organization ever saw it.
    const referred = await svc.approveReferral(c.ref, office);
    assert.deepEqual([referred.status, referred.handlerKind], ['referred', 'department']);
    assert.ok(!(await outboxOf(c.ref)).some((r) => r.message.key === 'cases.handler.referral_card' && r.chat_id === directory.organization('med-b')!.telegramChatId));
  });

  it('a 信访外 case already with its organization is not turned into a petition', async () => {
    const c = await openOrg({});
    await referTo(c.ref);
    await assert.rejects(svc.reassign(c.ref, office, { handlerKind: 'department', handlerId: 'environment' }), /(still reviewing|cannot|not allowed|Illegal)/i);
    assert.equal((await svc.getCase(c.ref)).category, 'out_of_scope');
  });
});
