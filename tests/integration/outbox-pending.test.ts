import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { createLogger } from '../../kernel/logger.js';
import { resourcePath } from '../../kernel/paths.js';
import { checkWaitingMessages } from '../../app/startupCheck.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { waitingGroups } from '../../cases/waitingOutbox.js';
import { saveDirectoryOverride, applyDirectoryOverrides } from '../../console/directoryOverrides.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { requeueDueOutbox } from '../../workers/sweeper.js';
import { testDatabase } from '../helpers/db.js';
import { HOUSING_PETITION } from '../helpers/fixtures.js';

/*
 * Nothing lost for unconfigured chats (issue 12, point 5): a message for a handler without
 * telegramChatId, or for the office without OFFICE_CHAT_ID, waits in the outbox with its recipient and
 * reason, is never offered to the sender while it has no chat, is listed by the start-up check and the
 * console, and gets its chat when one is configured (console edit, or start-up).
 */
const OFFICE_CHAT = -920;
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
const clockSettings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7 };

/** The bundled directory; housing has no chat (as a deployment that has not set it up yet). */
function directoryWithoutHousingChat(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: d.code === 'housing' ? null : -1200 - i, memberIds: [5200 + i] }));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2200 - i, memberIds: [6200 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}
const decision: Decision = { ...HOUSING_PETITION };

/** A logger that keeps what it was told (warnings of the start-up check). */
function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('warn', { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}

describe('messages for chats not configured yet wait in the outbox', () => {
  let db: Database;
  const clock = new FixedClock('2026-03-02T02:00:00Z');
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const rowsTo = async (recipient: string) =>
    (await db.pool.query(`SELECT id, chat_id, status, waiting_reason, message->>'key' AS key FROM outbox WHERE recipient = $1 ORDER BY id`, [recipient])).rows;
  const offered = async () => {
    const ids: number[] = [];
    await requeueDueOutbox(db.pool, clock.now(), async (x) => void ids.push(...x));
    return ids;
  };

  it('a referral to a handler without a chat waits, is not offered to the sender, and goes out once the console sets the chat', async () => {
    const directory = directoryWithoutHousingChat();
    const cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings: { ...clockSettings, officeChatId: OFFICE_CHAT } });
    const resident = await cases.upsertResident({ channel: 'telegram', externalId: '8101', chatId: 8101, language: 'zh-Hans' });
    const c = await cases.openCase({ residentId: resident.id, decision, originalText: '小区物业不修电梯', language: 'zh-Hans' });
    await cases.approveReferral(c.ref, { kind: 'office', id: '1' });

    const waiting = await rowsTo('handler:department:housing');
    assert.equal(waiting.length, 1, 'the referral card is kept, not dropped');
    assert.deepEqual([waiting[0].chat_id, waiting[0].status, waiting[0].waiting_reason, waiting[0].key], [null, 'pending', 'no_handler_chat', 'cases.handler.referral_card']);
    assert.ok(!(await offered()).includes(Number(waiting[0].id)), 'never offered to the sender without a chat');
    assert.deepEqual(
      (await waitingGroups(db.pool)).map((g) => [g.recipient, g.reason, g.count]),
      [['handler:department:housing', 'no_handler_chat', 1]],
    );

    // A supervisor sets the chat in the console: the card gets it at once and is offered.
    const saved = await saveDirectoryOverride(db.pool, directory, 'department', 'housing', { capacity: 20, memberIds: [5200], contact: null, telegramChatId: -1299 }, 'sup', clock.now());
    assert.deepEqual(saved?.released, [Number(waiting[0].id)]);
    assert.equal(Number((await rowsTo('handler:department:housing'))[0].chat_id), -1299);
    assert.ok((await offered()).includes(Number(waiting[0].id)));
    assert.equal(directory.handlerForChat(-1299)?.kind, 'department', 'the handler group is recognised in this process at once');
    assert.deepEqual(await waitingGroups(db.pool), []);

    // Another process (a restart) reads the chat from the override.
    const fresh = directoryWithoutHousingChat();
    await applyDirectoryOverrides(db.pool, fresh);
    assert.equal(fresh.department('housing')!.telegramChatId, -1299);
  });

  it('a chat id already used by another handler is refused and changes nothing', async () => {
    const directory = directoryWithoutHousingChat();
    const taken = directory.departments.find((d) => d.code !== 'housing')!.telegramChatId!;
    await assert.rejects(
      saveDirectoryOverride(db.pool, directory, 'department', 'housing', { capacity: 20, memberIds: [], contact: null, telegramChatId: taken }, 'sup', clock.now()),
      /already the chat of/,
    );
    assert.equal(directory.department('housing')!.telegramChatId, null);
  });

  it('without OFFICE_CHAT_ID an emergency alert waits; the start-up check lists it, and releases it once the variable is set', async () => {
    const directory = directoryWithoutHousingChat();
    const cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings: { ...clockSettings, officeChatId: null } });
    const alert = { level: 'immediate' as const, channel: 'telegram' as const, chat: 8102, requestId: 'u-8102', params: { kinds: 'fire', channel: 'telegram', chat: 8102, cues: '-', excerpt: '着火了' } };
    assert.equal(await cases.alertOffice(alert), true, 'written, not dropped');
    const alerts = async () => (await rowsTo('office')).filter((r) => r.key === 'conversation.office.emergency_alert');
    const rows = await alerts();
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0].chat_id, rows[0].waiting_reason, rows[0].key], [null, 'no_office_chat', 'conversation.office.emergency_alert']);
    assert.ok(!(await offered()).includes(Number(rows[0].id)));

    // Started again, still without the variable: a warning that says what to set.
    const first = recordingLogger();
    const still = await checkWaitingMessages(db.pool, directory, null, first.logger);
    assert.deepEqual(still.released, []);
    const warning = first.lines.find((l) => l.recipient === 'office');
    assert.ok(warning, 'the start-up check names the office');
    assert.equal(warning!.count, 1);
    assert.match(String(warning!.msg), /OFFICE_CHAT_ID/);

    // Started with OFFICE_CHAT_ID: the alert gets the chat and is offered to the sender.
    const second = recordingLogger();
    const after = await checkWaitingMessages(db.pool, directory, OFFICE_CHAT, second.logger);
    assert.deepEqual(after.released, [Number(rows[0].id)]);
    assert.equal(Number((await alerts())[0].chat_id), OFFICE_CHAT);
    assert.ok((await offered()).includes(Number(rows[0].id)));
    assert.equal(second.lines.filter((l) => l.recipient === 'office').length, 0, 'nothing left to warn about');
  });
});
