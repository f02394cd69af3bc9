/** A pg row as the cases repositories read it; each mapper types it field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a pg row, typed field by field where it is mapped
export type Row = Record<string, any>;

/**
 * Turns records into one array per column, in the order of `pick`, for an `INSERT ... SELECT FROM
 * unnest($1, $2, ...)` that writes them all in one round trip.
 */
export function columnsOf<T>(records: readonly T[], pick: ReadonlyArray<(x: T) => unknown>): unknown[][] {
  return pick.map((f) => records.map(f));
}
