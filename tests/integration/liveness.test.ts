/**
 * Issue 13, point 6: a polling error telegraf does not retry (401 revoked token, 409 another poller)
 * ends the process with a non-zero code, so that its supervisor (compose `restart: unless-stopped`)
 * restarts it, instead of a process that stays up and answers nobody. Black box: the app's entry point
 * as a child process against the Bot API emulator.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBotApiEmulator, type ApiErrorSpec, type BotApiEmulator } from '../emulator/botApi.js';
import { spawnBot } from '../helpers/botProcess.js';
import { cleanPrefix, testRedis, uniquePrefix } from '../helpers/redis.js';

const EXIT_LIMIT_MS = 90_000;

describe('liveness: the bot process ends when Telegram polling cannot continue', () => {
  let emu: BotApiEmulator;
  const prefixes: string[] = [];
  const dirs: string[] = [];
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    emu = await startBotApiEmulator();
  });
  afterEach(() => {
    if (child?.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
    child = undefined;
  });
  afterAll(async () => {
    await emu.stop();
    const redis = testRedis();
    for (const p of prefixes) await cleanPrefix(redis, p);
    redis.disconnect();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function runBotUntilExit(error: ApiErrorSpec): Promise<{ code: number | null; output: string }> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-liveness-'));
    dirs.push(dataDir);
    const prefix = uniquePrefix('liveness');
    prefixes.push(prefix);
    emu.failNext('getUpdates', error);
    const bot = spawnBot(emu, prefix, { DATABASE_URL: '', DATA_DIR: dataDir });
    child = bot.child;
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not exit after getUpdates answered ${error.error_code}:\n${bot.output()}`)), EXIT_LIMIT_MS);
      void bot.exited.then((c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const output = bot.output();
    // It did reach polling: the failure is the one we scripted, not a start-up problem.
    expect(output).toContain('telegram bot started (polling)');
    return { code, output };
  }

  it('401 (the token was revoked): exits with code 1 and says why', async () => {
    const { code, output } = await runBotUntilExit({ error_code: 401, description: 'Unauthorized' });
    expect(code).toBe(1);
    expect(output).toContain('telegram polling stopped with an error');
    expect(output).toContain('exiting with code 1');
  }, EXIT_LIMIT_MS + 10_000);

  it('409 (another process polls with the same token): exits with code 1', async () => {
    const { code, output } = await runBotUntilExit({
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    expect(code).toBe(1);
    expect(output).toContain('Conflict');
  }, EXIT_LIMIT_MS + 10_000);
});
