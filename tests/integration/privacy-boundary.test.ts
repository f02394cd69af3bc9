import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { traditionalToSimplified } from '../../kernel/language.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import type { Database } from '../../db/pool.js';
import { answer } from '../../conversation/answer.js';
import { createLlmEngine } from '../../triage/llmEngine.js';
import { triage } from '../../triage/pipeline.js';
import { buildCorpus, type EvalDoc } from '../../triage/redaction/corpus.js';
import type { DecisionEngine } from '../../triage/types.js';
import { e2eDirectory } from '../helpers/e2e.js';
import { Client, startHarness, type ConsoleHarness } from '../helpers/console.js';
import { testDatabase } from '../helpers/db.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAI.js';

/*
 * The privacy boundary: fake personal data of every kind the generator makes (names, addresses, phones,
 * IDs, passports, cards, e-mails, plates, QQ / WeChat), in 简体, 繁體 and English, inserted into a
 * resident's message. Nothing of it may reach the model (triage and the cited answer) or any message for a
 * department or an organization; the office's review card and the case's original text are the office's.
 */
const LETTER = { id: 'p', text: '小区电梯坏了三个月，物业一直不修。老人上下楼很困难。请相关部门督促解决。' };
const DOCS: EvalDoc[] = buildCorpus([LETTER, { ...LETTER, id: 'q' }, { ...LETTER, id: 'r' }, { ...LETTER, id: 's' }], 424242);

/** Every form a value could take on the way: as written, 简体, lower case, digits only. */
function forms(doc: EvalDoc): string[] {
  const out = new Set<string>();
  for (const g of doc.gold) {
    const v = doc.text.slice(g.start, g.end);
    // Addresses keep their road and estate names by design: only the numbers are personal data.
    const parts = g.kind === 'address' ? v.match(/[A-Za-z]?\d{2,}[A-Za-z]?/g) ?? [] : [v];
    for (const p of parts) {
      for (const f of [p, traditionalToSimplified(p), p.toLowerCase()]) out.add(f);
      const digits = p.replace(/\D/g, '');
      if (digits.length >= 5) out.add(digits);
    }
  }
  return [...out].filter((f) => f.length >= 2);
}

const leaks = (haystack: string, doc: EvalDoc) => forms(doc).filter((f) => haystack.includes(f));

const fallback: DecisionEngine = { name: 'offline', async decide() { return { category: 'petition', target: 'housing', confidence: 0.7, reasons: [] }; } };

describe('privacy boundary: inserted personal data never leaves the office', () => {
  let fake: FakeOpenAI;
  let db: Database;
  let svc: CaseService;
  const directory = e2eDirectory();
  const OFFICE_CHAT = -900;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    db = await testDatabase();
    const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
    svc = new CaseService({ pool: db.pool, clock: new FixedClock('2026-03-02T02:00:00Z'), calendar: loadHolidayCalendar(resourcePath('holidays.yaml')), directory, settings });
  });
  afterAll(async () => {
    await fake?.close();
    await db?.close();
  });

  it('covers every kind in all three languages', () => {
    assert.deepEqual([...new Set(DOCS.map((d) => d.language))].sort(), ['en', 'zh-Hans', 'zh-Hant']);
    const kinds = new Set(DOCS.flatMap((d) => d.gold.map((g) => g.kind)));
    assert.deepEqual([...kinds].sort(), ['account', 'address', 'bank_card', 'email', 'id_number', 'name', 'passport', 'phone', 'plate']);
  });

  it('sends the model (triage and answer) no inserted personal data', async () => {
    fake.script(() => ({ toolCall: { category: 'petition', target: 'housing', confidence: 0.9, reasons: ['lift'] } }));
    const llm = createLlmEngine({ apiKey: 'test', baseURL: fake.baseURL, model: 'fake', timeoutMs: 5000 });
    for (const doc of DOCS) {
      fake.requests.length = 0;
      const d = await triage(doc.text, { engine: llm, fallback });
      assert.equal(d.engine, 'llm', doc.id);
      assert.deepEqual(leaks(JSON.stringify(fake.requests), doc), [], `${doc.id}: the triage request carried personal data`);
      assert.deepEqual(leaks(d.redactedText, doc), [], `${doc.id}: the redacted text still holds personal data`);
    }
    fake.script(() => ({ content: '请联系物业[1]。' }));
    const passages = [{ chunkId: 1, source: 'notes', title: '物业管理条例', article: '第一条', text: '物业服务企业应当及时维修电梯。', score: 0.9 }];
    for (const doc of DOCS) {
      fake.requests.length = 0;
      await answer(doc.text, passages, { language: doc.language, llm: { apiKey: 'test', baseURL: fake.baseURL, model: 'fake', timeoutMs: 5000 } });
      assert.deepEqual(leaks(JSON.stringify(fake.requests), doc), [], `${doc.id}: the answer request carried personal data`);
    }
  });

  it('puts none of it in a message for a department or an organization', async () => {
    const office = { kind: 'office' as const, id: 'staff-1' };
    let n = 0;
    for (const doc of DOCS) {
      const resident = await svc.upsertResident({ channel: 'telegram', externalId: String(5000 + n), chatId: 5000 + n, language: doc.language });
      n++;
      const d = await triage(doc.text, { engine: fallback });
      const org = n % 2 === 0;
      const decision = org ? { ...d, category: 'out_of_scope' as const, target: 'mediation' as const } : d;
      const c = await svc.openCase({ residentId: resident.id, decision, originalText: doc.text, language: doc.language, ...(org ? { consent: {} } : {}) });
      await svc.approveReferral(c.ref, office);
      const rows = (await db.pool.query('SELECT chat_id, message FROM outbox WHERE case_id = $1', [c.id])).rows as Array<{ chat_id: string; message: unknown }>;
      const handlerRows = rows.filter((r) => Number(r.chat_id) !== OFFICE_CHAT && Number(r.chat_id) !== resident.chatId);
      assert.ok(handlerRows.length >= 1, `${doc.id}: the handler got a message`);
      for (const r of handlerRows) assert.deepEqual(leaks(JSON.stringify(r.message), doc), [], `${doc.id}: a handler message carried personal data`);
      // The office keeps the original (it is shown to the office only).
      assert.equal((await svc.getCase(c.ref)).originalText, doc.text.trim());
    }
  });
});

describe('privacy boundary: the original text is the office’s, and every view of it is logged', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const views = async (ref: string) =>
    (await h.db.pool.query(`SELECT e.actor_id FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.ref = $1 AND e.type = 'original_viewed' ORDER BY e.id`, [ref])).rows.map((r) => r.actor_id as string);

  it('logs each office view (who, when) on the timeline, and shows a handler neither the original nor a view', async () => {
    const ORIGINAL = '我叫张三，电话13812345678，小区电梯坏了三个月';
    const { ref, version } = await h.openPetition('housing', ORIGINAL);
    await h.cases.approveReferral(ref, { kind: 'office', id: '901' }, { expectedVersion: version });

    const handler = new Client(h.url);
    await handler.signIn('housing');
    const seen = await handler.get(`/cases/${ref}`);
    assert.equal(seen.status, 200);
    assert.doesNotMatch(seen.text, /13812345678|张三/);
    assert.equal(JSON.parse((await handler.get(`/api/cases/${ref}`)).text).originalText, undefined);
    assert.deepEqual(await views(ref), [], 'a handler is never shown the original, so nothing is logged');

    const office = new Client(h.url);
    await office.signIn('rev');
    const page = await office.get(`/cases/${ref}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /13812345678/, 'the office sees the original');
    assert.match(page.text, /查看原文|original text viewed/, 'the view is on the timeline');
    assert.match(page.text, /<small>rev<\/small>/, 'with who viewed it');
    const api = JSON.parse((await office.get(`/api/cases/${ref}`)).text);
    assert.equal(api.originalText, ORIGINAL);
    assert.deepEqual(await views(ref), ['rev', 'rev']);
    assert.ok(api.events.some((e: { type: string; at: string }) => e.type === 'original_viewed' && e.at));
    // Logging a view does not change the case (no conflict for the viewer's next action).
    assert.equal((await h.cases.getCase(ref)).version, version + 1);
  });
});
