import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { t } from '../../i18n/index.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { StaffConversation, type StaffResult } from '../../conversation/staff.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { testDatabase } from '../helpers/db.js';
import { HOUSING_PETITION } from '../helpers/fixtures.js';

/*
 * Staff prompts bind to their prompt (issue 12, point 6): after resolve / ask, only a reply to the
 * prompt message, or the same user's next message within a short window that is not a command,
 * answers it. Another user's message, a command, a reply to something else or a late message leave
 * it open and are ignored; /cancel (or 取消 as the answer) ends it.
 */
const OFFICE_CHAT = -910;
const OFFICE_MEMBER = 911;
const COLLEAGUE = 912;
const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1100 - i, memberIds: [5100 + i] }));
raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2100 - i, memberIds: [6100 + i] }));
const directory = parseDirectory(stringifyYaml(raw), 'test directory');
const housing = directory.department('housing')!;
const HOUSING_CHAT = housing.telegramChatId!;
const HOUSING_MEMBER = housing.memberIds[0]!;
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
const decision: Decision = { ...HOUSING_PETITION };

describe('staff prompts bind to their prompt message', () => {
  let db: Database;
  let clock: FixedClock;
  let cases: CaseService;
  let staff: StaffConversation;
  let residentId: number;
  let n = 0;
  let messageId = 7000;

  const press = (chatId: number, userId: number, action: 'resolve' | 'ask' | 'accept', ref: string) =>
    staff.onCallback({ chatId, userId, callbackId: `cb-${++n}`, action, ref });
  const say = (chatId: number, userId: number, text: string, replyToMessageId?: number) =>
    staff.onText({ chatId, userId, updateId: ++n, text, ...(replyToMessageId !== undefined ? { replyToMessageId } : {}) });
  /** Presses the button, and sends the prompt as the bot does: its message id reported back. */
  const openPrompt = async (chatId: number, userId: number, action: 'resolve' | 'ask', ref: string): Promise<{ result: StaffResult; id: number }> => {
    const result = await press(chatId, userId, action, ref);
    assert.deepEqual(result.prompt, { userId });
    const id = ++messageId;
    await staff.promptSent(chatId, userId, id);
    return { result, id };
  };
  const acceptedCase = async () => {
    const c = await cases.openCase({ residentId, decision, originalText: '小区物业不修电梯已经三个月了', language: 'zh-Hans' });
    await cases.approveReferral(c.ref, { kind: 'office', id: String(OFFICE_MEMBER) });
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'accept', c.ref);
    return c.ref;
  };
  const status = async (ref: string) => (await cases.getCase(ref)).status;

  beforeAll(async () => {
    db = await testDatabase();
    clock = new FixedClock('2026-03-02T02:00:00Z');
    cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
    staff = new StaffConversation({ cases, directory, pool: db.pool, clock, officeChatId: OFFICE_CHAT, officeMemberIds: [OFFICE_MEMBER, COLLEAGUE] });
    residentId = (await cases.upsertResident({ channel: 'telegram', externalId: '7771', chatId: 7771, language: 'zh-Hans' })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the prompt says how to answer and how to cancel', async () => {
    const ref = await acceptedCase();
    const { result } = await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref);
    const text = t('zh-Hans', result.messages[0]!.key, result.messages[0]!.params);
    assert.match(text, /回复本消息/);
    assert.match(text, /\/cancel/);
    assert.match(text, /2 分钟/);
    await staff.onCommand({ chatId: HOUSING_CHAT, userId: HOUSING_MEMBER, command: 'cancel', args: '' });
  });

  it('a reply to the prompt message answers it, even long after the prompt', async () => {
    const ref = await acceptedCase();
    const { id } = await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref);
    clock.advance(20 * 60_000);
    const r = await say(HOUSING_CHAT, HOUSING_MEMBER, '已协调物业于本周修复电梯。', id);
    assert.equal(r?.messages[0]?.key, 'staff.done.resolved');
    assert.equal(await status(ref), 'resolved');
  });

  it('the next message of the same user within the window answers it', async () => {
    const ref = await acceptedCase();
    await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref);
    clock.advance(60_000);
    const r = await say(HOUSING_CHAT, HOUSING_MEMBER, '已修复。');
    assert.equal(r?.messages[0]?.key, 'staff.done.resolved');
  });

  it("another user's message, even a reply to the prompt, is ignored and the prompt stays open", async () => {
    const c = await cases.openCase({ residentId, decision: { ...decision, needsReview: true, target: null }, originalText: '电梯坏了', language: 'zh-Hans' });
    const { id } = await openPrompt(OFFICE_CHAT, OFFICE_MEMBER, 'ask', c.ref);
    const before = (await cases.getCase(c.ref)).version;
    assert.equal(await say(OFFICE_CHAT, COLLEAGUE, '大家中午吃什么？'), null);
    assert.equal(await say(OFFICE_CHAT, COLLEAGUE, '我来问吧', id), null);
    assert.equal((await cases.getCase(c.ref)).version, before, 'nothing went to the resident');
    const r = await say(OFFICE_CHAT, OFFICE_MEMBER, '请问是哪一栋楼？', id);
    assert.equal(r?.messages[0]?.key, 'staff.done.asked');
  });

  it('a command is ignored and does not use up the next message', async () => {
    const ref = await acceptedCase();
    await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref);
    assert.equal(await say(HOUSING_CHAT, HOUSING_MEMBER, '/queue'), null);
    assert.equal(await status(ref), 'accepted');
    const r = await say(HOUSING_CHAT, HOUSING_MEMBER, '已修复。');
    assert.equal(r?.messages[0]?.key, 'staff.done.resolved');
  });

  it('a late message, or one after other chatter, is ignored; only a reply answers then', async () => {
    const ref = await acceptedCase();
    const { id } = await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref);
    clock.advance(3 * 60_000);
    assert.equal(await say(HOUSING_CHAT, HOUSING_MEMBER, '明天开会'), null, 'past the window');
    assert.equal(await status(ref), 'accepted');

    const ref2 = await acceptedCase();
    const p2 = await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref2);
    assert.equal(await say(HOUSING_CHAT, HOUSING_MEMBER, '收到', 1), null, 'a reply to another message');
    assert.equal(await say(HOUSING_CHAT, HOUSING_MEMBER, '已修复。'), null, 'the next message was used up');
    assert.equal(await status(ref2), 'accepted');
    assert.equal(await say(HOUSING_CHAT, HOUSING_MEMBER, '已修复。', id), null, 'a reply to an older, replaced prompt');
    const r = await say(HOUSING_CHAT, HOUSING_MEMBER, '已修复。', p2.id);
    assert.equal(r?.messages[0]?.key, 'staff.done.resolved');
    assert.equal(await status(ref2), 'resolved');
  });

  it('/cancel ends the prompt; 取消 as the answer too; /cancel with nothing open says so', async () => {
    const ref = await acceptedCase();
    const { id } = await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref);
    const cancelled = await staff.onCommand({ chatId: HOUSING_CHAT, userId: HOUSING_MEMBER, command: 'cancel', args: '' });
    assert.equal(cancelled?.messages[0]?.key, 'staff.cancelled');
    assert.equal(await say(HOUSING_CHAT, HOUSING_MEMBER, '已修复。', id), null, 'the prompt is gone');
    assert.equal(await status(ref), 'accepted');

    const again = await openPrompt(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', ref);
    const r = await say(HOUSING_CHAT, HOUSING_MEMBER, '取消', again.id);
    assert.equal(r?.messages[0]?.key, 'staff.cancelled');
    assert.equal(await status(ref), 'accepted');

    const none = await staff.onCommand({ chatId: HOUSING_CHAT, userId: HOUSING_MEMBER, command: 'cancel', args: '' });
    assert.equal(none?.messages[0]?.key, 'safety.staff.nothing_to_cancel');
    assert.equal(await staff.onCommand({ chatId: 4242, userId: 4242, command: 'cancel', args: '' }), null, 'not a staff chat: quiet');
  });
});
