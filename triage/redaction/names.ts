import { simplifiedToTraditional } from '../../kernel/language.js';
import type { Span } from './patterns.js';

/**
 * Person names where a letter introduces or signs them: 我叫… / 我係… / 本人… / 姓名：… / a signature at
 * the end, "my name is …", "Name: …", "Regards, …". A Chinese name is a known surname and one or two more
 * characters; a bare name with no such cue is left (no dictionary of given names is reliable enough to
 * tell 王芳 from 王府 in running text).
 */

const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝' +
  '張劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸範賈韋鄒龍賀顧龔萬錢嚴聶魯歐關蘭喬顏莊紀畢單塗駱藍鮑華饒陽時農簡車項連蘆婁竇黨宮費衛閔鄔邊師欒榮鞏遲鄺齊寧閆湯溫龐繆叢於';
const COMPOUND = ['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '令狐', '司徒', '夏侯', '长孙', '長孫', '宇文', '轩辕', '軒轅', '澹台', '澹臺'];
// 繁體 forms come from the same conversion the rest of the project uses (陳, 蔣, 嶽 …).
const SURNAME = new Set([...SINGLE, ...simplifiedToTraditional(SINGLE), '嶽']);
for (const c of [...COMPOUND]) COMPOUND.push(simplifiedToTraditional(c));

/** Characters that end a name: grammar, and the words that usually follow a name in a letter. */
const STOP = new Set(
  '是的了在住家今年男女电電手身联聯现現因于於从從和与與及向反要想来來先同之我你他她们們这這那有没沒吧呢啊请請系係岁歲工本目此特就也都已曾被把对對为為以所将將给給让讓叫号號话話机機证證人地区區市省县縣镇鎮街路业業生士老师師医醫院公司局厅廳等某某*＊，,。.、；;：:！!？?（）()「」“”"\'《》 '.split(''),
);
const HAN = /\p{Script=Han}/u;
/** Words that start with a surname character but are not names (居民房屋, 此致谢谢, 业主高速…). */
const NOT_A_NAME = new Set(
  '谢谢 謝謝 房屋 房子 房产 房產 房东 房東 房租 高速 高中 高铁 高鐵 高层 高層 高楼 高樓 方面 方便 方式 方案 方法 文化 文明 文件 安全 安排 安装 安裝 金额 金額 石头 常规 常年 明天 明年 明显 明顯 和谐 和諧 平安 万元 萬元 时间 時間 时候 時候 余额 餘額 车辆 車輛 车位 車位 车库 車庫 路段 路口 路面 管理 管道 成本 成为 成為 任何 任务 任務 严重 嚴重 单位 單位 包括 全部 全体 全體 全面 应该 應該 应当 應當 农村 農村 农民 農民 关于 關於 关系 關係 商家 商品 商业 商業 商铺 商鋪 项目 項目 简单 簡單 费用 費用 党员 黨員 卫生 衛生 师傅 師傅 和平 华人 華人 连续 連續 江边 黄色 白天 田地 马上 馬上 孔子 周边 周邊 周末 周围 周圍 周年 朱门 向来 曾经 曾經 尤其 于是 程序 司机 司機 龙头 龍頭 钱款 錢款 宁可 寧可 甘心 余下 时代 時代 毛病 段时 齐全 齊全 景区 景區 游客 游戏 遊戲 应急 應急 戴口 解决 解決 解释 解釋 和全 谷歌 古老 苗木 牛奶 车主 車主 邱某 陆续 陸續 潘多 康复 康復 施工 温度 溫度 龚某 左右 左侧 左側 柳树 柴油 雷雨 贾某'.split(' '),
);

/**
 * End of a Chinese name starting at `i`, or -1. `family`: 家 may open a two-character given name (張家明,
 * 陈家豪) — only where the cue leaves no doubt, as 家 usually ends a name (张伟家住…) or makes a place (陈家村).
 */
export function chineseNameEnd(text: string, i: number, family = false): number {
  let j = -1;
  for (const c of COMPOUND) if (text.startsWith(c, i)) j = i + c.length;
  if (j < 0 && SURNAME.has(text[i] ?? '')) j = i + 1;
  if (j < 0) return -1;
  let given = 0;
  const next = text[j + 1] ?? '';
  if (family && text[j] === '家' && HAN.test(next) && !STOP.has(next) && !/[村屯庄莊园園湾灣坊寨祠店铺鋪族]/.test(next)) {
    j++;
    given++;
  }
  while (given < 2 && j < text.length && HAN.test(text[j]!) && !STOP.has(text[j]!)) {
    j++;
    given++;
  }
  if (given === 0 || NOT_A_NAME.has(text.slice(i, i + 2))) return -1;
  return j;
}

// Any name follows these (they introduce one).
const LOOSE_CUE =
  /(?:(?:我叫做|我叫|我名叫|名叫|我的名字是|我的名字叫|我个名叫|我個名叫|我嘅名叫|我嘅名係|我姓名是|本人姓名|姓名|名字|签名|簽名|署名|落款)[\s:：]*(?:是|为|為|叫|係)?|(?:联系人|聯繫人|聯絡人|联络人|申请人|申請人|投诉人|投訴人|举报人|舉報人|反映人|来信人|來信人|申诉人|申訴人|户主|戶主|当事人|當事人|受害人|求助人)(?:[\s]*[:：]|\s))[\s:：]*/g;
// These are followed by a name only sometimes (本人反映, 我是业主): the name must be followed by a break.
const STRICT_CUE = /(?:本人|我是|我係|我系|鄙人|在下|我乃|居民|业主|業主|住户|住戶|市民|村民|租户|租戶|家长|家長|员工|員工)[\s:：]*/g;
const STRICT_AFTER = /^(?:$|[\s，,。.、；;（(！!]|男|女|身份|电话|電話|手机|手機|住|家住|现住|現住|系|是|今年|\d|反映|投诉|投訴|举报|舉報|来电|來電|来信|來信|称|稱|说|說|表示|要求|先生|女士|小姐)/;
// A signature: a closing word or a sentence end, then the name, an optional date, the end of the text.
const CLOSING = '(?:此致\\s*敬礼|此致\\s*敬禮|敬礼|敬禮|此致|谢谢|謝謝|多谢|多謝|感谢|感謝|致谢|致謝|唔該|——|—|－－|--|签名|簽名|署名|落款|[。！!？?])';
const DATE = '(?:\\d{4}\\s*[年./-]\\s*\\d{1,2}(?:\\s*[月./-]\\s*\\d{1,2}\\s*[日号號]?)?)';
const SIGNATURE_TAIL = new RegExp(`^(?:\\s*(?:先生|女士|小姐))?[\\s，,]*(?:${DATE})?[\\s。.！!]*$`);
const CLOSING_RE = new RegExp(`${CLOSING}[！!。，,.\\s:：]*`, 'g');

const EN_STOP = new Set(
  'and or i im me my mine the a an from living live lives who at in on of with to for is am was are be but please thanks thank you we our us phone tel email mobile address id here there resident tenant owner writing calling not so very also sir madam dear regarding about wechat qq flat room block staying this that it no yes number call contact reach whatsapp since currently just really now today yesterday reporting complaining asking'.split(' '),
);
const EN_CUE =
  /\b(?:my name is|my name's|my full name is|i am called|i'm called|full name\s*[:：]|name\s*[:：]|contact(?: person)?\s*[:：]|applicant\s*[:：]|complainant\s*[:：]|signed[,:]?|call me)\s*/gi;
const EN_CLOSING = /\b(?:regards|best regards|kind regards|sincerely|yours sincerely|yours faithfully|yours truly|thanks|thank you|cheers)\s*[,，]?\s*/gi;
const EN_TOKEN = /^(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)?)/i;
const EN_SELF = /\b(?:I'm|I’m|I am)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?((?:[A-Z][a-z'’]+(?:-[A-Za-z]+)?)(?:\s+[A-Z][a-z'’]+(?:-[A-Za-z]+)?){0,2})/g;
const NOT_NAMES = new Set('chinese british american canadian australian indian filipino hong kong shenzhen guangdong writing living not very from a an the here so sorry afraid worried angry tired'.split(' '));

/** End of an English name (1–3 words) starting at `i`, or -1. */
function englishNameEnd(text: string, i: number): number {
  let j = i;
  let words = 0;
  while (words < 3) {
    const m = EN_TOKEN.exec(text.slice(j));
    if (!m || EN_STOP.has(m[1]!.toLowerCase())) break;
    j += m[0].length;
    words++;
    const gap = /^ +/.exec(text.slice(j));
    if (!gap) break;
    if (words < 3 && EN_TOKEN.test(text.slice(j + gap[0].length)) && !EN_STOP.has(EN_TOKEN.exec(text.slice(j + gap[0].length))![1]!.toLowerCase())) j += gap[0].length;
    else break;
  }
  return words === 0 ? -1 : j;
}

// ---- Other people's names, introduced by a naming cue (老板叫王建国, the landlord's name is Chen, Mr Li).
// A naming verb after one of these nouns names a person, not a company or an estate; 叫 after anything
// else is too often "ask / call for" (叫救护车, 叫人来, 叫我去).
const ZH_PERSON =
  '老板娘|老闆娘|老板|老闆|老细|老細|事头婆|事頭婆|事头|事頭|二房东|二房東|房东|房東|业主|業主|租客|房客|租户|租戶|住户|住戶|邻居|鄰居|街坊|室友|舍友|男人|女人|男子|女子|男的|女的|男仔|女仔|后生仔|後生仔|阿伯|阿婆|伯伯|阿叔|阿姨|大叔|大妈|大媽|包工头|包工頭|工头|工頭|判头|判頭|承包人|负责人|負責人|法人|法定代表人|班主任|老师|老師|校长|校長|经理|經理|主管|上司|领导|領導|经纪|經紀|中介|司机|司機|保安|师傅|師傅|医生|醫生|护士|護士|律师|律師|民警|同事|同学|同學|朋友|亲戚|親戚|老公|老婆|丈夫|妻子|太太|前夫|前妻|男朋友|女朋友|男友|女友|儿子|兒子|女儿|女兒|孩子|小孩|细路|細路|个仔|個仔|个女|個女|父亲|父親|母亲|母親|爸爸|妈妈|媽媽|老豆|老母|爷爷|爺爺|奶奶|外公|外婆|哥哥|姐姐|弟弟|妹妹|对方|對方|男方|女方|债务人|債務人|欠款人|被告|原告|那人|这人|這人|此人|该人|該人|个人|個人|嗰个|嗰個|那位|这位|這位|他|她|佢';
const ZH_OTHER_CUE = new RegExp(`(?:${ZH_PERSON})(?:好像|好似|应该|應該|可能|据说|據說|就)?(?:叫做|叫作|叫)[\\s:：]*`, 'g');
// 叫王建国的包工头 / 一个叫做陈志明嘅人: the name is followed by 的 and the person.
const ZH_CALLED_THE = /(?:叫做|叫作|叫)[\s]*/g;
const ZH_CALLED_AFTER = new RegExp(`^(?:的|嘅)(?:那|这|這|嗰)?(?:个|個|位)?(?:${ZH_PERSON}|人|男|女)`);
// 房东姓陈，叫陈志明: the name must start with the surname just given.
const ZH_SURNAME_THEN = /姓(\p{Script=Han}{1,2}?)[\s，,、。;；]*(?:全名|名字|名)?(?:叫做|叫作|叫|係|是|为|為)[\s:：]*/gu;
// What may follow a name given this way: a break, or a verb or adverb that starts what the person did.
const ZH_OTHER_AFTER =
  /^(?:$|[\s，,。.、；;：:！!？?）)」』"”…～~]|是|系|係|今年|欠|拖|拒|不|没|沒|冇|唔|也|还|還|又|就|经常|經常|一直|总是|總是|成日|成天|每|在|喺|住|把|将|將|跟|和|与|與|同|对|對|说|說|讲|講|话|話|打|骂|罵|威胁|威脅|恐吓|恐嚇|已|曾|的|嘅|男|女|大概|约|約|\d|先生|女士|小姐|电话|電話|手机|手機)/;
// Forms of address that are not given names (王师傅, 李经理, 陈生, 王总): the surname alone stays.
const ZH_TITLE = /^(?:经理|經理|总|總|董|主任|科长|科長|局长|局長|书记|書記|校长|校長|院长|院長|所长|所長|厂长|廠長|村长|村長|队长|隊長|组长|組長|部长|部長|处长|處長|警官|律师|律師|医生|醫生|护士|護士|阿姨|叔叔|叔|姨|伯|婶|嬸|哥|姐|仔|太|小姐|生|工|老|师|師|某|记者|記者|会计|會計|主管|老板|老闆)/;

// 叫 + a person + what they are told to do (叫安静点, 叫高价卖): a name does not end in these.
const ZH_NOT_LAST = /[点點些吧啊呀吗嗎嘛哦着著过過去走卖賣买買吃喝滚滾搬拿送修找问問等交付停别別做看打骂罵弄搞帮幫带帶回掉好完快慢]/;

/** End of a Chinese name given for someone else at `i` (the longest that a break or a verb follows), or -1. */
function otherChineseNameEnd(text: string, i: number, after: RegExp = ZH_OTHER_AFTER): number {
  const max = chineseNameEnd(text, i, true);
  if (max < 0) return -1;
  const surname = COMPOUND.some((c) => text.startsWith(c, i)) ? 2 : 1;
  if (ZH_TITLE.test(text.slice(i + surname))) return -1;
  for (let end = max; end > i + surname; end--) if (!ZH_NOT_LAST.test(text[end - 1]!) && after.test(text.slice(end))) return end;
  return -1;
}

const EN_PERSON =
  "boss|landlord|landlady|owner|neighbou?r|manager|supervisor|employer|foreman|contractor|agent|tenant|roommate|flatmate|husband|wife|ex-husband|ex-wife|ex|partner|boyfriend|girlfriend|son|daughter|father|mother|dad|mum|mom|brother|sister|uncle|aunt|auntie|grandmother|grandfather|friend|colleague|co-?worker|teacher|principal|doctor|nurse|lawyer|driver|worker|guard|caretaker|cleaner|officer|debtor|seller|buyer|man|woman|guy|lady|gentleman|person|someone|somebody|child|kid|boy|girl";
const EN_NAME_WORD = '(?:(?:full|real|first|last|sur|family|given)\\s*)?name';
const EN_OTHER_CUE = new RegExp(
  `\\b(?:(?:his|her|their|whose)\\s+${EN_NAME_WORD}|(?:(?:the|my|our|this|that|his|her|their)\\s+)?(?:[a-z-]+\\s+)?(?:${EN_PERSON})s?(?:'s|’s|'|’)?\\s+${EN_NAME_WORD}|(?:the\\s+)?name\\s+of\\s+(?:the|my|our|this|that|his|her|their)\\s+(?:[a-z-]+\\s+)?(?:${EN_PERSON}))\\s*(?:is|was|[:：])\\s*`,
  'gi',
);
// "a man called Wang", "my neighbour, named Li Wei", "he's called Chen"; not "I called the police".
const EN_CALLED = new RegExp(`\\b(?:(?:${EN_PERSON})s?\\s*,?|(?:he|she|who)(?:'s|’s|\\s+is|\\s+was))\\s+(?:named|called)\\s+`, 'gi');
// An English message naming someone in Chinese: "my colleague 张伟 same problem", "our landlord 陈志明 won't answer".
const EN_ROLE_HAN = new RegExp(`\\b(?:my|our|the|his|her|their)\\s+(?:[a-z-]+\\s+)?(?:${EN_PERSON})s?\\s*(?=\\p{Script=Han})`, 'giu');
const EN_TITLE = /\b(?:Mr|Mrs|Ms|Miss|Mdm|Madam|Dr)\b\.?\s*(?=[A-Z])|\b(?:mr|mrs|mdm)\b\.?\s+(?=[a-z]{2,}\b)/g;
// A capitalised run with one of these words is a company, an estate, a road or an office, which routing needs.
const EN_PLACE = new Set(
  'property properties apartment apartments estate estates garden gardens court tower towers plaza centre center mall company co ltd limited group management services service restaurant hotel hospital clinic school kindergarten academy university college bank road rd street st avenue ave lane drive dr park village mansion mansions house building city district town club shop store market supermarket agency realty holdings industrial factory technology technologies tech trading logistics construction development developments international corp corporation inc llc studio salon station square bay heights villa villas residence residences lodge place terrace community bureau office department police fire ambulance security government council committee association foundation church temple industries enterprise enterprises electronics motors express delivery network media education training cafe bar'.split(' '),
);

/** End of someone's capitalised English name at `i` (not a company or a place), or -1. */
function otherEnglishNameEnd(text: string, i: number, lowerOk = false): number {
  if (lowerOk) {
    const m = /^[a-z]{2,}\b/.exec(text.slice(i));
    return m && !EN_STOP.has(m[0]) && !NOT_NAMES.has(m[0]) ? i + m[0].length : -1;
  }
  const run = /^[A-Z][A-Za-z'’&-]*(?: +[A-Z&][A-Za-z'’&-]*)*/.exec(text.slice(i, i + 120));
  if (!run || run[0].split(/ +/).some((w) => EN_PLACE.has(w.toLowerCase().replace(/(?:'s|’s)$/, '')))) return -1;
  const end = englishNameEnd(text, i);
  if (end < 0) return -1;
  // englishNameEnd also takes lower-case words (a self-introduction may be typed so); someone else's name must be capitalised.
  let j = i;
  for (const w of text.slice(i, end).split(' ')) {
    if (!/^[A-Z][a-z]|^[A-Z]\.?$/.test(w) || NOT_NAMES.has(w.toLowerCase())) break;
    j += (j > i ? 1 : 0) + w.length;
  }
  return j > i ? j : -1;
}

function otherPeopleSpans(text: string, push: (start: number, end: number, sure?: boolean) => void): void {
  for (const m of text.matchAll(ZH_OTHER_CUE)) {
    const i = m.index! + m[0].length;
    const end = otherChineseNameEnd(text, i);
    if (end > 0) push(i, end, true);
  }
  for (const m of text.matchAll(ZH_CALLED_THE)) {
    const i = m.index! + m[0].length;
    const end = otherChineseNameEnd(text, i, ZH_CALLED_AFTER);
    if (end > 0) push(i, end, true);
  }
  for (const m of text.matchAll(ZH_SURNAME_THEN)) {
    const i = m.index! + m[0].length;
    const end = text.startsWith(m[1]!, i) ? otherChineseNameEnd(text, i) : -1;
    if (end > 0) push(i, end, true);
  }
  for (const re of [EN_OTHER_CUE, EN_CALLED]) {
    for (const m of text.matchAll(re)) {
      const i = m.index! + m[0].length;
      const end = otherEnglishNameEnd(text, i);
      const zh = end > 0 ? -1 : otherChineseNameEnd(text, i);
      if (end > 0) push(i, end, true);
      else if (zh > 0) push(i, zh, true);
    }
  }
  for (const m of text.matchAll(EN_ROLE_HAN)) {
    const i = m.index! + m[0].length;
    const end = otherChineseNameEnd(text, i);
    if (end > 0) push(i, end, true);
  }
  for (const m of text.matchAll(EN_TITLE)) {
    const i = m.index! + m[0].length;
    const end = otherEnglishNameEnd(text, i, /^[a-z]/.test(m[0]));
    if (end > 0) push(i, end, true);
  }
}

export function nameSpans(text: string): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number, sure = false) => out.push({ kind: 'name', start, end, ...(sure ? { sure } : {}) });
  for (const m of text.matchAll(LOOSE_CUE)) {
    const i = m.index! + m[0].length;
    const end = chineseNameEnd(text, i);
    if (end > 0) push(i, end, true);
    else {
      const en = englishNameEnd(text, i);
      if (en > 0 && /^[A-Z]/.test(text.slice(i))) push(i, en, true);
    }
  }
  for (const m of text.matchAll(STRICT_CUE)) {
    const i = m.index! + m[0].length;
    const end = chineseNameEnd(text, i);
    if (end > 0 && STRICT_AFTER.test(text.slice(end, end + 2))) push(i, end);
  }
  for (const m of text.matchAll(CLOSING_RE)) {
    const i = m.index! + m[0].length;
    const end = chineseNameEnd(text, i);
    if (end > 0 && SIGNATURE_TAIL.test(text.slice(end)) && (m[0][0] !== '。' || /\d/.test(text.slice(end)))) push(i, end);
    else if (end < 0 && !/^[。！!？?]/.test(m[0])) {
      const en = englishNameEnd(text, i);
      if (en > 0 && SIGNATURE_TAIL.test(text.slice(en))) push(i, en);
    }
  }
  for (const m of text.matchAll(EN_CUE)) {
    const i = m.index! + m[0].length;
    const end = englishNameEnd(text, i);
    if (end > 0) push(i, end, true);
    else {
      const zh = chineseNameEnd(text, i);
      if (zh > 0) push(i, zh, true);
    }
  }
  for (const m of text.matchAll(EN_CLOSING)) {
    const i = m.index! + m[0].length;
    const end = englishNameEnd(text, i);
    if (end > 0 && /^[\s.,!]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?[\s.]*$/.test(text.slice(end))) push(i, end);
  }
  for (const m of text.matchAll(EN_SELF)) {
    const words = m[1]!.split(/\s+/);
    const kept: string[] = [];
    for (const w of words) {
      if (NOT_NAMES.has(w.toLowerCase()) || EN_STOP.has(w.toLowerCase())) break;
      kept.push(w);
    }
    if (!kept.length) continue;
    const start = m.index! + m[0].length - m[1]!.length;
    push(start, start + kept.join(' ').length, true);
  }
  otherPeopleSpans(text, push);
  return out;
}
