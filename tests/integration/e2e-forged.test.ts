import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { createCallbackCodec } from '../../bot/callbackData.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';
import { HOUSING_PETITION } from '../helpers/fixtures.js';

/*
 * (d) Buttons are only as good as the database says: a forged payload, a payload signed with another
 * key, and a correctly signed button pressed by someone who is not staff of that chat change nothing —
 * same status, same version, no event — and the presser gets a clear alert.
 */
describe('e2e: forged and foreign button presses change nothing', () => {
  const { e } = useE2E();

  const decision: Decision = { ...HOUSING_PETITION, redactedText: '小区电梯坏了三个月物业不修' };
  const state = async (ref: string) => {
    const c = await e.cases.getCase(ref);
    return { status: c.status, version: c.version, events: (await e.cases.timeline(ref)).length };
  };
  /** Presses and waits for the bot's answer to this very callback query. */
  const press = async (user: number, chatId: number, messageId: number, data: string) => {
    const u = e.emu.pressButton({ id: user }, chatId, messageId, data);
    const id = u.callback_query.id as string;
    const answer = await e.emu.waitFor((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === id, 10_000);
    await e.settle();
    return answer.payload as { text?: string; show_alert?: boolean };
  };

  it('office card: tampered, foreign-key and non-member presses are refused; a member’s press works', async () => {
    const r = await e.cases.upsertResident({ channel: 'telegram', externalId: '5150', chatId: 5150, language: 'zh-Hans' });
    const c = await e.cases.openCase({ residentId: r.id, decision, originalText: '小区电梯坏了三个月物业不修', language: 'zh-Hans' });
    await e.deliver();
    const approve = e.button(OFFICE_CHAT, 'approve', { ref: c.ref });
    const before = await state(c.ref);

    const tampered = approve.data.slice(0, -1) + (approve.data.endsWith('A') ? 'B' : 'A');
    assert.match((await press(OFFICE_MEMBERS[0]!, OFFICE_CHAT, approve.messageId, tampered)).text ?? '', /按钮已失效/);
    const otherKey = createCallbackCodec('someone-else-entirely-0123456789').build('approve', c.ref);
    assert.match((await press(OFFICE_MEMBERS[0]!, OFFICE_CHAT, approve.messageId, otherKey)).text ?? '', /按钮已失效/);
    const stranger = await press(31337, OFFICE_CHAT, approve.messageId, approve.data);
    assert.equal(stranger.show_alert, true);
    assert.match(stranger.text ?? '', /授权名单/);
    // The right button from the right person, but in a private chat (not the office group).
    const privately = await press(OFFICE_MEMBERS[0]!, OFFICE_MEMBERS[0]!, approve.messageId, approve.data);
    assert.match(privately.text ?? '', /对应的工作群/);
    assert.deepEqual(await state(c.ref), before, 'nothing changed');

    const ok = await press(OFFICE_MEMBERS[1]!, OFFICE_CHAT, approve.messageId, approve.data);
    assert.notEqual(ok.show_alert, true);
    assert.equal((await e.cases.getCase(c.ref)).status, 'referred');

    // Handler card: someone outside the housing group's members, and a member of another department.
    const housing = e.directory.department('housing')!;
    const water = e.directory.department('water')!;
    const accept = e.button(housing.telegramChatId!, 'accept', { ref: c.ref });
    const referred = await state(c.ref);
    for (const user of [OFFICE_MEMBERS[0]!, water.memberIds[0]!, 31337]) {
      const a = await press(user, housing.telegramChatId!, accept.messageId, accept.data);
      assert.equal(a.show_alert, true);
      assert.match(a.text ?? '', /授权名单/);
    }
    // A housing member pressing it in the water group (wrong chat for this case).
    const wrongGroup = await press(housing.memberIds[0]!, water.telegramChatId!, accept.messageId, accept.data);
    assert.equal(wrongGroup.show_alert, true);
    assert.deepEqual(await state(c.ref), referred, 'nothing changed');
    assert.deepEqual(e.texts(5150).filter((t) => /已受理/.test(t)), [], 'the resident heard nothing about an acceptance');

    const accepted = await press(housing.memberIds[0]!, housing.telegramChatId!, accept.messageId, accept.data);
    assert.notEqual(accepted.show_alert, true);
    assert.equal((await e.cases.getCase(c.ref)).status, 'accepted');
  });
});
