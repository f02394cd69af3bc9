/** The resident conversation's pure rules: which inputs are readable, which buttons need a token, who may withdraw. */
import crypto from 'node:crypto';
import type { CaseRecord } from '../cases/caseRepository.js';
import { OPEN_STATUSES, type SatisfactionRating } from '../cases/types.js';
import { isDepartmentCode, isServiceCode, type Decision, type ServiceCode } from '../kernel/taxonomy.js';
import { hanCount } from '../kernel/language.js';
import { sharesWords } from './residentFollowUp.js';
import { PLACEHOLDER_PATTERN } from '../triage/redact.js';
import { hasMessage, t } from '../i18n/index.js';
import type { ReplyButton } from './types.js';

export const TOKEN_ACTIONS = new Set(['consent_yes', 'consent_no', 'consent_other', 'confirm', 'cancel', 'attach_yes', 'attach_no', 'open_case_anyway', 'add_detail', 'resume_matter']);
export const RATINGS: Record<string, SatisfactionRating> = {
  rate_satisfied: 'satisfied',
  rate_basically_satisfied: 'basically_satisfied',
  rate_dissatisfied: 'dissatisfied',
};

export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
export const newToken = () => crypto.randomBytes(9).toString('base64url');
export const isOpen = (c: CaseRecord) => (OPEN_STATUSES as readonly string[]).includes(c.status);
/** A case shared with a social organization: its consent can be withdrawn even after it is finished. */
export const isConsentCase = (c: CaseRecord) => c.category === 'out_of_scope' || c.category === 'legal_channel';
export const canWithdraw = (c: CaseRecord) => isOpen(c) || (isConsentCase(c) && c.status !== 'withdrawn');

/**
 * A reply that only thanks, agrees or says "submit" — typed while a summary waits for its button. Appending
 * it as a "detail" put 谢谢 into the petition; the resident is shown the buttons again instead.
 */
const COURTESY_ONLY =
  /^(?:谢谢|謝謝|多谢|多謝|感谢|感謝|唔该|唔該|唔该晒|唔該晒|好的|好|好嘅|好啊|嗯+|哦+|收到|明白|知道了|ok(?:ay)?|k|thanks?(?: you)?|thx|ty|cheers|got it|确认|確認|确定|確定|确认提交|確認提交|提交|可以|是的|对|對|得|係|行|没问题|沒問題|冇问题|冇問題|yes|yep|yeah|yup|sure|alright|go ahead|confirm|submit|在吗|在嗎|在不在|有人吗|有人嗎|你好|您好|喂|hello|hi|hey|anyone there)(?:[\s,，.。!！~～]*(?:谢谢|謝謝|多谢|多謝|唔该|唔該|thanks?(?: you)?|please|pls|plz|submit it|啦|了|呀|啊|哈|👍|🙏))*[\s,，.。!！~～?？👍🙏]*$/iu;
/** …or a greeting (在吗, hello), or nothing but punctuation, symbols and emoji (？？？, 👍). */
export const isCourtesyOnly = (text: string): boolean => COURTESY_ONLY.test(text.trim()) || (text.trim() !== '' && !/[\p{L}\p{N}]/u.test(text));

// "好，多謝" after an answer: an OK that thanks is thanks (it had been asked to say more). A bare 好 is a yes, read elsewhere.
const THANKS =
  '(?:好(?:的|啊|呀|嘅|吧)?|ok(?:ay)?)[\\s,，.。!！~～]*(?:谢谢|謝謝|多谢|多謝|感谢|感謝|唔该晒?|唔該晒?|thanks?(?: (?:you|u))?)|(?:谢谢|謝謝|多谢|多謝|感谢|感謝)(?:晒|你们|你們|你哋|您)?|唔该晒?|唔該晒?|辛苦(?:了|你们了|你哋)?|好的|收到|明白|知道了|thanks?(?: (?:you|u))?(?: so much| very much| a lot)?|thx(?: a lot)?|ty|cheers|got it|ok(?:ay)?';
const THANKS_ONLY = new RegExp(`^(?:${THANKS})(?:[\\s,，.。!！~～]*(?:${THANKS}|啦|了|呀|啊|哈|👍|🙏))*[\\s,，.。!！~～👍🙏]*$`, 'iu');
/** Only thanks or an acknowledgement (谢谢, 收到, 唔該晒, thanks, ok 👍): a reply in kind, not a request to say more. */
export const isThanksOnly = (text: string): boolean => THANKS_ONLY.test(text.trim());

/** The runner-up service of a 信访外 decision whose service was a close call; undefined when it was clear. */
export function runnerUpService(d: Pick<Decision, 'category' | 'runnerUp' | 'target'>): ServiceCode | undefined {
  const other = d.runnerUp;
  return d.category === 'out_of_scope' && other && other !== d.target && other !== 'legal_aid' && isServiceCode(other) ? other : undefined;
}

/**
 * Two messages of one matter as one text. The summary shows it on one line (whitespace is folded), so a
 * first message without a closing mark gets one: "…the factory closed. The boss…", "…三个月了。地址是…".
 */
export function joinMessages(first: string, next: string): string {
  const a = first.trimEnd();
  // After Chinese punctuation no line break: folded, it had read 「…三个月了。 地址是…」 with a stray space.
  if (/(?:[。！？；：]|\p{Script=Han}…+)$/u.test(a)) return `${a}${next}`;
  if (/[.!?;:…]$/u.test(a) || a === '') return `${a}\n${next}`;
  // A Chinese message that ends in a number or a Latin word ("…3栋502", "…B座") is closed in Chinese too: it had
  // read 「…3栋502.」 and a line break.
  const chinese = /[\p{Script=Han}，、）」]$/u.test(a) || hanCount(a) > (a.match(/[a-z]/gi)?.length ?? 0);
  return chinese ? `${a}。${next}` : `${a}.\n${next}`;
}

/** Text a person could have typed: no NUL, and not mostly control or replacement characters. */
export function isReadableText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const junk = text.match(/[\p{Cc}\uFFFD\p{Co}\p{Cs}]/gu)?.filter((c) => c !== '\n' && c !== '\r' && c !== '\t').length ?? 0;
  return junk === 0 || junk / [...text].length < 0.1;
}

const JUDGMENT_WON =
  /判决|判決|裁定|裁决|裁決|调解书|調解書|胜诉|勝訴|赢了官司|打赢|打贏|官司赢|\b(judg(e)?ments?|court (ruled|ordered|decided)|won (a|the|my|our) (lawsuit|case|court case)|arbitration award|the award)\b/i;
const NOT_COMPLIED =
  /(不|没|沒|冇|拒不|拒绝|拒絕|仍未|还未|還未|一直没|一直沒)(有)?(执行|執行|履行|给|給|俾|还|還|付|赔|賠|支付)|执行难|執行難|强制执行|強制執行|申请执行|申請執行|\b(still (hasn'?t|has not|not|won'?t|refuses to) (paid|pay|complied|comply)|refus\w* to (pay|comply)|won'?t pay|not (been )?paid|hasn'?t paid|never paid|enforce\w*)\b/i;

/**
 * Which procedure the law provides instead of a petition (信访工作条例 Art. 31), with the notes that explain it.
 * `basis` is the search that finds the passage behind what the reply says (the procedure and why a petition
 * cannot replace it): searched with the resident's words alone, a story about a deposit or a boss quoted
 * whatever passage shared a word with it — once the 复核 deadline under a "go to court" reply.
 */
export function legalChannelOf(text: string): { channel: 'enforcement' | 'labour' | 'reconsideration' | 'court'; sources: string[]; basis: string } {
  // A judgment or award already won and not complied with is for the court's enforcement, not a new lawsuit: "I won a
  // lawsuit… he still hasn't paid" had been told to go to mediation or court. Its basis is in the reply itself: no
  // bundled note is about enforcement, and the nearest passage ("it never stops you from going to court") misled.
  if (JUDGMENT_WON.test(text) && NOT_COMPLIED.test(text)) return { channel: 'enforcement', sources: [], basis: '' };
  if (/劳动|勞動|工资|工資|欠薪|薪水|辞退|辭退|开除|開除|解雇|解僱|炒鱿鱼|炒魷魚|炒咗|裁员|裁員|经济补偿|經濟補償|N\+1|加班|社保|工伤|工傷|劳动合同|仲裁|wage|salary|\bfire[sd]?\s+(me|us|him|her)\b|\bfired\b|\bsack(ed)?\b|laid\s+off|terminat|dismiss|severance|overtime|employer|labou?r/i.test(text)) {
    return { channel: 'labour', sources: ['labour-disputes', 'legal-aid'], basis: '劳动争议 申请劳动仲裁 仲裁时效 劳动报酬' };
  }
  if (/行政|处罚|處罰|罚款|罰款|复议|覆議|復議|吊销|吊銷|拘留|执法|執法|\bfine\b|fined|penalt|licen[cs]e|reconsideration|administrative/i.test(text)) {
    return { channel: 'reconsideration', sources: ['administrative-reconsideration', 'legal-aid'], basis: '行政复议 申请期限 复议范围 信访不会让期限停止计算' };
  }
  return { channel: 'court', sources: ['mediation', 'legal-aid', 'petitions'], basis: '法定途径 诉讼 仲裁 诉访分离 第三十一条 人民调解' };
}

/** Concern kinds about someone's physical safety rather than the writer's own state of mind. */
const SAFETY_KINDS = new Set(['child_elder', 'medical', 'fire', 'gas', 'flood', 'collapse', 'drowning', 'disaster']);

/**
 * The warm replies for a crisis concern. Distress, self-harm talk and anything unknown get the
 * mental-health lines; a concern only about someone else's safety (an elder who forgets the stove, a child
 * left alone) gets the emergency numbers for when it turns urgent instead, since telling a daughter asking
 * for elder care that she "sounds stressed" and to call if she "thinks of harming herself" misses her point.
 * Violence alone gets a safety lead (110, not "you sound stressed") with the lines, then the domestic-violence route;
 * with self-harm or distress talk the mental-health reply leads.
 */
export function concernReplies(
  kinds: readonly string[],
): Array<'triage.crisis.concern' | 'triage.crisis.concern.safety' | 'triage.crisis.concern.violence' | 'triage.crisis.concern.violence_lead'> {
  const safetyOnly = kinds.length > 0 && kinds.every((k) => SAFETY_KINDS.has(k));
  // Violence with no self-harm or distress talk: the safety lead, then the domestic-violence route.
  if (kinds.includes('violence') && kinds.every((k) => k === 'violence' || SAFETY_KINDS.has(k))) {
    return ['triage.crisis.concern.violence_lead', 'triage.crisis.concern.violence'];
  }
  return [safetyOnly ? 'triage.crisis.concern.safety' : 'triage.crisis.concern', ...(kinds.includes('violence') ? ['triage.crisis.concern.violence' as const] : [])];
}

/** The marks of a question: a question mark, a Chinese question word or particle, or an English sentence opening as one. */
const ASKS =
  /[?？]|吗|嗎|呢|㗎|怎么|怎麼|怎样|怎樣|如何|点样|點樣|边度|邊度|几时|幾時|几耐|幾耐|多久|多少|哪|请问|請問|想问|想問|想了解|想知道|咨询|諮詢|查询|查詢|可唔可以|可不可以|能不能|能否|是否|有没有|有冇|^(what|where|when|who|why|which|how|does|do|is|are|am|can|could|may|should|would|will)\b/i;

/** Help asked for: 想找, 需要, 希望, 帮, "I need", "looking for", "can someone". */
const SEEKS =
  /想找|想搵|想揾|找人|搵人|揾人|需要|希望|想要|想请|想請|想申请|想申請|帮|幫|介绍|介紹|转介|轉介|聊聊|倾偈|傾偈|\b(i|we) (need|want|would like|'d like)|\blooking for\b|\bhelp\b|\bcan (someone|anyone|you)\b|\brefer\b/i;

/** How sure the engine must be, of the new message on its own, before it is held as another matter. */
const OTHER_MATTER_CONFIDENCE = 0.7;

/**
 * Whether a message typed while a petition summary waits is a different matter rather than a detail of it:
 * on its own it is clearly a question, a 信访外 need or a legal-channel matter, or a petition for another
 * department. Short additions (a place, a date, 他又来了) are details whatever they read as.
 */
export function isOtherMatter(alone: Decision, pending: Decision, text: string): boolean {
  if ([...text.trim()].length < 8 || alone.needsReview || alone.confidence < OTHER_MATTER_CONFIDENCE) return false;
  // A question asks: "It's right in front of exit C of Shenzhen University station", read as one (0.73), is where the
  // pothole is, and had been held apart from it.
  if (alone.category === 'inquiry') return ASKS.test(text.trim());
  // A need asks for help: "老人上下楼很困难，我妈妈80岁了每天都要爬7楼", read as elder care (0.97), is why the broken
  // lift matters, and had been held apart from it.
  if (alone.category === 'out_of_scope') return ASKS.test(text.trim()) || SEEKS.test(text.trim());
  if (alone.category === 'legal_channel') return true;
  return alone.category === 'petition' && alone.target !== null && pending.target !== null && alone.target !== pending.target;
}

/**
 * Whether a message typed while a 信访外 or legal-aid offer waits is another need rather than a detail of it: on
 * its own clearly a question, a legal-channel matter or another service, or a department's petition that shares no
 * word with the matter offered for ("小区门口的路灯坏了一个月了" at a mediation offer had brought the offer back, and no
 * case was ever made). A petition reading that speaks of the same things is a detail: "学校是南山实验学校，他读初二"
 * after a bullied son reads as education, and had replaced the bullying itself.
 */
export function isOtherNeed(alone: Decision, pending: Decision, text: string, pendingText: string): boolean {
  if ([...text.trim()].length < 8 || alone.needsReview || alone.confidence < OTHER_MATTER_CONFIDENCE) return false;
  if (alone.category === 'inquiry' || alone.category === 'legal_channel') return pending.category !== alone.category;
  if (alone.category === 'petition') {
    return isDepartmentCode(alone.target) && (alone.targetConfidence ?? alone.confidence) >= OTHER_MATTER_CONFIDENCE && !sharesWords(text, pendingText);
  }
  return alone.category === 'out_of_scope' && alone.target !== null && alone.target !== pending.target;
}

/**
 * The danger kinds as the office group reads them (简体, like every staff text), each followed by its code
 * so a search for "suicide" still finds the alert. A kind without a label shows as its code: an alert must
 * never fail on a missing text.
 */
export function officeKindLabels(kinds: readonly string[]): string {
  return kinds.map((k) => (hasMessage(`conversation.office.kind.${k}`) ? `${t('zh-Hans', `conversation.office.kind.${k}`)}（${k}）` : k)).join('、');
}

/** Consent, decline, and — on a row of its own — the runner-up organization, named. */
export function offerButtons(token: string, otherName: string): ReplyButton[][] {
  return [
    [{ action: 'consent_yes', ref: token, label: { key: 'action.consent_yes' } }, { action: 'consent_no', ref: token, label: { key: 'action.consent_no' } }],
    [{ action: 'consent_other', ref: token, label: { key: 'conversation.oos.other_button', params: { org: otherName } } }],
  ];
}

/** Whether the redacted reading hides something of the resident's own text (an address, a phone number…). */
export function hidesPersonalData(redacted: string, own: string): boolean {
  const count = (s: string) => s.match(PLACEHOLDER_PATTERN)?.length ?? 0;
  return count(redacted) > count(own);
}

/** Decisions kept in the state lose their citations (large, and recomputed when needed). */
export function stripDecision(d: Decision): Record<string, unknown> {
  const { citations: _c, ...rest } = d;
  return { ...rest, citations: [] };
}

/**
 * A satisfaction answer typed instead of pressed ("不满意，路灯修了两天又坏了", "not satisfied", "滿意"): the rating
 * and what follows it as the comment. Typed at the survey it had become a new petition, or "please say more".
 * Only the start of the message counts: "不满意处理结果" inside a story is not an answer to a survey.
 */
const TYPED_RATINGS: ReadonlyArray<[SatisfactionRating, RegExp]> = [
  ['dissatisfied', /^(?:no[,，\s]+|唔|不)?(?:我)?(?:很|非常|十分|好|太|一点(?:都|也)|根本|完全|真(?:的)?)?(?:不是很|不是太|唔係好|唔系好|唔係幾|唔系几|不|唔)(?:太|怎么|大)?(?:满意|滿意)(?!度)|^(?:no[,\s]+)?(?:i(?:'m| am)\s+)?(?:not\s+(?:very\s+|really\s+|at\s+all\s+)?satisfied|dissatisfied|unsatisfied|not\s+happy)\b/i],
  // "not really, the pothole is back already": a no, when it stands alone before the comma.
  ['dissatisfied', /^(?:no[,，\s]+)?not\s+really(?=\s*(?:$|[,，.。!！;；:：-]))/i],
  ['basically_satisfied', /^(?:我)?(?:基本|还算|還算|基本上|比较|比較|几|幾)(?:满意|滿意)(?!度)|^(?:i(?:'m| am)\s+)?(?:basically|fairly|somewhat|mostly|partly)\s+satisfied\b/i],
  // Lukewarm words (还行吧，等钱到账再说 · 一般般吧 · 还可以 · 麻麻哋，部𨋢今朝又壞咗 · "meh, it's ok I guess but it took ages"):
  // neither a yes nor a no, the middle answer. Whole words only: "一般多久能处理" and "还可以投诉吗" are questions.
  [
    'basically_satisfied',
    /^(?:我)?(?:觉得|覺得)?(?:还行|還行|还可以|還可以|一般般?|马马虎虎|馬馬虎虎|麻麻(?:哋|地)?|普普通通)(?:啦|喇|吧|咯|囉|嘅|的|啊|呀|喔|哦)*(?=\s*(?:$|[,，.。!！~～;；:：、]))|^(?:meh|so[-\s]so)\b(?:[\s,，.!]*(?:it'?s|it\s+is|it\s+was)\s+(?:ok(?:ay)?|alright|fine)(?:\s+i\s+guess)?\b)?|^(?:it'?s|it\s+is|it\s+was)\s+(?:ok(?:ay)?|alright|fine)\s+i\s+guess\b/i,
  ],
  ['satisfied', /^(?:我)?(?:很|非常|十分|好|挺|都)?(?:满意|滿意)(?!度)|^(?:i(?:'m| am)\s+)?(?:very\s+|quite\s+)?satisfied\b/i],
];

// "满意？路灯根本没修好" and "满意个屁" are sarcasm: no rating is read from them (the office reads the words).
const SARCASM = /^[^，,。.!！]{0,12}[?？]|个屁|個屁|才怪|你觉得呢|你覺得呢|\bmy\s+ass\b/i;

export function typedRating(text: string): { rating: SatisfactionRating; comment: string | null } | null {
  const s = text.trim();
  if (SARCASM.test(s)) return null;
  for (const [rating, re] of TYPED_RATINGS) {
    const m = re.exec(s);
    if (!m) continue;
    const rest = s.slice(m[0].length).trim().replace(/^(?:了|啦|喇|嘅|的|呀|啊|但是|不过|不過|but\b|at\s+all|with\s+(?:it|this|the\s+(?:result|outcome|reply)))?[\s,，.。!！:：;；、-]*/iu, '').trim();
    return { rating, comment: rest.length >= 2 && !isThanksOnly(rest) ? rest : null };
  }
  return null;
}

/**
 * "不是要心理咨询，是要投诉工地夜间违规施工" while a 信访外 offer waits: the resident refuses the service offered and
 * names a complaint. Read together with the first message, the offer came back word for word, and the only ways
 * out were consenting to counselling or giving up. Returns the message without the refusal (what to read as the
 * matter), or null when it refuses nothing.
 */
const REFUSAL =
  /(我)?(不是|并不是|唔係|唔系)(要|想|想要|需要)?(搵|找)?(什么|咩)?(心理|咨询|辅导|輔導|諮詢|调解|調解|社工|机构|機構|服务|服務|帮助|幫助)[^，,。.!！;；]*|(我)?不(需要|要|用)(什么|咩)?(心理|咨询|辅导|輔導|諮詢|调解|調解|社工)[^，,。.!！;；]*|\bi\s+(don'?t|do\s+not|dont)\s+(need|want)\s+(any\s+)?(counsel+ing|therapy|mediation|a\s+counsel+or|a\s+social\s+worker|help\s+from\s+(a|an|the)\s+\w+)\b[^,.;!]*|\bnot\s+(looking\s+for|asking\s+for|after)\s+(counsel+ing|therapy|mediation)\b[^,.;!]*/giu;
const COMPLAINS = /投诉|投訴|举报|舉報|反映|查处|查處|处理|處理|管一管|\b(complain|complaint|report|fine|stop\s+them)\b/iu;

export function refusesService(text: string): string | null {
  const s = text.trim();
  if (!s.match(REFUSAL)) return null;
  const rest = s.replace(REFUSAL, ' ').replace(/([，,。;；])[\s，,;；]+/gu, '$1').replace(/^[\s，,。.!！;；]+|[\s，,;；]+$/gu, '').replace(/\s{2,}/g, ' ');
  return COMPLAINS.test(rest) && [...rest].length >= 4 ? rest : null;
}

/** Words of a danger that has passed, not a plain "没事了" (which closes any conversation). */
const SAFE_WORDS = /安全了|安全喇|安全啦|冷静|冷靜|平静|平靜|下来了|下來了|落咗嚟|\bsafe\b|anything (stupid|silly)|\b(came|got|climbed) (back )?down\b/i;
/** "算了，不用了", "never mind": the resident lets the matter drop. */
const NEVER_MIND = /^(?:(?:还是|還是)?(?:算了|算啦|算喇|算数啦|算數啦|不用了|唔使喇|唔使了|唔使啦|没事了|冇嘢喇|never\s*mind|forget\s+it|nvm)(?:吧|啦|喇)?[\s,，。.!！~]*)+$/iu;
export const saysNeverMind = (text: string) => NEVER_MIND.test(text.trim());
export const speaksOfSafety = (text: string): boolean => SAFE_WORDS.test(text);
