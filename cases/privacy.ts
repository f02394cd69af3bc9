import type { MessageParam } from '../kernel/language.js';
import { FINISHED_STATUSES } from './policy.js';
import type { CaseStatus } from './types.js';

/*
 * The resident's data rights (PIPL Art. 44–47) and the retention policy: what an export contains, what
 * anonymisation keeps, and the results the commands (cases/commands/privacy.ts) report. SQL lives in
 * cases/privacyRepository.ts.
 */

/** Version of the export document's layout; bumped when a field changes meaning. */
export const EXPORT_FORMAT = 'xinfang-resident-export/1';

/** Finished statuses (no one owes the case work): what the retention policy may anonymise. */
export const RETAINED_STATUSES: readonly CaseStatus[] = FINISHED_STATUSES;

/**
 * Audit-event data keys that are codes, ids, numbers or dates — never the resident's or staff's words —
 * and so survive anonymisation. Everything else (note, question, outcome, comment, file ids, request
 * ids, free-text reasons) is dropped. `reason` survives only as a lower-case code (e.g. `duplicate`).
 */
export const EVENT_KEYS_KEPT = [
  'category', 'target', 'handlerKind', 'handlerId', 'confidence', 'sharedFields', 'referralId', 'from', 'to',
  'proposed', 'days', 'previousDueAt', 'dueAt', 'deadline', 'answerDueAt', 'surveyRound', 'round', 'rating',
  'clockId', 'purpose', 'organizationId', 'trigger', 'retentionDays', 'requestId', 'textVersion',
] as const;

/** Decision fields kept on an anonymised case: what routed it, not what it said. */
export const DECISION_KEYS_KEPT = ['category', 'target', 'confidence', 'needsReview', 'engine', 'language', 'emergencyKinds', 'secondaryTarget', 'targetConfidence', 'topicTarget', 'topicConfidence'] as const;

/** Why personal data was removed: on the resident's request, or by the retention policy. */
export type ErasureTrigger = 'resident_request' | 'retention';

/** One outbox message of the resident's cases (or to their chat), as the export lists it. */
export interface ExportMessage {
  at: Date;
  /** 'you', 'office', or `department:<code>` / `organization:<code>`. */
  to: string;
  key: string;
  params: Record<string, MessageParam>;
  status: 'pending' | 'sent' | 'failed';
  sentAt: Date | null;
  ref: string | null;
}

export interface ExportCase {
  ref: string;
  category: string;
  target: string | null;
  handlerKind: string | null;
  handlerId: string | null;
  status: CaseStatus;
  urgent: boolean;
  language: string;
  /** The redacted text departments and models see. */
  summary: string;
  /** The resident's own words (the office only). */
  originalText: string;
  /** The automated decision about the request (PIPL Art. 24), without its citations. */
  decision: Record<string, unknown>;
  receivedAt: Date;
  acceptedAt: Date | null;
  repliedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  anonymisedAt: Date | null;
  events: Array<{ at: Date; actor: string; type: string; fromStatus: string | null; toStatus: string | null; data: Record<string, unknown> }>;
  referrals: Array<{ handlerKind: string; handlerId: string; status: string; reason: string | null; createdAt: Date; answeredAt: Date | null }>;
  consents: Array<Record<string, unknown>>;
  satisfaction: Array<{ round: number; rating: string | null; comment: string | null; askedAt: Date; answeredAt: Date | null }>;
  clocks: Array<{ kind: string; article: string | null; startsAt: Date; dueAt: Date; stoppedAt: Date | null; extensionReason: string | null }>;
}

/** Everything held about one resident, as stored (the conversation renders it into the file sent). */
export interface ResidentExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: Date;
  resident: { channel: string; externalId: string; chatId: number | null; language: string; createdAt: Date } | null;
  cases: ExportCase[];
  /** Messages to the resident's chat and about their cases, oldest first. */
  messages: ExportMessage[];
  /** The bot's memory of the conversation in progress (a question waiting for an answer, recent update ids). */
  conversationState: { state: unknown; updatedAt: Date } | null;
}

export interface ErasureResult {
  /** Open cases withdrawn first, by reference. */
  withdrawn: string[];
  /** Cases whose personal data was removed (the office keeps them anonymised). */
  anonymised: string[];
  /** Messages to the resident still waiting to be sent, cancelled. */
  cancelledMessages: number;
}

export interface RetentionResult {
  cases: number;
  residents: number;
  conversationStates: number;
  messages: number;
}

export const DAY_MS = 24 * 3600 * 1000;

/** The moment before which finished cases and idle conversation state are anonymised or purged. */
export function retentionCutoff(now: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`retention days must be a positive integer, got ${days}`);
  return new Date(now.getTime() - days * DAY_MS);
}
