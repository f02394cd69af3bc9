import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../kernel/errors.js';
import { CATEGORIES } from '../kernel/taxonomy.js';
import { isRef } from './refs.js';
import { SHAREABLE_FIELDS, type Actor } from './types.js';

/* Input validation at the service boundary (zod); messages say what to fix. */

const noNul = (s: string) => !s.includes('\u0000');

export const text = (what: string, max: number) =>
  z
    .string({ message: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .refine(noNul, `${what} must not contain binary data`);

export const refSchema = z.string({ message: 'case reference must be text' }).refine(isRef, 'case reference must look like YT-20260214-0001');
export const versionSchema = z.number().int().positive().optional();
export const externalIdSchema = text('resident id', 200);
export const languageSchema = z.enum(['zh-Hans', 'zh-Hant', 'en']);
export const channelSchema = z.enum(['telegram', 'terminal']);
export const periodSchema = z.object({ from: z.date(), to: z.date() });

const decisionSchema = z.object(
  {
    category: z.enum(CATEGORIES, { message: `category must be one of ${CATEGORIES.join(', ')}` }),
    target: z.string().nullable(),
    confidence: z.number().min(0).max(1),
    needsReview: z.boolean(),
    reasons: z.array(z.string()),
    citations: z.array(z.any()),
    redactedText: text('redacted text', 10_000),
    language: languageSchema,
    emergencyKinds: z.array(z.string()).optional(),
    engine: z.enum(['offline', 'llm', 'rules']),
  },
  { message: 'decision must be a triage Decision object' },
);

export const openCaseSchema = z.object({
  residentId: z.number().int().positive(),
  decision: decisionSchema,
  originalText: text('original text', 10_000),
  language: languageSchema,
  consent: z
    .object({
      sharedFields: z
        .array(z.enum(SHAREABLE_FIELDS, { message: `shared fields must be among ${SHAREABLE_FIELDS.join(', ')}` }))
        .min(1, 'share at least one field, or give no consent')
        .optional(),
      /** The organization named in the question the resident agreed to (default: the one proposed at opening). */
      organizationId: z.string().min(1).max(100).optional(),
      /** Which text the resident read (message key @ version / language). */
      textVersion: z.string().min(1).max(200).optional(),
    })
    .optional(),
});

export const actorSchema = z.object(
  {
    kind: z.enum(['resident', 'office', 'handler', 'system']),
    id: text('actor id', 200),
    handler: z.object({ kind: z.enum(['department', 'organization']), id: text('handler id', 200) }).optional(),
  },
  { message: 'actor must be {kind, id}' },
);

export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ValidationError(`Invalid ${what}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  }
  return r.data;
}

/** An optional free text: blank means none. */
export function optionalText(value: string | undefined, what: string, max: number): string | null {
  return value === undefined || value.trim() === '' ? null : parse(text(what, max), value, what);
}

export function requireOffice(actor: Actor): void {
  parse(actorSchema, actor, 'actor');
  if (actor.kind !== 'office') throw new ForbiddenError('Only petition-office staff may do this');
}

/** A period [from, to) that ends after it starts. */
export function parsePeriod(range: { from: Date; to: Date }): { from: Date; to: Date } {
  return parse(periodSchema, range, 'period');
}

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
