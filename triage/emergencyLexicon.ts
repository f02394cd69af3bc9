/**
 * Word lists for the emergency rules (triage/emergency.ts). Kept apart from the logic so that a
 * reviewer can read "what counts as danger" without reading "how a hit is weighed".
 *
 * All Chinese patterns are written in 简体 and lower case: they run on normalize().normalized, so 繁體
 * and full-width input reach the same patterns. English patterns run on the same lower-cased text.
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

export interface Rule {
  kind: EmergencyKind;
  pattern: RegExp;
  /** Clause-level exclusions: if one matches the clause, this hit does not count. */
  unless?: RegExp;
  /** Tense, hazard and letter guards apply unless false (suicide talk is never "just the past"). */
  guarded?: boolean;
  /** The hit only counts when the message also says it is happening now. */
  needsNow?: boolean;
  /** Match across clauses (冒烟了,好像有火) instead of within one. */
  wholeMessage?: boolean;
  /**
   * Suicide methods (跳楼, 上吊): inside a long letter they count only with a person or an intent in
   * the clause, so a quoted sarcasm ("the developer's advice: 'jump'") does not page the office.
   */
  method?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Time and immediacy
// ---------------------------------------------------------------------------------------------

/**
 * Strong "it is happening now / come now" cues. They override every guard (past, hazard talk, the
 * long-letter rule) when they stand in the clause of the hit or next to it.
 */
export const STRONG_NOW_ZH =
  /正在|此时此刻|此刻|刚刚|刚才|快来(?!了)|快点来|赶快来|赶紧来|快过来|救命|救救|快救|来不及了|赶紧(救|报警|派|叫)|马上(来|过来|派人|救)|(立即|立刻|马上|赶快|尽快)(派人来|出警|来救|救人)|再不来(人|救)|就要(跳|死|烧|塌)|已经报警(?!.{0,6}(没用|没有用|不管|没人管|没有人管|不了了之|都没|也没|还是))|报了警(?!.{0,6}(没用|没有用|不管|没人管|没有人管|不了了之|都没|也没|还是))|打了(110|119|120)(?!.{0,6}(没用|没有用|不管|没人管|都没|也没|还是))|叫了救护车|还没(灭|扑灭)|灭不(掉|了)|越烧越|派人(来|过来)?救|(快|马上|赶快|立即|立刻)派(人|车|消防|救护|警察|民警)|(出不去|下不去|下不来|逃不出去|跑不出去)了/;
export const STRONG_NOW_EN =
  /\b(right now|happening now|as we speak|at this moment|help!|help me|help us|please help|hurry|come quickly|send (help|someone|an ambulance|the police|police)|as i (write|type) (this|now)|call (911|999|112|110|119|120)|just now|(a few|a couple of|few|[0-9]+|five|ten|twenty) minutes ago)\b/;

/**
 * Weak "now" cues. In a short message they override the past guard (as before). In a long letter
 * they count only in the clause of the hit ("现在楼道里着火了"), because 现在 / 目前 are everywhere in
 * complaint letters ("现在也是每天堵车").
 */
export const WEAK_NOW_ZH = /(?<!到|至)现在(?!的)|目前|马上|立刻|赶紧|快点|还在|又在|又要|要来了|怎么办啊|求救|呼救|今晚|今天/;
export const WEAK_NOW_EN = /\b(now|currently|at the moment|happening|urgent(ly)?|asap|tonight)\b/;
/**
 * The weak cues that still mean "now" inside a letter. 立刻 / 马上 / 赶紧 there are requests to the
 * office ("请立刻处理") or narration ("听到消息立刻昏倒"), 求救 is figurative ("向政府求救").
 */
export const LETTER_NOW_ZH = /(?<!到|至)现在(?!的)|目前|此时|这会儿|今晚|今天|还在|又在|仍在|一直在/;
export const LETTER_NOW_EN = /\b(now|currently|at the moment|tonight)\b/;

/** Past, dated and habitual events: a narrated or recurring event is a complaint, not a call. */
export const PAST_ZH = new RegExp(
  [
    '去年|前年|旧年|琴晚|琴日|寻晚|尋晚|尋日|早前|早排|早一排|早几日|早幾日|上个?月|上个?周|上个?星期|上个?礼拜|以前|之前|从前|曾经|当年|那年|上次|几年前|多年前|前几年|小时候|年前|过去|历史上',
    '昨天|前天|前几天|那天|那次|那时|当时|当天|当晚|那晚|事发|期间|往年|近年|近几年|近期',
    // Dates: 2019年, 17年 (but not 住了17年的 / 17年来), 5月7日, 元月, 3.7日, 十一月五日, 月底.
    '\\d{4}年|(?<![\\d了])\\d{2}年(?![来多以的])|\\d{1,2}月\\d{1,2}[日号]|\\d{1,2}[.．]\\d{1,2}日|元月|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[日号]|月初|月底|年初|年底|上旬|中旬|下旬|\\d+天前',
    '(?<![\\d])[\\d一二两兩三四五六七八九十几幾半]{1,3}(个|個)?(周|週|星期|礼拜|禮拜|月|年)(前|之前|以前)|发生过|遭受过|受到过|受过|曾被|已经有.{0,3}次|历经|经历了|[\\d几十]+起(?!火|来)|发生了?[\\d几两三四五六七八九十多]+(次|起)',
    // Habitual: a recurring nuisance is a complaint ("经常冒浓烟", "平均一年发生两三次").
    // A conditional habit (一落大雨就水浸, 逢雨必淹) describes every rainstorm, not this one.
    '(一|每)(落|下|到)(大|暴)?雨.{0,16}(就|便|都)|逢(落)?(大|暴)?雨|每逢|经常|常常|成日|成日都|时不时|多次|每次|每年|每月|每天|每晚|天天|总是|屡次|屡屡|频繁|频发|多发|一再|时常|有时|平均|通常|案例|先例|现实中|(?<!一)动不动',
  ].join('|'),
);
export const PAST_EN =
  /\b(for (\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|a couple of) (years|months)|(\d+|two|three|four|five|six|several|many) (years|months) (already|now)|last (year|month|week|summer|winter|spring|autumn|fall|night'?s|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (january|february|march|april|may|june|july|august|september|october|november|december)|years? ago|months? ago|weeks? ago|days ago|(summers|winters|springs) ago|used to|in the past|previously|once had|back in \d{4}|when i was (a )?(kid|child|young)|often|always|every time|again and again|repeatedly|several times|every (day|night|week)|every (few|couple of|other) (days|nights|weeks|months)|whenever|each time|(twice|three times|[0-9]+ times) (already|this (week|month|year))|keeps (happening|coming back))\b/;

// ---------------------------------------------------------------------------------------------
// Readings that are not "danger now"
// ---------------------------------------------------------------------------------------------

/** Immediately before the hit: 没有着火, 不是火灾, there is no fire, nobody is hurt. */
// Traditional forms too: rules also run on the resident's own script.
export const NEG_BEFORE_ZH = /(没有|没|不是|并非|未|无|并没有|不会|不要|沒有|沒|並非|並沒有|無|不會|冇|唔係|唔會)$/;
export const NEG_BEFORE_EN = /\b(no|not|never|isn't|wasn't|aren't|without|nobody|no one|don't|doesn't|didn't)\s+(\w+\s+){0,2}$/;

/**
 * Risk and what-if talk just before the hit, within its clause: "一旦发生火灾", "容易触电", "会被撞伤".
 * 可能 is not here: "可能着火了" is an uncertain report, "可能会着火" is caught by 会.
 */
export const HYPO_BEFORE_ZH =
  /(差点|差一点|险些|一旦|一但|如果|万一|要是|假如|如发生|若发生|容易|极易|引发|导致|造成|防止|预防|避免|担心|害怕|就怕|怕|好惊|惊|会不会|会|是否|存在|以防|防范|说不定|随时|将会|等到|非得等|一定要等|出了|难免|迟早|早晚)[^,。]{0,8}$/;
/** 可能 before the hit is a risk unless the hit is reported as done (可能着火了). */
export const MAYBE_BEFORE_ZH = { before: /可能[^,。]{0,6}$/, notAfter: /^了/ };
export const HYPO_BEFORE_EN = /\b(if|in case of|risk of|could|might|may|would|prevent(ing)?|avoid(ing)?|worried|afraid|cause|causing)\b[^.,]{0,20}$/;

/** What-if anywhere in the sentence of the hit: "如果有火灾,我们只能眼看着大火…", "失火,爆炸都有可能". */
export const HYPO_SENTENCE_ZH =
  /真(的|是|係|系)?(有|发生|出).{0,6}(都|就|点|點|怎么|怎样|咋)|真(的|是)?(着火|起火|失火|出事)(了)?.{0,4}(拿什么|靠什么|用什么|怎么|咋|点|點)|(的时候|的时|嘅时候|嗰阵)(就)?(会|容易|可能)|如果|一旦|一但|万一|假如|假若|倘若|要是|若是|如发生|若发生|非得等|非要等|难道要等|难道非得|等到|哪天|有朝一日|都有可能|有可能|可能会|会不会|是否会|随时可能|怎么办\?/;
export const HYPO_SENTENCE_EN = /\b(if|in case|what if|could|might|would|risk)\b/;

/** Hazard and safety-complaint vocabulary in the clause of the hit or next to it. */
export const RISK_ZH = /隐患|风险|安全问题|安全事故|不堪设想|重特大|危险性|的危险|危及|安全威胁|生命安全|人身安全|财产安全|群死群伤|后果严重|消防验收|整改/;
export const RISK_EN = /\b(risk|hazard|danger of|safety (issue|problem|concern|regulation)s?)\b/;

/** Right after the hit: it is a kind of event, a risk or a past, not a report ("起火事故频发", "淹过的"). */
export const AFTER_NOT_EVENT_ZH =
  /^(的)?(事故|事件|案例|案件|隐患|风险|危险|可能|后|以后|之后|过后|为由|保险|险|责任|预案|演练|等问题|问题|故障|.{0,2}过(?![来去]))/;
export const AFTER_NOT_EVENT_EN = /^\s*(hazards?|risks?|safety|drills?|insurance|prevention|victims? (fund|compensation))\b/;

// ---------------------------------------------------------------------------------------------
// Complaint and petition words (regex sources). Several guards tell "a complaint about a danger" from
// "a danger now" by these words; each extends the shared part with what its own reading needs, so the
// shared words cannot drift apart between them.
// ---------------------------------------------------------------------------------------------

/**
 * How a resident takes a matter to the office: 投诉, 举报, 反映. They never drop a hit by themselves: people
 * in danger write "我要举报,楼下有人在砍人" too (LETTER_FRAMING leaves them out for that reason). Extended by
 *  - crisis/detect.ts COMPLAINT: complaint framing leaves an explicit rule hit to the second stage rather
 *    than letting it stand on its own;
 *  - crisis/lexicon.ts medical_signs `unless`: "反映了…没有反应" is the office not answering, not a
 *    person who does not respond.
 * Narrower lists keep their own words, as all three would change which messages they catch: crisis/detect.ts
 * ASKS (投诉 only), LEGAL_QUESTION_ZH (投诉, 举报), crisis/lexicon.ts farewell `unless` (投诉, 反映).
 */
export const PETITION_VERBS_ZH = '投诉|举报|反映';

/**
 * What a complaint demands of the office: compensation and a fix (赔偿, 整改). Extended by
 *  - ACCOUNTABILITY_ZH: a writer who wants someone made to pay or made to fix it is holding them to account
 *    for an incident, not calling for help with it;
 *  - crisis/detect.ts COMPLAINT: complaint framing, as above.
 */
export const REDRESS_ZH = '赔偿|整改';

/**
 * A request that someone be inspected, investigated, fined or made to pay, or that a fault be fixed: the
 * writer is holding someone to account for an incident (food poisoning, a gas smell, a flooded street),
 * not calling for help with it. People in danger ask for help, not for 查处. Only for HYPO_KINDS, and only
 * when no now cue stands in the hit's clause and no strong now cue anywhere ("I smell gas now", "快来").
 */
export const ACCOUNTABILITY_ZH = new RegExp(
  `查处|${REDRESS_ZH}|索赔|(不肯|不愿意?|拒绝)(赔|承认)|(算|认定|申请|报)(为)?工伤|理赔|监管部门|市场监管|处罚|罚款|追责|问责|吊销|执法|上门检查|入户检查|安全检查|(来|派人|去|要求|请).{0,4}(检查|排查|调查|核查|检测)|排查|疏通|清淤|通渠|(渠|下水道|排水|沙井).{0,6}(塞|堵)`,
);
export const ACCOUNTABILITY_EN =
  /\b(inspect(ed|ion|ions|ors?)?|investigat\w*|compensat\w*|refund\w*|penali[sz]\w*|be fined|fine (them|the|it)|regulat\w*|licen[cs]e (revoked|suspended|checked)|shut (it|them|the \w+) down|close (it|them|the \w+) down|held? (them |\w+ )?accountable|(clear|unblock|fix|dredge) the (drains?|sewers?)|drains? (are |is )?(blocked|clogged))\b/;

/** Similes: "像地震一样", "就像人掉到海里", "跟放炮一样". */
export const SIMILE_BEFORE_ZH = /(就像|好像是|如同|犹如|好比|仿佛|宛如|好似)[^,。]{0,10}$/;
export const SIMILE_AROUND_ZH = { before: /(像|跟|和|如)[^,。]{0,8}$/, after: /^[^,。]{0,4}(一样|似的|一般|般)/ };
export const SIMILE_BEFORE_EN = /\b(like|as if|as though)\s+([\w']+\s+){0,3}$/;

/**
 * A question about rights or procedure mentions the danger without being in it (violence only). Of
 * PETITION_VERBS_ZH only 投诉 and 举报, the two a resident asks how to file.
 */
export const LEGAL_QUESTION_ZH =
  /(可以|能不能|能否|怎么|如何|怎样|哪里|哪些|什么|是否).{0,12}(申请|起诉|报案|离婚|保护令|赔偿|处理|认定|立案|投诉|举报)|保护令|法律规定|怎么办理|有什么规定|条例|法律责任/;

/** Before a suicide word: prevention talk ("不至于…自杀", "预防学生轻生") is not intent. */
export const SUICIDE_AVERT_BEFORE_ZH = /(不至于|防止|预防|避免|以免|以防|杜绝)[^,。]{0,8}$/;
/** In a long letter a suicide method needs a person or an intent in its clause. */
export const SUICIDE_INTENT_ZH = /我|你|他|她|想|要|准备|打算|逼|扬言|威胁|站在|爬上|爬到|去|会|了|过|死/;
export const SUICIDE_INTENT_EN = /\b(i|i'm|i am|he|she|they|my|want|going|gonna|about to|will)\b/;

/**
 * A message addressed to an official. Such letters narrate past events and quote hazards; a hit in one
 * needs an immediacy cue next to it. Complaint verbs (PETITION_VERBS_ZH) are not enough: people in danger
 * write "我要举报,楼下有人在砍人" too.
 */
export const LETTER_FRAMING =
  /尊敬的|领导(您|你)好|各位领导|书记|市长|区长|县长|局长|信访局|信访办|\b(dear (sir|madam|mayor|director)|to whom it may concern|i am writing to)\b/;

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/** A nuisance said as "X到想死" (so noisy I could die): how a complaint is said, not a wish to die. 繁體 forms for the resident's own script. */
export const HYPERBOLE_BEFORE_ZH = '(排|等|吵|嘈|烦|煩|气|氣|热|熱|冷|笑|饿|餓|臭|痒|癢|闷|悶|难吃|難吃|难听|難聽|难闻|難聞|难看|難看|挤|擠|忙|慢|堵|无聊|無聊)(到|得)(我|人)?(好|真是|真系|真係|真的)?';
/** "想死咩", "你们是不是想死" said at the office: anger at someone, not a wish. */
export const ANGRY_WISH_ZH = '(你|你们|你哋|您)(是不是|系咪|係咪|真系|真是)?(想死|找死)|想死(咩|么|嘛|什么)';

export const ZH_RULES: Rule[] = [
  // Suicide: intent, plans, farewells. No past guard: "I tried before" is still a risk signal.
  { kind: 'suicide', guarded: false, pattern: /自杀|轻生|寻死|自尽|不想活|唔想活|唔想再活|活不下去|活(着|住)没(有)?意思|活着太累|活着好累|活着真累|活够了|没有活下去|不如死了|死了算了|死了就好了|死了一了百了|一了百了|想去死|不想再活|结束(自己的)?生命|结束这一切|把这一切(都)?结束|结束自己|了结自己|了断自己|自我了断|自行了断|自我了结|离开这个世界|告别这个世界|(跟|同|和|对)(这个|呢个|这)?世界(说|讲|道)(声)?(再见|拜拜)|遗书|遗言|安排后事|想不开|一死了之|死掉算了|死了也好|想解脱|彻底解脱|同归于尽|(带着|和|跟)(孩子|全家|家人).{0,4}(一起)?(去)?死|带(着|埋|上)?.{0,8}(一起|一齐)(去)?死(?![海磕守扛])|活着(有什么|还有什么|有啥)意思|活着.{0,4}没(有)?意义|没有活着的意义|不想再撑|撑不下去了.{0,8}(死|解脱|离开)/, unless: /防止自杀|自杀干预|预防自杀|自杀防治|防治自杀|想不开心/ },
  { kind: 'suicide', guarded: false, pattern: /想死|我要死了算|让我死/, unless: new RegExp(`想死你|想死我了|笑得?想死|想死的心都有|${ANGRY_WISH_ZH}`) },
  { kind: 'suicide', guarded: false, method: true, pattern: /(跳楼|跳河|跳江|跳海|跳桥|跳下去|上吊|喝了?农药|喝了?百草枯|服毒|吞药|吞安眠药|烧炭|卧轨)/, unless: /烧炭(来|來)?(取暖|暖身|御寒|禦寒)|(取暖|御寒|禦寒)[^。!?]{0,4}烧炭|跳楼价|跳楼甩卖|跳楼大甩卖|跳楼机|烧炭(火锅|烤|炉|烧烤|煮)|(烧烤|火锅|烤肉|烤串|烤鱼|早餐|餐厅|饭店|食肆|店|摊|档|铺).{0,10}烧炭|烧炭.{0,8}(烤|煮|烧烤|火锅|做饭|炒)/ },
  {
    kind: 'suicide',
    guarded: false,
    pattern: /(吃|吞|服)了?(一|整|很多|好多|大量|一把|几十|一大把|全部|所有).{0,3}(安眠药|药片|药)|攒了?.{0,6}安眠药|安眠药.{0,6}(都|全|一次)(吃|吞)|吃安眠药/,
    // Taking sleeping pills as prescribed, and asking where to get them (长期吃安眠药的人可以到社康拿处方吗), is a medicine question.
    unless: /靠.{0,4}安眠药|安眠药.{0,6}(才能|睡着|睡觉|入睡|助眠)|每天.{0,4}安眠药|开.{0,3}安眠药|长期(在)?吃安眠药|吃安眠药的(人|病人|老人)|安眠药.{0,16}(处方|开药|拿药|配药|医保|社康|医生|门诊)/,
  },
  { kind: 'self_harm', guarded: false, pattern: /自残|自伤|割腕|割手腕|割(了|咗)?(脉|静脉|手脉)|(界|鎅)(了|咗)?(手腕|脉)|割了?自己|划了?自己|拿刀划|用刀划|伤害自己|烫自己|撞墙自|划手臂|割手|(拿|用)头(去)?(撞|磕|砸)(墙|地|门|柜)|头(一直|不停|狂)(撞|磕)(墙|地)|打自己(的)?(头|脸)|(拿|用)烟头烫/ },
  // Violence in progress or threatened.
  { kind: 'violence', pattern: /砍人|杀人|捅人|砍伤|捅伤|刺伤|行凶|持刀|拿刀|拿着刀|举着刀|拿着菜刀|提着刀|动刀|动刀子|拿枪|开枪|枪击|劫持|绑架|抢劫|砸门|砸(我|我们|我家|我们家)的?门|踹门|踹(我|我们|我家|我们家)的?门|闯进|闯入|破门|强奸|性侵|猥亵|掐我|掐住|勒住|被捅|捅了?一刀|被砍|砍了?一刀|被刺|抢包|抢手机|抢东西|(跟踪|尾随)我|一直跟着我|(要|扬言|威胁).{0,3}炸|拿着?(棍子|铁棍|木棍|棒子|斧头|砖头|铁锤|锤子|剪刀)|持(棍|械|枪)|追打|追砍|泼(我|人|了?硫酸|了?汽油|了?开水)|砸(到|伤)(了)?人/, unless: new RegExp(`(价|价格|价钱|物价|收费|要价|卖得?|贵).{0,8}(是|简直|根本|真是|真系)?(杀人|抢劫|抢钱)|${HYPERBOLE_BEFORE_ZH}想杀人|杀人游戏|剧本杀|砍价|砍单|(树|樹|树木|竹|枝|绿化|草|林).{0,6}(被砍|砍(了|咗|掉|光|伐))|被砍(掉|光|伐|断)|砍伐|行政处罚|道德绑架|绑架式|无理绑架|情感绑架|舆论绑架|觉得被绑架|头.{0,4}要炸|炸(锅|毛)|嬉闹|打闹|玩耍|掉落|坠落|掉下|高空|脱落|松动|大风|刮风|广告牌|瓷砖|花盆|诈骗|骗子|骗局|骗钱|冒充`) },
  // 入室 but not 进入室内; a burglary statistic (入室盗窃几十起) is handled by the count guard.
  { kind: 'violence', pattern: /(?<!进)入室(?!内)|撬门|撬锁|(在|正在)撬|有人.{0,6}(闯|撬|砸)/, unless: /盗窃案|没破|破案|立案|案件|结案/ },
  // 扼杀了我们 / 抹杀了我们 are figurative.
  { kind: 'violence', pattern: /(要|想|说要|扬言|威胁).{0,3}(杀了?|弄死|打死|砍死|捅死)(我|你|他|她|我们|孩子|全家)|(?<![扼抹封绞])杀了我|弄死我|打死我|砍死我|斩死我|捅死我|劈死我|(说|扬言|威胁|话).{0,12}(就|便)(要)?(杀了?|弄死|打死|砍死|斩死|捅死|劈死)(我|我们|孩子|全家)/, unless: /打死我也不|打死也不/ },
  { kind: 'violence', pattern: /(在|正在|又|还在|一直在|开始)(打|殴打|揍|踢)(我|我们|人|孩子|她|他|我妈|我妈妈|我爸|老人)|打我|打紧我|打人了|(又|又来|来|过来|返来|回来|上来|紧|在)打人|被打(了|伤|得)|殴打|群殴|打起来了|在打架|正在打架|打得头破血流|施暴/, unless: /打我的?(电话|手机)|拨打我|打人不对|(游戏|篮球|打牌)/ },
  { kind: 'violence', needsNow: true, pattern: /家暴|家庭暴力/ },
  // Fire. Fire-safety complaints (消防通道, 灭火器, 隐患) contain none of these words.
  // 着火 / 着了火 (Cantonese 着咗火 reads 着了火) but not 看着火车; pollution (烟囱, 排放, 污染) is not a fire.
  { kind: 'fire', pattern: /着了?火(?!车)|起火|失火|火灾|燃起来|烧起来|火越来越大|火很大|火势|大火|火苗|火光|浓烟|被火困|火警|爆燃|烧着了|冒黑烟|冒浓烟|烧焦(的)?味|自燃|火烛/, unless: /火灾隐患|消防隐患|防火|火灾后|火灾以后|火灾之后|着火后|起火后|失火后|火灾险|火灾保险|大火后|火警电话|浓烟.{0,6}(排放|烟囱)|(排放|排出|烟囱|工厂|烧烤|油烟|锅炉|汽车|尾气|制造|产生).{0,8}(浓烟|黑烟)|污染|环保|达标|扬尘|粉尘|灰尘|大火收汁|小心火烛|火锅|上火|发火|火气|火爆|心里.{0,2}火/ },
  { kind: 'fire', wholeMessage: true, pattern: /(㶶|燶|烧焦|焦)(味|臭).{0,16}烟|烟.{0,16}(㶶|燶|烧焦|焦)(味|臭)|冒烟.{0,12}火|火.{0,12}冒烟|(房|屋|家|厨房|楼道|楼|电瓶|电动车|电线|插座|充电).{0,6}(冒烟|冒火)/, unless: /烟囱|油烟|烧烤|烤串|餐厅|饭店|食肆|大排档|排放|工厂|焦味.{0,6}(飘|传|散)/ },
  // Gas. A 漏洞 (loophole) or a gas bill is not a leak.
  { kind: 'gas', pattern: /(煤气|燃气|天然气|液化气|瓦斯|气罐|煤气罐).{0,6}(泄漏|泄露|漏|外泄|味|爆|挖断|断了|断咗|破了|破咗|爆裂|裂开|喷出|往外喷|喷气)|(泄漏|泄露|漏)(了)?(的)?(煤气|燃气|天然气)|煤气中毒|一氧化碳|co中毒/, unless: /燃气费|气费|燃气公司收费|燃气价格|隐患|漏洞|换表|表具|缴费|补缴|收费|账单|^(?![^]*(头晕|头痛|头疼|恶心|想吐|呕|晕|昏|不醒|味|嘶嘶|火|爆|烟))[^]*((漏气|漏)[^。!?]{0,4}(维修|抢修|检修)中|停(了|咗)?(燃)?气(了|咗)?[0-9一两三四五六七八九十几]+(天|日|个))/ },
  // Medical.
  { kind: 'medical', pattern: /(怎么|点)(摇|叫|拍)(都|也)(不|唔)醒|摇不醒|昏倒|晕倒|晕过去|昏过去|晕咗|昏咗|晕低|(躺|倒)(在)?.{0,10}(一动不动|不动了|没动静)|昏迷|不省人事|人事不省|休克|心脏病(突)?(发作|犯了|发)|(没有|没|冇|失去(了)?|失去咗)意识|(在|正在|帮他|帮她|给他|给她)?做(心肺复苏|cpr)|心脏骤停|心梗|心肌梗|中风了|脑溢血|抽搐|抽筋口吐|口吐白沫|(发烧|发高烧|高烧|发热|烧到).{0,12}(抽筋|抽搐|扯虾筋|扯蝦筋)|扯(虾|蝦)筋|(眼|眼睛)(反白|反晒白)|翻白眼.{0,6}(抽|口吐|叫不醒|没反应|冇反应)|呼吸困难|没有呼吸|没呼吸|没气了|大出血|流血不止|(还在|一直在|仍在|不停)(渗血|流血|出血)|(冇|没)(咗)?(呼吸|气息|脉搏)|叫(极|唔|都唔)醒|血流不止|血止不住|嘴唇发紫|叫不醒|倒地不起|倒在(地上|地|路边|路上|楼道|门口|家里).{0,6}(不动|没反应|不醒|起不来|没有?意识)|(头|脸|身上|腿|手).{0,4}(流血|出血|全是血)|满脸是血|流了(很多|好多|一地)血|好多血|一地血|误吞|吞了.{0,6}(硬币|纽扣|磁铁|电池)|坠楼|从.{0,6}(楼|窗|阳台).{0,6}(摔|掉|坠|跌)(下|了)|高烧.{0,8}(抽|昏|不醒)|被电(到|击|倒)|电击|下身(流血|出血)|大量出血|出血不止|摔倒.{0,6}(起不来|不动|没反应)|(叫|喊|拍|摇).{0,4}没有?反应|倒地.{0,4}没有?反应|快不行了|噎住|卡住喉咙|误食|吞了.{0,6}(电池|药|异物)|触电|被车撞|车祸.{0,10}(受伤|流血|人|倒)|撞伤|中毒|过敏.{0,6}(喘|肿|休克)|晕厥|胸口(剧痛|疼得|痛得)|突然.{0,6}(胸口|胸|心口|头)(痛|疼)|说不出话.{0,6}(嘴|脸|手|发紫)|(突然|刚才|现在).{0,6}说不出话|喘不(上|过)气/, unless: /食物中毒.{0,6}(举报|投诉)|车祸.{0,6}(多发|频发|隐患)|(压力|工作|房贷|生活|婚姻|作业).{0,8}喘不(上|过)气|(油烟|排烟|烟熏|熏得|呛得|熏到|呛到|烟味|臭味|油烟味).{0,8}喘不(上|过)气|喘不(上|过)气.{0,4}(的感觉|压力)|(我|心里|心裡)?(觉得|覺得|感觉|感覺|感到|好似|好像)(快)?喘不(上|过|過)(来|來)?气|中毒.{0,6}(投诉|举报|赔偿)|被车撞(了|咗)?(以后|之后|後|后)(?![^。!?]*(昏|晕|流血|出血|不醒|没反应|冇反应|起不来|动不了|吐|呕|抽|喘))[^。!?]{0,8}(还|仲|一直)?(疼|痛|酸)|气得说不出话|(公司|生意|店|厂|企业|项目).{0,4}快不行了/ },
  // Drowning.
  { kind: 'drowning', pattern: /溺水|落水|掉进(水|河|湖|海|江|池|塘|井)|掉(进|到|在|入|下)?了?[^,。]{0,6}(水|河|湖|海|江|池塘|水塘|鱼塘|水库|泳池|水池|井)(里|中)|被(水|洪水|大水)冲走|冲走了|淹死|沉下去了|溺亡|在水里挣扎/, unless: /防溺水|溺水安全|落水管/ },
  // Disaster and entrapment. 电梯 + 困/卡/关 must be about people (not 电梯是国家关注, 电梯就被相关部门).
  { kind: 'disaster', pattern: /地震|山体滑坡|滑坡|泥石流|山洪|洪水|海啸|龙卷风|台风|被困|困在.{0,6}(屋顶|楼|房|电梯|车|水|山|里面|里|楼顶|顶上)|关在电梯|电梯.{0,4}(困住|困了|困人|卡住了|卡住|关住|关了人)|电梯.{0,6}(掉下|坠落|下坠|冲顶)|压(到|住|在)(了)?人|被压在|(楼|房子|房屋|墙|屋顶|天花板|桥|隧道).{0,4}(塌了|倒塌|坍塌|塌下来)|塌方(?!式)|爆炸|水(还在|一直在|越来越)(涨|高)|水漫上来|(河水|江水|潮水|洪水|水位).{0,2}(暴涨|猛涨|上涨)|淹到(胸|脖子|腰|二楼|屋顶)/, unless: /地震局|地震演练|防震|演练|预警演练|防台|台风(过后|后|以后|之后|季)|洪水(过后|后|以后|之后)|防洪|排洪|泄洪|(风险|隐患|可能|担心|怕|会不会|裂缝).{0,6}(倒塌|坍塌|塌)|(倒塌|坍塌|塌)(的)?(风险|隐患|危险)|爆炸式|信息.{0,2}爆炸|被困扰|困在这段|困在婚姻|困在这个|台风天|每次台风|每年|每次|涨价|涨费|薪水|(上周|上星期|上个月|昨天|昨晚|前天|那天|上次|之前)[^。!?]{0,16}困(在|住)?[^。!?]{0,12}(一|两|二|三|半|几|[0-9]+)(个)?(多)?(小时|钟头|分钟)|困[^。!?]{0,12}(小时|钟头|分钟)(才|后|之后)(出来|救出|获救|放出来)/ },
  { kind: 'disaster', wholeMessage: true, pattern: /(淹|进水|水漫|漫进).{0,16}(有人|人在里面|出不来|困)|(暴雨|洪水|大水|水淹).{0,16}(出不来|被困|困住)/, unless: /防汛演练/ },
  // A fall and not getting up, said across clauses ("今天摔伤只脚,走不了,电话得回少少电", an elder alone).
  { kind: 'medical', wholeMessage: true, pattern: /(摔|跌)(伤|倒|断)(了|咗)?.{0,8}(走不了|走不动|起不来|动不了|站不起来|爬不起来)/ },
  { kind: 'medical', wholeMessage: true, pattern: /(怀孕|孕妇|孕期|孕).{0,16}(流血|出血|破水|肚子(很|好|特别)?(痛|疼))/, unless: /产检|孕检|报销|生育津贴/ },
  // A cry for help. 救命钱 / 救命路 / 向政府求救 are figures of speech in complaint letters.
  { kind: 'other', pattern: /救命|求救|呼救|sos|快来人|来人啊/, unless: /救命(的)?(钱|药|稻草|恩人|之恩|路|通道|车道|本)|向.{0,10}(求救|呼救)|(需要|无法|不能|难以|怎么)(求救|呼救)|求救无门|求救信号|求救电话/ },
];

export const EN_RULES: Rule[] = [
  { kind: 'suicide', guarded: false, pattern: /\b(suicid(e|al)|kill(ing)? myself|end(ing)? my (own )?life|take my (own )?life|end it all|want to die|wanna die|wish i (was|were) dead|better off dead|don'?t want to (live|be alive)|do not want to (live|be alive)|no reason to live|not worth living|goodbye (letter|note)|suicide note|(going to|gonna|about to|want to) jump|goodbye (message|text)|point (of|in) living|no point (in )?living|tired of living|can'?t go on (living|anymore)|(going to|gonna|about to|i'?ll|i will) end (it|everything)( all)? (tonight|today|now|this (week|weekend))|end it (tonight|today)|hang myself|overdos(e|ed|ing)|swallow(ed)? (all )?(the |my )?pills)\b/, unless: /suicide[- ](prevention|squad)|\boverdos\w* on (coffee|caffeine|sugar|chocolate|candy|sweets|junk food|carbs|netflix|tv|k-?dramas?|anime|memes|sun|work)\b/ },
  { kind: 'suicide', guarded: false, method: true, pattern: /\bjump(ing)? off (the|a|my)\b/, unless: /\b(bungee|cliff div\w*|diving board|springboard|trampoline|for fun|loved it)\b/ },
  { kind: 'self_harm', guarded: false, pattern: /\b(self[- ]?harm(ing)?|cutting myself|cut myself|cut my (wrists?|arms?)|hurt(ing)? myself|burn(ing|ed)? myself|harm(ing)? myself)\b/ },
  { kind: 'violence', pattern: /\b(being (beaten|attacked|hit|stabbed)|beating (me|us|her|him|my)|hitting (me|us|her|him|my)|(he|she|they|bf|boyfriend|husband|partner|ex|dad|father) (hit|hits|punched|punches|kicked|kicks|choked|chokes|strangled|beats) me|(he'?ll|she'?ll|hell|they'?ll) kill (me|us)|(locked|locks|is locking) (me|us)( and (the |my |our )?\w+)? (in|up)\b|won'?t let me (leave|out|go)|held me (captive|hostage)|hands? (round|around|on) my (neck|throat)|attack(ing|ed) (me|us)|stab(bed|bing)?|has a (knife|gun|weapon)|with a (knife|gun)|(holding|waving|pulled) a (knife|gun)|gun(shots?|fire|man)?\b|shooting|shot (at|me|him|her)|break(ing)? into|broke into|break-?in|burglar|intruder|(going to|gonna|will|wants? to|trying to|threaten(ed|ing|s)? to|said (he|she) would) kill (me|us|her|him|my)|rap(e|ed|ing)\b|kidnap(ped|ping)?|domestic violence (right )?now)\b/, unless: /\bgun(s)? (control|law|licen[cs]e)|water gun|\b(water|steam|sewage|gas|pipe|fountain|it)\b.{0,12}\bshooting\b|\bshooting (out|up|everywhere|into the (air|sky))\b|shooting (star|range|a video|photos?)|photo ?shoot/ },
  { kind: 'fire', pattern: /\b(on fire|caught fire|catch(ing)? fire|(is|are) burning|there('s| is) a fire|a fire (in|at|on)|house fire|flames|smoke (is )?(everywhere|coming|pouring|filling)|(full of|filled with) smoke|smell(s|ing)? (of )?(smoke|burning)|burning smell|fire)\b/, unless: /\bfire (stairs?|stairwell|staircase|corridor|passage|exit|escape|door|hydrant|extinguisher|alarm test|safety|lane|brigade|station|department|code|inspection|inspector|hazard|regulation|drill|route|access|engine|risk|insurance)|\bfire (me|us|him|her|them|workers|staff|employees)\b|\b(should|shouldn'?t|supposed to|allowed to|what to do|how to|is it (true|safe|ok))\b[^.!?]{0,50}\b(in|during) (a|case of) fire\b|after the fire|ceasefire|cooking (smoke|fumes)|(chimney|factory|exhaust).{0,30}smoke|smoke.{0,30}(chimney|factory|exhaust)|pollut|\b(is|are|was|were|been|keeps?|kept) burning (their |its |the )?(waste|rubbish|garbage|trash|plastics?|leaves|straw|stubble|tyres?|tires?|paper money|joss|offerings|incense)\b/ },
  { kind: 'gas', pattern: /\b(gas leak(ing|s)?|leak(ing)? gas|smell(s|ing)? (of |like )?gas|gas smell|carbon monoxide)\b/, unless: /gas (bill|price|station|meter|fee)/ },
  { kind: 'medical', pattern: /\b(unconscious|passed out|faint(ed|ing)|collaps(ed|ing)|not breathing|(isn'?t|is not|aren'?t|wasn'?t) breathing|stopped breathing|no pulse|(won'?t|wont|doesn'?t|isn'?t) (wake|waking) up|can'?t breathe|cannot breathe|can not breathe|difficulty breathing|struggling to breathe|heart attack|cardiac arrest|(having|had) a stroke|(doing|giving|started) cpr|seizure|bleeding|lots of blood|choking|unresponsive|not responding|won'?t wake up|chest pain|not moving|fell (down )?and (can'?t|cannot) get up|fell\b.{0,30}\b(can'?t|cannot) (walk|stand up|move)|(can'?t|cannot) get up (off|from) the (floor|ground)|hit by a (car|truck|bus)|convuls\w*|having a fit|(eyes|eye) (rolled|rolling|are rolling) back|swallowed (a |some |the )?(battery|batteries|magnets?|coins?|bleach|poison)|lips? (are |is )?(turning |look(s|ing)? |gone )?(blue|bluish|purple|grey|gray)|grunt\w* (noise )?with (every|each) breath|ambulance|anaphyla\w+|poison(ed|ing))\b/, unless: /\b(enforcement|case|process|queue|traffic|line|project|investigation|application|complaint|nothing|things|it)\b (is |are |has been |was )?(still )?not moving|\b(management|landlord|agent|agency|office|company|bureau|department|government|hotline|customer service|they|nobody|no one|staff|estate|property)\b[^.;]{0,20}\bnot responding|bleeding (money|cash|us|me|them|him|her) dry|bleeding (money|cash)|(nearly|almost) (had|have|having) a (heart attack|stroke|seizure)|food poisoning(?![^.,;!?]{0,40}(unconscious|not breathing|passed out|collaps|blood|seizure|can'?t breathe|not waking))|(wall|ceiling|roof|building|bridge) collaps|\b(compan(y|ies)|business(es)?|firm|platform|agency|agencies|developer|landlord|operator|startup|enterprise|shop|store|chain|bank|fund|scheme|school|gym|franchise|deal|market|economy|prices?|talks|negotiations)\b[^.;]{0,40}\bcollaps|collaps\w* (financially|into (bankruptcy|administration|liquidation))/ },
  { kind: 'drowning', pattern: /\b(drown(ing|ed)?|fell (in|into) (the|a|an) (water|river|lake|sea|pool|pond|canal|well)|swept away|under water and)\b/, unless: /drowning in (debt|work|paperwork|bills)/ },
  { kind: 'disaster', pattern: /\b(earthquake|landslide|mudslide|tsunami|tornado|typhoon|flash flood|trapped|(building|house|wall|ceiling|roof|bridge) (has )?collaps(ed|ing)|explosion|water (is )?(still )?rising|rising water|water.{0,20}\band rising)\b/, unless: /after the (typhoon|earthquake|flood)|typhoon season|\b(yesterday|last (week|night|month)|earlier today|this morning)\b.{0,60}\btrapped\b.{0,40}\bfor (an?|one|two|three|half an|\d+) (hours?|minutes?)\b|\btrapped\b.{0,40}\bfor (an?|one|two|three|half an|\d+) (hours?|minutes?)\b.{0,40}\b(yesterday|last (week|night|month)|earlier today|this morning)\b|\b(was|were|got) (stuck|trapped)\b.{0,30}\bfor (an?|one|two|three|half an|\d+) (hours?|minutes?|mins?)\b(?!.{0,20}\b(still|now)\b)|(risk|danger) of collapse|earthquake drill|feel(s|ing)? trapped|trapped in (my|this|a|an|the) (marriage|relationship|job|life|cycle)/ },
  { kind: 'other', pattern: /\b(sos|mayday|(screaming|shouting|crying|calling) for help)\b/ },
];

/** Kinds whose hits are dropped when the clause talks about risk or what-if. */
export const HYPO_KINDS: ReadonlySet<EmergencyKind> = new Set(['fire', 'gas', 'disaster', 'medical', 'drowning']);
