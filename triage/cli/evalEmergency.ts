/**
 * npm run eval:emergency — how well the crisis layer (rules + cues + classifier) finds danger and how
 * rarely it alarms the office for nothing. Prints ids and figures only, never a message text (SOS-1K
 * and the letters are read by path and must not be printed or copied).
 *
 *  1. The crisis evaluation set (tests/fixtures/crisis-eval.jsonl; never trained on): recall of
 *     immediate danger per kind, per language and on explicit cases; concern found; false alarms on its
 *     hard negatives (level none).
 *  2. False alarms per 1,000 on all real letters in ../shared (shanghai2023, Teddy fujian3 + fujian4 +
 *     fujian2), on fujian2 (never trained on), and the k-fold rate stored by train:crisis.
 *  3. SOS-1K: share flagged at least concern, and immediate, per risk level (test rows and all rows).
 *  4. Time per message of the crisis layer on the letters.
 *
 * Options: --no-model (rules and cues only), --model <file>, --set <file>, --misses (list the ids missed).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { normalize } from '../normalize.js';
import { CRISIS_EVAL, isSosTest, readCrisisFile, readLetters, readSos1k } from '../crisis/data.js';
import { defaultCrisisModel, detectCrisis } from '../crisis/detect.js';
import { kindOf, loadCrisisModel } from '../crisis/model.js';
import type { CrisisOutcome } from '../crisis/types.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: CRISIS_EVAL },
    'no-model': { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    'skip-letters': { type: 'boolean', default: false },
    model: { type: 'string' },
  },
});

const model = values['no-model'] ? null : values.model ? loadCrisisModel(values.model) : defaultCrisisModel();
const detect = (text: string): CrisisOutcome => {
  const n = normalize(text);
  return detectCrisis(n.normalized, n.original, { model });
};
const pct = (a: number, b: number) => (b === 0 ? '   -  ' : (a / b).toFixed(3));
const row = (label: string, hit: number, n: number, extra = '') => console.log(`  ${label.padEnd(28)} ${pct(hit, n)}  (${hit}/${n})${extra}`);

function crisisSet(): void {
  if (!existsSync(values.set!)) {
    console.log(`crisis set: ${values.set} not found — skipped`);
    return;
  }
  const rows = readCrisisFile(values.set!, 'crisis evaluation set');
  const out = rows.map((r) => ({ r, o: detect(r.text) }));
  const imm = out.filter((x) => x.r.level === 'immediate');
  const isImm = (x: (typeof out)[number]) => x.o.level === 'immediate';
  console.log(`\ncrisis set ${values.set} — ${rows.length} messages; model ${model ? 'on' : 'off'}`);
  console.log('immediate danger: recall (found as immediate)');
  row('all', imm.filter(isImm).length, imm.length);
  const explicit = imm.filter((x) => x.r.explicit === true);
  row('explicit', explicit.filter(isImm).length, explicit.length);
  row('implicit', imm.filter((x) => !explicit.includes(x) && isImm(x)).length, imm.length - explicit.length);
  console.log(' per language');
  for (const lang of [...new Set(imm.map((x) => x.r.lang))].sort()) {
    const g = imm.filter((x) => x.r.lang === lang);
    row(lang, g.filter(isImm).length, g.length);
  }
  console.log(' per kind (as labelled)');
  for (const kind of [...new Set(imm.flatMap((x) => x.r.kinds))].sort()) {
    const g = imm.filter((x) => x.r.kinds.includes(kind));
    const kindRight = g.filter((x) => isImm(x) && x.o.kinds.includes(kindOf(kind) ?? ('' as never))).length;
    row(kind, g.filter(isImm).length, g.length, `  kind named: ${kindRight}`);
  }
  const con = out.filter((x) => x.r.level === 'concern');
  console.log('concern: found (at least concern) / exactly concern');
  row('concern', con.filter((x) => x.o.level !== 'none').length, con.length, `  exactly concern: ${con.filter((x) => x.o.level === 'concern').length}`);
  const neg = out.filter((x) => x.r.level === 'none');
  console.log('hard negatives (level none): false alarms');
  row('immediate (office alert)', neg.filter(isImm).length, neg.length);
  row('concern (normal note)', neg.filter((x) => x.o.level === 'concern').length, neg.length);
  if (values.misses) {
    console.log('missed immediate:', imm.filter((x) => !isImm(x)).map((x) => `${x.r.id}→${x.o.level}`).join(' ') || '-');
    console.log('concern missed:', con.filter((x) => x.o.level === 'none').map((x) => x.r.id).join(' ') || '-');
    console.log('false alarms:', neg.filter((x) => x.o.level !== 'none').map((x) => `${x.r.id}→${x.o.level}`).join(' ') || '-');
  }
}

function letters(): number[] {
  let all;
  try {
    all = readLetters('all');
  } catch (err) {
    console.log(`real letters: ${(err as Error).message} — skipped`);
    return [];
  }
  console.log(`\nreal letters in ../shared — false alarms per 1,000 (immediate = urgent office alert; concern = normal note)`);
  const times: number[] = [];
  const stat = new Map<string, { n: number; imm: number; con: number; ids: string[] }>();
  const add = (k: string, o: CrisisOutcome, id: string) => {
    const s = stat.get(k) ?? { n: 0, imm: 0, con: 0, ids: [] };
    s.n++;
    if (o.level === 'immediate') {
      s.imm++;
      s.ids.push(id);
    }
    if (o.level === 'concern') s.con++;
    stat.set(k, s);
  };
  for (const l of all) {
    const t = performance.now();
    const o = detect(l.text);
    times.push(performance.now() - t);
    add(l.source, o, l.id);
    add('all', o, l.id);
    if (l.source === 'fujian2') add('unseen by the model', o, l.id);
  }
  for (const [k, s] of stat) {
    console.log(`  ${k.padEnd(28)} immediate ${((1000 * s.imm) / s.n).toFixed(2).padStart(6)} ‰ (${s.imm}/${s.n})   concern ${((1000 * s.con) / s.n).toFixed(2).padStart(6)} ‰ (${s.con})`);
  }
  if (values.misses) console.log('  letters alarmed:', stat.get('all')?.ids.join(' '));
  // The model learned from every letter but fujian2: its honest rate on unseen letters is the k-fold one.
  const cv = (model?.meta as { crossValidation?: Record<string, unknown> } | undefined)?.crossValidation;
  if (cv) console.log(`  k-fold (letters never seen by the fold's model, at the shipped threshold ${cv.threshold}): ${cv.lettersPer1000} ‰ ${JSON.stringify(cv.lettersBySource)}`);
  return times;
}

function sos(): void {
  let posts;
  try {
    posts = readSos1k();
  } catch (err) {
    console.log(`SOS-1K: ${(err as Error).message} — skipped`);
    return;
  }
  console.log('\nSOS-1K (risk 0–10; ≥ 4 = a stated wish to die): share flagged ≥ concern / immediate');
  for (const [label, subset] of [['test rows (held out)', posts.filter((p) => isSosTest(p.id))], ['all rows', posts]] as const) {
    const res = subset.map((p) => ({ risk: p.risk, o: detect(p.text) }));
    console.log(` ${label}`);
    for (let risk = 0; risk <= 10; risk++) {
      const g = res.filter((x) => x.risk === risk);
      if (!g.length) continue;
      const any = g.filter((x) => x.o.level !== 'none').length;
      const imm = g.filter((x) => x.o.level === 'immediate').length;
      console.log(`  risk ${String(risk).padStart(2)}  n=${String(g.length).padStart(3)}  ≥concern ${pct(any, g.length)}  immediate ${pct(imm, g.length)}`);
    }
    const hi = res.filter((x) => x.risk >= 7);
    row('risk ≥ 7 at least concern', hi.filter((x) => x.o.level !== 'none').length, hi.length);
  }
}

crisisSet();
const times = values['skip-letters'] ? [] : letters();
sos();
if (times.length) {
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`\ncrisis layer time per letter (normalize + detect): p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
}
