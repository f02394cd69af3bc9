import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { splitDocument } from '../../knowledge/split.js';

const LAWS = path.resolve(PROJECT_ROOT, '..', 'shared', 'knowledge', 'laws');

const SAMPLE = `# 示例管理条例

<!-- 元数据，不应进入任何分块 -->

## 第一章 总则

第一条 为了测试分条，制定本条例。

第二条 本条例适用于测试。

第二条所称测试，包括单元测试。

## 第二章 程序

### 第一节 申请

## 第三十五条 当事人可以申请复查。

申请应当在三十日内提出。

第一百三十二条 本条例自发布之日起施行，第三十一条第六项另有规定的除外。
`;

test('a legal text is split into one chunk per article with its chapter and section', async () => {
  const doc = await splitDocument(SAMPLE, 'fallback');
  assert.equal(doc.title, '示例管理条例');
  assert.deepEqual(
    doc.chunks.map((c) => [c.article, c.chapter]),
    [
      ['第一条', '第一章 总则'],
      ['第二条', '第一章 总则'],
      ['第三十五条', '第二章 程序 第一节 申请'],
      ['第一百三十二条', '第二章 程序 第一节 申请'],
    ],
  );
  // A line that starts with a reference to an article ("第二条所称…") belongs to the article above.
  assert.match(doc.chunks[1]!.text, /第二条所称测试/);
  assert.match(doc.chunks[2]!.text, /^第三十五条 当事人可以申请复查。\n\n申请应当在三十日内提出。$/);
  assert.ok(doc.chunks.every((c) => !c.text.includes('元数据')));
});

test('the real 信访工作条例 splits into its articles, 第三十五条 under 第四章', async () => {
  const raw = fs.readFileSync(path.join(LAWS, '信访工作条例_2022.md'), 'utf8');
  const doc = await splitDocument(raw, '信访工作条例_2022');
  assert.equal(doc.title, '信访工作条例');
  const articles = doc.chunks.map((c) => c.article);
  assert.equal(new Set(articles).size, doc.chunks.length, 'one chunk per article');
  assert.equal(articles[0], '第一条');
  const a35 = doc.chunks.find((c) => c.article === '第三十五条');
  assert.ok(a35);
  assert.equal(a35.chapter, '第四章 信访事项的办理');
  assert.match(a35.text, /^第三十五条 信访人对信访处理意见不服的/);
  assert.ok(!a35.text.includes('第三十六条 '), 'article 36 is its own chunk');
});

test('a non-legal document is split by heading and paragraph, keeping the heading path', async () => {
  const para = '劳动争议可以先协商或者调解。'.repeat(60);
  const doc = await splitDocument(`# 说明\n\n## 劳动争议\n\n${para}\n\n## 法律援助\n\n经济困难可以申请法律援助。`, 'note');
  assert.equal(doc.title, '说明');
  assert.ok(doc.chunks.length >= 3, 'the long section is split with overlap');
  assert.ok(doc.chunks.every((c) => c.text.length <= 500));
  assert.equal(doc.chunks.at(-1)!.chapter, '法律援助');
  assert.equal(doc.chunks[0]!.chapter, '劳动争议');
  assert.equal(doc.chunks[0]!.article, undefined);
});
