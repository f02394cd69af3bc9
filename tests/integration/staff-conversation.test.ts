import assert from 'node:assert/strict';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { FixedClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { createCallbackCodec } from '../../bot/callbackData.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { renderStaffResult, type RenderedStaffResult } from '../../bot/render.js';
import { StaffConversation, handlerToken } from '../../conversation/staff.js';
import type { Database } from '../../db/pool.js';
import { parseDirectory, type Directory } from '../../directory/directory.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { testDatabase } from '../helpers/db.js';

// The bundled directory with chats and members filled in, as a deployment would.
const OFFICE_CHAT = -900;
const OFFICE_MEMBER = 901;
const STRANGER = 999;
function testDirectory(): Directory {
  const raw = parseYaml(fs.readFileSync(resourcePath('directory.yaml'), 'utf8'));
  raw.departments.forEach((d: any, i: number) => Object.assign(d, { telegramChatId: -1000 - i, memberIds: [5000 + i] }));
  raw.organizations.forEach((o: any, i: number) => Object.assign(o, { telegramChatId: -2000 - i, memberIds: i === 0 ? [] : [6000 + i] }));
  return parseDirectory(stringifyYaml(raw), 'test directory');
}
const directory = testDirectory();
const housing = directory.department('housing')!;
const water = directory.department('water')!;
const HOUSING_CHAT = housing.telegramChatId!;
const HOUSING_MEMBER = housing.memberIds[0]!;
const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: OFFICE_CHAT };
const codec = createCallbackCodec('staff-test-callback-key-0123456789');

function petition(target = 'housing', confidence = 0.91): Decision {
  return {
    category: 'petition',
    target: target as Decision['target'],
    confidence,
    needsReview: false,
    reasons: [],
    citations: [],
    redactedText: '小区物业不修电梯已经三个月了，电话[PHONE]',
    language: 'zh-Hans',
    engine: 'offline',
  };
}

/** The conversation as staff see it in Telegram: its Replies through the bot's renderer. */
function asTelegram(conv: StaffConversation) {
  const render = (r: Awaited<ReturnType<StaffConversation['onCallback']>>) => renderStaffResult(codec, r);
  return {
    onCallback: async (...a: Parameters<StaffConversation['onCallback']>) => render(await conv.onCallback(...a)),
    onText: async (...a: Parameters<StaffConversation['onText']>) => {
      const r = await conv.onText(...a);
      return r && render(r);
    },
    onCommand: async (...a: Parameters<StaffConversation['onCommand']>) => {
      const r = await conv.onCommand(...a);
      return r && render(r);
    },
  };
}

/** Every button on a staff message, as {action-decoded data, label}. */
function buttons(r: RenderedStaffResult) {
  return r.messages.flatMap((m) => (m.keyboard?.inline_keyboard ?? []).flat()).map((b) => {
    const data = (b as { callback_data: string }).callback_data;
    const parsed = codec.parse(data);
    assert.ok(parsed.ok, `button data verifies: ${data}`);
    return { text: b.text, ...parsed };
  });
}

describe('staff conversation (real PGlite, real CaseService)', () => {
  let db: Database;
  let clock: FixedClock;
  let cases: CaseService;
  let conv: StaffConversation;
  let staff: ReturnType<typeof asTelegram>;
  let residentId: number;
  let cb = 0;

  const snapshot = async (ref: string) => {
    const c = (await db.pool.query('SELECT id, status, version, urgent, handler_id FROM cases WHERE ref = $1', [ref])).rows[0];
    const events = (await db.pool.query('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [c.id])).rows[0].n;
    const outbox = (await db.pool.query('SELECT count(*)::int AS n FROM outbox WHERE case_id = $1', [c.id])).rows[0].n;
    return { ...c, events, outbox };
  };
  const open = async (d = petition()) =>
    cases.openCase({ residentId, decision: d, originalText: '我叫张三，电话13812345678，小区物业不修电梯已经三个月了', language: 'zh-Hans' });
  const press = (chatId: number, userId: number, action: Parameters<StaffConversation['onCallback']>[0]['action'], ref: string, version?: number) =>
    staff.onCallback({ chatId, userId, callbackId: `cb-${++cb}`, action, ref, version });
  let updateId = 1;
  const say = (chatId: number, userId: number, text: string) => staff.onText({ chatId, userId, updateId: updateId++, text });

  beforeAll(async () => {
    db = await testDatabase();
    clock = new FixedClock('2026-03-02T02:00:00Z');
    cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
    conv = new StaffConversation({ cases, directory, pool: db.pool, clock, officeChatId: OFFICE_CHAT, officeMemberIds: [OFFICE_MEMBER] });
    staff = asTelegram(conv);
    residentId = (await cases.upsertResident({ channel: 'telegram', externalId: '777', chatId: 777, language: 'zh-Hans' })).id;
  });
  afterAll(async () => {
    await db.close();
  });

  it('an office member approves a card: referred, the card is spent, the handler gets the referral card', async () => {
    const c = await open();
    const r = await press(OFFICE_CHAT, OFFICE_MEMBER, 'approve', c.ref);
    assert.equal(r.answer?.alert, false);
    assert.equal(r.clearCard, true);
    assert.match(r.messages[0]!.text, new RegExp(`${c.ref} 已同意转办给「${housing.names['zh-Hans']}」`));
    const now = await cases.getCase(c.ref);
    assert.equal(now.status, 'referred');
    const card = await db.pool.query(`SELECT chat_id FROM outbox WHERE case_id = $1 AND message->>'key' = 'cases.handler.referral_card'`, [c.id]);
    assert.deepEqual(card.rows.map((x) => Number(x.chat_id)), [HOUSING_CHAT]);
  });

  it('refuses, changing nothing: a user not in OFFICE_MEMBER_IDS, an office button in a handler chat, a private chat, a malformed ref', async () => {
    const c = await open();
    const before = await snapshot(c.ref);
    for (const [chat, user, key] of [
      [OFFICE_CHAT, STRANGER, '授权名单'],
      [OFFICE_CHAT, HOUSING_MEMBER, '授权名单'],
      [HOUSING_CHAT, HOUSING_MEMBER, '对应的工作群'],
      [STRANGER, STRANGER, '对应的工作群'],
    ] as const) {
      for (const action of ['approve', 'urgent', 'reassign', 'not_accept', 'ask'] as const) {
        const r = await press(chat, user, action, c.ref);
        assert.equal(r.answer?.alert, true, `${action} by ${user} in ${chat} is refused`);
        assert.match(r.answer!.text, new RegExp(key));
        assert.deepEqual(r.messages, []);
      }
    }
    const bad = await press(OFFICE_CHAT, OFFICE_MEMBER, 'approve', 'YT-1-2');
    assert.equal(bad.answer?.alert, true);
    assert.deepEqual(await snapshot(c.ref), before);
  });

  it('reassign lists the departments for a petition, and the chosen one becomes the proposal', async () => {
    const c = await open();
    const list = await press(OFFICE_CHAT, OFFICE_MEMBER, 'reassign', c.ref);
    const choices = buttons(list);
    assert.equal(choices.length, directory.departments.length - 1, 'every department but the current one');
    assert.ok(!choices.some((b) => b.text === housing.names['zh-Hans']));
    const pick = choices.find((b) => b.text === water.names['zh-Hans'])!;
    assert.equal(pick.action, 'reassign');
    assert.equal(pick.ref, `${c.ref}_${handlerToken('department', 'water')}`);
    const r = await press(OFFICE_CHAT, OFFICE_MEMBER, 'reassign', pick.ref, pick.version);
    assert.equal(r.answer?.alert, false);
    const now = await cases.getCase(c.ref);
    assert.equal(now.handlerId, 'water');
    assert.equal(now.status, 'office_review');
    // The same list pressed again is now out of date (the case moved on): refused, state shown.
    const again = await press(OFFICE_CHAT, OFFICE_MEMBER, 'reassign', pick.ref, pick.version);
    assert.equal(again.answer?.alert, true);
    assert.match(again.answer!.text, /已过期/);
    assert.match(again.messages[0]!.text, new RegExp(`${c.ref} 当前状态：待审核`));
    assert.equal((await cases.getCase(c.ref)).version, now.version);
  });

  it('reassign for a 信访外 case lists only organizations offering its service', async () => {
    const c = await cases.openCase({
      residentId,
      decision: { ...petition(), category: 'out_of_scope', target: 'family' as Decision['target'] },
      originalText: '邻居家庭纠纷',
      language: 'zh-Hans',
      consent: {},
    });
    const names = buttons(await press(OFFICE_CHAT, OFFICE_MEMBER, 'reassign', c.ref)).map((b) => b.text);
    const expected = directory.organizationsFor('family').filter((o) => o.id !== c.handlerId).map((o) => o.names['zh-Hans']);
    assert.deepEqual(names.sort(), expected.sort());
  });

  it('not accepted with a listed reason, and with "other" after a note typed as the next message', async () => {
    const a = await open();
    const reasons = buttons(await press(OFFICE_CHAT, OFFICE_MEMBER, 'not_accept', a.ref));
    assert.equal(reasons.length, 7);
    const dup = reasons.find((b) => b.text === '重复事项')!;
    const r = await press(OFFICE_CHAT, OFFICE_MEMBER, 'not_accept', dup.ref, dup.version);
    assert.match(r.messages[0]!.text, /不予受理（重复事项）/);
    assert.equal((await cases.getCase(a.ref)).status, 'not_accepted');

    const b = await open();
    const other = buttons(await press(OFFICE_CHAT, OFFICE_MEMBER, 'not_accept', b.ref)).find((x) => x.text.startsWith('其他'))!;
    const prompt = await press(OFFICE_CHAT, OFFICE_MEMBER, 'not_accept', other.ref, other.version);
    assert.ok(prompt.messages[0]!.forceReply, 'asks for the note with a forced reply');
    assert.equal((await cases.getCase(b.ref)).status, 'office_review', 'nothing happens before the note');
    assert.equal(await say(OFFICE_CHAT, STRANGER, '随便说说'), null, 'another user’s chatter is not the note');
    const done = await say(OFFICE_CHAT, OFFICE_MEMBER, '该事项属于小区业主大会自治范围');
    assert.match(done!.messages[0]!.text, /不予受理/);
    assert.equal((await cases.getCase(b.ref)).status, 'not_accepted');
    const note = await db.pool.query(`SELECT message FROM outbox WHERE case_id = $1 AND message->>'key' = 'cases.resident.office_note'`, [b.id]);
    assert.equal(note.rows[0].message.params.note, '该事项属于小区业主大会自治范围');
    assert.equal(await say(OFFICE_CHAT, OFFICE_MEMBER, '再说一句'), null, 'the prompt is used up');
  });

  it('ask relays the next message as the question; 取消 gives up without writing', async () => {
    const c = await open();
    await press(OFFICE_CHAT, OFFICE_MEMBER, 'ask', c.ref);
    const cancelled = await say(OFFICE_CHAT, OFFICE_MEMBER, '取消');
    assert.match(cancelled!.messages[0]!.text, /已取消/);
    const before = await snapshot(c.ref);
    assert.equal(await say(OFFICE_CHAT, OFFICE_MEMBER, '请问是哪个小区？'), null);
    assert.deepEqual(await snapshot(c.ref), before);

    await press(OFFICE_CHAT, OFFICE_MEMBER, 'ask', c.ref);
    const r = await say(OFFICE_CHAT, OFFICE_MEMBER, '请问是哪个小区？');
    assert.match(r!.messages[0]!.text, /问题已转给来信人/);
    const q = await db.pool.query(`SELECT chat_id, message FROM outbox WHERE case_id = $1 AND message->>'key' = 'cases.resident.question'`, [c.id]);
    assert.equal(Number(q.rows[0].chat_id), 777);
    assert.equal(q.rows[0].message.params.question, '请问是哪个小区？');
  });

  it('the same button press delivered twice acts once', async () => {
    const c = await open();
    const r1 = await staff.onCallback({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, callbackId: 'dup-1', action: 'urgent', ref: c.ref });
    const after1 = await snapshot(c.ref);
    const r2 = await staff.onCallback({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, callbackId: 'dup-1', action: 'urgent', ref: c.ref });
    assert.equal(r1.answer?.alert, false);
    assert.equal(r2.answer?.alert, false);
    assert.deepEqual(await snapshot(c.ref), after1);
    assert.equal(after1.urgent, true);
  });

  it('a department accepts, reports progress, extends once and resolves; strangers and other departments are refused', async () => {
    const c = await open();
    await cases.approveReferral(c.ref, { kind: 'office', id: String(OFFICE_MEMBER) });
    const referred = await snapshot(c.ref);
    const waterChat = water.telegramChatId!;
    for (const [chat, user, text] of [
      [HOUSING_CHAT, STRANGER, '授权名单'],
      [HOUSING_CHAT, water.memberIds[0]!, '授权名单'],
      [waterChat, water.memberIds[0]!, '未转给本单位'],
      [OFFICE_CHAT, OFFICE_MEMBER, '对应的工作群'],
    ] as const) {
      for (const action of ['accept', 'decline'] as const) {
        const r = await press(chat, user, action, c.ref);
        assert.equal(r.answer?.alert, true, `${action} by ${user} in ${chat}`);
        assert.match(r.answer!.text, new RegExp(text));
        assert.deepEqual(r.messages, [], 'no prompt is opened');
      }
    }
    assert.deepEqual(await snapshot(c.ref), referred);

    const accepted = await press(HOUSING_CHAT, HOUSING_MEMBER, 'accept', c.ref);
    assert.equal((await cases.getCase(c.ref)).status, 'accepted');
    const work = buttons(accepted);
    assert.deepEqual(work.map((b) => b.action), ['progress', 'resolve', 'extend']);

    const progress = work.find((b) => b.action === 'progress')!;
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'progress', progress.ref, progress.version);
    const p = await say(HOUSING_CHAT, HOUSING_MEMBER, '已约物业周三到现场');
    assert.match(p!.messages[0]!.text, /进展已转告来信人/);
    const rel = await db.pool.query(`SELECT chat_id, message FROM outbox WHERE case_id = $1 AND message->>'key' = 'cases.resident.progress'`, [c.id]);
    assert.equal(rel.rows[0].message.params.note, '已约物业周三到现场');

    // The old buttons (version before the progress report) are out of date now.
    const stale = await press(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', progress.ref, progress.version);
    assert.equal(stale.answer?.alert, true);
    assert.match(stale.answer!.text, /已过期/);
    const fresh = buttons(stale);
    assert.deepEqual(fresh.map((b) => b.action), ['progress', 'resolve', 'extend'], 'the current state comes with working buttons');

    const extend = buttons(p!).find((b) => b.action === 'extend')!;
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'extend', extend.ref, extend.version);
    const badFormat = await say(HOUSING_CHAT, HOUSING_MEMBER, '需要更多时间');
    assert.match(badFormat!.messages[0]!.text, /格式不对/);
    const ext = await say(HOUSING_CHAT, HOUSING_MEMBER, '15 需要现场勘查');
    assert.match(ext!.messages[0]!.text, /办理期限已延长至 \d{4}-\d{2}-\d{2}/);
    const again = buttons(ext!).find((b) => b.action === 'extend')!;
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'extend', again.ref, again.version);
    const twice = await say(HOUSING_CHAT, HOUSING_MEMBER, '10 还要更多时间');
    assert.match(twice!.messages[0]!.text, /未执行：.*only once/);

    const resolve = buttons(ext!).find((b) => b.action === 'resolve')!;
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'resolve', resolve.ref, resolve.version);
    const done = await say(HOUSING_CHAT, HOUSING_MEMBER, '电梯已于3月10日修复并通过检验');
    assert.match(done!.messages[0]!.text, /已办结/);
    const now = await cases.getCase(c.ref);
    assert.equal(now.status, 'resolved');
    const survey = await db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE case_id = $1 AND message->>'key' = 'cases.resident.survey'`, [c.id]);
    assert.equal(survey.rows[0].n, 1);
  });

  it('bad input in a prompt (too long, empty after trimming) is refused clearly and writes nothing', async () => {
    const c = await open();
    await cases.approveReferral(c.ref, { kind: 'office', id: String(OFFICE_MEMBER) });
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'accept', c.ref);
    const before = await snapshot(c.ref);
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'progress', c.ref);
    const long = await say(HOUSING_CHAT, HOUSING_MEMBER, '进'.repeat(2500));
    assert.equal(long!.answer?.alert, true);
    assert.match(long!.messages[0]!.text, /^未执行：.*at most 2000 characters/);
    await press(HOUSING_CHAT, HOUSING_MEMBER, 'progress', c.ref);
    const blank = await say(HOUSING_CHAT, HOUSING_MEMBER, '   ');
    assert.match(blank!.messages[0]!.text, /^未执行：.*must not be empty/);
    assert.deepEqual(await snapshot(c.ref), before);
  });

  it('a department declines with a reason typed next; the case goes back to the office', async () => {
    const c = await open();
    await cases.approveReferral(c.ref, { kind: 'office', id: String(OFFICE_MEMBER) });
    const prompt = await press(HOUSING_CHAT, HOUSING_MEMBER, 'decline', c.ref);
    assert.ok(prompt.messages[0]!.forceReply);
    assert.equal((await cases.getCase(c.ref)).status, 'referred');
    const r = await say(HOUSING_CHAT, HOUSING_MEMBER, '不属于本部门职责，建议转城管');
    assert.match(r!.messages[0]!.text, /已退回/);
    assert.equal((await cases.getCase(c.ref)).status, 'office_review');
    const ref = await db.pool.query(`SELECT status, reason FROM referrals WHERE case_id = $1`, [c.id]);
    assert.deepEqual(ref.rows, [{ status: 'declined', reason: '不属于本部门职责，建议转城管' }]);
  });

  it('an organization with no memberIds lets nobody act (fails closed); once a member is listed, a decline proposes the next organization', async () => {
    const org = directory.organizations[0]!;
    const service = org.services[0]!;
    const c = await cases.openCase({
      residentId,
      decision: { ...petition(), category: 'out_of_scope', target: service as Decision['target'] },
      originalText: '需要心理疏导',
      language: 'zh-Hans',
      consent: {},
    });
    await cases.approveReferral(c.ref, { kind: 'office', id: String(OFFICE_MEMBER) }, { handlerKind: 'organization', handlerId: org.id });
    const refused = await press(org.telegramChatId!, 424242, 'decline', c.ref);
    assert.equal(refused.answer?.alert, true);
    assert.match(refused.answer?.text ?? '', /任何人都不能在此操作/);
    assert.equal((await cases.getCase(c.ref)).status, 'referred', 'nothing happened');
    org.memberIds = [424242]; // as the console's directory page would
    try {
      await press(org.telegramChatId!, 424242, 'decline', c.ref);
      await say(org.telegramChatId!, 424242, '本月名额已满');
    } finally {
      org.memberIds = [];
    }
    const now = await cases.getCase(c.ref);
    assert.equal(now.status, 'office_review');
    const next = directory.nextOrganization(service, [org.id], {});
    assert.equal(now.handlerId, next?.id ?? null);
  });

  it('office commands: /queue urgent first with the statutory date, /case timeline, /overdue, /stats; refused to non-members', async () => {
    const urgent = await open(petition('water', 0.62));
    await press(OFFICE_CHAT, OFFICE_MEMBER, 'urgent', urgent.ref);
    const q = await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'queue', args: '' });
    const lines = q!.messages[0]!.text.split('\n');
    assert.match(lines[0]!, /^待审核 \d+ 件/);
    const items = lines.slice(1);
    const lastUrgent = items.map((l) => l.startsWith('🚨')).lastIndexOf(true);
    assert.ok(items.slice(0, lastUrgent + 1).every((l) => l.startsWith('🚨')), 'urgent cases come first');
    assert.ok(lastUrgent < items.length - 1, 'non-urgent cases follow');
    assert.match(items.find((l) => l.includes(urgent.ref))!, new RegExp(`^🚨${urgent.ref} · 信访事项 · ${water.names['zh-Hans']} · 置信度 0.62 · 法定期限 \\d{4}-\\d{2}-\\d{2} · 剩余 \\d+ 天`));
    // Declined by its department: no proposal `approve` could act on, and not the declining department as its target.
    const declined = await open(petition('housing', 0.9));
    await cases.approveReferral(declined.ref, { kind: 'office', id: String(OFFICE_MEMBER) });
    await cases.handlerDecline(declined.ref, { kind: 'handler', id: String(HOUSING_MEMBER) }, '不属于本单位职责');
    const again = (await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'queue', args: '' }))!.messages[0]!.text;
    assert.match(again, new RegExp(`${declined.ref} · 信访事项 · 政府部门（待指定）`));

    const tl = await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'case', args: urgent.ref.toLowerCase() });
    const text = tl!.messages[0]!.text;
    assert.match(text, new RegExp(`^${urgent.ref} · 信访事项 · 待审核（紧急）`));
    // Events and who acted by their labels (it had said `opened（已接收 → 待审核，resident）`); an unchanged status once.
    assert.match(text, /开案（已接收 → 待审核，群众）/);
    assert.match(text, /标为紧急（信访局）/);
    assert.doesNotMatch(text, /opened|mark_urgent|resident|office/);
    // Rendered for an English-reading chat, the same lines are in English.
    const en = renderStaffResult(codec, (await conv.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'case', args: urgent.ref }))!, 'en').messages[0]!.text;
    assert.match(en, /opened \(received → office review, resident\)/);
    assert.match(en, /marked urgent \(office\)/);
    assert.match(en, new RegExp(`^${urgent.ref} · Petition · office review \\(urgent\\)`));
    assert.match((await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'case', args: 'nonsense' }))!.messages[0]!.text, /用法/);

    assert.match((await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'overdue', args: '' }))!.messages[0]!.text, /没有超期事项/);
    clock.advance(40 * 86_400_000);
    const od = (await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'overdue', args: '' }))!.messages[0]!.text;
    assert.match(od, new RegExp(`${urgent.ref} · 转送告知（.*）· 期限 \\d{4}-\\d{2}-\\d{2} · 已超期 \\d+ 天`));

    const stats = (await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'stats', args: '90' }))!.messages[0]!.text;
    assert.match(stats, /^最近 90 天（.*）：共 \d+ 件/);
    assert.match(stats, /按类别：.*信访事项 \d+/);
    assert.match(stats, /按时办理：.*转送告知 \d+%/);
    assert.match((await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'stats', args: 'abc' }))!.messages[0]!.text, /用法/);

    assert.match((await staff.onCommand({ chatId: OFFICE_CHAT, userId: STRANGER, command: 'queue', args: '' }))!.messages[0]!.text, /仅供/);
    assert.match((await staff.onCommand({ chatId: HOUSING_CHAT, userId: HOUSING_MEMBER, command: 'queue', args: '' }))!.messages[0]!.text, /仅供/);
    assert.equal(await staff.onCommand({ chatId: 12345, userId: 12345, command: 'queue', args: '' }), null, 'silent outside staff chats');
    assert.equal(await staff.onCommand({ chatId: OFFICE_CHAT, userId: OFFICE_MEMBER, command: 'weather', args: '' }), null);
  });
});
