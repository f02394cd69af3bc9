import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { t } from '../../i18n/index.js';
import { OFFICE_CHAT, OFFICE_MEMBERS } from '../helpers/e2e.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * The resident's data rights from /privacy, end to end: telegraf polling the Bot API emulator, PGlite,
 * Redis, the workers delivering the outbox. Residents only press buttons the bot sent and type messages.
 */
describe('e2e: /privacy — export, correction and erasure', () => {
  const { e, press, say, lastText, casesOf } = useE2E();

  const officer = { id: OFFICE_MEMBERS[0]! };
  const q = async (sql: string, params: unknown[] = []) => (await e.db.pool.query(sql, params)).rows;
  /** A petition confirmed by the resident: returns its reference. */
  const petition = async (user: { id: number; language_code?: string }, text: string) => {
    await say(user, text);
    await press(user, user.id, 'confirm');
    const ref = (await casesOf(user.id)).at(-1);
    assert.ok(ref, `a case was opened: ${JSON.stringify(e.texts(user.id).slice(-2))}`);
    return ref!;
  };
  const ELEVATOR = '我们小区电梯一个月坏了三次,上周还把一个老人关在里面半小时,物业就派人随便修修。我叫王小明,电话13912345678';

  it('/privacy says what is kept, for how long and what each right does, with the three buttons, in the resident’s language', async () => {
    const resident = { id: 5101, language_code: 'en' };
    await say(resident, '/privacy');
    const shown = e.emu.sent(5101).filter((c) => c.method === 'sendMessage').at(-1)!;
    assert.equal(shown.payload.text, t('en', 'privacy.notice', { days: 365 }));
    for (const action of ['privacy_export', 'privacy_correct', 'privacy_erase'] as const) assert.ok(e.button(5101, action), `${action} button`);
    assert.deepEqual(await casesOf(5101), [], 'asking about privacy opens nothing');
  });

  it('export: everything held about the resident arrives as a readable JSON file in the chat', async () => {
    const resident = { id: 5102, language_code: 'zh-hans' };
    const ref = await petition(resident, ELEVATOR);
    await say(resident, '/privacy');
    await press(resident, 5102, 'privacy_export');
    const call = e.emu.sent(5102).filter((c) => c.method === 'sendDocument').at(-1);
    assert.ok(call?.ok, 'the bot sent a document');
    const doc = call!.payload.document as { filename: string; data: Buffer };
    assert.match(doc.filename, /^privacy-export-\d{8}\.json$/);
    assert.equal(call!.payload.caption, t('zh-Hans', 'privacy.export.caption', { cases: 1 }));
    const text = doc.data.toString('utf8');
    assert.ok(text.includes('\n  "resident"'), 'indented for reading');
    assert.ok(text.includes('王小明'), 'non-ASCII kept as written, not escaped');
    const data = JSON.parse(text);
    assert.equal(data.format, 'xinfang-resident-export/1');
    assert.equal(data.about, t('zh-Hans', 'privacy.export.about'));
    assert.equal(data.resident.externalId, '5102');
    assert.equal(data.resident.chatId, 5102);
    assert.equal(data.cases.length, 1);
    const c = data.cases[0];
    assert.equal(c.ref, ref);
    assert.equal(c.originalText, ELEVATOR, 'the resident’s own words');
    assert.ok(!c.summary.includes('13912345678'), 'and the redacted summary');
    assert.equal(c.handlerName, e.directory.department('housing')!.names['zh-Hans']);
    assert.ok(c.events.some((x: { type: string }) => x.type === 'opened'), 'the history');
    assert.ok(c.clocks.length > 0, 'the deadlines');
    const opened = data.messages.find((m: { to: string; key: string }) => m.to === 'you' && m.key.startsWith('cases.resident.opened'));
    assert.ok(opened?.text.includes(ref), 'messages sent to the resident, with their text');
    assert.ok(data.messages.some((m: { to: string }) => m.to === 'office'), 'messages to staff about the case');
    assert.ok(data.conversationState, 'what the bot remembers of the conversation');
    assert.deepEqual(await casesOf(5102), [ref], 'the export changed nothing');
  });

  it('correction: the next text becomes a note on the resident’s cases for the office, not a new request', async () => {
    const resident = { id: 5103, language_code: 'zh-hans' };
    const ref = await petition(resident, ELEVATOR);
    await say(resident, '/privacy');
    await press(resident, 5103, 'privacy_correct');
    const prompt = e.emu.sent(5103).filter((c) => c.method === 'sendMessage').at(-1)!;
    assert.equal(prompt.payload.text, t('zh-Hans', 'privacy.correct.prompt'));
    const officeBefore = e.texts(OFFICE_CHAT).length;

    const correction = '我的电话写错了，正确的是13987654321，另外电梯是坏了四次不是三次';
    await say(resident, correction);
    assert.equal(lastText(5103), t('zh-Hans', 'privacy.correct.saved', { refs: ref }));
    assert.deepEqual(await casesOf(5103), [ref], 'no new case, no attach offer: it was not triaged as a request');
    const [ev] = await q(`SELECT e.data, e.actor_kind FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.ref = $1 AND e.type = 'resident_correction'`, [ref]);
    assert.deepEqual(ev, { data: { correction }, actor_kind: 'resident' }, 'the full text is on the case for the office');
    const note = e.texts(OFFICE_CHAT).slice(officeBefore).find((x) => x.includes(ref));
    assert.ok(note && /更正/.test(note), 'the office group is told');
    assert.ok(!note!.includes('13987654321'), 'with the phone number hidden in the group chat');
    assert.match(note!, /电梯是坏了四次不是三次/, 'a correction of the facts stays readable');

    // The prompt is spent: the next message is an ordinary one again.
    await say(resident, '你好');
    assert.notEqual(lastText(5103), t('zh-Hans', 'privacy.correct.saved', { refs: ref }));
  });

  it('correction without any case says there is nothing to correct', async () => {
    const resident = { id: 5104, language_code: 'en' };
    await say(resident, '/privacy');
    await press(resident, 5104, 'privacy_correct');
    assert.equal(lastText(5104), t('en', 'privacy.correct.no_cases'));
  });

  it('erasure with an open case: withdrawn first after confirmation, then personal data removed; the office keeps an anonymous record', async () => {
    const resident = { id: 5105, language_code: 'zh-hans' };
    const ref = await petition(resident, ELEVATOR);
    await press(officer, OFFICE_CHAT, 'approve', { ref });
    const dept = e.directory.department('housing')!.telegramChatId!;
    assert.equal((await e.cases.getCase(ref)).status, 'referred');
    // A message to the resident still waiting (due tomorrow): erasure must cancel it.
    await q(
      `INSERT INTO outbox (case_id, channel, chat_id, chat_kind, language, message, dedupe_key, not_before)
       SELECT c.id, 'telegram', 5105, 'private', 'zh-Hans', '{"key":"cases.resident.survey_reminder","params":{"ref":"${ref}"}}', 'test-pending-5105', now() + interval '1 day'
         FROM cases c WHERE c.ref = $1`,
      [ref],
    );

    // A summary of office alerts held back in a window (cases/officeAlerts.ts), already sent: it quotes
    // the resident's words and must go with the rest.
    await q(
      `INSERT INTO outbox (case_id, channel, chat_id, chat_kind, language, message, dedupe_key, not_before, status)
       VALUES (NULL, 'telegram', $1, 'group', 'zh-Hans', '{"key":"safety.office.concern_held","params":{"excerpt":"老人关在里面","held":2,"minutes":10}}', 'held:concern:telegram:5105:1', now(), 'sent')`,
      [OFFICE_CHAT],
    );

    await say(resident, '/privacy');
    await press(resident, 5105, 'privacy_erase');
    assert.equal(lastText(5105), t('zh-Hans', 'privacy.erase.confirm_open', { refs: ref }));
    assert.equal((await e.cases.getCase(ref)).status, 'referred', 'nothing happens before the confirmation');

    await press(resident, 5105, 'privacy_erase_confirm');
    assert.equal(lastText(5105), t('zh-Hans', 'privacy.erase.done', { withdrawn: ref, anonymised: 1, cancelled: 1 }));
    const c = await e.cases.getCase(ref);
    assert.equal(c.status, 'withdrawn', 'the open case was withdrawn first');
    assert.ok(e.texts(dept).some((x) => x.includes(ref) && /撤回/.test(x)), 'the department was told of the withdrawal');
    assert.equal(c.summary, '');
    assert.equal(c.originalText, '');
    assert.equal(c.category, 'petition', 'the office keeps the category');
    assert.equal(c.target, 'housing', 'the target');
    assert.ok(c.receivedAt, 'and the dates');
    const [r] = await q(`SELECT r.external_id, r.chat_id, r.erased_at FROM residents r JOIN cases c ON c.resident_id = r.id WHERE c.ref = $1`, [ref]);
    assert.match(r.external_id, /^erased-\d+$/);
    assert.equal(r.chat_id, null);
    assert.ok(r.erased_at);
    assert.equal((await q(`SELECT count(*)::int AS n FROM conversation_state WHERE chat_id = 5105`))[0].n, 0, 'the conversation state is gone');
    assert.equal((await q(`SELECT count(*)::int AS n FROM outbox WHERE chat_id = 5105`))[0].n, 0, 'messages to the resident, sent or pending, are gone');
    assert.equal((await q(`SELECT count(*)::int AS n FROM outbox WHERE dedupe_key LIKE 'held:%:telegram:5105:%'`))[0].n, 0, 'and the office alert summaries about them');
    // Nothing about this resident still holds their Telegram id, name, phone or words.
    const everything = JSON.stringify(
      await q(
        `SELECT (SELECT json_agg(x) FROM residents x WHERE x.id = c.resident_id) AS r, (SELECT json_agg(x) FROM cases x WHERE x.id = c.id) AS c,
                (SELECT json_agg(x) FROM case_events x WHERE x.case_id = c.id) AS e, (SELECT json_agg(x) FROM referrals x WHERE x.case_id = c.id) AS f,
                (SELECT json_agg(x) FROM outbox x WHERE x.case_id = c.id OR x.chat_id = 5105 OR x.dedupe_key LIKE '%:5105:%') AS o,
                (SELECT json_agg(x) FROM conversation_state x WHERE x.chat_id = 5105) AS s
           FROM cases c WHERE c.ref = $1`,
        [ref],
      ),
    );
    for (const personal of ['"5105"', '王小明', '13912345678', '老人关在里面']) assert.ok(!everything.includes(personal), `no ${personal} left`);

    // Buttons of the erased conversation do nothing now.
    e.emu.pressButton(resident, 5105, e.button(5105, 'privacy_erase_confirm').messageId, e.button(5105, 'privacy_erase_confirm').data);
    await e.settle();
    assert.equal(lastText(5105), t('zh-Hans', 'conversation.error.expired'));
  });

  it('erasure can be cancelled, and a confirmation for open cases not shown is refused', async () => {
    const resident = { id: 5106, language_code: 'en' };
    await say(resident, '/privacy');
    await press(resident, 5106, 'privacy_erase');
    assert.equal(lastText(5106), t('en', 'privacy.erase.confirm'));
    await press(resident, 5106, 'privacy_cancel');
    assert.equal(lastText(5106), t('en', 'privacy.cancelled'));
    await press(resident, 5106, 'privacy_erase_confirm');
    assert.equal(lastText(5106), t('en', 'conversation.error.expired'), 'the confirmation of a cancelled offer does nothing');

    // An open case the resident was not shown (opened from elsewhere after the offer) is never withdrawn unasked.
    const ref = await petition(resident, 'The elevator in our building has been broken for a month and the property manager ignores us');
    const outcome = await e.cases.eraseResidentData({ channel: 'telegram', externalId: '5106', chatId: 5106 }, []);
    assert.deepEqual(outcome, { ok: false, open: [ref] });
    const c = await e.cases.getCase(ref);
    assert.equal(c.status, 'office_review', 'nothing was withdrawn');
    assert.ok(c.originalText.length > 0, 'nothing was erased');
  });
});
