import { isValidHkid, isValidTaiwanId, luhnValid } from './checks.js';
import type { RedactionKind } from './patterns.js';

/**
 * Seeded generators of fake personal data in every shape the redaction must hide. Nothing here is a real
 * person's: names are drawn from common surnames and given-name characters, numbers are random with valid
 * check digits where the document has one.
 */
export type Rng = () => number;

export interface Fake {
  kind: RedactionKind;
  /** e.g. mobile_dots, hkid, address_hk: figures are reported per kind, shapes help tuning. */
  shape: string;
  value: string;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const digitsOf = (rng: Rng, n: number) => Array.from({ length: n }, () => String(int(rng, 0, 9))).join('');

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿关兰焦俞柳祝舒阮柯梅童凌裴霍';
const COMPOUND = ['欧阳', '司马', '诸葛', '上官'];
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲丹建文辉力斌宇浩凯婷雪琳晨欣怡佳俊鹏飞鑫宏志国庆春梅兰云峰亮成龙海波颖慧晓燕子轩梓涵雨萱思源博一鸣天佑嘉豪诗琪';
const EN_FIRST = ['John', 'Mary', 'David', 'Sarah', 'Michael', 'Emily', 'Peter', 'Grace', 'Kevin', 'Alice', 'Tom', 'Helen'];
const EN_LAST = ['Smith', 'Brown', 'Wilson', 'Taylor', 'Johnson', 'Lee', 'Wong', 'Cheung', 'Ng', 'Lau'];
const HK_SURNAMES = ['Chan', 'Wong', 'Leung', 'Lau', 'Cheung', 'Ho', 'Lam', 'Tsang', 'Ng', 'Yeung'];
const HK_GIVEN = ['Tai', 'Siu', 'Ka', 'Wing', 'Kwok', 'Chi', 'Man', 'Ming', 'Yuk', 'Hoi', 'Wai', 'Fung'];
const PINYIN = ['Zhang Wei', 'Li Na', 'Wang Fang', 'Liu Yang', 'Chen Jie', 'Huang Min', 'Zhao Lei', 'Zhou Qiang'];

export function chineseName(rng: Rng): string {
  const surname = rng() < 0.05 ? pick(rng, COMPOUND) : pick(rng, [...SURNAMES]);
  const n = rng() < 0.3 ? 1 : 2;
  let given = '';
  for (let i = 0; i < n; i++) given += pick(rng, [...GIVEN]);
  return surname + given;
}

export function englishName(rng: Rng): string {
  const r = rng();
  if (r < 0.4) return `${pick(rng, HK_SURNAMES)} ${pick(rng, HK_GIVEN)}-${pick(rng, HK_GIVEN).toLowerCase()}`;
  if (r < 0.8) return `${pick(rng, EN_FIRST)} ${pick(rng, EN_LAST)}`;
  return pick(rng, PINYIN);
}

const CJK = '零一二三四五六七八九';
const toCjk = (d: string) => d.replace(/\d/g, (c) => CJK[Number(c)]!);

export function mobile(rng: Rng): Fake {
  const d = `1${pick(rng, ['3', '5', '7', '8', '9'])}${digitsOf(rng, 9)}`;
  const shapes: Array<[string, string]> = [
    ['mobile_plain', d],
    ['mobile_spaces', `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`],
    ['mobile_dashes', `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`],
    ['mobile_dots', `${d.slice(0, 3)}.${d.slice(3, 7)}.${d.slice(7)}`],
    ['mobile_4_3_4', `${d.slice(0, 4)}-${d.slice(4, 7)}-${d.slice(7)}`],
    ['mobile_plus86', `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`],
    ['mobile_plus86_tight', `+86${d}`],
    ['mobile_cjk', toCjk(d)],
  ];
  const [shape, value] = pick(rng, shapes);
  return { kind: 'phone', shape, value };
}

export function otherPhone(rng: Rng): Fake {
  const hk = `${pick(rng, ['5', '6', '9', '2', '3'])}${digitsOf(rng, 7)}`;
  const shapes: Array<[string, string]> = [
    ['hk_plus852', `+852 ${hk.slice(0, 4)} ${hk.slice(4)}`],
    ['hk_plus852_tight', `+852${hk}`],
    ['hk_local', `${hk.slice(0, 4)} ${hk.slice(4)}`],
    ['macau', `+853 6${digitsOf(rng, 3)} ${digitsOf(rng, 4)}`],
    ['taiwan_mobile', `09${digitsOf(rng, 2)}-${digitsOf(rng, 3)}-${digitsOf(rng, 3)}`],
    ['landline_0755', `0755-${int(rng, 2, 8)}${digitsOf(rng, 7)}`],
    ['landline_paren', `(020)${int(rng, 2, 8)}${digitsOf(rng, 7)}`],
  ];
  const [shape, value] = pick(rng, shapes);
  return { kind: 'phone', shape, value };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function id18(rng: Rng): string {
  const area = pick(rng, ['440305', '440303', '440304', '110105', '310115', '350102', '810000']);
  const birth = `${int(rng, 1950, 2005)}${String(int(rng, 1, 12)).padStart(2, '0')}${String(int(rng, 1, 28)).padStart(2, '0')}`;
  const body = area + birth + digitsOf(rng, 3);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11]!;
}

function hkid(rng: Rng): string {
  for (;;) {
    const letters = rng() < 0.8 ? pick(rng, [...'ACDEGHKPRVYZ']) : pick(rng, ['XA', 'WX']);
    const body = digitsOf(rng, 6);
    for (const c of '0123456789A') if (isValidHkid(letters + body + c)) return `${letters}${body}(${c})`;
  }
}

function taiwanId(rng: Rng): string {
  for (;;) {
    const body = `${pick(rng, [...'ABCDEFHKT'])}${pick(rng, ['1', '2'])}${digitsOf(rng, 7)}`;
    for (const c of '0123456789') if (isValidTaiwanId(body + c)) return body + c;
  }
}

export function identity(rng: Rng): Fake {
  const r = rng();
  if (r < 0.35) {
    const v = id18(rng);
    return { kind: 'id_number', shape: 'id18', value: rng() < 0.2 ? `${v.slice(0, 6)} ${v.slice(6, 14)} ${v.slice(14)}` : v };
  }
  if (r < 0.55) return { kind: 'id_number', shape: 'hkid', value: hkid(rng) };
  if (r < 0.65) return { kind: 'id_number', shape: 'macau', value: `${pick(rng, ['1', '5', '7'])}${digitsOf(rng, 6)}(${int(rng, 0, 9)})` };
  if (r < 0.75) return { kind: 'id_number', shape: 'taiwan', value: taiwanId(rng) };
  const passport = pick(rng, [`E${digitsOf(rng, 8)}`, `E${pick(rng, [...'ABCDEFGH'])}${digitsOf(rng, 7)}`, `K${digitsOf(rng, 8)}`, `C${digitsOf(rng, 8)}`, `G${digitsOf(rng, 8)}`]);
  return { kind: 'passport', shape: 'passport', value: passport };
}

export function bankCard(rng: Rng): Fake {
  for (;;) {
    const len = pick(rng, [16, 19]);
    const body = pick(rng, ['6222', '6217', '6228', '4111', '5201']) + digitsOf(rng, len - 5);
    for (const c of '0123456789') {
      if (!luhnValid(body + c)) continue;
      const v = body + c;
      return { kind: 'bank_card', shape: `card${len}`, value: rng() < 0.4 ? v.replace(/(\d{4})(?=\d)/g, '$1 ') : v };
    }
  }
}

const PINYIN_USER = ['zhangwei', 'lina88', 'wang.fang', 'chen_jie', 'xiaoming', 'liuyang2020', 'hm_huang'];
export function email(rng: Rng): Fake {
  return { kind: 'email', shape: 'email', value: `${pick(rng, PINYIN_USER)}${int(rng, 1, 999)}@${pick(rng, ['qq.com', '163.com', 'gmail.com', 'example.com.cn', 'outlook.com'])}` };
}

const PROVINCES = '粤京沪苏浙闽湘鄂川';
export function plate(rng: Rng): Fake {
  const letter = pick(rng, [...'ABCDEFGHJKLMNPQRS']);
  const tail = () => Array.from({ length: 5 }, () => (rng() < 0.8 ? String(int(rng, 0, 9)) : pick(rng, [...'ABCDEFGHJKLMNPQRSTUVWXYZ']))).join('');
  let t = tail();
  if (!/\d/.test(t)) t = `1${t.slice(1)}`;
  if (rng() < 0.35) return { kind: 'plate', shape: 'plate_new_energy', value: `${pick(rng, [...PROVINCES])}${letter}${pick(rng, ['D', 'F'])}${t}` };
  return { kind: 'plate', shape: 'plate', value: `${pick(rng, [...PROVINCES])}${letter}${rng() < 0.2 ? '·' : ''}${t}` };
}

export function account(rng: Rng): Fake {
  if (rng() < 0.5) return { kind: 'account', shape: 'qq', value: `${int(rng, 1, 9)}${digitsOf(rng, int(rng, 5, 9))}` };
  const base = pick(rng, ['abc', 'zhang', 'lucky', 'mike', 'xf', 'happy', 'wxid']);
  return { kind: 'account', shape: 'wechat', value: `${base}${pick(rng, ['_', '-', ''])}${digitsOf(rng, int(rng, 3, 6))}` };
}

const DISTRICTS = ['福田区', '罗湖区', '南山区', '宝安区', '龙岗区', '龙华区'];
const ROADS = ['华强北路', '深南大道', '红荔路', '建设路', '人民南路', '新洲路', '梅林路', '布心路', '宝民一路'];
const ESTATES = ['赛格广场', '景田小区', '碧海花园', '万科城', '阳光华苑', '翠竹苑', '金地名峰'];
export function chineseAddress(rng: Rng): Fake {
  const n = () => String(int(rng, 1, 2999));
  const b = () => String(int(rng, 1, 30));
  const room = () => `${int(rng, 1, 32)}${String(int(rng, 1, 12)).padStart(2, '0')}`;
  const shapes: Array<[string, string]> = [
    ['address_full', `${pick(rng, DISTRICTS)}${pick(rng, ROADS)}${n()}号${pick(rng, ESTATES)}${b()}栋${room()}室`],
    ['address_estate', `${pick(rng, ESTATES)}${b()}栋${int(rng, 1, 4)}单元${room()}`],
    ['address_road', `${pick(rng, ROADS)}${n()}号`],
    ['address_lane', `${pick(rng, ['万源路', '龙吴路', '长阳路'])}${n()}弄${b()}号${room()}室`],
    ['address_building', `${pick(rng, ESTATES)}${b()}号楼${room()}室`],
    ['address_village', `${pick(rng, ['岗厦村', '白石洲村', '水围村'])}${b()}巷${b()}号`],
    ['address_cjk', `${pick(rng, ESTATES)}${toCjk(String(int(rng, 1, 9)))}栋${room()}室`],
  ];
  const [shape, value] = pick(rng, shapes);
  return { kind: 'address', shape, value };
}

export function hongKongAddress(rng: Rng): Fake {
  const v = `${pick(rng, ['彌敦道', '軒尼詩道', '英皇道', '青山公路'])}${int(rng, 1, 999)}號${pick(rng, ['美麗華大廈', '華富邨華安樓', '恆豐大廈'])}${int(rng, 1, 40)}樓${pick(rng, ['A', 'B', 'C', 'D'])}室`;
  return { kind: 'address', shape: 'address_hk', value: v };
}

export function englishAddress(rng: Rng): Fake {
  const shapes: Array<[string, string]> = [
    ['address_en_flat', `Flat ${int(rng, 1, 40)}${pick(rng, ['A', 'B', 'C', 'D'])}, ${int(rng, 1, 40)}/F, Block ${int(rng, 1, 9)}, ${int(rng, 1, 999)} ${pick(rng, ['Nathan Road', "King's Road", 'Shennan Avenue', 'Queen Street'])}`],
    ['address_en_road', `${int(rng, 1, 999)} ${pick(rng, ['Nathan Road', 'Huaqiang North Road', 'Jianshe Road', 'Hennessy Road'])}`],
    ['address_en_room', `Room ${int(rng, 101, 3212)}, ${pick(rng, ['Sunshine Garden', 'Jingtian Estate', 'Harbour View'])}`],
  ];
  const [shape, value] = pick(rng, shapes);
  return { kind: 'address', shape, value };
}
