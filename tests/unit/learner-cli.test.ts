import assert from 'node:assert/strict';
import { describe, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { runCrossValidationCli } from '../../triage/learner/cvCli.js';
import { crossValidate, type LabelledText } from '../../triage/learner/index.js';

async function capture(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  const err = console.error;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  console.error = () => {};
  try {
    await fn();
  } finally {
    console.log = log;
    console.error = err;
  }
  return lines.join('\n').split('\n');
}

const ROWS = [
  ['路灯坏了没人修', 'city'],
  ['路面塌陷很危险', 'city'],
  ['道路施工噪音大', 'city'],
  ['马路井盖丢了', 'city'],
  ['公司拖欠工资', 'labour'],
  ['老板不发工资', 'labour'],
  ['不给买社保', 'labour'],
  ['加班费被克扣，工资少发', 'labour'],
];

describe('learner cross-validation CLI', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'learner-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string): string => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  it('prints a per-class table, a confusion matrix and the exact last line for CSV (with quoted newlines)', async () => {
    const csv = file('ok.csv', 'msg,cat\n' + ROWS.map(([t, l]) => `"标题\n${t}",${l}`).join('\n') + '\n');
    const out = await capture(() => runCrossValidationCli(['--cv', '2', '--csv', csv, '--text-column', 'msg', '--label-column', 'cat', '--lambda', '0.001']));
    assert.match(out.join('\n'), /class\s+precision\s+recall\s+f1\s+support/);
    assert.match(out.join('\n'), /labour\s+\d\.\d{4}\s+\d\.\d{4}\s+\d\.\d{4}\s+4/);
    assert.match(out.join('\n'), /confusion matrix/);
    assert.match(out.at(-1)!, /^macro_f1=\d\.\d{4} accuracy=\d\.\d{4}$/);
  });

  it('reads JSONL with arbitrary labels', async () => {
    const jsonl = file('ok.jsonl', ROWS.map(([t, l]) => JSON.stringify({ body: t, tag: `T-${l}` })).join('\n'));
    const out = await capture(() => runCrossValidationCli(['--cv', '2', '--jsonl', jsonl, '--text-column', 'body', '--label-column', 'tag', '--lambda', '0.001']));
    assert.match(out.join('\n'), /T-city/);
    assert.match(out.at(-1)!, /^macro_f1=\d\.\d{4} accuracy=\d\.\d{4}$/);
  });

  it('uses an unlabelled corpus for IDF when given one, and reports a missing unlabelled column', async () => {
    const csv = file('ok2.csv', 'text,label\n' + ROWS.map(([t, l]) => `${t},${l}`).join('\n') + '\n');
    const unl = file('unl.csv', 'body\n路灯不亮\n工资拖欠\n学校收费\n');
    const out = await capture(() => runCrossValidationCli(['--cv', '2', '--csv', csv, '--unlabelled', unl, '--unlabelled-column', 'body', '--lambda', '0.001']));
    assert.match(out.at(-1)!, /^macro_f1=\d\.\d{4} accuracy=\d\.\d{4}$/);
    await assert.rejects(runCrossValidationCli(['--cv', '2', '--csv', csv, '--unlabelled', unl]), /unl\.csv: no column "text"/);
  });

  it('fails with a clear message on a missing file, a missing column, an empty file, bad JSONL and too-small classes', async () => {
    const missing = path.join(dir, 'nope.csv');
    await assert.rejects(runCrossValidationCli(['--cv', '2', '--csv', missing]), new RegExp(`file not found: ${missing.replace(/[.\\/]/g, '\\$&')}`));
    const csv = file('cols.csv', 'text,label\na,b\n');
    await assert.rejects(runCrossValidationCli(['--cv', '2', '--csv', csv, '--label-column', 'category']), /no column "category" \(columns: text, label\)/);
    await assert.rejects(runCrossValidationCli(['--cv', '2', '--csv', file('empty.csv', '')]), /is empty/);
    await assert.rejects(runCrossValidationCli(['--cv', '2', '--csv', file('header.csv', 'text,label\n')]), /no data rows/);
    await assert.rejects(runCrossValidationCli(['--cv', '2', '--jsonl', file('bad.jsonl', '{"text":"a","label":"b"}\n{oops\n')]), /bad\.jsonl:2: not valid JSON/);
    const small = file('small.csv', 'text,label\n' + ROWS.map(([t, l]) => `${t},${l}`).join('\n') + '\n垃圾没人清理,environment\n');
    await assert.rejects(runCrossValidationCli(['--cv', '3', '--csv', small]), /class "environment" has 1 example \(need at least 3 each\)/);
    await assert.rejects(runCrossValidationCli(['--cv', '1', '--csv', small]), /--cv must be an integer ≥ 2/);
    await assert.rejects(runCrossValidationCli(['--cv', '2']), /exactly one of --csv or --jsonl/);
    await assert.rejects(runCrossValidationCli(['--cv', '2', '--csv', small, '--bogus', 'x']), /unknown option --bogus/);
  });

  it('beats chance by a wide margin on a stratified subsample of the teddy2020 set (2-fold CV)', () => {
    const csvPath = path.resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'teddy2020', 'teddy2020_c_fujian2_sample495_labelled.csv');
    assert.ok(existsSync(csvPath), `evaluation data missing at ${csvPath}`);
    const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true, bom: true }) as { text: string; label: string }[];
    const perClass = new Map<string, LabelledText[]>();
    for (const r of rows) {
      const list = perClass.get(r.label) ?? [];
      // The first 12 of each class, cut to 300 characters: deterministic and fast.
      if (list.length < 12) list.push({ text: r.text.slice(0, 300), label: r.label });
      perClass.set(r.label, list);
    }
    const sample = [...perClass.values()].flat();
    const r = crossValidate(sample, 2, { seed: 1, lambda: 3e-4 });
    // 7 classes: chance macro-F1 is about 0.14.
    assert.ok(r.macroF1 > 0.5, `macro-F1 ${r.macroF1}`);
  });
});
