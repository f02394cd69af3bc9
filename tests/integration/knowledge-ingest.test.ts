import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import type { Database } from '../../db/pool.js';
import { LocalHashEmbedder } from '../../knowledge/embedder.js';
import { ingestBundledNotes, ingestPaths } from '../../knowledge/ingest.js';
import { createRetriever } from '../../knowledge/retriever.js';
import { testDatabase } from '../helpers/db.js';

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await testDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-ingest-'));
  fs.mkdirSync(path.join(dir, 'docs', 'nested'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'docs', 'empty.md'), '');
  fs.writeFileSync(path.join(dir, 'docs', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  fs.writeFileSync(path.join(dir, 'docs', 'gbk.txt'), Buffer.from([0xd0, 0xc5, 0xb7, 0xc3, 0xcc, 0xf5, 0xc0, 0xfd])); // 信访条例 in GBK
  fs.writeFileSync(path.join(dir, 'docs', 'image.png'), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(dir, 'docs', 'nested', 'note.md'), '# 调解说明\n\n人民调解不收费，双方自愿。\n');
  fs.writeFileSync(path.join(dir, 'only-bad.md'), '   \n');
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('ingesting a directory reports each bad file clearly and ingests the rest', async () => {
  const s = await ingestPaths(db.pool, new LocalHashEmbedder(), [path.join(dir, 'docs'), path.join(dir, 'missing')]);
  const byName = new Map(s.problems.map((p) => [path.basename(p.path), p.message]));
  assert.match(byName.get('missing')!, /no such file or directory/);
  assert.match(byName.get('empty.md')!, /empty/);
  assert.match(byName.get('binary.txt')!, /binary/);
  assert.match(byName.get('gbk.txt')!, /not valid UTF-8/);
  assert.ok(!byName.has('image.png'), 'unsupported extensions inside a directory are ignored');
  assert.equal(s.added, 1);
  assert.equal(s.failed, 4);
  const docs = (await db.pool.query('SELECT source FROM kb_documents')).rows;
  assert.deepEqual(docs, [{ source: 'note' }]);
});

test('bundled policy notes ingest on start and are skipped the second time', async () => {
  const e = new LocalHashEmbedder();
  const first = await ingestBundledNotes(db.pool, e);
  assert.ok(first.added >= 5, `added ${first.added}`);
  assert.equal(first.failed, 0, JSON.stringify(first.problems));
  const second = await ingestBundledNotes(db.pool, e);
  assert.equal(second.unchanged, first.added);
  assert.equal(second.added + second.replaced, 0);
  // Out of the box, common questions find the matching note.
  const r = createRetriever({ pool: db.pool, embedder: e });
  for (const [q, source] of [
    ['申请劳动仲裁要交钱吗', 'labour-disputes'],
    ['对信访处理意见不服怎么办', 'petitions'],
    ['被家暴了怎么申请保护令', 'domestic-violence'],
    ['how do I apply for the minimum living allowance', 'social-assistance'],
  ] as const) {
    const hits = await r.search(q, { k: 3, sources: ['labour-disputes', 'petitions', 'domestic-violence', 'social-assistance', 'legal-aid', 'mediation', 'neighbours', 'vulnerable-groups', 'administrative-reconsideration'] });
    assert.ok(hits.some((h) => h.source === source), `${q} → ${hits.map((h) => h.source).join(', ')}`);
  }
});

test('npm run ingest on only bad input exits non-zero with a message per file', () => {
  const res = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'knowledge', 'cli', 'ingest.ts'), path.join(dir, 'only-bad.md'), path.join(dir, 'nope.md'), path.join(dir, 'docs', 'binary.txt')],
    { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' }, timeout: 60_000 },
  );
  assert.equal(res.status, 1, res.stderr);
  assert.match(res.stderr, /only-bad\.md: the file contains only whitespace/);
  assert.match(res.stderr, /nope\.md: no such file or directory/);
  assert.match(res.stderr, /binary\.txt: the file looks binary/);
  assert.match(res.stdout, /0 added, 0 replaced, 0 re-embedded, 0 unchanged, 3 failed/);
});
