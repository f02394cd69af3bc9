/** Runs the terminal chat (`npm run chat`'s entry) with piped input and returns what it printed. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { cleanPrefix, testRedis, uniquePrefix } from './redis.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function runChat(script: string[], env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bot', 'terminal.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, TELEGRAM_BOT_TOKEN: '', OFFICE_CHAT_ID: '', DATABASE_URL: '', OPENAI_API_KEY: '', OUTBOX_POLL_MS: '200' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(script.map((l) => `${l}\n`).join(''));
  });
}

/**
 * A data directory and a queue prefix of its own for a chat run (`DATA_DIR`, `QUEUE_PREFIX`), removed after the
 * suite: each test file's runs start from an empty database and leave no Redis keys behind.
 */
export function chatSandbox(name: string): { DATA_DIR: string; QUEUE_PREFIX: string } {
  const QUEUE_PREFIX = uniquePrefix(name);
  const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), `xf-${name}-`));
  afterAll(async () => {
    const redis = testRedis();
    await cleanPrefix(redis, QUEUE_PREFIX);
    redis.disconnect();
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  });
  return { DATA_DIR, QUEUE_PREFIX };
}
