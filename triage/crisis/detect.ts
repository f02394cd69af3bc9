/**
 * The crisis layer: explicit emergency rules (triage/emergency.ts) + situation cues (lexicon.ts) + a
 * local classifier (model.ts), all synchronous and in-process — nothing here waits on a network.
 *
 * Outcome: immediate danger / concern / none (docs/crisis.md).
 *  - An explicit rule hit or a situation cue that is current → immediate.
 *  - The classifier's P(immediate) at or above the threshold chosen for recall → immediate.
 *  - Narration, news, questions about a service, a complaint about how an emergency was handled, or a
 *    long complaint letter without a now cue turn a hit into concern or nothing.
 *  - An English complaint form (past, habit, someone's failure to act) with no present danger turns an
 *    immediate outcome into concern (complaintEn.ts).
 *  - Distress cues or the classifier's P(concern ∪ immediate) → concern.
 */
import { existsSync } from 'node:fs';
import { detectEmergency, isLetter } from '../emergency.js';
import {
  HYPO_SENTENCE_EN, HYPO_SENTENCE_ZH, LETTER_NOW_EN, LETTER_NOW_ZH, PAST_EN, PAST_ZH, PETITION_VERBS_ZH, REDRESS_ZH, STRONG_NOW_EN, STRONG_NOW_ZH,
  WEAK_NOW_EN, WEAK_NOW_ZH,
} from '../emergencyLexicon.js';
import { CRISIS_MODEL } from './data.js';
import { CUES, NOT_NOW_EN, NOT_NOW_ZH, TOLD_AS_PAST } from './lexicon.js';
import { HELD_BACK, PLAN_TIMED } from './lexiconConcern.js';
import { englishComplaintForm } from './complaintEn.js';
import { modelAlarmGuard, modelConcernGuard, onlyAsksTheService } from './guards.js';
import { alarmKinds, modelKind } from './kinds.js';
import { loadCrisisModel, score, type CrisisModel, type Scores } from './model.js';
import { stage2Prob, stage2Vector, type Situation } from './stage2.js';
import { featurize, type TextFlags } from './features.js';
import type { CrisisKind, CrisisLevel, CrisisOutcome } from './types.js';

const SENTENCE = /[。!?;\n]+|\.(?!\d)|[!?]/;

let cached: CrisisModel | null | undefined;
/** The bundled model (resources/model/crisis-model.json), loaded once; null (rules only) if absent. */
export function defaultCrisisModel(): CrisisModel | null {
  if (cached === undefined) {
    try {
      cached = existsSync(CRISIS_MODEL) ? loadCrisisModel(CRISIS_MODEL) : null;
    } catch (err) {
      console.error(`crisis model not loaded (${(err as Error).message}); rules and cues only`);
      cached = null;
    }
  }
  return cached;
}

/** For tests and the evaluation: use this model (or none) instead of the bundled one. */
export function setDefaultCrisisModel(m: CrisisModel | null | undefined): void {
  cached = m;
}

/** Older model files without a second stage: below this P(immediate) the model vetoes a rule hit without a now cue. */
export const VETO = 0.02;

const RANK: Record<CrisisLevel, number> = { none: 0, concern: 1, immediate: 2 };
const maxLevel = (a: CrisisLevel, b: CrisisLevel): CrisisLevel => (RANK[a] >= RANK[b] ? a : b);

const test = (zh: RegExp, en: RegExp, s: string) => zh.test(s) || en.test(s);
const strongNow = (s: string) => test(STRONG_NOW_ZH, STRONG_NOW_EN, s);
const letterNow = (s: string) => test(LETTER_NOW_ZH, LETTER_NOW_EN, s) || strongNow(s);
const notNow = (s: string) => test(NOT_NOW_ZH, NOT_NOW_EN, s);
const past = (s: string) => test(PAST_ZH, PAST_EN, s);
// A threat reported with its condition ("业主说如果我不搬走就砍死我") is a threat made, not a what-if: the 如果 is the
// threatener's, and reading it as hypothetical had let the second stage overrule the violence rule (0.05).
const THREAT_CONDITION = /(说|话|讲|扬言|威胁|警告)(过)?.{0,3}(如果|要是|假如|再|敢).{0,12}(就|便)(要)?(杀|弄死|打死|砍死|斩死|捅死|劈死)/g;
const whatIf = (s: string) => test(HYPO_SENTENCE_ZH, HYPO_SENTENCE_EN, s.replace(THREAT_CONDITION, ''));

/** Explicit passive wishes: a stated wish to die without plan or means is concern, not immediate. */
const PASSIVE_SUICIDE = /活着(没(有)?意思|太累|好累|真累)|活够了|没(有)?活下去的|\b(don'?t see the point|no point (in )?living|tired of living|not worth living)\b/;
/**
 * Suicide words under a denial ("但我没有想不开，只是想找人聊聊", "i'm not suicidal"): still talk of it, so a concern, never
 * the 110/120 reply — the rule had fired and let a second-stage score of 0.07 through. Only when nothing else in the
 * message fires the suicide rule once the denied phrase is taken out.
 */
export const DENIED_SUICIDE = /(没有|没|冇|并没有|从来没有|从没|不会|唔会|绝不会|不是|唔系|不是要|不打算|唔打算)(想|要|会|去)?(想不开|自杀|轻生|寻死|想死|做傻事|伤害自己|伤自己|自残)|\b(i'?m|i am) not (suicidal|(going|gonna) to (kill|hurt|harm) myself|(going|gonna) to do anything( (stupid|silly))?)\b|\bi (won'?t|will not|would never|will never|am not going to) (kill|hurt|harm) myself\b|\bi (won'?t|will not) do anything (stupid|silly)\b/g;
/**
 * Only the denied phrase speaks of it: with the denial taken out, no rule of that kind fires. Self-harm too ("I am not
 * going to hurt myself" had fired the self-harm rule, which reads no negation, and sent the 120 reply and an urgent alert).
 */
const onlyDenied = (text: string, kind: 'suicide' | 'self_harm' = 'suicide'): boolean =>
  text.search(DENIED_SUICIDE) >= 0 && !detectEmergency(text.replace(DENIED_SUICIDE, ' '))?.kinds.includes(kind);
// A weapon, or the abuser at the door or downstairs now, keeps the alarm however far in the past the violence is told
// ("以前會打我，現在已經分開了，但他現在就在門口拿著刀" had been a concern).
const AT_HAND = /刀|枪|槍|斧|(现在|而家|宜家|正在|刚才|又)(就)?(在|喺|到)(我)?(的|嘅)?(家)?(门口|门外|楼下|樓下|屋企|家|公司)|(拍|踢|踹|砸|撞)(紧|着)?(门|我门)|\b(knife|gun|axe|(at|outside) (my|the) door (right )?now|(is|he's) (outside|downstairs|here) (right )?now|banging on|kicking (the|my) door)\b/;
const ABUSE_OVER =
  /(已经)?(分开|分手|离婚|离了婚)|走(了|咗)出(来|嚟)|搬(走|了|出来|出去|去(了)?(第二|别|其他))|住在新|(他|她)(找不到|不知道)我|(返|回)(咗|了)?(外家|娘家|外婆家|妈妈家|阿妈屋企|父母家)|住(在|喺)(我)?(爸妈|父母|妈妈|阿妈|娘家|外家|朋友|姐姐|妹妹|亲戚)(家|屋企|嗰度|那里)|\b(moved (out|away)|left (him|her)|divorced|(staying|living) (with|at) my (parents|mum'?s|mom'?s|mother'?s|sister'?s|friend'?s|parents'?)|(he|she) (doesn'?t|does not|can'?t|cannot) (know where i (live|am)|find me))\b/;
// Self-harm told as the writer's past ("高中的時候自殘過，手臂上還有疤，最近…只是想找人說說", "I used to cut in high school"):
// the rule fires on 自残 with no tense guard, on purpose ("I tried before" is still a signal), but what the office must
// hear is a concern — the 110/120 reply to it had told a resident who only wanted to talk that help was on its way.
// Hurting oneself again, or now, keeps the alarm.
const SELF_HARM_PAST =
  /(以前|之前|曾经|小时候|那时候|那时|几年前|年前|读书(的时候|时|嗰阵)|(高中|初中|中学|大学|小学)(的时候|时|嗰阵|那几年))[^。!?]{0,12}(自残|自伤|割|划|鎅|伤害自己)|(自残|自伤|割腕|鎅手|割手|伤害自己)过|\b(used to (cut|self[- ]harm|hurt myself|burn myself)|(cut|hurt|harmed) myself (in|when i was|back in|years ago)|when i was (younger|a teen\w*|in (high|middle) school))\b/;
const SELF_HARM_AGAIN = /(又|再|刚刚|刚才|头先|正在|今晚)(一次)?(割|划|鎅|自残|伤害自己)|\b(again|just now|right now|tonight|this morning)\b/;
const ACTIVE_SUICIDE = /自杀|轻生|寻死|自尽|了结|了断|一了百了|一死了之|世界(说|讲|道)(声)?(再见|拜拜)|结束(自己的)?生命|跳|上吊|农药|百草枯|安眠药|烧炭|吞药|服毒|卧轨|遗书|\b(kill(ing)? myself|end(ing)? my (own )?life|suicide|jump|hang myself|overdos|pills|tonight)\b/;

/** How many closing sentences of a letter are read on their own, and at most how many characters of them. */
const TAIL_SENTENCES = 2;
const TAIL_MAX_CHARS = 70;
/** The last two sentences of a letter, then the last alone (the one before may carry the letter's history). */
function letterTails(text: string): string[] {
  const sentences = text.split(SENTENCE).map((s) => s.trim()).filter((s) => s !== '');
  if (sentences.length < 3) return [];
  const tails: string[] = [];
  for (let n = TAIL_SENTENCES; n >= 1; n--) {
    const tail = sentences.slice(-n).join('。');
    const cut = tail.length > TAIL_MAX_CHARS ? tail.slice(-TAIL_MAX_CHARS) : tail;
    if (!isLetter(cut)) tails.push(cut);
  }
  return tails;
}

/** Not a situation at all: fiction, a joke, something over and recovered from, or help with an app. */
const FICTION = /灾难片|恐怖片|动作片|纪录片|电影|电视剧|小说|剧本杀|剧情|角色|主角|套戏|游戏里|动漫|综艺|\b(movie|film|documentary|novel|tv show|drama|character|video game|episode)\b/;
const JOKE = /开玩笑|哈哈|笑死|\b(lol|lmao|jk|just kidding|kidding|(ha){2,}|hehe)\b/;
const OVER = /(后来|後來|之后|之後|过了一阵|過了一陣)(慢慢|就)?(好了|没事了|冇事|缓过来|恢复了|好返)|(烧|燒)(没|光|冇)(了|晒|咗)|(全部|都|全都|已经|已經)(烧|燒)(光|没|冇|晒)|(现在|目前|而家|宜家|暂时|暫時)[^,。!?]{0,6}(住|借住|暂住|寄住)(在|喺)?(亲戚|親戚|朋友|酒店|宾馆|賓館|安置点|安置點|临时|臨時)|(现在|目前|而家|宜家)(已经)?(好了|好多了|好返|好翻|恢复|没事|冇事|没大碍|冇大碍|稳定)|恢复得|(下车|坐(了|咗)?一阵|休息(了|咗)?一(下|阵))(后|之后|以后)?(先|就|才)?(好(一点|返|回|多了|了))|已经(好了|出院|康复|扑灭|灭了|救出|被救)|(最后|幸好|好彩|还好|结果)(都)?(没事|冇事|没有事|没大碍|冇大碍)|原来(是|系|係|只是)|(问|問|查|睇|看)(了|咗|过|過)?(之后|之後)?(才|先)(知道|知|发现|發現)(原来|原來)?(只)?(是|系|係)[^。!?]{0,6}(看|睇|玩|打游戏|打遊戲|打机|打機|练|練|排练|排練|拍|装修|裝修|搬|唱|开派对|開派對)|虚惊一场|\b(false alarm|turned out (to be|it was)|(no one|nobody) (was )?(hurt|injured))\b|\b(doing (well|fine|better) now|recovered|recovering|survived|was put out|it'?s sorted|(is|he'?s|she'?s|they'?re|are) (back )?home now|out of hospital|discharged)\b/;
// Of PETITION_VERBS_ZH only 投诉 (how to complain is a question about a service); 举报 and 反映 narrate.
const ASKS = /想问|请问|咨询|怎么办|如何|投诉|表扬|维权|报销|申请|要求调查|有没有|\b(can i|how (do|can)|is there|are there|where can|complain|want to report|please (train|check|inspect))\b/;
const APP = /系统|网站|网上|网页|app|页面|当机|死机|崩了|又崩|卡住了|(又|好|太|很)卡|卡(了|咗|死)|闪退|加载|转圈|登录|登陆|\b(lag|lagging|loading|crash(ed|es)?|login)\b|排队|预约|填表|\b(website|app|system|portal|form)\b/;

// "刚刚看完一部灾难片": the now is the watching, so fiction still counts when no other now is said.
// Writing one is the same ("我是小说作者，正在写一个关于煤气中毒的故事"): the now is the writing.
const WATCHED_JUST = /(刚刚|刚才|刚)(看完|看了|睇完|睇咗)|(正在|在|而家|宜家)(写|寫|创作|創作|构思|拍)(紧|緊|着)?|\bjust (watched|finished watching|saw)\b|\b(i'?m|i am) (writing|filming|making)\b/g;

/** Why explicit words do not make this message a danger now (null when nothing says so). */
function notASituation(text: string, now: boolean): string | null {
  if (now && FICTION.test(text) && text.search(WATCHED_JUST) >= 0) {
    const rest = text.replace(WATCHED_JUST, ' ');
    if (!test(STRONG_NOW_ZH, STRONG_NOW_EN, rest) && !test(WEAK_NOW_ZH, WEAK_NOW_EN, rest)) return 'fiction';
  }
  if (now) return null;
  if (FICTION.test(text)) return 'fiction';
  if (JOKE.test(text)) return 'joke';
  if (OVER.test(text)) return 'over';
  if (past(text) && ASKS.test(text)) return 'past_question';
  return null;
}

/** Who may be in danger, and with what (stage-2 features; the cues above say what is happening). */
const PERSON = /孩子|小孩|小朋友|宝宝|婴儿|细路|老人|长者|奶奶|爷爷|外婆|外公|婆婆|阿婆|伯伯|阿伯|阿嫲|妈|爸|老公|老婆|丈夫|妻子|太太|儿子|女儿|仔|女朋友|男朋友|室友|同事|邻居|工人|师傅|有人|佢|他|她|\b(child|kid|baby|toddler|son|daughter|mum|mom|dad|father|mother|wife|husband|partner|grand\w+|neighbou?r|flatmate|roommate|friend|someone|worker|he|she)\b/;
const MEANS = /刀|绳|药|炭|农药|百草枯|敌敌畏|刀片|剪刀|楼顶|天台|桥|窗台|栏杆|煤气|汽油|\b(knife|blade|razor|rope|noose|pills?|tablets|charcoal|poison|pesticide|bleach|gun|ledge|bridge|roof|rooftop|petrol)\b/;
/**
 * Complaint or petition framing: a report to the office about a problem, not a call for help. The shared
 * petition verbs and redress words (emergencyLexicon.ts), plus how a complaint states who writes and what
 * the office failed to do (本人, 不作为, 没人管). Such a message leaves an explicit rule hit to the second stage.
 */
const COMPLAINT = new RegExp(
  `${PETITION_VERBS_ZH}|${REDRESS_ZH}|本人|要求|诉求|监管|监督|相关部门|不作为|处理不公|隐患|收费|不理|唔理|没人管|冇人理|\\b(complain\\w*|compensation|i request|i demand|refus\\w+|still (hasn'?t|haven'?t|has not|have not)|deposit)\\b`,
);
const FIRST = /我|\b(i|i'm|i've|me|my)\b/;
const QUESTION = /[?？]|吗|嗎|请问|想问|想了解|想知道|是不是|是否|系咪|係咪|点解|點解|为什么|為什麼|咩|点样|點樣|怎么|怎樣|如何|\b(how|what|where|is there|are there|can i|could you)\b/;

export interface Base {
  outcome: CrisisOutcome;
  situation: Situation;
  /** The pattern answers for the normalised text, when the rules read exactly that text (no differing original). */
  flags?: TextFlags;
  /** Whether the suicide or self-harm words are only denied ones, where the rules had to ask (it runs the rules once more). */
  deniedSuicide?: Partial<Record<'suicide' | 'self_harm', boolean>>;
}

/** Rules and situation cues with their guards, and the flags the second stage reads. No model. */
export function situate(normalizedText: string, original?: string): Base {
  const text = original && original.toLowerCase() !== normalizedText ? `${normalizedText}\n${original.toLowerCase()}` : normalizedText;
  const letter = isLetter(normalizedText);
  const sentences = text.split(SENTENCE).filter((s) => s.trim() !== '');
  const wholeNotNow = notNow(normalizedText);
  const anyNow = strongNow(normalizedText);
  const context = notASituation(normalizedText, anyNow);
  let level = 'none' as CrisisLevel;
  const kinds = new Set<CrisisKind>();
  const cues: string[] = [];
  const f = { timed: 0, ruleImmediate: 0, ruleDemoted: 0, ruleSuicide: 0, cueImmediate: 0, cueDemoted: 0, distress: 0, soft: 0, ruleOther: 0, ruleSpecific: 0 };
  const hit = (l: CrisisLevel, k: CrisisKind, cue: string) => {
    level = maxLevel(level, l);
    if (l !== 'none') kinds.add(k);
    if (l === 'immediate') hitKinds[k] = 1;
    if (!cues.includes(cue)) cues.push(cue);
  };
  const hitKinds: Record<string, number> = {};
  const deniedSuicide: Partial<Record<'suicide' | 'self_harm', boolean>> = {};

  // 1. Explicit rules (already guarded for negation, similes, tense, hazard talk, long letters).
  const rules = detectEmergency(normalizedText, original);
  if (rules) {
    for (const k of rules.kinds) {
      let l: CrisisLevel = 'immediate';
      if (k === 'suicide' || k === 'self_harm') {
        const active = ACTIVE_SUICIDE.test(normalizedText) || k === 'self_harm';
        // A passive wish, or suicide talk inside a long complaint letter with nothing current, is
        // distress the office should read, not a call to an emergency line.
        if (!active && PASSIVE_SUICIDE.test(normalizedText)) l = 'concern';
        if ((k === 'suicide' || k === 'self_harm') && (deniedSuicide[k] ??= onlyDenied(normalizedText, k))) l = 'concern';
        if (k === 'suicide' && !anyNow && HELD_BACK.test(text) && !PLAN_TIMED.test(text)) l = 'concern';
        if (k === 'self_harm' && SELF_HARM_PAST.test(normalizedText) && !SELF_HARM_AGAIN.test(normalizedText) && !anyNow) l = 'concern';
        if (letter && !anyNow && !sentences.some(letterNow)) l = 'concern';
      }
      if ((wholeNotNow && !anyNow) || context) l = (k === 'suicide' || k === 'self_harm') && context !== 'fiction' ? 'concern' : 'none';
      // 救命 about a website or a queue is a figure of speech.
      if (k === 'other' && APP.test(normalizedText)) l = 'none';
      if (l === 'immediate') {
        f.ruleImmediate = 1;
        if (k === 'suicide' || k === 'self_harm') f.ruleSuicide = 1;
        if (k === 'other') f.ruleOther = 1;
        else f.ruleSpecific = 1;
      } else f.ruleDemoted = 1;
      hit(l, k as CrisisKind, `rule:${k}${l === 'immediate' ? '' : `→${l}`}${context ? `(${context})` : ''}`);
    }
  }

  // 2. Situation cues, weighed in their sentence.
  const cueHits: boolean[] = [];
  for (const cue of CUES) {
    const found = cue.pattern.test(text);
    cueHits.push(found);
    if (!found) continue;
    for (const s of cue.whole ? [text.replace(/\n/g, ' ')] : sentences) {
      if (!cue.pattern.test(s) || cue.unless?.test(s)) continue;
      let l: CrisisLevel = cue.level;
      const now = strongNow(s);
      // A concern cue is about something told, not happening (violence at home last week and a question about a
      // protection order): past, a question or a report keep it a concern; only fiction drops it.
      if ((notNow(s) || context) && !now) l = cue.kind === 'suicide' || cue.level === 'concern' ? (context === 'fiction' ? 'none' : 'concern') : 'none';
      else if (cue.guarded && !now && (past(s) || whatIf(s))) l = 'none';
      else if (l === 'immediate' && letter && !now && !letterNow(s) && !cue.timed) l = 'concern';
      // A goodbye or a wish the writer says they will not act on ("…better off without me. I'm not going to do anything, I just
      // needed to say it"): a concern, as for the rule's denied suicide. Not a timed end, and not with anything now.
      if (l === 'immediate' && cue.kind === 'suicide' && !cue.timed && !now && text.search(DENIED_SUICIDE) >= 0) l = 'concern';
      // Thought of and held back ("想过把药全部吃了…可是想到儿子还小"): the same for the means the thought named.
      if (l === 'immediate' && (cue.kind === 'suicide' || cue.kind === 'overdose') && !cue.timed && !now && HELD_BACK.test(text) && !PLAN_TIMED.test(text)) l = 'concern';
      if (cue.level === 'immediate') {
        if (l === 'immediate') {
          f.cueImmediate = 1;
          if (cue.timed) f.timed = 1;
        } else f.cueDemoted = 1;
      } else if (l !== 'none') f[cue.name === 'farewell_soft' ? 'soft' : 'distress'] = 1;
      if (l === 'none') continue;
      hit(l, cue.kind, `cue:${cue.name}${l === cue.level ? '' : `→${l}`}`);
      break;
    }
  }

  // The last sentences of a long letter, read as a message of their own: that is where people who have given up on the
  // office write what they will do ("…遗书写好放在桌上了…明天你们来的时候我应该已经不在了", "寫完呢封信我就會將儲落嘅藥全部
  // 食晒"). The letter's history (2021, 去年, 投诉) had made the whole text past, and the farewell only a concern. Only a
  // self-directed danger the rules or cues read on the tail alone; it stands like a timed cue, which no model overrules.
  // Also when the whole letter already reads immediate: only a timed reading keeps the second stage, which scores
  // complaint letters near 0, from vetoing it ("…遗书已经写好放在桌上，今晚我就从这栋楼的楼顶下去" had been a concern).
  if (letter && f.timed !== 1) {
    const t = letterTails(normalizedText)
      .map((tail) => situate(tail))
      .find((r) => r.outcome.level === 'immediate' && r.outcome.kinds.some((k) => SELF_KINDS.has(k)));
    if (t) {
      for (const k of t.outcome.kinds) kinds.add(k);
      level = 'immediate';
      cues.push('letter_ends_in_danger', ...t.outcome.cues.map((c) => `tail:${c}`));
      f.timed = 1;
      f.cueImmediate = 1;
    }
  }

  const situation: Situation = {
    baseImmediate: level === 'immediate' ? 1 : 0,
    baseConcern: level === 'concern' ? 1 : 0,
    ruleImmediate: f.ruleImmediate,
    ruleDemoted: f.ruleDemoted,
    ruleOtherOnly: f.ruleOther && !f.ruleSpecific ? 1 : 0,
    ruleSuicide: f.ruleSuicide,
    cueImmediate: f.cueImmediate,
    cueDemoted: f.cueDemoted,
    distress: f.distress,
    softFarewell: f.soft,
    strongNow: anyNow ? 1 : 0,
    letterNow: sentences.some(letterNow) ? 1 : 0,
    weakNow: test(WEAK_NOW_ZH, WEAK_NOW_EN, normalizedText) ? 1 : 0,
    notNow: wholeNotNow ? 1 : 0,
    past: past(normalizedText) ? 1 : 0,
    whatIf: whatIf(normalizedText) ? 1 : 0,
    fiction: context === 'fiction' ? 1 : 0,
    joke: context === 'joke' ? 1 : 0,
    over: context === 'over' ? 1 : 0,
    pastQuestion: context === 'past_question' ? 1 : 0,
    app: APP.test(normalizedText) ? 1 : 0,
    letter: letter ? 1 : 0,
    question: QUESTION.test(text) ? 1 : 0,
    person: PERSON.test(text) ? 1 : 0,
    means: MEANS.test(text) ? 1 : 0,
    firstPerson: FIRST.test(text) ? 1 : 0,
    length: Math.log2(1 + normalizedText.length) / 10,
    complaint: COMPLAINT.test(normalizedText) ? 1 : 0,
    timedCue: f.timed,
    hitKinds,
  };
  const flags: TextFlags | undefined =
    text === normalizedText
      ? { cues: cueHits, past: situation.past === 1, notNow: wholeNotNow, strongNow: anyNow, weakNow: situation.weakNow === 1, letter }
      : undefined;
  return { outcome: { level, kinds: [...kinds], cues }, situation, ...(flags ? { flags } : {}), deniedSuicide };
}

/**
 * An explicit rule or cue with a strong now cue ("正在", "right now") in a message — not a long complaint
 * letter, where 救命 and 正在 are rhetoric more often than not — is never overruled by the second stage.
 * 救命 is its own "now" cue, so a cry for help inside a longer message is left to the second stage; a
 * cry for help on its own (救命, SOS — a dozen characters at most) is explicit.
 */
export const explicitNow = (s: Situation): boolean =>
  (s.baseImmediate === 1 && s.letter === 0 && ((s.strongNow === 1 && s.ruleOtherOnly === 0) || (s.ruleOtherOnly === 1 && s.length <= BARE_CRY) || explicitRule(s))) ||
  // A stated end with its own time ("this will be over before the weekend") is explicit even where it
  // closes a long complaint letter: that is where people who have given up on the office write it.
  s.timedCue === 1;

/**
 * An explicit rule (a named danger, not a bare cry) that no guard demoted, in a short message that says
 * nothing of the past, a what-if, news or a service, a joke, fiction, an app or something over, asks
 * no question and is not framed as a complaint (本人反映…, 要求赔偿): the rules stand on their own there and the model cannot overrule them (issue 10: explicit
 * cases 1.00). Suicide words (figures of speech: 加班加到想死) and weather words (台风 forecasts) are left
 * to the second stage, which has learned those uses.
 */
const explicitRule = (s: Situation): boolean =>
  s.ruleImmediate === 1 && s.ruleOtherOnly === 0 && s.ruleSuicide === 0 && s.ruleDemoted === 0 && s.question === 0 &&
  s.past === 0 && s.whatIf === 0 && s.notNow === 0 && s.over === 0 && s.pastQuestion === 0 && s.joke === 0 && s.fiction === 0 &&
  s.app === 0 && s.complaint !== 1 && (s.hitKinds.disaster ?? 0) === 0;
const BARE_CRY = Math.log2(1 + 12) / 10;

export interface DetectOptions {
  /** undefined → the bundled model; null → rules and cues only. */
  model?: CrisisModel | null;
  /** Precomputed (training): the rules-and-cues pass and the text model's scores. */
  base?: Base;
  scores?: Scores;
}

function finish(level: CrisisLevel, kinds: Set<CrisisKind>, cues: string[]): CrisisOutcome {
  if (level === 'none') return { level, kinds: [], cues };
  // 'distress' and 'other' only add information when nothing more specific is known.
  if (kinds.size > 1) kinds.delete('distress');
  if (kinds.size > 1) kinds.delete('other');
  if (kinds.size === 0) kinds.add('distress');
  return { level, kinds: [...kinds], cues };
}

/**
 * The text the model scores, with repeated clauses kept once: saying the same thing fifty times (a flood
 * of pasted text) adds no meaning, but it would pile up n-gram counts the model never saw in training.
 */
export function withoutRepeats(text: string): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of text.split(/(?<=[。!?;,\n])/)) {
    const key = piece.replace(/[。!?;,\s]+/g, '');
    if (key !== '' && seen.has(key)) continue;
    seen.add(key);
    out.push(piece);
  }
  // Back-to-back repeats with no punctuation between them ("abcabcabc") collapse the same way.
  return out.join('').replace(/(.{4,40}?)\1+/gsu, '$1');
}

const SELF_KINDS: ReadonlySet<CrisisKind> = new Set(['suicide', 'self_harm', 'overdose']);

/**
 * The English complaint form (complaintEn.ts) that turns an immediate outcome into concern, or null. Only
 * when the rules' own reading leaves room for it: no explicit rule hit, no now cue, no timed end, and no
 * suicide, self-harm or overdose cue. Applied after the model (never in the rules-only pass the trainer
 * reads), so it changes no feature the model or the second stage was trained on.
 */
function complaintDemotion(text: string, sit: Situation, kinds: Set<CrisisKind>): string | null {
  if (explicitNow(sit) || sit.ruleImmediate === 1 || sit.timedCue === 1 || sit.strongNow === 1) return null;
  if ([...kinds].some((k) => SELF_KINDS.has(k))) return null;
  return englishComplaintForm(text, sit.weakNow === 1 || sit.letterNow === 1);
}

/** Second-stage probability the model needs when no rule or cue fired (see detectCrisis). */
export const MODEL_ONLY_BAR = 0.4;

export function detectCrisis(normalizedText: string, original?: string, opts: DetectOptions = {}): CrisisOutcome {
  if (typeof normalizedText !== 'string' || normalizedText.trim() === '') return { level: 'none', kinds: [], cues: [] };
  const base = opts.base ?? situate(normalizedText, original);
  const model = opts.model === undefined ? defaultCrisisModel() : opts.model;
  if (!model) return base.outcome;
  const scored = withoutRepeats(normalizedText);
  // The rules have asked the model's patterns of this same text already (usually: no repeats, no differing original).
  const sc = opts.scores ?? score(model, scored, base.flags && scored === normalizedText ? featurize(scored, base.flags) : undefined);
  const sit = base.situation;
  const [, pc, pi] = sc.level;
  const cues = [...base.outcome.cues];
  const kinds = new Set<CrisisKind>(base.outcome.kinds);
  const specific = () => [...kinds].some((k) => k !== 'distress');
  const suicidal = [...kinds].some((k) => k === 'suicide' || k === 'self_harm') || (!specific() && (sc.kinds[0] === 'suicide' || sc.kinds[0] === 'self_harm'));
  let immediate: boolean;
  let tag: string;
  if (model.stage2) {
    const p = stage2Prob(model.stage2, stage2Vector(sit, sc));
    // The model alone, with no rule or situation cue behind it, must be surer before it sends the 110/120
    // reply and an urgent alert: English residents' ordinary 信访外 requests ("I want counselling for my
    // anxiety") scored above the CV threshold, because almost every English text in training is a crisis
    // message or a hard negative. Below the bar the message is still a concern: crisis lines, request handled.
    const bar = sit.baseImmediate === 1 ? model.stage2.threshold : Math.max(model.stage2.threshold, MODEL_ONLY_BAR);
    immediate = explicitNow(sit) || p >= bar;
    if (!immediate && p >= model.stage2.threshold) cues.push('model_only_below_bar');
    tag = `model:second_stage ${p.toFixed(2)}`;
  } else {
    const veto = sit.baseImmediate === 1 && !sit.strongNow && pi < VETO;
    immediate = (sit.baseImmediate === 1 && !veto) || (pi >= model.immediateThreshold && !sit.notNow && !sit.fiction && !sit.joke && !sit.over);
    tag = `model ${pi.toFixed(2)}`;
  }
  cues.push(`model:immediate ${pi.toFixed(2)}`, tag);
  // Told as over in words (the fire burnt out, the family lodging with relatives now) with nothing said to be happening:
  // the model alone had kept the fire reply for "家里着火了 东西都烧没了 现在住在亲戚家" (0.68). A concern, so the office
  // reads it and the lines are given, and the request (help after losing a home) goes on.
  if (immediate && sit.baseImmediate !== 1 && sit.over === 1 && sit.strongNow === 0) {
    immediate = false;
    cues.push('over_not_danger');
  }
  // Violence at home told as over: an ex who used to hit, the writer separated or moved where they cannot be found
  // ("以前前男友会打我 现在已经分开一年 住在新的地方", "旧年前度成日打我 而家搬咗去第二度 佢搵唔到我"): the violence rule had
  // read the 打我 and the 现在 of the new life as a beating now. A concern the office reads, with the lines; anything
  // said to be happening now (刚才, 在门外, right now) keeps the alarm.
  if (immediate && [...kinds].every((k) => k === 'violence') && sit.strongNow === 0 && TOLD_AS_PAST.test(normalizedText) && ABUSE_OVER.test(normalizedText) && !AT_HAND.test(normalizedText)) {
    return finish('concern', kinds, [...cues, 'violence_over_safe']);
  }
  // The model cannot read the denial either ("I'm not suicidal, just tired of my boss" scored 0.40): with no other
  // rule or cue for a danger now, a denied suicide stays a concern.
  const denied = (k: 'suicide' | 'self_harm'): boolean => kinds.has(k) && (base.deniedSuicide?.[k] ?? onlyDenied(normalizedText, k));
  if (immediate && sit.baseImmediate !== 1 && (denied('suicide') || denied('self_harm'))) {
    immediate = false;
    cues.push('suicide_denied');
  }
  // A message that only asks something of the service leaves no words for a danger to hide in. A rule or cue in
  // the same words always counts; these guards only drop the model's alarm.
  const serviceOnly = sit.baseImmediate !== 1 && sit.baseConcern !== 1 ? onlyAsksTheService(original ?? normalizedText) : null;
  if (serviceOnly) return finish('none', kinds, [...cues, serviceOnly]);
  // What the model alone alarmed on that the words say is no danger now (guards.ts: sleeplessness, a roof as a home,
  // cooking fumes, an entrapment that is over, a request for lasting care). A rule or cue always counts.
  const guard = immediate && sit.baseImmediate !== 1 ? modelAlarmGuard(normalizedText, sit.baseConcern === 1) : null;
  if (guard?.level === 'none') return finish('none', kinds, [...cues, ...guard.cues]);
  if (guard) {
    immediate = false;
    cues.push(...guard.cues);
  }
  const form = immediate ? complaintDemotion(normalizedText, sit, kinds) : null;
  if (form) {
    // An English complaint (past, habit, someone's failure to act) with no present danger: the office
    // gets a note and the resident the lines, not the 110/120 reply (complaintEn.ts).
    cues.push(`complaint_en:${form}`);
    const head = sc.kinds[0];
    if (!specific() && head && !SELF_KINDS.has(head)) kinds.add(head);
    return finish('concern', kinds, cues);
  }
  if (immediate) {
    // An alarm keeps the head's kind: its reply and numbers follow it, and an implied farewell (我先走了, 該交代的都寫在桌上了)
    // has few words a list could hold — naming suicide there is the safe side.
    if (!specific()) for (const k of alarmKinds(sc.kinds, `${normalizedText}\n${(original ?? '').toLowerCase()}`)) kinds.add(k);
    return finish('immediate', kinds, cues);
  }
  // Not immediate: suicide or self-harm talk still gets the warm reply with the lines.
  const concern = sit.baseConcern === 1 || (sit.baseImmediate === 1 && suicidal) || pc + pi >= model.concernThreshold || cues.includes('model_only_below_bar');
  if (!concern) return finish('none', kinds, cues);
  const lone = sit.baseConcern !== 1 && sit.baseImmediate !== 1 && sit.ruleDemoted !== 1 && sit.cueDemoted !== 1 ? modelConcernGuard(normalizedText) : null;
  if (lone) return finish('none', kinds, [...cues, lone]);
  // The kind a concern note names must have words behind it (kinds.ts): suicide or self-harm only when the message speaks of
  // it, so the office does not read 自杀风险 for grief, hardship, burnout or loneliness.
  if (!specific() && pc + pi >= model.concernThreshold) kinds.add(modelKind(sc.kinds, `${normalizedText}\n${(original ?? '').toLowerCase()}`));
  if (sit.baseImmediate === 1 && !suicidal) for (const k of [...kinds]) if (k !== 'suicide' && k !== 'self_harm') kinds.delete(k);
  return finish('concern', kinds, cues);
}
