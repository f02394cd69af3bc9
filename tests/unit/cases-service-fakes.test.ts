import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../i18n/index.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { ForbiddenError, IllegalTransitionError, StaleError, ValidationError } from '../../kernel/errors.js';
import { resourcePath } from '../../kernel/paths.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { reviewNotes } from '../../cases/commands/run.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { fakeCaseStore, type FakeCaseStore } from '../helpers/fakeCaseStore.js';

/*
 * The case service's rules with every repository replaced by an in-memory fake (no database): the same
 * commands the integration tests run on PGlite, checked here for what they decide and what they write.
 */

const OFFICE_CHAT = -900;
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: { id: string }, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  raw.organizations.forEach((o: { id: string }, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}
const directory = testDirectory();
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
const office = { kind: 'office' as const, id: 'staff-1' };
const housing = { kind: 'handler' as const, id: String(directory.department('housing')!.memberIds[0]) };
const day = (d: Date) => new Date(d.getTime() + 8 * 3600e3).toISOString().slice(0, 10);

function decision(category: Decision['category'], target: string | null): Decision {
  return {
    category,
    target: target as Decision['target'],
    confidence: 0.9,
    needsReview: false,
    reasons: [],
    citations: [],
    redactedText: '小区物业不修电梯，联系人[电话]',
    language: 'zh-Hans',
    engine: 'offline',
  };
}

describe('case service on in-memory repositories', () => {
  let store: FakeCaseStore;
  let clock: FixedClock;
  let svc: CaseService;
  let resident: { id: number; externalId: string };
  const keysTo = (ref: string, kind: 'private' | 'group') => {
    const c = store.data.cases.find((x) => x.ref === ref)!;
    return store.data.outbox.filter((o) => o.caseId === c.id && o.chatKind === kind).map((o) => o.message.key);
  };
  const openPetition = () => svc.openCase({ residentId: resident.id, decision: decision('petition', 'housing'), originalText: '电话13812345678', language: 'zh-Hans' });

  beforeEach(async () => {
    store = fakeCaseStore();
    clock = new FixedClock('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Shanghai
    svc = new CaseService({ store, clock, calendar, directory, settings });
    resident = await svc.upsertResident({ channel: 'telegram', externalId: '777', chatId: 777, language: 'en' });
  });

  it('opens a petition: reference, Art. 22 clock, opened event, resident notice and office card', async () => {
    const c = await openPetition();
    expect(c.ref).toBe('YT-20260302-0001');
    expect(c.status).toBe('office_review');
    expect([c.handlerKind, c.handlerId]).toEqual(['department', 'housing']);
    const clocks = await svc.clocks(c.ref);
    expect(clocks.map((k) => k.kind)).toEqual(['forward_notify']);
    expect(day(clocks[0]!.dueAt)).toBe('2026-03-17');
    expect((await svc.timeline(c.ref)).map((e) => e.type)).toEqual(['opened']);
    expect(keysTo(c.ref, 'private')).toEqual(['cases.resident.opened']);
    expect(keysTo(c.ref, 'group')).toEqual(['cases.staff.review_card']);
    expect((await openPetition()).ref).toBe('YT-20260302-0002');
  });

  it('the office card says when the resident names another district, so the office can forward it there', async () => {
    const here = await openPetition();
    expect(keysTo(here.ref, 'group')).toEqual(['cases.staff.review_card']);
    const d = { ...decision('petition', 'human_resources'), redactedText: '公司拖欠工资三个月，在宝安区福永街道' };
    const there = await svc.openCase({ residentId: resident.id, decision: d, originalText: d.redactedText, language: 'zh-Hans' });
    const card = store.data.outbox.find((o) => o.caseId === store.data.cases.find((x) => x.ref === there.ref)!.id && o.chatKind === 'group')!;
    expect(card.message.key).toBe('cases.staff.review_card_elsewhere');
    expect(card.message.params).toMatchObject({ districts: '宝安区' });
    expect(t('zh-Hans', card.message.key, card.message.params)).toContain('（深圳市南山区人力资源局）');
    expect(t('zh-Hans', card.message.key, card.message.params)).toContain('属地提示：来信提到宝安区');
  });

  it('the office card says why a case has no target: a question registered anyway, or unclear twice', async () => {
    expect(reviewNotes(['classifier:inquiry 0.96', 'resident_asked_case'])).toEqual({ secondary: '—', unsure: 'resident_asked_case' });
    expect(reviewNotes(['too_vague', 'unclear_twice']).unsure).toBe('unclear_twice');
    // A matter taken up after an emergency reply, a complaint insisted on after refusing a service (the card had said —).
    expect(reviewNotes(['classifier:petition 0.99', 'after_emergency']).unsure).toBe('after_emergency');
    expect(reviewNotes(['classifier:out_of_scope 0.80', 'resident_refused_service']).unsure).toBe('resident_refused_service');
    expect(reviewNotes(['secondary_target:transport 0.31', 'target_unsure:margin 0.04 housing>transport'])).toEqual({ secondary: 'transport', unsure: 'target_unsure:margin 0.04 housing>transport' });
    expect(reviewNotes([]).unsure).toBe('—');
  });

  it('refuses a 信访外 case without consent and writes nothing', async () => {
    const before = store.data.outbox.length;
    await expect(svc.openCase({ residentId: resident.id, decision: decision('out_of_scope', 'mediation'), originalText: 'x', language: 'zh-Hans' })).rejects.toThrow(
      ValidationError,
    );
    expect(store.data.cases).toHaveLength(0);
    expect(store.data.outbox).toHaveLength(before);
  });

  it('approves, refuses a stale version, and a retried request does nothing twice', async () => {
    const c = await openPetition();
    await expect(svc.approveReferral(c.ref, housing)).rejects.toThrow(ForbiddenError);
    const approved = await svc.approveReferral(c.ref, office, { expectedVersion: c.version, idempotencyKey: 'cb-1' });
    expect(approved.status).toBe('referred');
    expect(approved.version).toBe(2);
    expect(keysTo(c.ref, 'group')).toContain('cases.handler.referral_card');
    const again = await svc.approveReferral(c.ref, office, { expectedVersion: c.version, idempotencyKey: 'cb-1' });
    expect(again.version).toBe(2);
    expect((await svc.timeline(c.ref)).filter((e) => e.type === 'approve')).toHaveLength(1);
    await expect(svc.markUrgent(c.ref, office, { expectedVersion: 1 })).rejects.toThrow(StaleError);
  });

  it('rolls a refused command back: nothing of it is written', async () => {
    const c = await openPetition();
    const before = store.data;
    // reassigning a petition to an organization is refused inside the transaction
    await expect(svc.reassign(c.ref, office, { handlerKind: 'organization', handlerId: directory.handlerId(directory.organizations[0]!) })).rejects.toThrow(ValidationError);
    expect(store.data.cases).toEqual(before.cases);
    expect(store.data.events).toEqual(before.events);
    expect(store.counts.rolledBack).toBe(1);
  });

  it('reassigns to another department with a new office card', async () => {
    const c = await openPetition();
    const other = directory.departments.map((d) => directory.handlerId(d)).find((id) => id !== 'housing')!;
    const r = await svc.reassign(c.ref, office, { handlerKind: 'department', handlerId: other, note: '属地' });
    expect([r.status, r.handlerId]).toEqual(['office_review', other]);
    expect(keysTo(c.ref, 'group').filter((k) => k === 'cases.staff.review_card')).toHaveLength(2);
  });

  it('accepts (60-day clock) or declines back to the office; only the handler holding the case may', async () => {
    const c = await openPetition();
    await svc.approveReferral(c.ref, office);
    const stranger = { kind: 'handler' as const, id: '1' };
    await expect(svc.handlerAccept(c.ref, stranger)).rejects.toThrow(ForbiddenError);
    const accepted = await svc.handlerAccept(c.ref, housing);
    expect(accepted.status).toBe('accepted');
    const running = (await svc.clocks(c.ref)).filter((k) => !k.stoppedAt).map((k) => k.kind);
    expect(running).toEqual(['resolve']);

    const d = await openPetition();
    await svc.approveReferral(d.ref, office);
    const declined = await svc.handlerDecline(d.ref, housing, '不属本部门职责');
    expect([declined.status, declined.handlerId]).toEqual(['office_review', null]);
    expect(store.data.referrals.find((r) => r.caseId === declined.id)!.status).toBe('declined');
    expect(keysTo(d.ref, 'group')).toContain('cases.staff.declined');
  });

  it('extends once (departments on petitions only), resolves and asks the survey; rating closes or reopens', async () => {
    const c = await openPetition();
    await svc.approveReferral(c.ref, office);
    await svc.handlerAccept(c.ref, housing);
    await svc.requestExtension(c.ref, housing, 10, '需现场勘查');
    await expect(svc.requestExtension(c.ref, housing, 5, '再延')).rejects.toThrow(/only once/);
    const resolved = await svc.resolve(c.ref, housing, '已维修电梯');
    expect(resolved.status).toBe('resolved');
    expect(keysTo(c.ref, 'private').slice(-2)).toEqual(['cases.resident.resolved', 'cases.resident.survey']);
    await expect(svc.recordSatisfaction(c.ref, '888', 'satisfied')).rejects.toThrow(ForbiddenError);
    const closed = await svc.recordSatisfaction(c.ref, resident.externalId, 'satisfied');
    expect(closed.status).toBe('closed');
    const twice = await svc.recordSatisfaction(c.ref, resident.externalId, 'dissatisfied');
    expect(twice.status).toBe('closed');

    const d = await openPetition();
    await svc.approveReferral(d.ref, office);
    await svc.handlerAccept(d.ref, housing);
    await svc.resolve(d.ref, housing, '已答复');
    const reopened = await svc.recordSatisfaction(d.ref, resident.externalId, 'dissatisfied', '没修好');
    expect(reopened.status).toBe('reopened');
    expect(keysTo(d.ref, 'private')).toContain('cases.resident.reopened_review_right');
    expect((await svc.clocks(d.ref)).some((k) => k.kind === 'review_request_window' && !k.stoppedAt)).toBe(true);
    const review = await svc.requestReview(d.ref, resident.externalId, '不服答复');
    expect(review.status).toBe('review_requested');
    const answered = await svc.answerReview(d.ref, office, '维持原答复');
    expect(answered.status).toBe('resolved');
    expect(store.data.surveys.filter((s) => s.caseId === d.id)).toHaveLength(2);
  });

  it('refuses an illegal transition before writing', async () => {
    const c = await openPetition();
    const events = store.data.events.length;
    await expect(svc.resolve(c.ref, housing, '已办')).rejects.toThrow(IllegalTransitionError);
    expect(store.data.events).toHaveLength(events);
  });

  it('adds a resident note without bumping the version, and only to their own case', async () => {
    const c = await openPetition();
    expect(await svc.addResidentNote({ residentId: resident.id, ref: c.ref, type: 'resident_note', note: '补充：三楼' })).toBe(true);
    expect(await svc.addResidentNote({ residentId: resident.id, ref: c.ref, type: 'resident_attachment', note: null, file: { kind: 'photo', fileId: 'F1' } })).toBe(
      true,
    );
    const stranger = await svc.upsertResident({ channel: 'telegram', externalId: '888', chatId: 888, language: 'zh-Hant' });
    expect(await svc.addResidentNote({ residentId: stranger.id, ref: c.ref, type: 'resident_note', note: 'x' })).toBe(false);
    expect((await svc.getCase(c.ref)).version).toBe(1);
    expect((await svc.timeline(c.ref)).map((e) => e.type)).toEqual(['opened', 'resident_note', 'resident_attachment']);
    expect(keysTo(c.ref, 'group').slice(-2)).toEqual(['conversation.office.resident_note', 'conversation.office.resident_attachment']);
  });

  it('alerts the office with one outbox row per request, however often retried', async () => {
    const alert = { level: 'immediate' as const, channel: 'telegram' as const, chat: 777, requestId: 'u-1', params: { kinds: 'suicide', excerpt: '…' } };
    expect(await svc.alertOffice(alert)).toBe(true);
    expect(await svc.alertOffice(alert)).toBe(false);
    const rows = store.data.outbox.filter((o) => o.caseId === null);
    expect(rows).toHaveLength(1);
    expect([rows[0]!.chatId, rows[0]!.message.key]).toEqual([OFFICE_CHAT, 'conversation.office.emergency_alert']);
    expect(store.counts.committed + store.counts.rolledBack).toBe(0); // no transaction, no case lock
  });

  it('saves a resident language choice and reads it back', async () => {
    expect(await svc.residentLanguage('telegram', '999')).toBeNull();
    await svc.setResidentLanguage({ channel: 'telegram', externalId: '999', chatId: 999, language: 'zh-Hant' });
    expect(await svc.residentLanguage('telegram', '999')).toBe('zh-Hant');
  });

  it('withdraws consent on a finished 信访外 case: the organization is still told', async () => {
    const c = await svc.openCase({
      residentId: resident.id,
      decision: decision('out_of_scope', 'mediation'),
      originalText: 'x',
      language: 'zh-Hans',
      consent: { sharedFields: ['summary'] },
    });
    const org = { kind: 'handler' as const, id: String(directory.organization(c.handlerId!)!.memberIds[0]) };
    await svc.approveReferral(c.ref, office);
    await svc.handlerAccept(c.ref, org);
    await svc.resolve(c.ref, org, '已调解');
    const after = await svc.withdrawConsent(c.ref, resident.externalId);
    expect(after.status).toBe('resolved');
    expect(keysTo(c.ref, 'group')).toContain('cases.handler.consent_withdrawn');
  });
});
