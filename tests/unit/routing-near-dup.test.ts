import { existsSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { jaccard, NearDupIndex, nearDupGroups, shingles } from '../../triage/routing/nearDup.js';
import { loadRealLetters, parseCsvRecords, SHANGHAI_LETTERS, TEDDY_TEST } from '../../triage/routing/sources.js';

describe('near-duplicate detection', () => {
  it('char-3-gram Jaccard ignores punctuation and spacing', () => {
    expect(jaccard(shingles('小区门口垃圾堆积，无人清理'), shingles('小区门口 垃圾堆积 无人清理！'))).toBe(1);
    expect(jaccard(shingles('小区门口垃圾堆积无人清理'), shingles('学校附近道路施工噪音扰民'))).toBe(0);
  });

  it('the index finds near-identical texts and groups chains of them', () => {
    const base = '某小区业主反映电梯长期故障物业拖延不修希望有关部门督促尽快维修';
    const idx = new NearDupIndex([base, '今天下雨了路上积水很深']);
    expect(idx.matches(`${base}谢谢`)).toEqual([0]);
    expect(idx.matches('学校门口交通拥堵')).toEqual([]);
    expect(nearDupGroups([base, `${base}谢谢`, '完全不同的一件事情关于学校'])).toEqual([0, 0, 2]);
  });
});

const shared = existsSync(TEDDY_TEST) && existsSync(SHANGHAI_LETTERS);

describe.skipIf(!shared)('the routing test set is never trained on', () => {
  it('a protected text and its near-duplicates are dropped from the training letters', () => {
    const first = JSON.parse(readFileSync(SHANGHAI_LETTERS, 'utf8').split('\n')[0]!) as { id: string; text: string };
    const set = loadRealLetters([`${first.text}。`])!;
    expect(set.letters.some((l) => l.id === first.id)).toBe(false);
    expect(set.sources.find((s) => s.path.endsWith('letters.jsonl'))!.excludedNearTest).toBeGreaterThanOrEqual(1);
  });

  it('no training letter is identical or near-identical to a Teddy 495 message', () => {
    const set = loadRealLetters()!;
    const test = parseCsvRecords(readFileSync(TEDDY_TEST), TEDDY_TEST).map((r) => r.text ?? '');
    const index = new NearDupIndex(test);
    const leaks = set.letters.filter((l) => index.matches(l.text).length > 0);
    expect(leaks.length).toBe(0);
    // The unlabelled dump holds verbatim copies of test messages: they must have been seen and dropped.
    expect(set.sources.find((s) => s.path.includes('fujian3'))!.excludedNearTest).toBeGreaterThanOrEqual(38);
    for (const s of set.sources) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);
});
