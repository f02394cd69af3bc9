/**
 * A letter that raises a second matter usually says so: "…乱摆摊，晚上还很吵，另外我家孩子的学位申请被拒了…",
 * "Also, the bus stop…". The whole letter is routed to one department; the part after such a word, routed on
 * its own, may belong to another — the office card's 第二事项. The routing model's probabilities alone rarely
 * showed it: trained on one label a letter, it gives the main matter 0.99 and the second almost nothing.
 */
import { hanCount } from '../../kernel/language.js';

// The first word that opens another matter. Not 同时 / 而且 / and: they mostly add to the same matter.
const MARKER = /另外|此外|二是|其二|第二[，,、：:]|另一(件|个)(事|问题)|还有(一件事|一个问题|一事|个事)|第二(件事|个问题)|其次|再者|\b(also|another (issue|problem|thing|matter)|secondly|in addition|besides)\b/i;

const han = hanCount;
const words = (s: string) => s.match(/[a-z]+/gi)?.length ?? 0;
// Enough of a matter to route on its own: a clause, not "另外谢谢".
const substantial = (s: string) => han(s) >= 8 || words(s) >= 6;

/** The text before and after the first second-matter word, when both say enough to be routed alone. */
export function splitSecondMatter(text: string): [string, string] | null {
  const m = MARKER.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  return substantial(before) && substantial(after) ? [before, after] : null;
}
