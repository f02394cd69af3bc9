/**
 * A message longer than the conversation can keep. Its start is kept and handled as the message, and the resident
 * is told where it was cut: a 3,000-character paste (Telegram allows 4,096) had been refused whole, and the
 * resident, often someone who had spent an evening writing it, had to split and send it again.
 */
import { MAX_TEXT_CHARS, r } from './residentState.js';
import type { Reply } from './types.js';

/** How far back from the limit a sentence or line end is looked for, so that the cut falls between sentences. */
const SENTENCE_WINDOW = 300;
const SENTENCE_END = /[。！？!?；;\n]/u;

/** The start of `text` within `max` characters, ending after a sentence when one ends close to the limit. */
export function keptStart(text: string, max: number = MAX_TEXT_CHARS): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max);
  for (let i = max - 1; i >= max - SENTENCE_WINDOW && i > 0; i--) {
    if (SENTENCE_END.test(head[i]!) || (head[i] === '.' && /\s/u.test(chars[i + 1] ?? ' '))) return head.slice(0, i + 1).join('').trimEnd();
  }
  return head.join('').trimEnd();
}

/**
 * The replies to the kept start of an over-long message, after a note that says how much was kept and where it
 * ends, so the rest can be sent on its own. Never more than MAX_TEXT_CHARS is stored: the conversation state row
 * (16 kB) holds a waiting text twice, as written and redacted, at up to 3 bytes a character.
 */
export async function handleKeptStart(text: string, handle: (kept: string) => Promise<Reply[]>): Promise<Reply[]> {
  const kept = keptStart(text);
  const keptChars = [...kept];
  const end = keptChars.slice(-12).join('').replace(/^\s+/u, '');
  const note = r('conversation.long.kept', { length: [...text].length, max: MAX_TEXT_CHARS, kept: keptChars.length, end });
  return [note, ...(await handle(kept))];
}
