import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { routed } from '../helpers/triageProbe.js';

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

  it('an application an authority stalls on or refuses is a petition, whatever the applicant\'s situation', async () => {
    for (const text of [
      '我阿爸系残疾人，申请轮椅补贴两个月都冇回复',
      'applied for my mum\'s elderly allowance in March, still no answer and nobody picks up the phone',
      '我妈的低保申请被驳回了，理由是我有车，可是我们根本不住一起',
    ]) {
      const { d, why } = await routed(text);
      assert.equal(d.category, 'petition', why);
    }
  });

  it('a teacher who names and scolds pupils in the parents\' group, or makes them stand outside, is education\'s', async () => {
    for (const text of ['班主任喺家长群点名骂成绩差嘅学生，仲叫我哋买佢推荐嘅教材', 'the teacher makes kids who are late stand outside the classroom all morning']) {
      const { d, why } = await routed(text);
      assert.equal(d.target, 'education', why);
    }
  });

  it('asking where an office or a committee is, is an inquiry; a need for a service is not', async () => {
    assert.equal((await routed('请问我们街道的人民调解委员会在哪里？')).d.category, 'inquiry');
    assert.equal((await routed('有没有机构可以上门照顾我妈')).d.category, 'out_of_scope');
  });
});

describe('penalties, fines and arbitration said the way residents say them', () => {
  it('a fine thought too heavy is the legal channel; paying it in instalments is a question; labour arbitration asked about is the legal channel', async () => {
    assert.equal((await routed('城管罚了我三千块，我觉得罚得太重了，能不能减？')).d.category, 'legal_channel');
    assert.equal((await routed('罚款五千我一次拿不出来，可以分期交吗？')).d.category, 'inquiry');
    const arb = await routed('can I apply for labour arbitration myself? my boss owes me two months');
    assert.equal(arb.d.category === 'legal_channel' || arb.d.target === 'human_resources', true, arb.why);
  });

  it('despair beside a matter the routing is sure of keeps the matter', async () => {
    const { d, why } = await routed('公司三个月没发工资 房东要赶我走 我真的撑不下去了');
    assert.equal(d.category, 'petition', why);
    assert.equal(d.target, 'human_resources', why);
    assert.ok(d.crisis, 'the distress is still read');
  });
});

