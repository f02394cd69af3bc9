import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { messages } from '../../i18n/triage.js';
import type { RetrievedPassage } from '../../knowledge/types.js';
import { answer } from '../../conversation/answer.js';
import { useFakeOpenAI } from '../helpers/fakeOpenAISuite.js';

// Short passages written for this test, in the style of the regulations.
const PASSAGES: RetrievedPassage[] = [
  {
    chunkId: 1,
    source: '信访工作条例_2022',
    title: '信访工作条例',
    article: '第三十五条',
    text: '第三十五条 信访人对信访事项处理意见不服的,可以自收到书面答复之日起30日内请求原办理行政机关的上一级机关复查。收到复查请求的机关应当自收到之日起30日内提出复查意见。',
    score: 0.91,
  },
  {
    chunkId: 2,
    source: '信访工作条例_2022',
    title: '信访工作条例',
    article: '第三十六条',
    text: '第三十六条 信访人对复查意见不服的,可以自收到书面答复之日起30日内向复查机关的上一级机关请求复核。',
    score: 0.74,
  },
  { chunkId: 3, source: '社会救助暂行办法_2019', title: '社会救助暂行办法', article: '第十一条', text: '申请最低生活保障,按照下列程序办理。', score: 0.2 },
];

describe('answers from passages', () => {
  const fake = useFakeOpenAI();
  const llm = () => ({ apiKey: 'k', baseURL: fake.baseURL, model: 'fake-model', timeoutMs: 3000 });

  it('quotes the most relevant sentences with source and article, without a model', async () => {
    const a = await answer('信访复查的申请期限是多少天?', PASSAGES, { language: 'zh-Hans' });
    assert.equal(a.engine, 'extractive');
    assert.ok(a.text.startsWith(messages['triage.answer.intro']['zh-Hans']));
    assert.match(a.text, /「信访人对信访事项处理意见不服的，可以自收到书面答复之日起30日内请求原办理行政机关的上一级机关复查。」（信访工作条例 第三十五条）/);
    assert.equal(a.citations[0]!.article, '第三十五条');
    assert.ok(a.citations.every((c) => PASSAGES.some((p) => p.source === c.source && p.article === c.article)));
    assert.ok(!a.citations.some((c) => c.article === '第十一条'), 'an unrelated passage is not quoted');
  });

  it("never quotes a note's own preface as if it were the law", async () => {
    const note: RetrievedPassage = {
      chunkId: 9, source: 'neighbours', title: '邻里纠纷：相邻关系', score: 0.8,
      text: 'Plain-language summary of the neighbour-relations chapter of the Civil Code.\nNeighbours must allow water to drain and must not flood a flat below (Art. 290).',
    };
    const a = await answer('water is leaking from the neighbour upstairs, who must fix it', [note], { language: 'en' });
    assert.doesNotMatch(a.text, /Plain-language summary/);
    assert.match(a.text, /Art\. 290/);
  });

  it('shows the extract in 繁體 to a zh-Hant reader and wraps it in English for en', async () => {
    const hant = await answer('信訪複查期限', PASSAGES, { language: 'zh-Hant' });
    assert.match(hant.text, /信訪工作條例 第三十五條/);
    const en = await answer('How long do I have to ask for a review?', PASSAGES, { language: 'en' });
    assert.ok(en.text.startsWith(messages['triage.answer.intro'].en));
    // A Chinese quote in an English reply keeps Chinese punctuation; an English line of a note keeps ASCII.
    assert.match(en.text, /「信访人对信访事项处理意见不服的，可以/);
    const note: RetrievedPassage = { chunkId: 9, source: 'note_dibao', title: '低保与临时救助', text: 'Minimum living allowance (低保): apply in writing at the sub-district office where your household is registered (Art. 11).', score: 0.9 };
    const dibao = await answer('How do I apply for the minimum living allowance?', [note], { language: 'en' });
    assert.match(dibao.text, /“Minimum living allowance \(低保\): apply in writing/);
    assert.doesNotMatch(dibao.text, /（低保）|：/);
  });

  it('says so when there is no passage, in every language', async () => {
    for (const language of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const a = await answer('低保怎么申请', [], { language, llm: llm() });
      assert.equal(a.text, messages['triage.answer.none'][language]);
      assert.deepEqual(a.citations, []);
    }
    assert.equal(fake.requests.length, 0, 'no model is asked without passages');
  });

  it('gives a grounded LLM answer whose [n] map to the real passages', async () => {
    fake.script(() => ({ content: '不服复核前先要复查:收到书面答复后30日内申请复查[2]。对复查意见仍不服,30日内可请求复核[1]。' }));
    // Passages in retriever order: [1] = 第三十五条, [2] = 第三十六条. The model cites [2] first.
    const a = await answer('信访复查和复核的期限?', PASSAGES, { language: 'zh-Hans', llm: llm() });
    assert.equal(a.engine, 'llm');
    assert.match(a.text, /申请复查\[1\]。.*请求复核\[2\]。/s);
    assert.deepEqual(a.citations.map((c) => c.article), ['第三十六条', '第三十五条']);
    assert.match(a.text, /\[1\] 信访工作条例 第三十六条/);
    const body = JSON.stringify(fake.requests[0]!.body);
    assert.match(body, /\[1\] 信访工作条例 第三十五条/);
  });

  it('falls back to the extractive answer when the model cites nothing valid, fails or finds nothing', async () => {
    const replies = [{ content: '期限是30天[7]。' }, { content: '期限是30天。' }, { status: 500 }, { content: 'NO_ANSWER' }] as const;
    for (const reply of replies) {
      fake.script(() => reply);
      const a = await answer('信访复查的申请期限是多少天?', PASSAGES, { language: 'zh-Hans', llm: llm() });
      assert.equal(a.engine, 'extractive', JSON.stringify(reply));
      assert.equal(a.citations[0]!.article, '第三十五条');
    }
  });

  it('never sends personal data in the question to the model', async () => {
    fake.script(() => ({ content: '可以申请复查[1]。' }));
    await answer('我叫李明,电话13812345678,邮箱li@example.com,复查期限多久?', PASSAGES, { language: 'zh-Hans', llm: llm() });
    const body = JSON.stringify(fake.requests);
    assert.ok(!body.includes('13812345678') && !body.includes('li@example.com'));
    assert.ok(body.includes('[PHONE]'));
  });
});
