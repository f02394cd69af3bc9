/**
 * npm run eval:redaction — how much personal data the redaction hides on real letters.
 *
 * Real letters (../shared/eval/shanghai2023/letters.jsonl and Teddy fujian3, read by path, never copied)
 * are split once into a tuning part A and a reporting part B; each letter becomes three documents (简体;
 * 繁體 with Cantonese phrasing; English) with fake personal data of every kind inserted at known offsets
 * (triage/redaction/corpus.ts). Prints span recall and precision overall, per kind, per language and per
 * shape, false redactions on the letters as they are, and the time per letter. See docs/redaction.md.
 *
 * Options: --part A|B (default B, the part not tuned on), --letters N (default 400), --seed N,
 * --show (part A only: list misses and false redactions with a short excerpt, for tuning).
 */
import { parseArgs } from 'node:util';
import { readLetters } from '../crisis/data.js';
import { buildCorpus, splitLetters } from '../redaction/corpus.js';
import { evaluate, precision, recall, type Tally } from '../redaction/evaluate.js';

export const TARGET_RECALL = 0.98;
export const TARGET_PRECISION = 0.95;

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'B' },
    letters: { type: 'string', default: '400' },
    seed: { type: 'string' },
    show: { type: 'boolean', default: false },
  },
});

const part = values.part === 'A' ? 'A' : values.part === 'B' ? 'B' : null;
if (!part) {
  console.error('usage: npm run eval:redaction -- [--part A|B] [--letters N] [--seed N] [--show]');
  process.exit(2);
}
const n = Number(values.letters);
if (!Number.isInteger(n) || n < 1) {
  console.error(`--letters must be a positive integer, got ${values.letters}`);
  process.exit(2);
}
const seed = values.seed ? Number(values.seed) : part === 'A' ? 1 : 2;

let pool;
try {
  pool = readLetters('train').filter((l) => l.source === 'shanghai2023' || l.source === 'fujian3');
} catch (err) {
  console.error(`cannot read the letters in ../shared/eval: ${(err as Error).message}`);
  process.exit(1);
}
const letters = splitLetters(pool, part, n);
const docs = buildCorpus(letters, seed);
const report = evaluate(docs, letters.map((l) => l.text));

const f = (x: number) => x.toFixed(3);
const line = (label: string, t: Tally, extraWrong = 0) =>
  console.log(
    `  ${label.padEnd(22)} recall ${t.gold ? f(recall(t)) : '  -  '} (${t.hidden}/${t.gold})   precision ${t.redacted ? f(precision(t, extraWrong)) : '  -  '} (${t.right} right, ${t.wrong + extraWrong} wrong, ${t.preexisting} letter's own)`,
  );

console.log(`redaction on ${letters.length} real letters (part ${part}, seed ${seed}): ${docs.length} documents, ${report.overall.gold} inserted values`);
console.log('overall');
line('inserted corpus', report.overall);
line('+ original letters', report.overall, report.originals.wrong);
console.log('per kind (recall by inserted kind; precision by redacted kind)');
for (const [k, t] of [...report.byKind].sort()) line(k, t);
console.log('per language');
for (const [k, t] of [...report.byLanguage].sort()) line(k, t);
console.log('per shape (recall)');
for (const [k, t] of [...report.byShape].sort()) console.log(`  ${k.padEnd(22)} ${f(recall(t))} (${t.hidden}/${t.gold})`);
const o = report.originals;
console.log(
  `original letters, nothing inserted: ${o.redacted} redactions in ${o.letters} letters — ${o.preexisting} over the letters' own personal data, ${o.wrong} false (${((100 * o.wrong) / o.letters).toFixed(1)} per 100 letters)`,
);
console.log(`time: ${(report.millis / report.redactions).toFixed(3)} ms per document (${report.redactions} documents)`);

const r = recall(report.overall);
const p = precision(report.overall, report.originals.wrong);
console.log(`\nrecall ${f(r)} (target ≥ ${TARGET_RECALL}), precision ${f(p)} (target ≥ ${TARGET_PRECISION}): ${r >= TARGET_RECALL && p >= TARGET_PRECISION ? 'met' : 'NOT met'}`);

if (values.show) {
  if (part !== 'A') console.log('\n--show lists excerpts on part A only (the tuning part).');
  else {
    console.log('\nmisses');
    for (const m of report.misses.slice(0, 80)) console.log(`  ${m.shape.padEnd(20)} ${m.context}`);
    console.log('false redactions');
    for (const x of report.falses.slice(0, 80)) console.log(`  ${x.kind.padEnd(10)} ${x.context}`);
  }
}
