/**
 * "有进展吗？", "我的投诉处理到哪一步了", "any update on my case?": a resident asking, in words, how their case
 * is going. Read as a new matter such a message had been asked to say more, answered "no passage answers
 * this", or — unclear twice — filed as an empty case for the office. A clerk would tell them the status.
 *
 * Deliberately narrow: the message must ask about progress and say nothing else. Anything left over
 * ("…楼上还在吵", "the lift is broken again") is news about a matter and goes the usual way (the offer to
 * add it to the open case), and "工程进度怎么样了" asks about a public works project, not the resident's case.
 */
import { normalize } from './normalize.js';

// Greetings, "I'd like to ask / check", time words and particles: they carry no matter.
const ZH_FILLER =
  /请问|想问(一?下)?|问(一?下)?|我想|查(询|一?下)?|麻烦(你|您)?|你好|您好|喂|现在|目前|到底|究竟|已经|一下|了|呀|啊|呢|吧|啦|嘛|哦|喔|吗|的|先/g;
// The resident's own matter: 我的投诉, 我那个事情, 之前反映的问题, 我嗰單嘢 (→ 我那单东西), a case reference.
const ZH_OWN =
  /(我们?|我家)?(的|那个|那单|那件|这个|之前|上次|前几天|上周|刚才|刚刚)*(提交|反映|投诉|报|登记|说|申请)?(的)?(事情|事项|事|案件|案子|投诉|诉求|信访件?|申请|问题|东西|那单)|YT-\d{8}-\d+/gi;
// Asking how it is going.
const ZH_PROGRESS =
  /有(没有|无)?(什么)?(进展|进度|结果|回复|答复|消息|回音|下文|人(管|处理|跟进))|进展|进度|(处理|办|搞|跟进)(得|成)?(怎么样|怎样|如何|点|到哪(一步|里|儿)?|到什么程度)|(去|到)(到)?(哪|边)(一步|里|儿)|怎么样|怎样|如何|(什么时候|几时|何时|多久)(才|能|会|可以)?(有)?(处理|办|回复|答复|结果|解决|消息|回音)|(处理|办|解决)(好)?(了)?(没有|没)/g;

const EN_PROGRESS =
  /\b(any|an|some)\s+(update|updates|news|progress|word|reply|response|feedback)\b|\bstatus\b|\bwhat'?s\s+happening\b|\bwhat\s+is\s+happening\b|\bheard\s+(back|anything)\b|\bhow\s+is\s+(it|my\s+\w+)\s+going\b|\bhow'?s\s+(it|my\s+\w+)\s+going\b|\bwhen\s+will\s+(i|you|someone|they|it)\s+(hear|reply|answer|get\s+back|be\s+(handled|solved|fixed|processed))\b|\b(been|is\s+it)\s+(handled|processed|dealt\s+with)\b|\bprogress\b/i;
const EN_OWN = /\bmy\s+(case|complaint|request|report|petition|matter|application|issue|problem|ticket)\b|\bYT-\d{8}-\d+\b/i;

const han = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;

export function isStatusQuestion(text: string): boolean {
  const raw = text.trim();
  if (raw === '' || [...raw].length > 60) return false;
  if (han(raw) > 0) {
    const s = normalize(raw).normalized;
    if (s.search(ZH_PROGRESS) < 0) return false;
    const rest = s.replace(ZH_PROGRESS, '').replace(ZH_OWN, '').replace(ZH_FILLER, '');
    // At most one stray character (了 after a removed word, 那): anything more names something else.
    return han(rest) <= 1 && !/[a-z]{3,}/i.test(rest);
  }
  const words = raw.match(/[a-z']+/gi)?.length ?? 0;
  if (words > 14 || !EN_PROGRESS.test(raw)) return false;
  // "Any update?" alone, or about the resident's own case; "any update on the road works on Keyuan Road" asks about something else.
  return EN_OWN.test(raw) || words <= 5;
}
