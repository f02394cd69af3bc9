import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * Issue 13, point 4: every staff card carries the case version it was sent for. A button from a card
 * the case has moved past changes nothing, says the card is out of date and shows the current state
 * with fresh buttons.
 */
describe('stale Telegram cards (emulator, PGlite, Redis, workers)', () => {
  const { e, say, press: pressLatest, casesOf } = useE2E();

  const officer = { id: OFFICE_MEMBERS[0]! };
  const openHousingCase = async (residentId: number): Promise<string> => {
    await say({ id: residentId, language_code: 'zh-hans' }, '我们小区电梯一个月坏了三次,上周还把一个老人关在里面半小时,物业就派人随便修修');
    await pressLatest({ id: residentId }, residentId, 'confirm');
    return (await casesOf(residentId))[0]!;
  };
  const outboxFor = async (chatId: number, ref: string) =>
    (await e.db.pool.query(`SELECT message->>'key' AS key FROM outbox WHERE chat_id = $1 AND message->'params'->>'ref' = $2`, [chatId, ref])).rows.map((r) => r.key as string);

  it('a review card proposing housing, pressed after the console reassigned the case to water, refers nothing and shows the current state', async () => {
    const ref = await openHousingCase(4101);
    const before = await e.cases.getCase(ref);
    assert.equal(before.handlerId, 'housing');
    const card = e.button(OFFICE_CHAT, 'approve', { ref });
    assert.equal(card.version, before.version, 'the review card carries the case version');

    // A reviewer in the web console reassigns it (the console calls the same service with the version it showed).
    await e.cases.reassign(ref, { kind: 'office', id: 'console:reviewer' }, { expectedVersion: before.version, handlerKind: 'department', handlerId: 'water' });
    const reassigned = await e.cases.getCase(ref);

    const press = e.emu.pressButton(officer, OFFICE_CHAT, card.messageId, card.data);
    await e.settle();
    const after = await e.cases.getCase(ref);
    assert.equal(after.status, 'office_review', 'nothing was referred');
    assert.equal(after.handlerId, 'water');
    assert.equal(after.version, reassigned.version, 'the stale press wrote nothing');
    const water = e.directory.department('water')!;
    assert.deepEqual(await outboxFor(water.telegramChatId!, ref), [], 'no referral card went to water');
    const answer = e.emu.calls('answerCallbackQuery').find((c) => c.payload.callback_query_id === press.callback_query.id);
    assert.match(String(answer?.payload.text), /此卡片已过期，操作未执行/);
    // (The console's reassignment sent its own new card too; the state message answers the press.)
    const state = e.texts(OFFICE_CHAT).find((x) => x.startsWith(`${ref} 当前状态`)) ?? '';
    assert.match(state, new RegExp(`${ref} 当前状态`));
    assert.match(state, new RegExp(water.names['zh-Hans']));

    // The current state comes with buttons for the current version: those act.
    const fresh = e.button(OFFICE_CHAT, 'approve', { ref });
    assert.equal(fresh.version, after.version);
    e.emu.pressButton(officer, OFFICE_CHAT, fresh.messageId, fresh.data);
    await e.settle();
    const referred = await e.cases.getCase(ref);
    assert.equal(referred.status, 'referred');
    assert.equal(referred.handlerId, 'water');
  });

  it('a referral card pressed after the case changed again is refused as out of date; the refreshed card works', async () => {
    const ref = await openHousingCase(4102);
    const approve = e.button(OFFICE_CHAT, 'approve', { ref });
    e.emu.pressButton(officer, OFFICE_CHAT, approve.messageId, approve.data);
    await e.settle();
    const housing = e.directory.department('housing')!;
    const chat = housing.telegramChatId!;
    const referred = await e.cases.getCase(ref);
    const card = e.button(chat, 'accept', { ref });
    assert.equal(card.version, referred.version, 'the referral card carries the case version');

    // The office marks it urgent meanwhile: the case moved on, the department's card did not.
    await e.cases.markUrgent(ref, { kind: 'office', id: String(officer.id) }, { expectedVersion: referred.version });
    const urgent = await e.cases.getCase(ref);
    const press = e.emu.pressButton({ id: housing.memberIds[0]! }, chat, card.messageId, card.data);
    await e.settle();
    assert.equal((await e.cases.getCase(ref)).version, urgent.version, 'nothing was written');
    assert.equal((await e.cases.getCase(ref)).status, 'referred');
    const answer = e.emu.calls('answerCallbackQuery').find((c) => c.payload.callback_query_id === press.callback_query.id);
    assert.match(String(answer?.payload.text), /此卡片已过期/);
    assert.ok(e.texts(chat).some((x) => x.startsWith(`${ref} 当前状态`)), 'the current state is shown');

    const fresh = e.button(chat, 'accept', { ref });
    assert.equal(fresh.version, urgent.version);
    e.emu.pressButton({ id: housing.memberIds[0]! }, chat, fresh.messageId, fresh.data);
    await e.settle();
    assert.equal((await e.cases.getCase(ref)).status, 'accepted');
  });
});
