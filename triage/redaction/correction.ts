/**
 * A correction of personal data ("my name is spelled wrong, it is Mary-Anne Lee not Mary Lee, and I moved to
 * Houhai"; "名字写错了，是王晓红不是王小红") is nearly all personal data, said without the cues the name rules
 * need. Its note to the office group had carried both names under "personal details hidden". Beyond the usual
 * redaction, every capitalised run of Latin words that does not open a sentence, and a Chinese name after 是 / 叫 /
 * 为 / 不是 / 改为, is hidden; the full text stays in the case history, where the office corrects the record.
 */
import { redact } from '../redact.js';
import { chineseNameEnd } from './names.js';

const TITLE_RUN = /\b[A-Z][a-z]+(?:[-'’][A-Za-z]+)*(?:\s+[A-Z][a-z]+(?:[-'’][A-Za-z]+)*)*\b/g;
const ZH_BEFORE_NAME = /(?:不是|是|叫|为|為|成|改为|改為|应为|應為|应该是|應該是)\s*/g;

export function redactCorrection(text: string): string {
  let s = redact(text).text;
  s = s.replace(TITLE_RUN, (run, at: number) => {
    const before = s.slice(0, at);
    // A sentence's first word and "I" stay: "My name…", "I moved…".
    return before.trim() === '' || /[.!?。！？]\s*$/.test(before) || run === 'I' ? run : '[NAME]';
  });
  let out = '';
  let from = 0;
  for (const m of s.matchAll(ZH_BEFORE_NAME)) {
    const i = m.index! + m[0].length;
    if (i < from) continue;
    const end = chineseNameEnd(s, i);
    if (end > 0) {
      out += `${s.slice(from, i)}[NAME]`;
      from = end;
    }
  }
  return out + s.slice(from);
}
