import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { serialize } from 'pg-protocol';
import { Parser } from 'pg-protocol/dist/parser.js';

/**
 * node-postgres talking to the embedded PGlite of this process directly, without the loopback
 * socket: the same `pg.Pool` API the rest of the code uses against a server, but each query is one
 * call into PGlite instead of a TCP round trip per protocol message through pglite-socket.
 *
 * Why not PGlite's own `@electric-sql/pglite/node-postgres` adapter: it hands each protocol message
 * (parse, bind, describe, execute, sync) to PGlite separately — several WASM rounds per query — and
 * takes no part in PGlite's session lock, so a psql attached to PGLITE_PORT in mid-transaction would
 * get this process's statements mixed into its transaction. Here a query's messages go in as one
 * batch, and the connection holds PGlite's exclusive lock for as long as its own transaction is open.
 *
 * Measured with `npm run bench bot` (2 cores): one case opening (8 statements) 10.7 → 3.0 ms,
 * residents' confirmations 97–165 → 215–270 cases opened per second.
 */

/** How long to wait before trying again when another session (a socket client) is inside a transaction. */
const FOREIGN_TX_RETRY_MS = 2;

type Message = { name: string; status?: string; [k: string]: unknown };

/**
 * Who is waiting for their turn on one PGlite: this process's connections (for the lock, or for a socket
 * client's transaction to end) and socket clients (pglite-socket queues on the same `runExclusive`).
 * Tests wait on it instead of sleeping; in operation, a count that stays up means a stuck transaction.
 */
export class LockWaiters extends EventEmitter {
  #count = 0;
  /** PGlite's own `runExclusive`, for this module's connections (they count themselves in acquire()). */
  readonly runExclusive: PGlite['runExclusive'];

  constructor(db: PGlite) {
    super();
    this.runExclusive = db.runExclusive.bind(db);
    const original = this.runExclusive;
    // Socket clients reach the lock only through the instance's runExclusive: count them while they wait.
    db.runExclusive = <T>(fn: () => Promise<T>): Promise<T> => {
      let waiting = true;
      this.change(1);
      const granted = (): void => {
        if (!waiting) return;
        waiting = false;
        this.change(-1);
      };
      return original(async () => {
        granted();
        return fn();
      }).finally(granted);
    };
  }

  get count(): number {
    return this.#count;
  }

  /** Resolves once at least `n` callers are waiting. */
  async atLeast(n: number): Promise<void> {
    while (this.#count < n) await new Promise((r) => this.once('change', r));
  }

  change(delta: number): void {
    this.#count += delta;
    this.emit('change', this.#count);
  }
}

const waiters = new WeakMap<PGlite, LockWaiters>();

/** The waiting state of `db`'s lock (one per PGlite, shared by every pool on it). */
export function lockWaiters(db: PGlite): LockWaiters {
  let w = waiters.get(db);
  if (!w) waiters.set(db, (w = new LockWaiters(db)));
  return w;
}

/**
 * The `connection` of one pg.Client. PGlite has a single backend session, shared by every connection
 * and by pglite-socket's clients; the lease makes this connection's transactions exclusive.
 */
export class InProcessConnection extends EventEmitter {
  // Read and written by pg.Client and pg.Query (named prepared statements).
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};
  readonly stream = { destroy: (err?: Error) => this.destroy(err) };
  /** pg.Client.end() only ends a connection that has started connecting. */
  _connecting = false;

  private pending: Buffer[] = [];
  private chain: Promise<void> = Promise.resolve();
  /** Releases PGlite's exclusive lock; set while this connection's transaction is open. */
  private release: (() => void) | undefined;
  private ended = false;

  /** Shared by every connection on the same PGlite. */
  readonly waiters: LockWaiters;

  constructor(private readonly db: PGlite) {
    super();
    this.waiters = lockWaiters(db);
  }

  connect(): void {
    this._connecting = true;
    this.chain = this.chain
      .then(async () => {
        await this.db.waitReady;
        // No startup exchange: the session exists already. pg.Client finishes connecting on ReadyForQuery.
        this.emit('readyForQuery', { name: 'readyForQuery', status: 'I', length: 5 });
      })
      .catch((err: Error) => void this.emit('error', err));
  }

  // The startup, TLS and password steps never happen in process.
  requestSsl(): void {}
  startup(): void {}
  password(): void {}
  cancel(): void {}
  sendSASLInitialResponseMessage(): void {}
  sendSCRAMClientFinalMessage(): void {}
  ref(): void {}
  unref(): void {}

  query(text: string): void {
    this.pending.push(serialize.query(text));
    this.send();
  }
  parse(q: Parameters<typeof serialize.parse>[0]): void {
    this.pending.push(serialize.parse(q));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.pending.push(serialize.bind(config));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.pending.push(serialize.execute(config));
  }
  describe(msg: Parameters<typeof serialize.describe>[0]): void {
    this.pending.push(serialize.describe(msg));
  }
  close(msg: Parameters<typeof serialize.close>[0]): void {
    this.pending.push(serialize.close(msg));
  }
  flush(): void {
    this.pending.push(serialize.flush());
    this.send();
  }
  sync(): void {
    this.pending.push(serialize.sync());
    this.send();
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.pending.push(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.pending.push(serialize.copyDone());
    this.send();
  }
  sendCopyFail(msg: string): void {
    this.pending.push(serialize.copyFail(msg));
    this.send();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    this.chain = this.chain
      .catch(() => undefined)
      .then(() => this.abandonTransaction())
      .finally(() => this.emit('end'));
  }

  private destroy(err?: Error): void {
    if (err && !this.ended) this.emit('error', err);
    this.end();
  }

  /** Everything buffered since the last send goes to PGlite as one batch, after the batches before it. */
  private send(): void {
    if (this.ended || this.pending.length === 0) return;
    const batch = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    // run() reports its own failures; the chain itself must never reject.
    this.chain = this.chain.then(() => this.run(batch)).catch(() => undefined);
  }

  private async run(batch: Buffer): Promise<void> {
    if (this.ended) return;
    const messages: Message[] = [];
    const parser = new Parser();
    try {
      if (this.db.closed) throw new Error('the embedded database is closed');
      if (!this.release) this.release = await this.acquire();
      await this.db.execProtocolRawStream(batch, {
        // Copied: the chunk can be a view of PGlite's memory, reused by the next call.
        onRawData: (chunk: Uint8Array) => parser.parse(Buffer.from(chunk), (m) => messages.push(m as unknown as Message)),
      });
    } catch (err) {
      // PGlite itself failed or is gone (an SQL error arrives as a message instead): the client
      // fails its queries with this error and the pool replaces it.
      this.releaseLock();
      this.emit('error', err instanceof Error ? err : new Error(String(err)));
      return;
    }
    // The last ReadyForQuery says whether a transaction is still open; a batch without one (flush)
    // leaves the protocol mid-exchange, so the lock is kept until the exchange ends.
    const last = messages.findLast((m) => m.name === 'readyForQuery');
    if (last?.status === 'I') this.releaseLock();
    for (const m of messages) {
      if (this.listenerCount('message') > 0) this.emit('message', m);
      this.emit(m.name === 'error' ? 'errorMessage' : m.name, m);
    }
  }

  /**
   * PGlite's exclusive lock, taken when no other session is inside a transaction (a psql client on
   * PGLITE_PORT between BEGIN and COMMIT): that session's statements must not see ours in between.
   */
  private async acquire(): Promise<() => void> {
    this.waiters.change(1);
    try {
      for (;;) {
        const release = await new Promise<() => void>((granted, failed) => {
          this.waiters.runExclusive(() => new Promise<void>((done) => granted(done))).catch(failed);
        });
        if (!this.db.isInTransaction()) return release;
        release();
        await new Promise((r) => setTimeout(r, FOREIGN_TX_RETRY_MS));
      }
    } finally {
      this.waiters.change(-1);
    }
  }

  private releaseLock(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  /** A client dropped in mid-transaction (pool.release(err), process shutdown) must not leave it open. */
  private async abandonTransaction(): Promise<void> {
    if (!this.release) return;
    try {
      if (this.db.isInTransaction()) await this.db.execProtocolRaw(serialize.query('ROLLBACK'));
    } catch {
      // PGlite closed already: nothing is left open.
    } finally {
      this.releaseLock();
    }
  }
}

/**
 * A pg.Pool whose client talks to `db` in this process. One client: PGlite runs one statement at a
 * time in one session, so more clients would only queue inside the lock instead of in the pool.
 */
export function inProcessPool(db: PGlite): pg.Pool {
  class InProcessClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connection: new InProcessConnection(db) } as pg.ClientConfig);
    }
  }
  return new pg.Pool({ Client: InProcessClient, max: 1 });
}
