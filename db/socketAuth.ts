import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/*
 * A password check in front of pglite-socket, which has none (0.2.x: every startup message is handed to
 * PGlite, which answers "authentication ok"). The listener on 127.0.0.1 speaks the start of the Postgres
 * wire protocol itself: it refuses TLS (the link is loopback), asks for an MD5 challenge-response password,
 * and only then connects the client to pglite-socket — which listens on a Unix socket in a directory only
 * this user can enter — and replays the client's startup message, so PGlite's own "authentication ok",
 * parameters and ready-for-query reach the client exactly as from a Postgres server.
 *
 * MD5 rather than SCRAM: every client (psql, node-postgres, JDBC) speaks it, the password never crosses the
 * socket, and its known weakness (a captured exchange can be brute-forced offline) does not apply to a
 * password of 256 random bits.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const MAX_STARTUP_BYTES = 10_000;
/** A client that has not authenticated within this time is dropped (an idle socket holds a slot). */
const AUTH_TIMEOUT_MS = 10_000;

export const PASSWORD_FILE = 'pglite-password';

/**
 * The password of the embedded database's socket: read from `<dataDir>/pglite-password`, or created there
 * (mode 0600) on first use. `created` tells the caller to show it once.
 */
export function socketPassword(dataDir: string | undefined): { password: string; file?: string; created: boolean } {
  if (!dataDir) return { password: crypto.randomBytes(32).toString('hex'), created: false };
  const file = path.join(dataDir, PASSWORD_FILE);
  try {
    const password = fs.readFileSync(file, 'utf8').trim();
    if (password.length < 16) throw new Error(`${file} holds no usable password (at least 16 characters); delete it to have a new one made`);
    // A copy or an editor may have widened the mode; the file is a credential.
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return { password, file, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const password = crypto.randomBytes(32).toString('hex');
  // 'wx': never overwrite a password another process wrote in between; mode applies at creation.
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return { password, file, created: true };
}

const md5 = (s: string | Buffer) => crypto.createHash('md5').update(s).digest('hex');

function authRequest(code: number, extra: Buffer = Buffer.alloc(0)): Buffer {
  const b = Buffer.alloc(9 + extra.length);
  b.write('R', 0);
  b.writeInt32BE(8 + extra.length, 1);
  b.writeInt32BE(code, 5);
  extra.copy(b, 9);
  return b;
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, 'utf8'),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

function startupParams(msg: Buffer): Record<string, string> {
  const parts = msg.subarray(8).toString('utf8').split('\0');
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length && parts[i]; i += 2) out[parts[i]!] = parts[i + 1]!;
  return out;
}

export interface AuthFront {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on host:port and connects each client that gives `password` to the Unix socket `target`.
 * Failed attempts are answered as Postgres does (SQLSTATE 28P01) and closed.
 */
export async function startAuthFront(opts: { host: string; port: number; target: string; password: string; maxConnections: number }): Promise<AuthFront> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    handshake(client, opts, sockets);
  });
  server.maxConnections = opts.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

function handshake(client: net.Socket, opts: { target: string; password: string }, sockets: Set<net.Socket>): void {
  let buf = Buffer.alloc(0);
  let startup: Buffer | undefined;
  let user = '';
  const salt = crypto.randomBytes(4);
  const timer = setTimeout(() => client.destroy(), AUTH_TIMEOUT_MS);
  const fail = (code: string, message: string) => {
    clearTimeout(timer);
    client.removeListener('data', onData);
    client.end(errorResponse(code, message));
  };

  const onData = (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    while (true) {
      if (!startup) {
        if (buf.length < 8) return;
        const len = buf.readInt32BE(0);
        const code = buf.readInt32BE(4);
        if (len < 8 || len > MAX_STARTUP_BYTES) return fail('08P01', 'invalid startup packet');
        if (buf.length < len) return;
        const msg = buf.subarray(0, len);
        buf = buf.subarray(len);
        if (len === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
          // Loopback only: no TLS; the client goes on in plain text (sslmode=prefer) or gives up (require).
          client.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          clearTimeout(timer);
          client.destroy();
          return;
        }
        if (code !== PROTOCOL_3) return fail('0A000', 'unsupported frontend protocol');
        startup = Buffer.from(msg);
        user = startupParams(startup).user ?? '';
        client.write(authRequest(5, salt));
        continue;
      }
      if (buf.length < 5) return;
      const len = buf.readInt32BE(1);
      if (buf[0] !== 0x70 /* 'p' */ || len < 4 || len > 1000) return fail('08P01', 'expected a password message');
      if (buf.length < 1 + len) return;
      const given = buf.subarray(5, 1 + len - 1); // without the trailing NUL
      const rest = buf.subarray(1 + len);
      const expected = Buffer.from(`md5${md5(Buffer.concat([Buffer.from(md5(opts.password + user), 'utf8'), salt]))}`, 'utf8');
      const ok = given.length === expected.length && crypto.timingSafeEqual(given, expected);
      if (!ok) return fail('28P01', `password authentication failed for user "${user}"`);
      clearTimeout(timer);
      client.removeListener('data', onData);
      client.pause();
      connectInner(client, opts.target, startup, rest, sockets);
      return;
    }
  };
  client.on('data', onData);
}

function connectInner(client: net.Socket, target: string, startup: Buffer, rest: Buffer, sockets: Set<net.Socket>): void {
  const inner = net.connect(target);
  sockets.add(inner);
  inner.on('close', () => {
    sockets.delete(inner);
    client.destroy();
  });
  client.on('close', () => inner.destroy());
  inner.on('error', () => client.destroy());
  inner.once('connect', () => {
    inner.write(startup);
    if (rest.length) inner.write(rest);
    inner.pipe(client);
    client.pipe(inner);
    client.resume();
  });
}
