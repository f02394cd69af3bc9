/**
 * A denial after the concern reply: "我没有想不开", "我不会做傻事", "I'm not going to hurt myself". The resident is
 * answering the reply's "if you are thinking of harming yourself…". The crisis layer reads each message alone and,
 * by design, keeps a denied suicide or self-harm word a concern; in the conversation, right after the concern reply,
 * it had raised a second concern note to the office (and the same lines again) for the line that says they are safe.
 */
import type { Decision } from '../kernel/taxonomy.js';
import { DENIED_SUICIDE, detectCrisis } from '../triage/crisis/detect.js';
import { normalize } from '../triage/normalize.js';

/** Words that go with a denial and say nothing else ("我真的没有想不开啦，放心", "no, honestly, I'm fine"). */
const FILLER = /我|你们|你|真的|真係|其实|放心|别担心|不用担心|不要担心|担心|只是|没事|了|的|啦|吧|呀|啊|哦|嗯|喇|咯|好|谢谢|多谢|\b(no|nope|i'?m|i am|really|honestly|don'?t worry|dont worry|ok|okay|fine|i promise|thanks|thank you|please|just|so|and|but)\b/giu;

export interface Denial {
  /** Nothing else said: no matter to add to what waits. */
  only: boolean;
}

/**
 * The message is a denial, and any concern in it stems from the denial of suicide or self-harm alone (with the denied words taken out, the
 * crisis layer finds nothing): null otherwise — any other distress word, plan or danger is read as always.
 */
export function denialOf(text: string, d: Pick<Decision, 'crisis'>): Denial | null {
  // Read as a danger, it is answered as one; read as nothing ("我不会做傻事的"), it still answers the reply.
  if (d.crisis?.level === 'immediate') return null;
  const n = normalize(text).normalized;
  if (n.search(DENIED_SUICIDE) < 0) return null;
  const rest = n.replace(DENIED_SUICIDE, ' ');
  if (/[\p{L}\p{N}]/u.test(rest) && detectCrisis(rest).level !== 'none') return null;
  return { only: !/[\p{L}\p{N}]/u.test(rest.replace(FILLER, '')) };
}
