import { z } from 'zod';
import { ValidationError } from '../kernel/errors.js';
import { parseYamlFile, readDataFile } from '../kernel/yaml.js';
import { DEPARTMENT_CODES, SERVICE_CODES, type DepartmentCode, type ServiceCode } from '../kernel/taxonomy.js';
import { LANGUAGES, type Language } from '../kernel/language.js';

/*
 * The directory of handlers: the 13 departments a petition can be referred to, and the social organizations
 * that take 信访外 cases with the resident's consent. Loaded once from YAML (resources/directory.yaml or
 * DIRECTORY_PATH) and validated strictly: a wrong directory would send cases to nobody.
 */

export interface LocalizedNames {
  'zh-Hans': string;
  'zh-Hant': string;
  en: string;
}

export interface Department {
  kind: 'department';
  code: DepartmentCode;
  names: LocalizedNames;
  matters: string[];
  area: string;
  capacity: number;
  telegramChatId: number | null;
  memberIds: number[];
  /**
   * The language the handler's group reads its cards, notices and replies in (zh-Hans, zh-Hant or en); 简体 when
   * not set. Per group because a social organization may work in 繁體 or English, while the office chat stays 简体.
   */
  chatLanguage?: Language;
}

export interface Organization {
  kind: 'organization';
  id: string;
  names: LocalizedNames;
  services: ServiceCode[];
  matters: string[];
  area: string;
  capacity: number;
  telegramChatId: number | null;
  memberIds: number[];
  /**
   * The language the handler's group reads its cards, notices and replies in (zh-Hans, zh-Hant or en); 简体 when
   * not set. Per group because a social organization may work in 繁體 or English, while the office chat stays 简体.
   */
  chatLanguage?: Language;
  contact?: string;
  /** A placeholder shipped with the default file; a deployment replaces it with a real organization. */
  sample?: boolean;
}

export type Handler = Department | Organization;

/** Staff groups read 简体 unless the directory sets another language for the handler's group. */
export const STAFF_LANGUAGE: Language = 'zh-Hans';

/** The language a handler's group reads (its `chatLanguage`), or 简体 for the office and unset entries. */
export const groupLanguage = (h: Pick<Handler, 'chatLanguage'> | undefined): Language => h?.chatLanguage ?? STAFF_LANGUAGE;

/** The marker the bundled placeholders carry in their names: （示例）, (Sample). */
const SAMPLE_MARK = /^\s*[（(]\s*(?:示例|sample)\s*[）)]\s*/iu;

/**
 * A handler's name as a resident reads it. The sample marker tells staff that an entry is a placeholder to
 * replace; a resident offered "（示例）长青长者服务中心" read it as a pretend service, or as a test of them.
 * Staff views (cards, console, the terminal's office lines) keep the full name.
 */
export function residentName(h: Pick<Handler, 'names'>, lang: Language): string {
  const name = h.names[lang];
  return name.replace(SAMPLE_MARK, '') || name;
}

export interface Directory {
  departments: Department[];
  organizations: Organization[];
  department(code: string): Department | undefined;
  organization(id: string): Organization | undefined;
  /** id = code for departments */
  handler(kind: 'department' | 'organization', id: string): Handler | undefined;
  organizationsFor(service: ServiceCode): Organization[];
  /** next organization offering `service` not in `exclude`, with spare capacity given current open-case load per id, most spare capacity first */
  nextOrganization(service: ServiceCode, exclude: string[], loadById: Record<string, number>): Organization | undefined;
  handlerForChat(chatId: number): Handler | undefined;
  /** Sets a handler's chat (a console edit), keeping handlerForChat right; throws if another handler has that chat. */
  setChat(h: Handler, chatId: number): void;
  handlerId(h: Handler): string;
  /** Things an operator should know at start-up (sample organizations, handlers with no chat); never fatal. */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------------
// Schema

/** A directory of a few hundred handlers is ~100 kB; anything far larger is the wrong file. */
const MAX_FILE_CHARS = 2_000_000;
const MATTERS_MIN = 15;
const MATTERS_MAX = 40;

const text = (what: string) => z.string({ message: `${what} must be text` }).trim().min(1, `${what} must not be empty`);

const namesSchema = z.object(
  {
    'zh-Hans': text('the simplified Chinese name'),
    'zh-Hant': text('the traditional Chinese name'),
    en: text('the English name'),
  },
  { message: 'give names as a map with zh-Hans, zh-Hant and en' },
);

const common = {
  names: namesSchema,
  matters: z
    .array(text('each matter'), { message: `list ${MATTERS_MIN}–${MATTERS_MAX} short phrases of matters handled` })
    .min(MATTERS_MIN, `list at least ${MATTERS_MIN} matters (they feed triage retrieval)`)
    .max(MATTERS_MAX, `list at most ${MATTERS_MAX} matters; keep the most distinctive`)
    .refine((ms) => new Set(ms).size === ms.length, { message: 'a matter is listed twice; remove the repeat' }),
  area: text('area').optional(),
  capacity: z
    .number({ message: 'capacity must be a number (open cases the handler can hold at once), e.g. capacity: 20' })
    .int('capacity must be a whole number, e.g. 20')
    .positive('capacity must be at least 1'),
  telegramChatId: z
    .number({ message: 'telegramChatId must be a Telegram chat id (an integer such as -1001234567890) or null' })
    .int('telegramChatId must be an integer such as -1001234567890, or null')
    .nullable()
    .default(null),
  memberIds: z
    .array(z.number().int('each member id must be an integer Telegram user id'), {
      message: 'memberIds must be a list of Telegram user ids, e.g. [123456789]',
    })
    .default([]),
  chatLanguage: z
    .enum(LANGUAGES as [Language, ...Language[]], { message: `chatLanguage must be one of: ${LANGUAGES.join(', ')} (or left out for zh-Hans)` })
    .optional(),
};

const departmentSchema = z.object({
  code: z.enum(DEPARTMENT_CODES, { message: `code must be one of: ${DEPARTMENT_CODES.join(', ')}` }),
  ...common,
});

const organizationSchema = z.object({
  id: z
    .string({ message: 'id must be text' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be a slug: lowercase letters, digits and single hyphens, e.g. nanshan-legal-aid'),
  services: z
    .array(z.enum(SERVICE_CODES, { message: `each service must be one of: ${SERVICE_CODES.join(', ')}` }), {
      message: 'services must be a list of service codes',
    })
    .min(1, 'list at least one service code'),
  contact: text('contact').optional(),
  sample: z.boolean().default(false),
  ...common,
});

const fileSchema = z.object(
  {
    area: text('the top-level area (default for entries), e.g. 深圳市南山区').optional(),
    departments: z.array(z.unknown(), { message: 'departments must be a list' }),
    organizations: z.array(z.unknown(), { message: 'organizations must be a list' }),
  },
  { message: 'the file must be a map with `departments:` and `organizations:` lists' },
);

// ---------------------------------------------------------------------------------------------------
// Errors

export class DirectoryError extends ValidationError {
  constructor(public readonly source: string, public readonly problems: string[]) {
    super(
      `Directory ${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Fix the entries above (format: docs/calendar-and-directory.md) and start again.',
      { source, problems },
    );
    this.name = 'DirectoryError';
  }
}

/** services.1 → services[1], as people count entries in a list. */
const fieldPath = (path: PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(entry)';

function entryLabel(list: 'departments' | 'organizations', index: number, raw: unknown): string {
  const key = list === 'departments' ? 'code' : 'id';
  const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return `${list}[${index}]${typeof v === 'string' ? ` (${key} ${v})` : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Parsing

export function parseDirectory(yamlText: string, source = '<directory yaml>'): Directory {
  const raw = parseYamlFile(yamlText, source, {
    maxChars: MAX_FILE_CHARS,
    emptyHint: '`departments:` and `organizations:` lists (see resources/directory.yaml)',
    ErrorClass: DirectoryError,
  });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new DirectoryError(source, ['the file must be a map with `departments:` and `organizations:` lists']);
  }
  const top = fileSchema.safeParse(raw);
  if (!top.success) {
    throw new DirectoryError(source, top.error.issues.map((i) => `${fieldPath(i.path).replace('(entry)', '(top level)')}: ${i.message}`));
  }
  const problems: string[] = [];
  const defaultArea = top.data.area;

  // Both lists: each entry checked against its schema, its area falling back to the top-level one.
  const entries = <S extends z.ZodType<{ area?: string | undefined }>>(list: 'departments' | 'organizations', schema: S) => {
    const out: { data: z.infer<S>; area: string }[] = [];
    top.data[list].forEach((entry, index) => {
      const label = entryLabel(list, index, entry);
      const r = schema.safeParse(entry);
      if (!r.success) {
        for (const i of r.error.issues) problems.push(`${label} › ${fieldPath(i.path)}: ${i.message}`);
        return;
      }
      const area = r.data.area ?? defaultArea;
      if (!area) problems.push(`${label} › area: missing; set area on the entry or a top-level area`);
      out.push({ data: r.data, area: area ?? '' });
    });
    return out;
  };
  const departments: Department[] = entries('departments', departmentSchema).map(({ data, area }) => ({ kind: 'department', ...data, area }));
  const organizations: Organization[] = entries('organizations', organizationSchema).map(({ data: { contact, ...rest }, area }) => ({
    kind: 'organization',
    ...rest,
    area,
    ...(contact ? { contact } : {}),
  }));

  // Cross-entry rules, read from the raw entries so one broken entry does not hide the others' problems.
  const field = (e: unknown, key: string): unknown => (e && typeof e === 'object' ? (e as Record<string, unknown>)[key] : undefined);
  const firstIndex = (list: unknown[], key: string, kind: 'departments' | 'organizations', fix: string) => {
    const seen = new Map<unknown, number>();
    list.forEach((e, index) => {
      const v = field(e, key);
      if (typeof v !== 'string') return;
      const first = seen.get(v);
      if (first !== undefined) problems.push(`${kind}[${index}] (${key} ${v}) › ${key}: duplicate of ${kind}[${first}]; ${fix}`);
      else seen.set(v, index);
    });
    return seen;
  };
  const deptCodes = firstIndex(top.data.departments, 'code', 'departments', 'keep one entry per department');
  for (const code of DEPARTMENT_CODES) {
    if (!deptCodes.has(code)) problems.push(`departments: department ${code} is missing; add an entry with code: ${code}`);
  }
  firstIndex(top.data.organizations, 'id', 'organizations', 'give each organization its own id');

  const offered = new Set<unknown>(top.data.organizations.flatMap((e) => {
    const s = field(e, 'services');
    return Array.isArray(s) ? s : [];
  }));
  for (const service of SERVICE_CODES) {
    if (!offered.has(service)) problems.push(`organizations: no organization offers ${service}; add one with services: [${service}]`);
  }

  const chatOwner = new Map<number, string>();
  for (const h of [...departments, ...organizations]) {
    if (h.telegramChatId === null) continue;
    const id = h.kind === 'department' ? `department ${h.code}` : `organization ${h.id}`;
    const other = chatOwner.get(h.telegramChatId);
    if (other) problems.push(`${id} › telegramChatId: ${h.telegramChatId} is also the chat of ${other}; each handler needs its own group`);
    else chatOwner.set(h.telegramChatId, id);
  }

  if (problems.length) throw new DirectoryError(source, problems);
  return buildDirectory(departments, organizations);
}

function buildDirectory(departments: Department[], organizations: Organization[]): Directory {
  const byCode = new Map(departments.map((d) => [d.code as string, d]));
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const byChat = new Map<number, Handler>();
  for (const h of [...departments, ...organizations]) if (h.telegramChatId !== null) byChat.set(h.telegramChatId, h);
  const handlerId = (h: Handler): string => (h.kind === 'department' ? h.code : h.id);

  const warnings: string[] = [];
  const samples = organizations.filter((o) => o.sample).map((o) => o.id);
  if (samples.length) warnings.push(`${samples.length} sample organizations still in the directory (replace them with real ones): ${samples.join(', ')}`);
  const noChat = [...departments, ...organizations].filter((h) => h.telegramChatId === null).map(handlerId);
  if (noChat.length) warnings.push(`${noChat.length} handlers have no telegramChatId, so referrals to them cannot be delivered: ${noChat.join(', ')}`);

  const organizationsFor = (service: ServiceCode) => organizations.filter((o) => o.services.includes(service));
  return {
    departments,
    organizations,
    warnings,
    department: (code) => byCode.get(code),
    organization: (id) => byId.get(id),
    handler: (kind, id) => (kind === 'department' ? byCode.get(id) : byId.get(id)),
    organizationsFor,
    nextOrganization(service, exclude, loadById) {
      const skip = new Set(exclude);
      const spare = (o: Organization) => o.capacity - Math.max(0, loadById[o.id] ?? 0);
      // sort is stable: among equal spare capacity the file order decides, so operators can express preference.
      return organizationsFor(service)
        .filter((o) => !skip.has(o.id) && spare(o) > 0)
        .sort((a, b) => spare(b) - spare(a))[0];
    },
    handlerForChat: (chatId) => byChat.get(chatId),
    setChat(h, chatId) {
      const owner = byChat.get(chatId);
      if (owner && owner !== h) throw new DirectoryError('console edit', [`telegramChatId: ${chatId} is already the chat of ${handlerId(owner)}`]);
      if (h.telegramChatId !== null && byChat.get(h.telegramChatId) === h) byChat.delete(h.telegramChatId);
      h.telegramChatId = chatId;
      byChat.set(chatId, h);
    },
    handlerId,
  };
}

export function loadDirectory(path: string): Directory {
  return parseDirectory(readDataFile(path, DirectoryError, 'set DIRECTORY_PATH to an existing file or restore resources/directory.yaml'), path);
}
