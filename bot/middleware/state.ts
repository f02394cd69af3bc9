/**
 * What the middleware leaves on `ctx.state` for the pieces after it, and the Redis timeout they share.
 */
import type { Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Language } from '../../kernel/language.js';
import { within } from '../../kernel/deadline.js';
import { isLanguage } from '../../i18n/index.js';

/** The answer of the one Redis round trip (ordering.ts): first sighting, rate count, cached language. */
export interface AdmitResult {
  first: boolean;
  count: number;
  lang: string | null;
}

interface BotState {
  lang?: unknown;
  /** Absent when Redis did not answer: no dedupe, no rate limit, language from Postgres. */
  admitted?: AdmitResult;
  /** The emergency rules' verdict on this update's text, once asked (emergency.ts). */
  emergency?: boolean;
}

const stateOf = (ctx: Context): BotState => ctx.state as BotState;

/** The language middleware put on the context (zh-Hans if it did not run). */
export function langOf(ctx: Context): Language {
  const lang = stateOf(ctx).lang;
  return isLanguage(lang) ? lang : 'zh-Hans';
}

export function setLang(ctx: Context, lang: Language): void {
  stateOf(ctx).lang = lang;
}

export function admittedOf(ctx: Context): AdmitResult | undefined {
  return stateOf(ctx).admitted;
}

export function setAdmitted(ctx: Context, admitted: AdmitResult | undefined): void {
  stateOf(ctx).admitted = admitted;
}

export function emergencyOf(ctx: Context): boolean | undefined {
  return stateOf(ctx).emergency;
}

export function setEmergency(ctx: Context, emergency: boolean): void {
  stateOf(ctx).emergency = emergency;
}

class RedisTimeout extends Error {
  constructor(ms: number) {
    super(`redis did not answer within ${ms} ms`);
  }
}

/** A Redis client with maxRetriesPerRequest: null queues commands forever while disconnected; do not wait that long. */
export const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> => within(p, ms, () => new RedisTimeout(ms));

export function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}
