import { simplifiedToTraditional, type Language } from '../../kernel/language.js';
import { makeRng, shuffleInPlace } from '../learner/prng.js';
import type { RedactionKind } from './patterns.js';
import {
  account, bankCard, chineseAddress, chineseName, email, englishAddress, englishName, hongKongAddress, identity, mobile, otherPhone, plate,
  type Fake, type Rng,
} from './generate.js';

/**
 * The redaction test corpus: real letters (read by path, never stored in the repository) with fake personal
 * data inserted at known offsets, in 简体, 繁體 (with Cantonese phrasing) and English. Deterministic for a
 * seed: the same letters and seed give the same documents on every machine.
 */
export interface GoldSpan {
  kind: RedactionKind;
  shape: string;
  start: number;
  end: number;
}

export interface EvalDoc {
  id: string;
  language: Language;
  text: string;
  gold: GoldSpan[];
  /** true when the text around the insertions is a real letter (false: a synthetic English request). */
  realLetter: boolean;
}

export interface Letter {
  id: string;
  text: string;
}

type Template = readonly [string, string];
/** Sentences around a value, per language; `end` ones are signatures placed at the end of the letter. */
interface Templates {
  [kind: string]: { mid: readonly Template[]; end?: readonly Template[] };
}

const ZH: Templates = {
  name: {
    mid: [['我叫', '，'], ['本人', '，男，'], ['姓名：', '，'], ['联系人：', '。'], ['我是', '，住在本小区。'], ['投诉人：', '。'], ['我的名字是', '。']],
    end: [['此致敬礼！', ' 2024年3月5日'], ['谢谢！', ''], ['——', ''], ['。', ' 2023年11月2日']],
  },
  phone: { mid: [['我的电话是', '。'], ['联系电话：', '。'], ['手机', '，请回复。'], ['有事请打', '联系我。'], ['号码：', '。'], ['请致电', '。']] },
  id_number: { mid: [['我的身份证号是', '。'], ['身份证：', '，'], ['证件号码', '。']] },
  passport: { mid: [['护照号码', '。'], ['我的护照是', '。'], ['通行证号', '。']] },
  bank_card: { mid: [['工资卡号', '，'], ['银行卡号：', '。'], ['请打到卡号', '。']] },
  email: { mid: [['邮箱', '。'], ['请发邮件到', '。'], ['电子邮箱：', '。']] },
  plate: { mid: [['车牌号', '的车一直占道。'], ['那辆', '每天停在消防通道上。'], ['我的车', '被剐了。']] },
  account: { mid: [['QQ：', '。'], ['微信号', '，可以加我。'], ['微信：', '。'], ['QQ号', '。']] },
  address: { mid: [['我家住在', '。'], ['地址：', '，'], ['我住', '，楼下噪音很大。'], ['家庭住址', '。']] },
};

const YUE: Templates = {
  name: { mid: [['我叫', '，'], ['我係', '，'], ['我個名叫', '。'], ['姓名：', '，']], end: [['唔該晒！', ''], ['此致敬禮！', ' 2024年3月5日']] },
  phone: { mid: [['我電話係', '。'], ['聯絡電話：', '。'], ['請致電', '搵我。'], ['手機', '。']] },
  id_number: { mid: [['我身份證係', '。'], ['身份證號碼：', '。']] },
  passport: { mid: [['護照號碼', '。'], ['回鄉證', '。']] },
  bank_card: { mid: [['銀行戶口', '。'], ['卡號：', '。']] },
  email: { mid: [['電郵：', '。'], ['我個email係', '。']] },
  plate: { mid: [['車牌', '架車成日泊喺度。'], ['嗰架', '成日阻住條路。']] },
  account: { mid: [['WeChat：', '。'], ['微信號', '。'], ['QQ：', '。']] },
  address: { mid: [['我住喺', '，'], ['地址：', '。'], ['住址', '。']] },
};

const EN: Templates = {
  name: { mid: [['My name is ', '. '], ["I'm ", ', a resident here. '], ['Name: ', '. '], ['Contact person: ', '. ']], end: [['Regards, ', ''], ['Thank you, ', ''], ['Sincerely, ', '']] },
  phone: { mid: [['My phone number is ', '. '], ['Call me at ', '. '], ['Tel: ', '. '], ['WhatsApp ', ' anytime. ']] },
  id_number: { mid: [['My ID card number is ', '. '], ['HKID: ', '. '], ['ID no. ', '. ']] },
  passport: { mid: [['My passport number is ', '. '], ['Passport: ', '. ']] },
  bank_card: { mid: [['My bank card number is ', '. '], ['Account number: ', '. ']] },
  email: { mid: [['Email me at ', '. '], ['E-mail: ', '. ']] },
  plate: { mid: [['The car with plate ', ' blocks the fire lane every night. '], ['A van, ', ', parks on the pavement. ']] },
  account: { mid: [['WeChat: ', '. '], ['My WeChat ID is ', '. '], ['QQ: ', '. ']] },
  address: { mid: [['I live at ', '. '], ['Address: ', '. '], ['My flat is ', ', and the noise comes from upstairs. ']] },
};

/** Synthetic English requests (written for this corpus) to carry English personal data. */
const EN_BODIES = [
  'The construction site next to our building works until 2 a.m. every night and nobody stops it.',
  'My employer has not paid my wages for three months and refuses to talk to me.',
  'The lift in our estate has been broken since last month and the management office ignores us.',
  'A restaurant downstairs pours oil into the drain and the smell is terrible.',
  'Street lights on our road have been off for two weeks; it is dangerous at night.',
  'I was charged twice by a training school and they refuse to refund me.',
  'Cars park on the pavement near the school gate every morning.',
  'Rubbish has not been collected in our lane for a week.',
  'My landlord kept my deposit and changed the lock while I was away.',
  'I would like to ask how to apply for a public rental flat.',
];

const KINDS: RedactionKind[] = ['name', 'phone', 'id_number', 'passport', 'bank_card', 'email', 'plate', 'account', 'address'];

function fake(kind: RedactionKind, language: Language, rng: Rng): Fake {
  switch (kind) {
    case 'name':
      return { kind, shape: language === 'en' ? 'name_en' : 'name_zh', value: language === 'en' ? englishName(rng) : chineseName(rng) };
    case 'phone':
      return rng() < 0.6 ? mobile(rng) : otherPhone(rng);
    case 'id_number':
    case 'passport':
      return identity(rng);
    case 'bank_card':
      return bankCard(rng);
    case 'email':
      return email(rng);
    case 'plate':
      return plate(rng);
    case 'account':
      return account(rng);
    case 'address':
      if (language === 'en') return englishAddress(rng);
      return language === 'zh-Hant' && rng() < 0.5 ? hongKongAddress(rng) : chineseAddress(rng);
  }
}

/** Sentence boundaries of a letter (after 。！？!? or at its ends), where insertions go. */
function boundaries(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (/[。！？!?；;]/.test(text[i]!)) out.push(i + 1);
  out.push(text.length);
  return [...new Set(out)];
}

interface Insertion {
  signature: boolean;
  at: number;
  prefix: string;
  value: string;
  suffix: string;
  fake: Fake;
}

function buildDoc(id: string, language: Language, base: string, isLetter: boolean, rng: Rng): EvalDoc {
  const templates = language === 'en' ? EN : language === 'zh-Hant' && rng() < 0.6 ? YUE : ZH;
  const convert = (s: string) => (language === 'zh-Hant' ? simplifiedToTraditional(s) : s);
  const nKinds = 2 + Math.floor(rng() * 3);
  const kinds = shuffleInPlace([...KINDS], rng).slice(0, nKinds);
  const points = boundaries(base);
  const ins: Insertion[] = [];
  for (const kind of kinds) {
    const f = fake(kind, language, rng);
    const set = templates[f.kind]!;
    const atEnd = Boolean(set.end) && rng() < 0.35;
    // A QQ number follows "QQ", a WeChat id follows 微信 / WeChat.
    const mids = f.kind === 'account' ? set.mid.filter(([p]) => /qq/i.test(p) === (f.shape === 'qq')) : set.mid;
    const [prefix, suffix] = atEnd ? set.end![Math.floor(rng() * set.end!.length)]! : mids[Math.floor(rng() * mids.length)]!;
    // 繁體 values (陳, 號, 棟) come from converting the 简体 value; Hong Kong addresses are 繁體 already.
    const value = f.shape === 'address_hk' || language !== 'zh-Hant' ? f.value : convert(f.value);
    const at = atEnd ? base.length : points[Math.floor(rng() * points.length)]!;
    ins.push({ signature: atEnd, at, prefix: language === 'zh-Hant' && templates !== YUE ? convert(prefix) : prefix, value, suffix: language === 'zh-Hant' && templates !== YUE ? convert(suffix) : suffix, fake: { ...f, value } });
  }
  // Signatures last (one at most); otherwise in letter order.
  let signed = false;
  const kept = ins.filter((x) => !x.signature || (signed ? false : (signed = true)));
  kept.sort((a, b) => a.at - b.at || Number(a.signature) - Number(b.signature));
  let text = '';
  let from = 0;
  const gold: GoldSpan[] = [];
  for (const x of kept) {
    text += base.slice(from, x.at);
    from = x.at;
    if (language === 'en' && text.length && !/\s$/.test(text)) text += ' ';
    text += x.prefix;
    gold.push({ kind: x.fake.kind, shape: x.fake.shape, start: text.length, end: text.length + x.value.length });
    text += x.value + x.suffix;
  }
  text += base.slice(from);
  return { id, language, text, gold, realLetter: isLetter };
}

/**
 * One document per letter and language (简体 letter; the same letter in 繁體; an English message, half the
 * time the Chinese letter with English sentences, half a synthetic English request).
 */
export function buildCorpus(letters: readonly Letter[], seed: number): EvalDoc[] {
  const rng = makeRng(seed);
  const docs: EvalDoc[] = [];
  for (const l of letters) {
    docs.push(buildDoc(`${l.id}:zh-Hans`, 'zh-Hans', l.text, true, rng));
    docs.push(buildDoc(`${l.id}:zh-Hant`, 'zh-Hant', simplifiedToTraditional(l.text), true, rng));
    const synthetic = rng() < 0.5;
    docs.push(buildDoc(`${l.id}:en`, 'en', synthetic ? EN_BODIES[Math.floor(rng() * EN_BODIES.length)]! : l.text, !synthetic, rng));
  }
  return docs;
}

/** A deterministic split of the letters into a tuning part (A) and a reporting part (B), `n` letters each. */
export function splitLetters(letters: readonly Letter[], part: 'A' | 'B', n: number, seed = 20261206): Letter[] {
  const usable = letters.filter((l) => l.text.trim().length >= 30);
  const order = shuffleInPlace(usable.map((_, i) => i), makeRng(seed));
  const half = Math.floor(order.length / 2);
  const mine = part === 'A' ? order.slice(0, half) : order.slice(half);
  return mine.slice(0, n).map((i) => usable[i]!);
}
