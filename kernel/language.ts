import * as OpenCC from 'opencc-js';

/** The three languages the office serves; every user-facing text exists in each. */
export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

export const LANGUAGES: readonly Language[] = ['zh-Hans', 'zh-Hant', 'en'];

/**
 * A message parameter. Besides text and numbers: a catalogue entry (`{ key, params }`) or a name given in
 * each language (a directory entry's `names`), both rendered in the reader's language when the message is.
 * The cases area writes outbox rows before anyone renders them and may not import the catalogue, so a
 * label it can only name (a service, why no clock runs) travels as a reference instead of as a code.
 */
export type TextRef = { key: string; params?: Record<string, MessageParam> };
export type LocalizedText = Record<Language, string>;
export type MessageParam = string | number | null | TextRef | LocalizedText;

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

// Both presets are needed: 'hk' leaves 著 (as in 拿著) unconverted and 'tw' leaves 衞; chaining
// covers Hong Kong and Taiwan variants. Building a converter takes tens of ms, so build once, lazily.
let toSimplified: ((s: string) => string) | undefined;
export function traditionalToSimplified(text: string): string {
  if (!toSimplified) {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    toSimplified = (s) => tw(hk(s));
  }
  return toSimplified(text);
}

let toTraditional: ((s: string) => string) | undefined;
/** 简→繁 (Hong Kong forms), for showing simplified law excerpts to a zh-Hant reader. */
export function simplifiedToTraditional(text: string): string {
  const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return convert(text);
}

/**
 * 简→繁 for text that may be traditional already (a resident's own words, a name from the directory): only the
 * simplified characters change. The 'hk' preset also applies Hong Kong glyph variants to characters that are
 * traditional already — 搵 → 揾, 溫 → 温, 戶 → 户 — so a Cantonese resident's "我想搵人" came back as 揾, a form they
 * did not write. A character the input already has in traditional form is kept as written.
 */
export function toTraditionalScript(text: string): string {
  const out = simplifiedToTraditional(text);
  if (out === text) return text;
  const before = [...text];
  // Written in 繁體 already (a character of it has a simplified form): the writer's own characters stand. Cantonese
  // writes 晒 (all), 系 and 只 as such, and "攻晒入屋" had come back to its writer as 攻曬, "唔該晒" as 唔該曬.
  if (traditionalToSimplified(text) !== text) return text;
  const after = [...out];
  // OpenCC maps character for character here; if a phrase ever changed the length, the plain conversion stands.
  if (before.length !== after.length) return out;
  return after.map((c, i) => (c !== before[i] && traditionalToSimplified(before[i]!) !== before[i] ? before[i] : c)).join('');
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };
// A Han character or a CJK mark (、。「」【】《》 and the full-width forms) on either side.
const CJK_SIDE = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF';
const NEXT_TO_CJK = new RegExp(`(?<=[${CJK_SIDE}]|\\}) *([,:;!?])|([,:;!?]) *(?=[${CJK_SIDE}])`, 'gu');
const PARENTHESES = /\(([^()]*)\)/g;
const HAS_HAN = /\p{Script=Han}|\{\w+\}/u;

/**
 * Chinese punctuation where ASCII punctuation stands next to Chinese: the resident's text is NFKC-folded
 * for matching (，→ ,), and staff and residents read it back on cards and summaries as written Chinese.
 * "1,000", "12:30", "(0755)" and URLs, with no Chinese beside them, stay as they are; a `{placeholder}`
 * counts as Chinese (catalogue strings). Parentheses change as a pair, when they hold Chinese.
 */
export function cjkPunctuation(text: string): string {
  return text
    .replace(PARENTHESES, (m, inner: string) => (HAS_HAN.test(inner) ? `（${inner}）` : m))
    .replace(NEXT_TO_CJK, (_m, before: string | undefined, after: string | undefined) => FULL_WIDTH[(before ?? after)!]!);
}

/** How many Han characters a text holds: its length in Chinese words, as Latin words are counted in English. */
export const hanCount = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;
