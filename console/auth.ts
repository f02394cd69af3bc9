import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { ValidationError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { Pool, Queryable } from '../db/pool.js';
import type { HandlerKind } from '../cases/types.js';

/*
 * Console accounts and sessions, all in Postgres (no process-local state, so several console processes
 * can serve the same office). Passwords are bcrypt hashes (bcryptjs: pure JS, nothing to build);
 * the session cookie carries a random token whose SHA-256 is the row key; each session has its own
 * CSRF token (synchronizer pattern); repeated failures lock the account for a while.
 */

export const CONSOLE_ROLES = ['reviewer', 'supervisor', 'handler'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export interface ConsoleUser {
  id: number;
  username: string;
  role: ConsoleRole;
  handler: { kind: HandlerKind; id: string } | null;
}

export interface Session {
  user: ConsoleUser;
  csrf: string;
  expiresAt: Date;
}

/**
 * 'invalid' covers an unknown user, a wrong password and a locked account alike (same answer, same work);
 * 'throttled' is about the client's address, not the account; 'busy' when too many checks already wait.
 */
export type SignInResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date }
  | { ok: false; reason: 'busy' };

export interface ConsoleAuthOptions {
  pool: Pool;
  clock: Clock;
  /** Absolute lifetime of a session. */
  sessionHours: number;
  /** A session unused this long ends (CONSOLE_IDLE_MINUTES; 30 by default). */
  idleMinutes?: number;
  /** Failed sign-ins from one address per lock-out period before it is refused outright (20 by default). */
  ipAttempts?: number;
  /** bcrypt checks at once; more wait their turn (2 by default), so the event loop the bot shares is never swamped. */
  bcryptConcurrency?: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  lockoutAttempts: number;
  lockoutMinutes: number;
  /** Signs the sign-in form's CSRF token (the only form shown before a session exists). */
  secret: string;
  logger?: Logger;
  /** bcrypt cost; 12 by default (~0.3 s per hash on one core); tests use less. */
  bcryptRounds?: number;
}

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'username: 2–64 characters, lowercase letters, digits, dot, underscore or hyphen');
export const passwordSchema = z
  .string()
  .min(10, 'password: at least 10 characters')
  .max(72, 'password: at most 72 bytes (bcrypt ignores the rest)')
  .refine((p) => Buffer.byteLength(p, 'utf8') <= 72, 'password: at most 72 bytes (bcrypt ignores the rest)');

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a pg row, typed field by field where it is mapped
type Row = Record<string, any>;
const toUser = (r: Row): ConsoleUser => ({
  id: r.id,
  username: r.username,
  role: r.role,
  handler: r.handler_kind ? { kind: r.handler_kind, id: r.handler_id } : null,
});

/** Refreshing last_seen_at on every request would write on every page view; once in a while is enough. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** Sign-ins waiting for a bcrypt slot beyond this are answered "busy" at once. */
const MAX_WAITING_CHECKS = 64;

/** At most `size` tasks at once; the rest wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly size: number) {}
  get queued(): number {
    return this.waiting.length;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

export class ConsoleAuth {
  private readonly rounds: number;
  /** Compared against when the username is unknown, so a miss takes as long as a wrong password. */
  private dummyHash?: Promise<string>;
  private readonly checks: Semaphore;
  private readonly idleMs: number;

  constructor(private readonly o: ConsoleAuthOptions) {
    this.rounds = o.bcryptRounds ?? 12;
    this.checks = new Semaphore(o.bcryptConcurrency ?? 2);
    this.idleMs = (o.idleMinutes ?? 30) * 60_000;
  }

  // ---- accounts (the CLI)

  async createUser(input: { username: string; password: string; role: ConsoleRole; handler?: { kind: HandlerKind; id: string } | null }): Promise<ConsoleUser> {
    const username = parseOr(usernameSchema, input.username);
    const password = parseOr(passwordSchema, input.password);
    const role = parseOr(z.enum(CONSOLE_ROLES, { message: `role must be one of ${CONSOLE_ROLES.join(', ')}` }), input.role);
    if ((role === 'handler') !== Boolean(input.handler)) {
      throw new ValidationError(role === 'handler' ? 'a handler account needs --handler <department code or organization id>' : '--handler is only for handler accounts');
    }
    const hash = await bcrypt.hash(password, this.rounds);
    try {
      const res = await this.o.pool.query(
        `INSERT INTO console_users (username, password_hash, role, handler_kind, handler_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [username, hash, role, input.handler?.kind ?? null, input.handler?.id ?? null, this.o.clock.now()],
      );
      await this.audit(this.o.pool, username, 'user_created', username, { role, handler: input.handler ?? null });
      return toUser(res.rows[0]);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new ValidationError(`user ${username} already exists; use \`passwd\` to change the password`);
      throw err;
    }
  }

  async setPassword(usernameRaw: string, passwordRaw: string): Promise<void> {
    const username = parseOr(usernameSchema, usernameRaw);
    const hash = await bcrypt.hash(parseOr(passwordSchema, passwordRaw), this.rounds);
    const res = await this.o.pool.query(
      'UPDATE console_users SET password_hash = $2, failed_attempts = 0, locked_until = NULL WHERE username = $1 RETURNING id',
      [username, hash],
    );
    if (!res.rows[0]) throw new ValidationError(`no user ${username}`);
    // A new password ends every open session of the account.
    await this.o.pool.query('DELETE FROM console_sessions WHERE user_id = $1', [res.rows[0].id]);
    await this.audit(this.o.pool, username, 'password_set', username);
  }

  async setDisabled(usernameRaw: string, disabled: boolean): Promise<void> {
    const username = parseOr(usernameSchema, usernameRaw);
    const res = await this.o.pool.query(
      'UPDATE console_users SET disabled_at = $2, failed_attempts = 0, locked_until = NULL WHERE username = $1 RETURNING id',
      [username, disabled ? this.o.clock.now() : null],
    );
    if (!res.rows[0]) throw new ValidationError(`no user ${username}`);
    if (disabled) await this.o.pool.query('DELETE FROM console_sessions WHERE user_id = $1', [res.rows[0].id]);
    await this.audit(this.o.pool, username, disabled ? 'user_disabled' : 'user_enabled', username);
  }

  async listUsers(): Promise<Array<ConsoleUser & { disabled: boolean; lockedUntil: Date | null; lastLoginAt: Date | null }>> {
    const res = await this.o.pool.query('SELECT * FROM console_users ORDER BY username');
    return res.rows.map((r) => ({ ...toUser(r), disabled: r.disabled_at !== null, lockedUntil: r.locked_until, lastLoginAt: r.last_login_at }));
  }

  // ---- sign-in and sessions

  /**
   * One sign-in. Every attempt is counted before bcrypt runs, in one statement per counter, so parallel
   * guesses cannot race past the limit: the address's counter first, then the account's, which also sets
   * the lock when the count reaches the limit. Only an attempt the count admits is checked against the
   * real hash; unknown users, refused attempts and locked accounts are checked against a dummy hash, so
   * every failure takes the same work and gets the same answer.
   */
  async signIn(usernameRaw: string, password: string, ip = 'unknown'): Promise<SignInResult> {
    const now = this.o.clock.now();
    const windowMs = this.o.lockoutMinutes * 60_000;
    if (this.checks.queued >= MAX_WAITING_CHECKS) return { ok: false, reason: 'busy' };
    const byIp = await this.countAttempt(`ip:${ip}`, now, windowMs);
    if (byIp.hits > (this.o.ipAttempts ?? 20)) {
      this.o.logger?.warn({ ip }, 'console sign-in refused: too many failed attempts from this address');
      return { ok: false, reason: 'throttled', retryAt: new Date(byIp.windowStart.getTime() + windowMs) };
    }
    const parsed = usernameSchema.safeParse(usernameRaw);
    const limit = this.o.lockoutAttempts;
    // Counts the attempt and, on reaching the limit, locks; a locked row keeps counting past the limit.
    const row: Row | undefined = parsed.success
      ? (
          await this.o.pool.query(
            `UPDATE console_users SET
               failed_attempts = CASE
                 WHEN locked_until > $2 THEN GREATEST(failed_attempts + 1, $3 + 1)
                 WHEN locked_until IS NOT NULL THEN 1
                 ELSE failed_attempts + 1 END,
               locked_until = CASE
                 WHEN locked_until > $2 THEN locked_until
                 WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_attempts + 1 END) >= $3 THEN $4::timestamptz
                 ELSE NULL END
             WHERE username = $1 AND disabled_at IS NULL RETURNING *`,
            [parsed.data, now, limit, new Date(now.getTime() + windowMs)],
          )
        ).rows[0]
      : undefined;
    const admitted = row !== undefined && row.failed_attempts <= limit;
    const given = typeof password === 'string' ? password.slice(0, 200) : '';
    // bcrypt runs outside any transaction (with the embedded database one connection serves everyone), a few at a time.
    const ok = await this.checks.run(async () => bcrypt.compare(given, admitted ? row.password_hash : await this.dummy()));
    if (!admitted || !ok) {
      if (row && admitted && row.failed_attempts === limit) {
        await this.audit(this.o.pool, row.username, 'locked_out', row.username, { until: row.locked_until?.toISOString() });
        this.o.logger?.warn({ user: row.username, until: row.locked_until?.toISOString() }, 'console account locked after repeated failed sign-ins');
      }
      return { ok: false, reason: 'invalid' };
    }
    // The right password clears the count only if no other attempt came in meanwhile: a correct guess
    // among parallel wrong ones does not lift the lock they set.
    await this.o.pool.query(
      `UPDATE console_users SET last_login_at = $2,
         failed_attempts = CASE WHEN failed_attempts = $3 THEN 0 ELSE failed_attempts END,
         locked_until = CASE WHEN failed_attempts = $3 THEN NULL ELSE locked_until END
       WHERE id = $1`,
      [row.id, now, row.failed_attempts],
    );
    // The address's counter is for failures: a success gives its attempt back.
    await this.o.pool.query('UPDATE console_signin_throttle SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [`ip:${ip}`]);
    const token = randomToken();
    const csrf = randomToken();
    const expiresAt = new Date(now.getTime() + this.o.sessionHours * 3_600_000);
    await this.o.pool.query(
      'INSERT INTO console_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)',
      [sha256(token), row.id, csrf, now, expiresAt],
    );
    await this.audit(this.o.pool, row.username, 'signed_in', row.username);
    return { ok: true, token, session: { user: toUser(row), csrf, expiresAt } };
  }

  /** Counts one attempt under `key` in a fixed window, in one statement; returns the count so far. */
  private async countAttempt(key: string, now: Date, windowMs: number): Promise<{ hits: number; windowStart: Date }> {
    const res = await this.o.pool.query(
      `INSERT INTO console_signin_throttle AS t (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN t.window_start <= $3 THEN 1 ELSE t.hits + 1 END,
         window_start = CASE WHEN t.window_start <= $3 THEN $2 ELSE t.window_start END
       RETURNING hits, window_start`,
      [key.slice(0, 200), now, new Date(now.getTime() - windowMs)],
    );
    return { hits: res.rows[0].hits, windowStart: res.rows[0].window_start };
  }

  async session(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 100) return null;
    const now = this.o.clock.now();
    const res = await this.o.pool.query(
      `SELECT s.csrf_token, s.expires_at, s.last_seen_at, u.* FROM console_sessions s JOIN console_users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
      [sha256(token), now],
    );
    const r = res.rows[0];
    if (!r) return null;
    // last_seen_at is written at most every touchMs, so a session ends between idle − touchMs and idle unused.
    const touchMs = Math.min(TOUCH_EVERY_MS, this.idleMs / 5);
    if (now.getTime() - r.last_seen_at.getTime() >= this.idleMs) {
      await this.o.pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [sha256(token)]);
      return null;
    }
    if (now.getTime() - r.last_seen_at.getTime() > touchMs) {
      await this.o.pool.query('UPDATE console_sessions SET last_seen_at = $2 WHERE token_hash = $1', [sha256(token), now]);
    }
    return { user: toUser(r), csrf: r.csrf_token, expiresAt: r.expires_at };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.o.pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [sha256(token)]);
  }

  /** Expired and idle sessions are useless; dropping them (and old throttle windows) keeps the tables small. */
  async pruneSessions(): Promise<number> {
    const now = this.o.clock.now();
    const res = await this.o.pool.query('DELETE FROM console_sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
      now,
      new Date(now.getTime() - this.idleMs),
    ]);
    await this.o.pool.query('DELETE FROM console_signin_throttle WHERE window_start <= $1', [new Date(now.getTime() - this.o.lockoutMinutes * 60_000)]);
    return res.rowCount ?? 0;
  }

  // ---- CSRF for the sign-in form (no session yet): a nonce cookie and its HMAC in the form

  newLoginNonce(): { nonce: string; token: string } {
    const nonce = randomToken();
    return { nonce, token: this.loginToken(nonce) };
  }

  checkLoginToken(nonce: string | undefined, token: string | undefined): boolean {
    return Boolean(nonce && token) && safeEqual(this.loginToken(nonce!), token!);
  }

  private loginToken(nonce: string): string {
    return crypto.createHmac('sha256', this.o.secret).update(`login:${nonce}`).digest('base64url');
  }

  // ---- audit of console-only actions (case actions are audited by CaseService in case_events)

  async audit(q: Queryable, username: string | null, action: string, subject: string | null, data: Record<string, unknown> = {}): Promise<void> {
    await q.query('INSERT INTO console_audit (at, username, action, subject, data) VALUES ($1, $2, $3, $4, $5)', [
      this.o.clock.now(),
      username,
      action,
      subject,
      JSON.stringify(data),
    ]);
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= bcrypt.hash(randomToken(), this.rounds));
  }
}

function parseOr<T>(schema: z.ZodType<T>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new ValidationError(r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}
