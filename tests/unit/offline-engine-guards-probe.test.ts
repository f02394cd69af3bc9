import assert from 'node:assert/strict';
import { beforeAll, describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { loadDirectory } from '../../directory/directory.js';
import { createOfflineEngine, loadOfflineModel } from '../../triage/offlineEngine.js';
import { triage } from '../../triage/pipeline.js';
import type { DecisionEngine } from '../../triage/types.js';

let engine: DecisionEngine;
beforeAll(() => {
  engine = createOfflineEngine({ model: loadOfflineModel(resourcePath('model', 'triage-model.json')), directory: loadDirectory(resourcePath('directory.yaml')) });
});

const routed = async (text: string) => {
  const d = await triage(text, { engine });
  return { d, why: `${text}: ${d.category}/${d.target} ${d.reasons.join(' ')}` };
};

// Our own wording of what the Cantonese and 简体 blind probes (2026-12-07, tenth session) found.
describe('offline engine guards: what decides the department whatever else is said', () => {
  it('gambling is for the police even when the noise is what hurts', async () => {
    for (const text of ['楼下棋牌室天天有人赌钱 吵到凌晨三点', 'people gamble for money in the shop under our flat every night, so loud']) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'petition', why);
      assert.equal(d.target, 'public_security', why);
    }
  });

  it('hawkers at a metro exit are urban management, with the station as the second matter', async () => {
    const { d, why } = await routed('地铁站C出口成日有小贩摆摊 阻住晒啲人行');
    assert.equal(d.target, 'urban_management', why);
    // A bus matter at the same station stays with transport.
    const bus = await routed('地铁站出口的公交站班次太少 等半个钟都冇车');
    assert.equal(bus.d.target, 'transport', bus.why);
  });

  it('wages owed and a broken lift the management stalls on are public matters, whatever help is asked for', async () => {
    for (const [text, target] of [
      ['装修公司老板拖咗我哋三个月人工 我哋几个师傅想揾人帮手', 'human_resources'],
      ['我哋幢楼部电梯坏咗两个礼拜 物业话等零件 我老豆行唔到楼梯 点算好', 'housing'],
    ] as const) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'petition', why);
      assert.equal(d.target, target, why);
    }
  });

  it('a teacher who hits pupils\' palms with a ruler is the education bureau\'s, told through a child', async () => {
    const { d, why } = await routed('我个女话班主任成日用间尺打手板 我好担心');
    assert.equal(d.target, 'education', why);
  });

  it('frustration with no matter is unclear, and a question about the office\'s deadline an inquiry', async () => {
    assert.equal((await routed('又係咁 根本冇人理')).d.category, 'unclear');
    const q = await routed('交咗投诉信之后 几耐会有回复 有冇时限');
    assert.equal(q.d.category, 'inquiry', q.why);
  });
});
