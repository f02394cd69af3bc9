import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { checkMembership } from '../../app/startupCheck.js';
import { createDirectorySync } from '../../app/directorySync.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { StaffConversation } from '../../conversation/staff.js';
import { loadDirectory, parseDirectory, type Directory } from '../../directory/directory.js';
import { t } from '../../i18n/index.js';
import { ForbiddenError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { resourcePath } from '../../kernel/paths.js';
import { Client, startHarness, testDirectory, type ConsoleHarness } from '../helpers/console.js';

/*
 * Issue 13, point 5: membership fails closed. An empty OFFICE_MEMBER_IDS or memberIds means nobody may
 * act in that chat; the start-up check and the console's directory page name every such chat; a
 * directory edit made in one process (the console) is seen by another (the bot) without a restart.
 */
const OFFICE_CHAT = -900; // the console harness's office chat
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };

/** The harness's directory (chats and members filled in) with housing's member list left empty. */
function directoryWithoutHousingMembers(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: d.code === 'housing' ? [] : [5000 + i] }));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}

describe('membership fails closed', () => {
  let h: ConsoleHarness;
  let cb = 0;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A second process on the same database: its own directory, case service and staff conversation. */
  async function botProcess(directory: Directory, officeMemberIds: number[], withSync: boolean) {
    const cases = new CaseService({ pool: h.db.pool, clock: h.clock, calendar, directory, settings });
    const sync = withSync ? await createDirectorySync(h.db.pool, directory) : undefined;
    const staff = new StaffConversation({
      cases,
      directory,
      pool: h.db.pool,
      clock: h.clock,
      officeChatId: OFFICE_CHAT,
      officeMemberIds,
      ...(sync ? { refreshDirectory: () => sync.refresh() } : {}),
    });
    const press = (chatId: number, userId: number, action: 'approve' | 'accept', ref: string) =>
      staff.onCallback({ chatId, userId, callbackId: `m-${++cb}`, action, ref });
    return { cases, staff, press, directory };
  }
  const referToHousing = async () => {
    const { ref } = await h.openPetition('housing');
    const c = await h.cases.approveReferral(ref, { kind: 'office', id: 'console:super' }, {});
    assert.equal(c.status, 'referred');
    return c;
  };

  it('OFFICE_MEMBER_IDS empty: nobody in the office chat may act or use staff commands; they are told so politely', async () => {
    const bot = await botProcess(testDirectory(), [], false);
    const { ref, version } = await h.openPetition('housing');
    for (const user of [1, 5000, 9001]) {
      const r = await bot.press(OFFICE_CHAT, user, 'approve', ref);
      assert.equal(r.answer?.key, 'security.no_members');
      assert.equal(r.answer?.alert, true);
    }
    const after = await h.cases.getCase(ref);
    assert.equal(after.status, 'office_review');
    assert.equal(after.version, version, 'nothing was written');
    const q = await bot.staff.onCommand({ chatId: OFFICE_CHAT, userId: 1, command: 'queue', args: '' });
    assert.equal(q?.messages[0]?.key, 'security.no_members');
    assert.match(t('zh-Hans', 'security.no_members'), /任何人都不能在此操作/);
    assert.match(t('en', 'security.no_members'), /nobody can act here/);
  });

  it('a handler with no memberIds: nobody in its group may act, and the case service refuses too', async () => {
    const directory = directoryWithoutHousingMembers();
    const bot = await botProcess(directory, [9001], false);
    const c = await referToHousing();
    const chat = directory.department('housing')!.telegramChatId!;
    const r = await bot.press(chat, 5000, 'accept', c.ref);
    assert.equal(r.answer?.key, 'security.no_members');
    await assert.rejects(
      bot.cases.handlerAccept(c.ref, { kind: 'handler', id: '5000', handler: { kind: 'department', id: 'housing' } }, {}),
      (err: unknown) => err instanceof ForbiddenError,
    );
    const after = await h.cases.getCase(c.ref);
    assert.equal(after.status, 'referred');
    assert.equal(after.version, c.version);
  });

  it('the start-up check names every chat nobody may act in (the bundled directory: all of them, and the office)', () => {
    const warnings: Array<{ obj: { chats: string[] }; msg: string }> = [];
    const logger = { warn: (obj: { chats: string[] }, msg: string) => warnings.push({ obj, msg }) } as unknown as Logger;
    const bundled = loadDirectory(resourcePath('directory.yaml'));
    const empty = checkMembership(bundled, { chatId: -100, memberIds: [] }, logger);
    assert.equal(empty.length, 1 + bundled.departments.length + bundled.organizations.length);
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0]!.obj.chats.includes('office (chat -100)'));
    assert.ok(warnings[0]!.obj.chats.includes('department:housing (no chat)'));
    assert.match(warnings[0]!.msg, /OFFICE_MEMBER_IDS/);
    // A deployment that listed everyone gets no warning.
    const none: typeof warnings = [];
    assert.deepEqual(checkMembership(testDirectory(), { chatId: -100, memberIds: [1] }, { warn: () => none.push({} as never) } as unknown as Logger), []);
    assert.equal(none.length, 0);
  });

  it('a member list emptied or changed in the console (one process) is enforced by a running bot (another) at once', async () => {
    const bot = await botProcess(testDirectory(), [9001], true);
    const housing = bot.directory.department('housing')!;
    const chat = housing.telegramChatId!;
    const sup = new Client(h.url);
    await sup.signIn('super');

    // The console empties housing's members: the bot's next press from the old member is refused.
    const c1 = await referToHousing();
    let res = await sup.post('/directory/department/housing', { _csrf: await sup.csrf(), capacity: '20', memberIds: '', contact: '' });
    assert.equal(res.status, 303);
    const refused = await bot.press(chat, 5000, 'accept', c1.ref);
    assert.equal(refused.answer?.key, 'security.no_members');
    assert.equal((await h.cases.getCase(c1.ref)).status, 'referred');

    // The console page says so.
    const page = (await sup.get('/directory')).text;
    assert.match(page, /id="dir-no-members"[\s\S]*row-department-housing/);
    assert.match(page, /id="row-department-housing"[\s\S]{0,400}no-members/);

    // The console names a new member: the bot lets that member act, and only them.
    res = await sup.post('/directory/department/housing', { _csrf: await sup.csrf(), capacity: '20', memberIds: '5123', contact: '' });
    assert.equal(res.status, 303);
    assert.equal((await bot.press(chat, 5000, 'accept', c1.ref)).answer?.key, 'staff.denied.not_member');
    const ok = await bot.press(chat, 5123, 'accept', c1.ref);
    assert.equal(ok.answer?.alert, false);
    assert.equal((await h.cases.getCase(c1.ref)).status, 'accepted');
  });
});
