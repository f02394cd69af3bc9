import { IllegalTransitionError } from '../kernel/errors.js';
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from './types.js';

/**
 * The case lifecycle as a table: action → (from status → to status). Pure; the service asks it before
 * writing anything, so an illegal action is refused before any row is touched.
 */
export const CASE_ACTIONS = [
  'open', // received → office_review: the office reviews every proposal first
  'approve', // the office refers to the proposed (or chosen) handler
  'reassign', // the office proposes another handler
  'ask', // the office or handler asks the resident a question (no status change)
  'mark_urgent',
  'not_accept',
  'handler_accept',
  'handler_decline', // back to the office, which picks the next handler
  'report_progress',
  'request_extension', // Art. 34, once
  'resolve',
  'rate_satisfied', // satisfied or basically satisfied → closed
  'rate_dissatisfied', // → reopened
  'survey_timeout', // no answer within the survey window → closed
  'withdraw', // by the resident, or because consent was withdrawn
  'request_review', // 复查 (Art. 35)
  'answer_review',
  'escalate', // a statutory clock ran out: marked urgent
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const SAME = 'same' as const;
type Target = CaseStatus | typeof SAME;

const open = (to: Target): Partial<Record<CaseStatus, Target>> =>
  Object.fromEntries(OPEN_STATUSES.map((s) => [s, to])) as Partial<Record<CaseStatus, Target>>;

const TABLE: Record<CaseAction, Partial<Record<CaseStatus, Target>>> = {
  open: { received: 'office_review' },
  approve: { office_review: 'referred', reopened: 'referred' },
  reassign: { office_review: 'office_review', reopened: 'office_review' },
  ask: { office_review: SAME, referred: SAME, accepted: SAME, in_progress: SAME, reopened: SAME, review_requested: SAME },
  mark_urgent: open(SAME),
  not_accept: { office_review: 'not_accepted' },
  handler_accept: { referred: 'accepted' },
  handler_decline: { referred: 'office_review' },
  report_progress: { accepted: 'in_progress', in_progress: 'in_progress' },
  request_extension: { accepted: SAME, in_progress: SAME },
  resolve: { accepted: 'resolved', in_progress: 'resolved' },
  rate_satisfied: { resolved: 'closed' },
  rate_dissatisfied: { resolved: 'reopened' },
  survey_timeout: { resolved: 'closed' },
  withdraw: open('withdrawn'),
  request_review: { resolved: 'review_requested', closed: 'review_requested', reopened: 'review_requested' },
  answer_review: { review_requested: 'resolved' },
  escalate: open(SAME),
};

/** The status after `action`, or null when the action is not allowed from `from`. */
export function tryTransition(from: CaseStatus, action: CaseAction): CaseStatus | null {
  const to = TABLE[action][from];
  if (to === undefined) return null;
  return to === SAME ? from : to;
}

/** The status after `action`; throws IllegalTransitionError when the table does not allow it. */
export function transition(from: CaseStatus, action: CaseAction, caseRef?: string): CaseStatus {
  const to = tryTransition(from, action);
  if (to === null) throw new IllegalTransitionError(from, action, caseRef);
  return to;
}

export const canApply = (from: CaseStatus, action: CaseAction): boolean => tryTransition(from, action) !== null;

/** Actions allowed from `from`: what a UI may offer. */
export function allowedActions(from: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => canApply(from, a));
}

export const isOpenStatus = (s: CaseStatus): boolean => (OPEN_STATUSES as readonly CaseStatus[]).includes(s);

export function isCaseStatus(v: unknown): v is CaseStatus {
  return typeof v === 'string' && (CASE_STATUSES as readonly string[]).includes(v);
}
