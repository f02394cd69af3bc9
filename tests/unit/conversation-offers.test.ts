import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { loadDirectory, residentName } from '../../directory/directory.js';

describe('organization names a resident reads', () => {
  it('sample organizations are shown without their （示例） / (Sample) mark; real ones unchanged', () => {
    const dir = loadDirectory(resourcePath('directory.yaml'));
    for (const o of dir.organizations) {
      for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) assert.doesNotMatch(residentName(o, lang), /示例|sample/i, o.id);
    }
    const legal = dir.organization('nanshan-legal-aid')!;
    assert.equal(residentName(legal, 'zh-Hans'), legal.names['zh-Hans']);
    assert.equal(residentName(dir.organization('sample-changqing-elderly')!, 'en'), 'Changqing Elderly Service Centre');
  });
});
