/**
 * Reads labelled files in the TAXONOMY eval format, one JSON object a line:
 *   {"id", "text", "category", "targets", "also"?}
 * Every line is validated with zod; the first bad line stops the read with "file:line: what is wrong".
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, TARGET_CODES, targetsFor, type Category, type TargetCode } from '../../kernel/taxonomy.js';

const category = z.enum(CATEGORIES);
const target = z.enum(TARGET_CODES as [TargetCode, ...TargetCode[]]);

const pair = z.object({ category, targets: z.array(target) });

export const exampleLineSchema = z
  .object({
    id: z.string().min(1, 'id must not be empty'),
    text: z.string().refine((s) => s.trim() !== '', 'text must not be empty').refine((s) => s.length <= 20000, 'text is longer than 20000 characters'),
    category,
    targets: z.array(target),
    also: z.array(pair).optional(),
  })
  .superRefine((v, ctx) => {
    const check = (cat: Category, targets: TargetCode[], where: string): void => {
      const allowed = targetsFor(cat) as readonly string[];
      for (const t of targets) {
        if (!allowed.includes(t)) ctx.addIssue({ code: 'custom', message: `${where}target "${t}" is not allowed for category "${cat}"` });
      }
    };
    check(v.category, v.targets, '');
    v.also?.forEach((a, i) => check(a.category, a.targets, `also[${i}]: `));
  });

export type ExampleLine = z.infer<typeof exampleLineSchema>;

export class ExampleFileError extends Error {
  constructor(readonly file: string, readonly line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'ExampleFileError';
  }
}

/** Parses the text of one JSONL file; blank lines are skipped, ids must be unique within the file. */
export function parseExampleLines(text: string, file: string): ExampleLine[] {
  const out: ExampleLine[] = [];
  const ids = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new ExampleFileError(file, n, `not valid JSON (${(err as Error).message})`);
    }
    const parsed = exampleLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new ExampleFileError(file, n, `${where}${issue.message}`);
    }
    const prev = ids.get(parsed.data.id);
    if (prev !== undefined) throw new ExampleFileError(file, n, `duplicate id "${parsed.data.id}" (first on line ${prev})`);
    ids.set(parsed.data.id, n);
    out.push(parsed.data);
  });
  return out;
}

export function readExampleFile(file: string): ExampleLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ExampleFileError(file, 0, `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseExampleLines(text, file);
}
