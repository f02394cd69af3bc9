/**
 * Which kind the office note names when no rule or cue said it and the crisis model's kind head must (detect.ts). The
 * head was trained mostly on crisis lines, so plain distress — a widow's empty house, rent owed, months of overtime, no
 * one to talk to — came out as `suicide`, and the office read 自杀风险 for someone who never spoke of ending their life.
 * The kind now follows what the message says: `suicide` or `self_harm` only when ending one's life or hurting oneself is
 * said or strongly implied (a death wish, not waking up, being gone, a farewell, a height, means); `overdose` only with
 * medicine or poison named; otherwise another kind the head is sure of, else `distress` (情绪困扰).
 */
import type { CrisisKind } from './types.js';

// Figures of speech with 死 (累死, 气死, 热到死, 贵到要死), "overdosed on coffee": not a death wish.
const HYPERBOLE_DEATH = /(累|攰|气|氣|嬲|烦|煩|热|熱|笑|吵|嘈|忙|饿|餓|冷|痛|闷|悶|辛苦|贵|貴|辣|慢|闷|无聊|無聊|怕)(得|到)?(要|快|快要|得要)?死|要命|\b(dying (to|for)|to die for|bored to death|scared to death|killing me|overdos\w* on (coffee|caffeine|sugar|chocolate|candy|sweets|junk food|carbs|netflix|tv|k-?dramas?|anime|memes|sun|work))\b/g;

/** Ending one's life or hurting oneself, said or strongly implied, in any of the four varieties. */
export const SELF_HARM_TALK =
  /死|自杀|自殺|轻生|輕生|寻死|尋死|不想活|唔想活|活(着|著|住|下去|落去)|了结|了結|了断|了斷|一了百了|解脱|解脫|结束(自己|生命|这一切|這一切|一切)|結束(自己|生命|這一切|一切)|消失|不在了|唔喺度|离开(这个)?世界|離開(這個)?世界|(不|唔)再醒|(不|唔)(想|要)(再)?醒|醒不来|醒不來|长眠|長眠|永远睡|永遠睡|(没有|冇咗|冇|沒有)(我|他|她|佢)[^。!?]{0,4}(会|會)?(更|好)|去陪(他|她|佢)|(跟|同|和)(他|她|佢)(一起|一齐|一齊)?走|一(起|齐|齊)(去)?(走|死)|药丸|藥丸|药片|藥片|(手臂|手腕|手瓜)[^。!?]{0,8}(ok绷|ok繃|胶布|膠布|创可贴|創可貼|疤|伤口|傷口|刀痕)|𠝹|界手|睡(过去|過去|着|著)?(就)?(不|唔)醒|一睡不醒|傻事|(可怕|不好|坏|壞|灰)(的|嘅)(念头|念頭|嘢|想法)|对不起(爸妈|父母|家人|大家)|對不起(爸媽|父母|家人|大家)|对唔住(阿爸阿妈|屋企人|大家)|對唔住(阿爸阿媽|屋企人|大家)|(活|撑|撐|捱)(下去|落去)(有|仲有)?(什么|什麼|乜|咩)(意义|意義|意思)|(仲有|还有|還有)(咩|什么|什麼|乜)意(思|义|義)|拖累|累赘|累贅|多余的|多餘的|活得太(耐|久|长|長)|跳(楼|樓|河|海|桥|橋|落|下)|天台|楼顶|樓頂|顶楼|頂樓|栏杆|欄杆|窗台|农药|農藥|安眠药|安眠藥|烧炭|燒炭|绳|繩|割(手|腕|脉|脈)|划(手|自己)|劃(手|自己)|鎅|自残|自殘|伤害自己|傷害自己|遗书|遺書|遗言|遺言|永别|永別|下辈子|下輩子|来世|來世|\b(die|dead|death|suicid\w*|kill (myself|me)|end (it|it all|my life|everything)|better off without me|(not|no longer) (be )?(here|around)|disappear|(not|never|don'?t want to) wake up|sleep forever|hurt(ing)? myself|harm(ing)? myself|cut(ting)? myself|self[- ]harm|overdos\w*|jump\w*|roof|bridge|ledge|rope|goodbye|join (him|her)|(bandages?|plasters?|band-?aids?|cuts|scars) on (her|his|their|my) (arms?|wrists?|thighs?)|dark (thoughts|stuff)|intrusive thoughts|(if|when) i('m| was| were| am) gone|burden|(don'?t|do not|can'?t|cannot)( really| even)? see the point\b(?! (in|of) (cooking|cleaning|eating|getting|going (out|to)|doing (this|that)))|no reason to live|not worth living|tired of living|(don'?t|do not) want to (live|be alive|exist|be here))\b/;

const BODY_SIGNS = /发麻|發麻|麻木|胸口(痛|疼|闷|悶)|心口.{0,3}(痛|翳)|胸痛|头晕|頭暈|晕倒|暈倒|中风|中風|血压|血壓|手(脚|腳)?(没力|冇力|無力|无力)|\b(numb\w*|chest (pain|pains|hurt\w*)|dizz\w*|stroke|faint\w*|blood pressure|(hand|arm|leg|side) (felt|feels|went) weak)\b/;
const FEELINGS = /撑不|撐不|顶唔|頂唔|照顾|照顧|好累|很累|孤独|孤獨|寂寞|喊|哭|攰|难过|難過|伤心|傷心|绝望|絕望|希望|意思|意义|意義|焦虑|焦慮|压力|壓力|\b(lonely|sad|cry\w*|tired|caring|carer|exhausted|hopeless|anxious|stress\w*|empty|depress\w*)\b/;
const MEDICINE_OR_POISON = /药|藥|农药|農藥|毒|消毒水|漂白|\b(pills?|tablets?|meds|medication|medicine|overdos\w*|poison\w*|bleach|paracetamol|insulin|antidepressants?)\b/;

/** Whether the words carry the kind the model's head named (only the self-directed kinds need words here). */
export function kindHasWords(kind: CrisisKind, text: string): boolean {
  if (kind === 'overdose') return MEDICINE_OR_POISON.test(text);
  if (kind === 'suicide' || kind === 'self_harm') return SELF_HARM_TALK.test(text.replace(HYPERBOLE_DEATH, ' '));
  return true;
}

/**
 * The kind a concern note names from the model's kind head (`candidates`: the kinds it is sure of, best first) when no rule
 * or cue named one: the first with words behind it, else `distress`. An alarm keeps the head's kind (detect.ts).
 */
export function modelKind(candidates: readonly CrisisKind[], text: string): CrisisKind {
  const named = candidates.find((k) => k !== 'disaster' && kindHasWords(k, text));
  if (named) return named;
  // A body sign told of someone (手指发麻 that passed, chest pain on a climb last month) with no feeling words is medical.
  return BODY_SIGNS.test(text) && !FEELINGS.test(text) ? 'medical' : 'distress';
}

/**
 * Harm by another person told in words: a beating, a belt, a knife put on the table, a door locked on someone, a threat to
 * kill others. An alarm the model's head named `suicide` with no word of ending one's own life but these words is someone
 * else's violence: a teacher's pupil beaten by a father waiting at the gate, a woman locked in with a knife on the table.
 */
const HARM_BY_ANOTHER =
  /(打|抽|揍|踢|掐|勒)(他|她|佢|我|我们|我們|我哋|孩子|小孩)|被打|俾人打|畀人打|皮带|皮帶|衣架|藤条|藤條|(刀|菜刀|斧头|斧頭)[^。!?]{0,6}(放|拿|揸|握|摆|擺)|(拿|揸|握|举|舉)(着|著|住)?(刀|菜刀|斧头|斧頭)|反锁|反鎖|(锁|鎖)住(我|她|他|佢)|(不让|不讓|唔俾|唔畀)(我|她|他|佢)(出去|走|离开|離開)|(杀|殺|斩|斬)(了|咗|死)?(他们|他們|她们|她們|我们|我們|佢哋|我哋|你们|你們)|\b(beat(s|ing|en)?|hit(s|ting)?|whip(s|ped|ping)?|belt(s|ed)?|punch(es|ed|ing)?|kick(s|ed|ing)?) (me|him|her|them|us|the (kid|child|boy|girl))\b|\b(knife|gun|weapon)\b|\blocked (me|us|her|him|them) in\b|\bkill (us|them|him|her)\b/;
const CHILD = /孩子|小孩|班上|班里|班裡|细路|細路|小朋友|学生|學生|儿子|兒子|女儿|女兒|个仔|個仔|个女|個女|\b(child|children|kid|kids|boy|girl|son|daughter|pupil|student|toddler|baby)\b/;

/**
 * The kinds an alarm names from the model's head (`candidates`, best first) when no rule or cue named one. The head's kind
 * stays — an implied farewell (我先走了) has few words a list could hold, and naming suicide there is the safe side — unless
 * it is self-directed with no word for it while the words tell of harm by another: then violence (and a child at risk when a
 * child is named), so the resident is told 110 and how to get safe, and the office does not read 自杀风险.
 */
export function alarmKinds(candidates: readonly CrisisKind[], text: string): CrisisKind[] {
  const head = candidates[0];
  if (!head) return [];
  const selfDirected = head === 'suicide' || head === 'self_harm';
  if (!selfDirected || kindHasWords(head, text) || !HARM_BY_ANOTHER.test(text)) return [head];
  return CHILD.test(text) ? ['violence', 'child_elder'] : ['violence'];
}
