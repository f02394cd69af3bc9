import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { eventLabel, hasMessage, LANGUAGES, t, textOf } from '../../i18n/index.js';
import { FixedClock } from '../../kernel/clock.js';
import { PROJECT_ROOT, resourcePath } from '../../kernel/paths.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { unsureLabel } from '../../cases/cardLabels.js';
import { CaseService } from '../../cases/caseService.js';
import { ORIGINAL_VIEWED } from '../../cases/commands/audit.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { fakeCaseStore, type FakeCaseStore } from '../helpers/fakeCaseStore.js';

/*
 * What staff read on the office card, in /case and on the console: labels and sentences in the reader's
 * language, never the codes the cases area and the engine write (`consent_given`, `target_unsure:margin 0.06
 * housing>transport`), and a long resident note that says it was cut and where the whole is.
 */

const OFFICE_CHAT = -900;
function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: object, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  raw.organizations.forEach((o: object, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}
const directory = testDirectory();
const housing = directory.department('housing')!;
const transport = directory.department('transport')!;

/** Every event type the cases area writes: the `eventType`s and `type`s in its source, and those named elsewhere. */
function eventTypesWritten(): Set<string> {
  const types = new Set<string>([ORIGINAL_VIEWED, 'personal_data_erased']);
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\b(?:eventType|type): '([a-z_]+)'/g)) types.add(m[1]!);
        for (const m of src.matchAll(/ResidentNoteType = ([^;]+);/g)) for (const x of m[1]!.matchAll(/'([a-z_]+)'/g)) types.add(x[1]!);
      }
    }
  };
  walk(path.join(PROJECT_ROOT, 'cases'));
  // Actions written under their own name (run.ts: effects.eventType ?? action).
  for (const a of ['approve', 'reassign', 'not_accept', 'mark_urgent', 'handler_accept', 'handler_decline', 'report_progress', 'resolve', 'withdraw', 'request_review']) types.add(a);
  // Column types of SQL schemas the scan also finds are not events.
  for (const sql of ['text', 'bigint', 'integer', 'jsonb', 'smallint', 'timestamptz']) types.delete(sql);
  return types;
}

describe('case event labels', () => {
  it('every event type the cases area writes has a label in each language, so /case and the console never show a code', () => {
    const types = eventTypesWritten();
    expect(types.has('consent_given') && types.has('opened') && types.has('survey_timeout')).toBe(true);
    const missing = [...types].filter((x) => !hasMessage(`console.event.${x}`));
    expect(missing).toEqual([]);
    expect(eventLabel('zh-Hans', 'consent_given')).toBe('群众同意并转办');
    expect(eventLabel('zh-Hant', 'opened')).toBe('開案');
    expect(eventLabel('en', 'resident_correction')).toBe('resident asked for a correction');
  });

  it('an event type this release does not know reads as words, not a code and not an error', () => {
    expect(eventLabel('zh-Hans', 'case_merged_into:other')).toBe('其他记录（case merged into other）');
    expect(eventLabel('zh-Hant', 'future_thing')).toBe('其他記錄（future thing）');
    expect(eventLabel('en', 'future_thing')).toBe('other entry (future thing)');
  });
});

describe('why the office reviews a case (存疑原因)', () => {
  const say = (reason: string, lang: (typeof LANGUAGES)[number] = 'zh-Hans') => textOf(lang, unsureLabel(directory, reason));

  it('a close call between two departments names both, with the lead', () => {
    expect(say('target_unsure:margin 0.06 housing>transport')).toBe(`两个部门难以区分：${housing.names['zh-Hans']}仅以 0.06 领先${transport.names['zh-Hans']}`);
    expect(say('target_unsure:margin 0.06 housing>transport', 'zh-Hant')).toBe(`兩個部門難以區分：${housing.names['zh-Hant']}僅以 0.06 領先${transport.names['zh-Hant']}`);
    expect(say('target_unsure:margin 0.06 housing>transport', 'en')).toBe(`two departments are hard to tell apart: ${housing.names.en} leads ${transport.names.en} by only 0.06`);
    // Services by their label; the language model's own form without a margin.
    expect(say('target_unsure:margin 0.17 family>youth')).toBe('两个去向难以区分：家庭关系仅以 0.17 领先青少年服务');
    expect(say('target_unsure:llm family>youth', 'en')).toBe('two possible handlers are hard to tell apart: Family, or perhaps Youth');
  });

  it('each reason the conversation and the pipeline give is a sentence, in every language, without its code', () => {
    const reasons = ['low_confidence', 'no_target', 'engine_emergency', 'engine_emergency_without_crisis', 'target_not_allowed:housing', 'resident_asked_case', 'resident_chose_service:youth', 'resident_asked_other_org', 'unclear_twice', 'resident_refused_service', 'after_emergency', 'target_unsure'];
    for (const reason of reasons) {
      for (const lang of LANGUAGES) {
        const text = say(reason, lang);
        expect(text, `${reason} (${lang})`).not.toMatch(/[a-z]+_[a-z]+|housing|youth/);
        expect(text.length).toBeGreaterThan(3);
      }
    }
    expect(say('resident_asked_case')).toBe('群众咨询后要求登记为案件');
    expect(say('resident_chose_service:youth')).toBe('群众自己选择了青少年服务');
    expect(say('target_not_allowed:housing')).toBe(`系统给出的去向（${housing.names['zh-Hans']}）不适用于此类事项`);
  });

  it('a reason of a shape it does not know keeps its words in a sentence, and a malformed close call says only that the handler is unclear', () => {
    expect(say('target_unsure:entropy 0.9')).toBe('去向难以确定');
    expect(say('target_unsure_brand_new:foo>bar')).toBe('其他原因（target unsure brand new foo bar）');
    expect(say('resident_chose_service')).toBe('其他原因（resident chose service）');
  });
});

describe('the office card and the office copy of a note', () => {
  let store: FakeCaseStore;
  let svc: CaseService;
  let residentId: number;
  const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
  const decision = (reasons: string[]): Decision => ({
    category: 'petition', target: 'housing', confidence: 0.55, needsReview: true, reasons, citations: [],
    redactedText: '小区物业不修电梯，电话[PHONE]', language: 'zh-Hans', engine: 'offline',
  });
  const officeTexts = (ref: string, lang: (typeof LANGUAGES)[number] = 'zh-Hans') => {
    const c = store.data.cases.find((x) => x.ref === ref)!;
    return store.data.outbox.filter((o) => o.caseId === c.id && o.chatId === OFFICE_CHAT).map((o) => t(lang, o.message.key, o.message.params ?? {}));
  };

  beforeEach(async () => {
    store = fakeCaseStore();
    svc = new CaseService({ store, clock: new FixedClock('2026-03-02T02:00:00Z'), calendar: loadHolidayCalendar(resourcePath('holidays.yaml')), directory, settings });
    residentId = (await svc.upsertResident({ channel: 'telegram', externalId: '777', chatId: 777, language: 'zh-Hans' })).id;
  });

  it('the review card says why it is unsure in words naming the departments, not the engine code', async () => {
    const c = await svc.openCase({ residentId, decision: decision(['classifier:petition 0.55', 'target_unsure:margin 0.06 housing>transport']), originalText: 'x', language: 'zh-Hans' });
    const [card] = officeTexts(c.ref);
    expect(card).toContain(`存疑原因：两个部门难以区分：${housing.names['zh-Hans']}仅以 0.06 领先${transport.names['zh-Hans']}`);
    expect(card).not.toMatch(/target_unsure|housing>transport/);
    expect(officeTexts(c.ref, 'en')[0]).toContain(`Unsure because: two departments are hard to tell apart: ${housing.names.en}`);
    const plain = await svc.openCase({ residentId, decision: decision([]), originalText: 'x', language: 'zh-Hans' });
    expect(officeTexts(plain.ref)[0]).toContain('存疑原因：—');
  });

  it('a note longer than the office copy holds says how much was left out and where the whole text is', async () => {
    const c = await svc.openCase({ residentId, decision: decision([]), originalText: 'x', language: 'zh-Hans' });
    const long = '楼'.repeat(1000) + '尾'.repeat(234);
    expect(await svc.addResidentNote({ residentId, ref: c.ref, type: 'resident_note', note: long })).toBe(true);
    const copy = officeTexts(c.ref).find((x) => x.startsWith('📎'))!;
    expect(copy).toContain(`${'楼'.repeat(1000)}……（以下省略 234 字，全文见网页工作台案件 ${c.ref} 的时间线）`);
    expect(copy).not.toContain('尾');
    expect(officeTexts(c.ref, 'en').find((x) => x.startsWith('📎'))).toContain(`(234 more characters; the whole text is in the timeline of case ${c.ref} in the web console)`);
    // The event keeps the whole note, which the console's timeline shows.
    expect(store.data.events.at(-1)!.data.note).toBe(long);
    // Exactly at the limit: whole, with no note about a cut.
    expect(await svc.addResidentNote({ residentId, ref: c.ref, type: 'satisfaction_comment', note: '好'.repeat(1000) })).toBe(true);
    expect(officeTexts(c.ref).at(-1)).not.toContain('省略');
  });
});
