import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../kernel/errors.js';
import type { CaseEventRecord, CaseRecord, ConsentRecord, ReferralRecord, SatisfactionRecord } from './caseRepository.js';
import type { ConsentRequestRecord } from './consentRepository.js';
import type { ClockRecord } from './clockRepository.js';
import { handlerLoadOn, type CaseDeps } from './commands/run.js';
import type { Channel } from './ports.js';
import type { OutboxLine, OverdueClock, QueuePage } from './reportRepository.js';
import { CASE_STATUSES, OBLIGATION_CLOCKS, REVIEW_QUEUE_STATUSES, type CaseStatus, type HandlerKind } from './types.js';
import { channelSchema, externalIdSchema, parse, refSchema } from './validation.js';

/* Reads: one case, a resident's cases, the queue, overdue clocks, handler load. No writes. */

export async function getCase(deps: CaseDeps, ref: string): Promise<CaseRecord> {
  const r = parse(refSchema, ref, 'reference');
  const c = await deps.store.cases.byRef(r);
  if (!c) throw new NotFoundError('case', r);
  return c;
}

export async function listForResident(deps: CaseDeps, residentId: number): Promise<CaseRecord[]> {
  return deps.store.cases.forResident(parse(z.number().int().positive(), residentId, 'resident id'));
}

/** A resident's cases by their channel identity, newest first (none when they have no record). */
export async function casesOfResident(deps: CaseDeps, channel: Channel, externalId: string): Promise<CaseRecord[]> {
  const r = await deps.store.residents.byExternalId(channelSchema.parse(channel), parse(externalIdSchema, externalId, 'resident id'));
  return r ? deps.store.cases.forResident(r.id) : [];
}

export async function timeline(deps: CaseDeps, ref: string): Promise<CaseEventRecord[]> {
  return deps.store.events.forCase((await getCase(deps, ref)).id);
}

export async function referrals(deps: CaseDeps, ref: string): Promise<ReferralRecord[]> {
  return deps.store.cases.referrals((await getCase(deps, ref)).id);
}

/** The question to the resident about another organization that still waits for their answer (cases/commands/consent.ts). */
export async function openConsentQuestion(deps: CaseDeps, ref: string): Promise<ConsentRequestRecord | null> {
  return deps.store.consents.openRequest((await getCase(deps, ref)).id);
}

export async function clocks(deps: CaseDeps, ref: string): Promise<ClockRecord[]> {
  return deps.store.clocks.forCase((await getCase(deps, ref)).id);
}

export interface QueueOptions {
  category?: string;
  target?: string;
  urgentOnly?: boolean;
  /** Default: the office's review statuses, or every status with `handler`. */
  statuses?: CaseStatus[];
  deadline?: 'overdue' | '3d' | '7d' | 'none';
  /** 'urgent' (default): urgent first, then earliest statutory date, then oldest; 'oldest': by receipt. */
  sort?: 'oldest' | 'urgent';
  /** Only the cases referred to this handler. */
  handler?: { kind: HandlerKind; id: string };
  limit?: number;
  offset?: number;
}

/**
 * The queue: one page of the office's review queue (default statuses) or, with `handler`, of the cases
 * referred to that handler — the one case list the Telegram office, the terminal and the console read.
 * `deadline`: only cases whose earliest running obligation clock is overdue ('overdue'), due within N
 * days ('3d', '7d'), or that have none ('none'). `total` is exact up to QUEUE_COUNT_CAP (`capped` beyond).
 */
export async function queue(deps: CaseDeps, opts: QueueOptions = {}): Promise<QueuePage> {
  const limit = parse(z.number().int().min(1).max(500), opts.limit ?? 50, 'limit');
  const offset = parse(z.number().int().min(0).max(10_000_000), opts.offset ?? 0, 'offset');
  const now = deps.clock.now();
  const days = opts.deadline === '3d' ? 3 : opts.deadline === '7d' ? 7 : opts.deadline === 'overdue' ? 0 : null;
  return deps.store.reports.queue({
    statuses: opts.statuses?.length ? opts.statuses : opts.handler ? CASE_STATUSES : REVIEW_QUEUE_STATUSES,
    category: opts.category,
    target: opts.target,
    urgentOnly: opts.urgentOnly,
    handler: opts.handler,
    dueBefore: days === null ? undefined : new Date(now.getTime() + days * 86_400_000),
    noDeadline: opts.deadline === 'none',
    sort: opts.sort ?? 'urgent',
    obligationKinds: OBLIGATION_CLOCKS,
    limit,
    offset,
  });
}

export interface CaseDetail {
  case: CaseRecord;
  events: CaseEventRecord[];
  referrals: ReferralRecord[];
  clocks: ClockRecord[];
  consents: ConsentRecord[];
  /** Questions about another organization, with the resident's answer. */
  consentRequests: ConsentRequestRecord[];
  surveys: SatisfactionRecord[];
  outbox: OutboxLine[];
}

/** Everything the case page shows, read in one go. */
export async function caseDetail(deps: CaseDeps, ref: string): Promise<CaseDetail> {
  const c = await getCase(deps, ref);
  const s = deps.store;
  return {
    case: c,
    events: await s.events.forCase(c.id),
    referrals: await s.cases.referrals(c.id),
    clocks: await s.clocks.forCase(c.id),
    consents: await s.cases.consents(c.id),
    consentRequests: await s.consents.requests(c.id),
    surveys: await s.cases.surveys(c.id),
    outbox: await s.outbox.forCase(c.id),
  };
}

/** Whether a handler may see the case: it was referred to them and they did not decline it. */
export async function visibleToHandler(deps: CaseDeps, ref: string, handlerKind: HandlerKind, handlerId: string): Promise<boolean> {
  const r = parse(refSchema, ref, 'reference');
  const c = await deps.store.cases.byRef(r);
  return c ? deps.store.reports.visibleToHandler(c.id, handlerKind, handlerId) : false;
}

/**
 * Checks that `ref` has an open referral to this handler (what a callback from a handler's chat may act
 * on). Throws ForbiddenError otherwise.
 */
export async function authorizeHandler(
  deps: CaseDeps,
  ref: string,
  handlerKind: HandlerKind,
  handlerId: string,
): Promise<{ caseId: number; referralId: number; referralStatus: string }> {
  const r = parse(refSchema, ref, 'reference');
  const found = await deps.store.reports.openReferralTo(r, handlerKind, handlerId);
  if (!found) throw new ForbiddenError(`Case ${r} is not referred to ${handlerKind} ${handlerId}`);
  return found;
}

/** Running obligation clocks past their due time at `now`, oldest first. */
export async function overdue(deps: CaseDeps, now: Date = deps.clock.now()): Promise<OverdueClock[]> {
  return deps.store.reports.overdueClocks(parse(z.date(), now, 'time'), OBLIGATION_CLOCKS);
}

/** Open cases held per handler id (referred, accepted, in progress). */
export function handlerLoad(deps: CaseDeps): Promise<Record<string, number>> {
  return handlerLoadOn(deps.store);
}
