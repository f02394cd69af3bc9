import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { ExampleFileError, parseExampleLines } from '../../triage/cli/exampleFile.js';
import { parseTrainArgs } from '../../triage/cli/train.js';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'train-cli-'));

const good = '{"id":"a1","text":"物业乱收费","category":"petition","targets":["housing"]}';

function expectLineError(text: string, line: number, pattern: RegExp): void {
  assert.throws(
    () => parseExampleLines(text, 'x.jsonl'),
    (e: unknown) => e instanceof ExampleFileError && e.line === line && e.message.startsWith(`x.jsonl:${line}: `) && pattern.test(e.message),
  );
}

describe('example file validation', () => {
  it('accepts valid lines, skips blank ones, keeps `also`', () => {
    const rows = parseExampleLines(
      `${good}\n\n{"id":"a2","text":"孩子交不起学费","category":"out_of_scope","targets":["assistance"],"also":[{"category":"petition","targets":["civil_affairs"]}]}\n`,
      'x.jsonl',
    );
    assert.equal(rows.length, 2);
    assert.equal(rows[1]!.also?.[0]?.category, 'petition');
  });

  it('names file:line and the problem for each kind of bad line', () => {
    expectLineError(`${good}\n{"id":"b","text":"x"`, 2, /not valid JSON/);
    expectLineError(`${good}\n{"id":"b","text":"x","category":"complaint","targets":[]}`, 2, /category/);
    expectLineError(`{"id":"b","text":"x","category":"petition","targets":["fire_brigade"]}`, 1, /targets/);
    expectLineError(`{"id":"b","text":"x","category":"petition","targets":["family"]}`, 1, /"family" is not allowed for category "petition"/);
    expectLineError(`{"id":"b","text":"   ","category":"unclear","targets":[]}`, 1, /text must not be empty/);
    expectLineError(`{"id":"b","text":42,"category":"unclear","targets":[]}`, 1, /text/);
    expectLineError(`${good}\n\n${good}`, 3, /duplicate id "a1" \(first on line 1\)/);
    expectLineError(`[1,2]`, 1, /expected object/);
  });

  it('parses train arguments', () => {
    const a = parseTrainArgs(['extra.jsonl', '--folds', '3', '--out', '/tmp/m.json'], '/default.json');
    // Every resources/training/*.jsonl, then the extra file.
    assert.ok(a.files.some((f) => f.endsWith('examples.jsonl')));
    assert.equal(a.files.at(-1), 'extra.jsonl');
    assert.equal(a.letters, true);
    assert.equal(a.folds, 3);
    assert.equal(a.out, '/tmp/m.json');
    assert.deepEqual(parseTrainArgs(['--only', 'x.jsonl'], '/d').files, ['x.jsonl']);
    assert.equal(parseTrainArgs(['--only', 'x.jsonl'], '/d').letters, false);
    assert.equal(parseTrainArgs(['--no-letters'], '/d').letters, false);
    assert.throws(() => parseTrainArgs(['--folds', '1'], '/d'), /--folds/);
    assert.throws(() => parseTrainArgs(['--bogus'], '/d'), /unknown option --bogus/);
  });
});

describe('npm run train (CLI)', () => {
  it('rejects a malformed example file with file:line and writes no model', () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, `${good}\n{"id":"a2","text":"隔壁装修太吵","category":"petition","targets":["noise_office"]}\n`);
    const out = path.join(dir, 'model.json');
    const r = spawnSync(TSX, ['triage/cli/train.ts', '--only', bad, '--out', out], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, OPENAI_API_KEY: '', LOG_LEVEL: 'silent' },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: targets`));
    assert.equal(r.stdout, '');
    assert.equal(existsSync(out), false);
  });
});
