/**
 * The matter a resident raised in the same message as a danger ("公司拖欠工资三个月 我都快活不下去了"): the
 * numbers go out first and alone; the unpaid wages are kept behind one button, for when the resident is safe.
 * Before, that matter was lost and had to be written again.
 */
import type { Decision } from '../kernel/taxonomy.js';
import { besideTheDanger } from '../triage/besideDanger.js';
import { triage, type TriageDeps } from '../triage/pipeline.js';
import { MAX_TEXT_CHARS } from './residentState.js';

/** What may be taken up after the emergency reply: a matter for a department, a channel or a service, or a question. */
const MATTERS = new Set<Decision['category']>(['petition', 'legal_channel', 'out_of_scope', 'inquiry']);
/** Below this the local reading of the clauses beside the danger is no matter worth a button. */
const MIN_CONFIDENCE = 0.5;

/**
 * Only the offline engine reads it: the emergency reply must never wait for a model server or a network,
 * and without a local engine there is no button (the office alert quotes the whole message anyway).
 */
function localDeps(deps: TriageDeps): TriageDeps | null {
  const local = deps.engine.name === 'offline' ? deps.engine : deps.fallback?.name === 'offline' ? deps.fallback : null;
  return local ? { ...deps, engine: local, fallback: undefined } : null;
}

/** The other matter of a message in danger, read alone, or null when it says nothing else clear enough. */
export async function matterBesideDanger(text: string, deps: TriageDeps): Promise<{ text: string; decision: Decision } | null> {
  const rest = besideTheDanger(text);
  const local = localDeps(deps);
  if (!rest || !local || [...rest].length > MAX_TEXT_CHARS) return null;
  const d = await triage(rest, local);
  if (!MATTERS.has(d.category) || d.confidence < MIN_CONFIDENCE) return null;
  // The office reviews it: the person who sent it was in danger a moment ago, and the alert already went out.
  return { text: rest, decision: { ...d, needsReview: true, reviewReason: d.reviewReason ?? 'after_emergency', reasons: [...d.reasons, 'after_emergency'] } };
}
