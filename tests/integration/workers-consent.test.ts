import assert from 'node:assert/strict';
import { beforeAll, describe, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { silentLogger } from '../../kernel/logger.js';
import type { Decision } from '../../kernel/taxonomy.js';
import { loadHolidayCalendar } from '../../cases/calendar.js';
import { CaseService } from '../../cases/caseService.js';
import { resourcePath } from '../../kernel/paths.js';
import { txQuery } from '../../workers/db.js';
import { startWorkers } from '../../workers/index.js';
import type { MessageSender, OutgoingMessage } from '../../workers/sender.js';
import { e2eDirectory } from '../helpers/e2e.js';
import { sqlClockHandler, waitFor } from '../helpers/workers.js';
import { TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { useWorkersSuite } from '../helpers/workersSuite.js';

/*
 * The dispatcher's side of consent: it checks the consent again at send time, and a card that went out
 * while the consent was being withdrawn is replaced as soon as its send returns.
 */
describe('outbox dispatcher and consent (real PGlite, real Redis)', () => {
  const { db, prefixes, running } = useWorkersSuite();
  let cases: CaseService;
  const directory = e2eDirectory();
  const clock = new FixedClock('2026-12-07T02:00:00Z');
  let residentId = 0;
  let externalId = 880_000;

  const start = async (sender: MessageSender) => {
    const prefix = uniquePrefix('consent');
    prefixes.push(prefix);
    const w = await startWorkers({
      pool: db.pool, redisUrl: TEST_REDIS_URL, prefix, sender, clockHandler: sqlClockHandler, clock, logger: silentLogger(),
      sweepEveryMs: 60_000, sweepOnStart: false, outboxPollMs: 0, limits: false,
    });
    running.push(w);
    return w;
  };
  const rows = async (ref: string) =>
    (await txQuery(db.pool, `SELECT o.id, o.status, o.chat_id, o.message, o.external_message_id FROM outbox o JOIN cases c ON c.id = o.case_id WHERE c.ref = $1 ORDER BY o.id`, [ref])).rows;
  /** A 信访外 case referred to the organization the resident agreed to; returns it with its card's outbox row. */
  const referred = async () => {
    const ext = String(++externalId);
    residentId = (await cases.upsertResident({ channel: 'telegram', externalId: ext, chatId: Number(ext), language: 'zh-Hans' })).id;
    const decision: Decision = {
      category: 'out_of_scope', target: 'counselling', confidence: 0.8, needsReview: false, reasons: [], citations: [],
      redactedText: '戒酒后又想喝，想找互助小组', language: 'zh-Hans', engine: 'offline',
    };
    const c = await cases.openCase({ residentId, decision, originalText: decision.redactedText, language: 'zh-Hans', consent: {} });
    await cases.approveReferral(c.ref, { kind: 'office', id: 'staff' });
    const card = (await rows(c.ref)).find((r) => r.message.key === 'cases.handler.referral_card')!;
    return { c, ext, card, org: directory.organization(c.handlerId!)! };
  };

  beforeAll(async () => {
    const calendar = loadHolidayCalendar(resourcePath('holidays.yaml'));
    const settings = { orgAcceptWorkingDays: 3, orgFirstContactDays: 5, reminderLeadWorkingDays: 3, surveyReminderHours: 48, surveyCloseDays: 7, officeChatId: -100 };
    cases = new CaseService({ pool: db.pool, clock, calendar, directory, settings });
  });

  it('a card whose consent was withdrawn after it was queued is not sent (checked at send time)', async () => {
    const { c, card, org } = await referred();
    // Withdrawn behind the outbox's back (as a consent row changed by any other path would be): the row is still pending.
    await txQuery(db.pool, 'UPDATE consents SET withdrawn_at = $2 WHERE case_id = $1', [c.id, clock.now()]);
    const sent: OutgoingMessage[] = [];
    const w = await start({ send: async (m) => (sent.push(m), { externalMessageId: 1 }) });
    await w.enqueueOutbox([card.id]);
    await waitFor(async () => (await rows(c.ref)).find((r) => r.id === card.id)!.status !== 'pending', 'card row settled');
    assert.equal((await rows(c.ref)).find((r) => r.id === card.id)!.status, 'cancelled');
    assert.equal(sent.filter((m) => m.chatId === org.telegramChatId).length, 0, 'the organization received nothing');
  });

  it('a card that went out while consent was withdrawn is replaced once its send returns', async () => {
    const { c, ext, card, org } = await referred();
    const sent: OutgoingMessage[] = [];
    const w = await start({
      async send(m) {
        sent.push(m);
        // The resident withdraws while Telegram is delivering the card.
        if (m.outboxId === card.id) await cases.withdrawConsent(c.ref, ext);
        return { externalMessageId: 4242 };
      },
    });
    await w.enqueueOutbox([card.id]);
    await waitFor(async () => (await rows(c.ref)).some((r) => r.message.key === 'consent.handler.card_withdrawn' && r.status === 'sent'), 'replacement sent');
    const all = await rows(c.ref);
    assert.equal(all.find((r) => r.id === card.id)!.status, 'cancelled', 'the card stays cancelled, with the id it was delivered as');
    const replacement = all.find((r) => r.message.key === 'consent.handler.card_withdrawn')!;
    assert.deepEqual([replacement.chat_id, replacement.message.replaces], [org.telegramChatId, 4242]);
    assert.ok(sent.some((m) => m.message.replaces === 4242 && m.chatId === org.telegramChatId), 'the edit went to the organization’s chat');
  });
});
