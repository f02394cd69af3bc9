/**
 * Weak department labels for real letters, derived in code (never by hand):
 *  - Teddy Cup replies: the answering bureau named in the government's reply (住建局, 人社局, 教育局, 交警…);
 *  - Teddy 495's 一级分类 → the department codes that would rightly handle it (the issue's mapping);
 *  - Shanghai letters: `targets` (first = replying unit) turned into training labels that do not teach
 *    the model to send everything to a street office.
 */
import type { DepartmentCode } from '../../kernel/taxonomy.js';

/**
 * Bureaus as they are named in replies, most specific first. A reply that names several bodies
 * ("经A5区教育局、黎托街道核实") gives the earliest-named department codes.
 */
const REPLY_BODIES: ReadonlyArray<[DepartmentCode, RegExp]> = [
  ['transport', /交警|交通警察|车管所|交通运输局|交通局|运管处|运管所|公交(集团|公司)|地铁(集团|公司)|轨道(交通)?集团|路政|公路(局|管理)/gu],
  ['human_resources', /人力资源和社会保障|人力资源社会保障|人社局|人社厅|劳动监察|劳动保障|社保(局|中心|处)|社会保险(事业|管理|基金)|就业(服务)?(局|中心|处)|公积金管理中心|劳动人事争议/gu],
  ['health', /卫生健康|卫健委|卫健局|卫计委|卫生计生|卫生局|医疗保障局|医保局|医保(中心|处)|疾控中心|疾病预防控制|(人民|中心|妇幼保健|中医)医院|卫生院|卫生服务中心/gu],
  ['education', /教育局|教育体育局|教体局|教育厅|教委|教育委员会|教育部门|(小学|中学|学校|幼儿园)(答复|回复|高度重视)/gu],
  ['market_regulation', /市场监督管理|市场监管|工商(行政管理)?局|食品药品监督|食药监|物价局|价格监督|消费者(权益保护)?(委员会|协会)|商务(局|厅)/gu],
  ['environment', /生态环境|环境保护局|环保局|环境监察|环保分局|环境监测/gu],
  ['planning_land', /规划(和|与)?自然资源|自然资源(和规划)?局|国土资源局|国土局|城乡规划局|规划局|规划分局|不动产登记|征收(办|局)|拆迁办|违控|违法建设|查违/gu],
  ['housing', /住房和城乡建设|城乡建设局|住建局|住建委|房产局|房屋交易|住房保障|房管局|房地产|物业(管理)?(科|办|中心)|物管办|建设局|建委|规划建设局/gu],
  ['urban_management', /城市管理|城管|综合执法|行政执法局|市容|环卫|园林|绿化(局|中心)|市政(局|设施)/gu],
  ['water', /水务局|水利局|自来水公司|供水(公司|集团)|排水(公司|中心|管理)|水务集团/gu],
  ['civil_affairs', /民政局|民政厅|社会救助|残联|残疾人联合会|老龄办|婚姻登记/gu],
  ['public_security', /公安局|公安分局|派出所|(?<!交)警(察)?(支队|大队|中队)|消防(支队|大队|救援)|出入境/gu],
  ['street_office', /街道办事处|街道办|街道|镇人民政府|镇政府|乡人民政府|乡政府|镇党委|社区居委会|居委会|村委会|村两委/gu],
];

/** How far into the reply the answering body is looked for: replies name it up front or sign at the end. */
const REPLY_HEAD = 320;
const REPLY_TAIL = 80;

/**
 * Department codes named in a government reply, earliest first, at most two. A street office counts
 * only when no department is named: bureaus routinely hand the legwork to a 街道, but the matter is theirs.
 * [] when no body is named ("我局…", "已转相关单位").
 */
export function labelsFromReply(reply: string): DepartmentCode[] {
  const text = reply.replace(/\s+/g, '');
  const zone = text.length > REPLY_HEAD + REPLY_TAIL ? `${text.slice(0, REPLY_HEAD)}|${text.slice(-REPLY_TAIL)}` : text;
  const found: Array<[number, DepartmentCode]> = [];
  for (const [code, re] of REPLY_BODIES) {
    re.lastIndex = 0;
    const m = re.exec(zone);
    if (m) found.push([m.index, code]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const departments = found.map(([, c]) => c).filter((c) => c !== 'street_office');
  if (departments.length > 0) return departments.slice(0, 2);
  return found.length > 0 ? ['street_office'] : [];
}

/** The mapping of Teddy 一级分类 to the department codes that would rightly handle it. */
export const TEDDY_LABEL_TARGETS: Readonly<Record<string, readonly DepartmentCode[]>> = {
  城乡建设: ['housing', 'planning_land', 'urban_management', 'water', 'street_office'],
  环境保护: ['environment', 'urban_management'],
  交通运输: ['transport'],
  教育文体: ['education'],
  劳动和社会保障: ['human_resources', 'civil_affairs', 'health'],
  商贸旅游: ['market_regulation'],
  卫生计生: ['health', 'market_regulation'],
};

/**
 * Training labels for a Shanghai letter from its weak `targets`. Street offices answer 43% of the
 * letters, most of them about a department's matter; so a street-office letter whose keywords name
 * one department teaches that department, and a street-office-only letter teaches street_office with a
 * reduced weight. Other multi-code letters (建委 split) are partial labels: any of the codes.
 */
export function shanghaiTrainingLabels(targets: readonly string[]): { labels: DepartmentCode[]; weight: number } {
  if (targets.length === 0) return { labels: [], weight: 0 };
  const codes = targets as DepartmentCode[];
  if (codes[0] === 'street_office') {
    if (codes.length > 1) return { labels: codes.slice(1), weight: 0.7 };
    return { labels: ['street_office'], weight: STREET_ONLY_WEIGHT };
  }
  return { labels: [...codes], weight: 1 };
}

export const STREET_ONLY_WEIGHT = 0.35;
