/**
 * The conversations' action names (buttons a resident or staff member can press). Channel-free: a
 * channel carries them however it can (Telegram: signed callback data, bot/callbackData.ts).
 */

/**
 * Every button action, with the short wire code it travels as. Codes are part of the wire format:
 * never reuse or change one (buttons already sent would change meaning); add new ones at the end.
 */
export const ACTION_CODES = {
  approve: 'ap',
  reassign: 'ra',
  ask: 'as',
  not_accept: 'na',
  urgent: 'ur',
  accept: 'ac',
  decline: 'dc',
  progress: 'pg',
  resolve: 'rs',
  extend: 'ex',
  rate_satisfied: 'r1',
  rate_basically_satisfied: 'r2',
  rate_dissatisfied: 'r3',
  /** The resident confirms the summary of a petition before a case is opened. */
  confirm: 'cf',
  /** The resident does not submit the petition summary after all. */
  cancel: 'cx',
  consent_yes: 'cy',
  consent_no: 'cn',
  attach_yes: 'ty',
  attach_no: 'tn',
  open_case_anyway: 'oc',
  withdraw: 'wd',
  withdraw_confirm: 'wy',
  status: 'st',
  /** The language chooser: `ref` carries the language (zh-Hans, zh-Hant, en). */
  language: 'lg',
  /** The resident's answer to a consent question about another organization: `ref` is `<case ref>_q<question id>`. */
  consent_org_yes: 'oy',
  consent_org_no: 'on',
  /** /privacy (conversation/privacy.ts): export, correct, erase; confirm and cancel carry the state token. */
  privacy_export: 'px',
  privacy_correct: 'pc',
  privacy_erase: 'pe',
  privacy_erase_confirm: 'py',
  privacy_cancel: 'pn',
  /** A message that read as another matter while a petition summary waited: add it to the summary after all. */
  add_detail: 'ad',
  /** The matter said in the same message as a danger, taken up once the resident is safe (after_emergency). */
  resume_matter: 'rm',
  /** A 信访外 offer whose service was not clearly ahead: be offered the runner-up's organization instead. */
  consent_other: 'co',
  /** After 不满意 on a petition with a written reply: ask for a 复查 (Art. 35); the next message gives the reason. */
  request_review: 'rv',
  /** The withdrawal prompt's way out: the case stays as it is. */
  withdraw_keep: 'wk',
} as const;

export type CallbackAction = keyof typeof ACTION_CODES;
export const CALLBACK_ACTIONS = Object.keys(ACTION_CODES) as CallbackAction[];

export function isCallbackAction(action: string): action is CallbackAction {
  return Object.prototype.hasOwnProperty.call(ACTION_CODES, action);
}
