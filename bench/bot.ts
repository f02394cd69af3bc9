/**
 * The whole bot under load: residents' messages pushed into the Bot API emulator, handled by the
 * polling telegraf bot (dedupe, language, rate limit, triage, conversation state, case opening),
 * replies sent back over HTTP, the outbox delivered by the real workers. Also the emergency path:
 * time from pushing an emergency update to the emulator receiving the numbers, alone and under load.
 * Component costs (triage alone, one case-opening transaction) are printed to show what limits it.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { resourcePath } from '../kernel/paths.js';
import { triage } from '../triage/pipeline.js';
import type { Decision } from '../kernel/taxonomy.js';
import { startE2E, type E2E } from '../tests/helpers/e2e.js';
import type { BenchModule } from './types.js';
import { startProfile } from './profile.js';

const RESIDENTS = 200;
const MESSAGES_PER_RESIDENT = 5;
const EMERGENCIES = 40;
const EMERGENCY_TEXTS = ['我不想活了，想从楼上跳下去', '救命！家里着火了', '煤气泄漏了，闻到很大的味道', 'I want to kill myself tonight', '我老公正在打我，救命'];

function petitionTexts(): string[] {
  return readFileSync(resourcePath('training', 'examples.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; category: string })
    .filter((x) => x.category === 'petition')
    .map((x) => x.text);
}

function lastButton(e: E2E, chatId: number, action: 'confirm' | 'consent_yes'): { data: string; messageId: number } | undefined {
  try {
    return e.button(chatId, action);
  } catch {
    return undefined;
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Pushes `count` emergencies one at a time and returns each latency: push → the emulator receives the first reply. */
async function emergencyLatencies(e: E2E, firstUserId: number, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const user = { id: firstUserId + i, language_code: 'zh-hans' };
    const t0 = Date.now();
    e.emu.sendText(user, EMERGENCY_TEXTS[i % EMERGENCY_TEXTS.length]!);
    const call = await e.emu.waitFor((c) => c.method === 'sendMessage' && c.chatId === user.id, 30_000);
    out.push(call.at - t0);
  }
  return out;
}

export const bench: BenchModule = {
  name: 'bot',
  async run(report) {
    const texts = petitionTexts();
    const e = await startE2E({ residentMessagesPerMinute: 1000 });
    try {
      // Component costs first, on the same process and database.
      const deps = e.core.triage;
      const sample = texts.slice(0, 300);
      let t = performance.now();
      const decisions: Decision[] = [];
      for (const text of sample) decisions.push(await triage(text, deps));
      report('bot_component_triage_ms_per_msg', (performance.now() - t) / sample.length, 'ms');
      const resident = await e.cases.upsertResident({ channel: 'telegram', externalId: 'bench-direct', chatId: null, language: 'zh-Hans' });
      const openable = decisions.filter((d) => d.category === 'petition').slice(0, 100);
      t = performance.now();
      for (const d of openable) await e.cases.openCase({ residentId: resident.id, decision: d, originalText: d.redactedText, language: 'zh-Hans' });
      report('bot_component_open_case_tx_ms', (performance.now() - t) / Math.max(1, openable.length), 'ms');

      // Warm-up (JIT, connections, first polls).
      for (let i = 0; i < 20; i++) e.emu.sendText({ id: 990_000 + i, language_code: 'zh-hans' }, texts[i]!);
      await e.emu.idle(60_000);

      const idle = await emergencyLatencies(e, 980_000, EMERGENCIES);
      idle.sort((a, b) => a - b);
      report('emergency_reply_p95_ms', percentile(idle, 95), 'ms');
      report('emergency_reply_p50_ms', percentile(idle, 50), 'ms');

      // The load: RESIDENTS × MESSAGES_PER_RESIDENT petition-like messages, all pushed at once, with an
      // emergency from a new resident after every 100 of them (how long the numbers wait behind the load).
      const total = RESIDENTS * MESSAGES_PER_RESIDENT;
      const sentBefore = e.emu.calls('sendMessage').length;
      const underLoad: Array<Promise<number>> = [];
      const profile = await startProfile('bot-load');
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      let pushed = 0;
      for (let m = 0; m < MESSAGES_PER_RESIDENT; m++) {
        for (let r = 0; r < RESIDENTS; r++) {
          e.emu.sendText({ id: 100_000 + r, language_code: r % 7 === 0 ? 'zh-hk' : 'zh-hans' }, texts[(m * RESIDENTS + r) % texts.length]!);
          if (++pushed % 100 === 0) {
            const user = { id: 970_000 + pushed, language_code: 'zh-hans' };
            const t0 = Date.now();
            e.emu.sendText(user, EMERGENCY_TEXTS[pushed % EMERGENCY_TEXTS.length]!);
            underLoad.push(e.emu.waitFor((c) => c.method === 'sendMessage' && c.chatId === user.id, 600_000).then((c) => c.at - t0));
          }
        }
      }
      await e.emu.idle(600_000);
      const elapsed = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const loaded = (await Promise.all(underLoad)).sort((a, b) => a - b);
      const replies = e.emu.calls('sendMessage').length - sentBefore;
      report('bot_e2e_text_msgs_per_s', (total + underLoad.length) / elapsed, 'msg/s');
      report('bot_e2e_replies_sent', replies, 'messages');
      report('emergency_reply_under_load_p95_ms', percentile(loaded, 95), 'ms');
      report('emergency_reply_under_load_p50_ms', percentile(loaded, 50), 'ms');
      report('emergency_reply_under_load_max_ms', loaded.at(-1)!, 'ms');
      // Everything (bot, triage, embedded PGlite, workers, emulator) runs in this one process: CPU per
      // message is the figure that does not depend on how busy the machine is.
      report('bot_e2e_cpu_ms_per_msg', (cpu.user + cpu.system) / 1000 / (total + underLoad.length), 'ms');

      // Case creation: every resident confirms the last proposal they were shown (one case each):
      // a petition's `confirm` button, else a 信访外 / legal-aid offer's `consent_yes`.
      const confirmStarted = performance.now();
      let confirms = 0;
      for (let r = 0; r < RESIDENTS; r++) {
        const chatId = 100_000 + r;
        const b = lastButton(e, chatId, 'confirm') ?? lastButton(e, chatId, 'consent_yes');
        if (!b) continue; // this resident's last message was an inquiry or a question, not a proposal
        e.emu.pressButton({ id: chatId }, chatId, b.messageId, b.data);
        confirms++;
      }
      await e.emu.idle(600_000);
      const confirmElapsed = (performance.now() - confirmStarted) / 1000;
      report('bot_e2e_confirm_to_case_per_s', confirms / confirmElapsed, 'cases/s');
      // The headline figure: every update of the run — texts (triage, conversation state, replies),
      // emergencies and the confirmations that open the cases — over the time to answer them all.
      report('bot_e2e_msgs_per_s', (total + underLoad.length + confirms) / (elapsed + confirmElapsed), 'msg/s');
      await profile.stop();
      await e.deliver(600_000);
      report('bot_e2e_outbox_drain_s', (performance.now() - confirmStarted) / 1000 - confirmElapsed, 's');
      const cases = await e.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE resident_id <> $1`, [resident.id]);
      report('bot_e2e_cases_opened', cases.rows[0]!.n, 'cases');
      console.log(`# bot: ${total} messages from ${RESIDENTS} residents in ${elapsed.toFixed(1)} s; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    } finally {
      await e.close();
    }
  },
};
