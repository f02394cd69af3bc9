/**
 * Signed inline-button payloads. Telegram gives a button at most 64 bytes of callback data and
 * hands it back verbatim from any client, so anyone can send any bytes: the payload is compact
 * `<code>:<ref>:<version>:<sig>` with an HMAC tag that rejects garbage and tampering before a
 * handler runs. The signature is not authorisation — handlers still check against the database who
 * may act on which case.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../kernel/logger.js';
import { ACTION_CODES, type CallbackAction } from '../conversation/actions.js';

/** Telegram's limit on callback_data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

export { ACTION_CODES, CALLBACK_ACTIONS, isCallbackAction, type CallbackAction } from '../conversation/actions.js';

const ACTION_BY_CODE = new Map<string, CallbackAction>(
  Object.entries(ACTION_CODES).map(([action, code]) => [code, action as CallbackAction]),
);

/** A case reference or, for non-case actions, their one argument (e.g. a language). Empty is allowed. */
const REF = /^[A-Za-z0-9_-]{0,32}$/;
const SIG_BYTES = 8; // 64-bit tag: ample against forgery by guessing, short enough for the 64-byte budget
const SIG_CHARS = 11; // base64url of 8 bytes

const wireSchema = z.object({
  code: z.string().regex(/^[a-z0-9]{2}$/),
  ref: z.string().regex(REF),
  version: z.union([z.literal(''), z.string().regex(/^[1-9][0-9]{0,8}$/)]),
  sig: z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${SIG_CHARS}}$`)),
});

export interface ParsedCallback {
  ok: true;
  action: CallbackAction;
  /** Case reference (or the action's argument); '' when the action has none. */
  ref: string;
  /** The case version the button was shown for, so a stale button can be refused. */
  version?: number;
}

export type CallbackErrorKind = 'not_text' | 'too_long' | 'malformed' | 'unknown_action' | 'bad_signature';

export interface CallbackParseError {
  ok: false;
  error: CallbackErrorKind;
}

export type CallbackParseResult = ParsedCallback | CallbackParseError;

export interface CallbackCodec {
  /** Builds the payload; throws on a programming error (bad ref, result over 64 bytes). */
  build(action: CallbackAction, ref?: string, version?: number): string;
  /** Never throws: any input gives a typed result. */
  parse(data: unknown): CallbackParseResult;
}

export function createCallbackCodec(key: Buffer | string): CallbackCodec {
  const keyBuf = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (keyBuf.length < 16) throw new Error('callback signing key must be at least 16 bytes');
  const sign = (body: string): string =>
    crypto.createHmac('sha256', keyBuf).update(body).digest().subarray(0, SIG_BYTES).toString('base64url');

  return {
    build(action, ref = '', version) {
      const code = ACTION_CODES[action];
      if (!code) throw new Error(`unknown callback action: ${String(action)}`);
      if (!REF.test(ref)) throw new Error(`callback ref must match ${REF}: ${JSON.stringify(ref)}`);
      if (version !== undefined && (!Number.isInteger(version) || version < 1 || version > 999_999_999)) {
        throw new Error(`callback version must be a positive integer: ${version}`);
      }
      const body = `${code}:${ref}:${version ?? ''}`;
      const data = `${body}:${sign(body)}`;
      if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data over ${CALLBACK_DATA_MAX_BYTES} bytes`);
      return data;
    },
    parse(data) {
      try {
        if (typeof data !== 'string') return { ok: false, error: 'not_text' };
        if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return { ok: false, error: 'too_long' };
        const fields = data.split(':');
        if (fields.length !== 4) return { ok: false, error: 'malformed' };
        const wire = wireSchema.safeParse({ code: fields[0], ref: fields[1], version: fields[2], sig: fields[3] });
        if (!wire.success) return { ok: false, error: 'malformed' };
        const { code, ref, version, sig } = wire.data;
        const expected = Buffer.from(sign(`${code}:${ref}:${version}`));
        const given = Buffer.from(sig);
        if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, error: 'bad_signature' };
        const action = ACTION_BY_CODE.get(code);
        if (!action) return { ok: false, error: 'unknown_action' };
        return { ok: true, action, ref, ...(version ? { version: Number(version) } : {}) };
      } catch {
        return { ok: false, error: 'malformed' };
      }
    },
  };
}

/** Used only by the terminal channel when nothing better is configured: its buttons never leave the machine. */
export const DEVELOPMENT_CALLBACK_KEY = 'xinfang-terminal-development-callback-key';

/**
 * The signing key: CALLBACK_SECRET when set; otherwise derived from TELEGRAM_BOT_TOKEN (secret
 * already, and stable across the bot's processes); for the terminal channel with neither, a fixed
 * development key, with a warning.
 */
export function callbackKeyFromConfig(
  config: { CALLBACK_SECRET?: string; TELEGRAM_BOT_TOKEN?: string },
  channel: 'telegram' | 'terminal',
  logger?: Logger,
): Buffer {
  if (config.CALLBACK_SECRET) {
    if (Buffer.byteLength(config.CALLBACK_SECRET) < 16) throw new Error('CALLBACK_SECRET must be at least 16 characters');
    return Buffer.from(config.CALLBACK_SECRET, 'utf8');
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    return crypto.createHmac('sha256', 'xinfang-callback-data-v1').update(config.TELEGRAM_BOT_TOKEN).digest();
  }
  if (channel === 'terminal') {
    logger?.warn('CALLBACK_SECRET and TELEGRAM_BOT_TOKEN are unset: the terminal chat signs buttons with a fixed development key');
    return Buffer.from(DEVELOPMENT_CALLBACK_KEY, 'utf8');
  }
  throw new Error('Telegram buttons need a signing key: set CALLBACK_SECRET (or TELEGRAM_BOT_TOKEN)');
}
