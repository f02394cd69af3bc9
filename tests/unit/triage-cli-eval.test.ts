import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { lastLine, scoreLine, summarize } from '../../triage/cli/eval.js';
import type { ExampleLine } from '../../triage/cli/exampleFile.js';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const env = { ...process.env, OPENAI_API_KEY: '', LOG_LEVEL: 'silent' };
const LAST = /^category_accuracy=(\d\.\d{4}) target_accuracy=(\d\.\d{4}) emergency_recall=(\d\.\d{4}) emergency_false_alarms=(\d+)$/;

describe('eval scoring', () => {
  const line = (l: Partial<ExampleLine>): ExampleLine => ({ id: 'x', text: 't', category: 'petition', targets: [], ...l });

  it('scores targets against the list and `also` pairs', () => {
    const l = line({ targets: ['water', 'housing'], also: [{ category: 'out_of_scope', targets: ['assistance'] }] });
    assert.equal(scoreLine(l, { category: 'petition', target: 'housing' }).targetCorrect, true);
    assert.equal(scoreLine(l, { category: 'petition', target: 'health' }).targetCorrect, false);
    assert.equal(scoreLine(l, { category: 'out_of_scope', target: 'assistance' }).targetCorrect, true);
    assert.equal(scoreLine(l, { category: 'out_of_scope', target: 'family' }).categoryCorrect, true);
    assert.equal(scoreLine(l, { category: 'out_of_scope', target: 'family' }).targetCorrect, false);
    assert.equal(scoreLine(l, { category: 'inquiry', target: null }).categoryCorrect, false);
    assert.equal(scoreLine(line({ category: 'legal_channel' }), { category: 'legal_channel', target: 'legal_aid' }).targetScored, false);
  });

  it('summarises recall and false alarms and formats the last line', () => {
    const lines = [line({ category: 'emergency' }), line({ category: 'emergency' }), line({ category: 'unclear' }), line({ targets: ['water'] })];
    const preds = [
      { category: 'emergency', target: null },
      { category: 'petition', target: 'water' },
      { category: 'emergency', target: null },
      { category: 'petition', target: 'water' },
    ] as const;
    const s = summarize(lines, lines.map((l, i) => scoreLine(l, preds[i]!)));
    assert.equal(lastLine(s), 'category_accuracy=0.5000 target_accuracy=1.0000 emergency_recall=0.5000 emergency_false_alarms=1');
  });
});

describe('npm run eval (CLI)', () => {
  it('prints a confusion matrix, per-class figures and the fixed last line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-cli-'));
    const file = path.join(dir, 'mini.jsonl');
    const rows = [
      { id: 'e1', text: '楼道里的电动车着火了,浓烟很大,有人被困', category: 'emergency', targets: [] },
      { id: 'p1', text: '公司已经三个月没发工资了,老板也找不到人', category: 'petition', targets: ['human_resources'] },
      { id: 'o1', text: '老公天天打游戏不管家,我们一说话就吵架,想找婚姻咨询', category: 'out_of_scope', targets: ['family'] },
      { id: 'u1', text: '在吗', category: 'unclear', targets: [] },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = spawnSync(TSX, ['triage/cli/eval.ts', file, '--offline'], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.trim().split('\n');
    assert.match(r.stdout, /confusion matrix/);
    assert.match(r.stdout, /precision\s+recall/);
    const m = LAST.exec(out.at(-1)!);
    assert.ok(m, `last line: ${out.at(-1)}`);
    assert.equal(m[1], '1.0000');
    assert.equal(m[3], '1.0000');
    assert.equal(m[4], '0');
  });

  it('reports a bad eval line with file:line and exit code 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-cli-'));
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id":"1","text":"x","category":"nope","targets":[]}\n');
    const r = spawnSync(TSX, ['triage/cli/eval.ts', file, '--offline'], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.jsonl:1: category/);
  });

  it('--cv delegates to the learner cross-validation on any labelled file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-cv-'));
    const file = path.join(dir, 'labelled.jsonl');
    const rows = [
      ...['停水三天了', '水管爆了', '自来水发黄', '下水道反水', '水压太低', '水费太贵'].map((text) => ({ text, label: 'water' })),
      ...['物业乱收费', '电梯坏了', '业委会选举', '物业不作为', '维修基金', '物业服务差'].map((text) => ({ text, label: 'housing' })),
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = spawnSync(TSX, ['triage/cli/eval.ts', '--cv', '2', '--jsonl', file], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout.trim().split('\n').at(-1)!, /^macro_f1=\d\.\d{4} accuracy=\d\.\d{4}$/);
    const bad = spawnSync(TSX, ['triage/cli/eval.ts', '--cv', '2', '--jsonl', path.join(dir, 'missing.jsonl')], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /missing\.jsonl/);
  });
});
