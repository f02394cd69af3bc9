/** Asia/Shanghai has no daylight saving time: every instant is UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDay(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Shanghai date and time to the minute, as shown to staff: 2026-02-14 09:30. */
export function shanghaiDateTime(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export const REF_PATTERN = /^YT-\d{8}-\d{4,}$/;

/** YT-YYYYMMDD-NNNN: the Shanghai date of receipt and that day's counter. */
export function formatRef(receivedAt: Date, n: number): string {
  return `YT-${shanghaiDay(receivedAt).replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

export const isRef = (v: unknown): v is string => typeof v === 'string' && REF_PATTERN.test(v);

/**
 * The next number of a day's references ($1 = the Shanghai day), inside the caller's transaction. The
 * upsert takes a row lock on the day's counter, so concurrent openings get distinct numbers and a
 * rolled-back opening gives its number back. Used with formatRef by caseRepository.residentWithNewRef.
 */
export const NEXT_REF_SQL = `INSERT INTO case_ref_counters (day, last_value) VALUES ($1::date, 1)
     ON CONFLICT (day) DO UPDATE SET last_value = case_ref_counters.last_value + 1
     RETURNING last_value`;
