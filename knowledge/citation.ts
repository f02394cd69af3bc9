/**
 * How a cited document and article are named to a reader. A document's title may carry an English
 * rendering after " / " (`# 信访怎么办理 / How petitions are handled`): an English reader had been shown
 * the Chinese title alone, which told them nothing of what was cited, and a Chinese reader should not see
 * the English half. Articles are named 第三十五条 in the source; an English reader sees "Art. 35".
 */
import type { Language } from '../kernel/language.js';

const SEPARATOR = ' / ';
const HAN = /\p{Script=Han}/u;

/** The Chinese and (if given) English halves of a stored title. */
export function titleParts(title: string): { zh: string; en?: string } {
  const at = title.lastIndexOf(SEPARATOR);
  if (at < 0) return { zh: title };
  const en = title.slice(at + SEPARATOR.length).trim();
  // Only a half with Latin letters and no Han character is an English title: "复查 / 复核" is one Chinese title.
  if (!en || HAN.test(en) || !/[A-Za-z]/.test(en)) return { zh: title };
  return { zh: title.slice(0, at).trim(), en };
}

export function titleFor(title: string, language: Language): string {
  const parts = titleParts(title);
  return language === 'en' && parts.en ? parts.en : parts.zh;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 三十五 → 35, 一百零二 → 102, 十二 → 12, 12 → 12; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '' || ![...s].every((c) => c in DIGITS || c in UNITS)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c]!;
    else {
      // 十 alone at the start means 一十.
      total += (digit ?? 1) * UNITS[c]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** The article as the reader's language names it: 第三十五条 → "Art. 35" for English, unchanged otherwise. */
export function articleFor(article: string, language: Language): string {
  if (language !== 'en') return article;
  const m = /^第(.+)条$/.exec(article.trim());
  const n = m ? chineseNumber(m[1]!) : null;
  return n === null ? article : `Art. ${n}`;
}

/** "信访工作条例 第三十五条", or for an English reader "Regulations on Petitions, Art. 35". */
export function citationLabel(p: { title: string; source: string; article?: string }, language: Language): string {
  const title = titleFor(p.title, language) || p.source;
  if (!p.article) return title;
  return language === 'en' ? `${title}, ${articleFor(p.article, language)}` : `${title} ${p.article}`;
}
