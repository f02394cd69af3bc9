import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { parseEvalRoutingArgs, readRoutingFile, RoutingFileError, UsageError } from '../../triage/cli/evalRouting.js';
import { formatRoutingReport, riskCoverage, scoreRouting, type RoutingCase } from '../../triage/routing/report.js';
import { PROJECT_ROOT } from '../../kernel/paths.js';

const dir = mkdtempSync(path.join(tmpdir(), 'eval-routing-'));
const file = (name: string, body: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, body);
  return p;
};

describe('eval:routing input', () => {
  it('reads JSONL with targets and an optional language; [] lines are unlabelled and skipped', () => {
    const f = file('ok.jsonl', [
      JSON.stringify({ id: 'a', text: '路灯坏了', targets: ['urban_management'], lang: 'zh-Hans' }),
      JSON.stringify({ id: 'b', text: 'no label', targets: [] }),
      '',
      JSON.stringify({ id: 'c', text: 'school place', targets: ['education'], language: 'en' }),
    ].join('\n'));
    const items = readRoutingFile(f);
    expect(items.map((i) => [i.id, i.group, i.lang])).toEqual([['a', 'urban_management', 'zh-Hans'], ['c', 'education', 'en']]);
  });

  it('reads full-decision lines (category + service targets) and scores them by category and target', () => {
    const f = file('full.jsonl', [
      JSON.stringify({ text: 'my landlord keeps the deposit', category: 'petition', targets: ['housing'], lang: 'en' }),
      JSON.stringify({ text: 'I cannot sleep and feel low', category: 'out_of_scope', targets: ['counselling'], lang: 'en' }),
      JSON.stringify({ text: 'how do I apply for 低保', category: 'inquiry', targets: [] }),
    ].join('\n'));
    const items = readRoutingFile(f);
    expect(items.map((i) => [i.group, i.category])).toEqual([['housing', undefined], ['(out_of_scope)', 'out_of_scope'], ['(inquiry)', 'inquiry']]);
    const d = (category: string, target: string | null) => ({ category, target, confidence: 0.9, needsReview: false, language: 'en', reasons: [] }) as unknown as RoutingCase['decision'];
    const scored = scoreRouting([
      { item: items[0]!, decision: d('petition', 'housing') },
      { item: items[1]!, decision: d('out_of_scope', 'mediation') },
      { item: items[2]!, decision: d('inquiry', null) },
    ]);
    expect(scored.map((s) => s.right)).toEqual([true, false, true]);
    expect(formatRoutingReport(scored)).toContain('petition lines only, per language:');
    expect(() => readRoutingFile(file('cat.jsonl', JSON.stringify({ text: 'x', category: 'gossip', targets: [] })))).toThrow(/cat\.jsonl:1: unknown category gossip/);
  });

  it('counts a decision named in a line\'s `also` as right (TAXONOMY.md), and names a bad `also` entry', () => {
    const f = file('also.jsonl', [
      JSON.stringify({ text: 'our flat burned down and we lost everything', category: 'out_of_scope', targets: ['assistance'], also: [{ category: 'petition', targets: ['civil_affairs'] }] }),
      JSON.stringify({ text: 'my teenage daughter will not talk to us', category: 'out_of_scope', targets: ['youth'], also: [{ category: 'out_of_scope', targets: ['family'] }] }),
    ].join('\n'));
    const items = readRoutingFile(f);
    const d = (category: string, target: string | null) => ({ category, target, confidence: 0.9, needsReview: false, language: 'en', reasons: [] }) as unknown as RoutingCase['decision'];
    const scored = scoreRouting([
      { item: items[0]!, decision: d('petition', 'civil_affairs') },
      { item: items[0]!, decision: d('petition', 'housing') },
      { item: items[1]!, decision: d('out_of_scope', 'family') },
      { item: items[1]!, decision: d('out_of_scope', 'counselling') },
    ]);
    expect(scored.map((s) => s.right)).toEqual([true, false, true, false]);
    expect(() => readRoutingFile(file('also-bad.jsonl', JSON.stringify({ text: 'x', category: 'inquiry', targets: [], also: [{ category: 'petition', targets: ['nowhere'] }] })))).toThrow(/also-bad\.jsonl:1: each "also" entry/);
  });

  it('maps a Teddy CSV label to its department codes', () => {
    const f = file('t.csv', 'id,text,label\n1,"学校收费",教育文体\n2,"工资拖欠",劳动和社会保障\n');
    const items = readRoutingFile(f);
    expect(items[0]!.targets).toEqual(['education']);
    expect(items[1]!.targets).toEqual(['human_resources', 'civil_affairs', 'health']);
  });

  it('names the file and line of a bad line', () => {
    expect(() => readRoutingFile(file('bad.jsonl', `${JSON.stringify({ text: 'x', targets: ['housing'] })}\n{oops\n`))).toThrow(/bad\.jsonl:2: not valid JSON/);
    expect(() => readRoutingFile(file('code.jsonl', JSON.stringify({ text: 'x', targets: ['nowhere'] })))).toThrow(/code\.jsonl:1: unknown department code\(s\) nowhere/);
    expect(() => readRoutingFile(file('shape.jsonl', JSON.stringify({ body: 'x' })))).toThrow(/shape\.jsonl:1: expected an object with "text"/);
    expect(() => readRoutingFile(file('label.csv', 'text,label\nx,天气\n'))).toThrow(/label\.csv:2: unknown label "天气"/);
    expect(() => readRoutingFile(path.join(dir, 'missing.jsonl'))).toThrow(RoutingFileError);
  });

  it('rejects bad arguments', () => {
    expect(() => parseEvalRoutingArgs([])).toThrow(UsageError);
    expect(() => parseEvalRoutingArgs(['--cv-shanghai', '1'])).toThrow(/integer ≥ 2/);
    expect(() => parseEvalRoutingArgs(['--bogus'])).toThrow(/unknown argument --bogus/);
    expect(parseEvalRoutingArgs(['--file', 'f.jsonl', '--errors'])).toEqual({ file: 'f.jsonl', errors: true });
  });
});

describe('eval:routing scoring and report', () => {
  const d = (category: string, target: string | null, confidence: number, needsReview = false) =>
    ({ category, target, confidence, needsReview, language: 'zh-Hans', reasons: [] }) as unknown as RoutingCase['decision'];
  const cases: RoutingCase[] = [
    { item: { id: '1', targets: ['housing'], group: '城乡建设' }, decision: d('petition', 'housing', 0.9) },
    { item: { id: '2', targets: ['housing'], group: '城乡建设' }, decision: d('out_of_scope', 'mediation', 0.8) },
    { item: { id: '3', targets: ['education'], group: '教育文体' }, decision: d('petition', 'education', 0.7) },
    { item: { id: '4', targets: ['education'], group: '教育文体' }, decision: d('petition', 'housing', 0.3, true) },
  ];

  it('counts a message right only when routed as a petition to one of its targets', () => {
    expect(scoreRouting(cases).map((s) => s.right)).toEqual([true, false, true, false]);
    expect(scoreRouting(cases)[1]!.predicted).toBe('(out_of_scope)');
  });

  it('prints accuracy, per-code precision/recall, confusion, risk–coverage and the last line', () => {
    const out = formatRoutingReport(scoreRouting(cases));
    expect(out).toContain('risk–coverage');
    expect(out).toMatch(/housing\s+precision 0\.5000 \(2\)\s+recall 0\.5000 \(2\)/);
    expect(out).toContain('needs review: 1 of 4; accuracy on the rest 0.6667');
    expect(out.trim().split('\n').at(-1)).toBe('routing_accuracy=0.5000 n=4 at_80pct=0.6667');
    expect(riskCoverage(scoreRouting(cases), [0.5])[0]).toEqual({ coverage: 0.5, n: 2, accuracy: 0.5 });
  });
});

describe('eval:routing as a command', () => {
  const run = (...args: string[]) =>
    spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['triage/cli/evalRouting.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });

  it('exits 1 with a one-line message on a missing file, 2 on bad usage', () => {
    const missing = run('--file', path.join(dir, 'nope.jsonl'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('error: cannot read');
    const usage = run('--what');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run eval:routing');
  }, 120_000);
});
