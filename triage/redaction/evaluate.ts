import type { Language } from '../../kernel/language.js';
import { redactionSpans } from '../redact.js';
import { digitView } from './checks.js';
import type { EvalDoc, GoldSpan } from './corpus.js';
import type { RedactionKind, Span } from './patterns.js';

/**
 * Span-level scores of the redaction on the generated corpus.
 *
 * Recall: an inserted value counts as hidden when every letter and digit of it is inside a redacted span
 * (for an address: every house, building and room number — road and estate names may stay, by design).
 * Precision: a redacted span is right when it overlaps an inserted value; a span over something in the
 * real letter that already has a personal-data shape (a masked phone 130****0251, a house number 2号楼, a
 * masked name 张某) counts neither way (the letter's own personal data, not a mistake); anything else is
 * a false redaction.
 */
export interface Tally {
  gold: number;
  hidden: number;
  redacted: number;
  right: number;
  preexisting: number;
  wrong: number;
}

const empty = (): Tally => ({ gold: 0, hidden: 0, redacted: 0, right: 0, preexisting: 0, wrong: 0 });

export interface Report {
  overall: Tally;
  byKind: Map<RedactionKind, Tally>;
  byLanguage: Map<Language, Tally>;
  byShape: Map<string, Tally>;
  originals: { letters: number; redacted: number; preexisting: number; wrong: number };
  misses: Array<{ doc: string; shape: string; value: string; context: string }>;
  falses: Array<{ doc: string; kind: RedactionKind; value: string; context: string }>;
  millis: number;
  redactions: number;
}


/** Offsets inside a gold span that must be hidden. */
export function sensitiveOffsets(text: string, g: GoldSpan): number[] {
  const value = text.slice(g.start, g.end);
  const out: number[] = [];
  if (g.kind === 'address') {
    // House, building and room numbers; not the number in a road's name (宝民一路, 3rd Avenue).
    for (const m of digitView(value).matchAll(/[A-Za-z]?[\d十百]+[A-Za-z]?(?![\d十百]*(?:路|街|大道|道))/g)) {
      for (let i = 0; i < m[0].length; i++) out.push(g.start + m.index! + i);
    }
  } else {
    for (let i = 0; i < value.length; i++) if (/[\p{L}\p{N}]/u.test(value[i]!)) out.push(g.start + i);
  }
  return out;
}

const PREEXISTING: RegExp[] = [
  // Phone / ID / account numbers, also masked (130****0251); not a date.
  /(?<![\d*＊])[\d*＊](?:[\s-]?[\d*＊]){6,}(?![\d*＊])/g,
  // House numbers with their unit (not 5月3号, not 9号线).
  /(?<![月\d])[A-Za-z]?\d+[A-Za-z]?(?:[-之]\d+)?(?:号楼|號樓|号院|號院|栋|棟|幢|单元|單元|室|弄|号|號|座|楼|樓|户|戶|组|組|房)(?![线線])/g,
  // Names masked by the publisher: 张某, 王某某, **, 某某.
  /[\p{Script=Han}][某*＊]{1,2}|\*{2,}|某某/gu,
  // A name after a role word in the letter (举报人：戴某某, 居民刘某某): the writer's own name.
  /(?:人\s*[:：]\s*|居民|业主|業主|我叫|名字叫|本人)[\p{Script=Han}]{2,3}/gu,
  // Plates and codes of letters and digits.
  /[A-Za-z]\d{5,}/g,
];

export function preexistingSpans(text: string): Span[] {
  const out: Span[] = [];
  const view = digitView(text);
  for (const re of PREEXISTING) {
    for (const m of view.matchAll(re)) {
      if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(m[0])) continue;
      out.push({ kind: 'name', start: m.index!, end: m.index! + m[0].length });
    }
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const context = (text: string, s: { start: number; end: number }) => `${text.slice(Math.max(0, s.start - 12), s.start)}⟦${text.slice(s.start, s.end)}⟧${text.slice(s.end, s.end + 12)}`;

function bump<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = empty()));
  return t;
}

export function evaluate(docs: readonly EvalDoc[], originals: readonly string[]): Report {
  const r: Report = {
    overall: empty(), byKind: new Map(), byLanguage: new Map(), byShape: new Map(),
    originals: { letters: originals.length, redacted: 0, preexisting: 0, wrong: 0 },
    misses: [], falses: [], millis: 0, redactions: 0,
  };
  for (const doc of docs) {
    const t0 = performance.now();
    const pred = redactionSpans(doc.text);
    r.millis += performance.now() - t0;
    r.redactions++;
    const covered = new Uint8Array(doc.text.length);
    for (const p of pred) covered.fill(1, p.start, p.end);
    for (const g of doc.gold) {
      const hidden = sensitiveOffsets(doc.text, g).every((i) => covered[i] === 1);
      for (const t of [r.overall, bump(r.byKind, g.kind), bump(r.byLanguage, doc.language), bump(r.byShape, g.shape)]) {
        t.gold++;
        if (hidden) t.hidden++;
      }
      if (!hidden) r.misses.push({ doc: doc.id, shape: g.shape, value: doc.text.slice(g.start, g.end), context: context(doc.text, g) });
    }
    const pre = preexistingSpans(doc.text);
    for (const p of pred) {
      const hit = doc.gold.find((g) => overlaps(g, p));
      const verdict = hit ? 'right' : pre.some((x) => overlaps(x, p)) ? 'preexisting' : 'wrong';
      const tallies = [r.overall, bump(r.byKind, p.kind), bump(r.byLanguage, doc.language)];
      if (hit) tallies.push(bump(r.byShape, hit.shape));
      for (const t of tallies) {
        t.redacted++;
        t[verdict]++;
      }
      if (verdict === 'wrong') r.falses.push({ doc: doc.id, kind: p.kind, value: doc.text.slice(p.start, p.end), context: context(doc.text, p) });
    }
  }
  originals.forEach((text, i) => {
    const t0 = performance.now();
    const pred = redactionSpans(text);
    r.millis += performance.now() - t0;
    r.redactions++;
    const pre = preexistingSpans(text);
    for (const p of pred) {
      r.originals.redacted++;
      if (pre.some((x) => overlaps(x, p))) r.originals.preexisting++;
      else {
        r.originals.wrong++;
        r.falses.push({ doc: `original#${i}`, kind: p.kind, value: text.slice(p.start, p.end), context: context(text, p) });
      }
    }
  });
  return r;
}

export const recall = (t: Tally) => (t.gold ? t.hidden / t.gold : 1);
/** right / (right + wrong); pre-existing personal data in the letters counts neither way. */
export const precision = (t: Tally, extraWrong = 0) => (t.right + t.wrong + extraWrong ? t.right / (t.right + t.wrong + extraWrong) : 1);
