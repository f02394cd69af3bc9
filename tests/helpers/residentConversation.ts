/**
 * The resident conversation on real parts (PGlite, CaseService, offline triage, the retriever over the
 * bundled notes), and the small verbs its tests speak: a resident, what they say and press, their cases and
 * the outbox. Registers its own beforeAll / afterAll in the calling describe block.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { loadConfig } from '../../app/config.js';
import { resourcePath } from '../../kernel/paths.js';
import { createLogger } from '../../kernel/logger.js';
import { buildTriageDeps } from '../../app/triageDeps.js';
import { t } from '../../i18n/index.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { CONFIRM_ACTION, ResidentConversation, type Reply, type ResidentRef } from '../../conversation/index.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import { createEmbedder } from '../../knowledge/embedder.js';
import { ingestBundledNotes } from '../../knowledge/ingest.js';
import { createRetriever } from '../../knowledge/retriever.js';
import type { Language } from '../../kernel/language.js';
import { testDatabase } from './db.js';

export const OFFICE_CHAT = -900;
function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}

export const PETITION = {
  'zh-Hans': '小区物业不修电梯已经三个月了，老人上下楼很困难',
  'zh-Hant': '小區物業不修電梯已經三個月了，老人上下樓很困難',
  en: "The elevator in our building has been broken for three months and the property company won't fix it",
} as const;

export function useResidentConversation() {
  const h = {
    db: undefined as unknown as Database,
    clock: undefined as unknown as FixedClock,
    cases: undefined as unknown as CaseService,
    directory: undefined as unknown as Directory,
    conv: undefined as unknown as ResidentConversation,
    nextUser: 100,
    update: 1,
    who(language: Language = 'zh-Hans'): ResidentRef {
      const id = h.nextUser++;
      return { channel: 'telegram', externalId: String(id), chatId: id, language };
    },
    say: (r: ResidentRef, text: string) => h.conv.onText(r, text, { updateId: h.update++ }),
    press: (r: ResidentRef, action: string, arg: string | null) => h.conv.onAction(r, action, arg, { updateId: h.update++ }),
    keys: (rs: Reply[]) => rs.map((x) => x.key),
    /** The consent offer among the replies (the one with the yes button), asserted to be there with its token. */
    offerIn: (rs: Reply[]): Reply & { token: string } => {
      const offer = rs.find((x) => x.actions?.includes('consent_yes'));
      assert.ok(offer?.token, `a consent offer: ${rs.map((x) => x.key).join(',')}`);
      return offer as Reply & { token: string };
    },
    render: (r: ResidentRef, rs: Reply[]) => rs.map((x) => t(r.language, x.key, x.params ?? {})).join('\n'),
    casesOf: async (r: ResidentRef) =>
      (await h.db.pool.query(`SELECT c.* FROM cases c JOIN residents r ON r.id = c.resident_id WHERE r.external_id = $1 ORDER BY c.id`, [r.externalId])).rows,
    outboxTo: async (chatId: number) =>
      (await h.db.pool.query('SELECT * FROM outbox WHERE chat_id = $1 ORDER BY id', [chatId])).rows.map((row) => ({
        ...row,
        message: typeof row.message === 'string' ? JSON.parse(row.message) : row.message,
      })),
    counts: async () =>
      (await h.db.pool.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events,
        (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM consents)::int AS consents`)).rows[0],
    /** The case approved by the office, accepted by a member of its department and resolved: its survey waits. */
    async resolveCase(ref: string, outcome = '已处理'): Promise<void> {
      const code = (await h.cases.getCase(ref)).target!;
      const dept = h.directory.department(code)!;
      const handler = { kind: 'handler' as const, id: String(dept.memberIds[0]), handler: { kind: 'department' as const, id: code } };
      await h.cases.approveReferral(ref, { kind: 'office', id: '901' });
      await h.cases.handlerAccept(ref, handler);
      await h.cases.resolve(ref, handler, outcome);
    },
    /** Opens a petition through the conversation and returns its reference. */
    async petitionCase(r: ResidentRef, text: string = PETITION[r.language]): Promise<string> {
      const rs = await h.say(r, text);
      assert.deepEqual(h.keys(rs), ['conversation.petition.confirm']);
      assert.deepEqual(await h.press(r, CONFIRM_ACTION, rs[0]!.token!), []);
      const c = (await h.casesOf(r)).at(-1);
      assert.ok(c, 'a case was opened');
      return c.ref as string;
    },
  };

  beforeAll(async () => {
    h.db = await testDatabase();
    h.clock = new FixedClock('2026-03-02T02:00:00Z');
    h.directory = testDirectory();
    const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
    const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
    h.cases = new CaseService({ pool: h.db.pool, clock: h.clock, calendar, directory: h.directory, settings });
    const cfg = loadConfig({});
    const logger = createLogger('silent');
    const embedder = createEmbedder(cfg);
    await ingestBundledNotes(h.db.pool, embedder);
    const retriever = createRetriever({ pool: h.db.pool, embedder });
    const triage = buildTriageDeps(cfg, { directory: h.directory, logger, retriever, offlineOnly: true });
    h.conv = new ResidentConversation({ cases: h.cases, triage, retriever, pool: h.db.pool, clock: h.clock, directory: h.directory, logger, officeChatId: OFFICE_CHAT });
  });
  afterAll(async () => h.db?.close());
  return h;
}
