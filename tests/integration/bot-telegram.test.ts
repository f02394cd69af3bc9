import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { pino } from 'pino';
import { FixedClock } from '../../kernel/clock.js';
import { ForbiddenError } from '../../kernel/errors.js';
import type { ParsedCallback } from '../../bot/callbackData.js';
import { t } from '../../i18n/index.js';
import { commandMenu } from '../../bot/telegramBot.js';
import type { EmulatedUser, RecordedCall } from '../emulator/botApi.js';
import { useBotHarness } from '../helpers/botHarness.js';

const TOKEN = '777001:bot-polling-test';
const LIMIT = 5;

describe('telegram bot in polling mode against the Bot API emulator', () => {
  const logLines: string[] = [];
  const texts: Array<{ userId: number; text: string; lang: string }> = [];
  const presses: ParsedCallback[] = [];
  const starts: Array<string | null> = [];
  let nextUser = 50_000;
  const user = (language_code?: string): EmulatedUser => ({ id: nextUser++, language_code, first_name: 'Test' });

  const { emu, db, tb } = useBotHarness({
    token: TOKEN,
    prefix: 'bot',
    botUsername: 'xinfang_test_bot',
    launch: () => ({
      logger: pino({ level: 'debug' }, { write: (s: string) => void logLines.push(s) }),
      residentMessagesPerMinute: LIMIT,
      clock: new FixedClock('2026-11-23T10:00:30Z'),
      handlers: {
        async onText(ctx, lang) {
          if (ctx.message.text.startsWith('boom')) throw new Error('handler exploded');
          if (ctx.message.text.startsWith('forbidden')) throw new ForbiddenError('not yours');
          // the first of a pair takes longer, to provoke a race if updates of one chat overlapped
          if (ctx.message.text === 'order 1') await new Promise((r) => setTimeout(r, 100));
          texts.push({ userId: ctx.from.id, text: ctx.message.text, lang });
          await ctx.reply(`ok ${texts.length}`);
        },
        async onCallback(ctx, parsed) {
          presses.push(parsed);
          await ctx.answerCbQuery('received');
        },
        async onStart(_ctx, _lang, payload) {
          starts.push(payload);
        },
      },
    }),
  });

  /** The next bot message to `chatId` after call number `since`. */
  const replyTo = (chatId: number, since: number, method = 'sendMessage'): Promise<RecordedCall> =>
    emu.waitFor((c) => c.method === method && c.chatId === chatId && c.seq > since, 5000);
  const lastSeq = () => emu.calls().at(-1)?.seq ?? 0;
  /** Everything queued so far has been fully handled once this resolves. */
  const settle = (): Promise<void> => emu.idle(5000);
  const messagesTo = (chatId: number) => emu.sent(chatId).filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));

  it('sets the command menus at launch: default and zh in 简体, en in English', async () => {
    await emu.waitFor((c) => c.method === 'setMyCommands' && c.payload.language_code === 'en');
    assert.deepEqual(emu.commands(''), commandMenu('zh-Hans'));
    assert.deepEqual(emu.commands('zh'), commandMenu('zh-Hans'));
    assert.deepEqual(emu.commands('en'), commandMenu('en'));
    assert.equal(emu.commands('en')?.find((c) => c.command === 'withdraw')?.description, 'Withdraw my request');
  });

  it('/start answers with the welcome in 简体 (zh-cn), 繁體 (zh-hk) and English (en)', async () => {
    for (const [code, lang] of [['zh-cn', 'zh-Hans'], ['zh-hk', 'zh-Hant'], ['en', 'en']] as const) {
      const u = user(code);
      const since = lastSeq();
      emu.sendText(u, '/start');
      const reply = await replyTo(u.id, since);
      assert.equal(reply.payload.text, t(lang, 'bot.welcome'), `welcome for ${code}`);
    }
  });

  it('a 繁體 user gets the command menu for their own chat in 繁體', async () => {
    const u = user('zh-tw');
    const since = lastSeq();
    emu.sendText(u, '/start');
    await emu.waitFor((c) => c.method === 'setMyCommands' && c.seq > since && (c.payload.scope as { chat_id?: number })?.chat_id === u.id);
    assert.deepEqual(emu.commands('', { type: 'chat', chat_id: u.id }), commandMenu('zh-Hant'));
  });

  it('/start passes a valid deep-link payload to the conversation, and drops a malformed one', async () => {
    const u = user('en');
    let since = lastSeq();
    emu.sendText(u, '/start case_XF-1');
    await replyTo(u.id, since);
    since = lastSeq();
    emu.sendText(u, '/start bad payload!');
    await replyTo(u.id, since);
    await settle();
    assert.deepEqual(starts.slice(-2), ['case_XF-1', null]);
  });

  it('answers a sticker, a voice message, a video note and a text longer than Telegram allows with their own polite texts', async () => {
    const u = user('en');
    let since = lastSeq();
    emu.sendContent(u, { sticker: { file_id: 'stk1', file_unique_id: 'ustk1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } });
    assert.equal((await replyTo(u.id, since)).payload.text, t('en', 'bot.content.sticker'));
    since = lastSeq();
    emu.sendContent(u, { voice: { file_id: 'v1', file_unique_id: 'uv1', duration: 3 } });
    const voice = await replyTo(u.id, since);
    assert.equal(voice.payload.text, t('en', 'bot.content.voice'));
    assert.match(String(voice.payload.text), /type your message/);
    since = lastSeq();
    emu.sendContent(u, { video_note: { file_id: 'vn1', file_unique_id: 'uvn1', length: 240, duration: 2 } });
    assert.equal((await replyTo(u.id, since)).payload.text, t('en', 'bot.content.voice'));
    // A long paste within Telegram's 4,096 reaches the conversation (it keeps what it can and says so); it had been
    // refused whole at 2,000. Only a text no Telegram client can send is refused here, unread.
    const paster = user('en');
    since = lastSeq();
    emu.sendText(paster, '长'.repeat(3000));
    await replyTo(paster.id, since);
    assert.equal(texts.filter((x) => x.userId === paster.id).map((x) => x.text.length).join(), '3000', 'the 3,000-character paste reaches the conversation');
    since = lastSeq();
    emu.sendText(u, '长'.repeat(5000));
    const long = await replyTo(u.id, since);
    assert.equal(long.payload.text, t('en', 'bot.content.too_long', { length: 5000, limit: 4096 }));
    assert.equal(texts.filter((x) => x.userId === u.id).length, 0, 'a text longer than Telegram allows must not reach the conversation');
  });

  it('answers a photo without an open case, an edited message and an unknown command', async () => {
    const u = user('zh-hk');
    let since = lastSeq();
    emu.sendContent(u, { photo: [{ file_id: 'p1', file_unique_id: 'up1', width: 90, height: 90 }] });
    assert.equal((await replyTo(u.id, since)).payload.text, t('zh-Hant', 'bot.content.attachment_no_case'));
    since = lastSeq();
    emu.editText(u, 1, 'changed');
    assert.equal((await replyTo(u.id, since)).payload.text, t('zh-Hant', 'bot.content.edited'));
    since = lastSeq();
    emu.sendText(u, '/frobnicate');
    assert.equal((await replyTo(u.id, since)).payload.text, t('zh-Hant', 'bot.unknown_command'));
  });

  it('hands free text to the conversation with the resident language', async () => {
    const u = user('zh-hk');
    const since = lastSeq();
    emu.sendText(u, '我家楼下噪音很大');
    assert.match(String((await replyTo(u.id, since)).payload.text), /^ok \d+$/);
    assert.deepEqual(texts.at(-1), { userId: u.id, text: '我家楼下噪音很大', lang: 'zh-Hant' });
  });

  it('updates of one chat are handled in order even when they arrive in one batch', async () => {
    const u = user('en');
    emu.batch(() => {
      emu.sendText(u, 'order 1');
      emu.sendText(u, 'order 2');
    });
    await settle();
    assert.deepEqual(texts.filter((x) => x.userId === u.id).map((x) => x.text), ['order 1', 'order 2']);
  });

  it('a replayed update (same update_id pushed twice) is handled once', async () => {
    const u = user('en');
    const update = emu.sendText(u, 'please handle me once');
    emu.pushRaw(update);
    await replyTo(u.id, 0);
    await settle();
    emu.pushRaw(update); // and again, after it was confirmed
    await settle();
    assert.equal(texts.filter((x) => x.userId === u.id).length, 1);
    assert.equal(messagesTo(u.id).length, 1);
    // the bot did receive both replays (and skipped them), so this is dedupe, not a lost update
    const skipped = logLines.filter((l) => l.includes('duplicate update skipped') && l.includes(`"updateId":${update.update_id}`));
    assert.equal(skipped.length, 2);
  });

  it('floods: over the per-minute limit the resident is told once, then silence', async () => {
    const u = user('en');
    for (let i = 0; i < LIMIT + 4; i++) emu.sendText(u, `message ${i}`);
    await settle();
    const replies = messagesTo(u.id);
    assert.equal(texts.filter((x) => x.userId === u.id).length, LIMIT);
    assert.equal(replies.filter((r) => r === t('en', 'bot.flood')).length, 1);
    assert.equal(replies.length, LIMIT + 1);
    emu.sendText(u, '/help');
    await settle();
    assert.equal(messagesTo(u.id).length, LIMIT + 1, 'still silent within the window');
  });

  it('/language saves the choice in residents; later answers and the menu use it', async () => {
    const u = user('en');
    let since = lastSeq();
    emu.sendText(u, '/language');
    const chooser = await replyTo(u.id, since);
    const buttons = (chooser.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    assert.deepEqual(buttons.map((b) => b.text), ['简体中文', '繁體中文', 'English']);
    since = lastSeq();
    emu.pressButton(u, u.id, (chooser.result as { message_id: number }).message_id, buttons[1]!.callback_data);
    assert.equal((await replyTo(u.id, since)).payload.text, t('zh-Hant', 'bot.language.saved'));
    const row = await db.pool.query(`SELECT language, chat_id FROM residents WHERE channel = 'telegram' AND external_id = $1`, [String(u.id)]);
    assert.deepEqual(row.rows, [{ language: 'zh-Hant', chat_id: u.id }]);
    assert.deepEqual(emu.commands('', { type: 'chat', chat_id: u.id }), commandMenu('zh-Hant'));
    since = lastSeq();
    emu.sendText(u, '/help'); // the app still says "en"; the saved choice wins
    assert.equal((await replyTo(u.id, since)).payload.text, t('zh-Hant', 'bot.help'));
  });

  it('a forged, tampered or junk callback payload is refused politely and never reaches the conversation', async () => {
    const u = user('en');
    const before = presses.length;
    const good = tb.callbacks.build('approve', 'XF-20261123-0001', 2);
    const junk = [
      'ap:XF-20261123-0001:2:AAAAAAAAAAA',
      good.replace('0001', '0002'),
      good + 'x',
      'x'.repeat(64),
      '\u0000\u00ff\ud800',
    ];
    for (const [i, data] of junk.entries()) {
      const since = lastSeq();
      const presser = i % 2 === 0 ? u : user('en'); // stay under the rate limit
      emu.pressButton(presser, presser.id, 1, data);
      const answer = await emu.waitFor((c) => c.method === 'answerCallbackQuery' && c.seq > since);
      assert.equal(answer.payload.text, t('en', 'bot.callback.invalid'));
    }
    assert.equal(presses.length, before);
    const since = lastSeq();
    emu.pressButton(user('en'), u.id, 1, good);
    const ok = await emu.waitFor((c) => c.method === 'answerCallbackQuery' && c.seq > since);
    assert.equal(ok.payload.text, 'received');
    assert.deepEqual(presses.at(-1), { ok: true, action: 'approve', ref: 'XF-20261123-0001', version: 2 });
  });

  it('one bot.catch: a failing handler gets a polite error in the user language, and the log holds no message text', async () => {
    const u = user('en');
    let since = lastSeq();
    emu.sendText(u, 'boom my phone is 13800138000');
    assert.equal((await replyTo(u.id, since)).payload.text, t('en', 'error.generic'));
    since = lastSeq();
    emu.sendText(u, 'forbidden thing');
    assert.equal((await replyTo(u.id, since)).payload.text, t('en', 'error.forbidden'));
    const log = logLines.join('\n');
    assert.match(log, /handler exploded/);
    assert.doesNotMatch(log, /13800138000|my phone|forbidden thing/);
    // and polling is still alive
    await settle();
  });
});
