import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { recordPromptMessage } from '../../cases/staffPromptBindings.js';
import { StaffConversation } from '../../conversation/staff.js';
import type { Database } from '../../db/pool.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { testDirectory } from '../helpers/console.js';
import { testDatabase } from '../helpers/db.js';
import { HOUSING_PETITION } from '../helpers/fixtures.js';

/*
 * A staff prompt the outbox delivers late (Telegram did not take it at first): the worker records its
 * message the way it does after a delivery (cases/staffPromptBindings.ts). The prompt's clocks start
 * when it reaches the chat, and a late delivery never binds to a newer prompt of the same user.
 */
const OFFICE_CHAT = -920;
const directory = testDirectory();
const housing = directory.department('housing')!;
const CHAT = housing.telegramChatId!;
const MEMBER = housing.memberIds[0]!;
const decision: Decision = { ...HOUSING_PETITION };

describe('a staff prompt delivered late by the outbox', () => {
  let db: Database;
  let clock: FixedClock;
  let cases: CaseService;
  let staff: StaffConversation;
  let residentId: number;
  let n = 0;

  const acceptedCase = async () => {
    const c = await cases.openCase({ residentId, decision, originalText: '小区物业不修电梯已经三个月了', language: 'zh-Hans' });
    await cases.approveReferral(c.ref, { kind: 'office', id: '921' });
    await staff.onCallback({ chatId: CHAT, userId: MEMBER, callbackId: `cb-${++n}`, action: 'accept', ref: c.ref });
    return c.ref;
  };
  const pressResolve = (ref: string) => staff.onCallback({ chatId: CHAT, userId: MEMBER, callbackId: `cb-${++n}`, action: 'resolve', ref });
  const reply = (text: string, replyToMessageId: number) => staff.onText({ chatId: CHAT, userId: MEMBER, updateId: ++n, text, replyToMessageId });
  const status = async (ref: string) => (await cases.getCase(ref)).status;

  beforeAll(async () => {
    db = await testDatabase();
    clock = new FixedClock('2026-03-02T02:00:00Z');
    const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
    const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
    cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
    staff = new StaffConversation({ cases, directory, pool: db.pool, clock, officeChatId: OFFICE_CHAT, officeMemberIds: [921] });
    residentId = (await cases.upsertResident({ channel: 'telegram', externalId: '7781', chatId: 7781, language: 'zh-Hans' })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('delivered 40 minutes after it was opened, a reply to it still answers it', async () => {
    const ref = await acceptedCase();
    await pressResolve(ref);
    const binding = await staff.promptBinding(CHAT, MEMBER);
    assert.ok(binding?.openedAt, 'the open prompt is named');
    clock.advance(40 * 60_000);
    assert.equal(await recordPromptMessage(db.pool, binding!, 501, clock.now()), true, 'recorded after the delivery');
    const r = await reply('电梯已修复并通过检验。', 501);
    assert.equal(r?.messages[0]?.key, 'staff.done.resolved');
    assert.equal(await status(ref), 'resolved');
  });

  it("a late delivery of a prompt the user replaced does not bind to the newer prompt", async () => {
    const first = await acceptedCase();
    await pressResolve(first);
    const old = await staff.promptBinding(CHAT, MEMBER);
    clock.advance(60_000);
    const second = await acceptedCase();
    await pressResolve(second);
    await staff.promptSent(CHAT, MEMBER, 602);
    assert.equal(await recordPromptMessage(db.pool, old!, 601, clock.now()), false, 'the old prompt is gone');
    assert.equal(await reply('已修复。', 601), null, 'a reply to the old prompt answers nothing');
    assert.equal(await status(second), 'accepted');
    const r = await reply('第二件已修复。', 602);
    assert.equal(r?.messages[0]?.key, 'staff.done.resolved');
    assert.equal(await status(second), 'resolved');
    assert.equal(await status(first), 'accepted');
  });
});
