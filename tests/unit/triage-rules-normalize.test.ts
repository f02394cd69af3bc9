import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { ValidationError } from '../../app/errors.js';
import { MAX_TRIAGE_CHARS, normalize } from '../../triage/normalize.js';

describe('normalize', () => {
  it('folds full-width characters and collapses whitespace', () => {
    const n = normalize('  我家　电话是１３８，\n\n\t楼号Ａ３栋  ');
    assert.equal(n.original, '我家 电话是138, 楼号A3栋');
    assert.equal(n.normalized, '我家 电话是138, 楼号a3栋');
    assert.equal(n.language, 'zh-Hans');
  });

  it('converts 繁體 (Hong Kong and Taiwan variants) to 简体 for matching and keeps the original', () => {
    const hk = normalize('衞生局門口有人拿著刀');
    assert.equal(hk.normalized, '卫生局门口有人拿着刀');
    assert.equal(hk.original, '衞生局門口有人拿著刀');
    assert.equal(hk.language, 'zh-Hant');
    assert.equal(normalize('臺灣的軟體').normalized, '台湾的软体');
  });

  it('detects English and lower-cases it, but not a Chinese sentence with one English word', () => {
    const en = normalize('My NEIGHBOUR plays LOUD music');
    assert.equal(en.language, 'en');
    assert.equal(en.normalized, 'my neighbour plays loud music');
    assert.equal(normalize('我的iPhone被偷了').language, 'zh-Hans');
  });

  it('strips control and zero-width characters that could hide a word from the rules', () => {
    const n = normalize('自\u200b杀\u0000\u0007\u202e\ufeff想法');
    assert.equal(n.normalized, '自杀想法');
  });

  it('keeps emoji and survives lone surrogates and binary junk', () => {
    const n = normalize('救命😭\uD800\uFFFD\u0001');
    assert.equal(n.original, '救命😭');
  });

  it('handles empty and whitespace-only input', () => {
    assert.deepEqual(normalize(''), { original: '', normalized: '', language: 'zh-Hans', truncated: false });
    assert.equal(normalize(' \n\u200b ').normalized, '');
  });

  it('caps huge input at MAX_TRIAGE_CHARS code points and says so', () => {
    const n = normalize('噪音'.repeat(100_000));
    assert.equal(Array.from(n.original).length, MAX_TRIAGE_CHARS);
    assert.equal(n.truncated, true);
    const emoji = normalize('😀'.repeat(MAX_TRIAGE_CHARS + 10));
    assert.equal(Array.from(emoji.original).length, MAX_TRIAGE_CHARS);
    assert.ok(!/[\uD800-\uDBFF]$/.test(emoji.original), 'no half surrogate pair at the cut');
  });

  it('rejects a non-string with a clear error', () => {
    assert.throws(() => normalize(42 as unknown as string), ValidationError);
    assert.throws(() => normalize(null as unknown as string), /expects a string/);
  });
});

describe('normalize: written Cantonese', () => {
  it('is zh-Hant even when no character changes under 繁→简', () => {
    assert.equal(normalize('我哋屋企冇人').language, 'zh-Hant');
    assert.equal(normalize('我们家没有人').language, 'zh-Hans');
  });
});
