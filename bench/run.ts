import os from 'node:os';
import type { BenchModule, Report } from './types.js';

/**
 * `npm run bench [-- name…]`: runs every bench module (or the named ones) and prints one figure a
 * line as `name: value unit`, after a header that names the machine the figures come from.
 */
const MODULES: Record<string, () => Promise<{ bench: BenchModule }>> = {
  workers: () => import('./workers.js'),
  triage: () => import('./triage.js'),
  retrieval: () => import('./retrieval.js'),
  bot: () => import('./bot.js'),
  console: () => import('./console.js'),
  learner: () => import('../triage/learner/bench.js'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(MODULES);
const unknown = names.filter((n) => !MODULES[n]);
if (unknown.length) {
  console.error(`Unknown bench module(s): ${unknown.join(', ')}. Available: ${Object.keys(MODULES).join(', ')}`);
  process.exit(2);
}

const cpus = os.cpus();
console.log(`# machine: ${cpus.length} cores, ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`);
console.log(`# date: ${new Date().toISOString()}`);

const report: Report = (name, value, unit) => {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  console.log(`${name}: ${shown} ${unit}`);
};

let failed = false;
for (const name of names) {
  const started = Date.now();
  console.log(`# ${name}`);
  try {
    const mod = await MODULES[name]!();
    await mod.bench.run(report);
  } catch (err) {
    failed = true;
    console.error(`# ${name} failed: ${(err as Error).stack ?? err}`);
  }
  console.log(`# ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exit(failed ? 1 : 0);
