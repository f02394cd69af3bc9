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

export function featurize(text: string): Features {
  const seen = new Map<number, number>();
  const add = (key: string, v = 1) => seen.set(fnv(key) & MASK, v);
  const han: string[] = [];
  let prevWord = '';
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (/^[a-z0-9']/.test(run)) {
      add(`w:${run}`);
      if (prevWord) add(`b:${prevWord} ${run}`);
      prevWord = run;
      han.push('|');
      continue;
    }
    prevWord = '';
    han.push(run, '|');
  }
  const h = han.join('');
  for (let i = 0; i < h.length; i++) {
    const c = h[i]!;
    if (c === '|') continue;
    add(`1:${c}`);
    const c2 = h[i + 1];
    if (c2 && c2 !== '|') {
      add(`2:${c}${c2}`);
      const c3 = h[i + 2];
      if (c3 && c3 !== '|') add(`3:${c}${c2}${c3}`);
    }
  }
  for (const cue of CUES) if (cue.pattern.test(text)) add(`cue:${cue.name}`, 2);
  if (PAST_ZH.test(text) || PAST_EN.test(text)) add('flag:past');
  if (NOT_NOW_ZH.test(text) || NOT_NOW_EN.test(text)) add('flag:not_now');
  if (STRONG_NOW_ZH.test(text) || STRONG_NOW_EN.test(text)) add('flag:strong_now');
  if (WEAK_NOW_ZH.test(text) || WEAK_NOW_EN.test(text)) add('flag:weak_now');
  if (isLetter(text)) add('flag:letter');
  add(`len:${Math.min(6, Math.floor(Math.log2(1 + text.length)))}`);
  add('bias');
  // Long letters have thousands of n-grams: scale so that a letter and a chat message weigh alike.
  const norm = 1 / Math.sqrt(Math.max(1, seen.size) / 20);
  const idx = Int32Array.from(seen.keys());
  const val = Float32Array.from(seen.values(), (v) => v * Math.min(1, norm));
  return { idx, val };
}
