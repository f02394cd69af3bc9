/** The HTTP side: routes `/bot<token>/<method>`, applies scripted holds and failures, answers in the Bot API envelope. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody } from './body.js';
import type { MethodHandler } from './methods.js';
import { ApiFailure, LONG_POLL, OUTGOING, reply } from './protocol.js';
import type { EmulatorState } from './state.js';

export async function startServer(state: EmulatorState, methods: Record<string, MethodHandler>): Promise<{ server: http.Server; apiRoot: string }> {
  const { token, holds, failures, chatFailures } = state;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((err) => {
        reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${(err as Error).message}` });
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, reqToken, method] = m as unknown as [string, string, string];
    if (reqToken !== token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    let payload: Record<string, any>;
    try {
      payload = { ...Object.fromEntries(url.searchParams), ...parseBody(req.headers['content-type'] ?? '', body) };
    } catch (err) {
      return reply(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(err as Error).message}` });
    }
    delete payload.method; // telegraf repeats the method name inside multipart bodies
    const fn = Object.prototype.hasOwnProperty.call(methods, method) ? methods[method] : undefined;
    const chatId = payload.chat_id !== undefined && Number.isSafeInteger(Number(payload.chat_id)) ? Number(payload.chat_id) : undefined;
    if (!fn) {
      const error = { error_code: 404, description: 'Not Found: method not found' };
      state.record({ method, chatId, payload, ok: false, error });
      return reply(res, 404, { ok: false, ...error });
    }
    const hold = holds.get(method)?.shift();
    if (hold) {
      hold.arrive(payload);
      await hold.released;
    }
    const scripted = failures.get(method)?.shift();
    let perChat = chatId !== undefined && OUTGOING.has(method) ? chatFailures.get(chatId) : undefined;
    if (perChat && perChat.pass > 0) {
      perChat.pass--;
      perChat = undefined;
    } else if (perChat && --perChat.left <= 0) chatFailures.delete(chatId!);
    try {
      if (scripted) throw new ApiFailure(scripted);
      if (perChat) throw new ApiFailure(perChat.error);
      const result = fn(payload, res);
      if (result === LONG_POLL) return; // answered later by flushPoller or the timer
      if (method !== 'getUpdates') state.record({ method, chatId, payload, ok: true, result });
      reply(res, 200, { ok: true, result });
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      state.record({ method, chatId, payload, ok: false, error: err.spec });
      reply(res, err.spec.error_code, { ok: false, ...err.spec });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const apiRoot = `http://127.0.0.1:${port}`;
  return { server, apiRoot };
}
