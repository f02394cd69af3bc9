import type { Language } from '../kernel/language.js';
import type {
  CasePatch,
  CaseEventRecord,
  CaseRecord,
  ConsentRecord,
  NewCase,
  ReferralRecord,
  ResidentRecord,
  SatisfactionRecord,
} from './caseRepository.js';
import type { ClockRecord, ClockStopReason } from './clockRepository.js';
import type { ConsentAnswer, ConsentRequestRecord, NewConsentRequest } from './consentRepository.js';
import type { OutboxRow } from './outboxRepository.js';
import type { PrivacyRepository } from './privacyRepository.js';
import type { OutboxLine, OverdueClock, QueuePage, QueueQuery, TrendRow } from './reportRepository.js';
import type { ClockSpec } from './statutory.js';
import type { CaseStatus, ClockKind, HandlerKind, OutboxMessage, ReferralStatus, SatisfactionRating } from './types.js';

/*
 * The ports of the case service: what its commands, queries and reports need from storage, bound to one
 * connection or transaction. cases/pgRepositories.ts implements them on Postgres; unit tests pass
 * in-memory fakes (tests/helpers/fakeCaseStore.ts), so the service's rules run without a database.
 */

export type Channel = 'telegram' | 'terminal';

export interface ResidentRepository {
  /** Creates or updates (chat, language) the resident of (channel, externalId). */
  upsert(r: { channel: Channel; externalId: string; chatId: number | null; language: Language }): Promise<ResidentRecord>;
  byId(id: number): Promise<ResidentRecord | null>;
  byExternalId(channel: Channel, externalId: string): Promise<ResidentRecord | null>;
  /** The resident and the next case reference of the day of `receivedAt` (null: no such resident). */
  withNewRef(id: number, receivedAt: Date): Promise<{ resident: ResidentRecord; ref: string } | null>;
}

export interface CaseRepository {
  insert(c: NewCase): Promise<CaseRecord>;
  byRef(ref: string, opts?: { forUpdate?: boolean }): Promise<CaseRecord | null>;
  forResident(residentId: number): Promise<CaseRecord[]>;
  /** Writes status and patch and bumps the version, guarded on `c.version`. */
  update(c: { id: number; version: number }, status: CaseStatus, patch: CasePatch, now: Date): Promise<CaseRecord>;

  insertReferral(r: { caseId: number; handlerKind: HandlerKind; handlerId: string; at: Date }): Promise<ReferralRecord>;
  /** The referral still in play (pending or accepted), at most one per case. */
  openReferral(caseId: number): Promise<ReferralRecord | null>;
  referrals(caseId: number): Promise<ReferralRecord[]>;
  answerReferral(id: number, status: ReferralStatus, at: Date, reason?: string | null): Promise<void>;

  insertConsent(c: {
    caseId: number;
    residentId: number;
    purpose: string;
    sharedFields: string[];
    at: Date;
    organizationId?: string | null;
    textVersion?: string;
  }): Promise<ConsentRecord>;
  activeConsent(caseId: number, purpose: string): Promise<ConsentRecord | null>;
  withdrawConsents(caseId: number, at: Date): Promise<number>;
  consents(caseId: number): Promise<ConsentRecord[]>;

  startSurveyRound(caseId: number, at: Date): Promise<SatisfactionRecord>;
  latestSurveyRound(caseId: number): Promise<SatisfactionRecord | null>;
  /** Records an answer once: false when the round was already answered. */
  answerSurvey(id: number, rating: SatisfactionRating, comment: string | null, at: Date): Promise<boolean>;
  surveys(caseId: number): Promise<SatisfactionRecord[]>;
}

/** Consent questions about other organizations, and what withdrawing consent does to the outbox (cases/consentRepository.ts). */
export interface ConsentRepository {
  /** The consent standing for this organization on the case (null: none, or withdrawn). */
  activeFor(caseId: number, organizationId: string): Promise<ConsentRecord | null>;
  /** Asks about another organization; any question still open on the case is superseded. */
  ask(r: NewConsentRequest): Promise<ConsentRequestRecord>;
  request(id: number): Promise<ConsentRequestRecord | null>;
  openRequest(caseId: number): Promise<ConsentRequestRecord | null>;
  answer(id: number, answer: ConsentAnswer, at: Date): Promise<boolean>;
  /** Marks every open question of the case superseded (the office chose another way). */
  supersedeOpen(caseId: number, at: Date): Promise<number>;
  requests(caseId: number): Promise<ConsentRequestRecord[]>;
  /**
   * Withdrawal: cancels every pending row of the case to an organization, and queues an edit replacing each
   * card already delivered to one (`replacement`: its text). Returns the organizations that had a card.
   */
  retract(caseId: number, replacement: OutboxMessage, at: Date): Promise<{ cancelled: number; replaced: number; deliveredTo: string[] }>;
}

export interface EventRepository {
  insert(e: Omit<CaseEventRecord, 'id' | 'data'> & { data?: Record<string, unknown> }): Promise<number>;
  /** Whether a command with this idempotency key already ran on the case. */
  hasKey(caseId: number, key: string): Promise<boolean>;
  /** Whether the case has an event of `type` whose data contains `dataMatch`. */
  has(caseId: number, type: string, dataMatch?: Record<string, unknown>): Promise<boolean>;
  forCase(caseId: number): Promise<CaseEventRecord[]>;
}

export interface ClockRepository {
  /** Starts a clock, superseding a running one of the same kind (`newCase`: none can exist). */
  start(caseId: number, spec: ClockSpec, now: Date, opts?: { newCase?: boolean }): Promise<ClockRecord>;
  stop(caseId: number, kinds: ClockKind[] | 'all', now: Date, reason: ClockStopReason): Promise<number>;
  running(caseId: number, kind: ClockKind): Promise<ClockRecord | null>;
  extend(id: number, spec: ClockSpec, reason: string, now: Date): Promise<ClockRecord>;
  forCase(caseId: number): Promise<ClockRecord[]>;
}

export interface OutboxRepository {
  /** Writes rows in order; a row whose dedupe key was used is skipped. Returns how many were written. */
  insert(rows: readonly OutboxRow[]): Promise<number>;
  forCase(caseId: number): Promise<OutboxLine[]>;
}

/** The read side: lists, figures and checks that span cases. */
export interface ReportRepository {
  queue(q: QueueQuery): Promise<QueuePage>;
  overdueClocks(now: Date, kinds: ClockKind[]): Promise<OverdueClock[]>;
  countCasesBy(by: 'category' | 'target' | 'status', from: Date, to: Date): Promise<Record<string, number>>;
  clockPunctuality(from: Date, to: Date, now: Date, kinds: ClockKind[]): Promise<Record<string, { met: number; late: number }>>;
  ratingCounts(from: Date, to: Date): Promise<Record<string, number>>;
  loadByHandler(statuses: readonly CaseStatus[]): Promise<Record<string, number>>;
  openReferralTo(ref: string, kind: HandlerKind, id: string): Promise<{ caseId: number; referralId: number; referralStatus: string } | null>;
  visibleToHandler(caseId: number, kind: HandlerKind, id: string): Promise<boolean>;
  referralAnswers(from: Date, to: Date): Promise<Array<{ handlerId: string; status: ReferralStatus; n: number }>>;
  trendRows(from: Date, to: Date, bucket: 'day' | 'week'): Promise<TrendRow[]>;
}

export interface CaseRepositories {
  residents: ResidentRepository;
  cases: CaseRepository;
  consents: ConsentRepository;
  events: EventRepository;
  clocks: ClockRepository;
  outbox: OutboxRepository;
  reports: ReportRepository;
  /** The data rights and the retention policy (cases/privacyRepository.ts). */
  privacy: PrivacyRepository;
}

/** The repositories outside a transaction, and a way to run work in one (all or nothing). */
export interface CaseStore extends CaseRepositories {
  transaction<T>(fn: (tx: CaseRepositories) => Promise<T>): Promise<T>;
}
