/**
 * English for the offline models. The category, department and routing models learn mostly from Chinese
 * (thousands of letters, a thousand written examples, the directory's matters phrases), and a few hundred
 * English examples cannot teach them English. So an English message is shown to them as:
 *   - its content words, lemmatised (deposits/deposited → deposit, neighbours → neighbor) with stop words
 *     dropped, and fixed multi-word terms joined into one token (security_deposit, social_insurance);
 *   - the taxonomy's own Chinese vocabulary for the terms it names (landlord → 房东, work permit → 工作许可),
 *     so what the models learned from Chinese applies. This is a term list, not a translation: unknown words
 *     add nothing, word order is not kept.
 *   - the Chinese words petitions use for how the resident asks (englishCues): "still not fixed" → 至今,
 *     "for months" → 一直, "nobody answers" → 没人管 相关部门, "please make them stop" → 要求 相关部门 处理,
 *     "is this even legal?" → 违规 查处. English residents often complain in questions, which alone read as inquiries.
 * Chinese text (and Chinese with a few English words) is returned unchanged. Used only by the offline
 * engine (offlineEngine.ts `prepareText` and its run-time input): emergency rules and the LLM see the
 * resident's words.
 */
import { CONCEPTS, CUES, IRREGULAR, PHRASES, QUESTION_CUES, SPELLING, STOP_WORDS } from './englishLexicon.js';
import { mostlyLatin } from './normalize.js';

// Placeholders left by redaction ([PHONE]) stay as they are; other bracketed text is just words.
const TOKEN = /\[[a-z]+\]|[a-z]+(?:'[a-z]+)?/g;

/**
 * detectLanguage's test (normalize.ts mostlyLatin), counting only a–z: those are the letters the tokens
 * below are made of, so text whose Latin letters are mostly accented is not read as English.
 */
export function isMostlyEnglish(text: string): boolean {
  return mostlyLatin(text, 'ascii');
}

const VOWEL = /[aeiouy]/;

/**
 * A light lemmatiser: irregular forms from a table, then plural and -ed/-ing/-ly endings, then a final
 * silent e dropped so that "charge", "charged" and "charging" meet at "charg". Crude, but the same function
 * runs at training and at run time, and on the lexicon's own keys, so only consistency matters.
 */
export function lemma(word: string): string {
  let w = word.replace(/'s$/, '').replace(/'/g, '');
  w = SPELLING.get(w) ?? w;
  const irregular = IRREGULAR.get(w);
  // Irregular forms are lemmas already; only the final e is folded, as for every word.
  if (irregular !== undefined) w = irregular;
  else if (w.length <= 3) return w;
  else w = stripSuffixes(w);
  if (w.endsWith('e') && w.length > 3 && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

function stripSuffixes(word: string): string {
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) return undouble(w.slice(0, -2));
  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) return undouble(w.slice(0, -3));
  if (w.endsWith('ly') && w.length > 5) return w.slice(0, -2);
  return w;
}

function undouble(stem: string): string {
  return /([bdfgklmnprtz])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem;
}

interface Lexicon {
  /** lemma sequence joined by spaces → joined token. */
  phrases: Map<string, string>;
  maxPhrase: number;
  /** lemma or joined token → Chinese terms. */
  concepts: Map<string, string>;
}

let lexicon: Lexicon | undefined;

function buildLexicon(): Lexicon {
  const phrases = new Map<string, string>();
  let maxPhrase = 1;
  // Keys go through the text's own tokeniser, so "mother-in-law" and "e-bike" split as the text does.
  const keyOf = (s: string): string[] => (s.toLowerCase().match(TOKEN) ?? []).map(lemma);
  for (const p of PHRASES) {
    const lemmas = keyOf(p);
    phrases.set(lemmas.join(' '), lemmas.join('_'));
    maxPhrase = Math.max(maxPhrase, lemmas.length);
  }
  const concepts = new Map<string, string>();
  for (const [terms, zh] of CONCEPTS) {
    for (const t of terms.split('|')) {
      const lemmas = keyOf(t.trim());
      const key = lemmas.join('_');
      if (lemmas.length > 1 && !phrases.has(lemmas.join(' '))) {
        phrases.set(lemmas.join(' '), key);
        maxPhrase = Math.max(maxPhrase, lemmas.length);
      }
      concepts.set(key, concepts.has(key) ? `${concepts.get(key)!} ${zh}` : zh);
    }
  }
  return { phrases, maxPhrase, concepts };
}

/** Content lemmas of the text, multi-word terms joined, stop words dropped. */
export function englishTokens(text: string): string[] {
  const lex = (lexicon ??= buildLexicon());
  const words = text.toLowerCase().match(TOKEN) ?? [];
  const raw = words.map((t) => (t.startsWith('[') ? t : lemma(t)));
  const out: string[] = [];
  for (let i = 0; i < raw.length; ) {
    let joined: string | undefined;
    let span = 1;
    // Phrases may run across stop words inside them ("owners' committee", "out of work" are listed whole).
    for (let n = Math.min(lex.maxPhrase, raw.length - i); n >= 2; n--) {
      const j = lex.phrases.get(raw.slice(i, i + n).join(' '));
      if (j !== undefined) {
        joined = j;
        span = n;
        break;
      }
    }
    if (joined !== undefined) out.push(joined);
    // The word as typed too: "i'll" without its apostrophe is the word "ill".
    else if (!STOP_WORDS.has(words[i]!) && !STOP_WORDS.has(words[i]!.replace(/'/g, '')) && !STOP_WORDS.has(raw[i]!)) out.push(raw[i]!);
    i += span;
  }
  return out;
}

/** The Chinese taxonomy terms an English text names, each once, in order of first mention. */
export function englishConcepts(tokens: readonly string[]): string[] {
  const lex = (lexicon ??= buildLexicon());
  const seen = new Set<string>();
  for (const t of tokens) {
    const zh = lex.concepts.get(t);
    if (zh) for (const z of zh.split(' ')) seen.add(z);
  }
  return [...seen];
}

/**
 * The Chinese words for how the resident asks (CUES): "still not fixed", "for months", "nobody answers",
 * "please make them stop", "is this even legal?". Each cue once, in list order. Read on the raw text
 * because these are word sequences with stop words in them, which englishTokens drops.
 */
export function englishCues(text: string): string[] {
  return cueWords(CUES, text);
}

/** The Chinese words of a procedure question (QUESTION_CUES): 请问 … 期限 / 哪里 办理 / 需要 材料 / 怎么办. */
export function englishQuestionCues(text: string): string[] {
  return cueWords(QUESTION_CUES, text);
}

/** The Chinese words of every cue of `list` the text matches, each once, in list order. */
function cueWords(list: ReadonlyArray<readonly [RegExp, string]>, text: string): string[] {
  const t = plainLower(text);
  const out: string[] = [];
  for (const [re, zh] of list) if (re.test(t)) for (const z of zh.split(' ')) if (!out.includes(z)) out.push(z);
  return out;
}

function plainLower(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
}

/**
 * "How can they…" is an indignant question, not a request for a procedure; without this the joined
 * "how can" token names the inquiry terms (请问 如何). Only subjects that are the other party are taken:
 * "how can a foreigner apply…" stays a question.
 */
const INDIGNANT_HOW = /\bhow (?:can|could|come) (?=(?:they|he|she|this|that|these|those|my|our|people)\b)/g;

/**
 * What the offline models read: unchanged unless the text is mostly English; then its content lemmas,
 * the taxonomy terms they name and the words for how the resident asks (any Chinese already in the text
 * is kept in front).
 */
export function forOfflineModels(text: string): string {
  if (!isMostlyEnglish(text)) return text;
  const han = (text.match(/[\p{Script=Han}]+/gu) ?? []).join(' ');
  const tokens = englishTokens(plainLower(text).replace(INDIGNANT_HOW, 'how '));
  const concepts = englishConcepts(tokens);
  // A resident who disputes a decision (不服) and asks for the deadline asks about their own legal channel,
  // as "对…决定不服，想申请行政复议，期限是多少" does; the polite 请问 of a plain question would read it as an inquiry.
  const disputes = concepts.includes('不服');
  const questions = englishQuestionCues(text).filter((z) => !(disputes && z === '请问'));
  const cues = [...englishCues(text), ...questions].filter((z, i, all) => !concepts.includes(z) && all.indexOf(z) === i);
  return [han, tokens.join(' '), concepts.join(' '), cues.join(' ')].filter((s) => s !== '').join(' ');
}
