/**
 * `npm run console:user -- <command>`: console accounts.
 *   add <username> --role reviewer|supervisor|handler [--handler <department code or organization id>]
 *   passwd <username>          new password (ends the account's sessions)
 *   disable <username> | enable <username>    (enable also lifts a lock-out)
 *   list
 * The password is read from stdin when it is piped (`printf '%s\n' "$PW" | npm run console:user -- add …`),
 * otherwise prompted for without echo. With the embedded database, run this while the app is stopped:
 * PGlite's data directory belongs to one process at a time (a lock file refuses a second one).
 */
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import { systemClock } from '../kernel/clock.js';
import { loadConfig } from '../app/config.js';
import { AppError } from '../kernel/errors.js';
import { DataDirLockedError } from '../db/dataDirLock.js';
import { openDatabase, type Database } from '../db/pool.js';
import { loadDirectory, type Directory } from '../directory/directory.js';
import { CONSOLE_ROLES, ConsoleAuth, passwordSchema, type ConsoleRole } from './auth.js';

const USAGE = `usage: npm run console:user -- add <username> --role ${CONSOLE_ROLES.join('|')} [--handler <department code or organization id>]
       npm run console:user -- passwd <username>
       npm run console:user -- disable <username> | enable <username>
       npm run console:user -- list`;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** `housing`, `department:housing`, `nanshan-legal-aid` or `organization:nanshan-legal-aid`. */
export function resolveHandler(directory: Directory, spec: string): { kind: 'department' | 'organization'; id: string } {
  const [a, b] = spec.includes(':') ? spec.split(':', 2) : [undefined, spec];
  const id = b ?? '';
  if ((a === undefined || a === 'department') && directory.department(id)) return { kind: 'department', id };
  if ((a === undefined || a === 'organization') && directory.organization(id)) return { kind: 'organization', id };
  const known = [...directory.departments.map((d) => d.code), ...directory.organizations.map((o) => o.id)].join(', ');
  throw new AppError('validation', `--handler ${spec}: no such department or organization in the directory. Known: ${known}`);
}

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing while the password is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(prompt)) process.stdout.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

export async function main(argv: string[]): Promise<number> {
  const [command, username] = argv;
  if (!command || !['add', 'passwd', 'disable', 'enable', 'list'].includes(command) || (command !== 'list' && !username)) {
    console.error(USAGE);
    return 2;
  }
  const cfg = loadConfig();
  // Arguments and the password are checked before the database starts: a typo fails at once.
  let handler: { kind: 'department' | 'organization'; id: string } | null = null;
  let password = '';
  try {
    if (command === 'add') {
      const role = option(argv, 'role');
      if (!role || !(CONSOLE_ROLES as readonly string[]).includes(role)) {
        console.error(`--role must be one of ${CONSOLE_ROLES.join(', ')}\n${USAGE}`);
        return 2;
      }
      const spec = option(argv, 'handler');
      handler = spec ? resolveHandler(loadDirectory(cfg.DIRECTORY_PATH), spec) : null;
    }
    if (command === 'add' || command === 'passwd') {
      password = await readPassword(command === 'add' ? 'Password (≥ 10 characters): ' : 'New password (≥ 10 characters): ');
      const checked = passwordSchema.safeParse(password);
      if (!checked.success) throw new AppError('validation', checked.error.issues.map((i) => i.message).join('; '));
    }
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: cfg.DATABASE_URL, dataDir: cfg.DATA_DIR, pgliteport: cfg.PGLITE_PORT, poolMax: 2 });
  } catch (err) {
    // The app holds the embedded database: say so instead of a stack trace.
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  try {
    const auth = new ConsoleAuth({
      pool: db.pool,
      clock: systemClock,
      sessionHours: cfg.CONSOLE_SESSION_HOURS,
      lockoutAttempts: cfg.CONSOLE_LOCKOUT_ATTEMPTS,
      lockoutMinutes: cfg.CONSOLE_LOCKOUT_MINUTES,
      secret: 'cli-does-not-sign-forms',
    });
    switch (command) {
      case 'add': {
        const user = await auth.createUser({ username: username!, password, role: option(argv, 'role') as ConsoleRole, handler });
        console.log(`created ${user.username} (${user.role}${user.handler ? ` of ${user.handler.kind} ${user.handler.id}` : ''})`);
        break;
      }
      case 'passwd':
        await auth.setPassword(username!, password);
        console.log(`password of ${username} changed; their sessions are closed`);
        break;
      case 'disable':
      case 'enable':
        await auth.setDisabled(username!, command === 'disable');
        console.log(`${username} ${command}d`);
        break;
      case 'list':
        for (const u of await auth.listUsers()) {
          const flags = [u.disabled ? 'disabled' : '', u.lockedUntil && u.lockedUntil > new Date() ? `locked until ${u.lockedUntil.toISOString()}` : ''].filter(Boolean);
          console.log(`${u.username}\t${u.role}${u.handler ? `\t${u.handler.kind}:${u.handler.id}` : ''}${flags.length ? `\t(${flags.join(', ')})` : ''}`);
        }
        break;
    }
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
