import type { MessageParam } from '../kernel/language.js';
/**
 * Case statuses. The office reviews every proposal before a handler sees it (office_review);
 * a handler's decline sends the case back there.
 */
export const CASE_STATUSES = [
  'received',
  'office_review',
  'referred',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'not_accepted',
  'withdrawn',
  'reopened',
  'review_requested',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type ActorKind = 'resident' | 'office' | 'handler' | 'system';
export interface Actor {
  kind: ActorKind;
  /** Telegram user id, staff account id, or a worker name. */
  id: string;
}

export type HandlerKind = 'department' | 'organization';

export type SatisfactionRating = 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'no_answer';

/** Clock kinds with their legal basis (信访工作条例 articles) or service-level agreement. */
export const CLOCK_KINDS = [
  'forward_notify', // Art. 22/23: forward and notify within 15 days of receipt
  'resolve', // Art. 34: 60 days from acceptance, one extension ≤ 30 days with a reason
  'review_request_window', // Art. 35: 30 days from the written reply to ask for 复查
  'review_answer', // Art. 35: 30 days to answer a 复查 request
  'recheck_request_window', // Art. 36: 30 days from the 复查 opinion to ask for 复核
  'recheck_answer', // Art. 36: 30 days to answer a 复核 request
  'org_accept', // SLA: an organization accepts or declines within N working days
  'org_first_contact', // SLA: first contact with the resident within M days of acceptance
  'survey_reminder', // remind the resident once about the satisfaction question
  'survey_close', // close the survey as "no answer"
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** An outbox message, rendered in the recipient's language by the channel adapter at send time. */
export interface OutboxMessage {
  key: string;
  params?: Record<string, MessageParam>;
  /** Buttons to offer, by action name; the adapter signs them with the case reference. */
  actions?: string[];
  /**
   * Sent only while the resident's consent to this organization stands: the dispatcher checks again at
   * send time (personal data to a social organization, e.g. the referral card).
   */
  consentOf?: string;
  /** Replaces the channel's message with this id in the same chat (edit) instead of sending a new one. */
  replaces?: number;
}

// ---------------------------------------------------------------------------------------------------
// Case lifecycle (cases/stateMachine.ts, cases/caseService.ts)

/** Statuses in which a case still needs someone's work; a resident may withdraw from any of them. */
export const OPEN_STATUSES = [
  'received',
  'office_review',
  'referred',
  'accepted',
  'in_progress',
  'reopened',
  'review_requested',
] as const satisfies readonly CaseStatus[];

/** Statuses in which a handler holds the case: what handler load counts. */
export const HANDLER_HELD_STATUSES = ['referred', 'accepted', 'in_progress'] as const satisfies readonly CaseStatus[];

/** Why the office does not accept a matter; each has a resident text saying where to go instead. */
export const NOT_ACCEPTED_REASONS = [
  'legal_channel', // Art. 31 (1)–(4): courts, arbitration, reconsideration and other statutory procedures
  'not_government_duty', // no body has the duty: community mediation or a social organization instead
  'other_jurisdiction', // belongs to another district or level (Art. 23)
  'duplicate', // the same matter is already being handled
  'already_concluded', // 复核 already given on the same facts (Art. 36, last paragraph)
  'insufficient_information', // the request cannot be identified; the resident may write again
  'other', // a note is required
] as const;
export type NotAcceptedReason = (typeof NOT_ACCEPTED_REASONS)[number];

export type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'completed';

/** Fields a resident may agree to share with a social organization. */
export const SHAREABLE_FIELDS = ['summary', 'contact_chat', 'language'] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

/**
 * A handler's member acting on a case. `handler` is set by the adapter when it knows which handler's chat
 * the action came from; the service still checks it against the open referral in the database.
 */
export interface HandlerActor extends Actor {
  kind: 'handler';
  handler?: { kind: HandlerKind; id: string };
}

/** Clock kinds that are obligations of the office or a handler (what on-time rates and the overdue list count). */
export const OBLIGATION_CLOCKS: ClockKind[] = ['forward_notify', 'resolve', 'review_answer', 'recheck_answer', 'org_accept', 'org_first_contact'];
export const SURVEY_CLOCKS: ClockKind[] = ['survey_reminder', 'survey_close'];
/** What the office's review queue lists by default. */
export const REVIEW_QUEUE_STATUSES: CaseStatus[] = ['office_review', 'reopened', 'review_requested'];

/** The purpose a resident consents to when a matter goes to a social organization (案主自愿). */
export const CONSENT_PURPOSE = 'refer_to_organization';
export const DEFAULT_SHARED_FIELDS = ['summary', 'contact_chat'];
