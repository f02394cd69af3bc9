import * as OpenCC from 'opencc-js';

/** The three languages the office serves; every user-facing text exists in each. */
export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

export const LANGUAGES: readonly Language[] = ['zh-Hans', 'zh-Hant', 'en'];

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
