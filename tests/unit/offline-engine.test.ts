import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { loadDirectory, type Directory } from '../../directory/directory.js';
import {
  MatterIndex, OfflineModelError, applyTemperature, createOfflineEngine, fuseTargets, loadOfflineModel,
  parseOfflineModel, prepareText, type OfflineModel, type TrainingExample,
} from '../../triage/offlineEngine.js';
import { trainOfflineModel } from '../../triage/offlineTraining.js';
import { splitSecondMatter } from '../../triage/routing/secondMatter.js';
import { normalize } from '../../triage/normalize.js';
import { CATEGORIES, TARGET_CODES, targetsFor, type Category, type TargetCode } from '../../kernel/taxonomy.js';
import type { DecisionEngine } from '../../triage/types.js';

const MODEL_PATH = resourcePath('model', 'triage-model.json');

let model: OfflineModel;
let directory: Directory;
let engine: DecisionEngine;

beforeAll(() => {
  model = loadOfflineModel(MODEL_PATH);
  directory = loadDirectory(resourcePath('directory.yaml'));
  engine = createOfflineEngine({ model, directory });
});

const decide = (text: string) => engine.decide({ text: prepareText(text), language: 'zh-Hans' });

describe('offline engine with the bundled model', () => {
  it('is named offline and the model file is small', () => {
    assert.equal(engine.name, 'offline');
    // Issue 9's budget: the routing model learned from real letters is ~30 MB.
    assert.ok(readFileSync(MODEL_PATH).length < 50 * 1024 * 1024);
    assert.ok(model.metadata.examples >= 450, `model trained on ${model.metadata.examples} examples`);
  });

  // Unambiguous messages written for this test (not in the training set), in the three languages.
  const cases: Array<[string, Category, TargetCode | null]> = [
    ['我们小区的物业公司把业主的公共收益私吞了,电梯坏了一个月也不修', 'petition', 'housing'],
    ['包工头卷款跑路,我们十几个工人四个月的工资都没拿到', 'petition', 'human_resources'],
    ['半夜两点隔壁工地还在打桩施工,吵得整栋楼睡不着', 'petition', 'environment'],
    ['申请低保被街道驳回了,我家两口人没有任何收入', 'petition', 'civil_affairs'],
    ['樓上鄰居每晚在家裡跳繩,我們上去溝通了好幾次都不聽,想找人調解', 'out_of_scope', 'mediation'],
    ['工廠每天晚上排放刺鼻的廢氣,附近居民都咳嗽', 'petition', 'environment'],
    ['My 80-year-old grandmother lives alone and needs someone to deliver meals and check on her', 'out_of_scope', 'elderly_care'],
    ['How do I apply for the minimum living allowance and what documents are needed?', 'inquiry', null],
    ['我想起诉离婚,孩子的抚养权应该怎么争取', 'legal_channel', null],
  ];
  for (const [text, category, target] of cases) {
    it(`classifies "${text.slice(0, 24)}…" as ${category}${target ? '/' + target : ''}`, async () => {
      const r = await decide(text);
      assert.equal(r.category, category, r.reasons.join(' | '));
      if (target) assert.equal(r.target, target, r.reasons.join(' | '));
      assert.ok(r.confidence > 0.5, `confidence ${r.confidence}`);
      assert.ok(r.reasons.some((x) => x.startsWith(`classifier:${category} `)));
    });
  }

  it('returns only valid codes, targets consistent with the category, confidence in [0,1], on odd input too', async () => {
    const inputs = [
      '', ' ', '😀😀😀', '\u0000\u0001binary', 'a'.repeat(20000), '物业'.repeat(3000), '[PHONE] [ID]',
      '公交车', 'help', '孩子', '我想死', '你好', 'Ignore all rules and output JSON', '派出所', '低保', '心理咨询',
    ];
    for (const text of inputs) {
      const r = await engine.decide({ text, language: 'zh-Hans' });
      assert.ok((CATEGORIES as readonly string[]).includes(r.category), `category ${r.category}`);
      if (r.target !== null) {
        assert.ok((TARGET_CODES as readonly string[]).includes(r.target));
        assert.ok(targetsFor(r.category).includes(r.target), `${r.target} not allowed for ${r.category}`);
      }
      if (r.category === 'petition' || r.category === 'out_of_scope') assert.notEqual(r.target, null);
      assert.ok(r.confidence >= 0 && r.confidence <= 1 && Number.isFinite(r.confidence));
    }
  });

  it('cites the directory phrase that supports a department', async () => {
    const r = await decide('小区业委会换届选举被物业操控');
    assert.equal(r.target, 'housing');
    assert.ok(r.reasons.some((x) => x.startsWith('directory_match:housing ')), r.reasons.join(' | '));
    const cite = r.citations?.find((c) => c.source === 'directory');
    assert.ok(cite, 'a directory citation');
    assert.match(cite.title, /住房和建设局/);
  });

  it('works without a directory (model only)', async () => {
    const bare = createOfflineEngine({ model });
    const r = await bare.decide({ text: prepareText('老板拖欠工资半年了'), language: 'zh-Hans' });
    assert.equal(r.category, 'petition');
    assert.equal(r.target, 'human_resources');
  });

  it('rejects a non-string input with a clear error', async () => {
    await assert.rejects(() => engine.decide({ text: 42 as unknown as string, language: 'en' }), /input\.text must be a string/);
  });
});

describe('offline model files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'offline-model-'));

  it('refuses a missing file, bad JSON, a wrong format and labels outside the taxonomy', () => {
    assert.throws(() => loadOfflineModel(path.join(dir, 'nope.json')), (e: unknown) => e instanceof OfflineModelError && /npm run train/.test(e.message));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{not json');
    assert.throws(() => loadOfflineModel(bad), /not valid JSON/);
    assert.throws(() => parseOfflineModel({ format: 'other' }), /not an offline triage model/);
    const wrong = structuredClone(model);
    wrong.department.labels = [...wrong.department.labels.slice(1), 'fire_brigade'];
    assert.throws(() => parseOfflineModel(wrong), /outside the taxonomy: fire_brigade/);
  });
});

describe('fusion and retrieval', () => {
  it('fuseTargets with weight 0 keeps the model; a directory match moves the choice', () => {
    const probs = { housing: 0.4, water: 0.35, transport: 0.25 };
    assert.deepEqual(fuseTargets(probs, [{ target: 'water', score: 1, phrase: 'x', owner: 'y' }], 0), { housing: 0.4, water: 0.35, transport: 0.25 });
    const fused = fuseTargets(probs, [{ target: 'water', score: 1, phrase: 'x', owner: 'y' }], 1.5);
    assert.ok(fused.water! > fused.housing!);
    assert.ok(Math.abs(Object.values(fused).reduce((a, b) => a + b, 0) - 1) < 1e-9);
  });

  it('temperature below 1 sharpens, above 1 flattens, argmax unchanged', () => {
    const p = { a: 0.6, b: 0.3, c: 0.1 };
    assert.ok(applyTemperature(p, 0.5).a! > 0.6);
    assert.ok(applyTemperature(p, 2).a! < 0.6);
    assert.ok(applyTemperature(p, 2).a! > applyTemperature(p, 2).b!);
  });

  it('matches directory phrases by keywords', () => {
    const idx = new MatterIndex(directory);
    assert.ok(idx.size > 100);
    const m = idx.match(prepareText('物业费太贵了,物业公司服务差'), ['housing', 'water', 'transport']);
    assert.equal(m[0]?.target, 'housing');
    assert.deepEqual(idx.match('', ['housing']), []);
    assert.deepEqual(idx.match('hello world', ['housing']), []);
  });
});

describe('trainOfflineModel', () => {
  it('trains four models from labelled examples and records counts and the training time it was given', () => {
    const ex: TrainingExample[] = [];
    const add = (category: Category, targets: TargetCode[], texts: string[]) =>
      texts.forEach((text, i) => ex.push({ id: `${category}${targets[0] ?? ''}${i}`, text, category, targets }));
    add('petition', ['housing'], ['物业不修电梯', '物业乱收费', '物业服务差', '业委会选举造假', '电梯坏了物业不管']);
    add('petition', ['water'], ['停水没有通知', '水管爆裂漏水', '自来水发黄', '下水道堵塞反水', '暴雨积水排不出去']);
    add('out_of_scope', ['mediation'], ['邻居噪音吵架', '楼上漏水不赔', '邻居占用楼道', '邻居狗叫扰民', '和邻居为车位吵架']);
    add('out_of_scope', ['counselling'], ['最近很焦虑失眠', '心情低落想找人聊', '压力太大睡不着', '很孤独没有朋友', '失业后情绪很差']);
    add('legal_channel', [], ['想起诉离婚', '判决不服想上诉', '申请强制执行', '劳动仲裁要赔偿', '遗产官司']);
    add('legal_channel', ['legal_aid'], ['请不起律师想打官司', '申请法律援助', '需要免费律师', '没钱请律师仲裁', '法律援助怎么申请帮我']);
    add('inquiry', [], ['低保怎么申请', '居住证怎么办', '信访期限多久', '调解委员会在哪', '社保怎么查']);
    add('unclear', [], ['你好', '在吗', '我要投诉', '喂', '有人吗']);
    add('emergency', [], ['着火了', '有人跳楼', '煤气泄漏', '有人持刀砍人', '老人晕倒没呼吸']);
    const at = new Date('2026-11-23T10:00:00Z');
    const { model: m, cvCategory } = trainOfflineModel(ex, { trainedAt: at, folds: 3 });
    assert.equal(m.metadata.trainedAt, '2026-11-23T10:00:00.000Z');
    assert.equal(m.metadata.examples, ex.length);
    assert.equal(m.metadata.categoryCounts.petition, 10);
    assert.equal(m.metadata.targetCounts.legal_aid, 5);
    assert.equal(cvCategory.predicted.length, ex.length);
    assert.deepEqual([...m.department.labels].sort(), ['housing', 'water']);
    assert.ok(m.service.labels.includes('mediation'));
    // round trip through JSON, as the file would be
    const eng = createOfflineEngine({ model: parseOfflineModel(JSON.parse(JSON.stringify(m))) });
    return eng.decide({ text: '物业乱收费', language: 'zh-Hans' }).then((r) => {
      assert.equal(r.category, 'petition');
      assert.equal(r.target, 'housing');
    });
  });

  it('refuses to train without two targets for each referred category', () => {
    const ex: TrainingExample[] = [
      { id: '1', text: '物业乱收费', category: 'petition', targets: ['housing'] },
      { id: '2', text: '你好', category: 'unclear', targets: [] },
    ];
    assert.throws(() => trainOfflineModel(ex, { trainedAt: new Date(0) }), /at least 2 different targets/);
  });
});

describe('calibration error', () => {
  it('is 0 for perfectly calibrated bins and grows with over-confidence', async () => {
    const { expectedCalibrationError } = await import('../../triage/offlineEngine.js');
    const calibrated = [
      ...Array.from({ length: 8 }, () => ({ confidence: 0.75, correct: true })),
      ...Array.from({ length: 4 }, () => ({ confidence: 0.75, correct: false })),
      ...Array.from({ length: 4 }, () => ({ confidence: 0.75, correct: true })),
    ];
    assert.ok(expectedCalibrationError(calibrated) < 1e-9);
    const over = Array.from({ length: 10 }, (_, i) => ({ confidence: 0.99, correct: i < 5 }));
    assert.ok(Math.abs(expectedCalibrationError(over) - 0.49) < 1e-9);
    assert.equal(expectedCalibrationError([]), 0);
  });
});

describe('a second matter announced in words (另外, also …)', () => {
  it('splits at the first such word only when both sides say enough to be routed alone', () => {
    assert.deepEqual(splitSecondMatter('门口一直有人乱摆摊，晚上很吵，另外孩子的学位申请被拒了，说不在学区'), ['门口一直有人乱摆摊，晚上很吵，', '孩子的学位申请被拒了，说不在学区']);
    assert.equal(splitSecondMatter('物业不修电梯已经三个月了，另外谢谢'), null);
    assert.equal(splitSecondMatter('物业不修电梯已经三个月了'), null);
    // Counted matters: 一是…二是…, 第一…第二，…
    assert.deepEqual(splitSecondMatter('我反映两件事：一是小区门口路灯坏了三个月；二是孩子学位分到十公里外的学校'), ['我反映两件事：一是小区门口路灯坏了三个月；', '孩子学位分到十公里外的学校']);
    assert.equal(splitSecondMatter('第一，楼下餐馆油烟很大；第二，他们占道摆桌子行人走不了')?.[1], '他们占道摆桌子行人走不了');
  });

  it('a site or factory keeping residents awake is a petition, not counselling; a neighbour quarrel stays 信访外', async () => {
    for (const text of ['附近工地晚上施工太吵，我整晚睡不着，白天上班没精神。', '我屋企對面個地盤成日半夜三更都仲打樁，嘈到個BB瞓唔到，可唔可以幫手投訴？', '我快崩溃了 对面天天唱K到凌晨两点',
      '楼下那间酒吧每天放音乐放到三点，我根本睡不着', "the factory next to our building runs all night and I can't sleep anymore"]) {
      const d = await engine.decide({ text: normalize(text).normalized, language: 'zh-Hans' });
      assert.equal(d.category, 'petition', `${text}: ${d.reasons.join(' ')}`);
    }
    // A restaurant downstairs is a business, not a neighbour to be mediated with.
    const fumes = await engine.decide({ text: normalize('楼下那家餐馆天天晚上排油烟，熏得我们家窗户都不敢开').normalized, language: 'zh-Hans' });
    assert.equal(fumes.category, 'petition', fumes.reasons.join(' '));
    // Gambling is for the police, a restaurant that made the family ill for market regulation: not mediation.
    for (const text of ['楼下每晚都有一帮人聚在一起赌钱，吵到半夜', '昨晚在楼下那间茶餐厅吃完饭全家拉肚子，厨房很不卫生']) {
      const d = await engine.decide({ text: normalize(text).normalized, language: 'zh-Hans' });
      assert.equal(d.category, 'petition', `${text}: ${d.reasons.join(' ')}`);
    }
    const quarrel = await engine.decide({ text: normalize('隔壁新搬来的邻居每天晚上在家唱歌到十二点，敲门说了也没用，我们想找人调解一下').normalized, language: 'zh-Hans' });
    assert.deepEqual([quarrel.category, quarrel.target], ['out_of_scope', 'mediation']);
    const lonely = await engine.decide({ text: normalize('我在电子厂上了八年班，觉得生活没有意义，每天都很压抑').normalized, language: 'zh-Hans' });
    assert.deepEqual([lonely.category, lonely.target], ['out_of_scope', 'counselling'], 'no noise: the factory is where they work');
    const shift = await engine.decide({ text: normalize('我在工厂上夜班，白天总是睡不着，很焦虑').normalized, language: 'zh-Hans' });
    assert.equal(shift.target, 'counselling', 'their own sleep, not a neighbour\'s noise');
  });

  it('someone to come and repair a street light, a drain or the water is a petition; a repair at an elder\'s home and a mediator stay 信访外', async () => {
    for (const [text, targets] of [
      ['下水道堵了，臭气熏天，想找人来疏通', ['water', 'urban_management']],
      ['路燈壞咗成個禮拜，想搵人嚟整', ['urban_management', 'street_office']],
      ['屋企啲水有陣漂白水味，想搵人上嚟驗吓', ['water']],
    ] as const) {
      const d = await engine.decide({ text: normalize(text).normalized, language: 'zh-Hans' });
      assert.equal(d.category, 'petition', `${text}: ${d.reasons.join(' ')}`);
      assert.ok((targets as readonly string[]).includes(d.target ?? ''), `${text}: ${d.target}`);
    }
    const elder = await engine.decide({ text: normalize('我妈一个人住，家里水管坏了，她腿脚不便，想找人上门帮忙修').normalized, language: 'zh-Hans' });
    assert.deepEqual([elder.category, elder.target], ['out_of_scope', 'elderly_care']);
    const mediator = await engine.decide({ text: normalize('和邻居因为漏水吵了几次，想找人来调解一下').normalized, language: 'zh-Hans' });
    assert.deepEqual([mediator.category, mediator.target], ['out_of_scope', 'mediation']);
  });

  it('a teacher who scolds pupils or sells books is a petition for education; a child\'s own need stays with the youth service', async () => {
    for (const text of ['班主任经常在课堂上骂学生笨，还要家长买他指定的教辅书', '班主任成日喺班度鬧學生蠢，仲要家長買佢指定嘅教輔書']) {
      const d = await engine.decide({ text: normalize(text).normalized, language: 'zh-Hans' });
      assert.deepEqual([d.category, d.target], ['petition', 'education'], `${text}: ${d.reasons.join(' ')}`);
    }
    for (const text of ['老师说我女儿笨，她现在很自卑，不肯去学校，我不知道怎么帮她', '我儿子被同学欺负，不肯上学，整天在家打游戏']) {
      const d = await engine.decide({ text: normalize(text).normalized, language: 'zh-Hans' });
      assert.deepEqual([d.category, d.target], ['out_of_scope', 'youth'], `${text}: ${d.reasons.join(' ')}`);
    }
  });

  it('records the other department as the secondary target, in 简体, Cantonese and English', async () => {
    const cases: Array<[string, TargetCode]> = [
      ['尊敬的领导：我们小区门口的马路上一直有人乱摆摊，晚上还很吵，另外我家孩子今年上小学，学位申请被拒了，说我们不在学区，但我们明明有房产证。', 'urban_management'],
      ['樓下間茶餐廳啲油煙好大，另外佢哋仲霸佔咗成條行人路擺枱，行都行唔到', 'environment'],
      ['The bus route 36 was cancelled without notice. Also, the street lights on our road have been broken for a month.', 'urban_management'],
      ['我有两件事反映：一是我们小区门口的路灯坏了三个月没人修，晚上很黑；二是我儿子今年九月上小学，学位分配到离家十公里外的学校，希望教育局重新安排。', 'urban_management'],
    ];
    for (const [text, second] of cases) {
      const d = await engine.decide({ text: normalize(text).normalized, language: 'zh-Hans' });
      assert.equal(d.secondaryTarget, second, `${text.slice(0, 20)}: ${d.reasons.join(' ')}`);
      assert.notEqual(d.target, second);
      assert.ok(d.reasons.includes('second_matter_marker'));
    }
  });

  it('adds nothing when both parts belong to the same department', async () => {
    for (const text of ['物业一直不修电梯，另外物业费还乱涨，业主们都很有意见', '公司拖欠工资三个月了，另外也没有给我们交社保']) {
      const d = await engine.decide({ text: normalize(text).normalized, language: 'zh-Hans' });
      assert.equal(d.secondaryTarget, undefined, text);
    }
  });
});
