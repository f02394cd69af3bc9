/**
 * Commands said in words. A resident asks "有进展吗？", "我不想投诉了，帮我撤销吧" or "转人工" rather than typing
 * /status or /withdraw. Read as a new matter, such a message had been asked to say more, answered "no passage
 * answers this", or — unclear twice — filed as an empty case for the office, with statutory clocks running on
 * nothing. A clerk would answer the request instead.
 *
 * Deliberately narrow: the message must make the request and say nothing else. Anything left over
 * ("…楼上还在吵", "the lift is broken again") is news about a matter and goes the usual way, "工程进度怎么样了"
 * asks about a public works project, and "我要撤销这个罚款" is a penalty to appeal, not a case to withdraw.
 */
import { normalize } from './normalize.js';
import { hanCount } from '../kernel/language.js';

export type CommandWords = 'status' | 'withdraw' | 'consent_back' | 'person' | 'review';

// Greetings, "I'd like to ask / check", "please", time words and particles: they carry no matter.
const ZH_FILLER =
  /请问|想问(一?下)?|问(一?下)?|我想|我要|我需要|查(询|一?下)?|麻烦(你|您)?|帮(我|忙)?|请|你好|您好|喂|现在|目前|到底|究竟|已经|一般|通常|大概|大约|一下|可以|可不可以|能不能|能否|吗|了|呀|啊|呢|吧|啦|嘛|哦|喔|的|先|好|谢谢|多谢|搞定|解决了|没事了/g;
// The resident's own matter: 我的投诉, 我那个事情, 之前反映的问题, 我嗰單嘢 (→ 我那单东西), a case reference.
const ZH_OWN =
  /(我们?|我家)?(的|那个|那单|那件|这个|个|之前|上次|前几天|上周|刚才|刚刚)*(提交|反映|投诉|报|登记|说|申请)?(的)?(事情|事项|个案|事|案件|案子|投诉|诉求|信访件?|申请|问题|东西|那单|那个|那件)|这件事|这个|此事|YT-\d{8}-\d+/gi;
// Asking how it is going.
const ZH_PROGRESS =
  /有(没有|无)?(什么)?(进展|进度|结果|回复|答复|消息|回音|下文|人(管|理|处理|跟进))|进展|进度|(处理|办|搞|跟进)(得|成)?(怎么样|怎样|如何|点|到哪(一步|里|儿)?|到什么程度)|(去|到)(到)?(哪|边)(一步|里|儿)|怎么样|怎样|如何|(什么时候|几时|何时|多久|几天|多少天)(才|能|会|可以)?(有)?(处理|办|回复|答复|结果|解决|消息|回音)|(处理|办|解决)(好)?(了)?(没有|没)|(搞|弄|办)成(点|怎样|怎么样)|(还|仲)?要等(多久|几耐|几天|多少天|多长时间)|(有没有|有冇|有无)?人(在)?(看|睇|跟|处理|管)(紧|着|进)?/g;
// Taking it back: 撤销 / 撤回 / 取消 / 不投诉了 / 不用处理了 / 唔使跟进 (→ 不用跟进).
const ZH_WITHDRAW =
  /(撤销|撤消|撤回|撤掉|撤诉|取消|收回)|(先|暂时|暂且)?(不|别)(想|要|用|需要|打算)?(再)?(投诉|反映|信访|处理|跟进|办|提交|交|报)了?(住)?|(算了|不用了|不要了|不用住)|(我)?(再|先)?(想想|想一想|想下|谂下)(先|再说)?/g;
// Taking consent back: 撤回同意, 不同意转介了, 不要把我的信息给那个机构 (唔好再俾我啲資料佢哋 → 不要再给我的资料他们).
const ZH_CONSENT_BACK =
  /(我)?(想|要|想要)?(撤回|撤销|取消|收回)(我的)?(同意|授权|转介)|(我)?不(想|要|再)?(同意)?(再)?(转介|分享|共享)了?|不(再)?同意了?|(我)?不(要|想)(再)?(把|将)?(我|我的|我爸爸的|我妈妈的|我爸的|我妈的|我家人的|我父亲的|我母亲的)?(信息|资料|个人信息|联系方式)(给|转给|交给|分享给|发给)?(那个|这个|该|这间|那间|呢间|这家|那家)?(机构|组织|社工|中心|他们|她们)?|不要(再)?给(他们|她们|机构)?(我的)?(信息|资料|个人信息|联系方式)(给)?(他们|她们|机构)?|不要(再)?(给|让)(他们|她们|机构|那个机构|那个中心)(知道?|看|拿)(我|我的|我爸爸的|我妈妈的|我爸的|我妈的|我家人的)?(资料|信息|情况|地址|电话)|(我)?改变(了)?主意(了)?|不想(个|那个|该|这个)?(机构|组织|社工|中心)(再)?(跟进|知道|联系我?)/g;
// When will someone contact me: 你们的工作人员什么时候联系我, 有没有工作人员可以打电话给我, 有冇人可以同我倾吓.
const ZH_CONTACT =
  /(你们|你哋)?(的)?(工作人员|人|谁)?(什么时候|几时|会不会|可以|能不能|有没有|有冇)?(人|工作人员)?(会|可以)?((联系|打电话给|打给|回电话?给)我|(同|跟|和)我(倾|聊|谈|说|讲)(吓|下|一下)?)/g;
// Asking for a 复查 (Art. 35) or 复核: 我要申请复查, 复查怎么申请, 我想申請覆查點做 (→ 复查点做).
const ZH_REVIEW = /(申请|请求|要求|提出|办理|想|要)?(复查|复核|覆查|覆核)(怎么(做|办|申请|弄|提)|点做|点样|如何(申请|办理|提出)?|的?(手续|程序|流程))?/g;
const EN_REVIEW_AROUND = /\b(apply|request|want|ask|file)\b/i;
const EN_REVIEW = /\b(request|ask\s+for|apply\s+for|want|need|file\s+for)\s+(a\s+)?(review|reconsideration|re-?examination)\b/i;
// Asking for a person: 人工, 真人, 转人工, 工作人员, 客服, 接线员 (搵真人 → 找真人).
const ZH_PERSON =
  /(转|找|接|叫|要|联系|跟|和|同|搵)?(人工(客服|服务|坐席)?|真人|工作人员|客服|接线员|负责人|领导)(来)?(说话|聊|谈|沟通|处理|回复|接待|听)?/g;

const EN_PROGRESS =
  /\b(any|an|some)\s+(update|updates|news|progress|word|reply|response|feedback)\b|\bstatus\b|\bwhat'?s\s+happening\b|\bwhat\s+is\s+happening\b|\bheard\s+(back|anything)\b|\bhow\s+is\s+(it|my\s+\w+)\s+going\b|\bhow'?s\s+(it|my\s+\w+)\s+going\b|\bwhen\s+will\s+(i|you|someone|they|it)\s+(hear|reply|answer|get\s+back|be\s+(handled|solved|fixed|processed))\b|\b(been|is\s+it)\s+(handled|processed|dealt\s+with)\b|\bprogress\b|\bhow\s+long\b.{0,20}\b(take|takes|wait|will\s+it)\b|\b(anyone|anybody|someone|somebody)\s+(looked|look|looking|working)\s+(at|on)\s+(it|my|this)\b|\bwhat\s+happens\s+next\b/i;
// "any news about my deposit case?": a word or two may name the matter before case / complaint.
const EN_OWN = /\bmy\s+([a-z'-]+\s+){0,2}(case|complaint|request|report|petition|matter|application|issue|problem|ticket)\b|\bYT-\d{8}-\d+\b/i;
const EN_WITHDRAW =
  /\b(withdraw|cancel|drop|close|take\s+back|delete)\b.{0,20}\b(my|the|this|that)\s+(case|complaint|request|report|petition|matter|application)\b|\b(don'?t|do\s+not|no\s+longer)\s+(want|need)\s+to\s+(complain|continue|pursue\s+it|go\s+on)\b|\bnever\s*mind,?\s+(cancel|withdraw)\b(?!\s+(the|my|this)\s+review)|\b(don'?t|do\s+not|dont)\s+(submit|send|file|register)\s+(it|this|that|my\s+\w+)\b/i;
const EN_CONSENT_BACK =
  /\b(withdraw|take\s+back|revoke|cancel)\s+(my\s+|our\s+)?(consent|the\s+referral|my\s+referral)\b|\b(do\s+not|don'?t|dont|no\s+longer|stop)\s+(want\s+(you\s+)?to\s+)?(share|send|give|pass(ing)?\s+on)\s+(my\s+|our\s+)?([\w']+\s+){0,2}(information|info|details|data)\b|\b(i|we)\s+(have\s+)?changed?\s+(my|our)\s+minds?\b|\b(do\s+not|don'?t|dont|stop)\s+(share|send|give|pass)\s+(anything|any\s+more|anymore)\b/i;
const EN_PERSON =
  /\b(talk|speak|chat)\s+(to|with)\s+(a|an|the|your)?\s*(real\s+)?(human|person|staff|officer|agent|someone|somebody|operator|manager)\b|\b(real|actual)\s+(human|person)\b|\bhuman\s+(please|agent)\b|\bis\s+(this|there)\s+a\s+(bot|robot|human)\b/i;

const han = hanCount;
const words = (s: string) => s.match(/[a-z']+/gi)?.length ?? 0;

/**
 * One sentence only: "cancel my complaint. i'm going to end it tonight" or "可以匿名举报吗？我们20个工人被拖欠工资…"
 * says more than the command or the question, and what it says more is read as always (for danger first).
 */
export function singleSentence(text: string): boolean {
  return sentencesOf(text).length <= 1;
}

export function sentencesOf(text: string): string[] {
  return (typeof text === 'string' ? text : '').split(/[。！？!?；;\n]+|\.(?=\s|$)/u).map((x) => x.trim()).filter((x) => /[\p{L}\p{N}]/u.test(x));
}

/** Only questions about personal data, one or several ("how do you use my data? who can see my messages?"). */
export function onlyPrivacyQuestions(text: string): boolean {
  const parts = sentencesOf(text);
  return parts.length > 0 && asksAboutPrivacy(text) && parts.every((p) => asksAboutPrivacy(p));
}

/** An English message of 1–`max` words, every one of them from `allowed`: nothing else is said. */
function onlyWordsFrom(raw: string, allowed: ReadonlySet<string>, max: number): boolean {
  const tokens = raw.toLowerCase().match(/[a-z']+/g) ?? [];
  return tokens.length > 0 && tokens.length <= max && tokens.every((w) => allowed.has(w));
}

/** What is left of a Chinese message once the request, the resident's own matter and the filler are removed. */
function zhRest(s: string, request: RegExp): string {
  return s.replace(request, '').replace(ZH_OWN, '').replace(ZH_FILLER, '');
}

/** Which command a short message asks for in words, or null when it says anything more. */
export function commandInWords(text: string): CommandWords | null {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '' || [...raw].length > 120) return null;
  if (han(raw) > 0) {
    if ([...raw].length > 60) return null;
    const s = normalize(raw).normalized;
    // At most one stray character (了 after a removed word, 那): anything more names something else.
    const only = (request: RegExp) => s.search(request) >= 0 && han(zhRest(s, request)) <= 1 && !/[a-z]{3,}/i.test(zhRest(s, request));
    // Withdrawing must name the resident's own matter, or be nothing but "算了，不投诉了": 撤销 alone is also a penalty.
    if (only(ZH_WITHDRAW) && (s.search(ZH_OWN) >= 0 || /(不|别)(想|要|用|需要|打算)?(再)?(投诉|反映|信访|处理|跟进|提交)|不用住/.test(s))) return 'withdraw';
    // Consent is to a named organization and revocable: taking it back withdraws what was shared with one.
    if (only(ZH_CONSENT_BACK)) return 'consent_back';
    if (only(ZH_PROGRESS)) return 'status';
    if (only(ZH_PERSON) || only(ZH_CONTACT)) return 'person';
    // "不复查了", "唔覆查住": taking a 复查 back is no request for one (conversation/residentReview.ts `dropsReview`).
    if (only(ZH_REVIEW) && !/(不|别|唔)(要|想|用|需要|打算|申请)?(再)?(复查|复核|覆查|覆核)/.test(s)) return 'review';
    // "I want to apply for 复查, I dont accept this reply": English around the Chinese term.
    if (s.search(ZH_REVIEW) >= 0 && EN_REVIEW_AROUND.test(raw)) return 'review';
    return null;
  }
  if (words(raw) > 14 || !singleSentence(raw)) return null;
  if (EN_WITHDRAW.test(raw)) return 'withdraw';
  if (EN_CONSENT_BACK.test(raw)) return 'consent_back';
  // "Any update?" alone, or about the resident's own case; "any update on the road works on Keyuan Road" asks about something else.
  if (EN_PROGRESS.test(raw) && (EN_OWN.test(raw) || words(raw) <= 5)) return 'status';
  if (EN_PERSON.test(raw)) return 'person';
  if (EN_REVIEW.test(raw)) return 'review';
  return null;
}

// Said with a reason or more ("算了，餐厅已经赔了，我不想投诉了", "…we dont want to share mum info with that
// organisation, please cancel"): a withdrawal is still what is asked for, and its button confirms it.
const ZH_WITHDRAW_ANYWHERE =
  /不(想|要|用|需要|打算)(再)?(投诉|反映|信访)了|不(再)?投诉了|(撤销|撤消|撤回|取消)(我的|这个|那个)?(投诉|诉求|信访|案件|事项|转介|同意)|不(用|需要)(再)?(处理|跟进)了|不同意(转介|分享|共享)|不要(再)?(把|将)?(我的|我妈的|我爸的|我家人的)?(信息|资料|个人信息)(给|转给|交给|分享给)|不(想|要)(再)?(让|给)(那个|这个|该)?(机构|组织|社工|中心|他们).{0,3}(知道|了解|跟进|知)/;
const EN_WITHDRAW_ANYWHERE =
  /\b(withdraw|cancel|drop)\s+(my|our|the)\s+(complaint|case|request|petition|consent|referral)\b|\b(don'?t|do\s+not|dont|no\s+longer)\s+(want\s+(you\s+)?to\s+)?(share|give|send|pass\s+on)\b.{0,30}\b(info|information|details|data)\b|\b(don'?t|dont|do\s+not|no\s+longer)\s+want\s+(the|that|this|them|any)\s*(organi[sz]ation|centre|center|agency|service)?\s*to\s+(have|know|get|see)\b.{0,30}\b(info|information|details|data|situation|address)\b/i;

/** A withdrawal asked for along with other words; the conversation offers the buttons, nothing happens before one is pressed. */
export function asksToWithdraw(text: string): boolean {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '' || [...raw].length > 200) return false;
  return han(raw) > 0 ? ZH_WITHDRAW_ANYWHERE.test(normalize(raw).normalized) : EN_WITHDRAW_ANYWHERE.test(raw);
}

// Will they tell the other side, how long is it kept, who sees it: asked before or after registering.
const ZH_PRIVACY =
  /(名字|姓名|电话|个人信息|信息|资料|身份).{0,4}(会|会不会|能不能|是否).{0,4}(告诉|透露|泄露|公开|给|转给)|(会|会不会).{0,6}知道(是)?我|(会|会不会|能不能|可不可以|是否|会否).{0,14}(名字|姓名|电话|号码|个人信息|信息|资料|身份|地址).{0,10}(告诉|透露|泄露|公开|给|转给|发给|交给|知道)|(名字|姓名|电话|个人信息|信息|资料|隐私).{0,6}(会|能)?(保密|保存(多久|几久|几耐)|存多久|删除|怎么用|谁能看|谁看得到|有谁看)|(怕|担心|害怕).{0,8}(被)?(报复|打击报复|知道是我|发现是我)|(不要|别|唔好|不能).{0,4}(说|告诉|讲|话|透露).{0,10}是我|匿名(投诉|举报|反映)|(会|会不会|能|可以).{0,4}(告诉|给|透露|转给|拿到|看到|知道|得到).{0,6}(什么|哪些|咩|几多)(信息|资料|个人信息|内容)|(告诉|给|转给)(他们|她们|机构|那边).{0,2}(什么|哪些)/;
const EN_PRIVACY =
  /\b(how|who|what)\b.{0,30}\b(use|see|read|keep|store|share)s?\b.{0,20}(\b(my\s+)?(data|information|info|details|messages?)\b|\bmy\s+((passport|phone|id|ic)\s+(number|no)|name|address|identity)\b)|\b(will|would|do|does)\b.{0,20}\b(tell|share|give|show)\b.{0,30}\bmy\s+(name|number|phone|details|info|information|identity)\b|\bconfidential\b|\banonymous(ly)?\b|\b(find\s+out|know)\b.{0,10}\b(it\s+was|it'?s)\s+me\b|\bhow\s+long\b.{0,30}\b(keep|store)\b|\bwhat\b.{0,15}\b(will|would|do)\s+you\s+(tell|share|give|send|pass)\b|\b(don'?t|dont|do\s+not)\s+want\s+(anyone|anybody|them|him|her|my\s+\w+|the\s+\w+)\s+to\s+(know|see|have|get)\s+(my|our|where|(that\s+)?(i|we)\s+(complained|reported|filed|wrote|contacted|called)|(that\s+)?it\s+was\s+(me|us))\b|\b(?:is|are|will|would|does)\s+my\s+(?:name|number|phone(?:\s+number)?|details|info|information|identity|address|data)\s+(?:be\s+|get\s+)?(?:shared|given|passed\s+on|sent|shown|disclosed|revealed|told)\b/i;

// Asked in a few words: 可以匿名吗？, 谁能看到我的信息？ (邊個會睇到我嘅資料？ → 谁会看到我的资料), 我不想让物业知道是我投诉的
// (我唔想管理處知道係我投訴), 你哋會唔會將我個名話俾管理處知？ (→ 你们会不会将我个名说给…知). These had been read as a policy
// question ("not found") or news for an open case, and "No" had filed them as a petition. Only when they are all that is
// said: "我们小区的信息公开栏坏了" or "有人匿名打电话骚扰我" leave a matter over and go the usual way.
const ZH_PRIVACY_SHORT =
  /(可以|可不可以|可否|能不能|能否|能|是否可以|允许|接受)?(用)?匿名(投诉|举报|反映|信访|提交|登记)?|(谁|哪些人|什么人|有谁|边个)(会|能|可以)?(看到|看得到|看见|见到|知道|拿到|查到|看)(我的|我)(个人)?(信息|资料|名字|姓名|电话|号码|身份证?|地址|隐私|内容)?|(不想|不要|别|不希望|不愿意?|不能)(让|被|给)?[^,，。!?！？]{0,8}知道?(是)?我(投诉|举报|反映|报|说|讲|打的电话|写)?|(会|会不会|会否|是否|能不能)(将|把)?(我个|我的|我)(名字?|姓名|资料|信息|个人信息|电话|号码|身份)(说|讲|告诉|透露|给|交|转)(给)?[^,，。!?！？]{0,8}(知道?|听)?/g;
// What may stand around such a question: a greeting, 请问, particles.
const ZH_PRIVACY_FILLER = /请问|想问(一?下)?|问(一?下)?|你好|您好|我们?|你们|其实|的|吗|呢|吧|啊|呀|嘛|么|了|先|可以|可不可以|能不能|好/g;

/** A question about what happens to the resident's personal data (or a plea to keep their name from the other side). */
export function asksAboutPrivacy(text: string): boolean {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '' || [...raw].length > 80) return false;
  if (han(raw) === 0) return EN_PRIVACY.test(raw);
  if (han(raw) > 40) return false;
  const s = normalize(raw).normalized;
  return ZH_PRIVACY.test(s) || (s.search(ZH_PRIVACY_SHORT) >= 0 && han(s.replace(ZH_PRIVACY_SHORT, '').replace(ZH_PRIVACY_FILLER, '')) <= 1);
}

/** A status question about how long things take (多久, 什么时候, how long): with no case yet, the answer is the statutory timeline. */
export const asksHowLong = (text: string): boolean => /多久|多长时间|几天|几时|什么时候|什麼時候|何时|何時|幾耐|幾時|\bhow\s+long\b|\bwhen\s+will\b/i.test(text);

// Closing a conversation: thanks with "all good now", "没事了", "问题解决了". The crisis model alone had read
// "Thanks, all good now." as an overdose and "好了，没事了，谢谢你们" as suicide, and a second such line after an
// unclear one had filed an empty case. Whole message only; a farewell ("以后不用担心我了", "thanks for
// everything") leaves words over and is read for danger as always, and "done" (搞定, 搞掂, it's done) may be an
// act carried out, so it is no closing word.
const ZH_CLOSING =
  /谢谢|多谢|感谢|辛苦|唔该晒?|你们|你哋|您|大家|问题|事情|没有?事了?|冇事|无事|好了|好的|好啦|可以了|行了|解决了|已经|修好|处理好|弄好|没问题|冇问题|收到|明白|知道了|ok|okay|嗯|哦|了|啦|喇|咗|啊|呀|哈|晒|喔|吧/gi;
const EN_CLOSING_WORDS = new Set(
  `thanks thank thx ty you u so much very lot a all good now ok okay fine great cool perfect awesome no problem problems anymore
  it its it's is everything's sorted solved resolved fixed fine never mind nvm that's thats alright all right cheers got appreciate
  really already works working again`.split(/\s+/).filter(Boolean),
);
const EN_CLOSING_CORE = /\b(thanks?|thx|ty|all\s+good|sorted|solved|resolved|fixed|never\s*mind|nvm|no\s+problem|all\s+right|alright|working\s+again|works\s+now)\b/i;

/** A message that only thanks or says it is over ("Thanks, all good now.", "好了，没事了，谢谢你们", "问题解决了，谢谢"). */
export function isClosingOnly(text: string): boolean {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '' || [...raw].length > 40) return false;
  if (han(raw) > 0) {
    const s = normalize(raw).normalized;
    if (!/谢|感谢|没有?事|冇事|好了|解决了|修好|处理好|没问题|冇问题/.test(s)) return false;
    return han(s.replace(ZH_CLOSING, '')) === 0 && !/[a-z]{3,}/i.test(s.replace(/ok(ay)?/gi, ''));
  }
  return EN_CLOSING_CORE.test(raw) && onlyWordsFrom(raw, EN_CLOSING_WORDS, 10);
}

// Yes to a referral said in words: "还是帮我转介吧", "其實都係要 幫我轉介啦", "wait actually yes pls refer me to them".
const ZH_AGREE = /(帮我|请|麻烦|那就|还是|就)?(转介|转给|转过去|介绍给?)(他们|她们|机构|那个机构|吧|啦|喇|了)?|(帮(我|她|他)?)?联系(一下)?(那个|这个)(机构|中心|社工)|^(我)?同意(转介)?(了|啦|吧)?$|要转介/;
const ZH_AGREE_NOT = /不|没|别|莫|未/;
const EN_AGREE = /\b(refer\s+(me|us|her|him|my\s+\w+)|please\s+refer|go\s+ahead|i\s+(agree|consent)|yes\s*(,|\s)\s*(please|pls|refer|go|do\s+it|send|share)|(pass|send)\s+(it|my\s+\w+)\s+(on|to\s+them))\b/i;
const EN_AGREE_NOT = /\b(no|not|don'?t|dont|never|won'?t|stop)\b/i;

// What may stand around the yes: 想了想, 其实, 好吧, 帮她联系一下那个机构 …
const ZH_AGREE_FILLER = /我?想了想|我?想过了|其实|都系|都是|都要|还是|那就|那|就|好吧|好啦|好的|可以|行|ok|吧|啦|喇|了|呀|啊|一下|帮(我|她|他|我们)|联系|那个|这个|机构|中心|社工|他们|她们|要/gi;
const EN_AGREE_WORDS = new Set(
  `wait actually yes yeah yep ok okay sure fine alright please pls plz refer me us to them go ahead i agree consent do it then changed my
  mind after all the that this organisation organization centre center service her him mum mom dad mother father grandma grandpa
  thats that's great thanks thank you`.split(/\s+/).filter(Boolean),
);

/** A short message that says only yes to a referral, in words; the button still gives the consent. */
export function agreesInWords(text: string): boolean {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '' || [...raw].length > 60 || !singleSentence(raw)) return false;
  // A question about the referral ("转介要多久？") is not a yes.
  if (/[?？]|请问|請問|多久|怎么|怎麼|什么|什麼|咩|点样|點樣|\b(how|what|when|why|will|would)\b/i.test(raw)) return false;
  if (han(raw) > 0) {
    const s = normalize(raw).normalized;
    return ZH_AGREE.test(s) && !ZH_AGREE_NOT.test(s.replace(/不如|不过|不好意思/g, '')) && han(s.replace(ZH_AGREE, '').replace(ZH_AGREE_FILLER, '')) <= 1;
  }
  return EN_AGREE.test(raw) && !EN_AGREE_NOT.test(raw) && onlyWordsFrom(raw, EN_AGREE_WORDS, 14);
}

/**
 * "我没事了", "我现在安全了", "我已经从楼顶下来了", "I'm safe now", "I'm ok now, I won't do anything stupid": a short word
 * after an emergency reply that the danger has passed. With 不 / not it says the opposite ("我不安全", "I'm not ok"),
 * and anything longer is read as a message of its own. The crisis layer uses it to drop the model's lone alarm
 * (我冷静下来了 had got 0.75, 我已经从楼顶下来了 0.99), the conversation to offer the matter kept from that message.
 */
export function saysSafeNow(text: string): boolean {
  const s = typeof text === 'string' ? text.trim() : '';
  if (s === '' || [...s].length > (han(s) > 0 ? 24 : 60)) return false;
  const said = s.replace(/不用|唔使|不客气|不会做傻事|唔会做傻事|唔會做傻事|won'?t do anything (stupid|silly)|not going to do anything (stupid|silly)/gi, '');
  if (/不|唔|未|没有|沒有|还没|還沒|\b(not|isn'?t|never|no)\b/i.test(said)) return false;
  return /没事|沒事|冇事|無事|无事|安全(了|喇|啦)|好多了|好点了|好點了|冷静|冷靜|平静|平靜|(从|從)?(楼顶|樓頂|天台|桥上|橋上).{0,4}(下来|下來|落嚟|落咗)|\bi'?m\s+(ok|okay|fine|safe|alright|better|home|back inside|down)\b|\bi\s+am\s+(ok|okay|fine|safe|alright|better|home)\b|\b(came|got|climbed) (back )?down\b/i.test(said);
}
