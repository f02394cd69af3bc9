/**
 * Letter-aware reading of a resident's message (already prepared: 简体, lower case, one line, redacted).
 * Real letters open with a salutation (尊敬的领导…), tell a story, state the request near the end
 * (要求/希望/请…/建议) and close with 此致敬礼: the salutation and closing say nothing about the matter,
 * the subject and the request say the most. See docs/routing.md.
 */

/** Salutations and office templates at the start of a letter, removed repeatedly. */
const OPENERS: RegExp[] = [
  /^尊敬的[^，,：:。！!？?\s]{0,24}[，,：:。！!\s]*/u,
  /^(各位|亲爱的)?(领导|书记|市长|区长|局长|主任|同志|工作人员|老师)(们)?(您|你)?(们)?好?[，,：:。！!\s~]*/u,
  /^(您好|你好|大家好|领导好)[，,：:。！!\s~]*/u,
  /^(本人|我)(想|要)?(反映|反应|投诉|举报|咨询)(一下|一个问题|问题)?[：:，,\s]+/u,
];

/** Closings, courtesies and sign-offs at the end, removed repeatedly. */
const CLOSERS: RegExp[] = [
  /[，,。.！!\s]*(此致)?[，,\s]*敬礼[！!。.\s]*$/u,
  /[，,。.！!\s]*此致[！!。.\s]*$/u,
  /[，,。.！!\s]*(万分|非常|十分)?(感谢|谢谢|多谢)(您|你们|领导|各位|政府|您们)?(的)?(关注|关心|支持|帮助|百忙之中|辛苦)?[^。！!？?]{0,8}[！!。.~\s]*$/u,
  /[，,。.！!\s]*(盼|望|期待|期盼|恳请)(您的|你们的|领导的)?(早日|尽快|及时)?(回复|答复|回音|回信|解决)[！!。.\s]*$/u,
  /[，,。.！!\s]*(一个|一位)?(普通|无助的|焦急的)?(市民|居民|业主|群众|家长|网友)[^。！!？?]{0,6}$/u,
];

export interface LetterParts {
  /** A short first clause that reads like a subject line ('' when the message has none). */
  subject: string;
  /** The message without salutation and closing. */
  body: string;
  /** Sentences that state what the writer asks for. */
  requests: string[];
}

const SUBJECT_MAX = 40;
const SENTENCE = /[^。！!？?；;]+[。！!？?；;]*/gu;
const REQUEST = /要求|希望|请求|恳请|恳求|请(?!假)|建议|呼吁|盼望|能否|能不能|可否|尽快|督促|责令|整改|取缔|处理|解决|查处/u;

/** Removes salutations at the start and courtesies at the end (several may be stacked). */
export function stripCourtesies(text: string): string {
  let s = text.trim();
  for (let pass = 0; pass < 4; pass++) {
    const before = s;
    for (const re of OPENERS) s = s.replace(re, '');
    for (const re of CLOSERS) s = s.replace(re, '');
    s = s.trim();
    if (s === before) break;
  }
  // Never strip a message to nothing: a bare "谢谢" is still the resident's text.
  return s === '' ? text.trim() : s;
}

/**
 * Splits a prepared message into subject, body and request sentences. A subject is recognised only
 * as a short clause before the first space (titles survive normalisation as "title body").
 */
export function letterParts(prepared: string): LetterParts {
  const text = stripCourtesies(prepared);
  let subject = '';
  const firstBreak = text.search(/\s/u);
  if (firstBreak > 3 && firstBreak <= SUBJECT_MAX && text.length - firstBreak > 20) subject = text.slice(0, firstBreak);
  const body = text;
  const requests: string[] = [];
  for (const m of body.matchAll(SENTENCE)) {
    const s = m[0].trim();
    if (s.length >= 4 && REQUEST.test(s)) requests.push(s);
  }
  // The last request sentences carry the ask; a long letter's early "处理" mentions are history.
  return { subject, body, requests: requests.slice(-4) };
}

/**
 * Names of bodies and places that say who should act. Each match becomes its own feature (the learner
 * weighs it); the list is deliberately broad and code-agnostic.
 */
export const BODY_NAMES: ReadonlyArray<[string, RegExp]> = [
  ['交警', /交警|交管|交通警察|车管所/u],
  ['交通局', /交通运输局|交通局|运管|路政|交通委/u],
  ['公交', /公交|地铁|轨道交通|轨交|出租车|网约车/u],
  ['公安', /派出所|公安局|公安分局|民警|警察|110/u],
  ['教育局', /教育局|教委|教育委员会|教育部门/u],
  ['学校', /学校|小学|中学|幼儿园|高中|班主任|老师|校长|学生|家长/u],
  ['人社', /人社局|人力资源和社会保障|人力资源社会保障|劳动监察|劳动局|社保局|社保|仲裁委/u],
  ['医保', /医保|医疗保险|医疗保障/u],
  ['卫健', /卫健委|卫生健康|卫计委|卫生局|疾控/u],
  ['医院', /医院|卫生院|卫生服务中心|诊所|医生|护士/u],
  ['市场监管', /市场监督|市场监管|工商局|食药监|消协|消费者协会|12315/u],
  ['商家', /商家|商户|商场|超市|门店|消费者|退款|预付卡|会员卡/u],
  ['住建', /住建局|住房和城乡建设|住建委|房管局|房屋管理|住房保障|建委/u],
  ['物业', /物业|业委会|业主委员会|业主大会|维修基金|开发商|楼盘|交房/u],
  ['城管', /城管|城市管理|综合执法|市容|环卫|绿化/u],
  ['环保', /环保局|生态环境|环境保护|环保部门/u],
  ['规划', /规划局|自然资源|国土|规划和自然资源|不动产登记/u],
  ['违建', /违建|违章建筑|违章搭建|违法建筑|违法搭建|乱搭/u],
  ['水务', /水务局|自来水|供水|排水|下水道|积水|停水/u],
  ['民政', /民政局|低保|养老院|敬老院|殡葬|婚姻登记|残联/u],
  ['街道', /街道办|街道办事处|街道|镇政府|镇人民政府|居委会|村委会|社区/u],
];

export function bodiesIn(text: string): string[] {
  const out: string[] = [];
  for (const [name, re] of BODY_NAMES) if (re.test(text)) out.push(name);
  return out;
}
