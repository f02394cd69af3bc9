import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'vitest';
import { extractiveAnswer } from '../../conversation/answer.js';
import { articleFor, chineseNumber, citationLabel, titleFor, titleParts } from '../../knowledge/citation.js';
import { splitDocument } from '../../knowledge/split.js';
import type { RetrievedPassage } from '../../knowledge/types.js';
import { resourcePath } from '../../kernel/paths.js';

const note: RetrievedPassage = {
  chunkId: 1,
  source: 'petitions',
  title: '信访怎么办理：渠道、期限与复查复核 / How petitions are handled: channels, time limits and review',
  text: '信访部门收到信访事项后应当登记，并在15日内转送、交办有权处理的机关。Within 15 days of receipt the petition office registers the matter and forwards it (Art. 22).',
  score: 1,
};
const law: RetrievedPassage = { chunkId: 2, source: 'xinfang', title: '信访工作条例', article: '第三十五条', text: '信访人对信访处理意见不服的，可以自收到书面答复之日起30日内请求原办理机关的上一级机关复查。', score: 1 };

describe('how a cited document is named to the reader', () => {
  it('an English reader sees the English title of a note, a Chinese reader the Chinese one only', () => {
    const en = extractiveAnswer('How long does the office take to forward my petition?', [note], 'en').text;
    assert.match(en, /\(How petitions are handled: channels, time limits and review\)/);
    assert.doesNotMatch(en, /信访怎么办理/);
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      const zh = extractiveAnswer('信访多少天内要转送？', [note], lang).text;
      assert.match(zh, lang === 'zh-Hans' ? /信访怎么办理/ : /信訪怎麼辦理/);
      assert.doesNotMatch(zh, /How petitions/, lang);
    }
  });

  it('an English reader sees "Art. 35" for 第三十五条; a law without an English title keeps its Chinese name', () => {
    const en = extractiveAnswer('Can I ask for a review if I disagree with the answer?', [law], 'en').text;
    assert.match(en, /信访工作条例, Art\. 35\)/);
    assert.doesNotMatch(en, /第三十五条/);
    assert.match(extractiveAnswer('对处理意见不服可以复查吗', [law], 'zh-Hans').text, /信访工作条例 第三十五条/);
  });

  it('Chinese numerals of article numbers', () => {
    const cases: Array<[string, number]> = [['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['三十五', 35], ['一百', 100], ['一百零二', 102], ['一百一十八', 118], ['两百', 200], ['1260', 1260]];
    for (const [s, n] of cases) assert.equal(chineseNumber(s), n, s);
    assert.equal(chineseNumber('第'), null);
    assert.equal(articleFor('第一千二百六十条', 'en'), 'Art. 1260');
    assert.equal(articleFor('附则', 'en'), '附则', 'a heading that is not a numbered article is left as it is');
    assert.equal(articleFor('第三十五条', 'zh-Hant'), '第三十五条');
  });

  it('only an English half after " / " counts as an English title', () => {
    assert.deepEqual(titleParts('复查 / 复核'), { zh: '复查 / 复核' });
    assert.deepEqual(titleParts('低保 / Dibao (低保)'), { zh: '低保 / Dibao (低保)' });
    assert.equal(titleFor('信访工作条例', 'en'), '信访工作条例');
    assert.equal(citationLabel({ title: '', source: 'my-note' }, 'en'), 'my-note', 'no title: the document name');
  });

  it('every bundled policy note has an English title, and the split keeps both halves', async () => {
    const dir = resourcePath('policy-notes');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const { title } = await splitDocument(fs.readFileSync(`${dir}/${f}`, 'utf8'), f);
      const parts = titleParts(title);
      assert.ok(parts.en, `${f}: no English title`);
      assert.match(parts.zh, /\p{Script=Han}/u, f);
    }
  });
});
