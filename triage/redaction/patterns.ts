import { isPlausibleId15, isValidHkid, isValidId18, isValidTaiwanId, luhnValid } from './checks.js';

/**
 * Rules for personal data with a shape: e-mail, identity documents, phones, cards, licence plates, chat
 * accounts and house numbers. Every rule reads the digit view (一三八… and full-width digits as ASCII, same
 * offsets) and returns spans; names are in names.ts. The order of RULES is the priority when spans overlap.
 */
export type RedactionKind = 'name' | 'address' | 'id_number' | 'passport' | 'phone' | 'bank_card' | 'email' | 'plate' | 'account';

export interface Span {
  kind: RedactionKind;
  start: number;
  end: number;
  /** A name announced outright (我叫, 姓名：, my name is): its other mentions in the text are hidden too. */
  sure?: boolean;
}

export interface Rule {
  kind: RedactionKind;
  pattern: RegExp;
  /** Capture group holding the personal data (default: the whole match); the rest is context. */
  group?: number;
  accept?: (value: string, ctx: { view: string; text: string; start: number; end: number; match: RegExpExecArray }) => boolean;
}

const digits = (s: string) => s.replace(/\D/g, '');
/** 0000-00000000 and 1111111 are what people type when they hide a number themselves. */
const notFiller = (d: string) => !/^(\d)\1+$/.test(d) && !/^0+[1-9]?0*$/.test(d.slice(0, Math.max(1, d.length - 1)));

// Words before a number that make it a phone: 电话 / 手機 / 联系 / call / tel / WhatsApp …
const PHONE_CUE =
  '(?:电话|電話|手机|手機|请打|請打|打我|拨打|撥打|回电|回電|联系方式|聯繫方式|聯絡方式|联系电话|聯絡電話|联系|聯繫|聯絡|联络|致电|致電|打给|打給|号码|號碼|座机|座機|tel|phone|mobile|cell|call|whatsapp|contact|fax|传真|傳真)';
const CC = '(?:\\+|00)\\s?(?:86|852|853|886)';
const B = '(?<![\\dA-Za-z])';
const E = '(?![\\dA-Za-z])';

export const RULES: Rule[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // ---- identity documents
  {
    kind: 'id_number',
    pattern: new RegExp(`${B}\\d{6}[ -]?\\d{8}[ -]?\\d{3}[\\dXx]${E}`, 'g'),
    accept: (m) => isValidId18(m.replace(/[ -]/g, '')),
  },
  {
    // After 身份证 / ID card the number is taken whatever its check digit (residents mistype).
    kind: 'id_number',
    pattern: /(?:身份证|身份證|证件号|證件號|证号|證號|id\s?card|id\s?no\.?|identity\s?card)[^\dA-Za-z]{0,8}(\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx]|\d{15})(?![\dA-Za-z])/gi,
    group: 1,
  },
  { kind: 'id_number', pattern: new RegExp(`${B}\\d{15}${E}`, 'g'), accept: (m) => isPlausibleId15(m) },
  // Hong Kong identity card A123456(7): with brackets any check digit, without brackets a valid one.
  { kind: 'id_number', pattern: /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d{6}\s?[(（]\s?[\dAa]\s?[)）]/g },
  { kind: 'id_number', pattern: /(?<![A-Za-z0-9])[A-Za-z]{1,2}\d{6}[\dAa](?![A-Za-z0-9])/g, accept: (m) => isValidHkid(m) },
  // Macau resident card 1234567(8) or 1/234567/8 (first digit 1, 5 or 7).
  { kind: 'id_number', pattern: /(?<![\dA-Za-z/])[157](?:\d{6}\s?[(（]\s?\d\s?[)）]|\/\d{6}\/\d)(?![\dA-Za-z/])/g },
  // Taiwan ID A123456789 (mod-10 check).
  { kind: 'id_number', pattern: /(?<![A-Za-z0-9])[A-Za-z][1289]\d{8}(?![A-Za-z0-9])/g, accept: (m) => isValidTaiwanId(m) },
  // Passports and travel permits: mainland E/G, Hong Kong K/H, 港澳通行证 C, 回乡证 H/M; any shape after the word.
  {
    kind: 'passport',
    pattern: /(?<![A-Za-z0-9])(?:[EeGgKkHhMmCc]\d{8}|[Ee][A-Za-z]\d{7}|[PpSsDd][Ee]\d{7})(?![A-Za-z0-9])/g,
  },
  {
    kind: 'passport',
    pattern: /(?:护照|護照|通行证|通行證|回乡证|回鄉證|passport)\s?(?:号码|號碼|号|號|no\.?|number|#)?\s?(?:是|为|為|:|：)?\s?([A-Za-z0-9]{6,12})(?![A-Za-z0-9])/gi,
    group: 1,
    accept: (v) => /\d/.test(v) && /^[A-Za-z]{0,2}\d+$/.test(v),
  },
  // ---- phones (before cards: +8613812345678 is a phone)
  {
    kind: 'phone',
    // Mainland mobile 1[3-9]x + 8 digits, any single separator (space . -) between digits, optional +86.
    pattern: new RegExp(`(?<![\\d+]|\\d[\\s.-])(?:(?:\\+|00)\\s?86[\\s.-]?|[(（]\\+?86[)）]\\s?)?1[3-9](?:[\\s.-]?\\d){9}(?![\\dA-Za-z]|[\\s.-]\\d)`, 'g'),
    accept: (m) => notFiller(digits(m)),
  },
  {
    // Hong Kong / Macau 8 digits, Taiwan 9 (mobile) with the country code.
    kind: 'phone',
    pattern: new RegExp(`(?<![\\d+])(?:${CC}|[(（]\\+?(?:852|853|886)[)）])[\\s.-]?\\d(?:[\\s.-]?\\d){6,8}(?![\\dA-Za-z])`, 'g'),
  },
  // Taiwan mobile 09xx-xxx-xxx.
  { kind: 'phone', pattern: /(?<![\d+])09\d{2}[\s.-]?\d{3}[\s.-]?\d{3}(?![\dA-Za-z])/g },
  // ---- cards
  {
    kind: 'bank_card',
    pattern: /(?<!\d)(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{6}[ -]\d{7,13})(?!\d)/g,
    accept: (m) => {
      const d = digits(m);
      return d.length >= 13 && d.length <= 19 && luhnValid(d);
    },
  },
  {
    kind: 'bank_card',
    pattern: /(?:银行卡|銀行卡|卡号|卡號|账号|賬號|帐号|帳號|账户|賬戶|card\s?(?:no\.?|number)?|account\s?(?:no\.?|number))[^\dA-Za-z]{0,6}(\d(?:[ -]?\d){9,22})(?!\d)/gi,
    group: 1,
    accept: (v) => notFiller(digits(v)),
  },
  {
    kind: 'phone',
    // Landline with area code: 0755-12345678, (0755)12345678, 010 1234 5678, (02)2345-6789, optional extension.
    pattern: /(?<![\d-])(?:[(（]0[1-9]\d{0,2}[)）][ -]?|0[1-9]\d{1,2}[ -]?)\d{3,4}[ -]?\d{4}(?:[ -]?(?:转|轉|ext\.?|x)[ ]?\d{1,5})?(?![\d-])/g,
    accept: (m) => {
      const d = digits(m.replace(/(?:转|轉|ext\.?|x)\s*\d+$/i, ''));
      return d.length >= 9 && d.length <= 12 && notFiller(d);
    },
  },
  {
    // After a phone word, any 7-12 digit number is a phone (Hong Kong 8 digits, local landlines).
    kind: 'phone',
    pattern: new RegExp(`${PHONE_CUE}[^\\d]{0,12}?((?:\\+?\\d{2,3}[\\s-]?)?\\d(?:[\\s.-]?\\d){6,11})(?![\\dA-Za-z])`, 'gi'),
    group: 1,
    accept: (v) => notFiller(digits(v)),
  },
  // ---- chat accounts
  {
    kind: 'account',
    pattern: /(?:(?<![A-Za-z])qq|扣扣|企鹅|企鵝)\s?(?:群号|群號|号码|號碼|号|號|群|number|no\.?|id)?\s?(?:是|为|為|:|：)?\s?(\d{5,11})(?!\d)/gi,
    group: 1,
  },
  {
    kind: 'account',
    pattern: /(?:微信|薇信|威信|v信|\b(?:weixin|wechat|vx|wx|whatsapp|telegram|signal)\b)\s?(id|号|號|账号|帳號|account)?\s?(?:is\s)?(是|为|為|:|：)?\s?([A-Za-z][-_A-Za-z0-9]{4,19}|\d{5,11})(?![-_A-Za-z0-9])/gi,
    group: 3,
    // A bare word after "wechat" ("wechat account") is not an id unless a colon or 号 announced it.
    accept: (v, { match }) => /[\d_-]/.test(v) || Boolean(match[1] || match[2]),
  },
  { kind: 'account', pattern: /(?<![\w.@])@[A-Za-z][A-Za-z0-9_]{4,31}(?![\w@])/g },
  // ---- licence plates: 粤B12345, 粤B·D12345 (new energy, 8 characters)
  {
    kind: 'plate',
    pattern: /[京津沪滬渝冀豫云雲辽遼黑湘皖鲁魯新苏蘇浙赣贛鄂桂甘晋晉蒙陕陝吉闽閩贵貴粤粵青藏川宁寧琼瓊][A-HJ-NP-Za-hj-np-z][·•・\s-]?[A-HJ-NP-Za-hj-np-z0-9]{5,6}(?![A-Za-z0-9])/g,
    accept: (m) => /\d/.test(m.slice(2)),
  },
  {
    kind: 'plate',
    pattern: /(?:车牌|車牌|车牌号|車牌號|plate|licence plate|license plate|registration)\s?(?:号码|號碼|号|號|no\.?|number)?\s?(?:是|为|為|:|：)?\s?([A-Za-z]{1,2}\s?\d{1,4})(?![A-Za-z0-9])/gi,
    group: 1,
  },
];

// ---- house numbers

const NUM = '(?:[A-Za-z]?\\d+[A-Za-z]?|[十百\\d]+)';
/** Units that make any number a home address. */
const STRONG = '(?:号楼|號樓|号院|號院|栋|棟|幢|单元|單元|弄|室|座)';
/** Units that only count after a strong one or a road ("5号" alone may be a date or a line). */
const WEAK = '(?:号|號|楼|樓|层|層|户|戶|房|门|門|梯|组|組|巷)';
const PIECE = `${NUM}(?:[-之]${NUM})?(?:${STRONG}|${WEAK})`;
const STRONG_RE = new RegExp(STRONG);
const PIECE_RE = new RegExp(PIECE, 'g');
const CN_ADDRESS = new RegExp(`${PIECE}(?:[\\s,，、]?(?:${PIECE}|[A-Za-z](?:${STRONG}|${WEAK})))*(?:[-]?\\d{2,4}(?![\\d号號室]))?`, 'g');
const ROADISH = /[路街道巷弄里村坊园園苑城庄莊湾灣墅厦廈邨围圍]$/;
// After the number: a metro line, a document, a plot, a gate, an exit, a bed, a layout (三室一厅) — not a home.
const NOT_HOME_AFTER = /^(?:线|線|文|令|台风|颱風|地块|地塊|口|出口|入口|站|机|機|窗口|车道|車道|位|床|车厢|車廂|厅|廳|[一二两兩三四1-9]厅|[一二两兩三四1-9]廳|人|家|批|次|件|名|天|期|元|块|塊|字|航站|候车|通道|楼层|樓層)/;
const NOT_HOME_BEFORE = /(?:月|第|至|到|及|和|〕|\]|】|\)|）|同|每|哪|这|這|那|整|另|某|几|幾|任|年|届|屆|届|共|约|約|近|有)$/;

// A road number that locates a business or a public place ("深南大道9988号华润大厦的餐厅", "固戍二路18号的工地") is not
// personal data, and the department handling the complaint needs it to find the place: hiding it had left handlers
// with "南山区…[ADDRESS]…的餐厅". Only a bare road number; never one with a building, unit or room (3栋502), nor after
// words that say the writer lives there (我家, 住在, 地址).
const PUBLIC_PLACE_AFTER = /^[^，,。；;！!？?\n]{0,12}?(工地|地盘|地盤|餐厅|餐廳|餐馆|餐館|饭店|飯店|酒楼|酒樓|茶餐厅|茶餐廳|大排档|大排檔|商店|商铺|商舖|商场|商場|超市|便利店|酒吧|ktv|KTV|卡拉ok|工厂|工廠|厂房|廠房|公司|门店|門店|店铺|店舖|铺头|舖頭|网吧|網吧|学校|學校|幼儿园|幼兒園|医院|醫院|诊所|診所|药店|藥房|市场|市場|菜市场|加油站|停车场|停車場|公园|公園|广场|廣場|银行|銀行|酒店|宾馆|賓館|写字楼|寫字樓|仓库|倉庫|洗车|洗車|健身房|培训|培訓|机构|機構)/;
const HOME_BEFORE = /(我家|我屋企|屋企|我住|住在|住喺|家住|本人住|住址|地址|寓所|租住|租的房|租嘅屋|我们家|我哋屋企)[^，,。；;！!？?\n]{0,14}$/;
// A building, unit or room number after it (华强北路1002号赛格广场3栋1205室) makes the whole a home address.
const UNIT_AFTER = /^[^，,。；;！!？?\n]{0,14}?[A-Za-z0-9一二三四五六七八九十]+(栋|棟|幢|单元|單元|室|号楼|號樓|弄)/;
const BARE_ROAD_NUMBER = /^[A-Za-z]?\d+[A-Za-z]?(?:-\d+)?(?:号|號)$/;

function cnAddress(view: string, text: string): Span[] {
  const out: Span[] = [];
  for (const m of view.matchAll(CN_ADDRESS)) {
    const start = m.index!;
    const end = start + m[0].length;
    const value = m[0];
    const before = text.slice(Math.max(0, start - 4), start);
    const after = text.slice(end, end + 4);
    if (NOT_HOME_BEFORE.test(before) || NOT_HOME_AFTER.test(after)) continue;
    // A number run inside a longer alphanumeric token (a model, a case reference) is not a house number.
    if (/[A-Za-z0-9-]$/.test(before) && !/\d$/.test(before)) continue;
    const strong = STRONG_RE.test(value);
    const pieces = value.match(PIECE_RE)?.length ?? 0;
    const original = text.slice(start, end);
    // 一户, 二组, 三栋楼: Chinese numerals alone are counts more often than house numbers.
    const cjk = !/^[A-Za-z]?[0-9０-９]/.test(original);
    const afterRoad = ROADISH.test(before) && !cjk;
    if (pieces === 1 && /(?:组|組|户|戶|层|層|楼|樓|门|門|梯)$/.test(value)) continue;
    if (cjk && pieces === 1 && /^(?:楼|樓|房|住|建|大)/.test(after)) continue;
    const layout = /^\d+室$/.test(value) && /^[一二两兩三四1-9]/.test(after);
    if (layout) continue;
    // 室 / 座 alone need a real room number (1205室), not 2室.
    if (pieces === 1 && /^\d{1,2}(?:室|座)$/.test(value)) continue;
    const next = text.slice(end, end + 24);
    if (afterRoad && BARE_ROAD_NUMBER.test(value) && PUBLIC_PLACE_AFTER.test(next) && !UNIT_AFTER.test(next) && !HOME_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    if (strong || afterRoad || pieces >= 2) out.push({ kind: 'address', start, end });
  }
  return out;
}

const EN_STREET = '(?:road|rd|street|st|avenue|ave|lane|ln|drive|dr|way|terrace|path|boulevard|blvd|circuit|crescent|square|sq)';
const EN_ADDRESS = [
  // Flat 3B, Room 1205, Block 2, Tower 1, Unit 5, No. 88
  /\b(?:flat|room|rm|unit|apt|apartment|suite|block|blk|tower|house|no\.|#)\s?[A-Za-z]?\d+[A-Za-z]?(?:-\d+)?\b/gi,
  // 12/F, 3rd floor
  /\b\d+\s?\/\s?f\b|\b\d+(?:st|nd|rd|th)\s?floor\b|\bfloor\s?\d+\b/gi,
  // 12 Nathan Road, 18A Shennan Avenue
  new RegExp(`\\b\\d+[A-Za-z]?(?:-\\d+)?,?\\s(?:[A-Za-z][A-Za-z'’-]*\\s){1,3}${EN_STREET}\\b\\.?`, 'gi'),
];

// "The bar at 123 Shekou Road": the street number of a business or public place stays, as in Chinese; a flat, room or
// block number, or a street number after "I live / my flat / address", is always hidden.
const EN_PLACE = /\b(bar|pub|club|karaoke|ktv|restaurant|cafe|caf\u00e9|shop|store|supermarket|market|mall|factory|workshop|site|construction|company|office building|school|kindergarten|hospital|clinic|pharmacy|hotel|gym|warehouse|car wash|internet cafe|petrol station|gas station|car park|parking lot|park|plaza|bank|agency)\b/i;
const EN_HOME = /\b(i live|we live|i'?m living|living at|my (home|flat|apartment|house|place|address)|our (home|flat|apartment|house|place|address)|address|i rent|we rent|staying at)\b/i;

const EN_UNIT = /\b(flat|room|rm|unit|apt|apartment|suite|block|blk|tower|floor)\b|\/\s?f\b/i;

function enAddress(view: string): Span[] {
  const out: Span[] = [];
  EN_ADDRESS.forEach((re, i) => {
    for (const m of view.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (i === 2) {
        const before = view.slice(Math.max(0, start - 30), start);
        const after = view.slice(end, end + 30);
        const lead = before.split(/[.;!?\n]/).at(-1) ?? '';
        const tail = after.split(/[.,;!?\n]/)[0] ?? '';
        if (!EN_HOME.test(lead) && !EN_UNIT.test(lead) && (EN_PLACE.test(lead) || EN_PLACE.test(tail))) continue;
      }
      out.push({ kind: 'address', start, end });
    }
  });
  return out;
}

// Compiled once with the d flag, so a rule's capture group gives its exact offsets.
const COMPILED = RULES.map((r) => ({ ...r, pattern: new RegExp(r.pattern.source, `${r.pattern.flags.replace('d', '')}d`) }));

/** Every shaped span, in rule priority order (earlier wins an overlap). */
export function shapedSpans(text: string, view: string): Span[] {
  const out: Span[] = [];
  for (const rule of COMPILED) {
    for (const m of view.matchAll(rule.pattern)) {
      const at = m.indices?.[rule.group ?? 0];
      if (!at) continue;
      const [start, end] = at;
      if (rule.accept && !rule.accept(view.slice(start, end), { view, text, start, end, match: m })) continue;
      out.push({ kind: rule.kind, start, end });
    }
  }
  out.push(...cnAddress(view, text), ...enAddress(view));
  return out;
}
