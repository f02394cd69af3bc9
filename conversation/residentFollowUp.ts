/**
 * What a resident writes about a case they already have: the answer to a question the office or the handler asked
 * (cases.resident.question, "请直接回复本消息"), and which open case a follow-up is offered to. Also the refusal of a
 * 信访外 offer said as a wish to report ("不是这个意思，我是要举报那个网吧"), which must not bring the offer back.
 */
import type { CaseRecord, ResidentRecord } from '../cases/caseRepository.js';
import type { CaseService } from '../cases/caseService.js';
import { redact } from '../triage/redact.js';
import { isDepartmentCode, type Decision, type TargetCode } from '../kernel/taxonomy.js';
import type { Logger } from '../kernel/logger.js';
import { r } from './residentState.js';
import type { Pending } from './residentState.js';
import type { Reply } from './types.js';

/**
 * How long a question waits for its answer. The resident is asked to reply to the message, and may do so the next
 * day; after a week a message is more likely a new matter than a late answer (and the office asks again).
 */
export const ANSWER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** What a resident does on a case after a question, so the question counts as answered (or passed over). */
const RESIDENT_ADDITIONS = new Set(['resident_answer', 'resident_note', 'resident_attachment', 'satisfaction_comment', 'satisfaction_recorded', 'request_review', 'withdraw']);
/** For a photo or a file, a text answer does not close the question: "合同在家里，明天拍给你们" announces the photo. */
const FILE_ADDITIONS = new Set(['resident_attachment', 'satisfaction_recorded', 'request_review', 'withdraw']);

export interface OpenQuestion {
  ref: string;
  question: string;
  at: Date;
  /** The handler holding the case asked it (not the office): the answer goes to that handler too. */
  byHandler: boolean;
}

/** Greetings and bare punctuation are no answer ("在吗？" after a question is someone checking the bot is there). */
const GREETING_ONLY = /^(?:在吗|在嗎|在不在|有人吗|有人嗎|你好|您好|喂|hello|hi|hey|anyone there)[\s,，.。!！?？~～]*$/iu;
export const isAnswerText = (text: string): boolean => !GREETING_ONLY.test(text.trim()) && /[\p{L}\p{N}]/u.test(text);

/**
 * The newest question on one of the resident's open cases that is still unanswered: asked within the window, with
 * nothing from the resident on that case since, no newer case of theirs (they moved on to another matter), and no
 * step of the conversation started after it (a summary typed after the question is confirmed first).
 */
export async function openQuestion(
  cases: Pick<CaseService, 'timeline'>,
  all: CaseRecord[],
  open: CaseRecord[],
  pending: Pending | null,
  now: Date,
  opts: { file?: boolean } = {},
): Promise<OpenQuestion | null> {
  const additions = opts.file ? FILE_ADDITIONS : RESIDENT_ADDITIONS;
  const since = now.getTime() - ANSWER_WINDOW_MS;
  let best: OpenQuestion | null = null;
  // Asking is a case command, which updates the case: one untouched since the window began holds no question in it,
  // and its timeline is not read (this runs for every message of a resident with open cases).
  for (const c of open.filter((x) => x.updatedAt.getTime() >= since).slice(0, 10)) {
    const events = await cases.timeline(c.ref);
    let i = events.length - 1;
    while (i >= 0 && events[i]!.type !== 'question_asked') i--;
    const q = events[i];
    if (!q || q.at.getTime() < since || events.slice(i + 1).some((e) => e.actorKind === 'resident' && additions.has(e.type))) continue;
    const question = typeof q.data.question === 'string' ? q.data.question : '';
    if (!best || q.at > best.at) best = { ref: c.ref, question, at: q.at, byHandler: q.actorKind === 'handler' };
  }
  if (!best) return null;
  if (all.some((c) => c.receivedAt > best!.at)) return null;
  if (pending && pending.at > best.at.getTime()) return null;
  return best;
}

/** Records the resident's answer on the case (an event, and the note to the office; to the handler if it asked). */
export async function recordAnswer(cases: CaseService, resident: ResidentRecord, q: OpenQuestion, text: string, log?: Logger): Promise<Reply[]> {
  const ok = await cases.addResidentNote({ residentId: resident.id, ref: q.ref, type: 'resident_answer', note: redact(text).text, question: q.question, toHandler: q.byHandler });
  if (!ok) {
    log?.warn({ ref: q.ref }, 'answer to a question not recorded: the case is gone');
    return [r('conversation.error.case_unavailable')];
  }
  return [r('conversation.answer.saved', { ref: q.ref })];
}

// -------------------------------------------------------------------------------------------------
// Which open case a follow-up is about

/** Characters too common to say what a text is about: a pair with one of them matches anything. */
const FILLER = new Set([...'的了是我你他她它们在有也很都就和与及这那个吗呢吧啊呀着过被把给让不没已经到说要会能可以还又再今天']);
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'our', 'has', 'have', 'had', 'been', 'this', 'that', 'was', 'were', 'are', 'not', 'you', 'your', 'they', 'them', 'from', 'about', 'still', 'just', 'now', 'today', 'there', 'please', 'thanks', 'thank', 'any', 'more', 'very', 'its', "it's", 'all']);

/** The content of a text as word-like units: pairs of Han characters without filler, and longer Latin words. */
function units(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) if (!FILLER.has(chars[i]!) && !FILLER.has(chars[i + 1]!)) out.add(chars[i]! + chars[i + 1]!);
  }
  for (const w of text.toLowerCase().match(/[a-z][a-z']{2,}/g) ?? []) if (!STOP_WORDS.has(w)) out.add(w.replace(/s$/, ''));
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Whether two texts share a content word: "学校是南山实验学校" speaks of the school in "我儿子在学校被…欺负". */
export const sharesWords = (a: string, b: string): boolean => shared(units(a), units(b)) > 0;

/** The departments or services a reading points to, best first. */
function targetsOf(d: Decision): TargetCode[] {
  return [d.target, d.topicTarget, d.runnerUp].filter((x): x is TargetCode => typeof x === 'string');
}

/**
 * The open case a follow-up is about: the one whose handler the message's reading points to, else the one whose
 * text it shares most words with, else the newest. "路灯今天已经修好了" had been offered to an elder-care case opened
 * after the street-light petition, only because it was the newest.
 */
export function caseAbout(open: CaseRecord[], d: Decision, text: string): CaseRecord {
  const mine = units(text);
  const score = (c: CaseRecord) => shared(mine, units(`${c.originalText} ${c.summary}`));
  const targets = targetsOf(d);
  const byTarget = targets.length ? open.filter((c) => c.target !== null && targets.includes(c.target)) : [];
  const pool = byTarget.length ? byTarget : open;
  // Newest first among equals: `open` is newest first, and only a strictly better match moves ahead.
  let best = pool[0]!;
  let bestScore = score(best);
  for (const c of pool.slice(1)) {
    const s = score(c);
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  return best;
}

// -------------------------------------------------------------------------------------------------
// A 信访外 offer refused as a wish to report

/**
 * "不是这个意思，我是要举报那个网吧让未成年人进去上网", "I want to report the internet café": a report or complaint
 * asked for in so many words, while a service was offered. Returns what the resident wants reported.
 */
const WANTS_TO_REPORT =
  /(?:我|我们|我們)?(?:是|就是|只是)?(?:要|想|想要|需要)(?:举报|舉報|投诉|投訴|检举|檢舉)[^。.!！]*|\bi\s+(?:want|wish|would\s+like|'d\s+like|need)\s+to\s+(?:report|complain\s+about|file\s+a\s+complaint\s+(?:about|against))\b[^.!]*/iu;

export function wantsToReport(text: string): string | null {
  const m = WANTS_TO_REPORT.exec(text.trim());
  if (!m) return null;
  const rest = m[0].replace(/^[\s，,。.;；]+|[\s，,。.;；]+$/gu, '');
  return [...rest].length >= 6 ? rest : null;
}

/**
 * The petition a refused service becomes when no reading of the words is one: for the office to review, proposed
 * to the department any reading names (the joined text's or the complaint's routing, or their runner-up), else to
 * none — the office decides. Offering the same service again had been a dead end.
 */
export function refusedServicePetition(joined: Decision, alone: Decision): Decision {
  const candidates: Array<[TargetCode | null | undefined, number | undefined]> = [
    [alone.category === 'petition' ? alone.target : null, alone.confidence],
    [joined.category === 'petition' ? joined.target : null, joined.confidence],
    [alone.topicTarget, alone.topicConfidence],
    [joined.topicTarget, joined.topicConfidence],
    [alone.runnerUp, 0],
    [joined.runnerUp, 0],
  ];
  const hit = candidates.find(([t]) => isDepartmentCode(t));
  const target = hit ? (hit[0] as TargetCode) : null;
  const confidence = hit ? (hit[1] ?? 0) : 0;
  return {
    ...joined,
    category: 'petition',
    target,
    confidence,
    targetConfidence: confidence,
    needsReview: true,
    reviewReason: 'resident_refused_service',
    reasons: [...joined.reasons, 'resident_refused_service'],
  };
}
