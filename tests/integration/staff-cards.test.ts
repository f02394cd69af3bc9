import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import type { Language } from '../../kernel/language.js';
import { resourcePath } from '../../kernel/paths.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { splitText, TELEGRAM_TEXT_LIMIT } from '../../bot/telegramSender.js';
import { StaffConversation } from '../../conversation/staff.js';
import { queuePage } from '../../console/views/queue.js';
import { messageSchema } from '../../workers/outbox.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import { t } from '../../i18n/index.js';
import { testDatabase } from '../helpers/db.js';

/*
 * What office staff and handlers read on their cards and messages (docs/staff-and-e2e.md, "What the cards say"):
 * names, not codes, and the handler now holding the case; what the clock is doing when none runs; the
 * resident's later additions reaching the handler that may read them, and only that one; the whole text.
 */

const OFFICE_CHAT = -900;
const OFFICE_MEMBER = 901;
function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: Record<string, unknown>, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  raw.organizations.forEach((o: Record<string, unknown>, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}
const directory = testDirectory();
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
const office = { kind: 'office' as const, id: String(OFFICE_MEMBER) };
const member = (kind: 'department' | 'organization', id: string) => ({ kind: 'handler' as const, id: String(directory.handler(kind, id)!.memberIds[0]), handler: { kind, id } });
const CODES = /\b(housing|market_regulation|urban_management|environment|mediation|counselling|family|legal_aid)\b/;

function decision(category: Decision['category'], target: string, text = '楼上邻居装修噪音很大，物业不管，电话[PHONE]'): Decision {
  return { category, target: target as Decision['target'], confidence: 0.9, needsReview: false, reasons: [], citations: [], redactedText: text, language: 'zh-Hans', engine: 'offline' };
}

interface Row { chat_id: string | null; recipient: string; language: Language; message: { key: string; params?: Record<string, never> } }

describe('staff cards and messages (real PGlite, real CaseService)', () => {
  let db: Database;
  let cases: CaseService;
  let staff: StaffConversation;
  let residentId: number;

  const rows = async (ref: string): Promise<Row[]> =>
    (await db.pool.query(`SELECT o.chat_id, o.recipient, o.language, o.message FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.ref = $1 ORDER BY o.id`, [ref])).rows;
  const text = (r: Row, lang: Language = r.language) => t(lang, r.message.key, r.message.params ?? {});
  const last = async (ref: string, key: string) => {
    const found = (await rows(ref)).filter((r) => r.message.key === key).at(-1);
    assert.ok(found, `a ${key} row for ${ref}`);
    return found;
  };
  const openOrg = (orgId: string, service: string, text?: string) =>
    cases.openCase({ residentId, decision: decision('out_of_scope', service, text), originalText: 'x', language: 'zh-Hans', consent: { sharedFields: ['summary', 'contact_chat'], organizationId: orgId } });
  const openPetition = (dept: string, text?: string) => cases.openCase({ residentId, decision: decision('petition', dept, text), originalText: 'x', language: 'zh-Hans' });

  beforeAll(async () => {
    db = await testDatabase();
    const clock = new FixedClock('2026-03-02T02:00:00Z');
    cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
    staff = new StaffConversation({ cases, directory, pool: db.pool, clock, officeChatId: OFFICE_CHAT, officeMemberIds: [OFFICE_MEMBER] });
    residentId = (await cases.upsertResident({ channel: 'telegram', externalId: '4242', chatId: 4242, language: 'zh-Hans' })).id;
  });
  afterAll(async () => {
    // Every row written here is one the outbox dispatcher accepts (a card with a name or a label had been refused
    // as malformed by its schema and never sent).
    const all = (await db.pool.query('SELECT message FROM outbox')).rows;
    assert.ok(all.length > 20);
    for (const r of all) assert.ok(messageSchema.safeParse(r.message).success, JSON.stringify(r.message).slice(0, 300));
    await db.close();
  });

  it('cards name the department or organization in the reader\'s language, never its code, and after a reassignment the new one', async () => {
    const c = await openPetition('housing');
    const card = await last(c.ref, 'cases.staff.review_card');
    assert.doesNotMatch(text(card), CODES, text(card));
    assert.match(text(card), /去向：政府部门（深圳市南山区住房和建设局）/);
    assert.match(text(card, 'en'), /Nanshan District Housing and Construction Bureau/);
    await cases.approveReferral(c.ref, office);
    const referral = await last(c.ref, 'cases.handler.referral_card');
    assert.doesNotMatch(text(referral), CODES, text(referral));
    await cases.handlerDecline(c.ref, member('department', 'housing'), '不属于本单位职责');
    await cases.reassign(c.ref, office, { handlerKind: 'department', handlerId: 'market_regulation' });
    const again = text(await last(c.ref, 'cases.staff.review_card'));
    assert.doesNotMatch(again, CODES, again);
    assert.match(again, new RegExp(directory.department('market_regulation')!.names['zh-Hans']));
    assert.doesNotMatch(again, /住房和建设局/, 'not the department that declined');
    // The queue: a petition its department declined proposes nobody; the declined department is not shown as its target.
    const q = await staff.views.queue();
    const declined = await openPetition('housing');
    await cases.approveReferral(declined.ref, office);
    await cases.handlerDecline(declined.ref, member('department', 'housing'), '不属于本单位职责');
    const lines = [q, await staff.views.queue()].flatMap((r) => (r.lines ?? []).map((l) => t('zh-Hans', l.key, l.params ?? {})));
    for (const l of lines) assert.doesNotMatch(l, CODES, l);
    const line = lines.findLast((l) => l.includes(declined.ref))!;
    assert.doesNotMatch(line, /住房和建设局/, line);
    assert.match(line, /待指定/);
    // An organization's case: the service by its name, and the organization.
    const o = await openOrg('sample-nanshan-community-mediation', 'mediation');
    const orgCard = text(await last(o.ref, 'cases.staff.review_card'));
    assert.doesNotMatch(orgCard, CODES, orgCard);
    assert.match(text(await last(o.ref, 'cases.staff.review_card'), 'en'), /Mediation/);
  });

  it('a card for a case whose organization declined says what the clock is doing, not "—"', async () => {
    const c = await openOrg('sample-nanshan-community-mediation', 'mediation');
    await cases.approveReferral(c.ref, office);
    await cases.handlerDecline(c.ref, member('organization', 'sample-nanshan-community-mediation'), '本月名额已满');
    await cases.reassign(c.ref, office, { handlerKind: 'organization', handlerId: 'sample-heshilao-mediation' });
    const card = text(await last(c.ref, 'cases.staff.review_card'));
    assert.doesNotMatch(card.split('\n').at(-1)!, /—/, card);
    assert.match(card, /退回/);
    assert.match(card, /未计时|不计时/);
    const q = await staff.views.queue(200);
    const line = (q.lines ?? []).map((l) => t('zh-Hans', l.key, l.params ?? {})).find((l) => l.includes(c.ref))!;
    assert.doesNotMatch(line, /法定期限 —/, line);
    assert.match(line, /退回/);
    // The console's queue says the same in the page's language, and names the service and the proposed organization.
    const page = await cases.queue({ limit: 200 });
    for (const lang of ['zh-Hans', 'en'] as const) {
      const v = { lang, session: null, path: '/queue', directory, now: new Date('2026-03-02T02:00:00Z') };
      const html = String(queuePage(v, { ...page, filters: { page: 1 } as never, readOnly: true }));
      const row = html.split('<tr').find((r) => r.includes(c.ref))!;
      assert.match(row, lang === 'en' ? /the previous handler sent it back/ : /原承办单位已退回/, row);
      assert.match(row, lang === 'en' ? /Mediation/ : /邻里调解/);
      assert.doesNotMatch(row, CODES);
    }
  });

  it('the resident\'s later addition reaches the department holding the case, redacted, and never an organization without consent or one that declined', async () => {
    const addNote = (ref: string, note: string) => cases.addResidentNote({ residentId, ref, type: 'resident_note', note });
    const toHandler = async (ref: string) => (await rows(ref)).filter((r) => r.message.key.includes('resident_note') && r.recipient.startsWith('handler:'));

    const p = await openPetition('housing');
    await addNote(p.ref, '在审核中补充的');
    assert.equal((await toHandler(p.ref)).length, 0, 'nobody holds it yet');
    await cases.approveReferral(p.ref, office);
    await cases.handlerAccept(p.ref, member('department', 'housing'));
    await addNote(p.ref, '噪音主要在晚上十一点以后，联系我[PHONE]');
    const sent = await toHandler(p.ref);
    assert.deepEqual(sent.map((r) => r.recipient), ['handler:department:housing']);
    assert.match(text(sent[0]!), /晚上十一点以后/);
    assert.match(text(sent[0]!), /\[PHONE\]/);

    // An organization: only once it accepted, with the resident's consent to it; never after it declined or the consent was withdrawn.
    const o = await openOrg('sample-nanshan-community-mediation', 'mediation');
    await cases.approveReferral(o.ref, office);
    await cases.handlerAccept(o.ref, member('organization', 'sample-nanshan-community-mediation'));
    await addNote(o.ref, '对方今天又来敲门了');
    assert.deepEqual((await toHandler(o.ref)).map((r) => r.recipient), ['handler:organization:sample-nanshan-community-mediation']);

    const d = await openOrg('sample-nanshan-community-mediation', 'mediation');
    await cases.approveReferral(d.ref, office);
    await cases.handlerDecline(d.ref, member('organization', 'sample-nanshan-community-mediation'), '本月名额已满');
    assert.ok((await cases.getCase(d.ref)).handlerId, 'the next organization is proposed (the resident has not agreed to it)');
    await addNote(d.ref, '补充情况');
    await cases.addResidentNote({ residentId, ref: d.ref, type: 'resident_answer', note: '回答', question: '问题', toHandler: true });
    assert.deepEqual(await toHandler(d.ref), [], 'neither the organization that declined nor the one proposed without consent');
    assert.ok((await rows(d.ref)).some((r) => r.message.key === 'conversation.office.resident_note' && r.recipient === 'office'), 'the office still gets it');

    const w = await openOrg('sample-nanshan-community-mediation', 'mediation');
    await cases.approveReferral(w.ref, office);
    await cases.handlerAccept(w.ref, member('organization', 'sample-nanshan-community-mediation'));
    const resident = (await db.pool.query('SELECT external_id FROM residents WHERE id = $1', [residentId])).rows[0].external_id as string;
    await cases.withdrawConsent(w.ref, resident).catch(() => undefined);
    await addNote(w.ref, '撤回后补充');
    assert.deepEqual(await toHandler(w.ref), [], 'consent withdrawn');
  });

  it('the handler\'s card carries the whole redacted text; a long one is split within Telegram\'s limit', async () => {
    const sentence = '楼上邻居每天晚上十一点以后装修，电钻声持续到凌晨，老人孩子都无法休息。';
    const long = sentence.repeat(Math.ceil(5000 / sentence.length));
    const c = await openPetition('housing', long);
    await cases.approveReferral(c.ref, office);
    const card = text(await last(c.ref, 'cases.handler.referral_card'));
    assert.ok(card.includes(long), 'the whole summary is on the card');
    const parts = splitText(card);
    assert.ok(parts.length > 1);
    for (const p of parts) assert.ok(p.length <= TELEGRAM_TEXT_LIMIT);
    assert.equal(parts.join('').replace(/\s/g, ''), card.replace(/\s/g, ''), 'nothing lost in the split');
    // The office's card keeps it short, and says it was cut and where the whole text is.
    const review = text(await last(c.ref, 'cases.staff.review_card'));
    assert.ok(review.length < 1500);
    assert.match(review, /全文/);
  });
});
