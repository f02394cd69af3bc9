import { z } from 'zod';
import { ValidationError } from '../kernel/errors.js';
import { parseYamlFile, readDataFile } from '../kernel/yaml.js';

/*
 * Working-day calendar of the office (Asia/Shanghai).
 *
 * Asia/Shanghai has had no daylight saving time since 1991, so every instant we handle is exactly UTC+8:
 * fixed-offset arithmetic (shift by 8 h, read the UTC fields) is correct and no date library is needed.
 *
 * Days are handled as 'YYYY-MM-DD' strings and converted to a day number (days since 1970-01-01) for
 * arithmetic, so no Date object ever carries a local-time meaning by accident.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Guards the day-stepping loops: no period in this product is anywhere near ten years. */
const MAX_STEP_DAYS = 3660;

/** Decades of holidays fit in a few kB; anything far larger is the wrong file. */
const MAX_FILE_CHARS = 1_000_000;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumberOrNull(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Reject 2026-02-30 and friends, which Date.UTC would silently roll over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

function dayNumber(day: string): number {
  const n = dayNumberOrNull(day);
  if (n === null) throw new ValidationError(`Not a calendar date: ${JSON.stringify(day)} (expected YYYY-MM-DD, e.g. 2026-02-14)`);
  return n;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}
const isWeekend = (n: number): boolean => {
  const w = weekday(n);
  return w === 0 || w === 6;
};

function assertInstant(d: Date, what: string): number {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new ValidationError(`${what} must be a valid Date, got ${String(d)}`);
  }
  return d.getTime();
}

function assertCount(n: number, what: string, min: number): void {
  if (!Number.isInteger(n) || n < min || n > MAX_STEP_DAYS) {
    throw new ValidationError(`${what} must be an integer between ${min} and ${MAX_STEP_DAYS}, got ${String(n)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Data file schema

/** YAML 1.2 (the `yaml` default) keeps 2026-01-01 a string; a YAML 1.1 reader would make it a Date. */
const dayField = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().refine((s) => dayNumberOrNull(s) !== null, { message: 'must be a real date written YYYY-MM-DD, e.g. 2026-10-01' }),
);

const holidaySchema = z.object({
  name: z.string().trim().min(1, 'give the holiday a name, e.g. 春节'),
  from: dayField,
  to: dayField,
  note: z.string().optional(),
});

const workdaySchema = z.object({
  date: dayField,
  note: z.string().optional(),
});

const yearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(1, 'cite where the dates come from (the State Council notice, or "provisional" with a reason)'),
  provisional: z.boolean().default(false),
  note: z.string().optional(),
  holidays: z.array(holidaySchema).min(1, 'list at least the statutory holidays of the year'),
  /** 调休 working days: weekend days on which people work because a weekday was given as a bridge. */
  workdays: z.array(workdaySchema).default([]),
});

export const holidayFileSchema = z.object({
  timezone: z.literal('Asia/Shanghai', { message: 'must be Asia/Shanghai (the calendar only supports the office time zone)' }),
  years: z.array(yearSchema).min(1, 'list at least one year'),
});

export type HolidayData = z.infer<typeof holidayFileSchema>;
export type HolidayYear = HolidayData['years'][number];

function describePath(data: unknown, pathParts: PropertyKey[]): string {
  // Name the year rather than an array index, since that is what someone editing the file looks for.
  const parts: string[] = [];
  let cur: unknown = data;
  for (let i = 0; i < pathParts.length; i++) {
    const p = pathParts[i]!;
    const next = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[p as string] : undefined;
    if (pathParts[i - 1] === 'years' && typeof p === 'number') {
      const y = next && typeof next === 'object' ? (next as { year?: unknown }).year : undefined;
      parts.push(`year ${y === undefined ? `#${p + 1}` : String(y)}`);
    } else if (typeof p === 'number') {
      parts.push(`#${p + 1}`);
    } else if (p !== 'years') {
      parts.push(String(p));
    }
    cur = next;
  }
  return parts.join(' › ') || '(top level)';
}

/** Raised for a holiday file that cannot be used; the message names file, year, field and the fix. */
export class HolidayCalendarError extends ValidationError {
  constructor(public readonly source: string, public readonly problems: string[]) {
    super(
      `Holiday calendar ${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Fix the entries above (format: docs/calendar-and-directory.md) and start again.',
      { source, problems },
    );
    this.name = 'HolidayCalendarError';
  }
}

/** Validates raw (already YAML-parsed) data, including the cross-field rules zod cannot express alone. */
export function validateHolidayData(raw: unknown, source = '<holiday data>'): HolidayData {
  if (raw === null || raw === undefined) {
    throw new HolidayCalendarError(source, ['the file is empty: it needs `timezone: Asia/Shanghai` and a `years:` list']);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new HolidayCalendarError(source, ['the file must be a map with `timezone: Asia/Shanghai` and a `years:` list']);
  }
  const parsed = holidayFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new HolidayCalendarError(
      source,
      parsed.error.issues.map((i) => `${describePath(raw, i.path)}: ${i.message}`),
    );
  }
  const data = parsed.data;
  const problems: string[] = [];
  const seenYears = new Set<number>();
  for (const y of data.years) {
    const where = `year ${y.year}`;
    if (seenYears.has(y.year)) problems.push(`${where}: listed twice; merge the two entries into one`);
    seenYears.add(y.year);
    const inYear = (day: string) => day.startsWith(`${y.year}-`);
    const restDays = new Map<number, string>();
    y.holidays.forEach((h, i) => {
      const at = `${where} › holidays › #${i + 1} (${h.name})`;
      if (!inYear(h.from) || !inYear(h.to)) {
        problems.push(`${at}: from/to must fall in ${y.year}; put a period spanning New Year under each year`);
        return;
      }
      const a = dayNumber(h.from);
      const b = dayNumber(h.to);
      if (b < a) {
        problems.push(`${at}: to (${h.to}) is before from (${h.from}); swap them`);
        return;
      }
      for (let n = a; n <= b; n++) {
        const other = restDays.get(n);
        if (other !== undefined && other !== h.name) problems.push(`${at}: ${dayString(n)} is also in ${other}; remove the overlap`);
        restDays.set(n, h.name);
      }
    });
    y.workdays.forEach((w, i) => {
      const at = `${where} › workdays › #${i + 1} (${w.date})`;
      const n = dayNumber(w.date);
      if (!inYear(w.date)) problems.push(`${at}: must fall in ${y.year}; list it under its own year`);
      else if (!isWeekend(n)) problems.push(`${at}: is a weekday, which is a working day anyway; list only Saturdays/Sundays worked as 调休`);
      else if (restDays.has(n)) problems.push(`${at}: is also inside the holiday ${restDays.get(n)}; a day is either rest or work`);
    });
  }
  if (problems.length) throw new HolidayCalendarError(source, problems);
  return data;
}

// ---------------------------------------------------------------------------------------------------
// The calendar

export class WorkingCalendar {
  private readonly restDays = new Set<number>();
  private readonly extraWorkdays = new Set<number>();
  private readonly years = new Map<number, HolidayYear>();

  constructor(data: HolidayData) {
    const valid = validateHolidayData(data, '<WorkingCalendar data>');
    for (const y of valid.years) {
      this.years.set(y.year, y);
      for (const h of y.holidays) {
        for (let n = dayNumber(h.from); n <= dayNumber(h.to); n++) this.restDays.add(n);
      }
      for (const w of y.workdays) this.extraWorkdays.add(dayNumber(w.date));
    }
  }

  /** Shanghai calendar date of an instant: UTC+8 always (see the note at the top of this file). */
  shanghaiDate(d: Date): string {
    return dayString(Math.floor((assertInstant(d, 'date') + OFFSET_MS) / DAY_MS));
  }

  /** First and last day of the years the data file covers (gaps between years are reported by isCovered). */
  coverage(): { from: string; to: string } {
    const ys = [...this.years.keys()].sort((a, b) => a - b);
    return { from: `${ys[0]}-01-01`, to: `${ys[ys.length - 1]}-12-31` };
  }

  /** Whether the holiday data covers this day's year. Outside it, only weekends are rest days. */
  isCovered(day: string): boolean {
    dayNumber(day);
    return this.years.has(Number(day.slice(0, 4)));
  }

  /** True when the year's dates are computed from the holiday rules rather than taken from a published notice. */
  isProvisional(year: number | string): boolean {
    return this.years.get(Number(year))?.provisional ?? false;
  }

  /** Source cited for a year, or undefined when the year is not covered. */
  sourceOf(year: number | string): string | undefined {
    return this.years.get(Number(year))?.source;
  }

  /**
   * A warning for operators when `today` or the `horizonDays` after it are not covered, or fall in a provisional
   * year; null when all is well. The composition root logs it at start-up (see docs/calendar-and-directory.md).
   */
  coverageWarning(today: string, horizonDays = 120): string | null {
    const t = dayNumber(today);
    const end = dayString(t + horizonDays);
    const notes: string[] = [];
    for (let y = Number(today.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
      if (!this.years.has(y)) notes.push(`${y} is not in the holiday calendar: only weekends count as rest days`);
      else if (this.isProvisional(y)) notes.push(`${y} is provisional: update it from the State Council notice`);
    }
    return notes.length ? `Holiday calendar: ${notes.join('; ')}. Edit resources/holidays.yaml (or HOLIDAYS_PATH).` : null;
  }

  private isWorkingDayNumber(n: number): boolean {
    if (this.extraWorkdays.has(n)) return true;
    if (this.restDays.has(n)) return false;
    return !isWeekend(n);
  }

  /** 'YYYY-MM-DD' is a working day: a weekday that is not a public holiday, or a weekend day worked as 调休. */
  isWorkingDay(day: string): boolean {
    return this.isWorkingDayNumber(dayNumber(day));
  }

  /** Last millisecond of a Shanghai day, as an instant. */
  endOfDay(day: string): Date {
    return new Date((dayNumber(day) + 1) * DAY_MS - OFFSET_MS - 1);
  }

  /** A given Shanghai wall-clock time on a day, e.g. the start of office hours for a reminder. */
  atTime(day: string, hour: number, minute = 0): Date {
    return new Date(dayNumber(day) * DAY_MS + (hour * 60 + minute) * 60_000 - OFFSET_MS);
  }

  /** End of the n-th working day after the Shanghai date of `from` (that date itself never counts; n = 0 → its end). */
  addWorkingDays(from: Date, n: number): Date {
    assertCount(n, 'working days', 0);
    let d = dayNumber(this.shanghaiDate(from));
    for (let left = n; left > 0; ) {
      d++;
      if (this.isWorkingDayNumber(d)) left--;
    }
    return this.endOfDay(dayString(d));
  }

  /** The n-th working day strictly before `day` ('YYYY-MM-DD'); n ≥ 1. */
  workingDayBefore(day: string, n: number): string {
    assertCount(n, 'working days', 1);
    let d = dayNumber(day);
    for (let left = n; left > 0; ) {
      d--;
      if (this.isWorkingDayNumber(d)) left--;
    }
    return dayString(d);
  }

  /** Working days d with a < d < b (strictly between two Shanghai dates). */
  workingDaysBetween(a: string, b: string): number {
    let count = 0;
    const end = dayNumber(b);
    for (let d = dayNumber(a) + 1; d < end; d++) if (this.isWorkingDayNumber(d)) count++;
    return count;
  }

  /**
   * A period of n days, counted as Chinese procedure law counts a 期间: the day of `from` is not counted
   * (民事诉讼法 第八十五条 in the 2021 text: 期间开始的时和日，不计算在期间内; 民法典 第二百零一条), and when the last day is a
   * 法定休假日 the period ends on the first day after it (民事诉讼法 第八十五条: 期间届满的最后一日是法定休假日的，
   * 以法定休假日后的第一日为期间届满的日期; 行政诉讼法 第一百零一条 applies the same rule; 民法典 第二百零三条).
   * Rest days here are weekends not worked as 调休 and public holidays. 信访工作条例 itself only says
   * "15日内", "60日内", "30日内" (Art. 22, 23, 34, 35, 36) with no counting rule of its own, so the general rule
   * applies. Returns the end (23:59:59.999 Shanghai) of the last day.
   */
  addStatutoryDays(from: Date, n: number): Date {
    assertCount(n, 'days', 0);
    let d = dayNumber(this.shanghaiDate(from)) + n;
    for (let guard = 0; !this.isWorkingDayNumber(d); guard++) {
      if (guard > MAX_STEP_DAYS) throw new ValidationError('No working day found after the period; check the holiday calendar');
      d++;
    }
    return this.endOfDay(dayString(d));
  }
}

/** Parses and validates holiday YAML; `source` (usually the path) is named in every error. */
export function parseHolidayCalendar(yamlText: string, source = '<holidays yaml>'): WorkingCalendar {
  const raw = parseYamlFile(yamlText, source, {
    maxChars: MAX_FILE_CHARS,
    emptyHint: '`timezone: Asia/Shanghai` and a `years:` list',
    ErrorClass: HolidayCalendarError,
  });
  return new WorkingCalendar(validateHolidayData(raw, source));
}

/**
 * Loads the holiday calendar file. Callers should then log `calendar.coverageWarning(today)` so an operator
 * learns when the file runs out or a year is still provisional (outside coverage only weekends are rest days).
 */
export function loadHolidayCalendar(path: string): WorkingCalendar {
  return parseHolidayCalendar(readDataFile(path, HolidayCalendarError, 'set HOLIDAYS_PATH to an existing file or restore resources/holidays.yaml'), path);
}
