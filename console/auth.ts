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

export type SignInResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: Date };

export interface ConsoleAuthOptions {
  pool: Pool;
  clock: Clock;
  /** Absolute lifetime of a session. */
  sessionHours: number;
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

export class ConsoleAuth {
  private readonly rounds: number;
  /** Compared against when the username is unknown, so a miss takes as long as a wrong password. */
  private dummyHash?: string;

  constructor(private readonly o: ConsoleAuthOptions) {
    this.rounds = o.bcryptRounds ?? 12;
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

  async signIn(usernameRaw: string, password: string): Promise<SignInResult> {
    const now = this.o.clock.now();
    const parsed = usernameSchema.safeParse(usernameRaw);
    const row = parsed.success
      ? (await this.o.pool.query('SELECT * FROM console_users WHERE username = $1 AND disabled_at IS NULL', [parsed.data])).rows[0]
      : undefined;
    if (row?.locked_until && row.locked_until.getTime() > now.getTime()) {
      return { ok: false, reason: 'locked', lockedUntil: row.locked_until };
    }
    // bcrypt runs outside any transaction: with the embedded database one connection serves everyone.
    const ok = await bcrypt.compare(typeof password === 'string' ? password.slice(0, 200) : '', row?.password_hash ?? (await this.dummy()));
    if (!row || !ok) {
      if (!row) return { ok: false, reason: 'invalid' };
      const until = new Date(now.getTime() + this.o.lockoutMinutes * 60_000);
      // One statement, so concurrent guesses cannot lose a count.
      const upd = await this.o.pool.query(
        `UPDATE console_users SET failed_attempts = failed_attempts + 1,
           locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
         WHERE id = $1 RETURNING failed_attempts, locked_until`,
        [row.id, this.o.lockoutAttempts, until],
      );
      const locked = upd.rows[0]?.failed_attempts >= this.o.lockoutAttempts;
      if (locked) {
        await this.o.pool.query('UPDATE console_users SET failed_attempts = 0 WHERE id = $1', [row.id]);
        await this.audit(this.o.pool, row.username, 'locked_out', row.username, { until: until.toISOString() });
        this.o.logger?.warn({ user: row.username, until: until.toISOString() }, 'console account locked after repeated failed sign-ins');
        return { ok: false, reason: 'locked', lockedUntil: until };
      }
      return { ok: false, reason: 'invalid' };
    }
    await this.o.pool.query('UPDATE console_users SET failed_attempts = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1', [row.id, now]);
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
    if (now.getTime() - r.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.o.pool.query('UPDATE console_sessions SET last_seen_at = $2 WHERE token_hash = $1', [sha256(token), now]);
    }
    return { user: toUser(r), csrf: r.csrf_token, expiresAt: r.expires_at };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.o.pool.query('DELETE FROM console_sessions WHERE token_hash = $1', [sha256(token)]);
  }

  /** Expired sessions are useless; dropping them keeps the table small. */
  async pruneSessions(): Promise<number> {
    const res = await this.o.pool.query('DELETE FROM console_sessions WHERE expires_at <= $1', [this.o.clock.now()]);
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

  private async dummy(): Promise<string> {
    return (this.dummyHash ??= await bcrypt.hash(randomToken(), this.rounds));
  }
}

function parseOr<T>(schema: z.ZodType<T>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new ValidationError(r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}
