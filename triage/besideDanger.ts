/**
 * What a message in danger says besides the danger: "公司拖欠工资三个月 我都快活不下去了" gets the crisis
 * numbers at once, and the unpaid wages had then been lost — the resident had to find the words again once
 * safe. The clauses in which the crisis layer, read alone, finds nothing are that other matter.
 */
import { detectCrisis } from './crisis/detect.js';
import { normalize } from './normalize.js';
import { hanCount } from '../kernel/language.js';

/** Clauses beyond this are not read one by one (a long letter's danger is answered, its matter kept whole). */
const MAX_CLAUSES = 24;
/** Fewer characters than this (Han, or Latin letters / 3) beside the danger are no matter of their own. */
const MIN_MATTER_WEIGHT = 6;

const weight = (s: string) => hanCount(s) + (s.match(/\p{Script=Latin}/gu)?.length ?? 0) / 3;

/**
 * The clauses that carry no danger of their own, joined in their order, or null when there is no such
 * matter: every clause is part of the danger, the danger is only in the clauses read together, or what
 * is left is a few words. Synchronous and local, like the crisis layer itself.
 */
export function besideTheDanger(text: string): string | null {
  if (typeof text !== 'string') return null;
  const clauses = text.split(/(?<=[。！？!?；;\n])|[，,、]\s*|\s{1,}(?=\p{Script=Han})|(?<=\p{Script=Han})\s+|(?<=[.])\s+|\s+(?=(?:and|but|so)\s)/iu)
    .map((c) => c?.trim() ?? '')
    .filter((c) => c !== '');
  if (clauses.length < 2 || clauses.length > MAX_CLAUSES) return null;
  const calm = clauses.map((c) => {
    const n = normalize(c);
    return detectCrisis(n.normalized, n.original).level === 'none';
  });
  // Danger in no single clause: it is in how they go together, and nothing can be set apart from it.
  if (calm.every(Boolean)) return null;
  const kept = clauses.filter((_, i) => calm[i]);
  if (kept.length === 0) return null;
  const latin = !/\p{Script=Han}/u.test(kept.join(''));
  const joined = kept.map((c) => c.replace(/[，,、]$/u, '')).join(latin ? ', ' : '，');
  return weight(joined) >= MIN_MATTER_WEIGHT ? joined : null;
}
