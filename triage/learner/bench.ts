/**
 * Timing of the learner: training on the teddy2020 sample and predict latency on ~200-character
 * messages. A BenchModule (name "learner") for bench/run.ts, also runnable on its own:
 *   npx tsx triage/learner/bench.ts
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import type { BenchModule, Report } from '../../bench/types.js';
import { loadLabelled } from './data.js';
import { train, loadModel } from './model.js';

const TEDDY = path.resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'teddy2020', 'teddy2020_c_fujian2_sample495_labelled.csv');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export const bench: BenchModule = {
  name: 'learner',
  async run(report: Report): Promise<void> {
    const { examples } = loadLabelled(TEDDY, 'csv', 'text', 'label');
    let t = performance.now();
    const model = train(examples, { seed: 1 });
    report('learner.train_teddy495_auto', (performance.now() - t) / 1000, 's');
    t = performance.now();
    train(examples, { seed: 1, lambda: 1e-3, cnbWeight: 0 });
    report('learner.train_teddy495_fixed', (performance.now() - t) / 1000, 's');
    const json = JSON.stringify(model.toJSON());
    report('learner.model_size', json.length / 1024, 'KiB');
    t = performance.now();
    const loaded = loadModel(JSON.parse(json));
    report('learner.load', performance.now() - t, 'ms');
    // 200-character messages cut from the data (different texts so no cache effects).
    const msgs = examples.map((e) => e.text.replace(/\s+/g, ' ').slice(0, 200));
    for (const m of msgs.slice(0, 50)) loaded.predict(m);
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      for (const m of msgs) {
        const s = performance.now();
        loaded.predict(m);
        times.push(performance.now() - s);
      }
    }
    times.sort((a, b) => a - b);
    report('learner.predict_200ch_p50', percentile(times, 0.5), 'ms');
    report('learner.predict_200ch_p95', percentile(times, 0.95), 'ms');
    report('learner.predict_200ch_p99', percentile(times, 0.99), 'ms');
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bench.run((name, value, unit) => console.log(`${name}: ${value.toFixed(value < 10 ? 3 : 1)} ${unit}`));
}
