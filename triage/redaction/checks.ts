/**
 * Check digits and the digit view the redaction rules read. Pure functions, no project imports.
 */

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

const letterValue = (c: string) => c.toUpperCase().charCodeAt(0) - 55; // A=10 … Z=35

/** Hong Kong identity card: one or two letters, six digits, check digit 0-9 or A (mod 11). */
export function isValidHkid(id: string): boolean {
  const m = /^([A-Za-z]{1,2})(\d{6})([\dAa])$/.exec(id);
  if (!m) return false;
  const letters = m[1]!.length === 1 ? [36, letterValue(m[1]!)] : [letterValue(m[1]![0]!), letterValue(m[1]![1]!)];
  let sum = letters[0]! * 9 + letters[1]! * 8;
  for (let i = 0; i < 6; i++) sum += Number(m[2]![i]) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'A' : String(check)) === m[3]!.toUpperCase();
}

const TW_CODES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** Taiwan national ID (and the new resident certificate): letter, 1/2 (or 8/9), eight digits, mod 10. */
export function isValidTaiwanId(id: string): boolean {
  const m = /^([A-Za-z])([1289]\d{8})$/.exec(id);
  if (!m) return false;
  const n = TW_CODES.indexOf(m[1]!.toUpperCase()) + 10;
  const weights = [8, 7, 6, 5, 4, 3, 2, 1, 1];
  let sum = Math.floor(n / 10) + (n % 10) * 9;
  for (let i = 0; i < 9; i++) sum += Number(m[2]![i]) * weights[i]!;
  return sum % 10 === 0;
}

const CJK_DIGITS: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * The text with full-width digits and Chinese digit characters (一三八…) replaced by ASCII digits, one code
 * unit for one, so every offset in the view is the same offset in the text: number rules read the view and
 * cut the text. 十 and 百 stay (they are not digits of a written-out number).
 */
export function digitView(text: string): string {
  return text.replace(/[０-９零〇一幺二三四五六七八九]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return CJK_DIGITS[c]!;
  });
}
