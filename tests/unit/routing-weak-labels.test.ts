import { describe, it, expect } from 'vitest';
import {
  labelsFromReply,
  labelsFromReplyTopic,
  REPLY_STREET_TOPIC_WEIGHT,
  REPLY_TOPIC_WEIGHT,
  shanghaiTrainingLabels,
  shanghaiUnitTargets,
  TEDDY_LABEL_TARGETS,
  teddyReplyLabels,
} from '../../triage/routing/weakLabels.js';
import { teddyTaxonomyPhrases } from '../../triage/routing/sources.js';
import { realLetterItems, SCHEME_PHRASE_WEIGHT } from '../../triage/routing/train.js';

// Replies below are written for the test (none is copied from ../shared).
describe('labelsFromReply: the answering bureau named in a government reply', () => {
  it('finds the bureau that answers', () => {
    expect(labelsFromReply('网友您好！针对您反映的小区电梯问题，某区住建局高度重视，现回复如下：已督促物业维修。')).toEqual(['housing']);
    expect(labelsFromReply('您好，您的留言已收悉，某县教育局现答复如下：学位按片区安排。')).toEqual(['education']);
    expect(labelsFromReply('网友：您好！某区交警大队已在该路口加派警力。')).toEqual(['transport']);
    expect(labelsFromReply('经市人力资源和社会保障局劳动监察支队调查，该公司已补发工资。')).toEqual(['human_resources']);
    expect(labelsFromReply('市场监督管理局执法人员到该商户现场检查。')).toEqual(['market_regulation']);
    expect(labelsFromReply('区生态环境局对该企业排污情况进行了监测。')).toEqual(['environment']);
    expect(labelsFromReply('区城管执法大队已对占道经营进行整治。')).toEqual(['urban_management']);
    expect(labelsFromReply('市卫健委已责成该医院整改。')).toEqual(['health']);
  });

  it('keeps the earliest two departments when several are named', () => {
    expect(labelsFromReply('经某区教育局、某街道办事处核实，该幼儿园由区住建局负责验收。')).toEqual(['education', 'housing']);
  });

  it('gives a street office only when no department is named', () => {
    expect(labelsFromReply('某街道办事处高度重视，组织社区工作人员上门了解。')).toEqual(['street_office']);
    expect(labelsFromReply('某街道会同区城管局进行了清理。')).toEqual(['urban_management']);
  });

  it('gives nothing when the reply names no body', () => {
    expect(labelsFromReply('网友您好，您的留言已收悉，我局将认真研究。')).toEqual([]);
    expect(labelsFromReply('')).toEqual([]);
  });

  it('looks at the signature at the end of a long reply', () => {
    const long = `网友您好，${'经调查核实情况如下，'.repeat(60)}特此回复。某市交通运输局`;
    expect(labelsFromReply(long)).toEqual(['transport']);
  });
});

describe('bodies the taxonomy assigns by judgement (教育文体, 商贸旅游, 卫生计生 …)', () => {
  it('culture, sport and libraries answer 教育文体 matters → education', () => {
    expect(labelsFromReply('市文化和旅游局高度重视，现回复如下：该场馆将延长开放时间。')).toEqual(['education']);
    expect(labelsFromReply('区体育局已安排对健身器材进行维修。')).toEqual(['education']);
    expect(labelsFromReply('经市图书馆核实，分馆已开放。')).toEqual(['education']);
  });
  it('commerce, tourism, quality and price bodies → market_regulation', () => {
    expect(labelsFromReply('市商务局已约谈该超市负责人。')).toEqual(['market_regulation']);
    expect(labelsFromReply('区工商分局、市质监局联合检查。')).toEqual(['market_regulation']);
    expect(labelsFromReply('市旅游局已责令该旅行社退还费用。')).toEqual(['market_regulation']);
  });
  it('family-planning, medical-insurance and veterans bodies, gas companies and law-enforcement brigades', () => {
    expect(labelsFromReply('区卫生和计划生育局答复如下：')).toEqual(['health']);
    expect(labelsFromReply('市城乡居民医疗保险中心答复：')).toEqual(['health']);
    expect(labelsFromReply('市退役军人事务局答复如下：')).toEqual(['civil_affairs']);
    expect(labelsFromReply('经燃气公司核实，该小区管道已检修。')).toEqual(['housing']);
    expect(labelsFromReply('区城乡建设行政执法大队已立案查处。')).toEqual(['urban_management']);
  });
});

describe('teddyReplyLabels: the named body first, then what the reply is about', () => {
  it('a named department wins at full weight', () => {
    expect(teddyReplyLabels('某区教育局答复：学位按片区安排。')).toEqual({ labels: ['education'], weight: 1 });
  });
  it('a reply that names no body but is clearly about buses → transport at a reduced weight', () => {
    const reply = '您的留言已收悉。现回复如下：该公交线路配车20台，发车间隔正常，公交站点设置已考虑周边居民出行。';
    expect(labelsFromReplyTopic(reply)).toEqual(['transport']);
    expect(teddyReplyLabels(reply)).toEqual({ labels: ['transport'], weight: REPLY_TOPIC_WEIGHT });
  });
  it('a street office answering a school matter teaches education; a vague one stays street_office', () => {
    expect(teddyReplyLabels('某街道办事处答复：已协调该小学，学生入学按学位安排。')).toEqual({ labels: ['education'], weight: REPLY_STREET_TOPIC_WEIGHT });
    expect(teddyReplyLabels('某街道办事处高度重视，已组织人员上门了解。').labels).toEqual(['street_office']);
  });
  it('gives nothing when the subject is mixed or absent', () => {
    expect(labelsFromReplyTopic('我局将认真研究。')).toEqual([]);
    expect(labelsFromReplyTopic('学校门口公交站点，学生乘坐公交')).toEqual([]);
  });
});

describe('shanghaiUnitTargets: units the file maps to [] (README: literal-pattern misses)', () => {
  it('maps unit types, not letters', () => {
    expect(shanghaiUnitTargets('上海市某区文化和旅游局')).toEqual(['education']);
    expect(shanghaiUnitTargets('上海市某区体育局')).toEqual(['education']);
    expect(shanghaiUnitTargets('上海市某区商务委员会')).toEqual(['market_regulation']);
    expect(shanghaiUnitTargets('上海市某区人力资源社会保障局')).toEqual(['human_resources']);
    expect(shanghaiUnitTargets('上海市住房保障事务中心')).toEqual(['housing']);
    expect(shanghaiUnitTargets('上海市燃气管理事务中心')).toEqual(['housing']);
    expect(shanghaiUnitTargets('上海市退役军人事务局')).toEqual(['civil_affairs']);
    expect(shanghaiUnitTargets('上海市某区国有资产监督管理委员会')).toEqual([]);
  });
});

describe('shanghaiTrainingLabels: weak targets → training labels', () => {
  // The held-out letters of that source are scored against the replying unit, street offices included.
  it('a street-office letter with one keyword group teaches both the street office and that department', () => {
    expect(shanghaiTrainingLabels(['street_office', 'housing'])).toEqual({ labels: ['street_office', 'housing'], weight: 1 });
  });
  it('a street-office-only letter teaches street_office at full weight', () => {
    expect(shanghaiTrainingLabels(['street_office'])).toEqual({ labels: ['street_office'], weight: 1 });
  });
  it('other letters keep all their codes as acceptable labels; [] is unlabelled', () => {
    expect(shanghaiTrainingLabels(['housing', 'transport'])).toEqual({ labels: ['housing', 'transport'], weight: 1 });
    expect(shanghaiTrainingLabels([])).toEqual({ labels: [], weight: 0 });
  });
});

describe('Teddy 一级分类 mapping (issue 9)', () => {
  it('has the seven classes with the issue’s codes', () => {
    expect(Object.keys(TEDDY_LABEL_TARGETS).sort()).toEqual(['交通运输', '劳动和社会保障', '卫生计生', '商贸旅游', '城乡建设', '教育文体', '环境保护'].sort());
    expect(TEDDY_LABEL_TARGETS['城乡建设']).toEqual(['housing', 'planning_land', 'urban_management', 'water', 'street_office']);
    expect(TEDDY_LABEL_TARGETS['卫生计生']).toEqual(['health', 'market_regulation']);
  });
});

describe('the Teddy label scheme as training phrases (teddyTaxonomyPhrases)', () => {
  // Rows in the taxonomy file's columns, written for the test.
  const rows = [
    { level1: '商贸旅游', level2: '市场监管', level3: '物价监督' },
    { level1: '商贸旅游', level2: '旅游管理', level3: '其他' },
    { level1: '城乡建设', level2: '国有土地上房屋征收与补偿', level3: '回迁房' },
    { level1: '城乡建设', level2: '集体土地上房屋拆迁与补偿', level3: '回迁房' },
    { level1: '党务政务', level2: '宣传舆论', level3: '舆论引导' },
    { level1: '交通运输', level2: '出租车管理', level3: '' },
  ];

  it('labels each second- and third-level name with every code its first-level class maps to, once, and skips 其他 and unmapped classes', () => {
    const city = ['housing', 'planning_land', 'urban_management', 'water', 'street_office'];
    expect(teddyTaxonomyPhrases(rows)).toEqual([
      { text: '市场监管', labels: ['market_regulation'] },
      { text: '物价监督', labels: ['market_regulation'] },
      { text: '旅游管理', labels: ['market_regulation'] },
      { text: '国有土地上房屋征收与补偿', labels: city },
      { text: '回迁房', labels: city },
      { text: '集体土地上房屋拆迁与补偿', labels: city },
      { text: '出租车管理', labels: ['transport'] },
    ]);
  });

  it('the phrases train the routing model as fixed items, never held out as letters', () => {
    const { items } = realLetterItems({ letters: [], sources: [], phrases: teddyTaxonomyPhrases(rows.slice(0, 1)) }, (t) => t);
    expect(items).toEqual([
      { text: '市场监管', labels: ['market_regulation'], weight: SCHEME_PHRASE_WEIGHT, letter: false },
      { text: '物价监督', labels: ['market_regulation'], weight: SCHEME_PHRASE_WEIGHT, letter: false },
    ]);
  });
});
