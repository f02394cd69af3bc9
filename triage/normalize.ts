import * as OpenCC from 'opencc-js';
import { ValidationError } from '../app/errors.js';
import type { Language } from './types.js';

/** Triage looks at this many code points at most; a petition longer than that is cut, never rejected. */
export const MAX_TRIAGE_CHARS = 4000;
/** Raw input is sliced to this many UTF-16 units before any regex runs, so a megabyte of junk costs nothing. */
const RAW_PRESLICE = MAX_TRIAGE_CHARS * 4;

export interface Normalized {
  /** The resident's own script (繁 or 简), NFKC-folded, cleaned and capped: what staff and redaction see. */
  original: string;
  /** 简体, half-width, lower-cased Latin: what rules and classifiers match against. */
  normalized: string;
  language: Language;
  /** true when the input was longer than MAX_TRIAGE_CHARS code points and was cut. */
  truncated: boolean;
}

// Both presets are needed: 'hk' leaves 著 (as in 拿著) unconverted and 'tw' leaves 衞; chaining
// covers Hong Kong and Taiwan variants. Building a converter takes tens of ms, so build once, lazily.
let toSimplified: ((s: string) => string) | undefined;
export function traditionalToSimplified(text: string): string {
  if (!toSimplified) {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    toSimplified = (s) => tw(hk(s));
  }
  return toSimplified(text);
}

let toTraditional: ((s: string) => string) | undefined;
/** 简→繁 (Hong Kong forms), for showing simplified law excerpts to a zh-Hant reader. */
export function simplifiedToTraditional(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return convert(text);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control, format (zero-width, bidi marks, BOM, soft hyphen), private-use, unassigned, and U+FFFD
// from mis-decoded binary. Whitespace controls are turned into spaces first so words stay apart.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\uFFFD]/gu;
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** Strips what can hide text from rules (zero-width joiners inside 自​杀, control bytes) and folds widths. */
export function clean(text: string): { text: string; truncated: boolean } {
  let s = text.length > RAW_PRESLICE ? text.slice(0, RAW_PRESLICE) : text;
  s = s.replace(LONE_SURROGATE, '');
  s = s.normalize('NFKC');
  s = s.replace(WHITESPACE_CONTROLS, ' ').replace(INVISIBLE, '');
  s = s.replace(/\s+/g, ' ').trim();
  const codePoints = Array.from(s);
  const truncated = codePoints.length > MAX_TRIAGE_CHARS || text.length > RAW_PRESLICE;
  if (codePoints.length > MAX_TRIAGE_CHARS) s = codePoints.slice(0, MAX_TRIAGE_CHARS).join('');
  return { text: s, truncated };
}

const CJK = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const CANTONESE = /[嘅咗哋冇嘢啲佢喺唔係睇揾搵]/;

/**
 * 'en' when Latin letters clearly dominate. A Han character carries about a word, so it weighs three
 * Latin letters: "我的iPhone被偷了" stays Chinese, "my iPhone was stolen 谢谢" is English.
 */
export function detectLanguage(cleaned: string, simplified: string): Language {
  const han = cleaned.match(CJK)?.length ?? 0;
  const latin = cleaned.match(LATIN)?.length ?? 0;
  if (latin > 0 && latin > han * 3) return 'en';
  // Written Cantonese (嘅 咗 哋 …) is a Hong Kong reader's text even when no character converts.
  if (han > 0 && (simplified !== cleaned || CANTONESE.test(cleaned))) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * One place that turns a resident's raw message into the forms triage needs. Never throws on odd
 * content (empty, emoji, binary); a non-string is a programming error and gets a clear ValidationError.
 */
export function normalize(text: string): Normalized {
  if (typeof text !== 'string') {
    throw new ValidationError(`normalize() expects a string, got ${text === null ? 'null' : typeof text}`);
  }
  const { text: original, truncated } = clean(text);
  const simplified = traditionalToSimplified(original);
  const language = detectLanguage(original, simplified);
  return { original, normalized: simplified.toLowerCase(), language, truncated };
}
