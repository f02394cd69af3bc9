import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * A handler's group set to another language in the directory (chatLanguage) reads its cards, notices, buttons and
 * replies in that language; the office chat and groups without the field stay 简体. Staff groups had received 简体 only.
 */
describe('e2e: a staff group in its own language', () => {
  const { e, press, say, lastText, casesOf } = useE2E();

  it('an English-reading department group gets the referral card, its buttons and its replies in English', async () => {
    const housing = e.directory.department('housing')!;
    // As the directory file would say it (`chatLanguage: en` on the entry); set on the loaded entry, as a console edit does.
    housing.chatLanguage = 'en';
    try {
      const resident = { id: 4301, language_code: 'zh-hans' };
      await say(resident, '我们小区电梯一个月坏了三次,上周还把一个老人关在里面半小时,物业就派人随便修修');
      await press(resident, 4301, 'confirm');
      const [ref] = await casesOf(4301);
      assert.ok(ref);
      await press({ id: OFFICE_MEMBERS[0]! }, OFFICE_CHAT, 'approve', { ref });
      assert.ok(e.texts(OFFICE_CHAT).some((x) => x.includes(`${ref} 已同意转办`)), 'the office chat still reads 简体');

      const dept = housing.telegramChatId!;
      const card = e.texts(dept).find((x) => x.includes(ref!))!;
      assert.match(card, new RegExp(`^\\[Referral\\] ${ref}\\nCategory: `), card);
      assert.match(card, new RegExp(`Referred to: ${housing.names.en.replace(/[()]/g, '\\$&')}`));
      assert.doesNotMatch(card, /转办|承办单位/);
      const sent = e.emu.sent(dept).find((x) => x.method === 'sendMessage' && String(x.payload.text).includes(ref!))!;
      const labels = ((sent.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> }).inline_keyboard ?? []).flat().map((b) => b.text);
      assert.ok(labels.includes('✅ Accept') && labels.includes('↩️ Decline'), `the buttons are in English too: ${labels.join(', ')}`);

      await press({ id: housing.memberIds[0]! }, dept, 'accept', { ref });
      assert.equal((await e.cases.getCase(ref!)).status, 'accepted');
      assert.match(lastText(dept), new RegExp(`Your unit has accepted ${ref}`));
    } finally {
      delete housing.chatLanguage;
    }
  });
});
