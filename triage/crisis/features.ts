/**
 * Features of the crisis classifier: hashed character n-grams (Han 1–3, so written Cantonese and 繁體
 * after conversion share them), English word 1–2-grams, and situation flags (which cues fired before
 * their guards, past / not-now talk, length). Hashing keeps the model a fixed, small size.
 */
import { isLetter } from '../emergency.js';
import { PAST_EN, PAST_ZH, STRONG_NOW_EN, STRONG_NOW_ZH, WEAK_NOW_EN, WEAK_NOW_ZH } from '../emergencyLexicon.js';
import { CUES, NOT_NOW_EN, NOT_NOW_ZH } from './lexicon.js';

export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Unique hashed feature indices with a value each (binary n-grams, flags weighted 1). */
export interface Features {
  idx: Int32Array;
  val: Float32Array;
}

const RUN = /[\p{Script=Han}]+|[a-z0-9']+/gu;

/** FNV-1a state after `s` from state `h` (fnv(a + b) = more(more(basis, a), b)): n-grams hash without being built as strings. */
function more(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
const step = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);
const PREFIX = { w: more(0x811c9dc5, 'w:'), b: more(0x811c9dc5, 'b:'), 1: more(0x811c9dc5, '1:'), 2: more(0x811c9dc5, '2:'), 3: more(0x811c9dc5, '3:') };
const BAR = '|'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);

/**
 * What the crisis rules (detect.ts `situate`) already asked of this very text: the cues in CUES order
 * and the time flags. Given, the model's features reuse the answers instead of running the same
 * few dozen patterns over the message a second time.
 */
export interface TextFlags {
  cues: boolean[];
  past: boolean;
  notNow: boolean;
  strongNow: boolean;
  weakNow: boolean;
  letter: boolean;
}

export function featurize(text: string, flags?: TextFlags): Features {
  const seen = new Map<number, number>();
  const add = (key: string, v = 1) => seen.set(fnv(key) & MASK, v);
  // Same buckets as add(`w:${run}`), add(`1:${c}`)…: the hash of the prefixed term, from the prefix's state.
  const addHash = (h: number) => seen.set((h >>> 0) & MASK, 1);
  const han: string[] = [];
  let prevWord = '';
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    const first = run.charCodeAt(0);
    // /^[a-z0-9']/
    if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57) || first === 39) {
      addHash(more(PREFIX.w, run));
      if (prevWord) addHash(more(step(more(PREFIX.b, prevWord), SPACE), run));
      prevWord = run;
      han.push('|');
      continue;
    }
    prevWord = '';
    han.push(run, '|');
  }
  const h = han.join('');
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (c === BAR) continue;
    addHash(step(PREFIX[1], c));
    // h[i + 1] is truthy exactly when i + 1 is inside the string (every unit is a non-empty string).
    if (i + 1 < h.length) {
      const c2 = h.charCodeAt(i + 1);
      if (c2 !== BAR) {
        addHash(step(step(PREFIX[2], c), c2));
        if (i + 2 < h.length) {
          const c3 = h.charCodeAt(i + 2);
          if (c3 !== BAR) addHash(step(step(step(PREFIX[3], c), c2), c3));
        }
      }
    }
  }
  CUES.forEach((cue, k) => {
    if (flags ? flags.cues[k] : cue.pattern.test(text)) add(`cue:${cue.name}`, 2);
  });
  if (flags ? flags.past : PAST_ZH.test(text) || PAST_EN.test(text)) add('flag:past');
  if (flags ? flags.notNow : NOT_NOW_ZH.test(text) || NOT_NOW_EN.test(text)) add('flag:not_now');
  if (flags ? flags.strongNow : STRONG_NOW_ZH.test(text) || STRONG_NOW_EN.test(text)) add('flag:strong_now');
  if (flags ? flags.weakNow : WEAK_NOW_ZH.test(text) || WEAK_NOW_EN.test(text)) add('flag:weak_now');
  if (flags ? flags.letter : isLetter(text)) add('flag:letter');
  add(`len:${Math.min(6, Math.floor(Math.log2(1 + text.length)))}`);
  add('bias');
  // Long letters have thousands of n-grams: scale so that a letter and a chat message weigh alike.
  const norm = 1 / Math.sqrt(Math.max(1, seen.size) / 20);
  const idx = Int32Array.from(seen.keys());
  const val = Float32Array.from(seen.values(), (v) => v * Math.min(1, norm));
  return { idx, val };
}
