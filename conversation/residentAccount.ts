/**
 * The resident's account of the matter in hand: every message they write about it, joined in order, is what the case
 * carries (the petition to a department, or the referral they consent to). Told in several messages — the facts, then
 * a detail after the offer, after saying no to it, or after a question about the same thing — the case had carried
 * only the last line ("他们家每天半夜还在装修，已经一个月了" without the neighbour quarrel it was about; a deposit
 * question's facts without the question), and a typed "yes" had been added to the account as if it were a detail.
 */
import type { Decision } from '../kernel/taxonomy.js';
import { triage, type TriageDeps } from '../triage/pipeline.js';
import { isOtherNeed, joinMessages } from './residentRules.js';
import { sharesWords } from './residentFollowUp.js';
import { keptStart } from './residentLength.js';
import { MAX_TEXT_CHARS, r, type Pending, type Plan } from './residentState.js';
import type { Reply } from './types.js';

export interface Account {
  text: string;
  decision: Decision;
  /** Said when the joined account was longer than the case can keep (`conversation.long.kept_account`). */
  cut: Reply | null;
}

/**
 * `first` and `next` as one account, within MAX_TEXT_CHARS: past it the start is kept, cut after a sentence as an
 * over-long message is (residentLength.ts), with a note that says so; the newest words had been dropped whole.
 */
export function joinAccount(first: string, next: string): { text: string; cut: Reply | null } {
  const joined = joinMessages(first, next);
  const chars = [...joined];
  if (chars.length <= MAX_TEXT_CHARS) return { text: joined, cut: null };
  const text = keptStart(joined);
  const kept = [...text];
  const end = kept.slice(-12).join('').replace(/^\s+/u, '');
  return { text, cut: r('conversation.long.kept_account', { length: chars.length, max: MAX_TEXT_CHARS, kept: kept.length, end }) };
}

/**
 * The account and its reading: the joined text read again when it reads as a matter, else the reading of `alone` (the
 * newest message, or what waited) with the joined text's redaction — every word the case carries is redacted, also the
 * earlier messages' phone numbers and addresses.
 */
export async function readAccount(deps: TriageDeps, first: string, next: string, alone: Decision): Promise<Account> {
  const { text, cut } = joinAccount(first, next);
  const d = await triage(text, deps);
  const usable = d.category !== 'emergency' && d.category !== 'unclear' && !(d.category === 'inquiry' && alone.category !== 'inquiry');
  return { text, decision: usable ? d : { ...alone, redactedText: d.redactedText }, cut };
}

/**
 * A message that goes on with what waits: a detail at a 信访外 or legal-aid offer, or just after saying no to it (one
 * message, `declined`), or the facts after a question on the same thing (`inquiry`, sharing a content word with it).
 * Null when it is another matter (`isOtherNeed`), a question of its own, or there is nothing to go on with.
 */
export async function goesOnWith(deps: TriageDeps, live: Pending | null, text: string, alone: Decision): Promise<Account | null> {
  if (live?.kind === 'consent' || live?.kind === 'declined') {
    const offered = live.decision as unknown as Decision;
    if (isOtherNeed(alone, offered, text, live.text)) return null;
    // A bare greeting or question mark after saying no is no detail: it is answered on its own, as before.
    if (live.kind === 'declined' && (alone.category === 'unclear' || alone.category === 'inquiry')) return null;
    const account = await readAccount(deps, live.text, text, offered);
    return account.decision.category === 'emergency' || account.decision.category === 'unclear' ? null : account;
  }
  if (live?.kind === 'inquiry' && alone.category !== 'inquiry' && alone.category !== 'unclear' && alone.category !== 'emergency' && sharesWords(text, live.text)) {
    return readAccount(deps, live.text, text, alone);
  }
  return null;
}

/** The plan for an account, after the note that it was cut, when it was. */
export const withCut = (cut: Reply | null, p: Plan): Plan => (cut ? { ...p, replies: [cut, ...p.replies] } : p);
