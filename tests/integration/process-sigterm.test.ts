/**
 * Black box: the README's start command (`npm start`, which builds first), as Docker or a process
 * manager runs it, stopped with SIGTERM while a delivery is in flight. Every process of the tree must
 * be gone and the delivery must have completed (its outbox row is `sent`). While it runs, a second
 * process on the same DATA_DIR is refused with a clear message.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/pool.js';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { startBotApiEmulator, type BotApiEmulator } from '../emulator/botApi.js';
import { cleanPrefix, testRedis, TEST_REDIS_URL, uniquePrefix } from '../helpers/redis.js';

const RESIDENT_CHAT = 5_550_001;
const SHUTDOWN_LIMIT_MS = 10_000;

interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
}

/** Every live process, from /proc (Linux). */
function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after its last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // a zombie has exited; only its parent's wait() is missing
      out.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]) });
    } catch {
      // exited while we looked
    }
  }
  return out;
}

/** `root` and its descendants, plus anything still in its process group (orphans reparented to init). */
function treeOf(root: number): number[] {
  const all = processes();
  const found = new Set<number>(all.filter((p) => p.pid === root || p.pgid === root).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return [...found];
}

async function waitFor<T>(what: string, fn: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start, stopped with SIGTERM', () => {
  let emu: BotApiEmulator;
  let dataDir: string;
  let prefix: string;
  let outboxId: number;
  let app: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    emu = await startBotApiEmulator();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-sigterm-'));
    prefix = uniquePrefix('sigterm');
    // One message waiting in the outbox: the app delivers it as soon as its workers start.
    const db = await openDatabase({ poolMax: 2, dataDir });
    try {
      const r = await db.pool.query<{ id: number }>(
        `INSERT INTO outbox (chat_id, chat_kind, language, message, not_before) VALUES ($1, 'private', 'en', $2, now()) RETURNING id`,
        [RESIDENT_CHAT, JSON.stringify({ key: 'bot.help' })],
      );
      outboxId = r.rows[0]!.id;
    } finally {
      await db.close();
    }
  });

  afterAll(async () => {
    if (app?.pid) for (const pid of treeOf(app.pid)) process.kill(pid, 'SIGKILL');
    await emu.stop();
    const redis = testRedis();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the delivery in flight, then no process of the app is left', async () => {
    const held = emu.holdNext('sendMessage');
    app = spawn('npm', ['start'], {
      cwd: PROJECT_ROOT,
      // Its own process group, so that anything it leaves behind is still found by group id.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: emu.token,
        TELEGRAM_API_ROOT: emu.apiRoot,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        CONSOLE_PORT: '0',
        OUTBOX_POLL_MS: '200',
      },
    });
    app.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    app.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => app!.once('exit', (code) => resolve(code)));
    const npmPid = app.pid!;

    // The build runs first (prestart); then the app delivers the outbox row and the emulator holds the call.
    const payload = await Promise.race([
      held.arrived,
      exited.then((code) => Promise.reject(new Error(`npm start exited (${code}) before delivering:\n${output}`))),
    ]);
    expect(Number(payload.chat_id)).toBe(RESIDENT_CHAT);
    const appPid = await waitFor('the app pid in its log', () => Number(/"pid":(\d+)/.exec(output)?.[1]), 5_000);
    const tree = treeOf(npmPid);
    expect(tree).toContain(appPid);

    // A second process on the same data directory is refused, naming the one that holds it.
    const second = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'console', 'cli.ts'), 'list'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`already open in process ${appPid}`);

    // The limit is the requirement itself (a process manager kills after it), not a speed figure.
    process.kill(npmPid, 'SIGTERM');
    const deadline = Date.now() + SHUTDOWN_LIMIT_MS;
    await waitFor('the app to log the shutdown', () => output.includes('"msg":"shutting down"'), SHUTDOWN_LIMIT_MS);
    held.release();
    const gone = () => tree.every((pid) => !processes().some((p) => p.pid === pid)) && treeOf(npmPid).length === 0;
    await waitFor('every process of the tree to end', gone, Math.max(0, deadline - Date.now()));
    expect(await exited).toBe(0);
    app = undefined;

    // The delivery completed: the emulator answered it and the outbox row was marked sent.
    expect(emu.sent(RESIDENT_CHAT).filter((c) => c.method === 'sendMessage' && c.ok)).toHaveLength(1);
    const db = await openDatabase({ poolMax: 2, dataDir });
    try {
      const row = (await db.pool.query<{ status: string }>('SELECT status FROM outbox WHERE id = $1', [outboxId])).rows[0];
      expect(row?.status).toBe('sent');
    } finally {
      await db.close();
    }
    // The lock went with the process that held it.
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });
});
