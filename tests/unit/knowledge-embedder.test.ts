import assert from 'node:assert/strict';
import { test } from 'vitest';
import { createEmbedder, LocalHashEmbedder, OpenAIEmbedder } from '../../knowledge/embedder.js';

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

test('the local embedding is deterministic, L2-normalised and has the declared dimension', async () => {
  const e = new LocalHashEmbedder();
  assert.equal(e.id, 'local-hash-v2-384');
  const [a, b] = await e.embed(['公司拖欠工资怎么申请劳动仲裁', '公司拖欠工资怎么申请劳动仲裁']);
  assert.equal(a!.length, 384);
  assert.deepEqual(a, b);
  assert.deepEqual(a, await new LocalHashEmbedder().embed(['公司拖欠工资怎么申请劳动仲裁']).then((v) => v[0]));
  assert.ok(Math.abs(Math.sqrt(cos(a!, a!)) - 1) < 1e-4);
});

test('similar texts are closer than unrelated ones, also across 繁體 and 简体', async () => {
  const e = new LocalHashEmbedder();
  const [q, near, far, trad] = await e.embed([
    '劳动争议申请仲裁的时效期间为一年',
    '工资被拖欠，申请劳动仲裁的时效是多久',
    '人身安全保护令由人民法院以裁定形式作出',
    '勞動爭議申請仲裁的時效期間為一年',
  ]);
  assert.ok(cos(q!, near!) > cos(q!, far!) + 0.05, `near ${cos(q!, near!)} vs far ${cos(q!, far!)}`);
  assert.ok(cos(q!, trad!) > 0.99);
});

test('empty text still embeds to a unit vector and bad dimensions are refused', async () => {
  const [v] = await new LocalHashEmbedder({ dimension: 256 }).embed(['，。！']);
  assert.equal(v!.length, 256);
  assert.ok(Math.abs(cos(v!, v!) - 1) < 1e-9);
  assert.throws(() => new LocalHashEmbedder({ dimension: 3 }), RangeError);
});

test('createEmbedder picks OpenAI only when a key is configured', () => {
  const base = { OPENAI_BASE_URL: undefined, OPENAI_EMBEDDING_MODEL: 'text-embedding-3-small', LLM_TIMEOUT_MS: 1000 };
  assert.ok(createEmbedder({ ...base, OPENAI_API_KEY: undefined }) instanceof LocalHashEmbedder);
  const o = createEmbedder({ ...base, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
  assert.ok(o instanceof OpenAIEmbedder);
  assert.equal(o.dimension, 1536);
  assert.equal(o.id, 'openai:text-embedding-3-small:1536');
});
