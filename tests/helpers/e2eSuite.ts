/**
 * An end-to-end describe block's setup in one call: the bot on real parts (startE2E) started before its tests
 * and closed after them, with the steps residents and staff take in Telegram. Kept apart from e2e.ts, which the
 * bot bench imports outside vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import type { CallbackAction } from '../../bot/callbackData.js';
import type { EmulatedUser } from '../emulator/botApi.js';
import { groupChat, startE2E, type E2E, type E2EOptions } from './e2e.js';
import { lateBound } from './lateBound.js';

/** The parts of the running bot a test uses, with the steps residents and staff take in Telegram. */
export interface E2ESuite {
  /** The running harness; it starts in the describe block's beforeAll, so use it inside tests and hooks. */
  e: E2E;
  /** `user` types `text` (in group `chatId` if given); waits for the bot and the outbox, or only for the bot when `settle` is false. */
  say(user: EmulatedUser, text: string, chatId?: number, settle?: boolean): Promise<Record<string, any>>;
  /**
   * `user` presses the latest `action` button in `chatId` and the same waits follow. `from` looks the button up
   * in another chat: a card sent before a group's migration, pressed in the new supergroup (same message).
   */
  press(user: EmulatedUser, chatId: number, action: CallbackAction, opts?: { ref?: string; text?: RegExp; from?: number }, settle?: boolean): Promise<Record<string, any>>;
  /** The latest text the bot sent to `chatId`, '' if none. */
  lastText(chatId: number): string;
  /** References of the resident's cases, oldest first. */
  casesOf(residentId: number): Promise<string[]>;
  /** The resident unblocked the bot: Telegram's my_chat_member update (kicked → member). */
  unblocked(chatId: number): void;
}

/**
 * Starts the bot (startE2E) in beforeAll of the calling describe block and closes it in afterAll. `opts` may be
 * a function, called in beforeAll, for options that exist only once earlier hooks ran (a fake provider's URL).
 */
export function useE2E(opts: E2EOptions | (() => E2EOptions) = {}): E2ESuite {
  let running: E2E | undefined;
  beforeAll(async () => {
    running = await startE2E(typeof opts === 'function' ? opts() : opts);
  });
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  const e = lateBound<E2E>('the e2e harness', () => running);
  const wait = (settle: boolean) => (settle ? e.settle() : e.emu.idle(15_000));
  return {
    e,
    async say(user, text, chatId, settle = true) {
      const update = e.emu.sendText(user, text, chatId === undefined ? undefined : groupChat(chatId));
      await wait(settle);
      return update;
    },
    async press(user, chatId, action, o = {}, settle = true) {
      const b = e.button(o.from ?? chatId, action, o);
      const update = e.emu.pressButton(user, chatId, b.messageId, b.data);
      await wait(settle);
      return update;
    },
    lastText: (chatId) => e.texts(chatId).at(-1) ?? '',
    async casesOf(residentId) {
      const r = await e.db.pool.query(`SELECT c.ref FROM cases c JOIN residents r ON r.id = c.resident_id WHERE r.external_id = $1 ORDER BY c.id`, [String(residentId)]);
      return r.rows.map((x) => x.ref as string);
    },
    unblocked(chatId) {
      e.emu.pushUpdate({
        my_chat_member: {
          chat: { id: chatId, type: 'private' },
          from: { id: chatId, is_bot: false, first_name: 'R' },
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { status: 'kicked', user: e.emu.me },
          new_chat_member: { status: 'member', user: e.emu.me },
        },
      });
    },
  };
}
