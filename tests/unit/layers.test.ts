import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';

/** The layer rule (.dependency-cruiser.cjs) run the way `npm run lint:deps` runs it, on a fixture tree. */
function cruise(tree: string): { status: number | null; output: string } {
  const r = spawnSync(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'depcruise'),
    ['--config', path.join(PROJECT_ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err', '.'],
    { cwd: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'layers', tree), encoding: 'utf8', timeout: 60_000 },
  );
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the layer rule', () => {
  it('passes a tree whose imports all point down', () => {
    const r = cruise('right');
    expect(r.output).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });

  it('fails a tree with wrong-way imports, naming each one and the rule it breaks', () => {
    const r = cruise('wrong');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('kernel-imports-nothing: kernel/clock.ts → db/pool.ts');
    expect(r.output).toContain('conversation-channel-free: conversation/resident.ts → bot/handlers.ts');
    expect(r.output).toContain('app-only-from-entry-points: bot/handlers.ts → app/main.ts');
  });
});
