/**
 * Emergency rules: pure, synchronous, no model. They run on the normalised text (简体, lower-case), so
 * 繁體 input hits the same rules. The word lists are in triage/emergencyLexicon.ts.
 *
 * Recall first: a false alarm costs a staff member a glance, a missed suicide or fire costs a life. But
 * a petition office mostly receives long complaint letters, and those narrate past fires, quote
 * hazards ("存在火灾隐患") and use violent figures of speech ("暴力强拆", "头都要炸了"). So a hit is
 * weighed, not just found:
 *  - lexical guards drop readings that are plainly not an event: negation (没有着火), similes
 *    (像地震一样), a kind of event rather than one (起火事故频发, 淹过的), prevention talk;
 *  - tense guards drop dated, past and habitual events (去年, 5月7日, 经常), and hazard / what-if talk
 *    (一旦发生火灾, 存在隐患) for fire, gas, disaster, medical and drowning;
 *  - in a long letter (≥ LETTER_UNITS characters, or a shorter one addressed to officials) a hit also
 *    needs an immediacy cue next to it: a strong one (正在, 刚才, 救命, 快来, right now) in its clause or
 *    a neighbour, or a weak one (现在, 目前) in its own clause. A short message keeps the old,
 *    recall-first behaviour.
 * A strong immediacy cue overrides the tense, hazard and letter guards ("去年着过火,现在又着火了,快来").
 * Suicide and self-harm are never tense-guarded ("I tried before" is still a signal); they only skip
 * prevention talk (不至于…自杀), and in a long letter a bare method word (跳楼) needs a person or an
 * intent in its clause.
 */
import { hanCount } from '../kernel/language.js';
import {
  ACCOUNTABILITY_EN, ACCOUNTABILITY_ZH, AFTER_NOT_EVENT_EN, AFTER_NOT_EVENT_ZH, EN_RULES, HYPO_BEFORE_EN, HYPO_BEFORE_ZH, HYPO_KINDS, HYPO_SENTENCE_EN,
  HYPERBOLE_BEFORE_ZH, HYPO_SENTENCE_ZH, LEGAL_QUESTION_ZH, LETTER_FRAMING, LETTER_NOW_EN, LETTER_NOW_ZH, MAYBE_BEFORE_ZH, NEG_BEFORE_EN, NEG_BEFORE_ZH, PAST_EN, PAST_ZH, RISK_EN, RISK_ZH,
  SIMILE_AROUND_ZH, SIMILE_BEFORE_EN, SIMILE_BEFORE_ZH, STRONG_NOW_EN, STRONG_NOW_ZH, SUICIDE_AVERT_BEFORE_ZH,
  SUICIDE_INTENT_EN, SUICIDE_INTENT_ZH, WEAK_NOW_EN, WEAK_NOW_ZH, ZH_RULES, EMERGENCY_KINDS, type EmergencyKind, type Rule,
} from './emergencyLexicon.js';

// The kinds live with the word lists that name them; re-exported here for the rules' callers.
export { EMERGENCY_KINDS, type EmergencyKind } from './emergencyLexicon.js';

export interface EmergencyMatch {
  kinds: EmergencyKind[];
  /** The phrases that fired, for Decision.reasons and the office alert (never logged at info). */
  matched: string[];
}

/**
 * From this many Han characters + Latin words on, a message is read as a letter. Chat messages that
 * report an emergency are short (the development set's longest is 81 characters, median 18); complaint
 * letters are long (teddy2020: median 225, 10 % under 89). A message addressed to an official
 * (尊敬的领导, Dear Sir) is a letter from half that length. On the Teddy tuning part the result is the
 * same for thresholds from 100 to 150 (no message between them depends on the letter rule alone).
 */
export const LETTER_UNITS = 120;
const FRAMED_LETTER_UNITS = 60;

// Sentences end at 。!?; and line breaks (a '.' followed by a digit is a decimal, 3.7日); clauses at
// commas and colons. Hazard and what-if talk is read in the sentence, tense in neighbouring clauses.
const SENTENCE_SPLIT = /[。!?;\n]+|\.(?!\d)/;
const CLAUSE_SPLIT = /[,:]+/;

interface Clause {
  text: string;
  sentence: number;
  /** Text of the sentence before this clause (for 如果…, 一旦… that open a sentence). */
  sentenceBefore: string;
  sentenceAll: string;
}

interface Lang {
  rules: Rule[];
  strong: RegExp;
  weak: RegExp;
  letterNow: RegExp;
  past: RegExp;
  risk: RegExp;
  negBefore: RegExp;
  hypoBefore: RegExp;
  maybeBefore?: { before: RegExp; notAfter: RegExp };
  hypoSentence: RegExp;
  afterNotEvent: RegExp;
  similarBefore: RegExp;
  simileAround?: { before: RegExp; after: RegExp };
  suicideAvert?: RegExp;
  hyperboleBefore?: RegExp;
  suicideIntent: RegExp;
  accountability: RegExp;
}

const ZH: Lang = {
  rules: ZH_RULES, strong: STRONG_NOW_ZH, weak: WEAK_NOW_ZH, letterNow: LETTER_NOW_ZH, past: PAST_ZH, risk: RISK_ZH, negBefore: NEG_BEFORE_ZH,
  hypoBefore: HYPO_BEFORE_ZH, maybeBefore: MAYBE_BEFORE_ZH, hypoSentence: HYPO_SENTENCE_ZH, afterNotEvent: AFTER_NOT_EVENT_ZH,
  similarBefore: SIMILE_BEFORE_ZH, simileAround: SIMILE_AROUND_ZH, suicideAvert: SUICIDE_AVERT_BEFORE_ZH, hyperboleBefore: new RegExp(`${HYPERBOLE_BEFORE_ZH}$`),
  suicideIntent: SUICIDE_INTENT_ZH, accountability: ACCOUNTABILITY_ZH,
};
const EN: Lang = {
  rules: EN_RULES, strong: STRONG_NOW_EN, weak: WEAK_NOW_EN, letterNow: LETTER_NOW_EN, past: PAST_EN, risk: RISK_EN, negBefore: NEG_BEFORE_EN,
  hypoBefore: HYPO_BEFORE_EN, hypoSentence: HYPO_SENTENCE_EN, afterNotEvent: AFTER_NOT_EVENT_EN,
  similarBefore: SIMILE_BEFORE_EN, suicideIntent: SUICIDE_INTENT_EN, accountability: ACCOUNTABILITY_EN,
};

const globalCache = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalCache.set(re, g);
  }
  return g;
}

function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  text.split(SENTENCE_SPLIT).forEach((sentence, s) => {
    let before = '';
    for (const raw of sentence.split(CLAUSE_SPLIT)) {
      const t = raw.trim();
      if (t) out.push({ text: t, sentence: s, sentenceBefore: before, sentenceAll: sentence });
      before += `${raw},`;
    }
  });
  return out;
}

/** Han characters plus Latin words: a length that means the same in Chinese and English. */
function lengthUnits(text: string): number {
  const han = hanCount(text);
  const words = text.match(/[a-z]+/g)?.length ?? 0;
  return han + words;
}

export function isLetter(normalizedText: string): boolean {
  const units = lengthUnits(normalizedText);
  return units >= LETTER_UNITS || (units >= FRAMED_LETTER_UNITS && LETTER_FRAMING.test(normalizedText));
}

/** Per-clause markers, computed once per language and only when some rule matched at all. */
interface Marks {
  strong: boolean[];
  weak: boolean[];
  letterNow: boolean[];
  past: boolean[];
  risk: boolean[];
}

function marksOf(clauses: Clause[], lang: Lang): Marks {
  return {
    strong: clauses.map((c) => lang.strong.test(c.text)),
    weak: clauses.map((c) => lang.weak.test(c.text)),
    letterNow: clauses.map((c) => lang.letterNow.test(c.text)),
    past: clauses.map((c) => lang.past.test(c.text)),
    risk: clauses.map((c) => lang.risk.test(c.text)),
  };
}

/** True when flag is set on clause i or a neighbour (optionally only within the same sentence). */
function near(flags: boolean[], clauses: Clause[], i: number, sameSentence = false): boolean {
  for (let j = Math.max(0, i - 1); j <= Math.min(clauses.length - 1, i + 1); j++) {
    if (flags[j] && (!sameSentence || clauses[j]!.sentence === clauses[i]!.sentence)) return true;
  }
  return false;
}

interface Ctx {
  clauses: Clause[];
  marks: Marks;
  letter: boolean;
  legalQuestion: boolean;
  /** The message asks for an inspection, a penalty, compensation or a repair (ACCOUNTABILITY_*). */
  accountability: boolean;
  anyStrong: boolean;
}

const NOISE_QUEUE_HYPERBOLE = /(吵|嘈|排|等)(到|得)(我|人)?(都|真系|真是)?(想|要|快要)$/;

/** Why a hit does not count, or null when it does. Exposed through explainEmergency for tuning and tests. */
function rejectHit(rule: Rule, lang: Lang, ctx: Ctx, i: number, index: number, hit: string): string | null {
  const clause = ctx.clauses[i]!;
  const before = clause.text.slice(0, index);
  const after = clause.text.slice(index + hit.length);
  if (rule.guarded === false) {
    if (lang.suicideAvert?.test(before)) return 'prevention_talk';
    // "嘈到我想死" (so noisy I could die) is how a noise complaint is said, not a wish to die; a real wish says more.
    if (lang.hyperboleBefore?.test(before) && /^(想死|要死|快死)/.test(hit)) return 'hyperbole';
    // The same of the noise or the queue with a method named: "嘈到我想跳楼，可唔可以叫人嚟管下".
    if (NOISE_QUEUE_HYPERBOLE.test(before) && /^跳楼/.test(hit)) return 'hyperbole';
    if (rule.method && ctx.letter && !lang.suicideIntent.test(clause.text.replace(hit, ''))) return 'method_without_person';
    return null;
  }
  if (lang.negBefore.test(before)) return 'negated';
  if (lang.similarBefore.test(before)) return 'simile';
  if (lang.simileAround && lang.simileAround.before.test(before) && lang.simileAround.after.test(after)) return 'simile';
  if (lang.afterNotEvent.test(after)) return 'not_an_event';
  const { marks, clauses } = ctx;
  if (near(marks.strong, clauses, i)) return null;
  // In a letter the weak cue must be in the hit's sentence and next to it ("他一直在砸门,说要弄死我们").
  const weakHere = ctx.letter ? near(marks.letterNow, clauses, i, true) : marks.weak[i]!;
  if (rule.needsNow && !(ctx.letter ? weakHere : near(marks.weak, clauses, i))) return 'needs_now';
  if (ctx.legalQuestion && rule.kind === 'violence') return 'legal_question';
  if (HYPO_KINDS.has(rule.kind)) {
    if (lang.hypoBefore.test(before)) return 'what_if';
    if (lang.maybeBefore && lang.maybeBefore.before.test(before) && !lang.maybeBefore.notAfter.test(after)) return 'what_if';
    if (lang.hypoSentence.test(clause.sentenceAll)) return 'what_if';
    if (near(marks.risk, clauses, i, true)) return 'hazard_talk';
    if (ctx.accountability && !ctx.anyStrong && !marks.letterNow[i]) return 'accountability_request';
  }
  if (ctx.letter) {
    // In a letter, 现在 in the hit's own clause beats a date in the neighbouring one
    // ("去年就着过一次火,今天下午又起火了"), but not one in the same clause.
    if (weakHere ? marks.past[i] : near(marks.past, clauses, i)) return 'past';
    // A gas smell or leak is rarely narrated; it keeps the short-message weighting in a letter.
    if (!weakHere && rule.kind !== 'gas') return 'letter_without_now';
    return null;
  }
  if (near(marks.past, clauses, i) && !near(marks.weak, clauses, i)) return 'past';
  return null;
}

interface Out {
  kinds: Set<EmergencyKind>;
  matched: string[];
  rejected?: Array<{ kind: EmergencyKind; phrase: string; why: string }>;
}

/** Records a hit as matched, or as rejected with `why`; true when it counted. */
function recordHit(out: Out, kind: EmergencyKind, phrase: string, why: string | null): boolean {
  if (why) {
    out.rejected?.push({ kind, phrase, why });
    return false;
  }
  out.kinds.add(kind);
  if (!out.matched.includes(phrase)) out.matched.push(phrase);
  return true;
}

function checkRules(lang: Lang, text: string, clauses: Clause[], letter: boolean, out: Out, originalFrom = clauses.length): void {
  let ctx: Ctx | undefined;
  const flat = text.replace(/\n/g, ' ');
  for (const rule of lang.rules) {
    // Most rules match nothing in most messages: one test on the whole text skips the clause walk.
    if (!rule.pattern.test(text)) continue;
    ctx ??= {
      clauses, marks: marksOf(clauses, lang), letter, legalQuestion: LEGAL_QUESTION_ZH.test(text),
      accountability: lang.accountability.test(text), anyStrong: lang.strong.test(text),
    };
    if (rule.wholeMessage) {
      const m = rule.pattern.exec(flat);
      if (!m || rule.unless?.test(text)) continue;
      // Across clauses the tense is read around the whole match.
      const around = flat.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30);
      let why: string | null = null;
      if (!lang.strong.test(around)) {
        // A short message is read as a whole (as before); a letter only around the match.
        const past = letter
          ? lang.past.test(around)
          : lang.past.test(flat) && !lang.strong.test(flat) && !lang.weak.test(flat);
        why = past ? 'past' : letter && !lang.letterNow.test(around) ? 'letter_without_now' : null;
      }
      recordHit(out, rule.kind, m[0], why);
      continue;
    }
    let answered = false;
    for (const [i, clause] of clauses.entries()) {
      if (!rule.pattern.test(clause.text)) continue;
      // The resident's own script is a fallback for what conversion missed. A rule the 简体 text already
      // answered (kept or rejected) is not read again there, where the 简体 guards cannot see: 上個月家裡失火
      // had raised the fire alarm that 上个月家里失火 was rightly denied.
      if (i >= originalFrom && answered) break;
      if (i < originalFrom) answered = true;
      if (rule.unless?.test(clause.text)) {
        out.rejected?.push({ kind: rule.kind, phrase: rule.pattern.exec(clause.text)![0], why: 'excluded' });
        continue;
      }
      for (const m of clause.text.matchAll(globalOf(rule.pattern))) {
        if (recordHit(out, rule.kind, m[0], rejectHit(rule, lang, ctx, i, m.index, m[0]))) break;
      }
    }
  }
}

function run(normalizedText: string, original: string | undefined, out: Out): void {
  if (typeof normalizedText !== 'string' || normalizedText.trim() === '') return;
  // The resident's own script is checked too, so a rule written in 简体 never misses because conversion
  // went wrong on an unusual variant character. Length is measured once, on the normalised text.
  const text = original && original !== normalizedText ? `${normalizedText}\n${original.toLowerCase()}` : normalizedText;
  const letter = isLetter(normalizedText);
  const clauses = splitClauses(text);
  // A line break is a sentence break, so the normalised text's clauses come first.
  const originalFrom = text === normalizedText ? clauses.length : splitClauses(normalizedText).length;
  checkRules(ZH, text, clauses, letter, out, originalFrom);
  if (/[a-z]/.test(text)) checkRules(EN, text, clauses, letter, out, originalFrom);
}

function result(out: Out): EmergencyMatch | null {
  // 'other' only adds information when nothing more specific fired.
  if (out.kinds.size > 1) out.kinds.delete('other');
  if (out.kinds.size === 0) return null;
  return { kinds: EMERGENCY_KINDS.filter((k) => out.kinds.has(k)), matched: out.matched };
}

/**
 * Returns the kinds of danger recognised, or null. `normalizedText` is normalize().normalized;
 * `original` (the resident's script) is checked too.
 */
export function detectEmergency(normalizedText: string, original?: string): EmergencyMatch | null {
  const out: Out = { kinds: new Set(), matched: [] };
  run(normalizedText, original, out);
  return result(out);
}

/** detectEmergency plus every hit that a guard dropped and why (for tuning and tests, not for logs). */
export function explainEmergency(
  normalizedText: string,
  original?: string,
): { match: EmergencyMatch | null; letter: boolean; rejected: Array<{ kind: EmergencyKind; phrase: string; why: string }> } {
  const out: Out = { kinds: new Set(), matched: [], rejected: [] };
  run(normalizedText, original, out);
  return { match: result(out), letter: typeof normalizedText === 'string' && isLetter(normalizedText), rejected: out.rejected! };
}
