/**
 * The crisis layer: explicit emergency rules (triage/emergency.ts) + situation cues (lexicon.ts) + a
 * local classifier (model.ts), all synchronous and in-process — nothing here waits on a network.
 *
 * Outcome: immediate danger / concern / none (docs/crisis.md).
 *  - An explicit rule hit or a situation cue that is current → immediate.
 *  - The classifier's P(immediate) at or above the threshold chosen for recall → immediate.
 *  - Narration, news, questions about a service, a complaint about how an emergency was handled, or a
 *    long complaint letter without a now cue turn a hit into concern or nothing.
 *  - Distress cues or the classifier's P(concern ∪ immediate) → concern.
 */
import { existsSync } from 'node:fs';
import { detectEmergency, isLetter } from '../emergency.js';
import {
  HYPO_SENTENCE_EN, HYPO_SENTENCE_ZH, LETTER_NOW_EN, LETTER_NOW_ZH, PAST_EN, PAST_ZH, STRONG_NOW_EN, STRONG_NOW_ZH,
} from '../emergencyLexicon.js';
import { CRISIS_MODEL } from './data.js';
import { CUES, NOT_NOW_EN, NOT_NOW_ZH } from './lexicon.js';
import { loadCrisisModel, score, type CrisisModel } from './model.js';
import type { CrisisKind, CrisisLevel, CrisisOutcome } from './types.js';

const SENTENCE = /[。!?;\n]+|\.(?!\d)|[!?]/;

let cached: CrisisModel | null | undefined;
/** The bundled model (resources/model/crisis-model.json), loaded once; null (rules only) if absent. */
export function defaultCrisisModel(): CrisisModel | null {
  if (cached === undefined) {
    try {
      cached = existsSync(CRISIS_MODEL) ? loadCrisisModel(CRISIS_MODEL) : null;
    } catch (err) {
      console.error(`crisis model not loaded (${(err as Error).message}); rules and cues only`);
      cached = null;
    }
  }
  return cached;
}

/** For tests and the evaluation: use this model (or none) instead of the bundled one. */
export function setDefaultCrisisModel(m: CrisisModel | null | undefined): void {
  cached = m;
}

/** Below this P(immediate) the classifier vetoes an explicit rule hit that has no strong now cue. */
export const VETO = 0.02;

const RANK: Record<CrisisLevel, number> = { none: 0, concern: 1, immediate: 2 };
const maxLevel = (a: CrisisLevel, b: CrisisLevel): CrisisLevel => (RANK[a] >= RANK[b] ? a : b);

const test = (zh: RegExp, en: RegExp, s: string) => zh.test(s) || en.test(s);
const strongNow = (s: string) => test(STRONG_NOW_ZH, STRONG_NOW_EN, s);
const letterNow = (s: string) => test(LETTER_NOW_ZH, LETTER_NOW_EN, s) || strongNow(s);
const notNow = (s: string) => test(NOT_NOW_ZH, NOT_NOW_EN, s);
const past = (s: string) => test(PAST_ZH, PAST_EN, s);
const whatIf = (s: string) => test(HYPO_SENTENCE_ZH, HYPO_SENTENCE_EN, s);

/** Explicit passive wishes: a stated wish to die without plan or means is concern, not immediate. */
const PASSIVE_SUICIDE = /活着(没(有)?意思|太累|好累|真累)|活够了|没(有)?活下去的|\b(don'?t see the point|no point (in )?living|tired of living|not worth living)\b/;
const ACTIVE_SUICIDE = /自杀|轻生|寻死|自尽|了结|了断|结束(自己的)?生命|跳|上吊|农药|百草枯|安眠药|烧炭|吞药|服毒|卧轨|遗书|\b(kill(ing)? myself|end(ing)? my (own )?life|suicide|jump|hang myself|overdos|pills|tonight)\b/;

/** Not a situation at all: fiction, a joke, something over and recovered from, or help with an app. */
const FICTION = /电影|电视剧|小说|剧本杀|剧情|角色|主角|套戏|游戏里|动漫|综艺|\b(movie|film|novel|tv show|drama|character|video game|episode)\b/;
const JOKE = /开玩笑|哈哈|笑死|\b(lol|lmao|jk|just kidding|kidding)\b/;
const OVER = /(现在|目前|而家|宜家)(已经)?(好了|好多了|恢复|没事|冇事|稳定)|恢复得|已经(好了|出院|康复|扑灭|灭了|救出|被救)|\b(doing (well|fine|better) now|recovered|survived|was put out|it'?s sorted)\b/;
const ASKS = /想问|请问|咨询|怎么办|如何|投诉|表扬|维权|报销|申请|要求调查|有没有|\b(can i|how (do|can)|is there|are there|where can|complain|want to report|please (train|check|inspect))\b/;
const APP = /系统|网站|网上|网页|app|页面|当机|死机|崩了|又崩|卡住了|排队|预约|填表|\b(website|app|system|portal|form)\b/;

/** Why explicit words do not make this message a danger now (null when nothing says so). */
function notASituation(text: string, now: boolean): string | null {
  if (now) return null;
  if (FICTION.test(text)) return 'fiction';
  if (JOKE.test(text)) return 'joke';
  if (OVER.test(text)) return 'over';
  if (past(text) && ASKS.test(text)) return 'past_question';
  return null;
}

export interface DetectOptions {
  /** undefined → the bundled model; null → rules and cues only. */
  model?: CrisisModel | null;
}

export function detectCrisis(normalizedText: string, original?: string, opts: DetectOptions = {}): CrisisOutcome {
  if (typeof normalizedText !== 'string' || normalizedText.trim() === '') return { level: 'none', kinds: [], cues: [] };
  const text = original && original.toLowerCase() !== normalizedText ? `${normalizedText}\n${original.toLowerCase()}` : normalizedText;
  const letter = isLetter(normalizedText);
  const sentences = text.split(SENTENCE).filter((s) => s.trim() !== '');
  const wholeNotNow = notNow(normalizedText);
  const anyNow = strongNow(normalizedText);
  const context = notASituation(normalizedText, anyNow);
  const model = opts.model === undefined ? defaultCrisisModel() : opts.model;
  const scores = model ? score(model, normalizedText) : null;
  let level = 'none' as CrisisLevel;
  const kinds = new Set<CrisisKind>();
  const cues: string[] = [];
  const hit = (l: CrisisLevel, k: CrisisKind, cue: string) => {
    level = maxLevel(level, l);
    if (l !== 'none') kinds.add(k);
    if (!cues.includes(cue)) cues.push(cue);
  };

  // 1. Explicit rules (already guarded for negation, similes, tense, hazard talk, long letters).
  const rules = detectEmergency(normalizedText, original);
  if (rules) {
    for (const k of rules.kinds) {
      let l: CrisisLevel = 'immediate';
      if (k === 'suicide' || k === 'self_harm') {
        const active = ACTIVE_SUICIDE.test(normalizedText) || k === 'self_harm';
        // A passive wish, or suicide talk inside a long complaint letter with nothing current, is
        // distress the office should read, not a call to an emergency line.
        if (!active && PASSIVE_SUICIDE.test(normalizedText)) l = 'concern';
        if (letter && !anyNow && !sentences.some(letterNow)) l = 'concern';
      }
      if ((wholeNotNow && !anyNow) || context) l = (k === 'suicide' || k === 'self_harm') && context !== 'fiction' ? 'concern' : 'none';
      // 救命 about a website or a queue is a figure of speech.
      if (k === 'other' && APP.test(normalizedText)) l = 'none';
      // The classifier, trained on narrated, figurative and hypothetical uses of the same words, may
      // veto a hit it finds very unlikely — but never a strong now cue.
      if (l === 'immediate' && scores && !anyNow && scores.level[2] < VETO) l = k === 'suicide' || k === 'self_harm' ? 'concern' : 'none';
      hit(l, k as CrisisKind, `rule:${k}${l === 'immediate' ? '' : `→${l}`}${context ? `(${context})` : ''}`);
    }
  }

  // 2. Situation cues, weighed in their sentence.
  for (const cue of CUES) {
    if (!cue.pattern.test(text)) continue;
    for (const s of sentences) {
      if (!cue.pattern.test(s) || cue.unless?.test(s)) continue;
      let l: CrisisLevel = cue.level;
      const now = strongNow(s);
      if ((notNow(s) || context) && !now) l = cue.kind === 'suicide' || cue.kind === 'distress' ? (context === 'fiction' ? 'none' : 'concern') : 'none';
      else if (cue.guarded && !now && (past(s) || whatIf(s))) l = 'none';
      else if (l === 'immediate' && letter && !now && !letterNow(s)) l = 'concern';
      if (l === 'none') continue;
      hit(l, cue.kind, `cue:${cue.name}${l === cue.level ? '' : `→${l}`}`);
      break;
    }
  }

  // 3. The classifier: implicit language the words above do not cover.
  if (model && scores) {
    const s = scores;
    const [, pc, pi] = s.level;
    if (pi >= model.immediateThreshold && !(wholeNotNow && !anyNow) && context !== 'fiction' && context !== 'joke' && context !== 'over') {
      if (level !== 'immediate') hit('immediate', kinds.size ? [...kinds][0]! : s.kinds[0]!, `model:immediate ${pi.toFixed(2)}`);
      else cues.push(`model:immediate ${pi.toFixed(2)}`);
      if (![...kinds].some((k) => k !== 'distress')) kinds.add(s.kinds[0]!);
    } else if (pc + pi >= model.concernThreshold) {
      hit('concern', s.kinds[0] ?? 'distress', `model:concern ${(pc + pi).toFixed(2)}`);
    }
  }

  if (level === 'none') return { level, kinds: [], cues };
  // 'distress' and 'other' only add information when nothing more specific is known.
  if (kinds.size > 1) kinds.delete('distress');
  if (kinds.size > 1) kinds.delete('other');
  return { level, kinds: [...kinds], cues };
}
