import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * Emergencies first (issue 12, point 1), end to end through the Bot API emulator: the rate limit,
 * the flood notice and the dedupe of redelivered updates never drop an emergency; the office gets
 * one alert per resident per window (OFFICE_ALERT_WINDOW_MINUTES, 10 by default) with a count of the
 * ones held back, while the resident gets the numbers every time.
 */
const KNIFE = '我老公喝醉了拿着菜刀在砸门,说要砍死我,快来救命';
const VIOLENCE = t('zh-Hans', 'triage.emergency.violence');

describe('e2e: emergencies first', () => {
  const clock = new FixedClock(new Date());
  const { e } = useE2E({ clock, residentMessagesPerMinute: 20 });

  const alertsFor = (chat: number) => e.texts(OFFICE_CHAT).filter((x) => x.startsWith('🚨') && x.includes(String(chat)));

  it('an emergency after 30 messages in a minute is answered with the numbers and alerted', async () => {
    const resident = { id: 6101, language_code: 'zh-hans' };
    for (let i = 0; i < 30; i++) e.emu.sendText(resident, `你好 ${i}`);
    await e.settle();
    const flood = t('zh-Hans', 'bot.flood');
    assert.equal(e.texts(6101).filter((x) => x === flood).length, 1, 'the resident was told once they are over the limit');
    const before = e.texts(6101).length;

    e.emu.sendText(resident, KNIFE);
    await e.settle();
    const after = e.texts(6101).slice(before);
    assert.equal(after[0], VIOLENCE, 'the numbers come first, although the resident is over the limit');
    assert.match(after[0]!, /110/);
    assert.equal(alertsFor(6101).length, 1, 'the office is alerted');
    assert.match(alertsFor(6101)[0]!, /violence/);

    // An ordinary message in the same minute is still throttled: only emergencies pass.
    const count = e.texts(6101).length;
    e.emu.sendText(resident, '楼下噪音很大');
    await e.settle();
    assert.equal(e.texts(6101).length, count, 'still silent for ordinary messages');
  });

  it('a redelivered emergency update is answered again but alerted once', async () => {
    const resident = { id: 6103, language_code: 'zh-hans' };
    const update = e.emu.sendText(resident, KNIFE);
    await e.settle();
    assert.equal(e.texts(6103).filter((x) => x === VIOLENCE).length, 1);
    e.emu.pushRaw(update);
    await e.settle();
    assert.equal(e.texts(6103).filter((x) => x === VIOLENCE).length, 2, 'the numbers again: the first delivery may not have been answered');
    assert.equal(alertsFor(6103).length, 1, 'one alert per message');
  });

  it('a resident flooding emergencies gets the numbers each time; the office one alert, then one summary with the count', async () => {
    const resident = { id: 6102, language_code: 'zh-hans' };
    for (let i = 0; i < 5; i++) e.emu.sendText(resident, `${KNIFE}${'!'.repeat(i)}`);
    await e.settle();
    assert.equal(e.texts(6102).filter((x) => x === VIOLENCE).length, 5, 'numbers for every message');
    assert.equal(alertsFor(6102).length, 1, 'one alert in the window');

    clock.advance(10 * 60_000 + 1000);
    await e.deliver();
    const alerts = alertsFor(6102);
    assert.equal(alerts.length, 2, 'the summary goes out when the window ends');
    assert.match(alerts[1]!, /紧急情况提醒（续/);
    assert.match(alerts[1]!, /又发来 4 条/);

    // The summary used the next window: an emergency within it is counted into the next summary…
    e.emu.sendText(resident, KNIFE + '。');
    await e.settle();
    assert.equal(e.texts(6102).filter((x) => x === VIOLENCE).length, 6);
    assert.equal(alertsFor(6102).length, 2, 'never more than one alert per window');
    clock.advance(10 * 60_000);
    await e.deliver();
    assert.equal(alertsFor(6102).length, 3);
    assert.match(alertsFor(6102)[2]!, /又发来 1 条/);

    // …and once a whole window has passed quietly, the next emergency is alerted at once.
    clock.advance(10 * 60_000 + 1000);
    e.emu.sendText(resident, KNIFE + '。。');
    await e.settle();
    assert.equal(alertsFor(6102).length, 4);
    assert.doesNotMatch(alertsFor(6102)[3]!, /续/);
  });
  it('a text over the length limit that tells of danger gets the numbers; an ordinary one is kept up to the limit and the resident told so', async () => {
    const resident = { id: 6104, language_code: 'zh-hans' };
    const story = '我想反映一下家里的情况，这些年一直过得很难。'.repeat(110);
    assert.ok(story.length > 2000);
    e.emu.sendText(resident, story + KNIFE);
    await e.settle();
    assert.equal(e.texts(6104)[0], VIOLENCE, 'the numbers, not a note about length');
    assert.equal(alertsFor(6104).length, 1, 'the office is alerted');

    const other = { id: 6105, language_code: 'zh-hans' };
    e.emu.sendText(other, story);
    await e.settle();
    assert.match(e.texts(6105)[0]!, /2000/, 'told the limit');
    assert.match(e.texts(6105)[0]!, /保留了前/, 'told what was kept');
    assert.ok(e.texts(6105).length >= 2, 'the kept part is handled, not refused');
    for (const t of e.texts(6105)) assert.doesNotMatch(t, /110/);
    assert.equal(alertsFor(6105).length, 0);
  });
});
