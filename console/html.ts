/**
 * Escaped HTML templates: every interpolated value is escaped unless it is already Html (built by this
 * tag), so a case summary or a handler name can never inject markup.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

type Value = Html | string | number | boolean | null | undefined | Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Trusted markup written in this module's code (never user data). */
export const raw = (s: string): Html => new Html(s);

/** JSON inside a <script type="application/json">: `<` escaped so no string can close the element. */
export const jsonScript = (data: unknown): Html => new Html(JSON.stringify(data).replace(/</g, '\\u003c'));
