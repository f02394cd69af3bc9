/**
 * Situation cues of the crisis layer: what the explicit emergency rules (triage/emergencyLexicon.ts)
 * do not say in words like 自杀 / 着火 — who is in danger, what is happening, whether it is now, and
 * whether means and a plan are ready. Each cue names a kind and the level it supports.
 *
 * Patterns run on normalize().normalized (简体, lower case) and on the resident's own script, so
 * written Cantonese is matched in both its own characters (佢 喺 咗 冇 嘅 跌低 劈) and in whatever a
 * Cantonese→Mandarin normalisation makes of it. English patterns run on the same lower-cased text.
 * Cues are situations, not single messages: each covers a family of ways of saying it.
 */
import { PETITION_VERBS_ZH } from '../emergencyLexicon.js';
import { CONCERN_CUES } from './lexiconConcern.js';
import type { Cue } from './types.js';

export type { Cue } from './types.js';

// Who: a person close to the writer, or the writer.
const CHILD = '(孩子|小孩|小朋友|宝宝|婴儿|幼儿|细路|细佬|囡囡|bb|女儿|儿子|仔|[0-9一两三四五六七八九]岁(半)?(的|嘅)?(小孩|孩子|男孩|女孩|宝宝|bb|仔|女)?)';
const ELDER = '(老人|老人家|长者|奶奶|爷爷|外婆|外公|婆婆|阿婆|伯伯|阿伯|老伯|老太|阿嫲|阿嬷|阿爷|嫲嫲|公公|我妈|我爸|阿妈|妈妈|老豆|老窦|老母|独居|邻居)';

export const CUES: Cue[] = [
  // ---- Suicide: farewells and settling affairs (immediate: a goodbye is the plan being carried out).
  {
    name: 'farewell', kind: 'suicide', level: 'immediate',
    pattern: /永别|诀别|再见了?[,,!。 ]*(大家|各位|世界|这个世界|妈妈?|爸爸?|老婆|老公|朋友们)|下辈子(再见|再做|还做|见|再报答)|来世再|(这|呢)(是|就是)?(我)?最后一(次|条|封|句)|最后(跟|和|对|同)你(们|哋)?(说|讲)|遗书|遗言|交代.{0,3}后事|后事.{0,4}(交代|安排|准备)|(我|等我)(走|死|不在)(了|咗)?(以后|之后|后)|我不在(了|咗)(以后|之后)?|先走一步|(不要|别|唔好|唔使|不用)(再)?(找|等|揾)我|(帮|替|帮手)我(照顾|养|喂|看好|好好照顾|睇住)(好)?(我)?(的|嘅)?(猫|狗|孩子|女儿|儿子|爸妈|父母|妈|爸|仔|女|屋企人)|(猫|狗|宠物|孩子|仔女).{0,8}(托付|拜托|交给)(你|俾你|给你)|(银行卡|卡|手机|支付宝|微信|电脑|账号|账户)(的|嘅)?密码(是|都|写|放|发|给|喺|在)|密码(都)?(写在|放在|发给|告诉|喺)|(存款|钱|积蓄).{0,6}(留给|都给|全部给)|(东西|嘢|衣服|书).{0,4}(都|全部)?(送|分)(给|俾)?(人|你|朋友|晒)|没有我.{0,4}(会|就)(更好|好过)|冇咗我|不会再(麻烦|拖累)(你们|大家|你哋)|对不起.{0,12}(再见|永别|先走|走了|保重)/,
    // "This is my last complaint" (投诉, 反映 of PETITION_VERBS_ZH, plus letters) is not a farewell.
    unless: /新闻|报道|电影|小说|电视剧|游戏|密码(错误|忘了|忘记|重置|找回)|最后一(次|条|封).{0,6}(投诉|反映|信访|来信|机会)/,
  },
  {
    name: 'farewell', kind: 'suicide', level: 'immediate',
    pattern: /\b(after (today|tonight|tomorrow) i (will not|won'?t) need\b|(i'?ve|i have) given (away )?my (dog|cat|pets?|savings|things) to\b|goodbye (everyone|all|world|forever|for good|mom|mum|dad)|this is (my|the) (last|final) (message|text|time)|by the time (you|anyone|someone|somebody) (read|see|find|get)s? (this|it|my (letter|message))|(take|look) care of my (cat|dog|kids?|children|pets?|son|daughter)|my passwords? (is|are)|passwords? (to|for) my|(i'?ve|i have) given away|gave away (my|all)|giving away (my|all)|won'?t (be around|be here) (much longer|anymore|tomorrow)|(after|when) i'?m gone|better off without me|(written|wrote|writing|left) (a |some )?(letters?|notes?) (to|for) (my|the) (kids|children|family|parents|mum|mom|dad|wife|husband|son|daughter|sister|brother)|(given|gave|giving) my (cat|dog|pets?|things|stuff|belongings) (away|to)|final goodbye|last goodbye|say(ing)? goodbye to (everyone|you all|my)|i'?m sorry for everything|tell (my|them) i love)/,
    unless: /\b(movie|film|novel|series|game|forgot|reset)\b/,
  },
  // Softer goodbye language (thanks for everything, don't be sad, the next life): alone it is not a plan,
  // so it supports concern; the classifier and the second stage weigh it with the rest.
  {
    name: 'farewell_soft', kind: 'suicide', level: 'concern',
    // Not wanting to wake up again is a wish not to live, as "don't want to wake up" is read in English: the Cantonese
    // 唔想再醒返 had reached the office as distress only, its English twin as suicide risk.
    pattern: /下辈子|来生|来世|另一个世界|天堂(见|再见|等)|(永远|长长久久)(地)?睡|长眠|不会再醒|(不|唔)想(再)?醒(来|返|过来|番)?(了|喇|啦)?$|(不|唔)想(再)?醒(来|返|过来|番)|解脱(了|咗)|终于可以(休息|解脱|轻松)|再也不用(麻烦|担心|管|等)|(照顾好|睇住)(自己|爸妈|阿妈|妈妈|孩子|仔女|屋企)|替我(孝顺|照顾|睇住)|(好好|继续)活(下去|落去)|(别|唔好|不要)(为我)?(难过|伤心|喊|哭)|(谢谢|多谢)(你们|你哋|大家)?.{0,6}(这些年|呢啲年|一直以来|所有)|最后(一眼|看一眼|睇多一眼)|(我|我的|我嘅)(东西|嘢).{0,6}(处理|扔|送|掉)/,
    unless: /新闻|报道|电影|小说|电视剧|游戏|感谢信|表扬/,
  },
  {
    name: 'farewell_soft', kind: 'suicide', level: 'concern',
    pattern: /\b(thank you for everything|thanks for everything|don'?t be sad|don'?t cry for me|see you in (the )?next life|in another life|finally (be )?at peace|rest forever|i (won'?t|will not|might not) wake up|never wake up|look after (yourself|mum|mom|dad|each other)|i love you all|forgive me)\b/,
    unless: /\b(movie|film|novel|song|game|thank you for everything you did for (our|the) (community|street|building))\b/,
  },
  // ---- Suicide: means prepared, a place, a date.
  {
    name: 'means_prepared', kind: 'suicide', level: 'immediate',
    pattern: /(买|准备|备好|买好|买咗|攒|存|囤|藏|收埋)(了|咗|好)?.{0,6}(木炭|烧炭|炭|绳子|麻绳|绳|农药|百草枯|敌敌畏|老鼠药|安眠药|药片|刀片|安定片)|(炭|木炭|炭盆|炭炉).{0,10}(门窗|胶带|封|关好|点着|点燃|烧)|(门窗|门缝|窗缝).{0,8}(封|贴|胶带)|(绳|绳子).{0,10}(挂|系|绑|套|梁|准备好|打好结|打好)|(?<!规|約|约|预|預|商|讲|講)(选|定|挑|揀|拣)好(了|咗)?.{0,4}(日子|日期|时间|地方|地点)|(就在|定在|等到|决定)(今晚|明天|明晚|后天|这周|周末|生日|那天|听日|今晚夜).{0,10}(走|结束|了结|解脱|离开|不在|跳|去死)|攒够了|(药|安眠药).{0,6}(攒|存|储)(了|咗|够)|(带着|带上|拿着|揣着|带埋|揸住)(我的)?[^。!?]{0,10}(一瓶|一罐|一桶|樽|瓶)?(农药|百草枯|敌敌畏|老鼠药|汽油|天拿水)|(汽油|天拿水|火水)[^。!?]{0,16}(点火|点燃|自焚|烧死|淋)|自焚/,
    unless: /烧烤|火锅|打边炉|买药|药店|医保|报销|新闻|报道|烧垃圾|加油站|发电机/,
  },
  // Where a message ends with the writer up there now, nothing more: "公司拖欠工资三个月，我已经站在天台上了" had
  // read as a wage petition (the model weighed the complaint; at_height wants 往下 / 最后 after the place).
  // Living or working up there (我住在顶楼, 在天台晒衣服) has a verb between 我 and the place, or goes on.
  // Timed: saying where one is, as the last words, is its own "now" — the second stage does not overrule it.
  {
    name: 'at_height_last_words', kind: 'suicide', level: 'immediate', whole: true, timed: true,
    // Matched on the whole text, whose end is the resident's own script: 繁體 forms too (樓頂, 一個人, 橋上).
    pattern: /我(已[经經]|[现現]在|而家|宜家|今晚|正)?(就)?(一[个個]人)?(站|坐|爬|蹲|企)?(了|咗)?(在|喺|到|上)(了|咗)?(我们|我們|我哋|[这這呢][栋棟]|公司|学校|學校|小[区區])?(的|嘅)?([楼樓])?(天台|[楼樓][顶頂]|[顶頂][楼樓]|屋[顶頂]|[桥橋]上|大[桥橋]上|窗[台臺]|窗外|[栏欄]杆外)([边邊]上|[边邊]度|上面|上|[边邊]|度)?(了|啦|喇|咗|啊|呀)?[。.!！…~\s]*$/,
    unless: /新闻|报道|电影|小说/,
  },
  {
    name: 'at_height', kind: 'suicide', level: 'immediate',
    pattern: /(站|坐|爬|蹲|企|我在|我喺|我而家喺|我现在在)(到|上|在|喺)?.{0,4}(天台|楼顶|顶楼|屋顶|桥上|桥边|窗台|窗外|阳台(外|边|栏杆)|栏杆外|江边|河边|海边|悬崖|高架).{0,14}(往下|跳|看下面|下面|最后|不想|再见|风好大|好高|好冷|落去)/,
    unless: /新闻|报道|看到有人|晒衣服|乘凉|看风景/,
  },
  {
    name: 'means_prepared', kind: 'suicide', level: 'immediate',
    pattern: /\b(bought|buying|got|have|stocked up on|saved up|been saving|collected|hoarding|hoarded|stockpil\w*)\b.{0,25}\b(charcoal|rope|noose|pills|tablets|sleeping pills|pesticide|poison|razor blades?)\b|\b(rope|noose) (is )?(ready|tied|up)|\b(charcoal|barbecue|bbq)\b.{0,25}\b(sealed|tape|taped|windows)\b|\bsealed (the )?(windows|doors|room|gaps)|\b(standing|sitting|i'?m|i am) (on|at) (the )?(edge|ledge|rooftop|roof|bridge|railing)|\b(picked|set|chose|chosen) (a|the) (date|day)\b|\b(tonight|tomorrow) (is the night|i'?ll end|it ends|i will end)/,
    // Work up there is no danger: "I'm on the roof fixing the leak".
    unless: /\b(news|article|movie|camping|grill|fix\w*|repair\w*|install\w*|clean\w*|laundry|garden\w*)\b/,
  },
  // ---- Overdose or poisoning: already taken.
  {
    name: 'overdose_taken', kind: 'overdose', level: 'immediate',
    pattern: /(吃|吞|服|喝|食)(了|咗|下|落|晒|掉)?.{0,4}(一整瓶|整瓶|一瓶|成樽|一樽|全樽|成排|一盒|整盒|全部|所有|一大把|一把|好多|很多|几十|[0-9]{2,}(片|粒|颗))(的|嘅)?.{0,4}(药|片|粒|丸)|(喝|饮|吞|食|服)(了|咗|下|落)?.{0,3}(农药|百草枯|敌敌畏|老鼠药|杀虫剂|除草剂|消毒水|漂白水|洁厕|草甘膦)|(药|安眠药|止痛药).{0,6}(全|都|晒)(吃|吞|食)(了|咗|光|晒)?|误(服|食|吃|喝)(了|咗)?.{0,6}(药|农药|消毒|漂白|洗衣|电池|老鼠药)/,
    unless: /食物中毒|饭菜|外卖|餐厅|新闻|报道/,
  },
  {
    name: 'overdose_taken', kind: 'overdose', level: 'immediate',
    pattern: /\b(swallowed|took|taken|downed|ate|drank|drunk)\b.{0,25}\b(all (of )?(my|the|her|his)|the whole|a whole|whole bottle|a handful|handful of|a bunch of|a bottle|bottle of|box of|[0-9]{2,}|dozens|lots of|a lot of)\b.{0,20}\b(pills|tablets|paracetamol|tylenol|sleeping pills|antidepressants|insulin|painkillers|meds|medication)\b|\b(drank|drunk|swallowed)\b.{0,15}\b(bleach|pesticide|poison|weed ?killer|rat poison|antifreeze|detergent)\b|\boverdos\w*|\bod'?d\b/,
    unless: /\b(news|article|prevention|statistics)\b|\boverdos\w* on (coffee|caffeine|sugar|chocolate|candy|sweets|junk food|carbs|netflix|tv|k-?dramas?|anime|memes|sun|work)\b/,
  },
  // ---- Self-harm in Cantonese (鎅 / 𠝹 / 界 手) beyond the rules' 割腕.
  { name: 'self_harm', kind: 'self_harm', level: 'immediate', pattern: /(鎅|𠝹|界)(手|自己|腕)|用(刀|刀片|剪刀)(割|划|鎅|界)(自己|手)/ },
  // ---- Violence happening or threatened now.
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    pattern: /(喝醉|饮醉|醉咗|醉了|发酒疯).{0,14}(砸|摔|打|踢|掟|劈|拍门|撞门|踹门|骂)|(砸|摔|掟|扔)(紧|着)?(东西|嘢|家具|碗|电视|椅子|凳)|(拍|撞|踢|踹|劈|砸)(紧|着)?(门|道门|我门|我家门|我屋企门)|(在|喺)(门口|门外).{0,10}(骂|吼|叫|砸|拍|踢|不走|唔走|等我|拿刀|揸刀)|(拿|拎|揸|挥|举)(着|住|紧)?.{0,4}(刀|菜刀|生果刀|西瓜刀|棍|铁棍|铁通|斧头|锤|剪刀|枪)|(斩|劈|砍|整|打|捅|杀)(死|伤)(你|我|佢|他|她|晒|你哋|我哋)|(锁|躲|收埋|匿埋|匿|躲藏)(在|喺|咗|了)?.{0,6}(厕所|房间|房|洗手间|衣柜|柜|楼梯|车里|浴室)(里|入面|度)?|(打|揍|踢|掐|推|虐|殴)(紧|着)(我|我们|我哋|我妈|阿妈|孩子|仔|女|佢)|(佢|他|她|老公|老婆|男朋友|前夫|丈夫).{0,6}(又|而家|现在|正在|宜家)(打|揍|踢|掐|追|推)/,
    // A resident who knocked on the neighbours' door to talk about their noise (拍门讲过几次) is not under attack.
    // 遊戲 in the resident's own script too; hiding in one's room for months (一直躲在房間) is withdrawal, and "飲醉就會…" a habit.
    unless: /遊戲|打機|(一直|成日|整天|天天|每天)(都)?(躲|匿|关|關)(在|喺)|(饮醉|喝醉|醉酒|饮酒|喝酒|喝了酒|饮咗酒|飲醉|飲酒).{0,4}(就|便)(会|會)|(儿子|兒子|女儿|女兒|孩子|小孩|细路|細路).{0,24}(发|發)(脾气|脾氣|火)|(劝|勸|哄|说|說)(他|她|佢)(一句|两句|兩句)?.{0,3}(又|就)?(发|發)(脾气|脾氣|火)|游戏|打游戏|打球|打牌|打麻将|打电话|打卡|新闻|报道|电视剧|打工|打官司|锁门|锁好门|(我|我们|我哋|去|上去|落去|过去)(敲|拍)(过|咗|了)?(几次|好几次|多次)?门|(敲|拍)门.{0,4}(讲|说|投诉|提醒|沟通|理论|反映|叫佢哋|叫他们|劝)|(敲|拍)门.{0,3}(都)?(没|冇|无)(有)?人(应|开|理)/,
  },
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    pattern: /\b(drunk|wasted)\b.{0,30}\b(smashing|breaking|throwing|shouting|screaming|banging|hitting)\b|\b(smashing|breaking|throwing) (things|everything|plates|chairs|the furniture|stuff)\b|\b(banging|pounding|kicking|hammering) on (the|my|our) door\b|\b(locked|hiding|hid) (myself |ourselves )?(in|inside) (the |my )?(bathroom|bedroom|closet|toilet|car|wardrobe)\b|\b(waving|swinging|brandishing) (a |an )?(knife|machete|bat|gun|axe)\b|\b(knife|machete|axe)\b.{0,40}\b(street|children|kids|people|school|chasing|threaten\w*)\b|\b(he|she|they)('s| is| are)? (hitting|punching|kicking|choking|strangling|hurting) (me|us|my|her|him)\b|\b(he|she) (says|said|is saying|keeps saying) (he|she)('ll| will| is going to) (kill|hurt)\b/,
    unless: /\b(game|movie|film|news|article|kitchen knife set)\b/,
  },
  // A threat to die together with someone (the boss who owes wages), or a weapon said to be ready: the danger is to
  // others too, so the reply and the alert say violence, not only suicide ("刀我已经带上了 大家一起死" was suicide only).
  // Not guarded: a threat is conditional by nature ("今天再不给钱 我就跟他一起死"). Timed: the threat names its own when
  // ("if the office sends me away again I'm bringing my knife tomorrow"), and no model overrules it.
  {
    name: 'threat_others', kind: 'violence', level: 'immediate', timed: true,
    pattern: /(刀|菜刀|西瓜刀|斧头|炸药|硫酸)(我)?(已经|都)?(带上|带好|准备好|买好|磨好|藏好)(了|咗)?|(带上|带好|准备好|买好|磨好|藏好)(了|咗)?(刀|菜刀|西瓜刀|斧头|炸药|硫酸)|(跟|同|和)(他|她|佢|老板|老闆|那个人|嗰个人|包工头)(们|哋)?(一起|一齐)(去)?(死|烧|炸)|带(着|上|把)?(刀|菜刀|斧头|汽油|硫酸)(去|来|过去)(找|砍|捅|斩)|(让|叫|要)(他|她|佢)(见血|偿命|好看)|放(他|她|佢)(的)?血|(刀|斧头|炸药|汽油|硫酸).{0,16}(大家|一起|一齐)(去)?死|\b(brought|got|have) (a|my) (knife|machete|axe|gun)\b.{0,40}\b(him|her|them|boss|landlord|together)\b|\btake (him|her|them|my boss|the boss) (down )?with me\b|(带|拿|揸)(把|住)?刀(过去|过来|去|嚟)|谁(挡|拦|拦住)(我)?(就)?(砍|杀|捅|斩)谁|\b(bring(ing)?|take|taking) (my|a) (knife|machete|axe|gun)\b.{0,60}\b(get hurt|someone|somebody|them|him|her|office)\b/,
    unless: /新闻|报道|电影|小说|电视剧|游戏|厨房|做饭|切菜|水果|\b(news|movie|film|novel|game|kitchen|cooking)\b/,
  },
  // ---- A child or an elder in danger now.
  {
    name: 'child_elder_danger', kind: 'child_elder', level: 'immediate', guarded: true,
    pattern: new RegExp(
      `${CHILD}.{0,16}(窗外|窗台|窗边|阳台外|阳台栏杆|阳台边|空调(外机|架|机架)|外墙|屋檐|护栏外|栏杆外|悬空|爬出|爬到(外面|窗|栏杆)|挂在|吊在|边缘|一个人(在|喺)?(家|屋企|车里|车上|车度)|锁在|锁(了|咗)?(在|喺)(车|屋|家|房)|反锁|关在(车|屋|家)|困在车|焗在车)` +
        `|${ELDER}.{0,20}(摔倒|跌倒|跌低|跌咗|倒(在|喺)(地|地上|厕所|浴室|门后|屋企)|起不来|起唔到身|起唔到|爬不起来|叫不应|冇人应|没人应|没有回应|冇反应|没反应|敲门没人|拍门冇人|(几|两|三|四|五|好几)(天|日)(都)?(没|冇)(有)?(出门|见|开门|开过门|露面|下楼|出来)|几日冇(出|见|开))`,
    ),
    unless: /防护网|安装|护栏(太矮|不够)|隐患|风险|担心|如果|万一|养老院.{0,6}(收费|费用)/,
  },
  {
    name: 'child_elder_danger', kind: 'child_elder', level: 'immediate', guarded: true,
    pattern: /\b(toddler|child|kid|baby|little (boy|girl)|[0-9]+[- ]year[- ]old)\b.{0,40}\b(ledge|window ?sill|outside the window|balcony (railing|edge)|on the railing|air[- ]?con(ditioner)? (unit|bracket)|locked in (a|the) (car|room|flat)|alone in (a|the) (car|flat|apartment|house)|left alone|hanging (from|off|out))\b|\b(grandma|grandmother|grandpa|grandfather|old (man|woman|lady)|elderly|my (mum|mom|mother|father|dad)|neighbou?r)\b.{0,40}\b(fell|fallen|on the floor|can'?t get up|cannot get up|not answering (the door|her phone|his phone)|no answer (at|from|on) (the |her |his )?(door|phone|flat)|no answer when (i|we) (knock|call|ring)\w*|hasn'?t (come out|answered|been seen))\b/,
    unless: /\b(risk|hazard|if|should install|railings? (are|is) too low)\b/,
  },
  // ---- Medical: FAST stroke signs, chest pain, not waking, breathing.
  {
    name: 'medical_signs', kind: 'medical', level: 'immediate', guarded: true,
    pattern: /(嘴|嘴巴|嘴角|口角|口|脸|块面).{0,3}(歪|斜|歪斜|垮|戾)|(一边|半边|一侧|左边|右边|左手|右手|只手|手|脚|腿|手脚).{0,6}(没力|无力|冇力|抬不起|举不起|握不住|拿不住|揸唔住|攞唔住|麻了|麻木|不能动|郁唔到|动不了)|(说话|讲话|讲嘢)(不清|含糊|说不清|讲唔清|大舌头|口齿不清)|口齿不清|胸(口)?(很|好|非常|突然)?(痛|疼|闷|压着|翳|剧痛)|胸痛|心口(痛|翳)|喘不(上|过)气|透不过气|唞唔到气|抖唔到气|呼吸不了|嘴唇(发)?(紫|黑|青)|叫(不|唔)醒|(没|冇)(有)?(反应|知觉|呼吸|心跳)|不省人事|抽搐|口吐白沫|(头|后脑).{0,6}(撞|磕|跌|摔).{0,10}(流血|出血|晕|呕|吐)|流(好多|很多|大量)血|心脏病(突)?发|失去(了)?知觉|(没|冇)(了|咗)?知觉|唤不醒|(噎|哽|鲠)(住|到|亲)|卡(住|在)(了)?喉咙|窒息|过敏.{0,8}(肿|喘|呼吸|透唔到|透不过)|(喉咙|喉咙|脸|嘴唇|眼).{0,3}肿(起来|得好|到)|(晕|昏)(倒|咗|低|过去)(了|咗)?.{0,8}(叫|唤|拍|摇)(不|唔)(醒|应)|(触电|电到|被电|俾电)|(烫|烧|炸)(伤|亲).{0,6}(一大片|好大|起泡|皮都)|(血糖|血压).{0,6}(好低|很低|测不到|度唔到)|大汗淋漓.{0,10}(胸|心口|手臂)|(突然|忽然|一下子).{0,6}(看不见|睇唔到|听不见|站不稳|企唔稳|说不出话|讲唔到嘢)/,
    // The office not answering a complaint (PETITION_VERBS_ZH…没有反应) is not a person who does not respond.
    unless: new RegExp(
      `工作人员|(没|冇)(有)?反应(问题|情况)|(${PETITION_VERBS_ZH}|打电话|信访).{0,10}(没|冇)(有)?(任何)?反应|(没|冇)(有)?(任何)?反应.{0,6}(部门|单位|物业|政府)|医保|报销|体检|住院费|看病难|挂号`,
    ),
  },
  {
    name: 'medical_signs', kind: 'medical', level: 'immediate', guarded: true,
    pattern: /\b(face|mouth|smile) (is |has |went )?(drooping|droopy|lopsided|sagging|twisted)|\bslurr(ing|ed|s)\b|\b(can'?t|cannot|unable to|couldn'?t) (lift|raise|move|grip|hold) (his|her|my|the|a)? ?(arm|hand|leg|cup|glass)|\b(arm|hand|side|face) (is |went |has gone |feels )?(numb|weak|limp|dead)\b|\bchest (pain|pains|is tight|tightness|hurts|feels tight)|crushing (pain|feeling|pressure)|\b(can'?t|won'?t|couldn'?t|cannot) wake (him|her|them|my)|\blips (are |turning |went )?(blue|grey|gray|purple)|\bfell in the (shower|bath|bathroom|tub)|\bhit (his|her|my) head\b|\bgasping\b|\bhaving a fit\b|\b(went|gone|turned) (limp|floppy|grey|gray|blue)\b|\b(throat|tongue|lips|face) (is |are )?(swelling|swollen)\b|\ballergic reaction\b|\b(choked|choking) on\b|\b(electrocuted|electric shock)\b|\b(out cold|blacked out|keeled over|slumped over)\b|\b(suddenly|all of a sudden) (can'?t|cannot|couldn'?t) (see|speak|talk|stand|walk)\b|\bblood (everywhere|won'?t stop|is pouring|pouring)\b/,
    unless: /\b(insurance|bill|appointment|clinic hours|checkup)\b/,
  },
  // ---- Gas smell and CO symptoms.
  {
    name: 'gas_signs', kind: 'gas', level: 'immediate', guarded: true,
    pattern: /(煤气|燃气|石油气|天然气|液化气)(的|嘅)?(味|气味|臭味)|臭鸡蛋(的|嘅)?(味|气味)|漏气|(煤气|燃气|石油气|天然气|液化气)(罐|瓶|樽|管|喉|阀|掣)?.{0,4}(漏|泄|嘶嘶|呲呲)|(灶|炉|喉|管|阀|罐|樽|热水器).{0,8}(嘶嘶|呲呲|滋滋)(声|响)?|(一股|好大|很浓|很重|很冲|好浓|好重|勁|劲)(的|嘅)?.{0,3}(煤气|燃气|气)味|(闻到|闻倒|闻到有).{0,4}(煤气|燃气|气味)|(头晕|头痛|头疼|头赤|头好晕).{0,14}(恶心|想吐|作呕|想呕|呕).{0,24}(全家|一家|都|大家|屋企|我哋|两个|三个|热水器|煤气|燃气|炭|炉)|(热水器|炭炉|煤炉|炭火|火炉|暖炉|烧炭|炭盆).{0,15}(头晕|头痛|恶心|晕|想睡|冇力)|报警器.{0,6}(响|叫)/,
    unless: /燃气费|气费|账单|收费|换表|管道改造|隐患|安全检查|入户检查|^(?![^]*(头晕|头痛|头疼|恶心|想吐|呕|晕|昏|不醒|味|嘶嘶|火|爆|烟))[^]*((漏气|漏)[^。!?]{0,4}(维修|抢修|检修)中|停(了|咗)?(燃)?气(了|咗)?[0-9一两三四五六七八九十几]+(天|日|个))/,
  },
  {
    name: 'gas_signs', kind: 'gas', level: 'immediate', guarded: true,
    pattern: /\bsmells? (strongly )?(like|of) (gas|rotten eggs)|\b(smell|smelling|reek\w*) (of )?gas\b|\bgas (is )?(leaking|escaping|hissing)|\bhissing (sound )?from the (stove|hob|cooker|pipe|cylinder|heater)|\b(hob|stove|cooker|burner) (was |has been )?left on\b.{0,40}\b(smell|dizzy|headache)|\brotten[- ]eggs? smell|\b(gas|co|carbon monoxide) (alarm|detector) (is |keeps )?(going off|beeping|sounding)|\b(headaches?|dizzy|dizziness|nausea|nauseous|sleepy|drowsy)\b.{0,40}\b(all of us|everyone|whole family|both of us|the kids|heater|boiler|stove|generator|brazier)\b/,
    // Tap water that smells of rotten eggs is a water-quality complaint (hydrogen sulphide), not a gas leak.
    unless: /\b(bill|price|meter|inspection)\b|\b(tap water|drinking water|the water (from|in|out of) the (tap|taps|pipe|pipes)|water (smells|tastes|stinks))\b/,
  },
  // ---- Flood with people trapped.
  {
    name: 'flood_trapped', kind: 'flood', level: 'immediate', guarded: true,
    pattern: /(水|洪水|大水|河水|水浸).{0,8}(淹到|浸到|漫到|涨到|到了|过了|已经到|浸过|浸咗|淹过|冲入|涌入|灌入|灌进)(了|咗)?.{0,4}(膝|膝盖|腰|胸|胸口|颈|脖子|下巴|窗|二楼|一楼|楼梯|床|屋|家)|(水|浸水|水浸|淹水|洪水).{0,20}(出不去|出唔到|走不了|走唔到|困住|困(在|喺)|被困|上不了|爬上|屋顶|阁楼|车顶)|(被困|困(在|喺)).{0,10}(水|屋顶|车顶|车里|车入面)/,
    unless: /防汛|演练|去年|上次|预案|排水(设施|系统|管)|(会|担心|怕|容易)(被)?(淹|浸)/,
  },
  {
    name: 'flood_trapped', kind: 'flood', level: 'immediate', guarded: true,
    pattern: /\bwater (is )?(up to|at|reached|reaching|rising|coming in|pouring in)\b.{0,30}\b(knees?|waist|chest|neck|windows?|stairs|second floor|door)|\b(trapped|stuck|can'?t get out|cannot get out|can'?t leave|unable to leave)\b.{0,40}\b(flood\w*|water|roof|attic)\b|\b(flood\w*|water)\b.{0,40}\b(trapped|stuck|can'?t get out|cannot get out|can'?t leave|rising fast)\b/,
    unless: /\b(drill|insurance|last year|shelter|if)\b/,
  },
  // ---- Collapse with people under it.
  {
    name: 'collapse_people', kind: 'collapse', level: 'immediate', guarded: true,
    pattern: /(塌|倒塌|坍塌|塌咗|冧|冧咗|塌了|垮了|倒了|坍方|塌方).{0,12}(有人|压住|压着|压在|埋住|埋在|埋咗|埋了|困住|困在|下面有|底下有|入面有)|(压|埋|困)(在|喺|住|着).{0,6}(下面|底下|瓦砾|废墟|入面|里面)|(工人|工友|师傅|有人|一个人|小孩|细路)[^。!?]{0,6}(被|俾|畀)(泥|泥土|土|沙|沙石|石头|砖头)?(埋|活埋)(住|咗|了|在|喺)[^。!?]{0,4}(坑|沟|溝|泥|土|沙|下面|底下|入面|里)|(楼|房|屋|墙|天花|天花板|棚|脚手架|屋顶|楼板|阳台).{0,4}(塌|冧|倒塌|坍塌)(了|咗|落嚟|下来)/,
    unless: /风险|隐患|危房鉴定|会不会|可能|担心|裂缝/,
  },
  {
    name: 'collapse_people', kind: 'collapse', level: 'immediate', guarded: true,
    pattern: /\b(collapsed|caved in|came down|fell down)\b.{0,30}\b(people|someone|workers?|trapped|under|inside|on (him|her|them))\b|\b(buried|trapped|pinned) (under|beneath|in) (the )?(rubble|debris|wall|ceiling|roof|collapsed)\b/,
    unless: /\b(risk|danger of|might|could)\b/,
  },
  // A ceiling or wall giving way now with people still under it ("天花板一直往下掉，我们八个人还在宿舍", "the ceiling is
  // cracking and bits keep falling, 8 of us still inside"): nothing has fallen on anyone yet, so collapse_people is
  // silent, but the people are inside now. A crack reported for inspection says nothing of anyone inside.
  {
    name: 'collapse_imminent', kind: 'collapse', level: 'immediate', guarded: true, whole: true,
    pattern: /(天花|天花板|楼板|屋顶|墙|墙身|横梁|阳台|棚顶)(一直|不停|开始|已经|正在|仲|还)?(在)?(往下|向下)?(掉|裂|开裂|爆裂|塌|冧|下沉|变形|晃)(紧|着|落|下来|咗|了)?.{0,24}(人|我们|我哋|大家|小朋友|孩子|老人)(都|还|仲)?(在|喺)(里面|入面|屋里|屋企|宿舍|房|楼上|下面)|\b(ceiling|roof|wall|floor|beams?|balcony)\b.{0,40}\b(is |are |keeps? )?(cracking|crumbling|caving( in)?|sagging|coming down|falling (down|apart|in)|giving way)\b.{0,60}\b(still|are|we'?re|people|kids|children|family|workers)\b.{0,12}\b(inside|in here|in there|under(neath)?|in the (room|building|dorm|flat))\b/,
    unless: /隐患|风险|鉴定|检测|会不会|可能|担心|如果|万一|\b(risk|hazard|inspection|survey|might|could|if)\b/,
  },
  // ---- More ways of saying the same situations (settling affairs at work, a night after which nothing
  // matters, means named before the verb, smoke and cracking, water coming into an enclosed space).
  {
    name: 'farewell', kind: 'suicide', level: 'immediate',
    pattern: /(我的|我嘅|我啲|我)(东西|嘢|遗物|衣服|书|电脑|显示器|物品|家具).{0,8}(你们|你哋|大家)(分|拿|攞|要|用|处理)(了|咗|走|去|晒)?(吧|啦|喇)|(钱|工资|存款|积蓄|卡里|工资卡|公积金|保险金|赔偿金).{0,10}(转给|转俾|留给|交给|俾返|给回)(我)?(妈|爸|父母|家人|老婆|孩子|女儿|儿子|阿妈|阿爸|屋企人)/,
    unless: /新闻|报道|电影|小说|电视剧|游戏|辞职|离职|搬家|退租|水果|零食|吃的|外卖|快递|礼物|样品|每月|每个月|生活费/,
  },
  // A stated end with its own time ("after tonight none of this concerns me"): the time is the now cue,
  // so it counts inside a long complaint letter too, where such a sentence usually closes the letter.
  {
    name: 'final_intent', kind: 'suicide', level: 'immediate', timed: true,
    pattern: /(过了今晚|今晚过后|今晚之后|今日之后|明天以后|听日之后).{0,14}((都|就|再|全部)?(跟|同|和)我(没|冇|再冇|再没)(有)?(关系|关)|(不|唔)(会)?(再)?(在|喺|麻烦|存在)|结束|解脱)/,
    unless: /新闻|报道|电影|小说|电视剧|游戏|辞职|离职|搬家|退租|合同|租约|优惠|活动/,
  },
  {
    name: 'final_intent', kind: 'suicide', level: 'immediate', timed: true,
    pattern: /\b((it|this|everything|all of this|it all) (will|'ll|is going to) (all )?be over (before|by|soon|tonight|tomorrow)|(made|reached|taken) (my|the|a) (final )?decision\b.{0,60}\b(over|end|gone|goodbye|last|anymore)|nobody (needs|has|will need|will have) to (fix|deal with|worry about|handle|sort out) (this|me|my)\b.{0,20}\banymore|after tonight (none of|nothing|it won'?t|i won'?t)|won'?t (be here|be around|need (it|them|this|anything)) after (tonight|tomorrow|this week))/,
    unless: /\b(movie|film|novel|series|game|resign|quit my job|moving out|lease)\b/,
  },
  // Someone living alone who has not answered since a given time, or not opened the door: "since yesterday" is the
  // point, so the past guard must not drop it (阿嫲一個人住，由琴日開始都冇聽電話，敲門都冇人應 had got a care offer).
  {
    name: 'alone_unreachable', kind: 'child_elder', level: 'immediate', whole: true,
    pattern: /(一个人住|独居|独自住|自己一个人住|一个人在家).{0,20}((由|从)(昨天|前天|昨晚|今天早上|早上|几天前|两天前)(开始|起)?.{0,10}(都)?(没|冇|不)(有)?(听|接|回)(电话|信息|微信)|(两|三|几|好几)(天|日)(都)?(没|冇)(有)?(接|听)?(电话|出门|开门)|敲门.{0,6}(都)?(没|冇)人(应|开门))|(老人|老人家|长者|奶奶|爷爷|婆婆|阿婆|伯伯|阿伯|老伯|老太|阿嫲|公公).{0,12}(两|三|几|好几)(天|日)(都)?(没|冇)(有)?(开门|开过门|出门|露面|下楼|见(过)?(人|她|他|佢)).{0,16}(电话|敲门|拍门|手机|微信).{0,6}(打不通|没人接|冇人听|没人应|冇人应|不接|唔听|联系不上|没回|冇回)|\b(old (lady|man|woman)|elderly|grandma|grandpa)\b.{0,40}\b(hasn'?t|has not|haven'?t) (been seen|opened (the|her|his) door|come out|answered)\b.{0,30}\b(two|three|several|a few|\d+) days\b/,
    unless: /担心|如果|万一|经常|常常|新闻|报道|后来|最后|幸好|还好|已经(出院|没事|找到|联系上)|住院了/,
  },
  // A child crying for hours while the crying fades, or left when the adults went away: told over several
  // clauses of a message typed without punctuation, so the whole message is read.
  {
    name: 'child_left', kind: 'child_elder', level: 'immediate', whole: true,
    pattern: new RegExp(
      `${CHILD}.{0,40}哭声.{0,4}越来越(小|弱)` +
        `|${CHILD}.{0,40}(大人|父母|家长|妈妈|爸爸|阿妈|老豆).{0,12}(走了|走咗|离开了?).{0,6}(没|冇|未)(有)?(回|返)(来|嚟|过)`,
    ),
    unless: /睡着|睡了|瞓着|瞓咗|哄|新闻|报道|电影|小说|如果|万一/,
  },
  // "By the time you read this I will be gone", said in Chinese, and keys or a bankbook handed over beside it.
  {
    name: 'farewell', kind: 'suicide', level: 'immediate', whole: true,
    pattern: /(等|当)?(你们|你|大家|各位)(看到|收到|读到|睇到)(这封信|这条信息|这段话|呢封信|呢段说话|这些)(的时候|嗰阵)?[,，]?(我)?(应该|可能|大概|估计)?(已经)?(不在|走了)/,
    unless: /新闻|报道|电影|小说|出国|搬|退休|离职|辞职|出差/,
  },
  // What the writer will do once this letter is written ("我而家喺大厦天台写紧呢封信，写完就落去搵佢"): the end is timed by the
  // writing itself.
  {
    name: 'final_intent', kind: 'suicide', level: 'immediate', timed: true,
    pattern: /(写完|發完|发完|讲完|講完)(这|呢)?(封信|条信息|段话|啲嘢)?(之后|以后)?(我)?(就|便)(要)?(跳|跳下去|落去|下去|走|去死|结束|了结|解脱)|(下去|落去)(找|搵|陪)(他|她|佢)(了|啦|喇)?$/,
    unless: /新闻|报道|电影|小说|楼下|商场|超市|吃饭|食饭|开会/,
  },
  // A pet handed over because after tomorrow one cannot look after it, with affairs settled (交代好): a farewell.
  {
    name: 'farewell', kind: 'suicide', level: 'immediate', whole: true,
    pattern: /(领养|送走|送人|托付)[^。!?]{0,40}(明天|听日|今晚|今日)(之后|以后)?[^。!?]{0,10}(没办法|没有办法|不能|无法)(再)?(照顾|养|陪)|(交代|安排|处理)好(了|晒)[^。]{0,30}(领养|送走|托付)|(领养|送走|托付)[^。]{0,60}(交代|安排)好(了|晒)/,
    unless: /搬|出国|移民|外地|工作|住院|出差|过敏|新闻|\b(moving|allerg\w*)\b/,
  },
  // Giving up on the matter and telling the office not to worry any more ("工资的事也无所谓了，以后不用担心我了"): the
  // goodbye is in the two together; either alone is ordinary (以后不用担心我了，我找到工作了).
  {
    name: 'farewell_resigned', kind: 'suicide', level: 'immediate', whole: true,
    pattern: /(无所谓|不重要|没意义|没有意义|都不要了|都算了).{0,30}(以后|今后|往后)(就)?(不用|别|不要|唔使|唔好)(再)?(担心|挂念|牵挂|操心|管)(我)|(以后|今后|往后)(就)?(不用|别|不要|唔使|唔好)(再)?(担心|挂念|牵挂|操心|管)(我).{0,30}(无所谓|不重要|没意义|没有意义|都不要了|都算了)/,
    unless: /新闻|报道|电影|小说|找到(工作|了)|搬(走|家)|出国|毕业|病好|康复/,
  },
  // Someone else up high saying they will jump ("my coworker just climbed the crane at the site, says he'll jump if
  // nobody comes"): the first-person cues never read it, and only the model had caught the Chinese forms. The danger is
  // the same as the writer's own: the reply gives 110/120 and the office is alerted.
  {
    name: 'other_at_height', kind: 'suicide', level: 'immediate', whole: true,
    pattern: /(他|她|佢|工友|同事|老公|丈夫|老婆|儿子|女儿|个仔|个女|朋友|邻居|老乡|阿[\u4e00-\u9fff]|有(个|一个)?(人|工人|男人|女人))(已经|而家|现在|刚刚|刚才)?[^。!?]{0,8}(爬上|爬到|爬咗上|站|坐|企|蹲|喺|在)(了|咗)?(喺|在|到|上)?[^。!?]{0,8}(塔吊|吊机|天台|楼顶|顶楼|屋顶|桥上|大桥|脚手架|鹰架|棚架|栏杆外|窗台|高架)[^。!?]{0,30}((要|话要|说要|讲要|扬言|准备|威胁|想)(要)?|就(会)?)(跳|跳落|跳下)/,
    unless: /新闻|报道|电影|小说|跳舞|跳水|蹦极|跳伞|跳绳|跳槽/,
  },
  {
    name: 'other_at_height', kind: 'suicide', level: 'immediate', whole: true,
    pattern: /\b(he|she|they|my (co-?worker|colleague|workmate|friend|son|daughter|brother|sister|husband|wife|dad|father|mum|mom|mother|neighbou?r)|a (worker|man|woman|guy|boy|girl))\b.{0,60}\b(climbed|is on|is up on|up on|standing on|sitting on|on top of|on the edge of)\b.{0,30}\b(crane|roof|rooftop|bridge|ledge|scaffold\w*|railing|tower)\b.{0,80}\b(jump\w*|go over|let go)\b|\b(says|said|saying|threaten\w*|is going to|wants to) (that )?((he|she|they)('ll| will| is going to| are going to| wants? to) )?(jump|go over)\b/,
    unless: /\b(news|movie|film|novel|bungee|parachut\w*|skydiv\w*|jump rope|trampoline|jump(ed)? ship|jump the queue|jump start)\b/,
  },
  // Up somewhere high now, in English: a wage protest on a tower crane, the balcony railing. Work up there is not.
  {
    name: 'at_height_en', kind: 'suicide', level: 'immediate',
    pattern: /\b(i'?m|i am|we'?re|we are)( (now|still|already))? (up )?(on|at) (the )?(top of (the )?)?(tower crane|crane|roof|rooftop|ledge|edge of the roof|railing|balcony railing|bridge)\b|\b(standing|sitting) on the (balcony )?(railing|ledge|edge)\b|\b(won'?t|will not|not going to) come down\b/,
    unless: /\b(news|movie|film|fix\w*|repair\w*|install\w*|clean\w*|laundry|clothes|garden\w*|party|bar|view|photos?|crane operator|my job|at work)\b/,
  },
  // A goodbye said at a height: the place is the means.
  {
    name: 'farewell_height', kind: 'suicide', level: 'immediate', whole: true,
    pattern: /(天台|楼顶|顶楼|屋顶|桥上|桥边|大桥|江边|河边|海边|悬崖|窗台|栏杆外).{0,24}(最后(一眼|看一眼|睇多一眼|一次|一晚)|再见|永别|下辈子|来世|别了)|(最后(一眼|看一眼|睇多一眼)|再见了|永别|下辈子).{0,24}(天台|楼顶|顶楼|屋顶|桥上|大桥|江边|海边|悬崖|窗台)|\b(roof|rooftop|bridge|ledge|cliff|railing)\b.{0,40}\b(one last (look|time)|last look|goodbye|farewell)\b|\b(one last (look|time)|last look|goodbye|farewell)\b.{0,40}\b(roof|rooftop|bridge|ledge|cliff)\b/,
    unless: /新闻|报道|电影|小说|拆迁|拆除|搬家|搬走|毕业|离职|旅游|游客|打卡|拍照|老房子|老屋|旧楼|movie|graduat|moving (out|house)|demolish|tour/,
  },
  {
    name: 'means_prepared', kind: 'suicide', level: 'immediate',
    pattern: /(木炭|烧炭|炭|炭盆|绳子|麻绳|绳|农药|百草枯|敌敌畏|老鼠药|安眠药|刀片|安定片).{0,12}(买的|买好|买咗|买了|准备好|备好|藏好|收埋|已经买|已经备)/,
    unless: /烧烤|火锅|打边炉|晒衣|晾|捆|搬家|打包|跳绳|新闻|报道|药店|医保|报销|灭鼠|老鼠多|蟑螂/,
  },
  {
    name: 'means_prepared', kind: 'suicide', level: 'immediate',
    pattern: /\b(rope|noose|charcoal|pills|tablets|pesticide|poison|razor blades?)\b.{0,30}\b(i bought|i got|is ready|are ready|all ready|hidden|picked up|saved up|i'?ve been saving)\b/,
    unless: /\b(news|article|movie|camping|grill|rats?|mice|garden|weeds?|pharmacy (hours|price))\b/,
  },
  {
    name: 'overdose_taken', kind: 'overdose', level: 'immediate',
    pattern: /(一个月|几个月|一周|一个礼拜|一个星期|成个月|半个月|一整盒|整排|整板|成板)(的|嘅)?(药|量|安眠药|止痛药).{0,8}(一次|一口气|全部|都|一下)?(吃|吞|食|服)(完|晒|光|了|咗|落)|(药|处方药|安眠药|止痛药|降压药|抗抑郁药).{0,8}(一次|一口气|全部)(吃|吞|食|服)(完|晒|光|了|咗|落)/,
    unless: /新闻|报道|医保|报销|药店|买药|开药/,
  },
  {
    name: 'overdose_taken', kind: 'overdose', level: 'immediate',
    pattern: /\b(finished|emptied|took|swallowed|downed|ate)\b.{0,12}\b(the |a |my |her |his )?(whole|entire|full) (prescription|bottle|pack|packet|box|strip|blister|month'?s supply)|\b(took|swallowed|downed|finished) (all|the rest) of (my|her|his|the) (pills|meds|tablets|prescription|medication|sleeping pills)\b/,
    unless: /\b(news|article|prevention|statistics|as prescribed|course of antibiotics)\b/,
  },
  {
    name: 'self_harm', kind: 'self_harm', level: 'immediate',
    pattern: /\b(bang(ing)?|hit(ting)?|smash(ing)?) my head (against|on|into)|\b(punching|hitting|burning|scratching) myself\b|\bcan'?t stop (cutting|hurting myself|scratching)/,
  },
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    pattern: /(躲|匿|收埋|匿埋|锁)(在|喺|咗|了|埋)?.{0,4}(阳台|露台|床底|床下|厨房|天台|楼梯间|邻居家|隔壁家|车尾箱)|(前夫|前妻|前男友|前女友|老公|丈夫|男朋友|老婆).{0,14}(开门进来|开门入来|闯进来|冲进来|撞开门|踢开门|撬开门|入咗屋|进了屋|进屋了|进来了|入嚟咗|上来了)|(翻|搜|找)(紧|着)?(东西|屋|房|柜)?.{0,3}(找我|搵我)|(抢|收|拿|攞)(走|咗|了)(我)?(的|嘅)?(手机|电话)/,
    unless: /游戏|新闻|报道|电视剧|小偷|装修|快递|外卖|修理|物业/,
  },
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    pattern: /\b(hiding|hid|locked myself) (in|on|under|behind) (the |my |our )?(balcony|bed|kitchen|stairwell|wardrobe|cupboard|neighbou?r'?s)|\b(he|she)('s| is| has)? (took|taken|grabbed|smashed|has) my (phone|keys)\b|\b(ex|ex-husband|ex-wife|ex-boyfriend|husband|boyfriend)\b.{0,30}\b(got in|let himself in|broke in|kicked (the|in the) door|is inside|is in the flat|is here)\b/,
    unless: /\b(game|movie|film|news|article|hide and seek)\b/,
  },
  // A weapon in a family member's hands now, with no verb of attack ("my husband has a cleaver and is standing between me
  // and the front door"): the Chinese 拿着菜刀 was read, the English was a concern only.
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    pattern: /\b(he|she|my (husband|wife|boyfriend|girlfriend|partner|ex|son|father|dad|brother|stepfather|neighbou?r))('s| is| has)? (has|is holding|holding|is waving|waving|grabbed|picked up|took out|pulled out|came at me with) (a|the|my|his|her|our) (knife|cleaver|machete|axe|hammer|gun|bat|chopper)\b/,
    unless: /\b(kitchen|cooking|cook|chopping (vegetables|meat)|sharpen\w*|shop|sells?|selling|collection|collects|butcher|chef|movie|film|game|news)\b/,
  },
  {
    name: 'child_elder_danger', kind: 'child_elder', level: 'immediate', guarded: true,
    pattern: new RegExp(
      `(剩|留|丢)(下|低|低咗|咗)?.{0,4}${CHILD}.{0,20}(冇人|没人|没大人|冇大人|锁|喊|哭|饿)` +
        `|(父母|家长|大人|妈妈|阿妈|爸爸|老豆|他妈|佢阿妈|佢妈).{0,8}(两|三|四|几|成|好几)(天|日)(都)?(没|冇|未|唔)(有)?(回|返)(家|屋企|来|嚟)` +
        `|${CHILD}.{0,16}(哭|喊)(到|得)?.{0,4}(声都沙|声沙|嗓子哑|没声|冇声|几个钟|几个小时|(两|三|四|五|几|好几)个多?(钟|小时))` +
        // A small child out in the traffic.
        `|${CHILD}.{0,16}(走|行|跑|爬|站|坐)(了|咗)?(出|到|在|喺)?(了)?(马路|公路|快车道|车道|路)(中间|中心)` +
        `|${ELDER}.{0,14}(被)?(绑|捆|锁|关|绑住)(在|喺|住)(床|椅|房|屋)`,
    ),
    unless: /防护网|安装|隐患|风险|担心|如果|万一|新闻|报道/,
  },
  {
    name: 'child_elder_danger', kind: 'child_elder', level: 'immediate', guarded: true,
    pattern: /\b(kids?|children|toddler|baby|little ones)\b.{0,40}\b(alone|by themselves|on their own|left behind)\b.{0,40}\b(days?|since (yesterday|monday|last night)|hours|crying|locked|no food)\b|\b(parents?|mother|mum|mom|dad|father)\b.{0,20}\b(hasn'?t|haven'?t|has not|have not) (been|come) (home|back)\b.{0,40}\b(kids?|children|baby|toddler)\b|\b(tied|strapped) (to|down to) (the|a|her|his) (bed|chair)\b|\b(toddler|child|kid|baby|little (boy|girl)|[0-9]+[- ]year[- ]old)\b.{0,40}\b(in the middle of the (road|street|highway)|onto the (road|highway|motorway|expressway))\b/,
    unless: /\b(risk|hazard|if|should|news|article)\b/,
  },
  {
    name: 'fire_signs', kind: 'fire', level: 'immediate', guarded: true,
    pattern: /(窗|窗口|窗户|门缝|门口|屋|房|厨房|单位|楼上|楼下|隔壁|邻居|电箱|电表箱|楼道|走廊).{0,8}(冒|标|喷|涌|攻|窜|飘)(紧|着|出|咗|了)?.{0,3}(浓|黑|白)?(烟|火)|(噼啪|啪啪|噼里啪啦|劈啪|爆裂声).{0,20}(烟|火)|(烟|火).{0,20}(噼啪|啪啪|噼里啪啦|劈啪)/,
    unless: /烟囱|工厂|油烟|烧烤|排气|抽油烟|炒菜|吸烟|抽烟|食烟|香烟|烟花|炮仗|鞭炮|烧香|拜神|烟雾报警器测试|雾/,
  },
  {
    name: 'fire_signs', kind: 'fire', level: 'immediate', guarded: true,
    pattern: /\bsmoke (is )?(coming|pouring|billowing|seeping|rising) (out|from|under|through|into)\b|\b(crackling|popping) (sound|noise)s?\b.{0,40}\b(smoke|flames?|burning)\b|\b(smoke|flames?)\b.{0,40}\b(crackling|popping)\b/,
    unless: /\b(chimney|factory|barbecue|bbq|cigarette|smoking|fireworks|incense|vape)\b/,
  },
  {
    name: 'gas_signs', kind: 'gas', level: 'immediate', guarded: true,
    pattern: /(挖断|挖破|撞断|撞破|压断|弄断|钻穿|钻破)(了|咗)?.{0,4}(燃气|煤气|天然气)(管|管道|喉)|\bgas (main|pipe|line)\b.{0,20}\b(broken|burst|cut|hit|ruptured|damaged|hissing|leaking|blowing)\b|\b(broke|burst|cut|hit|ruptured|dug up|dug through) (a|the) gas (main|pipe|line)\b/,
    unless: /收费|改造|维修通知|计划|演练|drill|bill/,
  },
  {
    name: 'collapse_people', kind: 'collapse', level: 'immediate', guarded: true,
    pattern: /(天花|天花板|墙|墙身|楼板|屋顶|地板|阳台|楼梯|批荡).{0,10}(一块块|一旧旧|往下掉|跌落|掉落|塌落|鼓起|往下鼓|下沉|裂开|开裂|冧落).{0,30}(越来越|愈来愈|愈嚟愈|咔|啪|响|我们|我哋|还在|仍在|仲喺|跑出|逃出|不敢)|(裂缝|裂痕).{0,6}(越来越|愈来愈|愈嚟愈)(大|宽).{0,24}(咔|啪|响|声|掉|跌落|人在|我们|我哋|仲喺|还在)/,
    unless: /风险|隐患|危房鉴定|会不会|可能|担心|去年|以前|维修基金|鉴定/,
  },
  {
    name: 'collapse_people', kind: 'collapse', level: 'immediate', guarded: true,
    pattern: /\b(ceiling|roof|wall|floor|balcony|staircase)\b.{0,20}\b(sagging|cracking|coming down|falling in|caving|bulging|giving way|splitting)\b.{0,50}\b(we'?re|we are|i'?m|kids|people|inside|still|getting (bigger|worse|wider)|creaking|cracking sounds?)\b/,
    unless: /\b(risk|might|could|survey|inspection|last year)\b/,
  },
  {
    name: 'flood_trapped', kind: 'flood', level: 'immediate', guarded: true,
    pattern: /(车厢|地铁|地铁站|车站|站台|扶梯|隧道|电梯|地下室|地库|车库|车里|车内|车入面|地下通道|隧道里).{0,12}(进水|入水|水浸|淹|水涨|涌入|灌入|漫入)|(进水|入水|水漫|水浸).{0,10}(一直|越来越|不停|愈来愈|愈嚟愈|一路)(涨|多|高|深)/,
    unless: /防汛|演练|去年|上次|预案|排水(设施|系统)|漏水维修|天花漏水|水管漏水|渗水/,
  },
  {
    name: 'flood_trapped', kind: 'flood', level: 'immediate', guarded: true,
    pattern: /\bwater (is )?(coming|pouring|gushing|flooding|rushing) (in|into)\b.{0,40}\b(train|carriage|tunnel|lift|elevator|basement|car|underpass|bus|station|escalator|subway|metro|underground|platform|car park|garage)\b|\b(train|carriage|tunnel|lift|elevator|basement|car|underpass|bus|station|escalator|subway|metro|platform)\b.{0,30}\b(filling (up )?with water|flooding fast|water (is )?rising)\b/,
    unless: /\b(drill|insurance|last year|shelter|if|leak repair)\b/,
  },
  // English forms the Chinese cues had and English lacked (an eleventh-session probe: 8 of 13 misses were English).
  {
    name: 'child_elder_danger', kind: 'child_elder', level: 'immediate', guarded: true,
    pattern: /\b(toddler|child|kid|baby|little (boy|girl))\b.{0,60}\b(crying|screaming|alone)\b.{0,60}\b(since (yesterday|last night|this morning)|locked (from|on) the outside|for hours)\b/,
    unless: /\b(risk|hazard|if|should|news|article|movie)\b/,
  },
  {
    name: 'collapse_people', kind: 'collapse', level: 'immediate', guarded: true,
    pattern: /\b(caved in|collapsed|came down)\b.{0,60}\b(buried|trapped|under it|under the)\b|\bburied (up to|alive|under)\b/,
    unless: /\b(news|movie|film|game|last year|years ago|insurance|compensation)\b/,
  },
  {
    name: 'fire_signs', kind: 'fire', level: 'immediate', guarded: true,
    pattern: /\b(corridor|hallway|stairwell|stairs|landing)\b.{0,30}\b(filling (up )?with smoke|full of smoke|smoke (is )?(coming|pouring))\b|\bdoor (handle |knob )?is (hot|burning)\b/,
    unless: /\b(drill|test|last (week|month|year)|movie|film)\b/,
  },
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    pattern: /\b(screaming|shouting|yelling|crying)\b.{0,30}\b(stop|help|you'?re hurting me|let me go|don'?t hit)\b.{0,60}\b(crash|bang|silence|quiet|thud)\b/,
    unless: /\b(movie|film|tv|game|kids playing|party)\b/,
  },
  {
    name: 'means_prepared', kind: 'suicide', level: 'immediate',
    pattern: /\b(pills|tablets)\b.{0,20}\b(lined up|laid out|counted out|all out on)\b/,
    unless: /\b(pharmacy|pill organi[sz]er|weekly box|dosage)\b/,
  },
  // ---- Told by a neighbour, a teacher, a landlord (a tenth blind probe): someone else beaten now, a room sealed with
  // charcoal behind it, a threat to finish what was started, someone gone under the water.
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    // "佢老公拖咗佢出门口打，而家仲喺条巷度打紧": a beating still going on, told by the one who sees it; a game or a call is not.
    pattern: /(仲|还(?!是|要)|而家|宜家|依家|现在|正在)(喺|在)?[^。!?,，]{0,10}(打|揍|踢|殴打)(紧|着|緊|著)(?!(电话|電話|机|機|游戏|遊戲|球|篮|籃|足|羽|乒|网|網|排|牌|麻将|麻將|工|字|卡|针|針|边炉|邊爐|风|風|官司|招呼|点滴|點滴|算盘|主意|架|钻|鑽|桩|樁|孔|洞|地基|蜡|蠟|包|扫|掃|鼓))|(被|俾|畀)(佢|他|她)?(的|嘅)?(老公|丈夫|老婆|男朋友|爸爸|老豆|阿爸|继父|后父)[^。!?]{0,10}(拖|扯|揪|拉)(咗|了|住)?[^。!?]{0,8}打/,
    // 打着…的旗号 / 幌子 (under the banner of) is no blow.
    unless: /新闻|报道|电影|电视剧|游戏|遊戲|打机|打機|比赛|拳击|练习|幌子|旗号|旗號|名义|名義|招牌|口号|口號/,
  },
  {
    name: 'means_prepared', kind: 'suicide', level: 'immediate', whole: true,
    // "the door is taped around the edges and there's a smell like charcoal": a room sealed with a brazier inside.
    pattern: /(\b(doors?|windows?|gaps?|cracks?)\b.{0,30}\b(taped|sealed|stuffed)|\b(towels?|rags|tape|clothes)\b.{0,40}\b(doors?|windows?)\b).{0,80}\b(charcoal|burning smell|smell of burning|smoke)\b|\b(charcoal|burning smell|smell of burning)\b.{0,80}(\b(doors?|windows?|gaps?)\b.{0,30}\b(taped|sealed|stuffed)\b|\b(towels?|rags|tape)\b.{0,40}\b(doors?|windows?)\b)/,
    unless: /\b(news|article|movie|barbecue (party|restaurant)|grill (party|restaurant)|draught|draft|insulation|winter)\b/,
  },
  {
    name: 'violence_now', kind: 'violence', level: 'immediate', guarded: true,
    // A threat made tonight, however it is worded: "if i tell anyone he'll finish what he started", "said he'd kill me".
    pattern: /\b(he|she)('ll| will|'d| would| is going to| said he'?d| said she'?d) (finish what (he|she) started|finish (me|the job)( off)?|kill (me|us|the kids))\b|\b(says|said|told me|threatened|threatening)\b.{0,50}\b(he|she)('ll| will|'d| would| is going to) (kill|hurt|finish)\b/,
    unless: /\b(movie|film|game|news|article|novel|joking|kidding)\b/,
  },
  {
    name: 'drowning_signs', kind: 'drowning', level: 'immediate', guarded: true,
    // Someone struggling or gone under in the water: the drowning rule wants 溺水 / 沉下去 / "fell into".
    pattern: /(水里|水中|水度|水面|河里|河度|海里|海度|池里|泳池|水库|水塘|鱼塘|江里)[^。!?]{0,10}(扑腾|挣扎|撲來撲去|扑来扑去|拍来拍去|沉(了|咗|落去|下去)|冒泡|(不|唔)见(了|咗)|冇咗影|浮不起|浮唔起)|(游水|游泳|落水|跳落水|跳下水)[^。!?]{0,20}(不见(了)?|唔见(咗)?|冇再浮|没(有)?浮上来|沉(了|咗)|冒泡)|\b(water|pool|river|sea|lake|canal|reservoir|pond|beach|swim\w*)\b.{0,60}\b(went under|(hasn'?t|didn'?t|has not|did not) come (back )?up|(is |was )?struggling|(can'?t|cannot) see (him|her|them))\b|\b(struggling in the water|face ?down in the (water|pool|river))\b/,
    unless: /防溺水|游泳课|救生员培训|新闻|报道|电影|手机|\b(phone|drill|lesson|news|movie)\b/,
  },
  // ---- Concern: distress and passive wishes, violence told, a child withdrawn or bullied (lexiconConcern.ts).
  ...CONCERN_CUES,
];

/** A report about someone else's event, a question about a service, a complaint about a past response. */
export const NOT_NOW_ZH =
  /新闻|报道|听说|听讲|听闻|据说|诈骗|骗子|骗局|冒充|天气预报|预报(说)?|预计|网上(看到|说)|看到.{0,6}(新闻|报道|视频|消息)|电视上|(事件|事故)(发生)?(后|之后|以后)|(?<!我的|我嘅|我)(热线|电话|号码)(是多少|多少|是几|是什么|是(?![0-9]))|(怎么|如何|哪里|哪儿|在哪|是否|有没有|能不能|可以|想了解|请问).{0,10}(申请|预约|咨询|拨打|联系|找|报名|获得|开设|提供).{0,10}(心理|辅导|咨询|热线|庇护|避难|安置|救助|讲座|课程|培训)|(避难所|避难场所|庇护所|安置点)(在哪|在哪里|有哪些)|(出警|到场|赶到|响应|救援|救护车|消防车)(太慢|很慢|迟迟|不及时|才到|才来)|(半小时|一小时|一个小时|几个小时|[0-9]+分钟)(后)?才(到|来)|演练|培训|讲座|宣传/;
export const NOT_NOW_EN =
  /\b(news|reported|article|headline|viral|video clip|saw (a|the) (video|clip|post)|i read (that|about)|heard (that|about)|what is the (number|hotline)|how (do|can) i (get|find|apply|contact|book|sign up)|where (is|are) the (nearest )?(shelters?|counsel\w*)|(is|are) there (any )?(counsel\w*|shelters?|hotlines?)|took (an hour|hours|[0-9]+ minutes) to (arrive|come)|too slow to|drill|training|workshop)\b/;

/**
 * Violence or danger told as belonging to the past (以前, 前夫, years ago, moved out): read together with a sign that it
 * is over (moved away, safe now) it makes a story told a concern, not the 110 reply. One list for the detector and the
 * guards, so that a past word taught to one is known to the other.
 */
export const TOLD_AS_PAST =
  /交往(时|的时候)|同居(时|的时候)|以前|之前|曾经|去年|前年|几年前|上(个)?(礼拜|星期|周)|上周|前夫|前妻|前男友|前女友|前度|已经(搬|离开|离婚)|搬走了|离(了|咗)婚|\b(used to|my ex|years? ago|last (year|month|week)|moved out|divorced|left (him|her))\b/;
