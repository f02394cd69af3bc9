import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAI.js';
import { useE2E } from '../helpers/e2eSuite.js';

/*
 * A provider that stops answering (an OpenAI-compatible server that accepts the connection and never
 * replies) must not stall residents: triage falls back to the offline engine, the document search to
 * BM25, and the emergency path never asks the provider. The budgets are small here so the test is
 * quick; the bot is waited on (idle), never timed. Before the budgets, the embedder retried six times
 * at 15 s and the resident's message was not answered within the harness's wait.
 */
describe('a provider that never answers', () => {
  let fake: FakeOpenAI;
  let hang = false;

  // Hooks run in the order written and their afterAll in reverse: the fake starts first and closes last.
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    // Healthy while the bundled notes are embedded at start-up, then silent.
    fake.script(() => (hang ? { hangMs: 3_600_000 } : { default: true }));
  });
  afterAll(async () => {
    await fake?.close();
  });
  const { e } = useE2E(() => ({
    env: {
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: 'fake-chat',
      OPENAI_EMBEDDING_MODEL: 'fake-embedding',
      // The LLM's budget covers the document search before it, whose embedding alone may take its whole
      // 300 ms here: at 400 ms a loaded host spent the budget before the chat request was sent (measured
      // 339 ms under load), so the provider was never asked. The embedding's share (a quarter) is below the defaults' (1,500 of 4,000).
      RESIDENT_LLM_TIMEOUT_MS: '1200',
      EMBEDDING_TIMEOUT_MS: '300',
      RETRIEVAL_TIMEOUT_MS: '5000',
      PROVIDER_COOLDOWN_MS: '600000',
    },
  }));
  beforeAll(() => {
    hang = true;
  });

  const chats = (path: string) => fake.requests.filter((r) => r.path.endsWith(path)).length;

  it('an inquiry is answered from the documents (offline triage, BM25 alone) while the provider hangs', async () => {
    const before = { chat: chats('/chat/completions'), emb: chats('/embeddings') };
    e.emu.sendText({ id: 7301, language_code: 'zh-hans' }, '请问对信访事项的处理意见不服，可以申请复查吗？多久内申请？');
    await e.settle();
    const reply = e.texts(7301).join('\n');
    assert.match(reply, /「.+」/, 'quotes a passage found without the embedding');
    assert.match(reply, /复查/);
    assert.ok(chats('/chat/completions') > before.chat, 'the LLM was asked (and did not answer)');
    assert.ok(chats('/embeddings') > before.emb, 'the query embedding was asked (and did not answer)');
  });

  it('the next residents are not made to wait: the provider is skipped during the cool-down', async () => {
    const before = { chat: chats('/chat/completions'), emb: chats('/embeddings') };
    e.emu.sendText({ id: 7302, language_code: 'zh-hans' }, '小区物业不修电梯已经三个月了');
    e.emu.sendText({ id: 7303, language_code: 'zh-hans' }, '请问申请法律援助需要什么条件？');
    await e.settle();
    assert.match(e.texts(7302).join('\n'), /我们理解您的诉求是/, 'the offline engine understood the petition');
    assert.ok(e.texts(7303).length > 0, 'the inquiry got an answer');
    assert.equal(chats('/chat/completions'), before.chat, 'no call to the LLM during the cool-down');
    assert.equal(chats('/embeddings'), before.emb, 'no call to the embedder during the cool-down');
  });

  it('an emergency gets the numbers without asking the provider', async () => {
    const before = fake.requests.length;
    e.emu.sendText({ id: 7304, language_code: 'zh-hans' }, '我老公喝醉了拿着菜刀在砸门,说要砍死我,快来救命');
    await e.settle();
    assert.match(e.texts(7304)[0] ?? '', /110/);
    assert.equal(fake.requests.length, before);
  });
});
