import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { redactCorrection } from '../../triage/redaction/correction.js';

describe('a correction of personal data, as the office group reads it', () => {
  it('hides the names a correction gives without the usual cues (they had reached the group under "personal details hidden")', () => {
    const note = redactCorrection('my name is spelled wrong, it is Mary-Anne Lee not Mary Lee, and I moved to Houhai');
    for (const leaked of ['Mary', 'Lee', 'Houhai']) assert.doesNotMatch(note, new RegExp(leaked));
    assert.equal(redactCorrection('名字写错了，是王晓红不是王小红'), '名字写错了，是[NAME]不是[NAME]');
  });

  it('keeps a correction of the facts and the words that open a sentence', () => {
    assert.equal(redactCorrection('我的电话写错了，正确的是13987654321，另外电梯是坏了四次不是三次'), '我的电话写错了，正确的是[PHONE]，另外电梯是坏了四次不是三次');
    assert.equal(redactCorrection('The lift broke four times, not three. I reported it in March.'), 'The lift broke four times, not three. I reported it in [NAME].');
  });
});
