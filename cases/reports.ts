import { z } from 'zod';
import { ValidationError } from '../kernel/errors.js';
import type { CaseDeps } from './commands/run.js';
import { shanghaiDay } from './refs.js';
import type { TrendRow } from './reportRepository.js';
import { OBLIGATION_CLOCKS } from './types.js';
import { parse, parsePeriod } from './validation.js';

/* Figures for the office and supervisors: statistics, on-time rates, satisfaction, acceptance, trends. */

export interface CaseStats {
  from: Date;
  to: Date;
  total: number;
  byCategory: Record<string, number>;
  byTarget: Record<string, number>;
  byStatus: Record<string, number>;
  /** Per obligation clock kind: met on time, late (met late or still running past due); rate = met / (met + late). */
  onTime: Record<string, { met: number; late: number; rate: number | null }>;
  satisfaction: {
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    noAnswer: number;
    answered: number;
    /** (satisfied + basically satisfied) / answered; null when nobody answered. */
    rate: number | null;
  };
}

export type Acceptance = Record<string, { referred: number; accepted: number; declined: number; open: number; rate: number | null }>;

/** Figures for cases received in [from, to). */
export async function stats(deps: CaseDeps, range: { from: Date; to: Date }): Promise<CaseStats> {
  const { from, to } = parsePeriod(range);
  if (to.getTime() <= from.getTime()) throw new ValidationError('The period must end after it starts');
  const r = deps.store.reports;
  const byCategory = await r.countCasesBy('category', from, to);
  const byTarget = await r.countCasesBy('target', from, to);
  const byStatus = await r.countCasesBy('status', from, to);
  const total = Object.values(byCategory).reduce((a, b) => a + b, 0);
  const onTime: CaseStats['onTime'] = {};
  for (const [kind, { met, late }] of Object.entries(await r.clockPunctuality(from, to, deps.clock.now(), OBLIGATION_CLOCKS))) {
    onTime[kind] = { met, late, rate: met + late ? met / (met + late) : null };
  }
  const sat = await r.ratingCounts(from, to);
  const satisfied = sat.satisfied ?? 0;
  const basicallySatisfied = sat.basically_satisfied ?? 0;
  const dissatisfied = sat.dissatisfied ?? 0;
  const answered = satisfied + basicallySatisfied + dissatisfied;
  return {
    from,
    to,
    total,
    byCategory,
    byTarget,
    byStatus,
    onTime,
    satisfaction: {
      satisfied,
      basicallySatisfied,
      dissatisfied,
      noAnswer: sat.no_answer ?? 0,
      answered,
      rate: answered ? (satisfied + basicallySatisfied) / answered : null,
    },
  };
}

/** 信访外 referrals made in [from, to), per organization: accepted / (accepted + declined). */
export async function referralAcceptance(deps: CaseDeps, range: { from: Date; to: Date }): Promise<Acceptance> {
  const { from, to } = parsePeriod(range);
  const out: Acceptance = {};
  for (const { handlerId, status, n } of await deps.store.reports.referralAnswers(from, to)) {
    const o = (out[handlerId] ??= { referred: 0, accepted: 0, declined: 0, open: 0, rate: null });
    o.referred += n;
    // A completed referral was accepted first; a withdrawn one was never answered.
    if (status === 'accepted' || status === 'completed') o.accepted += n;
    else if (status === 'declined') o.declined += n;
    else o.open += n;
  }
  for (const o of Object.values(out)) o.rate = o.accepted + o.declined ? o.accepted / (o.accepted + o.declined) : null;
  return out;
}

/** Per Shanghai day or week in [from, to): received, resolved, survey answers and positive answers. */
export async function trends(deps: CaseDeps, range: { from: Date; to: Date }, bucket: 'day' | 'week'): Promise<TrendRow[]> {
  const { from, to } = parsePeriod(range);
  return deps.store.reports.trendRows(from, to, parse(z.enum(['day', 'week']), bucket, 'bucket'));
}

const DAY_MS = 86_400_000;
/** Periods up to this long are charted per day, longer ones per week. */
const DAILY_UP_TO_MS = 62 * DAY_MS;

export interface Dashboard {
  stats: CaseStats;
  acceptance: Acceptance;
  /** One row per bucket of the period, empty buckets as zeros (an even time axis). */
  trends: TrendRow[];
  bucket: 'day' | 'week';
}

/** The supervisors' dashboard for [from, to) (from a Shanghai midnight): figures, acceptance and trend buckets. */
export async function dashboard(deps: CaseDeps, range: { from: Date; to: Date }): Promise<Dashboard> {
  const { from, to } = parsePeriod(range);
  const bucket = to.getTime() - from.getTime() <= DAILY_UP_TO_MS ? 'day' : 'week';
  const byKey = new Map((await trends(deps, { from, to }, bucket)).map((r) => [r.bucket, r]));
  const rows: TrendRow[] = [];
  let cursor = from.getTime();
  if (bucket === 'week') {
    // Weeks start on Monday (ISO, as date_trunc('week')), in Shanghai time.
    const dow = (new Date(cursor + 8 * 3_600_000).getUTCDay() + 6) % 7;
    cursor -= dow * DAY_MS;
  }
  for (; cursor < to.getTime(); cursor += (bucket === 'day' ? 1 : 7) * DAY_MS) {
    const k = shanghaiDay(new Date(cursor));
    rows.push(byKey.get(k) ?? { bucket: k, received: 0, resolved: 0, answered: 0, satisfied: 0 });
  }
  return { stats: await stats(deps, { from, to }), acceptance: await referralAcceptance(deps, { from, to }), trends: rows, bucket };
}
