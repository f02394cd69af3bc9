import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { Pool } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import type { Language } from '../kernel/language.js';
import type { WorkingCalendar } from './calendar.js';
import type { CaseEventRecord, CaseRecord, ReferralRecord, ResidentRecord } from './caseRepository.js';
import type { ClockRecord } from './clockRepository.js';
import type { ConsentRequestRecord } from './consentRepository.js';
import * as audit from './commands/audit.js';
import * as consent from './commands/consent.js';
import * as handler from './commands/handler.js';
import * as office from './commands/office.js';
import { openCase, type OpenCaseInput } from './commands/open.js';
import * as resident from './commands/resident.js';
import * as residents from './commands/residents.js';
import * as privacy from './commands/privacy.js';
import type { ResidentExport, RetentionResult } from './privacy.js';
import type { CaseDeps, CommandOptions } from './commands/run.js';
import { pgCaseStore } from './pgRepositories.js';
import type { Channel, CaseStore } from './ports.js';
import * as queries from './queries.js';
import { pgOfficeAlertLimiter, type OfficeAlertLimiter } from './officeAlerts.js';
import * as reports from './reports.js';
import type { OverdueClock, QueuePage, TrendRow } from './reportRepository.js';
import type { ClockSettings } from './statutory.js';
import type { Actor, HandlerActor, HandlerKind, NotAcceptedReason, SatisfactionRating } from './types.js';

export type { CommandOptions } from './commands/run.js';
export type { CorrectionInput, ErasureOutcome, ResidentKey } from './commands/privacy.js';
export type { ErasureResult, ResidentExport, RetentionResult } from './privacy.js';
export type { OpenCaseInput } from './commands/open.js';
export type { OfficeAlert, ResidentNoteInput, ResidentNoteType } from './commands/residents.js';
export type { CaseDetail, QueueOptions } from './queries.js';
export type { Acceptance, CaseStats, Dashboard } from './reports.js';
export type { OverdueClock, QueuePage } from './reportRepository.js';
export { CONSENT_PURPOSE, DEFAULT_SHARED_FIELDS, OBLIGATION_CLOCKS } from './types.js';
export { CONSENT_REQUEST_ACTIONS, CONSENT_TEXT_VERSION, consentButtonRef, consentRequestKey, consentTextVersion, parseConsentButtonRef } from './commands/consent.js';

export interface CaseServiceDeps {
  /** Postgres; or give `store` (the repositories, e.g. in-memory fakes in unit tests). */
  pool?: Pool;
  store?: CaseStore;
  clock: Clock;
  calendar: WorkingCalendar;
  directory: Directory;
  /** `retentionDaysAfterClose`: RETENTION_DAYS_AFTER_CLOSE (default 365), the retention policy's period. */
  settings: ClockSettings & { officeChatId: number | null; alertWindowMinutes?: number; retentionDaysAfterClose?: number };
  logger?: Logger;
  /** Paces office alerts per resident; default with a pool: one alert per `settings.alertWindowMinutes` (cases/officeAlerts.ts). */
  alertLimiter?: OfficeAlertLimiter;
}

/**
 * The case lifecycle, as one object for adapters. Commands (cases/commands/*) each run in one transaction
 * that locks the case row, checks the expected version and the state machine, then writes the change,
 * exactly one audit event and the outbox rows together; queries (cases/queries.ts) and reports
 * (cases/reports.ts) only read. The repositories come in through `deps` (ports in cases/ports.ts).
 */
export class CaseService {
  private readonly deps: CaseDeps;
  private readonly retention: number;

  constructor(deps: CaseServiceDeps) {
    const store = deps.store ?? (deps.pool ? pgCaseStore(deps.pool) : undefined);
    this.retention = deps.settings.retentionDaysAfterClose ?? 365;
    if (!store) throw new TypeError('CaseService needs a pool or a store');
    const { orgAcceptWorkingDays, orgFirstContactDays, reminderLeadWorkingDays, surveyReminderHours, surveyCloseDays } = deps.settings;
    this.deps = {
      store,
      clock: deps.clock,
      calendar: deps.calendar,
      directory: deps.directory,
      officeChatId: deps.settings.officeChatId,
      clockSettings: { orgAcceptWorkingDays, orgFirstContactDays, reminderLeadWorkingDays, surveyReminderHours, surveyCloseDays },
      logger: deps.logger,
      alertLimiter: deps.alertLimiter ?? (deps.pool ? pgOfficeAlertLimiter(deps.pool, deps.settings.alertWindowMinutes) : undefined),
    };
  }

  /** Days a finished case keeps its personal data (RETENTION_DAYS_AFTER_CLOSE): what retentionSweep and /privacy use. */
  get retentionDays(): number {
    return this.retention;
  }

  /** Where emergency alerts and residents' notes go (OFFICE_CHAT_ID); null when not configured. */
  get officeChatId(): number | null {
    return this.deps.officeChatId;
  }

  // ---- residents

  upsertResident(input: { channel: Channel; externalId: string; chatId: number | null; language: Language }): Promise<ResidentRecord> {
    return residents.upsertResident(this.deps, input);
  }

  residentLanguage(channel: Channel, externalId: string): Promise<Language | null> {
    return residents.residentLanguage(this.deps.store.residents, channel, externalId);
  }

  setResidentLanguage(input: { channel: Channel; externalId: string; chatId: number; language: Language }): Promise<ResidentRecord> {
    return residents.setResidentLanguage(this.deps.store.residents, input);
  }

  addResidentNote(input: residents.ResidentNoteInput): Promise<boolean> {
    return residents.addResidentNote(this.deps, input);
  }

  alertOffice(alert: residents.OfficeAlert): Promise<boolean> {
    return residents.alertOffice(this.deps, alert);
  }

  openCase(input: OpenCaseInput): Promise<CaseRecord> {
    return openCase(this.deps, input);
  }

  // ---- office

  approveReferral(ref: string, actor: Actor, opts: CommandOptions & { handlerKind?: HandlerKind; handlerId?: string } = {}): Promise<CaseRecord> {
    return office.approveReferral(this.deps, ref, actor, opts);
  }

  reassign(ref: string, actor: Actor, opts: CommandOptions & { handlerKind: HandlerKind; handlerId: string; note?: string }): Promise<CaseRecord> {
    return office.reassign(this.deps, ref, actor, opts);
  }

  askResident(ref: string, actor: Actor, question: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    return office.askResident(this.deps, ref, actor, question, opts);
  }

  notAccept(ref: string, actor: Actor, reasonCode: NotAcceptedReason, note?: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    return office.notAccept(this.deps, ref, actor, reasonCode, note, opts);
  }

  markUrgent(ref: string, actor: Actor, opts: CommandOptions = {}): Promise<CaseRecord> {
    return office.markUrgent(this.deps, ref, actor, opts);
  }

  answerReview(ref: string, actor: Actor, outcome: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    return office.answerReview(this.deps, ref, actor, outcome, opts);
  }

  // ---- handlers

  authorizeHandler(ref: string, handlerKind: HandlerKind, handlerId: string): Promise<{ caseId: number; referralId: number; referralStatus: string }> {
    return queries.authorizeHandler(this.deps, ref, handlerKind, handlerId);
  }

  handlerAccept(ref: string, actor: HandlerActor, opts: CommandOptions = {}): Promise<CaseRecord> {
    return handler.handlerAccept(this.deps, ref, actor, opts);
  }

  handlerDecline(ref: string, actor: HandlerActor, reason: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    return handler.handlerDecline(this.deps, ref, actor, reason, opts);
  }

  reportProgress(ref: string, actor: HandlerActor, note: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    return handler.reportProgress(this.deps, ref, actor, note, opts);
  }

  requestExtension(ref: string, actor: HandlerActor, days: number, reason: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    return handler.requestExtension(this.deps, ref, actor, days, reason, opts);
  }

  resolve(ref: string, actor: HandlerActor, outcome: string, opts: CommandOptions = {}): Promise<CaseRecord> {
    return handler.resolve(this.deps, ref, actor, outcome, opts);
  }

  // ---- residents' case commands

  recordSatisfaction(ref: string, residentExternalId: string, rating: SatisfactionRating, comment?: string): Promise<CaseRecord> {
    return resident.recordSatisfaction(this.deps, ref, residentExternalId, rating, comment);
  }

  requestReview(ref: string, residentExternalId: string, reason: string): Promise<CaseRecord> {
    return resident.requestReview(this.deps, ref, residentExternalId, reason);
  }

  withdraw(ref: string, residentExternalId: string, reason?: string): Promise<CaseRecord> {
    return resident.withdraw(this.deps, ref, residentExternalId, reason);
  }

  withdrawConsent(ref: string, residentExternalId: string): Promise<CaseRecord> {
    return resident.withdrawConsent(this.deps, ref, residentExternalId);
  }

  /** The resident's yes to consent question `requestId` (another organization, named): the referral goes out. */
  giveConsent(ref: string, residentExternalId: string, requestId: number, opts: CommandOptions = {}): Promise<CaseRecord> {
    return consent.giveConsent(this.deps, ref, residentExternalId, requestId, opts);
  }

  /** The resident's no to consent question `requestId`: the referral path ends and the office is told. */
  declineConsent(ref: string, residentExternalId: string, requestId: number, opts: CommandOptions = {}): Promise<CaseRecord> {
    return consent.declineConsent(this.deps, ref, residentExternalId, requestId, opts);
  }

  // ---- the resident's data rights and retention (cases/commands/privacy.ts)

  exportResidentData(key: privacy.ResidentKey): Promise<ResidentExport> {
    return privacy.exportResidentData(this.deps, key);
  }

  addCorrection(input: privacy.CorrectionInput): Promise<string[]> {
    return privacy.addCorrection(this.deps, input);
  }

  openCasesOf(key: Pick<privacy.ResidentKey, 'channel' | 'externalId'>): Promise<string[]> {
    return privacy.openCasesOf(this.deps, key);
  }

  eraseResidentData(key: privacy.ResidentKey, confirmedOpen: readonly string[]): Promise<privacy.ErasureOutcome> {
    return privacy.eraseResidentData(this.deps, key, confirmedOpen);
  }

  retentionSweep(opts: { days?: number; batchSize?: number } = {}): Promise<RetentionResult> {
    return privacy.retentionSweep(this.deps, opts.days ?? this.retention, opts);
  }

  // ---- queries

  /** Logs that an office account was shown the case's original text (the case page's timeline lists it). */
  recordOriginalViewed(ref: string, viewer: { id: string }, via: 'page' | 'api'): Promise<void> {
    return audit.recordOriginalViewed(this.deps, ref, viewer, via);
  }

  getCase(ref: string): Promise<CaseRecord> {
    return queries.getCase(this.deps, ref);
  }

  listForResident(residentId: number): Promise<CaseRecord[]> {
    return queries.listForResident(this.deps, residentId);
  }

  casesOfResident(channel: Channel, externalId: string): Promise<CaseRecord[]> {
    return queries.casesOfResident(this.deps, channel, externalId);
  }

  timeline(ref: string): Promise<CaseEventRecord[]> {
    return queries.timeline(this.deps, ref);
  }

  referrals(ref: string): Promise<ReferralRecord[]> {
    return queries.referrals(this.deps, ref);
  }

  /** The question about another organization that waits for the resident's answer: the case waits for them, not the office. */
  openConsentQuestion(ref: string): Promise<ConsentRequestRecord | null> {
    return queries.openConsentQuestion(this.deps, ref);
  }

  clocks(ref: string): Promise<ClockRecord[]> {
    return queries.clocks(this.deps, ref);
  }

  /** The queue (office review queue by default, or a handler's cases): see queries.queue. */
  queue(opts: queries.QueueOptions = {}): Promise<QueuePage> {
    return queries.queue(this.deps, opts);
  }

  caseDetail(ref: string): Promise<queries.CaseDetail> {
    return queries.caseDetail(this.deps, ref);
  }

  visibleToHandler(ref: string, handlerKind: HandlerKind, handlerId: string): Promise<boolean> {
    return queries.visibleToHandler(this.deps, ref, handlerKind, handlerId);
  }

  overdue(now?: Date): Promise<OverdueClock[]> {
    return queries.overdue(this.deps, now);
  }

  handlerLoad(): Promise<Record<string, number>> {
    return queries.handlerLoad(this.deps);
  }

  // ---- reports

  stats(range: { from: Date; to: Date }): Promise<reports.CaseStats> {
    return reports.stats(this.deps, range);
  }

  referralAcceptance(range: { from: Date; to: Date }): Promise<reports.Acceptance> {
    return reports.referralAcceptance(this.deps, range);
  }

  trends(range: { from: Date; to: Date }, bucket: 'day' | 'week'): Promise<TrendRow[]> {
    return reports.trends(this.deps, range, bucket);
  }

  dashboard(range: { from: Date; to: Date }): Promise<reports.Dashboard> {
    return reports.dashboard(this.deps, range);
  }
}
