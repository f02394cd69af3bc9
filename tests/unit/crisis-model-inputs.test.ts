import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { CRISIS_MODEL, repoInputDigest } from '../../triage/crisis/data.js';
import { normalize } from '../../triage/normalize.js';

describe('the committed crisis model', () => {
  it('was trained on today\'s corpus, resident lines and text reading (else: npm run train:crisis)', () => {
    const meta = (JSON.parse(readFileSync(CRISIS_MODEL, 'utf8')) as { meta?: { repoInputs?: string } }).meta ?? {};
    assert.equal(
      meta.repoInputs,
      repoInputDigest((t) => normalize(t).normalized),
      'resources/crisis, resources/training or the text reading (normalize) changed since the crisis model was trained: run `npm run train:crisis` and `npm run eval:emergency`',
    );
  });

  it('the digest is stable, and moves when the reading of the lines changes', () => {
    const id = (t: string) => t;
    assert.equal(repoInputDigest(id), repoInputDigest(id));
    assert.notEqual(repoInputDigest(id), repoInputDigest((t) => t.toUpperCase()), 'a different reading of the same lines');
  });
});
