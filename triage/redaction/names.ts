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

/** End of a Chinese name starting at `i`, or -1. */
export function chineseNameEnd(text: string, i: number): number {
  let j = -1;
  for (const c of COMPOUND) if (text.startsWith(c, i)) j = i + c.length;
  if (j < 0 && SURNAME.has(text[i] ?? '')) j = i + 1;
  if (j < 0) return -1;
  let given = 0;
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
  return out;
}
