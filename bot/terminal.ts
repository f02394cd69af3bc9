/**
 * `npm run chat` — the whole loop on one machine, with no configuration: the embedded database,
 * the workers (Redis needed) delivering outbox rows to this terminal, one resident (you), and an
 * office prompt (`/office …`) to play the staff. Buttons are shown as numbered choices; type the
 * number to press one. Piped input works too: each line is processed in order, the outbox is
 * drained after each, and the program exits at end of input.
 *
 *   npm run chat                    # 简体
 *   npm run chat -- --lang en       # or zh-Hant
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../app/config.js';
import { AppError } from '../kernel/errors.js';
import { createLogger } from '../kernel/logger.js';
import { describeStartupError, startApp, type Core, type RunningApp } from '../app/main.js';
import type { CaseService } from '../cases/caseService.js';
import { noClockReason } from '../cases/cardLabels.js';
import { shanghaiDateTime } from '../cases/refs.js';
import { NOT_ACCEPTED_REASONS, type Actor, type HandlerActor, type HandlerKind, type NotAcceptedReason } from '../cases/types.js';
import type { ResidentConversation } from '../conversation/resident.js';
import { residentConversationFor } from '../conversation/wiring.js';
import type { Reply, ResidentCommand, ResidentRef } from '../conversation/types.js';
import type { MessageSender, OutgoingMessage } from '../workers/sender.js';
import type { Language } from '../kernel/language.js';
import { isLanguage, t } from '../i18n/index.js';

/** The office group's chat id when none is configured: only this process ever sees it. */
export const TERMINAL_OFFICE_CHAT_ID = -1;
/** The terminal's stand-in for a handler's member when the directory lists none (see main()). */
const TERMINAL_STAFF_ID = 0;
export const TERMINAL_RESIDENT_CHAT_ID = 1;
const DRAIN_TIMEOUT_MS = 10_000;
const RESIDENT_COMMANDS: readonly ResidentCommand[] = ['start', 'status', 'withdraw', 'help', 'privacy'];

interface Choice {
  action: string;
  arg: string;
  version?: number;
  label: string;
}

export function parseLang(argv: string[]): Language {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  if (v === undefined) return 'zh-Hans';
  if (!isLanguage(v)) throw new Error(`--lang ${JSON.stringify(v)}: use zh-Hans, zh-Hant or en`);
  return v;
}

export class TerminalChat {
  private choices: Choice[] = [];
  private conv!: ResidentConversation;
  private core!: Core;
  readonly ref: ResidentRef;

  constructor(
    private readonly lang: Language,
    private readonly out: (line: string) => void,
    private readonly officeChatId: number,
    /** Where a file reply (the /privacy export) is written: a terminal cannot show a document. */
    private readonly fileDir: string | null = null,
  ) {
    this.ref = { channel: 'terminal', externalId: 'local', chatId: TERMINAL_RESIDENT_CHAT_ID, language: lang };
  }

  attach(core: Core): void {
    this.core = core;
    this.conv = residentConversationFor(core, this.officeChatId);
  }

  /** Prints outbox rows for the terminal resident. */
  residentSender(): MessageSender {
    return { send: async (m) => (this.printMessage('bot', m), {}) };
  }

  /** Prints group rows (office, handlers) when no Telegram bot is configured. */
  groupSender(): MessageSender {
    return {
      send: async (m) => {
        const h = m.chatId === this.officeChatId ? null : this.core?.directory.handlerForChat(m.chatId);
        this.out(`[${h ? `handler ${h.names['zh-Hans']}` : 'office'}] ${t(m.language, m.message.key, m.message.params ?? {})}`);
        return {};
      },
    };
  }

  private printMessage(who: string, m: OutgoingMessage): void {
    const params = m.message.params ?? {};
    // Buttons are signed with `caseRef` when the message has one (a consent question's `<ref>_q<id>`), as the Telegram sender does.
    const ref = typeof params.caseRef === 'string' ? params.caseRef : typeof params.ref === 'string' ? params.ref : '';
    this.printReply(who, { key: m.message.key, params, actions: m.message.actions, caseRef: ref });
  }

  private printReply(who: string, r: Reply): void {
    const lang = r.language ?? this.lang;
    this.out(`${who}> ${[r, ...(r.lines ?? [])].map((l) => t(lang, l.key, l.params ?? {})).join('\n')}`);
    if (r.document) this.saveDocument(r.document);
    if (r.buttons?.length) {
      // Buttons with their own labels and arguments (a choice), numbered like the standard ones.
      const shown = r.buttons.flat().map((b) => {
        const label = t(this.lang, b.label.key, b.label.params ?? {});
        this.choices.push({ action: b.action, arg: b.ref, version: b.version, label });
        return `[${this.choices.length}] ${label}`;
      });
      this.out(`     ${shown.join('  ')}`);
      return;
    }
    if (!r.actions?.length) return;
    const shown = r.actions.map((action) => {
      this.choices.push({ action, arg: r.caseRef ?? r.token ?? '', version: r.caseVersion, label: t(this.lang, `action.${action}`) });
      return `[${this.choices.length}] ${t(this.lang, `action.${action}`)}`;
    });
    this.out(`     ${shown.join('  ')}`);
  }

  /** The resident's own data: readable by this user only (0600), as the chat's file would be theirs alone. */
  private saveDocument(doc: NonNullable<Reply['document']>): void {
    if (!this.fileDir) return this.out(`     (${doc.filename}: no directory to save it in)`);
    fs.mkdirSync(this.fileDir, { recursive: true, mode: 0o700 });
    const file = path.join(this.fileDir, path.basename(doc.filename));
    fs.writeFileSync(file, doc.content, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    this.out(`     [file] ${file}`);
  }

  /** One line of input. */
  async handle(line: string): Promise<void> {
    const text = line.trim();
    if (text === '') return;
    try {
      if (/^\d{1,3}$/.test(text) && this.choices[Number(text) - 1]) {
        const c = this.choices[Number(text) - 1]!;
        this.choices = [];
        this.print(await this.conv.onAction(this.ref, c.action, c.arg, { version: c.version }));
        return;
      }
      this.choices = [];
      if (text.startsWith('/office')) return await this.office(text.slice('/office'.length).trim());
      const photo = /^\/(photo|document)\s+(\S+)$/.exec(text);
      if (photo) return this.print(await this.conv.onAttachment(this.ref, photo[1] as 'photo' | 'document', photo[2]!));
      const cmd = /^\/([a-z]+)(?:\s+(.*))?$/.exec(text);
      if (cmd && (RESIDENT_COMMANDS as readonly string[]).includes(cmd[1]!)) {
        return this.print(await this.conv.onCommand(this.ref, cmd[1] as ResidentCommand, cmd[2]));
      }
      this.print(await this.conv.onText(this.ref, line));
    } catch (err) {
      this.out(`error> ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private print(replies: Reply[]): void {
    for (const r of replies) this.printReply('bot', r);
  }

  // ---- the office prompt

  private async office(args: string): Promise<void> {
    const cases: CaseService = this.core.cases;
    const office: Actor = { kind: 'office', id: 'terminal' };
    const [sub = '', given = '', ...rest] = args.split(/\s+/);
    // `last` (or nothing) names the terminal resident's latest case, so a script need not know its reference.
    const ref = given === '' || given === 'last' ? await this.latestRef() : given;
    const note = args.split(/\s+/).slice(2).join(' ');
    const say = (s: string) => this.out(`office> ${s}`);
    // `last` with no case registered yet (the summary still waits for 确认提交): said as such, not as a malformed reference.
    const needsCase = sub !== '' && !['queue', 'help'].includes(sub);
    if (needsCase && ref === '') return say('no case yet: the resident has registered none (a summary waits for its button until it is submitted)');
    try {
      switch (sub) {
        case 'queue': {
          const { rows: q } = await cases.queue({ limit: 20 });
          if (q.length === 0) return say('queue empty');
          // No date is said for what it is (a decline, no referral yet, a reopening), not as "due —".
          for (const c of q) say(`${c.ref} ${c.status}${c.urgent ? ' URGENT' : ''} ${c.category}/${c.target ?? '—'} ${c.dueAt ? `due ${shanghaiDateTime(c.dueAt)}` : t('en', `cases.staff.no_clock.${noClockReason(c)}`)}`);
          return;
        }
        case 'approve': {
          const c = await cases.approveReferral(ref, office);
          return say(`approved ${c.ref} → ${c.status} (${c.handlerKind ?? '—'} ${c.handlerId ?? '—'})`);
        }
        case 'reassign': {
          const code = rest[0] ?? '';
          const kind: HandlerKind = this.core.directory.department(code) ? 'department' : 'organization';
          const c = await cases.reassign(ref, office, { handlerKind: kind, handlerId: code });
          return say(`reassigned ${c.ref} → ${kind} ${c.handlerId} (${c.status})`);
        }
        case 'accept': {
          const c = await cases.handlerAccept(ref, await this.handlerActor(ref));
          return say(`accepted ${c.ref} → ${c.status}`);
        }
        case 'decline': {
          const c = await cases.handlerDecline(ref, await this.handlerActor(ref), note || 'declined in the terminal');
          return say(`declined ${c.ref} → ${c.status}`);
        }
        case 'extend': {
          const days = Number(rest[0]);
          const c = await cases.requestExtension(ref, await this.handlerActor(ref), days, args.split(/\s+/).slice(3).join(' '));
          return say(`extended ${c.ref} by ${days} days`);
        }
        case 'progress': {
          const c = await cases.reportProgress(ref, await this.handlerActor(ref), note);
          return say(`progress on ${c.ref} → ${c.status}`);
        }
        case 'resolve': {
          const c = await cases.resolve(ref, await this.handlerActor(ref), note);
          return say(`resolved ${c.ref} → ${c.status}`);
        }
        case 'notaccept': {
          // 不予受理 with its statutory reason (another district, a court matter …): the resident is told why and where to go.
          const reason = rest[0] ?? '';
          if (!(NOT_ACCEPTED_REASONS as readonly string[]).includes(reason)) return say(`reasons: ${NOT_ACCEPTED_REASONS.join(' | ')}`);
          const c = await cases.notAccept(ref, office, reason as NotAcceptedReason, args.split(/\s+/).slice(3).join(' ') || undefined);
          return say(`not accepted ${c.ref} (${reason}) → ${c.status}`);
        }
        case 'review': {
          // The written answer to a 复查 the resident asked for (Art. 35).
          const c = await cases.answerReview(ref, office, note);
          return say(`review answered ${c.ref} → ${c.status}`);
        }
        case 'ask': {
          const c = await cases.askResident(ref, office, note);
          return say(`asked the resident about ${c.ref}`);
        }
        case 'urgent': {
          const c = await cases.markUrgent(ref, office);
          return say(`marked urgent ${c.ref}`);
        }
        case 'case': {
          const c = await cases.getCase(ref);
          say(`${c.ref} ${c.status} ${c.category}/${c.target ?? '—'} handler ${c.handlerKind ?? '—'} ${c.handlerId ?? '—'}`);
          for (const e of await cases.timeline(ref)) say(`  ${shanghaiDateTime(e.at)} ${e.type} ${e.fromStatus ?? ''}→${e.toStatus ?? ''}`);
          return;
        }
        default:
          say('commands (<ref> may be `last`): queue | approve <ref> | reassign <ref> <code> | notaccept <ref> <reason> [note] | ask <ref> <question> | urgent <ref> | accept <ref> | decline <ref> <reason> | progress <ref> <text> | extend <ref> <days> <reason> | resolve <ref> <text> | review <ref> <answer> (复查) | case <ref>');
      }
    } catch (err) {
      if (err instanceof AppError || (err instanceof Error && /Error$/.test(err.name))) {
        // A handler's step on a case the office has not (re)approved: say which step is missing.
        const waiting = ['accept', 'decline', 'progress', 'extend', 'resolve'].includes(sub) && (await cases.getCase(ref).catch(() => null))?.status === 'office_review';
        return say(`refused: ${err.message}${waiting ? ` — the office approves it first: /office approve ${given || 'last'}` : ''}`);
      }
      throw err;
    }
  }

  private async latestRef(): Promise<string> {
    return (await this.core.cases.casesOfResident(this.ref.channel, this.ref.externalId))[0]?.ref ?? '';
  }

  /** Acting as the handler that holds the case: a listed member, or the handler's own chat. */
  private async handlerActor(ref: string): Promise<HandlerActor> {
    const c = await this.core.cases.getCase(ref);
    if (!c.handlerKind || !c.handlerId) throw new AppError('no_handler', `Case ${ref} has no handler yet`);
    const h = this.core.directory.handler(c.handlerKind, c.handlerId);
    return { kind: 'handler', id: String(h?.memberIds[0] ?? TERMINAL_STAFF_ID), handler: { kind: c.handlerKind, id: c.handlerId } };
  }

  /** Waits until the outbox rows this terminal prints have gone out (or a time limit passes). */
  async drain(channels: string[]): Promise<void> {
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while (Date.now() < until) {
      const r = await this.core.db.pool.query<{ n: number }>(
        // Rows waiting for a chat that is not configured (chat_id NULL) will not go out in this run: not waited for.
        `SELECT count(*)::int AS n FROM outbox WHERE status = 'pending' AND chat_id IS NOT NULL AND not_before <= now() AND channel = ANY($1::text[])`,
        [channels],
      );
      if ((r.rows[0]?.n ?? 0) === 0) return;
      await new Promise((res) => setTimeout(res, 100));
    }
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let cfg: Config;
  let lang: Language;
  try {
    cfg = loadConfig();
    lang = parseLang(argv);
  } catch (err) {
    console.error(describeStartupError(err));
    return 2;
  }
  // Everything the office would see goes to this terminal when no office group is configured.
  const officeChatId = cfg.OFFICE_CHAT_ID ?? TERMINAL_OFFICE_CHAT_ID;
  cfg = { ...cfg, OFFICE_CHAT_ID: officeChatId };
  const logger = createLogger(
    // Log lines would drown the chat: errors only, unless debugging was asked for.
    ['debug', 'trace'].includes(String(cfg.LOG_LEVEL)) ? cfg.LOG_LEVEL : 'error',
    process.stderr as never,
  );
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const chat = new TerminalChat(lang, out, officeChatId, path.join(cfg.DATA_DIR, 'exports'));
  const printsGroups = !cfg.TELEGRAM_BOT_TOKEN;
  let app: RunningApp;
  try {
    const extraSenders = { terminal: chat.residentSender(), ...(printsGroups ? { telegram: chat.groupSender() } : {}) };
    app = await startApp(cfg, logger, { role: 'workers', extraSenders: extraSenders as { terminal: MessageSender } });
  } catch (err) {
    console.error(describeStartupError(err));
    return 1;
  }
  chat.attach(app.core);
  // Membership fails closed; the terminal plays the staff, so in this process (no Telegram input) each
  // group with no members listed gets the terminal's stand-in (user id 0, which no Telegram user has).
  for (const h of [...app.core.directory.departments, ...app.core.directory.organizations]) {
    if (h.memberIds.length === 0) h.memberIds = [TERMINAL_STAFF_ID];
  }
  const channels = printsGroups ? ['terminal', 'telegram'] : ['terminal'];
  const tty = process.stdin.isTTY === true;
  out(t(lang, 'conversation.welcome'));
  out('(/office help — staff commands; a number picks a button; Ctrl-D to quit)');

  const rl = readline.createInterface({ input: process.stdin, terminal: tty });
  if (tty) {
    rl.setPrompt('you> ');
    rl.prompt();
  }
  // Lines are handled strictly in order, each after the previous one's deliveries.
  let chain = Promise.resolve();
  rl.on('line', (line) => {
    chain = chain.then(async () => {
      if (!tty) out(`you> ${line}`);
      await chat.handle(line);
      await chat.drain(channels);
      if (tty) rl.prompt();
    });
  });
  await new Promise<void>((res) => rl.on('close', () => res()));
  await chain;
  await chat.drain(channels);
  await app.stop();
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(describeStartupError(err));
      process.exit(1);
    },
  );
}
