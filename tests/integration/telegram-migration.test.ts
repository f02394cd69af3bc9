import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { checkOfficeMigration } from '../../app/startupCheck.js';
import { createDirectorySync } from '../../app/directorySync.js';
import { createLogger } from '../../kernel/logger.js';
import { t } from '../../i18n/index.js';
import { e2eDirectory, groupChat, OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * Groups upgraded to supergroups (issue 13, point 9), end to end with the Bot API emulator: Telegram's
 * service message in the group records the migration at once (not only a failed send), the office's
 * and a handler's buttons and commands work in the new supergroup before OFFICE_CHAT_ID or the
 * directory is changed by hand, every process sees it (directory sync), and the start-up check gives
 * the operator the new id. The office group is migrated here, so this file has its own bot.
 */
describe('group → supergroup migration', () => {
  const { e, press } = useE2E();

  const NEW_OFFICE = -1009_000_000_100;
  const NEW_HOUSING = -1009_000_000_200;
  const officer = { id: OFFICE_MEMBERS[0]!, is_bot: false, first_name: 'O' };
  const serviceMessage = (chat: { id: number; type: string }, content: Record<string, number>) =>
    e.emu.pushUpdate({ message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { ...chat, title: 'group' }, from: officer, ...content } });
  const statusOf = async (ref: string) => (await e.db.pool.query(`SELECT status FROM cases WHERE ref = $1`, [ref])).rows[0]?.status as string;
  const migratedTo = async (chatId: number) =>
    (await e.db.pool.query(`SELECT migrated_to FROM chat_delivery WHERE channel = 'telegram' AND chat_id = $1`, [chatId])).rows[0]?.migrated_to;

  it('the office group: recorded from the service message; cards, buttons and commands work in the supergroup; the start-up check names the new id', async () => {
    e.emu.migrate(OFFICE_CHAT, NEW_OFFICE);
    serviceMessage({ id: OFFICE_CHAT, type: 'group' }, { migrate_to_chat_id: NEW_OFFICE });
    serviceMessage({ id: NEW_OFFICE, type: 'supergroup' }, { migrate_from_chat_id: OFFICE_CHAT });
    await e.settle();
    assert.equal(Number(await migratedTo(OFFICE_CHAT)), NEW_OFFICE, 'recorded before any send failed');

    const resident = { id: 7501, language_code: 'zh-hans' };
    e.emu.sendText(resident, '我们小区电梯一个月坏了三次,上周还把一个老人关在里面半小时,物业就派人随便修修');
    await e.settle();
    await press(resident, 7501, 'confirm');
    const ref = (await e.db.pool.query(`SELECT c.ref FROM cases c JOIN residents r ON r.id = c.resident_id WHERE r.external_id = '7501'`)).rows[0]?.ref as string;
    assert.ok(ref && e.texts(NEW_OFFICE).some((x) => x.includes(ref)), 'the review card reached the supergroup');

    await press(officer, NEW_OFFICE, 'approve', { ref });
    assert.equal(await statusOf(ref), 'referred', 'an office button pressed in the supergroup acts');
    e.emu.sendText(officer, '/staffhelp', groupChat(NEW_OFFICE));
    await e.settle();
    assert.ok(e.texts(NEW_OFFICE).includes(t('zh-Hans', 'staff.command.help')), 'an office command in the supergroup is answered');

    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('warn', { write: (s: string) => void lines.push(JSON.parse(s)) });
    assert.equal(await checkOfficeMigration(e.db.pool, OFFICE_CHAT, logger), NEW_OFFICE);
    assert.match(String(lines[0]?.msg), new RegExp(`OFFICE_CHAT_ID=${NEW_OFFICE}`));
    assert.equal(await checkOfficeMigration(e.db.pool, NEW_OFFICE, logger), null, 'nothing to say once the variable names the supergroup');
  });

  it("a handler's group: recorded from the supergroup's service message, becomes the directory chat, and its buttons work there", async () => {
    const housing = e.directory.department('housing')!;
    const oldChat = housing.telegramChatId!;
    const ref = (await e.db.pool.query(`SELECT ref FROM cases WHERE status = 'referred' ORDER BY id DESC`)).rows[0]?.ref as string;
    assert.ok(e.texts(oldChat).some((x) => x.includes(ref)), 'the referral card is in the old group');

    e.emu.migrate(oldChat, NEW_HOUSING);
    serviceMessage({ id: NEW_HOUSING, type: 'supergroup' }, { migrate_from_chat_id: oldChat });
    await e.settle();
    assert.equal(Number(await migratedTo(oldChat)), NEW_HOUSING);
    const o = await e.db.pool.query(`SELECT telegram_chat_id FROM directory_overrides WHERE handler_kind = 'department' AND handler_id = 'housing'`);
    assert.equal(Number(o.rows[0]?.telegram_chat_id), NEW_HOUSING, 'the new id is stored as the directory chat, with no message pending');

    await press({ id: housing.memberIds[0]! }, NEW_HOUSING, 'accept', { ref, from: oldChat });
    assert.equal(await statusOf(ref), 'accepted', "the handler's button pressed in the supergroup acts");
    assert.ok(e.texts(NEW_HOUSING).includes(t('zh-Hans', 'staff.done.accepted', { ref })));
  });

  it('another process sees the migrations through the directory sync, and a new one at its next refresh', async () => {
    const directory = e2eDirectory();
    const sync = await createDirectorySync(e.db.pool, directory);
    assert.deepEqual(sync.chatOrigins(NEW_OFFICE), [OFFICE_CHAT]);
    assert.equal(directory.department('housing')!.telegramChatId, NEW_HOUSING, 'the handler chat override applies');

    const water = directory.departments.find((d) => d.code !== 'housing')!;
    const oldWater = water.telegramChatId!;
    const NEW_WATER = -1009_000_000_300;
    serviceMessage({ id: oldWater, type: 'group' }, { migrate_to_chat_id: NEW_WATER });
    await e.settle();
    assert.deepEqual(sync.chatOrigins(NEW_WATER), [], 'cached until the next refresh');
    await sync.refresh();
    assert.deepEqual(sync.chatOrigins(NEW_WATER), [oldWater]);
    assert.equal(directory.handlerForChat(NEW_WATER), water, 'and its directory chat follows');
    sync.stop();
  });
});
