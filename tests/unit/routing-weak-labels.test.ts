import { describe, it, expect } from 'vitest';
import { labelsFromReply, shanghaiTrainingLabels, STREET_ONLY_WEIGHT, TEDDY_LABEL_TARGETS } from '../../triage/routing/weakLabels.js';

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

describe('shanghaiTrainingLabels: weak targets → training labels', () => {
  it('a street-office letter with one keyword group teaches that department', () => {
    expect(shanghaiTrainingLabels(['street_office', 'housing'])).toEqual({ labels: ['housing'], weight: 0.7 });
  });
  it('a street-office-only letter teaches street_office at a reduced weight', () => {
    expect(shanghaiTrainingLabels(['street_office'])).toEqual({ labels: ['street_office'], weight: STREET_ONLY_WEIGHT });
    expect(STREET_ONLY_WEIGHT).toBeLessThan(1);
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
