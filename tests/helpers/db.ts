import { openDatabase, type Database } from '../../db/pool.js';

/**
 * A fresh, migrated, in-memory PGlite, used through `pg` in process (db/inProcess.ts) like the app
 * uses it; `db.url` reaches the same database over its socket for other processes. Every test file
 * gets its own database, so tests never see each other's rows.
 */
export async function testDatabase(poolMax = 5): Promise<Database & { url: string }> {
  // Port 0: a socket (with its generated password in db.url) for the tests that start other processes.
  const db = await openDatabase({ poolMax, persist: false, pgliteport: 0 });
  return { ...db, url: db.url! };
}
