/**
 * The real app (`app/main.ts --role bot`) as a child process against the Bot API emulator, for the
 * black-box tests of what a supervisor sees: its exit code and its log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import type { BotApiEmulator } from '../emulator/botApi.js';
import { TEST_REDIS_URL } from './redis.js';

export interface BotProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (registered at spawn, so an early exit is not missed). */
  exited: Promise<number | null>;
}

/** `env` adds to (or overrides) the production settings for the emulator and the Redis prefix. */
export function spawnBot(emu: BotApiEmulator, prefix: string, env: Record<string, string>): BotProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'app', 'main.ts'), '--role', 'bot'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: emu.token,
      TELEGRAM_API_ROOT: emu.apiRoot,
      WEBHOOK_URL: '',
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      ...env,
    },
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
