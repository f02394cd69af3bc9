import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { configSchema } from '../../app/config.js';
import { PROJECT_ROOT } from '../../kernel/paths.js';

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('documents every environment variable the configuration reads', () => {
    const missing = Object.keys(configSchema.shape).filter((name) => !readme.includes(`\`${name}\``));
    assert.deepEqual(missing, [], `add these to the README's configuration table: ${missing.join(', ')}`);
  });

  it('starts with the install-and-run and install-and-test commands that CI runs', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const ci = fs.readFileSync(path.join(PROJECT_ROOT, '.ci', 'run'), 'utf8');
    const testCommand = firstBlock.split('\n').find((l) => l.includes('npm test'))?.replace(/\s+#.*$/, '').trim();
    assert.ok(testCommand, 'the first code block has the test command');
    assert.ok(ci.includes(testCommand), `.ci/run runs exactly "${testCommand}"`);
  });
});
