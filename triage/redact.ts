/**
 * Personal data that must never reach a model or an organization: mainland ID numbers, phone numbers,
 * bank cards, e-mail addresses. Placeholders are language-neutral ([ID] [PHONE] [CARD] [EMAIL]) so they
 * survive 繁→简 conversion and read the same to staff of any language; they are upper case and
 * bracketed, so no rule or classifier keyword matches them by accident.
 */
export type RedactionKind = 'id_number' | 'phone' | 'bank_card' | 'email';

export const PLACEHOLDERS: Record<RedactionKind, string> = {
  id_number: '[ID]',
  phone: '[PHONE]',
  bank_card: '[CARD]',
  email: '[EMAIL]',
};

export interface Redaction {
  text: string;
  found: Array<{ kind: RedactionKind; count: number }>;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 (ISO 7064 MOD 11-2) check character of an 18-character resident ID. */
export function isValidId18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** First-generation 15-digit IDs have no check digit; a plausible yymmdd birth date is the only test. */
export function isPlausibleId15(id: string): boolean {
  if (!/^\d{15}$/.test(id)) return false;
  const month = Number(id.slice(8, 10));
  const day = Number(id.slice(10, 12));
  return /^[1-8]/.test(id) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

interface Rule {
  kind: RedactionKind;
  pattern: RegExp;
  accept?: (match: string) => boolean;
}

const digitsOnly = (s: string) => s.replace(/[^\dXx]/g, '');

// Order matters: e-mail first (its local part may hold digits), then IDs (checksum or birth date) and
// exact-length mobile shapes, so +8613812345678 is a phone, not a 13-digit "card"; then Luhn cards;
// landlines last.
const RULES: Rule[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  {
    kind: 'id_number',
    pattern: /(?<![\dA-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dA-Za-z])/g,
    accept: (m) => isValidId18(digitsOnly(m)),
  },
  { kind: 'id_number', pattern: /(?<![\dA-Za-z])\d{15}(?![\dA-Za-z])/g, accept: (m) => isPlausibleId15(m) },
  {
    kind: 'phone',
    // Mobile: 1[3-9]x xxxx xxxx, optionally +86 / 0086 / (+86), with spaces or dashes between groups.
    pattern: /(?<![\d+])(?:(?:\+|00)?86[ -]?|\(\+?86\)[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g,
  },
  {
    kind: 'bank_card',
    // Contiguous, or in groups of four (as printed on cards), or 6+rest as some banks print it.
    pattern: /(?<!\d)(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{6}[ -]\d{7,13})(?!\d)/g,
    accept: (m) => {
      const d = m.replace(/\D/g, '');
      return d.length >= 13 && d.length <= 19 && luhnValid(d);
    },
  },
  {
    kind: 'phone',
    // Landline with area code: 0755-12345678, (0755)12345678, 010 1234 5678, optional extension.
    pattern: /(?<![\d-])(?:\(0[1-9]\d{1,2}\)[ -]?|0[1-9]\d{1,2}[ -]?)\d{3,4}[ -]?\d{4}(?:[ -]?(?:转|ext\.?|x)[ ]?\d{1,5})?(?![\d-])/g,
    accept: (m) => {
      const d = m.replace(/(?:转|ext\.?|x)\s*\d+$/i, '').replace(/\D/g, '');
      return d.length >= 10 && d.length <= 12;
    },
  },
];

/**
 * Replaces personal data with placeholders. Ordinary numbers (dates, amounts like 20000元, case
 * references like YT-20261123-0042, building numbers) stay: only shapes with a checksum, a phone
 * prefix or an @ are taken.
 */
export function redact(text: string): Redaction {
  if (typeof text !== 'string') throw new TypeError('redact() expects a string');
  const counts = new Map<RedactionKind, number>();
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (m) => {
      if (rule.accept && !rule.accept(m)) return m;
      counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1);
      return PLACEHOLDERS[rule.kind];
    });
  }
  const found = [...counts].map(([kind, count]) => ({ kind, count }));
  return { text: out, found };
}
