/**
 * The resident's own case text read back to them (the /withdraw prompt quotes it). The case keeps the summary the
 * redaction wrote, with language-neutral placeholders ([PHONE], [ADDRESS]) that staff read; the resident had been
 * shown those tokens inside their own words. Here each becomes a short word in the reader's language (〔电话〕,
 * 〔電話〕, (phone)): it still says that something was hidden there, without a code in the middle of a sentence.
 */
import type { Language } from '../kernel/language.js';
import { t } from '../i18n/index.js';
import { PLACEHOLDER_PATTERN } from '../triage/redact.js';

/** `[PHONE]` → `phone`: the catalogue key's last part (i18n/withdrawal.ts `conversation.own_words.*`). */
const kindOf = (placeholder: string): string => placeholder.slice(1, -1).toLowerCase();

/** The parts of a text: plain runs, and placeholders rendered as the reader's word for what was hidden. */
function parts(text: string, lang: Language): Array<{ text: string; hidden: boolean }> {
  const out: Array<{ text: string; hidden: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(new RegExp(PLACEHOLDER_PATTERN.source, 'gi'))) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), hidden: false });
    out.push({ text: t(lang, `conversation.own_words.${kindOf(m[0])}`), hidden: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), hidden: false });
  return out;
}

/**
 * `text` with its placeholders as words, cut to `max` characters with "…" when longer. A word for a hidden detail is
 * kept whole or left out, never cut in half (「〔电…」 reads as a typing error).
 */
export function ownWords(text: string, lang: Language, max = Infinity): string {
  let out = '';
  let used = 0;
  for (const p of parts(text, lang)) {
    const chars = [...p.text];
    if (used + chars.length <= max) {
      out += p.text;
      used += chars.length;
      continue;
    }
    if (!p.hidden) out += chars.slice(0, max - used).join('');
    return `${out.trimEnd()}…`;
  }
  return out;
}
