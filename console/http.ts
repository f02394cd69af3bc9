import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Html } from './html.js';

/* A small HTTP layer over node:http: cookies, url-encoded forms with a size cap, responses (routing: router.ts). */

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  cookies: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** Parsed url-encoded body of a POST; empty for other methods. */
  form: URLSearchParams;
  params: Record<string, string>;
  /** The client's address: the socket's, or the proxy's X-Forwarded-For entry when CONSOLE_TRUST_PROXY is set. */
  remote?: string;
}

export interface Response {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!k || k in out) continue;
    try {
      out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A malformed cookie is ignored, as a browser would.
    }
  }
  return out;
}

export class BodyTooLargeError extends Error {}
export class UnsupportedBodyError extends Error {}

export async function readForm(req: IncomingMessage, maxBytes: number): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return new URLSearchParams();
  if (type !== 'application/x-www-form-urlencoded') throw new UnsupportedBodyError();
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  secure: boolean;
  httpOnly?: boolean;
}

export function cookie(name: string, value: string, o: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Strict'];
  if (o.httpOnly !== false) parts.push('HttpOnly');
  if (o.secure) parts.push('Secure');
  if (o.maxAgeSeconds !== undefined) parts.push(`Max-Age=${o.maxAgeSeconds}`);
  return parts.join('; ');
}

export const htmlResponse = (status: number, body: Html, headers: Record<string, string | string[]> = {}): Response => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body: body.value,
});

export const jsonResponse = (status: number, data: unknown): Response => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(data),
});

export const redirect = (location: string, headers: Record<string, string | string[]> = {}): Response => ({
  status: 303,
  headers: { location, ...headers },
  body: '',
});

/** Only same-site paths: a `back=` parameter must not send anyone elsewhere. */
export function localPath(p: string | null | undefined, fallback: string): string {
  return p && /^\/(?![/\\])[\x21-\x7e]*$/.test(p) ? p : fallback;
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** Served over HTTPS (CONSOLE_COOKIE_SECURE): browsers are told to use nothing else for a year. */
const HSTS = { 'strict-transport-security': 'max-age=31536000' };

export function send(res: ServerResponse, r: Response, head: boolean, secure = false): void {
  res.statusCode = r.status;
  for (const [k, v] of Object.entries({ ...SECURITY_HEADERS, ...(secure ? HSTS : {}), ...r.headers })) res.setHeader(k, v);
  res.end(head ? undefined : r.body);
}
