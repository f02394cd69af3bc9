/** Wire-level pieces shared by the emulator's state, method handlers and HTTP server. */
import type http from 'node:http';
import type { ApiErrorSpec, EmulatedChat } from './types.js';

/** Methods whose calls count as "sent to a chat" for `sent()`. */
export const OUTGOING = new Set([
  'sendMessage',
  'editMessageText',
  'editMessageReplyMarkup',
  'sendDocument',
  'sendPhoto',
  'sendChatAction',
  'deleteMessage',
]);

/** A handler's answer meaning "no reply yet": the long poll is answered later, by the poller or its timer. */
export const LONG_POLL = Symbol('long-poll');

export class ApiFailure extends Error {
  constructor(public readonly spec: ApiErrorSpec) {
    super(spec.description);
  }
}

export const bad = (description: string): ApiFailure => new ApiFailure({ error_code: 400, description: `Bad Request: ${description}` });

export const now = () => Math.floor(Date.now() / 1000);

export function chatOf(chatId: number): EmulatedChat {
  return { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' };
}

export function reply(res: http.ServerResponse, status: number, body: unknown): void {
  // A long poll may already have been answered (409, timeout) or abandoned by the client.
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
