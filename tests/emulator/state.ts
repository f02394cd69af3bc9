/**
 * Everything the emulator remembers, shared by the method handlers (the bot's side), the HTTP server
 * and the test-facing controls, so each sees the other's effects at once.
 */
import type http from 'node:http';
import { FileStore } from './files.js';
import { ApiFailure, bad, chatOf, now, reply } from './protocol.js';
import type { ApiErrorSpec, BotApiEmulator, RecordedCall } from './types.js';

export interface QueuedUpdate {
  update: Record<string, any>;
  delivered: boolean;
  /** Pushed with pushRaw: survives confirmation by offset until delivered once (a deliberate replay). */
  replay: boolean;
}

export interface Poller {
  res: http.ServerResponse;
  offset: number;
  limit: number;
  timer: NodeJS.Timeout;
  done: boolean;
}

export interface Hold {
  arrive: (payload: Record<string, any>) => void;
  released: Promise<void>;
}

export const commandKey = (scope: unknown, languageCode: unknown): string =>
  `${JSON.stringify(scope ?? { type: 'default' })}|${typeof languageCode === 'string' ? languageCode : ''}`;

const confirmed = (q: QueuedUpdate, offset: number): boolean =>
  offset > 0 && q.update.update_id < offset && (q.delivered || !q.replay);

export class EmulatorState {
  nextUpdateId = 100_000;
  nextCallbackId = 1;
  nextMessageIdIn = 1;
  webhook: { url: string; secret_token?: string } | null = null;
  readonly queue: QueuedUpdate[] = [];
  readonly recorded: RecordedCall[] = [];
  readonly watchers = new Set<{ predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }>();
  readonly failures = new Map<string, ApiErrorSpec[]>();
  readonly holds = new Map<string, Hold[]>();
  readonly memberships = new Map<number, Map<number, string>>();
  readonly blocked = new Map<number, string>();
  readonly migrations = new Map<number, number>();
  readonly chatFailures = new Map<number, { error: ApiErrorSpec; left: number; pass: number }>();
  readonly commandSets = new Map<string, Array<{ command: string; description: string }>>();
  readonly botMessages = new Map<string, Record<string, any>>();
  readonly files = new FileStore();
  readonly callbackIds = new Set<string>();
  poller: Poller | null = null;
  readonly idleWaiters = new Set<() => void>();
  /** Above zero inside batch(): pushed updates wait so a poller receives them together. */
  holding = 0;
  private nextSeq = 1;
  private readonly messageCounters = new Map<number, number>();

  constructor(
    readonly token: string,
    readonly me: BotApiEmulator['me'],
  ) {}

  notifyIdle(): void {
    if (this.queue.length > 0 || !this.poller || this.poller.done) return;
    for (const w of [...this.idleWaiters]) w();
  }

  enqueue(update: Record<string, any>, replay = false): void {
    this.files.register(update);
    this.queue.push({ update, delivered: false, replay });
    this.flushPoller();
  }

  takeUpdates(offset: number, limit: number): Record<string, any>[] {
    const queue = this.queue;
    if (offset > 0) {
      for (let i = queue.length - 1; i >= 0; i--) {
        const q = queue[i]!;
        if (confirmed(q, offset)) queue.splice(i, 1);
      }
    } else if (offset < 0) {
      // Negative offset: only the last |offset| updates are kept, as in the real API.
      const keep = -offset;
      if (queue.length > keep) queue.splice(0, queue.length - keep);
    }
    const batch = queue.slice(0, Math.max(1, Math.min(100, limit)));
    for (const q of batch) q.delivered = true;
    return batch.map((q) => q.update);
  }

  flushPoller(): void {
    if (this.holding > 0) return;
    const p = this.poller;
    if (!p || p.done) return;
    const remaining = this.queue.filter((q) => !confirmed(q, p.offset));
    if (remaining.length === 0) return;
    p.done = true;
    clearTimeout(p.timer);
    this.poller = null;
    reply(p.res, 200, { ok: true, result: this.takeUpdates(p.offset, p.limit) });
  }

  record(call: Omit<RecordedCall, 'seq' | 'at'>): RecordedCall {
    const full: RecordedCall = { seq: this.nextSeq++, at: Date.now(), ...call };
    this.recorded.push(full);
    for (const w of [...this.watchers]) {
      if (w.predicate(full)) {
        this.watchers.delete(w);
        w.resolve(full);
      }
    }
    return full;
  }

  /** The call's chat id, or the failure the real API gives for a missing, blocked or migrated chat. */
  requireChat(payload: Record<string, unknown>): number {
    const raw = payload.chat_id;
    if (raw === undefined || raw === null || raw === '') throw bad('chat_id is empty');
    const id = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isSafeInteger(id)) throw bad('chat not found');
    if (this.blocked.has(id)) throw new ApiFailure({ error_code: 403, description: this.blocked.get(id)! });
    const to = this.migrations.get(id);
    if (to !== undefined) {
      throw new ApiFailure({ error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: to } });
    }
    return id;
  }

  /** Message ids count per chat, as in the real API; the message is kept so edits and presses can find it. */
  newBotMessage(chatId: number, content: Record<string, unknown>): Record<string, any> {
    const id = (this.messageCounters.get(chatId) ?? 0) + 1;
    this.messageCounters.set(chatId, id);
    const message = { message_id: id, date: now(), chat: chatOf(chatId), from: this.me, ...content };
    this.botMessages.set(`${chatId}:${id}`, message);
    return message;
  }
}
