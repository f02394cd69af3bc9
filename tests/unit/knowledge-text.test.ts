import assert from 'node:assert/strict';
import { describe, it, test } from 'vitest';
import { defaultWeights, fuse } from '../../knowledge/retriever.js';
import { conceptTags, matterOf, queryTerms, tokenize } from '../../knowledge/text.js';

test('tokenize drops question scaffolding and converts 繁體 to 简体', () => {
  const t = tokenize('對處理意見不服怎麼辦？');
  assert.ok(t.includes('处理意见') && t.includes('不服'), t.join(' '));
  assert.ok(!t.includes('怎么办') && !t.includes('？'));
});

test('plain words expand to legal terms at a lower weight, and time questions get the 期限 concept', () => {
  const q = queryTerms('被家暴了，保护令多久能下来');
  assert.equal(q.get('家庭暴力'), 0.5);
  assert.ok((q.get('⟨期限⟩') ?? 0) > 0);
  const en = queryTerms('my employer has not paid my wages');
  assert.ok(en.has('劳动报酬') && en.has('用人单位'));
});

test('reciprocal rank fusion sums weight/(60+rank) and rewards agreement', () => {
  const fused = fuse([
    { list: [{ chunkId: 1 }, { chunkId: 2 }], weight: 1 },
    { list: [{ chunkId: 2 }, { chunkId: 3 }], weight: 0.5 },
  ]);
  assert.deepEqual(fused.map((f) => f.chunkId), [2, 1, 3]);
  assert.ok(Math.abs(fused[0]!.score - (1 / 62 + 0.5 / 61)) < 1e-12);
  assert.ok(Math.abs(fused[2]!.score - 0.5 / 62) < 1e-12);
});

test('topN keeps the n best scores in order, ties broken by the smaller id', async () => {
  const { topN } = await import('../../knowledge/retriever.js');
  const scores = new Map<number, number>([[5, 1], [3, 2], [9, 2], [1, 0.5], [7, 3]]);
  assert.deepEqual(topN(scores, 3).map((x) => x.chunkId), [7, 3, 9]);
  assert.deepEqual(topN(scores, 10).map((x) => x.chunkId), [7, 3, 9, 5, 1]);
  assert.deepEqual(topN(new Map(), 3), []);
});

test('synonym groups expand both ways, abbreviations only to the full name', () => {
  assert.equal(queryTerms('上访的时候不能做哪些事情').get('不得'), 0.5);
  assert.equal(queryTerms('信访人不得有下列行为').get('禁止'), 0.5);
  assert.equal(queryTerms('写上名字和地址').get('姓名'), 0.5);
  // 仲裁委员会 is indexed in search mode as 仲裁 + 委员会: the expansion adds the missing part.
  assert.equal(queryTerms('仲裁委几天受理').get('委员会'), 0.5);
  assert.ok(!queryTerms('劳动争议仲裁委员会').has('仲裁委'));
});

test('"what must it contain" and "is it binding" questions get their concept, as do the articles', () => {
  assert.ok(queryTerms('申请书要写哪些内容').has('⟨内容⟩'));
  assert.ok(conceptTags('信访人应当载明其姓名、住址和请求', 'doc').includes('⟨内容⟩'));
  assert.ok(queryTerms('調解協議有沒有法律效力').has('⟨效力⟩'));
  assert.ok(conceptTags('调解协议具有法律约束力', 'doc').includes('⟨效力⟩'));
});

test('the RRF constant follows the embedder: small k with the local one, 60 with a semantic one', () => {
  assert.deepEqual(defaultWeights('local-hash-v2-384'), { vector: 0.25, bm25: 1, k: 10 });
  assert.equal(defaultWeights('openai:text-embedding-3-small:1536').k, 60);
  const fused = fuse([{ list: [{ chunkId: 1 }], weight: 1 }], 10);
  assert.ok(Math.abs(fused[0]!.score - 1 / 11) < 1e-12);
});

describe('matterOf: is a passage about the question at all?', () => {
  it('needs a word of the matter, not the scaffolding every "how do I apply" question shares', () => {
    const reconsideration = '可以书面申请，也可以口头申请，口头申请的由复议机关当场记录（第二十二条）。';
    assert.equal(matterOf('请问怎样申请公屋？要什么资格？')(reconsideration), false);
    assert.equal(matterOf('请问對信訪事項的處理意見不服，可以申請複查嗎？')('信访人对处理意见不服的，可以请求复查。'), true, '繁體 question, 简体 passage');
    assert.equal(matterOf('法律援助需要什么条件')('因经济困难没有委托代理人的，可以申请法律援助'), true);
    // "How long until I hear" is scaffolding too: 结果 → 决定 had quoted the time limits of reconsideration, arbitration
    // and legal aid to "申請公屋要幾耐先有結果？".
    const asked = matterOf('我想問下申請公屋要幾耐先有結果？');
    assert.equal(asked('复议机关收到申请后5日内审查，决定是否受理（第三十条）。'), false);
    assert.equal(asked('法律援助机构应当自收到申请之日起7日内审查，决定是否给予援助（第四十三条）。'), false);
  });
  it('takes synonyms only of the matter, as whole phrases: a 低保 question does not reach the arbitration article on evidence', () => {
    const evidence = '仲裁申请一般要书面提出，写明双方情况、请求、事实理由和证据；';
    const dibao = '共同生活的家庭成员人均收入低于当地低保标准的家庭，可以获得最低生活保障（第九条）。';
    assert.equal(matterOf('低保怎么申请？需要什么材料')(evidence), false, '材料 → 证据 is scaffolding');
    assert.equal(matterOf('低保怎么申请？需要什么材料')(dibao), true);
  });
  it('does not count a place or a person as the matter: 深圳 is in every note, 孩子 in many', () => {
    const mediation = '深圳鼓励当事人优先选择调解等非诉讼方式化解纠纷。';
    assert.equal(matterOf('深圳公租房申请条件是什么')(mediation), false);
    assert.equal(matterOf('孩子上小学要准备什么材料')('父母应当委托有照护能力的成年人代为照护，并与孩子保持联系。'), false);
    assert.equal(matterOf('孩子在学校被同学欺负怎么办')('学校应当建立学生欺凌防控工作制度。'), true, '欺负 → 欺凌');
    // Part of a word is not the matter: 居住 of 居住证 is in 居住地 of a court-procedure article.
    assert.equal(matterOf('我想问下点样申请居住证')('向申请人或被申请人居住地、家庭暴力发生地的基层法院提出。'), false);
    assert.equal(matterOf('居住证怎么办理')('居住证有效期为一年，期满可以续签。'), true);
    // "office" and "documents" say nothing about which office: an exit-entry question had quoted legal aid.
    assert.equal(matterOf('where is the exit-entry office in nanshan and what documents I need?')('Apply to the legal aid office where the case is handled (Art. 38).'), false);
  });
  it('does not take a hospital 复查 for the petition 复查, nor a rate for the matter', () => {
    const review = '对信访处理意见不服的，可以自收到书面答复之日起30日内，请求原办理机关的上一级机关复查；';
    assert.equal(matterOf('医院复查要挂什么号')(review), false);
    assert.equal(matterOf('做完手术一个月了去医院复查要带什么')(review), false);
    assert.equal(matterOf('对信访处理意见不服怎么申请复查')(review), true);
    assert.equal(matterOf('我去医院投诉了医生，对答复不满意，可以复查吗')(review), true, 'a petition about a hospital keeps its 复查');
    assert.equal(matterOf('医保报销比例是多少')('国家实行按比例安排残疾人就业制度。'), false);
    assert.equal(matterOf('低保的标准是多少')('共同生活的家庭成员人均收入低于当地低保标准的家庭'), true);
  });
  it('reaches Chinese passages from an English question through its expansions, and nothing else', () => {
    assert.equal(matterOf('How long do I have to apply for labour arbitration?')('申请劳动仲裁的时效是一年'), true);
    assert.equal(matterOf('How do I apply?')('申请劳动仲裁的时效是一年'), false);
  });
});

describe('matterOf: English words', () => {
  it('matches whole words only, and not numbers or time words every note has', () => {
    const aid = 'Some groups, such as people receiving social assistance or migrant workers claiming wages, do not need to prove hardship.';
    const review = 'You have 60 days from learning of the decision to apply for administrative reconsideration (Art. 20).';
    const q = 'How do I apply for a work permit renewal? my company HR says it takes 20 days';
    assert.equal(matterOf(q)(aid), false, '"work" is not in "workers"');
    assert.equal(matterOf(q)(review), false, '"20 days" is no matter');
    assert.equal(matterOf('My boss has not paid my wages for three months')(aid), true);
  });
  it('does not take a function word for a matter: a residence-permit question is not about "such as" legal aid', () => {
    const aid = 'Apply to the legal aid office where the case is handled (Art. 38). Some groups, such as people receiving social assistance, do not need to prove hardship.';
    const q = 'How do I apply for a residence permit (juzhuzheng) in Nanshan as a foreigner?';
    assert.equal(matterOf(q)(aid), false);
    assert.equal(matterOf(q)('Foreigners apply for a residence permit at the exit-entry office.'), true);
  });
});
