import { traditionalToSimplified } from '../kernel/language.js';
import { digitView } from './redaction/checks.js';
import { nameSpans } from './redaction/names.js';
import { shapedSpans, type RedactionKind, type Span } from './redaction/patterns.js';

/**
 * Personal data that must never reach a model, a department or an organization: names where a letter
 * introduces or signs them, house numbers, identity documents (mainland, Hong Kong, Macau, Taiwan,
 * passports and permits), phones (mainland, Hong Kong, Macau, Taiwan, landlines, written with dots,
 * dashes or in Chinese digits), bank cards, e-mails, licence plates, QQ / WeChat / @ accounts.
 * Place names that routing needs stay: district, street office (街道), community (社区), estate and road
 * names without their house number. docs/redaction.md has the rules and the measured figures.
 *
 * Placeholders are language-neutral ([NAME] [PHONE] …) so they survive 繁→简 and read the same to staff
 * of any language; they are upper case and bracketed, so no rule or classifier keyword matches them.
 */
export type { RedactionKind, Span } from './redaction/patterns.js';
export { isPlausibleId15, isValidHkid, isValidId18, isValidTaiwanId, luhnValid } from './redaction/checks.js';

export const PLACEHOLDERS: Record<RedactionKind, string> = {
  name: '[NAME]',
  address: '[ADDRESS]',
  id_number: '[ID]',
  passport: '[PASSPORT]',
  phone: '[PHONE]',
  bank_card: '[CARD]',
  email: '[EMAIL]',
  plate: '[PLATE]',
  account: '[ACCOUNT]',
};

/** Matches any placeholder, e.g. to ignore them when judging whether a message says anything. */
export const PLACEHOLDER_PATTERN = /\[(?:NAME|ADDRESS|ID|PASSPORT|PHONE|CARD|EMAIL|PLATE|ACCOUNT)\]/gi;

export interface Redaction {
  text: string;
  found: Array<{ kind: RedactionKind; count: number }>;
  /** Names found by their cue, to hide them in another form of the same message (see `also`). */
  names: string[];
}

export interface RedactOptions {
  /** Literal strings (names found in another form of the message) hidden wherever they occur, in 简 or 繁, any case. */
  also?: readonly string[];
}

function literalSpans(text: string, literals: Iterable<string>): Span[] {
  const out: Span[] = [];
  const lower = text.toLowerCase();
  const seen = new Set<string>();
  for (const lit of literals) {
    for (const form of [lit, traditionalToSimplified(lit)]) {
      const f = form.toLowerCase();
      // One character (a surname alone) would hide every 王 in the text.
      if ([...f].length < 2 || seen.has(f)) continue;
      seen.add(f);
      for (let i = lower.indexOf(f); i >= 0; i = lower.indexOf(f, i + f.length)) {
        const latin = /[a-z]/.test(f);
        // An English name matches whole words only (Ann is not in Announcement).
        if (latin && (/[a-z]/.test(lower[i - 1] ?? '') || /[a-z]/.test(lower[i + f.length] ?? ''))) continue;
        out.push({ kind: 'name', start: i, end: i + f.length });
      }
    }
  }
  return out;
}

/** The spans to hide, sorted and not overlapping: shaped data first, then names. */
export function redactionSpans(text: string, opts: RedactOptions = {}): Span[] {
  const candidates = [...shapedSpans(text, digitView(text)), ...nameSpans(text)];
  const names = candidates.filter((s) => s.sure).map((s) => text.slice(s.start, s.end));
  candidates.push(...literalSpans(text, [...names, ...(opts.also ?? [])]));
  const taken = new Uint8Array(text.length);
  const kept: Span[] = [];
  for (const s of candidates) {
    if (s.end <= s.start) continue;
    let free = true;
    for (let i = s.start; i < s.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, s.start, s.end);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Replaces personal data with placeholders. Ordinary numbers (dates, amounts like 20000元, case references
 * like YT-20261123-0042, metro lines, document numbers, 三室一厅) stay.
 */
export function redact(text: string, opts: RedactOptions = {}): Redaction {
  if (typeof text !== 'string') throw new TypeError('redact() expects a string');
  const spans = redactionSpans(text, opts);
  const counts = new Map<RedactionKind, number>();
  const names = new Set<string>();
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + PLACEHOLDERS[s.kind];
    at = s.end;
    counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
    if (s.kind === 'name') names.add(text.slice(s.start, s.end));
  }
  out += text.slice(at);
  return { text: out, found: [...counts].map(([kind, count]) => ({ kind, count })), names: [...names] };
}
