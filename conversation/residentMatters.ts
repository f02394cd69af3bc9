/**
 * Which matter a message belongs to while something waits: a follow-up told in several messages before the attach
 * offer is answered, a refusal of that offer, messages held beside a waiting summary, a withdrawal that names a
 * registered case or only the summary just written, and the case a typed rating answers.
 */
import type { CaseRecord } from '../cases/caseRepository.js';
import type { Decision } from '../kernel/taxonomy.js';
import { triage, type TriageDeps } from '../triage/pipeline.js';
import { joinMessages } from './residentRules.js';
import { MAX_TEXT_CHARS, type Pending } from './residentState.js';
import type { Reply } from './types.js';

/**
 * Two messages read as one matter, with the reading of both: the summary had shown only the second
 * ("南新路的夜市每个周末都堵住消防通道", then "还有摊贩收摊后垃圾扔得到处都是", then No: the fire lane was gone).
 * A joined text the engine cannot place keeps the newer message's reading with the joined wording.
 */
export async function readTogether(deps: TriageDeps, first: string, next: string, nextDecision: Decision): Promise<{ text: string; decision: Decision }> {
  const text = joinMessages(first, next);
  if ([...text].length > MAX_TEXT_CHARS) return { text: next, decision: nextDecision };
  const d = await triage(text, deps);
  return { text, decision: d.category === 'emergency' || d.category === 'unclear' ? { ...nextDecision, redactedText: d.redactedText } : d };
}

/**
 * Every message held beside a waiting summary, joined: a second other matter had replaced the first. Past the
 * limit the earlier ones stay and the newer is not taken (the reply asks to send it on its own afterwards).
 */
export function joinHeld(held: string | undefined, text: string): string {
  if (!held) return text;
  // One message a line, so that each is taken up as its own matter: joined into one text, "另外我想问一下，低保怎么
  // 申请？" and a building site's night noise had become one petition to the environment bureau, the question unanswered.
  const both = `${held}${HELD_SEPARATOR}${text.replace(/\n+/g, ' ')}`;
  return [...both].length <= MAX_TEXT_CHARS ? both : held;
}

const HELD_SEPARATOR = '\n';
/** The held messages one by one. */
export const heldParts = (held: string): string[] => held.split(HELD_SEPARATOR).map((x) => x.trim()).filter((x) => x !== '');
/** The held messages as one text (added to the summary with 补充). */
export const heldText = (held: string): string => heldParts(held).reduce((a, b) => (a ? joinMessages(a, b) : b), '');

/**
 * The matters held beside a summary, taken up after it is submitted: the first one's own reply (summary, offer,
 * answer), with the others held behind a new summary, or answered after it when it waits for nothing.
 */
export async function takeUpHeld(
  held: string,
  deps: TriageDeps,
  plan: (d: Decision, text: string) => Promise<{ replies: Reply[]; pending: Pending | null }>,
): Promise<{ replies: Reply[]; pending: Pending | null } | null> {
  const [first, ...rest] = heldParts(held);
  if (!first) return null;
  const alone = await triage(first, deps);
  // A first message that says nothing on its own is read with the rest, as before.
  const [text, d, others] = alone.category === 'emergency' || alone.category === 'unclear'
    ? [heldText(held), await triage(heldText(held), deps), [] as string[]]
    : [first, alone, rest];
  if (d.category === 'emergency' || d.category === 'unclear') return null;
  const next = await plan(d, text);
  if (others.length === 0) return next;
  if (next.pending?.kind === 'petition') return { replies: next.replies, pending: { ...next.pending, held: others.join(HELD_SEPARATOR) } };
  const later = await takeUpHeld(others.join(HELD_SEPARATOR), deps, plan);
  return later ? { replies: [...next.replies, ...later.replies], pending: later.pending } : next;
}

// "不是这个意思，我是要投诉他们违规搭建鸽棚" at "Is this about case …?": the offer had simply come back.
const NO_ZH = '(?:不是|並不是|并不是|唔係|唔系|不係)';
const THIS_ZH = '(?:这|這|那|呢|嗰)(?:个|個|件|单|單)?';
const NOT_ABOUT_ZH = new RegExp(
  `^${NO_ZH}(?:的|嘅)?(?:[，,。.!！\\s]+|$)|^${NO_ZH}(?:关于|關於|讲|講|说|說)?${THIS_ZH}(?:意思|案件|案子|个案|個案|事|事情|回事|问题|問題|投诉|投訴)[的嘅]?` +
    `|^(?:跟|同|和|与|與)${THIS_ZH}(?:案件|案子|个案|個案|事|事情)(?:无关|無關|冇關|没关系|沒關係)` +
    `|^(?:这|這|呢)(?:是|係)(?:另一件事|另外一件事|另一个问题|另一個問題|新的事情?|新的投诉|新的投訴)`,
  'u',
);
const NOT_CASE_EN = String.raw`(?:(?:it'?s|it\s+is|this\s+is)\s+)?(?:not\s+(?:about\s+)?(?:that|this|the)\s+(?:case|one|matter)|(?:a\s+)?(?:new|different|another|separate)\s+(?:matter|issue|complaint|problem))`;
const NOT_ABOUT_EN = new RegExp(String.raw`^(?:no|nope)(?:\s*[,.!]+\s*|\s*$)(?:${NOT_CASE_EN})?|^${NOT_CASE_EN}`, 'i');

/**
 * A "no" typed at the attach offer: the message is not about that case. Returns what else it says (the matter, or ''
 * when nothing), or null when it refuses nothing.
 */
export function notAboutCase(text: string): string | null {
  const s = text.trim();
  const m = NOT_ABOUT_ZH.exec(s) ?? NOT_ABOUT_EN.exec(s);
  if (!m) return null;
  return s.slice(m[0].length).replace(/^[\s，,。.!！;；:：、-]+/u, '').trim();
}

/**
 * Whether words about withdrawing name a registered case (its reference, "my case", 之前的投诉) rather than the
 * summary just written: "唔使喇，我唔想投訴住" had offered to withdraw two old cases while the new summary waited.
 */
export function namesCase(text: string): boolean {
  return /YT-\d{8}-\d+/i.test(text)
    || /\b(?:my|the|that|this)\s+(?:[a-z'-]+\s+)?(?:case|complaint|petition|report|application)\b/i.test(text)
    || /案件|案子|个案|個案|之前|上次|以前|早前|已经提交|已經提交|登记|登記|个投诉|個投訴|单嘢|單嘢/u.test(text);
}

/**
 * The case a typed rating answers: the resolved one still waiting for its rating, the most recently surveyed first.
 * With a comment prompt open for another case, "唔係好滿意" had become a comment on that one.
 */
export function awaitingRating(cases: CaseRecord[]): CaseRecord | undefined {
  const waiting = cases.filter((c) => c.status === 'resolved');
  return waiting.sort((a, b) => (b.resolvedAt?.getTime() ?? 0) - (a.resolvedAt?.getTime() ?? 0))[0];
}
