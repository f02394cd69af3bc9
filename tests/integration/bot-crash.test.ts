import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Redis } from 'ioredis';
import { startBotApiEmulator, type BotApiEmulator } from '../emulator/botApi.js';
import { spawnBot, type BotProcess } from '../helpers/botProcess.js';
import { testDatabase } from '../helpers/db.js';
import { cleanPrefix, testRedis, uniquePrefix } from '../helpers/redis.js';

/*
 * A bot process killed (SIGKILL) while it answers a resident: the real app (`app/main.ts --role bot`)
 * takes the update from the Bot API emulator, which holds its reply unanswered; the process is killed
 * there, with its update claim "in progress" in Redis and the update unconfirmed at Telegram. A second
 * process on the same database and Redis gets the update again, waits out the dead process's claim,
 * handles it and answers: the resident gets the reply exactly once (docs/operations.md, crash recovery).
 */
const RESIDENT = 7_701;


describe('a bot process killed mid-update (real processes, PGlite over its socket, real Redis)', () => {
  let emu: BotApiEmulator;
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let redis: Redis;
  const prefix = uniquePrefix('bot-crash');
  const apps: BotProcess[] = [];

  /** Starts the real bot process on the test's database, Redis prefix and emulator. */
  function startBot(): BotProcess {
    const app = spawnBot(emu, prefix, {
      LOG_LEVEL: process.env.CRASH_LOG ?? 'info',
      // One connection: the embedded database's socket serves one session, shared with this test.
      DATABASE_URL: db.url,
      DB_POOL_MAX: '1',
    });
    apps.push(app);
    return app;
  }

  /** Resolves with `p`, or fails with the process's output if it exits first. */
  const whileRunning = <T>(app: BotProcess, p: Promise<T>): Promise<T> =>
    Promise.race([
      p.catch((err: Error) => Promise.reject(new Error(`${err.message}; the bot's log:\n${app.output()}`))),
      app.exited.then((code) => Promise.reject(new Error(`the bot exited (${code}) early:\n${app.output()}`))),
    ]);

  beforeAll(async () => {
    emu = await startBotApiEmulator();
    db = await testDatabase();
    redis = testRedis();
  });
  afterAll(async () => {
    for (const a of apps) if (a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL');
    await Promise.all(apps.map((a) => a.exited));
    await emu.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
    await db.close();
  });

  it('the update is handled again by the next process and the resident gets one reply', { timeout: 240_000 }, async () => {
    // The first process's reply reaches "Telegram" and is never answered: the process dies waiting.
    const held = emu.holdNext('sendMessage');
    const update = emu.sendText({ id: RESIDENT, language_code: 'zh-hans' }, '我们小区的路灯坏了两个月了,晚上出门很不安全');
    const seenKey = `${prefix}:tg:seen:${emu.token.split(':')[0]}:${update.update_id}`;

    const first = startBot();
    const attempt = await whileRunning(first, held.arrived);
    assert.equal(Number(attempt.chat_id), RESIDENT, 'the first process was answering the resident');
    assert.equal(await redis.get(seenKey), 'p', 'the update was claimed "in progress"');
    first.child.kill('SIGKILL');
    assert.equal(await first.exited, null, 'killed, not exited');
    assert.equal(emu.pending(), 1, 'the update is still unconfirmed at Telegram');

    // The second process gets the update again, waits out the dead claim (IN_PROGRESS_MS), handles it
    // and confirms it by asking for the next ones: then everything it sent is in.
    const second = startBot();
    await whileRunning(second, emu.idle(120_000));
    assert.equal(await redis.get(seenKey), 'd', 'the update was handled and marked done');
    const replies = emu.sent(RESIDENT).filter((c) => c.method === 'sendMessage' && c.ok).map((c) => String(c.payload.text));
    assert.deepEqual(replies, [String(attempt.text)], 'the resident got the answer the first process was sending, once');

    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  });
});
