import { openDatabase, type Database } from '../../db/pool.js';

/**
 * A fresh, migrated, in-memory PGlite served over the socket and used through `pg`: every test
 * file gets its own database, so tests never see each other's rows.
 */
export async function testDatabase(poolMax = 5): Promise<Database> {
  return openDatabase({ poolMax, persist: false });
}
