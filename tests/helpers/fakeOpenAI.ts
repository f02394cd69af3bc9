import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible server for tests: POST /v1/chat/completions (tool calls or plain content)
 * and POST /v1/embeddings (deterministic vectors). Every request body is recorded, so a test can
 * assert what would have left the machine. Listens on 127.0.0.1 with a random port.
 *
 *   const fake = await startFakeOpenAI();
 *   fake.script((req) => ({ toolCall: { category: 'petition', target: 'water', confidence: 0.9, reasons: [] } }));
 *   … new ChatOpenAI({ configuration: { baseURL: fake.baseURL }, apiKey: 'test', model: 'fake' }) …
 *   await fake.close();
 */
export interface RecordedRequest {
  path: string;
  body: any;
}

export type FakeReply =
  /** A tool call; the function name defaults to the one the request forced or offered first. */
  | { toolCall: unknown; name?: string }
  /** Raw, unparsed `arguments` string for the tool call (use for malformed JSON). */
  | { toolCallRaw: string; name?: string }
  /** An assistant message with plain text content. */
  | { content: string }
  /** An HTTP error status with an OpenAI-style error body. */
  | { status: number; message?: string }
  /** Wait, then send `then` (default: never answer until the client gives up or the server closes). */
  | { hangMs: number; then?: FakeReply }
  /** Embeddings with explicit vectors. */
  | { embeddings: number[][] }
  /** Whatever the server would do unscripted. */
  | { default: true };

export type FakeScript = (req: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:43123/v1 — pass as `configuration.baseURL` / OPENAI_BASE_URL. */
  baseURL: string;
  requests: RecordedRequest[];
  script(fn: FakeScript): void;
  close(): Promise<void>;
}

export const FAKE_EMBEDDING_DIMENSION = 16;

/** Deterministic unit vector for a string: same text, same vector, on every run. */
export function fakeEmbedding(text: string, dimension = FAKE_EMBEDDING_DIMENSION): number[] {
  const v: number[] = [];
  let block = createHash('sha256').update(text).digest();
  for (let i = 0; v.length < dimension; i++) {
    if (i * 2 + 1 >= block.length) {
      block = createHash('sha256').update(block).digest();
      i = 0;
    }
    v.push(block.readInt16BE(i * 2) / 32768);
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function toolName(body: any): string {
  return body?.tool_choice?.function?.name ?? body?.tools?.[0]?.function?.name ?? 'extract';
}

function completion(body: any, message: Record<string, unknown>, finish: string) {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body?.model ?? 'fake',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function defaultReply(path: string, body: any): FakeReply {
  if (path.endsWith('/embeddings')) return { default: true };
  if (Array.isArray(body?.tools) && body.tools.length > 0) {
    return { toolCall: { category: 'unclear', target: null, confidence: 0.5, reasons: ['fake_default'] } };
  }
  return { content: 'ok' };
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let scriptFn: FakeScript | undefined;
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: http.ServerResponse, status: number, payload: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  };

  const respond = async (res: http.ServerResponse, path: string, body: any, reply: FakeReply): Promise<void> => {
    if ('hangMs' in reply) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, reply.hangMs);
        timers.add(t);
      });
      if (reply.then) await respond(res, path, body, reply.then);
      return;
    }
    if ('status' in reply) {
      send(res, reply.status, { error: { message: reply.message ?? `fake error ${reply.status}`, type: 'server_error', code: null } });
      return;
    }
    if (path.endsWith('/embeddings')) {
      const inputs: string[] = Array.isArray(body?.input) ? body.input : [body?.input ?? ''];
      const vectors = 'embeddings' in reply ? reply.embeddings : inputs.map((t) => fakeEmbedding(String(t), body?.dimensions ?? FAKE_EMBEDDING_DIMENSION));
      send(res, 200, {
        object: 'list',
        data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
        model: body?.model ?? 'fake-embedding',
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
      return;
    }
    if ('default' in reply) return respond(res, path, body, defaultReply(path, body));
    if ('content' in reply) {
      send(res, 200, completion(body, { content: reply.content }, 'stop'));
      return;
    }
    if ('toolCall' in reply || 'toolCallRaw' in reply) {
      const args = 'toolCallRaw' in reply ? reply.toolCallRaw : JSON.stringify(reply.toolCall);
      const name = reply.name ?? toolName(body);
      send(res, 200, completion(body, { content: null, tool_calls: [{ id: `call_${requests.length}`, type: 'function', function: { name, arguments: args } }] }, 'tool_calls'));
      return;
    }
    send(res, 500, { error: { message: 'fake: unknown scripted reply' } });
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      let body: any;
      const raw = Buffer.concat(chunks).toString('utf8');
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        body = raw;
      }
      const record = { path, body };
      requests.push(record);
      const index = requests.length - 1;
      if (req.method !== 'POST' || !/\/(chat\/completions|embeddings)$/.test(path)) {
        send(res, 404, { error: { message: `fake: no route ${req.method} ${path}` } });
        return;
      }
      Promise.resolve()
        .then(() => (scriptFn ? scriptFn(record, index) : defaultReply(path, body)))
        .then((reply) => respond(res, path, body, reply))
        .catch((err: unknown) => send(res, 500, { error: { message: `fake: script threw: ${String(err)}` } }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(fn) {
      scriptFn = fn;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
