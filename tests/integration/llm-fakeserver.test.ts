import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { fakeEmbedding, startFakeOpenAI } from '../helpers/fakeOpenAI.js';

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
// Response bodies are whatever the fake sent; the assertions check their shape.
const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();

describe('fake OpenAI-compatible server', () => {
  it('answers embeddings deterministically and records every request', async () => {
    const fake = await startFakeOpenAI();
    try {
      const r1 = await json(post(`${fake.baseURL}/embeddings`, { model: 'e', input: ['噪音', 'noise'] }));
      const r2 = await json(post(`${fake.baseURL}/embeddings`, { model: 'e', input: '噪音', dimensions: 8 }));
      assert.equal(r1.data.length, 2);
      assert.deepEqual(r1.data[0].embedding, fakeEmbedding('噪音'));
      assert.notDeepEqual(r1.data[0].embedding, r1.data[1].embedding);
      assert.equal(r2.data[0].embedding.length, 8);
      assert.ok(Math.abs(Math.hypot(...r1.data[0].embedding) - 1) < 1e-9);
      assert.deepEqual(fake.requests.map((r) => r.path), ['/v1/embeddings', '/v1/embeddings']);
      assert.deepEqual(fake.requests[0]!.body.input, ['噪音', 'noise']);
    } finally {
      await fake.close();
    }
  });

  it('follows a script per request, including errors and unknown routes', async () => {
    const fake = await startFakeOpenAI();
    try {
      fake.script((_req, i) => (i === 0 ? { content: 'first' } : { status: 503, message: 'busy' }));
      const a = await json(post(`${fake.baseURL}/chat/completions`, { model: 'm', messages: [] }));
      assert.equal(a.choices[0].message.content, 'first');
      const b = await post(`${fake.baseURL}/chat/completions`, { model: 'm', messages: [] });
      assert.equal(b.status, 503);
      assert.equal((await json(b)).error.message, 'busy');
      assert.equal((await post(`${fake.baseURL}/responses`, {})).status, 404);
    } finally {
      await fake.close();
    }
  });

  it('closes promptly even with a request still hanging', async () => {
    const fake = await startFakeOpenAI();
    fake.script(() => ({ hangMs: 60_000 }));
    const pending = post(`${fake.baseURL}/chat/completions`, { model: 'm', messages: [] }).then(
      () => 'answered',
      () => 'dropped',
    );
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    await fake.close();
    assert.equal(await pending, 'dropped');
  });
});
