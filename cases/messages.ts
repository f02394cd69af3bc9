import type { MessageParam } from '../kernel/language.js';
import { NOT_ACCEPTED_REASONS, type NotAcceptedReason, type OutboxMessage } from './types.js';

export const notAcceptedKey = (reason: NotAcceptedReason): `cases.resident.not_accepted.${NotAcceptedReason}` =>
  `cases.resident.not_accepted.${reason}`;

/** Keys whose texts take only the case reference, besides one per not-accepted reason. */
const REF_ONLY_KEYS = [
  'cases.resident.survey', 'cases.resident.survey_reminder', 'cases.resident.survey_closed', 'cases.resident.thanks',
  'cases.resident.reopened', 'cases.resident.withdrawn', 'cases.resident.withdrawn_with_consent', 'cases.resident.consent_withdrawn', 'cases.staff.withdrawn',
  'cases.handler.urgent', 'cases.handler.withdrawn', 'cases.handler.consent_withdrawn',
] as const;
type RefOnlyKey = (typeof REF_ONLY_KEYS)[number] | ReturnType<typeof notAcceptedKey>;
const REF_ONLY = Object.fromEntries(
  [...REF_ONLY_KEYS, ...NOT_ACCEPTED_REASONS.map(notAcceptedKey)].map((k) => [k, ['ref'] as const]),
) as Record<RefOnlyKey, readonly ['ref']>;

/**
 * Every message key the cases area writes to the outbox, with the parameters its texts use. `msg()`
 * makes the compiler check that each one is supplied; tests check the catalogue (i18n/cases.ts)
 * has each key in the three languages and uses no other parameter.
 */
export const CASE_MESSAGE_PARAMS = {
  ...REF_ONLY,
  // to the resident (their language)
  'cases.resident.opened': ['ref', 'dueDate'],
  'cases.resident.opened_org': ['ref', 'dueDate'],
  'cases.resident.opened_named_org': ['ref', 'handler', 'dueDate'],
  'cases.resident.referred': ['ref', 'handler'],
  'cases.resident.returned': ['ref', 'handler'],
  'cases.resident.reclassified': ['ref', 'handler', 'dueDate'],
  'cases.resident.question': ['ref', 'question'],
  'cases.resident.office_note': ['ref', 'note'],
  'cases.resident.accepted': ['ref', 'handler', 'dueDate'],
  'cases.resident.accepted_org': ['ref', 'handler', 'dueDate'],
  'cases.resident.progress': ['ref', 'handler', 'note'],
  'cases.resident.extended': ['ref', 'dueDate', 'reason'],
  'cases.resident.resolved': ['ref', 'handler', 'outcome'],
  'cases.resident.reopened_review_right': ['ref', 'deadline'],
  'cases.resident.reopened_recheck_right': ['ref', 'deadline'],
  'cases.resident.review_requested': ['ref', 'dueDate'],
  'cases.resident.review_answered': ['ref', 'outcome'],
  // to the petition office group (zh-Hans)
  'cases.staff.review_card': ['ref', 'category', 'target', 'handler', 'confidence', 'secondary', 'unsure', 'summary', 'deadline'],
  'cases.staff.review_card_elsewhere': ['ref', 'category', 'target', 'handler', 'confidence', 'secondary', 'unsure', 'summary', 'districts', 'deadline'],
  'cases.staff.declined': ['ref', 'handler', 'reason', 'proposal'],
  'cases.staff.accepted': ['ref', 'handler'],
  'cases.staff.extended': ['ref', 'handler', 'dueDate', 'reason'],
  'cases.staff.dissatisfied': ['ref', 'comment'],
  'cases.staff.review_requested': ['ref', 'dueDate', 'reason'],
  'cases.staff.clock_reminder': ['ref', 'clock', 'dueDate', 'article'],
  'cases.staff.clock_overdue': ['ref', 'clock', 'dueDate', 'article'],
  // fragments of staff cards, passed as parameters (cases/cardLabels.ts)
  'cases.staff.to_be_chosen': [],
  'cases.staff.target.department': [],
  'cases.staff.deadline.running': ['clock', 'dueDate'],
  'cases.staff.deadline.org_promise': ['dueDate'],
  'cases.staff.deadline.none': ['why'],
  'cases.staff.no_clock.declined': [],
  'cases.staff.no_clock.not_referred': [],
  'cases.staff.no_clock.reopened': [],
  'cases.staff.no_clock.other': [],
  'cases.staff.summary_cut': ['head', 'shown', 'total'],
  'cases.staff.note_cut': ['head', 'omitted', 'ref'],
  'cases.staff.unsure.margin_departments': ['first', 'second', 'margin'],
  'cases.staff.unsure.margin_targets': ['first', 'second', 'margin'],
  'cases.staff.unsure.close_departments': ['first', 'second'],
  'cases.staff.unsure.close_targets': ['first', 'second'],
  'cases.staff.unsure.target_unsure': [],
  'cases.staff.unsure.low_confidence': [],
  'cases.staff.unsure.no_target': [],
  'cases.staff.unsure.engine_emergency': [],
  'cases.staff.unsure.target_not_allowed': ['target'],
  'cases.staff.unsure.resident_asked_case': [],
  'cases.staff.unsure.resident_chose_service': ['service'],
  'cases.staff.unsure.resident_asked_other_org': [],
  'cases.staff.unsure.unclear_twice': [],
  'cases.staff.unsure.resident_refused_service': [],
  'cases.staff.unsure.after_emergency': [],
  'cases.staff.unsure.other': ['reason'],
  'cases.staff.proposal.no_org': [],
  'cases.staff.proposal.choose_department': [],
  // to a department or organization group (zh-Hans); never personal data beyond what was consented
  'cases.handler.referral_card': ['ref', 'category', 'target', 'summary', 'contact', 'dueDate'],
  'cases.handler.resident_note': ['ref', 'note'],
  'cases.handler.target.department': ['name'],
  'cases.handler.target.service': ['service'],
} as const satisfies Record<string, readonly string[]>;

export type CaseMessageKey = keyof typeof CASE_MESSAGE_PARAMS;
type ParamsOf<K extends CaseMessageKey> = Record<(typeof CASE_MESSAGE_PARAMS)[K][number], MessageParam>;

export function msg<K extends CaseMessageKey>(key: K, params: ParamsOf<K>, actions?: string[]): OutboxMessage {
  const m: OutboxMessage = { key, params: params as Record<string, MessageParam> };
  if (actions && actions.length) m.actions = actions;
  return m;
}


export const OFFICE_REVIEW_ACTIONS = ['approve', 'reassign', 'ask', 'not_accept', 'urgent'];
export const HANDLER_REFERRAL_ACTIONS = ['accept', 'decline'];
export const SURVEY_ACTIONS = ['rate_satisfied', 'rate_basically_satisfied', 'rate_dissatisfied'];

/** Staff groups read Chinese; these labels fill the staff cards' parameters. */
export const CATEGORY_LABELS_ZH: Record<string, string> = {
  emergency: '紧急',
  legal_channel: '法定途径',
  petition: '信访事项',
  out_of_scope: '信访外',
  inquiry: '咨询',
  unclear: '不明确',
};

export const CLOCK_LABELS_ZH: Record<string, string> = {
  forward_notify: '转送告知',
  resolve: '办结',
  review_request_window: '复查申请期',
  review_answer: '复查答复',
  recheck_request_window: '复核申请期',
  recheck_answer: '复核答复',
  org_accept: '机构接案',
  org_first_contact: '机构首次联系',
  survey_reminder: '满意度提醒',
  survey_close: '满意度截止',
};
