import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { resourcePath } from '../../app/config.js';
import { readExampleFile } from '../../triage/cli/exampleFile.js';
import { CATEGORIES, DEPARTMENT_CODES, SERVICE_CODES } from '../../triage/taxonomy.js';

const examples = readExampleFile(resourcePath('training', 'examples.jsonl'));

describe('bundled training set (resources/training/examples.jsonl)', () => {
  it('has at least 40 examples of every category', () => {
    for (const c of CATEGORIES) {
      const n = examples.filter((e) => e.category === c).length;
      assert.ok(n >= 40, `${c}: ${n} examples, need 40`);
    }
  });

  it('has at least 15 examples of every department (petition), service (信访外) and legal_aid (legal channel)', () => {
    for (const d of DEPARTMENT_CODES) {
      const n = examples.filter((e) => e.category === 'petition' && e.targets.includes(d)).length;
      assert.ok(n >= 15, `${d}: ${n} petition examples, need 15`);
    }
    for (const s of SERVICE_CODES) {
      const cat = s === 'legal_aid' ? 'legal_channel' : 'out_of_scope';
      const n = examples.filter((e) => e.category === cat && e.targets.includes(s)).length;
      assert.ok(n >= 15, `${s}: ${n} ${cat} examples, need 15`);
    }
  });

  it('mixes the three languages (about 10% 繁體 and 15% English) and has no duplicate texts', () => {
    const en = examples.filter((e) => !/\p{Script=Han}/u.test(e.text)).length / examples.length;
    // Characters that exist only in traditional script mark a 繁體 line.
    const hant = examples.filter((e) => /[們這個說裡沒過會還時為對來麼與從種開問題應該區業務條經]/.test(e.text)).length / examples.length;
    assert.ok(en >= 0.1 && en <= 0.25, `English share ${en.toFixed(2)}`);
    assert.ok(hant >= 0.06, `繁體 share ${hant.toFixed(2)}`);
    assert.equal(new Set(examples.map((e) => e.text)).size, examples.length);
  });

  it('does not contain lines of the held-out development set', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const dev = path.resolve(resourcePath(), '..', '..', 'shared', 'eval', 'dev.jsonl');
    const devTexts = new Set(readFileSync(dev, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    const leaked = examples.filter((e) => devTexts.has(e.text));
    assert.deepEqual(leaked.map((e) => e.id), []);
  });
});
