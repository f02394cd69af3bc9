/**
 * Emergency rules: pure, synchronous, no model. They run on the normalised text (简体, lower-case), so
 * 繁體 input hits the same rules. Tuned for recall: a false alarm costs a staff member a glance, a
 * missed suicide or fire costs a life. Guards only remove readings that are plainly not "danger now":
 * fire-safety complaints (消防通道被占), past events (去年着过火), negations (没有着火), questions about
 * the law (家暴可以申请保护令吗) and figurative speech (气死我了, 累死了, this job is killing me).
 */
export type EmergencyKind =
  | 'suicide'
  | 'self_harm'
  | 'violence'
  | 'fire'
  | 'gas'
  | 'medical'
  | 'drowning'
  | 'disaster'
  /** A cry for help (救命, SOS) with nothing more specific: all three numbers are given. */
  | 'other';

export const EMERGENCY_KINDS: readonly EmergencyKind[] = [
  'suicide', 'self_harm', 'violence', 'fire', 'gas', 'medical', 'drowning', 'disaster', 'other',
];

export interface EmergencyMatch {
  kinds: EmergencyKind[];
  /** The phrases that fired, for Decision.reasons and the office alert (never logged at info). */
  matched: string[];
}

interface Rule {
  kind: EmergencyKind;
  pattern: RegExp;
  /** Clause-level exclusions: if one matches the clause, this hit does not count. */
  unless?: RegExp;
  /** Past-tense and negation guards apply unless false (suicide talk is never "just the past"). */
  guarded?: boolean;
  /** The hit only counts when the message also says it is happening now. */
  needsNow?: boolean;
  /** Match across clauses (冒烟了,好像有火) instead of within one. */
  wholeMessage?: boolean;
}

// Markers that the danger is current; they override past-tense guards anywhere in the message.
const NOW_ZH = /正在|现在|马上|立刻|赶紧|快来|快点|救命|此刻|刚刚|刚才|还在|又在|又要|要来了|来不及|快救|怎么办啊|求救/;
const NOW_EN = /\b(right now|now|currently|at the moment|happening|help!|help me|please help|hurry|urgent(ly)?|asap)\b/;

const PAST_ZH = /去年|前年|上个?月|上周|上星期|上礼拜|以前|之前|从前|曾经|当年|那年|上次|几年前|多年前|前几年|小时候|年前|过去的|历史上|昨天|前天|前几天|那天|那次|\d{4}年|\d{1,2}月\d{1,2}[日号]|\d+天前|发生过|已经有.{0,3}次|历经|经历了|经常|常常|多次|每次|总是|屡次|频繁|一再|时常|(?<!一)动不动/;
const PAST_EN = /\b(last (year|month|week|summer|winter)|years? ago|months? ago|weeks? ago|used to|in the past|previously|once had|back in \d{4}|when i was (a )?(kid|child|young)|often|always|every time|again and again|repeatedly|several times)\b/;

// Immediately before the hit: 没有着火, 不是火灾, there is no fire, nobody is hurt.
const NEG_BEFORE_ZH = /(没有|没|不是|并非|未|无|并没有|不会|不要)$/;
const NEG_BEFORE_EN = /\b(no|not|never|isn't|wasn't|aren't|without|nobody|no one|don't|doesn't|didn't)\s+(\w+\s+){0,2}$/;

// Risk and what-if talk: "一旦发生火灾", "容易触电", "存在坍塌隐患" are safety complaints, not events.
const HYPO_BEFORE_ZH = /(一旦|如果|万一|要是|假如|如发生|若发生|容易|极易|引发|导致|造成|防止|预防|避免|担心|害怕|会不会|存在|以防|防范|说不定|随时|将会|等到|非得等|一定要等|出了)[^,。]{0,4}$/;
const HYPO_BEFORE_EN = /\b(if|in case of|risk of|could|might|may|would|prevent(ing)?|avoid(ing)?|worried|afraid|cause|causing)\b[^.,]{0,20}$/;
const RISK_CLAUSE = /隐患|风险|安全问题|安全事故|不堪设想|重特大|\brisk\b|\bhazard/;
const HYPO_KINDS: ReadonlySet<EmergencyKind> = new Set(['fire', 'gas', 'disaster', 'medical', 'drowning']);

// A question about rights or procedure mentions the danger without being in it.
const LEGAL_QUESTION_ZH = /(可以|能不能|能否|怎么|如何|怎样|哪里|哪些|什么|是否).{0,12}(申请|起诉|报案|离婚|保护令|赔偿|处理|认定|立案|投诉|举报)|保护令|法律规定|怎么办理|有什么规定|条例|法律责任/;

const ZH_RULES: Rule[] = [
  // Suicide: intent, plans, farewells. No past guard: "I tried before" is still a risk signal.
  { kind: 'suicide', guarded: false, pattern: /自杀|轻生|寻死|自尽|不想活|唔想活|唔想再活|活不下去|活着没(有)?意思|活着太累|活着好累|活着真累|活够了|没有活下去|不如死了|死了算了|死了就好了|死了一了百了|一了百了|想去死|不想再活|结束(自己的)?生命|结束这一切|结束自己|了结自己|了断自己|离开这个世界|告别这个世界|遗书|遗言|安排后事|想不开|一死了之|死掉算了|死了也好|想解脱|彻底解脱|同归于尽|(带着|和|跟)(孩子|全家|家人).{0,4}(一起)?(去)?死|活着(有什么|还有什么|有啥)意思|活着.{0,4}没(有)?意义|没有活着的意义|不想再撑|撑不下去了.{0,8}(死|解脱|离开)/, unless: /防止自杀|自杀干预|预防自杀|想不开心/ },
  { kind: 'suicide', guarded: false, pattern: /想死|我要死了算|让我死/, unless: /想死你|想死我了|笑得?想死|想死的心都有/ },
  { kind: 'suicide', guarded: false, pattern: /(跳楼|跳河|跳江|跳海|跳桥|跳下去|上吊|喝了?农药|喝了?百草枯|服毒|吞药|吞安眠药|烧炭|卧轨)/, unless: /跳楼价|跳楼甩卖|跳楼大甩卖|跳楼机/ },
  {
    kind: 'suicide',
    guarded: false,
    pattern: /(吃|吞|服)了?(一|整|很多|好多|大量|一把|几十|一大把|全部|所有).{0,3}(安眠药|药片|药)|攒了?.{0,6}安眠药|安眠药.{0,6}(都|全|一次)(吃|吞)|吃安眠药/,
    unless: /靠.{0,4}安眠药|安眠药.{0,6}(才能|睡着|睡觉|入睡|助眠)|每天.{0,4}安眠药|开.{0,3}安眠药/,
  },
  { kind: 'self_harm', guarded: false, pattern: /自残|自伤|割腕|割手腕|割了?自己|划了?自己|拿刀划|用刀划|伤害自己|烫自己|撞墙自|划手臂|割手/ },
  // Violence in progress or threatened.
  { kind: 'violence', pattern: /砍人|杀人|捅人|砍伤|捅伤|刺伤|行凶|持刀|拿刀|拿着刀|举着刀|拿着菜刀|提着刀|动刀|动刀子|拿枪|开枪|枪击|劫持|绑架|抢劫|砸门|踹门|闯进|闯入|破门|强奸|性侵|猥亵|掐我|掐住|勒住|被捅|捅了?一刀|被砍|砍了?一刀|被刺|抢包|抢手机|抢东西|(跟踪|尾随)我|一直跟着我|(要|扬言|威胁).{0,3}炸|拿着?(棍子|铁棍|木棍|棒子|斧头|砖头|铁锤|锤子|剪刀)|持(棍|械|枪)|追打|追砍|泼(我|人|了?硫酸|了?汽油|了?开水)|砸(到|伤)(了)?人/, unless: /杀人游戏|剧本杀|砍价|砍单|行政处罚|道德绑架|绑架式/ },
  { kind: 'violence', pattern: /入室|撬门|撬锁|(在|正在)撬|有人.{0,6}(闯|撬|砸)/, unless: /盗窃案|没破|破案|立案|案件|结案/ },
  { kind: 'violence', pattern: /(要|想|说要|扬言|威胁).{0,3}(杀了?|弄死|打死|砍死|捅死)(我|你|他|她|我们|孩子|全家)|杀了我|弄死我|打死我/, unless: /打死我也不|打死也不/ },
  { kind: 'violence', pattern: /(在|正在|又|还在|一直在|开始)(打|殴打|揍|踢)(我|我们|人|孩子|她|他|我妈|我妈妈|我爸|老人)|打我|打紧我|打人了|被打(了|伤|得)|殴打|群殴|打起来了|在打架|正在打架|打得头破血流|施暴/, unless: /打我的?(电话|手机)|拨打我|打人不对|(游戏|篮球|打牌)/ },
  { kind: 'violence', needsNow: true, pattern: /家暴|家庭暴力/ },
  // Fire. Fire-safety complaints (消防通道, 灭火器, 隐患) contain none of these words.
  { kind: 'fire', pattern: /着火|起火|失火|火灾|燃起来|烧起来|火越来越大|火很大|火势|大火|火苗|火光|浓烟|被火困|火警|爆燃|烧着了|冒黑烟|冒浓烟|烧焦(的)?味|自燃|火烛/, unless: /火灾隐患|消防隐患|防火|火灾后|火灾以后|火灾之后|着火后|起火后|失火后|火灾险|火灾保险|大火后|火警电话|浓烟.{0,6}(排放|烟囱)|(排放|排出|烟囱|工厂|烧烤|油烟|锅炉|汽车|尾气).{0,8}(浓烟|黑烟)|大火收汁|小心火烛|火锅|上火|发火|火气|火爆|心里.{0,2}火/ },
  { kind: 'fire', wholeMessage: true, pattern: /冒烟.{0,12}火|火.{0,12}冒烟|(房|屋|家|厨房|楼道|楼|电瓶|电动车|电线|插座|充电).{0,6}(冒烟|冒火)/, unless: /烟囱/ },
  // Gas.
  { kind: 'gas', pattern: /(煤气|燃气|天然气|液化气|瓦斯|气罐|煤气罐).{0,6}(泄漏|泄露|漏|外泄|味|爆)|(泄漏|泄露|漏)(了)?(的)?(煤气|燃气|天然气)|煤气中毒|一氧化碳|co中毒/, unless: /燃气费|燃气公司收费|燃气价格|隐患/ },
  // Medical.
  { kind: 'medical', pattern: /昏倒|晕倒|晕过去|昏过去|晕咗|昏咗|晕低|(躺|倒)(在)?.{0,10}(一动不动|不动了|没动静)|昏迷|不省人事|人事不省|休克|心脏病(发作|犯了)|心脏骤停|心梗|心肌梗|中风了|脑溢血|抽搐|抽筋口吐|口吐白沫|呼吸困难|没有呼吸|没呼吸|没气了|大出血|流血不止|血流不止|血止不住|嘴唇发紫|叫不醒|倒地不起|倒在(地上|地|路边|路上|楼道|门口|家里).{0,6}(不动|没反应|不醒|起不来|没有?意识)|(头|脸|身上|腿|手).{0,4}(流血|出血|全是血)|满脸是血|流了(很多|好多|一地)血|好多血|一地血|误吞|吞了.{0,6}(硬币|纽扣|磁铁|电池)|坠楼|从.{0,6}(楼|窗|阳台).{0,6}(摔|掉|坠|跌)(下|了)|高烧.{0,8}(抽|昏|不醒)|被电(到|击|倒)|电击|下身(流血|出血)|大量出血|出血不止|摔倒.{0,6}(起不来|不动|没反应)|(叫|喊|拍|摇).{0,4}没有?反应|倒地.{0,4}没有?反应|快不行了|噎住|卡住喉咙|误食|吞了.{0,6}(电池|药|异物)|触电|被车撞|车祸.{0,10}(受伤|流血|人|倒)|撞伤|中毒|过敏.{0,6}(喘|肿|休克)|晕厥|胸口(剧痛|疼得|痛得)|突然.{0,6}(胸口|胸|心口|头)(痛|疼)|说不出话.{0,6}(嘴|脸|手|发紫)|(突然|刚才|现在).{0,6}说不出话|喘不(上|过)气/, unless: /食物中毒.{0,6}(举报|投诉)|车祸.{0,6}(多发|频发|隐患)|(压力|工作|房贷|生活|婚姻|作业).{0,8}喘不(上|过)气|喘不(上|过)气.{0,4}(的感觉|压力)|中毒.{0,6}(投诉|举报|赔偿)|气得说不出话|(公司|生意|店|厂|企业|项目).{0,4}快不行了/ },
  // Drowning.
  { kind: 'drowning', pattern: /溺水|落水|掉进(水|河|湖|海|江|池|塘|井)|掉(到|在)?(水|河|湖|海|江|池塘|水库)里|被(水|洪水|大水)冲走|冲走了|淹死|沉下去了|溺亡|在水里挣扎/, unless: /防溺水|溺水安全|落水管/ },
  // Disaster and entrapment.
  { kind: 'disaster', pattern: /地震|山体滑坡|滑坡|泥石流|山洪|洪水|海啸|龙卷风|台风|被困|困在.{0,6}(屋顶|楼|房|电梯|车|水|山|里面|里|楼顶|顶上)|关在电梯|电梯.{0,4}(困|卡住|关)|电梯.{0,6}(掉下|坠落|下坠|冲顶)|压(到|住|在)(了)?人|被压在|(楼|房子|房屋|墙|屋顶|天花板|桥|隧道).{0,4}(塌了|倒塌|坍塌|塌下来)|塌方|爆炸|水(还在|一直在|越来越)(涨|高)|水漫上来|(河水|江水|潮水|洪水|水位).{0,2}(暴涨|猛涨|上涨)|淹到(胸|脖子|腰|二楼|屋顶)/, unless: /地震局|地震演练|防震|演练|预警演练|防台|台风(过后|后|以后|之后|季)|洪水(过后|后|以后|之后)|防洪|排洪|泄洪|(风险|隐患|可能|担心|怕|会不会|裂缝).{0,6}(倒塌|坍塌|塌)|(倒塌|坍塌|塌)(的)?(风险|隐患|危险)|爆炸式|信息.{0,2}爆炸|被困扰|困在这段|困在婚姻|困在这个|台风天|每次台风|每年|每次|涨价|涨费|薪水/ },
  { kind: 'disaster', wholeMessage: true, pattern: /(淹|进水|水漫|漫进).{0,16}(有人|人在里面|出不来|困)|(暴雨|洪水|大水|水淹).{0,16}(出不来|被困|困住)/, unless: /防汛演练/ },
  { kind: 'medical', wholeMessage: true, pattern: /(怀孕|孕妇|孕期|孕).{0,16}(流血|出血|破水|肚子(很|好|特别)?(痛|疼))/, unless: /产检|孕检|报销|生育津贴/ },
  { kind: 'other', pattern: /救命|求救|呼救|sos|快来人|来人啊/, unless: /救命钱|救命药|救命稻草|救命恩人|救命之恩/ },
];

const EN_RULES: Rule[] = [
  { kind: 'suicide', guarded: false, pattern: /\b(suicid(e|al)|kill(ing)? myself|end(ing)? my (own )?life|take my (own )?life|end it all|want to die|wanna die|wish i (was|were) dead|better off dead|don'?t want to (live|be alive)|do not want to (live|be alive)|no reason to live|not worth living|goodbye (letter|note)|suicide note|jump(ing)? off (the|a|my)|(going to|gonna|about to|want to) jump|goodbye (message|text)|point (of|in) living|no point (in )?living|tired of living|can'?t go on (living|anymore)|hang myself|overdos(e|ed|ing)|swallow(ed)? (all )?(the |my )?pills)\b/, unless: /suicide (prevention|squad)/ },
  { kind: 'self_harm', guarded: false, pattern: /\b(self[- ]?harm(ing)?|cutting myself|cut myself|cut my (wrists?|arms?)|hurt(ing)? myself|burn(ing|ed)? myself|harm(ing)? myself)\b/ },
  { kind: 'violence', pattern: /\b(being (beaten|attacked|hit|stabbed)|beating (me|us|her|him|my)|hitting (me|us|her|him|my)|(he|she|they) (hit|punched|kicked|choked|strangled) me|attack(ing|ed) (me|us)|stab(bed|bing)?|has a (knife|gun|weapon)|with a (knife|gun)|(holding|waving|pulled) a (knife|gun)|gun(shots?|fire|man)?\b|shooting|shot (at|me|him|her)|break(ing)? into|broke into|break-?in|burglar|intruder|(going to|gonna|will|wants? to|trying to|threaten(ed|ing|s)? to|said (he|she) would) kill (me|us|her|him|my)|rap(e|ed|ing)\b|kidnap(ped|ping)?|domestic violence (right )?now)\b/, unless: /\bgun(s)? (control|law|licen[cs]e)|water gun|shooting (star|range|a video|photos?)|photo ?shoot/ },
  { kind: 'fire', pattern: /\b(on fire|caught fire|catch(ing)? fire|(is|are) burning|there('s| is) a fire|a fire (in|at|on)|house fire|flames|smoke (is )?(everywhere|coming|pouring|filling)|(full of|filled with) smoke|smell(s|ing)? (of )?(smoke|burning)|burning smell|fire)\b/, unless: /\bfire (exit|escape|door|hydrant|extinguisher|alarm test|safety|lane|brigade|station|department|code|inspection|inspector|hazard|regulation|drill|route|access|engine|risk|insurance)|\bfire (me|us|him|her|them|workers|staff|employees)\b|after the fire|ceasefire|cooking (smoke|fumes)|(chimney|factory|exhaust).{0,30}smoke|smoke.{0,30}(chimney|factory|exhaust)/ },
  { kind: 'gas', pattern: /\b(gas leak(ing|s)?|leak(ing)? gas|smell(s|ing)? (of |like )?gas|gas smell|carbon monoxide)\b/, unless: /gas (bill|price|station)/ },
  { kind: 'medical', pattern: /\b(unconscious|passed out|faint(ed|ing)|collaps(ed|ing)|not breathing|stopped breathing|can'?t breathe|cannot breathe|can not breathe|difficulty breathing|struggling to breathe|heart attack|cardiac arrest|(having|had) a stroke|seizure|bleeding|lots of blood|choking|unresponsive|not responding|won'?t wake up|chest pain|not moving|fell (down )?and (can'?t|cannot) get up|(can'?t|cannot) get up (off|from) the (floor|ground)|hit by a (car|truck|bus)|convuls\w*|swallowed (a |some |the )?(battery|batteries|magnets?|coins?|bleach|poison)|lips? (are |is )?(turning )?(blue|purple)|ambulance|anaphyla\w+|poison(ed|ing))\b/, unless: /bleeding (money|cash)|food poisoning.{0,20}(complain|report)|(wall|ceiling|roof|building|bridge) collaps/ },
  { kind: 'drowning', pattern: /\b(drown(ing|ed)?|fell (in|into) (the|a|an) (water|river|lake|sea|pool|pond|canal|well)|swept away|under water and)\b/, unless: /drowning in (debt|work|paperwork|bills)/ },
  { kind: 'disaster', pattern: /\b(earthquake|landslide|mudslide|tsunami|tornado|typhoon|flash flood|trapped|(building|house|wall|ceiling|roof|bridge) (has )?collaps(ed|ing)|explosion|water (is )?(still )?rising|rising water|water.{0,20}\band rising)\b/, unless: /after the (typhoon|earthquake|flood)|typhoon season|(risk|danger) of collapse|earthquake drill|feel(s|ing)? trapped|trapped in (my|this|a|an|the) (marriage|relationship|job|life|cycle)/ },
  { kind: 'other', pattern: /\b(sos|mayday|(screaming|shouting|crying|calling) for help)\b/ },
];

const CLAUSE_SPLIT = /[,。!?;,.!?;:：\n]+/;

const globalCache = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalCache.set(re, g);
  }
  return g;
}

function checkRules(
  rules: Rule[],
  clauses: string[],
  whole: string,
  isNow: (text: string) => boolean,
  past: RegExp,
  negBefore: RegExp,
  hypoBefore: RegExp,
  out: { kinds: Set<EmergencyKind>; matched: string[] },
): void {
  const legalQuestion = LEGAL_QUESTION_ZH.test(whole);
  for (const [i, clause] of clauses.entries()) {
    // Tense is read near the hit, not across a long letter: "现在" in one paragraph must not make a
    // fire narrated with a date three paragraphs earlier current again.
    const near = clauses.slice(Math.max(0, i - 1), i + 2).join(' ');
    const isNowHere = isNow(near);
    for (const rule of rules) {
      if (rule.wholeMessage) continue;
      if (rule.needsNow && !isNowHere) continue;
      for (const m of clause.matchAll(globalOf(rule.pattern))) {
        if (rule.unless?.test(clause)) break;
        const before = clause.slice(0, m.index);
        if (rule.guarded !== false) {
          if (negBefore.test(before)) continue;
          if (!isNowHere && past.test(near)) continue;
          if (!isNowHere && legalQuestion && rule.kind === 'violence') continue;
          if (!isNowHere && HYPO_KINDS.has(rule.kind) && (hypoBefore.test(before) || RISK_CLAUSE.test(clause))) continue;
        }
        out.kinds.add(rule.kind);
        if (!out.matched.includes(m[0])) out.matched.push(m[0]);
        break;
      }
    }
  }
  const nowAnywhere = isNow(whole);
  for (const rule of rules) {
    if (!rule.wholeMessage || (rule.needsNow && !nowAnywhere)) continue;
    const m = rule.pattern.exec(whole.replace(/\n/g, ' '));
    if (!m || rule.unless?.test(whole)) continue;
    if (rule.guarded !== false && !nowAnywhere && past.test(whole)) continue;
    out.kinds.add(rule.kind);
    if (!out.matched.includes(m[0])) out.matched.push(m[0]);
  }
}

/**
 * Returns the kinds of danger recognised, or null. `normalizedText` is normalize().normalized;
 * `original` (the resident's script) is checked too, so a rule written in 简体 never misses because
 * conversion went wrong on an unusual variant character.
 */
export function detectEmergency(normalizedText: string, original?: string): EmergencyMatch | null {
  if (typeof normalizedText !== 'string' || normalizedText.trim() === '') return null;
  const text = original && original !== normalizedText ? `${normalizedText}\n${original.toLowerCase()}` : normalizedText;
  const clauses = text.split(CLAUSE_SPLIT).map((c) => c.trim()).filter(Boolean);
  const out = { kinds: new Set<EmergencyKind>(), matched: [] as string[] };
  const isNow = (t: string) => NOW_ZH.test(t) || NOW_EN.test(t);
  checkRules(ZH_RULES, clauses, text, isNow, PAST_ZH, NEG_BEFORE_ZH, HYPO_BEFORE_ZH, out);
  if (/[a-z]/.test(text)) checkRules(EN_RULES, clauses, text, isNow, PAST_EN, NEG_BEFORE_EN, HYPO_BEFORE_EN, out);
  // 'other' only adds information when nothing more specific fired.
  if (out.kinds.size > 1) out.kinds.delete('other');
  if (out.kinds.size === 0) return null;
  const kinds = EMERGENCY_KINDS.filter((k) => out.kinds.has(k));
  return { kinds, matched: out.matched };
}
