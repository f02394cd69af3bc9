/**
 * npm run ingest -- <dir or file>…
 *
 * Ingests .md/.txt policy documents (directories recursively) into the configured database
 * (DATABASE_URL, or the embedded PGlite under DATA_DIR). Unchanged documents are skipped, changed
 * ones replaced, documents embedded with another model re-embedded. A problem with one file is
 * reported and the rest continue; the exit code is 1 when nothing could be ingested.
 */
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../../app/config.js';
import { openDatabase } from '../../db/pool.js';
import { createEmbedder } from '../embedder.js';
import { ingestPaths, type IngestSummary } from '../ingest.js';

export function formatSummary(s: IngestSummary): string {
  return (
    `documents: ${s.added} added, ${s.replaced} replaced, ${s.reembedded} re-embedded, ${s.unchanged} unchanged, ${s.failed} failed; ` +
    `chunks: ${s.chunks}; ${s.seconds.toFixed(1)} s`
  );
}

async function main(argv: string[]): Promise<number> {
  const inputs = argv.filter((a) => a !== '--');
  if (!inputs.length || inputs.includes('--help') || inputs.includes('-h')) {
    console.error('Usage: npm run ingest -- <directory or .md/.txt file>…');
    return inputs.length ? 0 : 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    return 2;
  }
  const embedder = createEmbedder(config);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, pgliteport: config.PGLITE_PORT, poolMax: 2 });
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  try {
    const summary = await ingestPaths(db.pool, embedder, inputs, {
      onStart: (total) => bar?.start(total, 0, { file: '' }),
      onFile: (file) => bar?.increment({ file }),
    });
    bar?.stop();
    for (const p of summary.problems) console.error(`${p.path}: ${p.message}`);
    console.log(formatSummary(summary));
    const ok = summary.added + summary.replaced + summary.reembedded + summary.unchanged;
    return ok > 0 ? 0 : 1;
  } finally {
    bar?.stop();
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ingest failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
