/**
 * Emergencies first: whatever would hold back or drop a resident's text — waiting behind the chat's
 * earlier updates, a redelivered update_id, the rate limit — first asks the emergency rules, and an
 * emergency goes through (to the conversation, which answers with the numbers and alerts the office).
 * Only texts about to be held or dropped are checked here; every text that goes through is checked
 * by triage anyway, first and before any model, so no text is ever dropped unchecked.
 */
import type { Context } from 'telegraf';
import { detectCrisis } from '../../triage/crisis/detect.js';
import { normalize } from '../../triage/normalize.js';
import { emergencyOf, setEmergency } from './state.js';

/** True when the emergency rules see immediate danger in `text`. Synchronous: no model server, no network. */
export type EmergencyCheck = (text: string) => boolean;

/** The crisis layer's rules and local classifier, exactly as triage runs them (immediate level). */
export const crisisRulesCheck: EmergencyCheck = (text) => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original).level === 'immediate';
};

/** A resident's text in a private chat (a message, or the caption of a photo or document). */
function residentText(ctx: Context): string | null {
  if (ctx.chat?.type !== 'private') return null;
  const m = ctx.message as { text?: unknown; caption?: unknown } | undefined;
  const text = typeof m?.text === 'string' ? m.text : typeof m?.caption === 'string' ? m.caption : null;
  return text && text.trim() !== '' ? text : null;
}

/** Asks the rules once per update (the answer is kept on the context); false for anything not a resident's text. */
export function isEmergencyUpdate(ctx: Context, check: EmergencyCheck): boolean {
  const known = emergencyOf(ctx);
  if (known !== undefined) return known;
  const text = residentText(ctx);
  let verdict = false;
  if (text !== null) {
    try {
      verdict = check(text);
    } catch {
      // A rule that throws must not drop the message either: let it through, triage will run.
      verdict = true;
    }
  }
  setEmergency(ctx, verdict);
  return verdict;
}
