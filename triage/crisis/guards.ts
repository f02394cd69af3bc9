/**
 * Guards on the crisis model's alarm: messages whose words say there is no danger now, although the model alone (no
 * rule, no situation cue) read one. Each was an alarm on an ordinary message that dropped the resident's request; a
 * rule or cue in the same words always counts, and each guard stands aside when something is happening.
 */
import { agreesInWords, commandInWords, isClosingOnly, onlyPrivacyQuestions, saysSafeNow } from '../commandWords.js';
import { kindHasWords } from './kinds.js';
import { TOLD_AS_PAST } from './lexicon.js';
import { GRIEF_NOW, HELD_BACK, PLAN_TIMED } from './lexiconConcern.js';

const ROPE_IDIOM = /\b(at )?the end of (my|her|his|our) (rope|tether)\b|\bat (my|our) wits'? end\b/;
const SLEEPLESS = /失眠|睡不着|睡不好|睡唔着|瞓唔着|瞓唔到|insomnia|can'?t sleep|cannot sleep|unable to sleep|not sleeping/i;


/**
 * Which guard applies when a message says nothing but something to the service, or null. Each requires that
 * nothing more is said: "我不想投诉了，我把煤气打开了" or "我老公会不会知道是我？他刚才把我打晕了" are read as always
 * (a withdrawal with a reason is not guarded at all; it was, and hid both).
 */
export function onlyAsksTheService(said: string): string | null {
  // The status, a withdrawal, taking consent back, a 复查: "我嘅投訴而家去到邊一步" had got 0.96 (despair), "please
  // dont give my details to the organisation" 0.98 (suicide). Not a request for a person: "有没有人可以跟我聊聊" may
  // be loneliness, which the crisis layer should still read.
  const command = commandInWords(said);
  if (command !== null && command !== 'person') return 'command_in_words';
  // Only thanks or "it is over": "Thanks, all good now." (0.83, overdose), "好了，没事了，谢谢你们" (0.91, suicide).
  if (isClosingOnly(said)) return 'closing_only';
  // A question about what is shared, or a yes to the referral ("还是帮我转介吧"), inside the consent flow:
  // "你们会告诉他们什么信息？" (0.91) had paged the office as suicide risk.
  if (onlyPrivacyQuestions(said) || agreesInWords(said)) return 'privacy_or_withdrawal';
  // Taking the complaint back because the trouble stopped ("谢谢，我不想再投诉了，他们已经小声了", 0.86 suicide): the
  // words 不想再… had paged the office, and the withdrawal was never offered. Anything beyond the thanks, the
  // withdrawal and what was put right ("…我把煤气打开了", "…反正也活不下去了") is read as always.
  if (withdrawnAsSolved(said)) return 'withdrawn_as_solved';
  return null;
}

const WITHDRAW_ZH = /(不想|不要|不用|不打算|不需要|唔想|唔使)(再)?(投诉|投訴|反映|举报|舉報|跟进|跟進|处理|處理|追究)(了|啦|喇|咗)?|撤(销|回|銷)(投诉|投訴|反映)?/g;
const SOLVED_ZH = /(已经|已經|现在|而家|都|终于|終於)(收)?(小声|細聲|细声|安静|安靜|停(了|工|止|咗)?|修好|整好|解决|解決|处理好|處理好|搬走|拆(了|咗|掉)|清理(了|咗|干净|乾淨)?|道歉|道咗歉|退(了|咗)?(钱|錢|款)?|补发|補發|没事|冇事|没问题|冇問題)(了|咗|啦|喇|晒)?/g;
const SOLVED_WHO = /他们|佢哋|对方|對方|楼上|樓上|楼下|樓下|邻居|鄰居|隔壁|那边|嗰边|工地|地盘|地盤|商家|店主|房东|房東|业主|業主|物业|物業|老板|老闆|公司|工资|工資|钱|錢|我|的|了|啦|喇|咗|吧|呀|啊|也|都|亦/g;
const COURTESY_ZH = /谢谢|謝謝|多谢|多謝|感谢|感謝|唔该晒|唔該晒|唔该|唔該|辛苦(你们|你哋)?(了|晒)?|麻烦(你们)?了|好的|好啦|算了|算啦/g;
const WITHDRAW_EN = /\b(don'?t|do not|no longer) (want|need) to (complain|pursue|continue|report)( (it|this|anymore|any more))*\b|\bwithdraw (my|the) (complaint|report)\b|\bcancel (my|the) complaint\b/;
const SOLVED_EN = /\b(they|he|she|it)('ve| have| has|'s| are| is)? (already |finally |now )?(stopped|fixed|quiet|quieter|turned (it )?down|apologi[sz]ed|paid( me)?|moved( out)?|gone|been (fixed|sorted|solved|resolved|paid))\b/;
const EN_CALM_WORDS = /^(thanks?|thank|you|ok|okay|so|and|but|now|i|i'm|we|the|noise|problem|issue|because|as|since|all|good|anymore|any|more|it|this|already|finally|they|he|she|have|has|are|is|'ve|me|my|neighbou?rs?|landlord|boss|company|site|workers?|shop|quiet|quieter|stopped|fixed|apologi[sz]ed|paid|moved|out|gone|been|sorted|solved|resolved|don't|dont|do|not|no|longer|want|need|to|complain|pursue|continue|report|withdraw|cancel|complaint|turned|down)$/;

/** Only thanks, taking the complaint back, and that the trouble was put right: nothing else is said. */
function withdrawnAsSolved(said: string): boolean {
  const raw = said.trim();
  if (raw === '' || [...raw].length > 60) return false;
  if (/\p{Script=Han}/u.test(raw)) {
    // search, not test: these patterns are global (for the replace below), and test() on a global pattern carries
    // its lastIndex into the next call — a withdrawal without "they stopped" made the next message's guard miss.
    if (raw.search(WITHDRAW_ZH) < 0 || raw.search(SOLVED_ZH) < 0) return false;
    const rest = raw.replace(WITHDRAW_ZH, '').replace(SOLVED_ZH, '').replace(COURTESY_ZH, '').replace(SOLVED_WHO, '');
    return (rest.match(/\p{Script=Han}/gu)?.length ?? 0) === 0;
  }
  const lower = raw.toLowerCase();
  return WITHDRAW_EN.test(lower) && SOLVED_EN.test(lower) && (lower.match(/[a-z']+/g) ?? []).every((w) => EN_CALM_WORDS.test(w));
}

// What people do up there (在天台晒衣服, 乘凉): the roof as a place, in both patterns below.
const ROOF_ACTIVITY = '晒|晾|乘凉|种|烧烤|聚会|喝茶|饮茶|抽烟|吹风|散步|锻炼|跳舞|打牌|打麻将|唱歌|养';
const HEIGHT_AS_PLACE = new RegExp(
  String.raw`住(在)?(顶楼|顶层|楼顶|天台)|顶楼(的)?(住户|业主|邻居|那家|那户)|(天台|楼顶|屋顶|顶楼)(的)?(漏水|渗水|防水|违建|违章|加建|搭建|种菜|菜地|花园|水箱|太阳能|光伏|基站|堆|垃圾|杂物|晒|晾)|(在|喺)(天台|楼顶|屋顶)(上)?(${ROOF_ACTIVITY})|\b(build\w*|built|extension|structure|glass room|shed)\b.{0,30}\bon (the|our|their|a) (shared )?(roof|rooftop)\b|\b(top floor|roof (is )?leak\w*|leak\w* (from the )?roof|roof(top)? (garden|terrace|bar|party))\b|\b(on|up on) the roof\b.{0,20}\b(fix\w*|repair\w*|clean\w*|install\w*|hang\w*|dry\w*|check\w*)\b`,
);
// Also the writer up there now ("…天台漏水，物业唔理，我而家企咗喺天台边" had been taken for the roof as a home).
// Up there with something to do (在天台上乘凉, 晒衣服) is the roof as a place, not the writer's position.
const HEIGHT_EVENT = new RegExp(String.raw`烟|火|困|救|锁|跳|往下|掉|摔|跌|爬出|翻过|站|企|蹲|(天台|楼顶|屋顶)边|栏杆|(我|我们)(现在|而家|已经)?(就)?(在|喺)(天台|楼顶|屋顶)(?!(上面|上|边)?(${ROOF_ACTIVITY}|看))|\b(smoke|fire|trapped|locked|jump\w*|fell|fall\w*|climb\w*|standing|edge|ledge|railing)\b`);
const CARE_REQUEST =
  /低保|补贴|补助|救助|津贴|\b(subsid\w*|allowance|benefits?|pension|welfare)\b|\b(can|could|will) the (government|office|community|street office|district)\b|需要|想(找|请|要)|找(个)?人|有没有人|能不能|可不可以|可以.{0,4}(帮|陪|上门|照顾)|帮忙|请不起|照顾不(过来|来)|累垮|顶不顺|顶唔顺|上门|陪(他|她|我爸|我妈|老人)?(聊天|说话|倾偈)|\b(can|could) (someone|somebody|you)\b|\bneed(s)? (help|someone|a carer|care)\b|\blooking for\b|\bafford\b|\bvisit (her|him|them)\b/;
const LASTING =
  /轮椅|孤寡|寡妇|没有收入|没收入|冇收入|\b(wheelchair|widow(ed|er)?|no income)\b|独居|一个人住|自己住|独自(生活|住)|痴呆|失智|认知障碍|瘫痪|卧床|偏瘫|残疾|智力障碍|自闭|行动不便|腿脚不好|年纪大|八十|九十|\b(lives? alone|living alone|on (her|his) own|dementia|alzheimer'?s?|bedridden|paraly[sz]ed|disabled|disability|elderly|in (her|his) (80s|90s|eighties|nineties))\b/;
const ACUTE =
  /没接|不接|联系不上|打不通|没回|没人应|叫不醒|没反应|倒在|倒地|摔(倒|了|伤)|跌(倒|低|咗)|昏|晕|不省人事|出血|流血|呼吸|抽搐|走失|不见了|失联|找不到(他|她|人)|刚才|正在|现在.{0,4}(不|没)|\b(not answering|no answer|can'?t reach|unreachable|fell|fallen|collapsed|unconscious|not breathing|bleeding|missing|wandered|right now|just now)\b/;


// Cooking fumes from a business or a kitchen, told as a nuisance: "The smoke from the restaurant downstairs got worse
// tonight" had the fire reply (model 0.53), "The greasy smoke from that restaurant got even worse tonight" the
// domestic-violence one. Not when anything burns, alarms or stops breath.
const FUMES =
  /油烟|(餐馆|饭店|餐厅|酒楼|烧烤|大排档|厨房|食肆|煮饭|煮嘢).{0,10}(烟|味)|\b(greasy|cooking|kitchen|restaurant|bbq|barbecue|grill|food stall|hot ?pot)\b.{0,30}\b(smoke|fumes|smell)\b|\b(smoke|fumes)\b.{0,30}\b(restaurant|kitchen|bbq|barbecue|grill|cooking)\b/;
const FUMES_EVENT = /火|着|烧|爆|警报|晕|喘不|呼吸|困|救|\b(fire|flames?|burning|alarm|explo\w+|can'?t breathe|cannot breathe|faint\w*|trapped|help)\b/;
// Someone was trapped and it is over, told by how long it lasted ("今天又困住了一个老人一个小时", "an old man was
// trapped inside for an hour": a lift complaint, read as child / elder danger or a flood by the model alone).
const TRAPPED_FOR =
  /困(住|了|咗)(了)?.{0,8}(一|两|二|三|四|五|半|几|[0-9]+)?(个)?(多)?(小时|钟头|鐘|钟|分钟)|\b(was|were|got) (stuck|trapped)\b.{0,30}\bfor (an?|one|two|three|half an|\d+) (hours?|minutes?|mins?)\b/;
const STILL_NOW = /现在|正在|还在|仍然|仲喺|仲係|而家|\b(still|now|right now)\b.{0,20}\b(inside|trapped|stuck|in there)\b/;

// Ending something with someone (a landlord, a boss, a partner) is a dispute or a break-up, not a life: "I'm going
// to end it with my landlord today" had the suicide reply from the model alone (0.94). Not when the same message
// also speaks of ending everything, of oneself, or of dying.
const ENDS_WITH_SOMEONE =
  /\b(end|ending|finish|finishing) (it|things|this) (with|between) (my|the|this|that|him|her|them|our|us|me and)\b|\b(end|ending|terminate|terminating|break|breaking) (my|the|our) (contract|lease|tenancy|agreement|relationship|marriage|engagement|job)\b/g;
const ENDS_SELF = /\b(end (it all|everything)|myself|my (own )?life|die|dying|dead|death|suicid\w*|kill|jump\w*|pills|goodbye|gone|forever|anymore)\b/;

// A school's discipline told as a complaint ("孩子的老师体罚学生，我儿子被罚站了一整天") had the model's alarm (second stage
// 0.55) and the 110 reply; a pupil who is hurt, bleeding or taken to hospital still counts.
const SCHOOL = /老师|班主任|校长|教师|学校|\b(teachers?|principal|school)\b/;
const DISCIPLINE = /体罚|罚站|罚跪|罚跑|罚抄|骂(学生|孩子|我儿子|我女儿)|\b(corporal punishment|made (him|her|them) stand|punish\w*|scold\w*)\b/;
const HURT = /流血|出血|晕|昏|送(去)?医|住院|骨折|受伤|伤(了|口|痕)|打(伤|肿)|喘不|\b(bleeding|fainted|unconscious|hospital|injur\w*|bruis\w*|broken)\b/;

// Water running down from a roof tank or a leak, and the plaster it brings off ("楼顶水箱漏水 顺着墙往下流 墙皮都泡掉了"),
// is the complaint, not someone falling: 往下 and 掉 had read as an event up there and let the model's suicide alarm stand.
const WATER_DAMAGE = /\bfire (stairs?|stairwell|exits?|escape|doors?)\b|消防(通道|楼梯|门)|(顺着|沿着|从)?(墙|墙壁|天花|天花板|楼梯)?(往下|向下|一直)(流|渗|滴|漏)|(墙皮|墙面|油漆|批荡|天花|瓷砖)(都|全|已经)?(泡|发霉|鼓起|起皮|脱|剥)?(掉|落|脱落|剥落)|(泡|脱|剥)(掉|落)/g;

// A follow-up that only gives back a detail asked for or said before (the address, a phone number), or says the phone
// had died: "手机没电了刚充上 刚才说的那个地址是龙华民治街道" had the violence reply (model alone 0.87) — 刚才 and an
// address are how emergencies are reported, but nothing here happens. Anything happening (a hit, a fire, a fall, a cry
// for help) stands aside.
const FOLLOW_UP =
  /(刚才|刚刚|之前|头先|上面)(我)?(说|讲|提|发|写|填|报)(的|过|咗)(那个|嗰个|个)?(地址|位置|地点|电话|号码|名字|小区|门牌|楼栋)|(手机|电话)(没电|冇电|关机)|\b(the )?(address|location|number|phone number) i (gave|sent|mentioned|wrote)\b|\bmy phone (died|was dead|ran out of battery|was off)\b/;
const FOLLOW_UP_EVENT = /打|救|血|火|烟|跳|死|刀|晕|困|摔|跌|倒|哭|怕|快来|\b(help|hit|hurt|kill|fire|smoke|blood|knife|die|dying|jump|fell|scared|hurry|come quick)\b/;

// Violence told as over, with the writer safe now ("my ex used to beat me. i moved out last year and im safe now"):
// the second stage alone (0.55) had sent the 110 reply. It stays a concern: the office reads it, the lines are given.
const SAFE_NOW_SAID = /\b(i'?m|im|i am|we'?re|we are) (safe|ok|okay|fine) now\b|(现在|而家|已经)(很|好|都)?(安全|没事|冇事)(了|喇|啦)?/;

// A business gone with the customers' money ("gym closed suddenly, paid 5000 … now only a note on the door"): the note
// on the door had read as a farewell note to the model alone (0.71). A consumer complaint, for market regulation.
const BUSINESS_GONE =
  /(健身房|健身|门店|店铺|店|公司|机构|培训|工作室|美容院|理发店|会所|\b(gym|shop|store|salon|studio|school|company|agency|club|spa|centre|center)\b).{0,40}(跑路|倒闭|关门|人去楼空|失联|\b(closed|shut( down)?|gone|ran away|run away|disappeared|vanished)\b)/;
const PREPAID = /会员|预付|充值|办卡|学费|押金|退款|退钱|\b(membership|member|prepaid|paid|deposit|fees?|refund|voucher|card|package)\b/;
// A dog off the lead told as a nuisance ("條村啲狗冇人拖住周圍走，前日有隻大狗追咗我個仔"): read as suicide (0.80) by the
// model alone. A bite that bleeds, or a child taken to hospital, stands aside.
const LOOSE_DOG =
  /(狗|犬).{0,16}(没人拖|冇人拖|没拴|不拴|不牵|没牵|唔拖|冇拖|没有绳|冇绳|乱跑|周围走|周围跑|追)|\bdogs?\b.{0,40}\b(off (the )?lead|without (a )?leash|no leash|unleashed|running loose|chased|chasing)\b/;

// A child's tantrum over a phone or a game ("个仔玩手机玩到半夜 劝佢两句就发脾气摔嘢", model alone 0.47): a parenting matter
// for the youth service, not violence. A knife or anyone hurt stands aside.
const TANTRUM = /(儿子|女儿|孩子|小孩|细路|仔|女)[^。!?]{0,30}(发脾气|发火|发癫|闹脾气)|(劝|哄|说)(他|她|佢)[^。!?]{0,6}(发脾气|发火)|\b(son|daughter|kid|child|teen(ager)?)\b.{0,40}\b(tantrum|throws? (things|stuff)|temper)\b/;
// Ordinary complaints the model alone read as danger in a blind probe: a car towed ("架车…俾人拖走咗…要俾500先攞得返",
// 0.91 suicide), food that made someone ill and is over (食完肚痛咗两日, the shop denies it), a relative's death told
// for the estate ("my dad died, my brother changed the locks… no will"). None is danger now; anyone hurt stands aside.
// Within one sentence: "下面车很多。拆迁的事拖了六年" (a person outside a bridge railing) had matched across the full stop.
const TOWED = /拖(走|咗|了)(我的|我嘅)?(车|車)|(车|車)[^。!?.,，]{0,12}(俾人|被)?拖(走|咗|了)|拖车费|\b(towed|clamped|tow truck|impounded)\b/;
const FOOD_ILL = /(食完|吃完|吃了|食咗|\bate\b|after eating).{0,24}(肚痛|肚子痛|肚子疼|肚疼|拉肚|腹泻|呕|吐|\b(diarrh\w*|vomit\w*|sick|stomach)\b)|(过期|過期|变质|變質|不新鲜|唔新鮮|\bexpired\b).{0,30}(肚痛|肚子痛|肚子疼|肚疼|拉肚|\b(sick|stomach|diarrh\w*)\b)/;
// What makes a meal an emergency now: poison, not standing, not waking, vomiting that goes on.
const FOOD_ACUTE = /毒(蘑菇|菌)|中毒|站不起来|站唔起|起不来|起唔到|一直(吐|呕)|不停(吐|呕)|叫不醒|叫唔醒|昏|晕|抽筋|\b((is|are|keeps?|still) (vomiting|throwing up)|can'?t (stand|get up|breathe)|poison\w*|mushrooms?|unconscious|faint\w*|seizure)\b/;
const ESTATE = /(过世|過世|去世|死(了|咗)|\b(died|passed away)\b).{0,60}(遗嘱|遺囑|遗产|遺產|房子|层楼|層樓|换锁|換鎖|\b(will|estate|inherit\w*|flat|apartment|house|locks?)\b)/;
// Documents kept by an employer ("老細攞咗我哋嘅passport…唔俾返") are the police's and the labour bureau's; the office reads
// it as a concern (it can be how forced labour starts), not a 110 call with nothing happening now.
const DOCUMENTS_KEPT = /(护照|護照|身份证|身份證|证件|證件|\bpassports?\b).{0,20}(扣|攞咗|拿走|收走|不还|唔俾返|不给|唔畀|\b(keep|kept|keeps|took|holds?|withh[oe]ld)\b)|(扣|攞咗|拿走|收走|\b(kept|took|holds?|withh[oe]ld)\b).{0,20}(护照|護照|身份证|身份證|证件|證件|\bpassports?\b)/;
const FAREWELL_WORDS = /再见|永别|遗书|对不起|原谅|最后|来世|下辈子|\b(goodbye|bye|farewell|forgive|sorry|last|note (for|to) (my|the|you)|letter (for|to) my)\b/;

// Shared by both guards below: the same readings drop the model's lone alarm and its lone note.
// Going up there tonight, or letters left behind, is a plan, not a home: "ive written the letters… tonight after my shift
// im going up to the top floor of the car park" (model 1.00) had been dropped as the roof where one lives.
const HEIGHT_PLAN = /今晚|今夜|等下|待会|一会儿|(上|爬)(去|到)|遗书|信(已经)?写好|\b(tonight|going up|go up|heading up|letters?|note)\b/;
const heightAsPlace = (text: string): boolean => HEIGHT_AS_PLACE.test(text) && !HEIGHT_EVENT.test(text.replace(WATER_DAMAGE, ' ')) && !HEIGHT_PLAN.test(text) && !FAREWELL_WORDS.test(text);
const followUpOnly = (text: string): boolean => FOLLOW_UP.test(text) && !FOLLOW_UP_EVENT.test(text.replace(FOLLOW_UP, ' '));
const leakOnly = (text: string): boolean => LEAK.test(text) && !LEAK_DANGER.test(text);
// Cigarette ends thrown down from upstairs that burn the washing, a crossing light too short for the old: nuisances and
// road safety for a department, read as danger to a child or an elder by the model alone (0.75, 0.09 with a note).
const BUTTS_THROWN = /(烟头|烟蒂)[^。!?]{0,12}(丢|扔|掉|抛|弹)|(丢|扔|抛|弹)[^。!?]{0,6}(烟头|烟蒂)|\bcigarette (butts?|ends?)\b/;
// Something that may fall one day (flowerpots outside the railing, an air-conditioner, a sign): a hazard to report.
const FALLING_HAZARD = /(花盆|盆花|盆栽|杂物|空调|外机|广告牌|招牌|玻璃|窗户|瓷砖|外墙)[^。!?]{0,30}(会|可能|容易|随时|迟早)[^。!?]{0,4}(掉|跌|砸|坠|甩)|\b(flower ?pots?|air[- ]?con\w*|sign|tiles?)\b.{0,40}\b(could|might|may|will) (fall|drop|come down)\b/;
const CROSSING_TOO_SHORT = /(红绿灯|绿灯|人行灯|\b(green|pedestrian|traffic) light\b|\bcrossing\b)[^。!?]{0,30}(太短|时间短|过不完|来不及|\btoo short\b|\bnot enough time\b|\bcan'?t (make it|get) across\b)/;
// Complaints the model alone read as danger in the twelfth session's probes: a phone scam told to get the money back
// ("pretending to be from the bank… lost 12k", 0.80 suicide), an unlicensed dentist and the infection a friend got (0.50
// flood), officers who smashed a hawker's stall (0.39 child_elder: "she was crying"), trees cut and a hillside fenced for a
// warehouse (斬晒啲樹, 0.70 collapse). Someone beaten, or anyone hurt, stands aside.
const SCAM_TOLD = /冒充[^。!?]{0,12}(银行|客服|公检法|警察|公安|快递)|被(人)?骗|诈骗|詐騙|骗(了|咗)(我)?[^。!?]{0,6}(钱|万|蚊|块)|安全账户|(告诉|给|報|报)(了)?(他|她|对方|佢)(的)?验证码|\b(scam(med|mers?)?|fraud(sters?)?|pretending to be (from )?(the )?(bank|police|customs|courier)|fake (bank|police|officer|customer service) call|card (is|was|has been|got) (frozen|blocked)|(told|gave) (him|her|them) (the |my )?(code|verification code|otp|pin)|safe account)\b/;
// What keeps a scam victim's message with the model: words of death, a height, a knife.
const SCAM_DANGER = /死|跳|刀|药|藥|\b(die|dying|dead|kill|jump|knife|pills|suicid\w*|end (it|my life)|live anymore)\b/;
const ILLEGAL_PRACTICE = /无证(行医|诊所|牙医)|無證(行醫|診所|牙醫)|黑诊所|黑診所|黑牙医|\b(unlicen[sc]ed|illegal|fake) (dentist|doctor|clinic|beauty clinic)\b/;
const OFFICERS_SEIZED = /(城管|执法|保安|\b(chengguan|officers?|inspectors?|guards?)\b)[^。!?]{0,20}(砸|没收|掀|踢翻|推翻|收走|\b(smashed|seized|confiscated|took away|overturned|kicked over)\b)[^。!?]{0,20}(摊|档|車|车|货|秤|\b(stall|cart|goods|stand|scales?)\b)/;
const BEATEN = /打(了|咗)?(她|他|人|佢)|\b(beat|beating|hit|punch\w*|kick(ed|ing)? (her|him))\b/;
// A hillside that slid or buried someone after the felling is the danger, not the complaint.
const SLIDE = /塌|倒|压|困|埋|\b(collaps\w*|trapped|buried|landslide)\b/;
const LAND_CLEARED = /(砍|斩|斬|伐)(了|咗|光|晒|掉)?[^。!?]{0,6}(树|樹)|(树|樹)[^。!?]{0,6}(被)?(砍|斩|斬)(光|晒|掉|了|咗)|(圈|圍|围)(咗|了)?(块|塊)?地|\b(cut|chopped) down\b.{0,20}\btrees?\b|\btrees?\b.{0,20}\b(cut|chopped) down\b/;
// Hazards told to a department (twelfth session, a blind probe of ordinary petitions): e-bikes charged in a corridor and the fire feared
// ("我担心着火，跟物业说了没用"), a house declared dangerous and the compensation for its demolition, a hole in the road to fill,
// the police line that did not answer about something that ended. The model alone had noted each as distress.
const FIRE_FEARED = /(担心|怕|惊|驚|害怕|就怕|恐怕)[^。!?]{0,8}(着火|著火|起火|失火|火灾|火災|爆炸)|飞线充电|(楼道|走廊|楼梯|樓梯|梯间)[^。!?]{0,8}(充电|叉电)|\b(worried|afraid|scared) (about|of) (a )?fire\b|\bfire (risk|hazard)\b|\bcharg\w* e-?bikes?\b/;
const UNSAFE_HOUSE = /(危房|危楼|危樓|\b(declared|deemed|classified as|assessed as) (dangerous|unsafe)\b)[^]{0,40}(拆|补偿|補償|赔偿|賠償|\b(demolish\w*|compensation)\b)/;
const ROAD_HOLE = /(路|路面|马路|人行道|路口|门口)[^。!?]{0,10}(大坑|坑洞|窟窿|井盖|井蓋|烂洞)|\b(hole|pothole|manhole|sinkhole)\b.{0,20}\b(road|street|pavement|sidewalk)\b.{0,100}\b(fill|fix|repair|cover)\b/;
const POLICE_UNANSWERED =
  /(110|报警电话|派出所(的)?电话|警察)[^。!?]{0,16}(没人接|冇人听|冇人聽|无人接听|打不通)[^]{0,60}((后来|之后)?(自己)?(散了|走了|停了|没事了)|只(是|係|系)(要|想)问|(车|車)[^。!?]{0,6}(被|俾人)?(刮|划|砸|撞|爆|偷))|\bpolice\b.{0,60}\b(no one|nobody) (answered|answers|picked up)\b.{0,60}\b(ended|stopped|went away|was over|just (wanted|want) to ask|ran off|my (car|bike|scooter))\b/;
// A funeral home's charges, a death by drowning years ago at a pond that still has no fence: matters for a department.
const FUNERAL_FEES = /(殡仪馆|殯儀館|丧事|喪事|火化|墓地|骨灰|\b(funeral (home|parlou?r)|cremation|cemetery)\b)[^]{0,30}(加价|收费|收費|费|費|钱|錢|价|價|\b(charges?|fees?|price|cost|pay)\b)/;
const DROWNED_BEFORE = /(淹死|溺死|溺亡|浸死)(过|過)人|(去年|以前|之前|上年|旧年|舊年|前年)[^。!?]{0,10}(淹死|溺死|溺亡|浸死)|\bdrowned (there )?(last (year|summer|month)|years? ago|before)\b/;
const ordinaryComplaint = (text: string): boolean =>
  FUNERAL_FEES.test(text) || DROWNED_BEFORE.test(text) || FIRE_FEARED.test(text) || UNSAFE_HOUSE.test(text) || ROAD_HOLE.test(text) || POLICE_UNANSWERED.test(text) || TOWED.test(text) || (FOOD_ILL.test(text) && !FOOD_ACUTE.test(text)) || ESTATE.test(text) || BUTTS_THROWN.test(text) || CROSSING_TOO_SHORT.test(text) || FALLING_HAZARD.test(text) ||
  SCAM_TOLD.test(text) || ILLEGAL_PRACTICE.test(text) || (OFFICERS_SEIZED.test(text) && !BEATEN.test(text)) || (LAND_CLEARED.test(text) && !SLIDE.test(text));

export interface ModelAlarmGuard {
  /** none: not even a concern; concern: the lines and a note, not the 110/120 reply. */
  level: 'none' | 'concern';
  cues: string[];
}

/**
 * One guard on the model's lone alarm: when `applies`, the alarm becomes `level`. A `none` guard never applies when a
 * rule or cue already said concern (the message is never made `none` then); a `concern` guard always may.
 */
interface AlarmGuard {
  cue: string;
  level: 'none' | 'concern';
  applies: (text: string) => boolean;
  /** Cues the office card shows beside the guard's own. */
  alsoCues?: readonly string[];
}

const notHurt = (text: string): boolean => !HURT.test(text);
// A knife named anywhere keeps the model's alarm on a family complaint (a tantrum, a son shut away, a drinker's habit).
const KNIFE = /刀|\bknife\b/;
const BULLIED = /(被|俾|畀|让|给)[^。!?]{0,8}(同学|人|几个|高年级|班上)[^。!?]{0,10}(欺负|霸凌|杯葛|孤立|排挤|勒索|要钱|嘲笑|取笑|拍(视频|片))|霸凌|\b(bull(y|ied|ies|ying)|mock(ed|ing|s)?|picked on)\b/;
// A knife-sharpening stall and a parent asking which clinic is open tonight for a fever: the model alone had noted them.
const KNIFE_TRADE = /磨刀|磨铰剪|磨剪刀|\bknife[- ]sharpen\w*|\bsharpen(s|ing)? knives\b/;
const CLINIC_ASKED = /(发烧|发热|烧到|\bfever\b)[^。!?]{0,160}(哪|边间|边度|\b(which|where)\b)[^。!?]{0,24}(医院|诊所|急诊|儿科|\b(hospital|clinic|a&e|emergency room)\b)|(医院|诊所|儿科|\b(hospital|clinic)\b)[^。!?]{0,20}(有开|开门|开到|\bopen\b)/;
// Someone who shuts himself away for months (一直躲在房間打遊戲，三個月沒出過門，跟我們也不說話, the model alone 0.54 as
// violence): withdrawal the office reads, a concern with the lines — not when self-harm is spoken of or anyone is hurt.
const WITHDRAWN = /(躲|关|關|锁|鎖|匿)(在|喺)?(自己)?(的)?房|(不|唔|没|沒|冇)(有)?(出过|出過|出)房(门|門|間|间)|(不|唔)(跟|和|同)(我们|我們|我哋|家人|我)(说话|說話|讲话|講話|讲嘢|講嘢)|\b(won'?t|doesn'?t|does not) (come out of (his|her) room|leave (his|her) room|talk to (us|anyone))\b/;
// Drunk and violent as a habit, with nothing said to happen now ("我老公飲醉就會大聲鬧人掟嘢，今晚佢冇飲，不過我日日都好驚",
// the model alone 0.56): what abuse looks like told between the episodes — a concern with the protection lines.
const DRUNK_HABIT = /(饮醉|喝醉|醉酒|饮酒|喝酒|喝了酒|饮咗酒|飲醉|飲酒)[^。!?]{0,4}(就|便)(会|會)|\b(when|whenever|every time) (he|she)('s| is| gets?) drunk\b/;
const HAPPENING = /而家|宜家|依家|现在|正在|刚才|刚刚|頭先|头先|又(饮|喝|飲)(醉|咗|了)|又(在|喺)(打|砸|摔|掟)|今晚(他|佢)?(又)?(饮|喝|飲)(醉|咗|了)|\b(right now|tonight he|is drunk now|just now)\b/;
const GAME_PLAYED = /打(着|著|紧|緊)?(游戏|遊戲|机|機|篮球|籃球|羽毛球|乒乓球|网球|網球|麻将|麻將|牌|波)|玩(游戏|遊戲|手机|手機)|\bplaying (video games|computer games|games|basketball|football|mahjong|cards)\b/;
const POINTLESS_DAILY = /\b(don'?t|do not|can'?t) see the point (in|of) (cooking|cleaning|eating|getting up|getting dressed|going out|going to work|doing anything|anything)\b|(没心思|没有心思|没心机|没有心机|提不起劲)(做饭|煮饭|吃饭|上班|出门|做事|打扫)/;
const PLAN_OR_MEANS = /今晚|明天|遗书|安眠药|农药|烧炭|跳|去陪|(一起|一齐)(走|死)|(跟|同)(他|她|佢)(一起|一齐)?走|\b(tonight|tomorrow|pills|rope|jump|bridge|roof|goodbye|join (her|him)|end it|kill|overdose)\b/;
const SCARS = /疤|结痂|伤痕|旧伤|\b(scars?|scabs?|healed (cuts|wounds))\b/;
const FRESH_WOUND = /流血|出血|血流|刚(刚|才)?(割|划|鎅)|正在(割|划)|今晚|而家(割|鎅)|\b(bleeding|fresh (cuts?|wounds?)|just (cut|did it)|tonight|right now)\b/;
const RENT_HARDSHIP = /(交|付|俾|畀)(不|唔)起(房)?租|(没|冇)钱(交|付)(房)?租|租(金)?(都)?(交|付)不起|\b(can'?t|cannot|unable to) (afford|pay) (the |my |our )?rent\b/;
const PANIC = /透不(到|过)气|喘不过气|心跳(好|很|得很|得好)快|手(震|抖)|以为自己(就|快|要)(来|要)?(死|不行)|\b(panic|heart (was )?racing|couldn'?t breathe|thought i was (dying|going to die))\b/;
const EPISODE_OVER = /(坐|休息|躺|下车|出来)(了|咗)?(一阵|一下|一会)?(后|之后)?(先|就|才)?(好(回|返|翻|一点|多了|了))|慢慢(好了|平复)|\b(passed|calmed down|felt better|it stopped)\b/;
// Suicide named in words: a sport jump told beside it is not guarded (ENDS_SELF would read the jump itself).
const SUICIDE_SAID = /自杀|轻生|\b(kill myself|suicid\w*|end (it all|my life))\b/;
const SPORT_JUMP = /蹦极|跳伞|跳舞|跳绳|跳远|跳高|跳水比赛|\b(dancing|skipping rope|long jump|high jump|bungee|skydiv\w*|parachut\w*|paraglid\w*|cliff div\w*|diving board|trampoline)\b/;
const COLLAPSE_FEARED = /(惊|怕|担心|害怕|就怕|恐怕)[^。!?]{0,8}(冧|塌|倒|掉下来|跌落嚟)|\b(afraid|worried|scared|fear)\b.{0,30}\b(collapse|fall down|come down)\b/;
// Feared for "one day" (驚佢有日冧): a crack that is there is the hazard, not a fall happening — only falling, trapping or opening now stands aside.
const SOMEDAY = /有日|有一天|哪天|哪一天|迟早|遲早|早晚|\b(one day|someday|sooner or later)\b/;
const COLLAPSE_HAPPENING = /正在[^。!?]{0,6}(冧|塌|裂|倒)|(冧|塌|倒)(了|咗|紧|緊)|开始(冧|塌|倒|裂)|越来越(大|阔|闊|宽)|压(住|到|咗)人|困(住|在)|\b(is collapsing|collapsed|cracking now|trapped|under it)\b/;
const collapseFeared = (t: string): boolean => COLLAPSE_FEARED.test(t) && (!COLLAPSE_NOW.test(t) || (SOMEDAY.test(t) && !COLLAPSE_HAPPENING.test(t.replace(COLLAPSE_FEARED, ' ')))) && notHurt(t);
const COLLAPSE_NOW = /(已经|正在|而家|现在|刚刚|刚才)[^。!?]{0,6}(冧|塌|裂|倒)|压(住|到|咗)人|困(住|在)|\b(is collapsing|collapsed|cracking now|trapped|under it)\b/;
const DEATH_TOLD = /死(了|咗)|过世|去世|\b(died|passed away)\b/g;

// Ordinary petitions told with a now (twelfth session, a probe of ordinary petitions told with a now): the lift out of order again and an
// old mother who cannot get down to her doctor (0.96 / 0.98, read as an elder in danger), medicine that is running out or
// out of stock (0.70, read as an overdose), a car window smashed while the police line rang out (0.88, read as a fire),
// knives sold on the pavement (0.72, violence), drilling next door "still going right now" (0.79, violence). Anyone trapped
// inside, hurt, not answering or fallen, an amount swallowed, a threat or a scream stands aside.
// Any other danger told beside the complaint (smoke and an alarm while the lift stopped, ce-0180) keeps the model's alarm.
const OTHER_DANGER = /烟|煙|火|警报|警報|(水|浸|淹)[^。!?]{0,4}(涨|漲|到|入|进|進)|塌|冧|晕|暈|昏|血|救|困|跳|死|挤|擠|逃|\b(smoke|fire|alarm|flood\w*|collaps\w*|faint\w*|blood|help|trapped|jump\w*|die|dying|dead|crush\w*|stampede|escape)\b/;
// Blood pressure and blood sugar are a patient's numbers, not bleeding.
const otherDanger = (t: string): boolean => OTHER_DANGER.test(t.replace(/血(压|壓|糖|脂)|\b(high )?blood (pressure|sugar|tests?)\b/g, ' '));
const LIFT_OUT = /(电梯|𨋢|升降机|升降機)[^。!?]{0,10}(坏|壞|停(了|咗|用|运)|维修|維修|故障|用不了|唔用得)|\b(lifts?|elevators?)\b.{0,30}\b(broken|out of order|not working|(is|are|been) down|under repair)\b/;
const TRAPPED_INSIDE = /困|关在|關在|焗|(入面|里面|裡面)(有|仲有|还有)人|\b(stuck|trapped|someone (is )?inside|people inside)\b/;
const MEDICINE_SHORT = /快(要)?(吃|食)完|快(没|冇)(了|咗)?|断货|斷貨|缺货|缺貨|(买|買|配|开|開)(不到|唔到)|冇得(开|開|买|買|配)|\b(running (low|out)|out of stock|shortage|can'?t (get|buy|find) (it|them|her|his|the|more))\b/;
const PROPERTY_DAMAGED =
  /(车|車)(窗|玻璃|身|门)?[^。!?]{0,6}(俾人|被人?)(爆|砸|刮|偷|撬|划|撞)|(贼|賊|小偷)(都|已经|已經)?(走|跑)(了|咗|掉)|\b(smashed|scratched|dented|damaged|broke into|keyed|hit) my (car|bike|scooter|e-?bike|car window|window)\b|\bmy (car|bike|scooter)\b.{0,20}\b(stolen|smashed|scratched|broken into)\b/;
const PERSON_HARMED = /打(伤|傷|人|我|她|他|佢)|刀|血|救|火|烟|煙|困|\b(hurt|hit me|knife|blood|fire|smoke|help|attack\w*)\b/;
const KNIFE_SOLD = /(卖|賣|摆|擺)[^。!?]{0,8}(刀|管制刀具)|刀(具)?(摊|攤|档|檔)|\bsell(s|ing)? (big )?(knives|machetes|blades|swords)\b|\b(knives|machetes) (for sale|stall)\b/;
const THREAT = /杀|殺|砍|斩|斬|捅|威胁|威脅|追|挥|揮|舞|\b(kill|stab\w*|threat\w*|chas\w*|wav\w*|swing\w*|attack\w*)\b/;
// Read by both the alarm guard and the note guard: a car or bike damaged with no one harmed; knives for sale, no threat.
const propertyOnly = (t: string): boolean => PROPERTY_DAMAGED.test(t) && !PERSON_HARMED.test(t.replace(PROPERTY_DAMAGED, ' ')) && notHurt(t);
const knifeForSale = (t: string): boolean => KNIFE_SOLD.test(t) && !THREAT.test(t);
// The noise of works or a dog, not the site: "工地刚刚发生坍方，有一名工人被埋在沟里" (model alone 0.79) is a danger.
const WORKS_NOISE = /(装修|裝修|施工|工地|地盘|地盤)[^。!?]{0,12}(声|聲|噪音|吵|嘈)|电钻|電鑽|打钻|打鑽|打桩|打樁|钻墙|鑽牆|狗(叫|吠)|卡拉ok|\b(drilling|piling|barking|karaoke|(renovation|construction|building) noise)\b/i;
const CRY_OR_BLOW = /救命|尖叫|哭|喊救|打(人|我|她|他|佢)|刀|塌|冧|坍|埋|压|壓|困|跌|掉|摔|\b(scream\w*|help|cry\w*|hit(ting)? (me|her|him)|knife|collaps\w*|buried|trapped|fell|fallen)\b/;

// An elder living alone told as a fact, with nothing happening ("我媽媽一個人住，今年85歲", a detail in a story about care):
// the model alone (0.66) had sent it the 110/119/120 reply. A concern, so the office reads it; a fall, no answer, a smell,
// smoke or anyone hurt keeps the alarm.
const ELDER_ALONE =
  /(妈|媽|爸|父亲|父親|母亲|母親|老人|婆婆|公公|奶奶|爷爷|爺爺|外婆|外公|老豆|阿妈|阿媽|阿爸|长者|長者|老伴)[^。!?]{0,6}(一个人|一個人|独自|獨自|自己)(住|生活|喺屋企|在家)|独居|獨居|\b(lives|living) (on (his|her) own|alone|by (him|her)self)\b/;
const ELDER_EVENT =
  /倒|跌|摔|晕|暈|昏|不应|唔应|唔應|冇反应|冇反應|没反应|沒反應|联系不上|聯繫不上|打不通|冇人听|冇人聽|没人接|沒人接|不接|唔接|气味|氣味|臭|烟|煙|煤气|煤氣|燃气|燃氣|血|痛|疼|喘|救|今晚|而家|现在|現在|堆|敲|几天|幾天|电话|電話|没人听|沒人聽|没人应|沒人應|冇人應|冇人应|没出门|冇出门|冇出門|没见|冇见|冇見|\b(piled|piling|knock\w*|days|haven'?t seen|call\w*|phone\w*|fell|fallen|fall|collapsed|not answering|no answer|can'?t reach|smell|smoke|gas|unconscious|not responding|hasn'?t (answered|picked up)|hurt|pain|bleeding|now|tonight)\b/;

// Only the bare fact, said in a line (English takes about twice the characters): a longer message tells what is wrong
// (milk piled up for days, weak knocking), and the model reads that better than a list could.
const ELDER_FACT_CHARS = 30;

/** In order: the first that applies decides. */
const ALARM_GUARDS: readonly AlarmGuard[] = [
  // Saying the danger has passed, after the emergency reply ("我冷静下来了" 0.75, "我已经从楼顶下来了" 0.99, "我现在安全了"):
  // the numbers again and a second urgent alert had followed, and the matter kept from that message was never offered.
  // Still a concern: the office hears of it, and the lines are there.
  { cue: 'safe_now_not_danger', level: 'concern', applies: saysSafeNow },
  // Sleeplessness is distress, not danger now: no line of the corpus, the eval set or the second probe that
  // mentions it is immediate (8 concern, 6 none), yet the model alone read "我已经失眠好几天了" as suicide (0.57)
  // and a night-piling complaint ending "失眠好几天了" got the 110/120 reply, its request dropped.
  { cue: 'sleepless_not_danger', level: 'concern', applies: (t) => SLEEPLESS.test(t) },
  // "I am at the end of my rope" is exhaustion, not a rope (the model alone 0.41 on a carer's message): a concern,
  // unless the same message speaks of ending one's life.
  { cue: 'idiom_not_danger', level: 'concern', applies: (t) => ROPE_IDIOM.test(t) && !ENDS_SELF.test(t.replace(ROPE_IDIOM, ' ')) },
  // The roof or top floor as where one lives or what the complaint is about (我住在顶楼, 天台漏水, 在天台晒衣服,
  // 天台乘凉被投诉): the model, which learned 天台 / 楼顶 from people standing there, had sent "我住在顶楼" and
  // "我家住在顶楼，天台漏水" the 110/120 reply. Not when something happens up there or below, or the writer is
  // up there now; nor a concern: a leaking roof is not distress.
  { cue: 'height_as_place_not_danger', level: 'none', applies: heightAsPlace },
  { cue: 'follow_up_detail_not_danger', level: 'none', applies: followUpOnly },
  { cue: 'over_and_safe_not_danger', level: 'concern', applies: (t) => SAFE_NOW_SAID.test(t) && TOLD_AS_PAST.test(t) },
  { cue: 'leak_not_danger', level: 'none', applies: (t) => leakOnly(t) && !FOLLOW_UP_EVENT.test(t.replace(LEAK, ' ')) },
  // A pet at the vet or one that died ("my dog ate a sock, the vet removed it and he is fine now", 0.41).
  { cue: 'pet_not_danger', level: 'none', applies: (t) => PET_DIED.test(t) && notHurt(t) },
  {
    cue: 'ordinary_complaint_not_danger',
    level: 'none',
    applies: (t) => ordinaryComplaint(t) && notHurt(t) && !FAREWELL_WORDS.test(t) && !FOLLOW_UP_EVENT.test(t.replace(DEATH_TOLD, ' ').replace(/吐|呕/g, ' ')),
  },
  { cue: 'lift_out_not_danger', level: 'none', applies: (t) => LIFT_OUT.test(t) && !TRAPPED_INSIDE.test(t) && notHurt(t.replace(LIFT_OUT, ' ')) && !ACUTE.test(t) && !otherDanger(t) },
  { cue: 'medicine_short_not_danger', level: 'none', applies: (t) => MEDICINE.test(t) && MEDICINE_SHORT.test(t) && !AMOUNT_OR_DEATH.test(t) && notHurt(t) && !ACUTE.test(t) && !otherDanger(t) },
  { cue: 'property_damaged_not_danger', level: 'none', applies: propertyOnly },
  { cue: 'knife_sold_not_danger', level: 'none', applies: (t) => knifeForSale(t) && notHurt(t) && !otherDanger(t) },
  { cue: 'works_noise_not_danger', level: 'none', applies: (t) => WORKS_NOISE.test(t) && !CRY_OR_BLOW.test(t) && notHurt(t) && !kindHasWords('suicide', t) && !otherDanger(t) },
  { cue: 'documents_kept_not_danger', level: 'concern', applies: (t) => DOCUMENTS_KEPT.test(t) && notHurt(t) },
  { cue: 'elder_alone_not_danger', level: 'concern', applies: (t) => t.length <= (/\p{Script=Han}/u.test(t) ? ELDER_FACT_CHARS : ELDER_FACT_CHARS * 2) && ELDER_ALONE.test(t) && !ELDER_EVENT.test(t) && notHurt(t) && !FAREWELL_WORDS.test(t) },
  // A scam told to get the money back asks for help finding them, which the ordinary-complaint guard reads as a cry for help.
  { cue: 'scam_told_not_danger', level: 'none', applies: (t) => SCAM_TOLD.test(t) && notHurt(t) && !FAREWELL_WORDS.test(t) && !SCAM_DANGER.test(t) },
  { cue: 'tantrum_not_danger', level: 'none', applies: (t) => TANTRUM.test(t) && notHurt(t) && !KNIFE.test(t) },
  {
    cue: 'business_gone_not_danger',
    level: 'none',
    applies: (t) => BUSINESS_GONE.test(t) && PREPAID.test(t) && !FOLLOW_UP_EVENT.test(t) && !FAREWELL_WORDS.test(t),
  },
  { cue: 'loose_dog_not_danger', level: 'none', applies: (t) => LOOSE_DOG.test(t) && notHurt(t) },
  { cue: 'fumes_not_danger', level: 'none', applies: (t) => FUMES.test(t) && !FUMES_EVENT.test(t) },
  { cue: 'trapped_over_not_danger', level: 'none', applies: (t) => TRAPPED_FOR.test(t) && !STILL_NOW.test(t) },
  { cue: 'school_discipline_not_danger', level: 'concern', applies: (t) => SCHOOL.test(t) && DISCIPLINE.test(t) && notHurt(t) },
  // search, not test: the pattern is global (for the replace), and test would carry its lastIndex between messages.
  {
    cue: 'ends_with_someone_not_danger',
    level: 'none',
    applies: (t) => t.search(ENDS_WITH_SOMEONE) >= 0 && !ENDS_SELF.test(t.replace(ENDS_WITH_SOMEONE, ' ')),
  },
  // A child bullied and refusing school ("kids in his class keep mocking him… now he refuses to go to school", the model
  // alone 0.40 / 0.63 as suicide): the child_bullied cue makes it a concern; without self-harm words it is no 110 call.
  { cue: 'bullying_not_danger', level: 'concern', applies: (t) => BULLIED.test(t) && !ENDS_SELF.test(t) && notHurt(t) },
  // A structure feared to fall one day ("隔籬屋喺天台搭咗間鐵皮屋租俾人，好驚佢冧落嚟", read as violence by the model alone):
  // an illegal structure for a department. Anyone under it, or a crack opening now, stands aside.
  { cue: 'collapse_feared_not_danger', level: 'none', applies: collapseFeared },
  { cue: 'withdrawn_not_danger', level: 'concern', applies: (t) => WITHDRAWN.test(t) && !kindHasWords('suicide', t) && notHurt(t) && !KNIFE.test(t) },
  // Thought of it and held back by someone (可是想到儿子还小，就舍不得), nothing made ready: the model alone had kept the alarm.
  { cue: 'held_back_not_danger', level: 'concern', applies: (t) => HELD_BACK.test(t) && !PLAN_TIMED.test(t) && notHurt(t) },
  // A game or a sport being played ("我老公现在还在打着游戏，叫他吃饭都不理", the model alone 0.85): a family complaint, not a beating.
  { cue: 'game_not_danger', level: 'none', applies: (t) => GAME_PLAYED.test(t) && notHurt(t) && !kindHasWords('suicide', t) && !KNIFE.test(t) },
  { cue: 'drunk_habit_not_danger', level: 'concern', applies: (t) => DRUNK_HABIT.test(t) && !HAPPENING.test(t) && notHurt(t) && !KNIFE.test(t) },
  // Daily life that lost its point after a loss ("my wife passed in march. i dont see the point in cooking or cleaning
  // anymore", the model alone 0.67): grief the office should read, with the lines — no plan, no means, no time. Also grief
  // told as the days since (GRIEF_NOW: "老公走咗半年，我日日都喺屋企等佢返嚟", 0.58), with no death wish or farewell in it.
  { cue: 'grief_not_danger', level: 'concern', applies: (t) => (POINTLESS_DAILY.test(t) || GRIEF_NOW.test(t)) && !PLAN_OR_MEANS.test(t) && !kindHasWords('suicide', t) && !FAREWELL_WORDS.test(t) && notHurt(t) },
  // Scars or scabs a parent found ("他大腿上有好几条结痂的伤口", "手臂有好多一条条嘅疤，热天都著长袖"): the model alone had read
  // self-harm happening now. A concern the office reads at once, with the lines; fresh blood or a cut tonight is not this.
  { cue: 'scars_not_danger', level: 'concern', applies: (t) => SCARS.test(t) && !FRESH_WOUND.test(t) },
  // Hardship told plainly ("老公走咗，我一个人带住两个细路，而家交唔起租", the model alone 1.00 as a child in danger): the
  // assistance a family needs, a concern — not with a plan, a time, means, or "together" (一起走, 一齐死).
  { cue: 'hardship_not_danger', level: 'concern', applies: (t) => RENT_HARDSHIP.test(t) && !PLAN_OR_MEANS.test(t) && !/一起|一齐|\btogether\b/.test(t) && notHurt(t) },
  // A panic episode told as over ("突然透唔到气，心跳好快…以为自己就来死，坐咗一阵先好返", the model alone 1.00 as
  // suicide): a concern with the lines, not the 110 reply.
  { cue: 'panic_over_not_danger', level: 'concern', applies: (t) => PANIC.test(t) && EPISODE_OVER.test(t) && notHurt(t) },
  // A jump for sport ("went bungee jumping off the bridge at the weekend", the model alone 0.58): no one is in danger.
  { cue: 'sport_jump_not_danger', level: 'none', applies: (t) => SPORT_JUMP.test(t) && notHurt(t) && !SUICIDE_SAID.test(t) },
  // A request for care (上门陪聊, someone to visit weekly, 请不起工人) for someone whose state is lasting (独居,
  // 痴呆, 瘫痪, lives alone), with nothing acute in it, is the 信访外 need the service exists for: the model alone
  // had sent "需要社工上门陪我爸聊天 他一个人住在南山" the 110 reply, and the request was dropped. It stays a concern.
  { cue: 'care_request_not_danger', level: 'concern', applies: (t) => CARE_REQUEST.test(t) && LASTING.test(t) && !ACUTE.test(t), alsoCues: ['model_only_below_bar'] },
];

/**
 * Which guard turns the model's lone alarm into a concern or nothing, or null. `concernAlready`: a rule or cue said
 * concern, so the message is never made `none`.
 */
export function modelAlarmGuard(text: string, concernAlready: boolean): ModelAlarmGuard | null {
  for (const g of ALARM_GUARDS) {
    if (concernAlready && g.level === 'none') continue;
    if (!g.applies(text)) continue;
    return { level: g.level, cues: [g.cue, ...(g.alsoCues ?? [])] };
  }
  return null;
}

// What the crisis model alone reads as a concern in an ordinary question or complaint, and nothing said in words backs:
// a medicine question ("Can I take ibuprofen with my blood pressure pills?", 我妈的血压药吃完了 处方要去哪里重开), a figure
// of anger (我快被他气死了) or a pet that died last year and a new one to register — each had sent the resident the crisis
// lines and the office a note. An amount, a death wish or an overdose word keeps the note.
const MEDICINE = /药|处方|\b(medicine|medication|pills?|tablets?|prescription|ibuprofen|paracetamol|panadol|aspirin|antibiotics?)\b/;
const MEDICINE_ASK = /可不可以|可唔可以|能不能|能否|可以.{0,6}(吗|么|嘛|未)|去哪|哪里|在哪|边度|怎么|点样|重开|续开|开药|配药|买药|吃完了|食完|[?？]|投诉|投訴|断货|斷貨|缺货|买不到|\b(can i|could i|is it (ok|safe)|where|how do|refill|renew|ran out|complain\w*|out of stock)\b/;
const AMOUNT_OR_DEATH = /一整瓶|一瓶|全部|很多|好多|一把|过量|超量|几十|多少.{0,4}(会|就)?(死|致命)|死|致命|自杀|\b(overdose|lethal|too many|whole (bottle|pack|box)|all (of )?(my|the|them)|how many .{0,20}(kill|die)|die|dying|kill|suicid\w*|end it)\b/;
const ANGER_FIGURE = /(气|生气|嬲|火)(到|得)(我|人)?(真系|真是|好)?想(杀人|打人|砸)|气死|烦死|累死|吵死|热死|笑死|(气|烦|吵|嘈)(到|得)(我)?(快)?(发疯|疯|爆炸|吐血)|\b(driving me (crazy|mad|nuts)|drives me (crazy|nuts)|(is|are) killing me|so annoyed|fed up|losing my mind|going to explode)\b/;
// The office's own slowness said in anger ("又係咁！！冇人理㗎", "the problem again!! nobody do anything").
const IGNORED_AGAIN = /(又|仍然|还是|都系|都是)(是|系)?(这样|咁|这个样)|\bagain\b.{0,30}\b(nobody|no one|no-one)\b.{0,12}\b(do|does|did|doing|care|cares)\b/;
// A purchase the shop will not take back or refund: a consumer complaint.
const CONSUMER = /退货|退款|退钱|换货|保修|三包|\b((take|took|taking) it back|refunds?|warranty|exchange it|return (it|the))\b/;
// A utility bill (煤气费点解贵咗咁多) or water dripping from the ceiling (浴室天花板一直在滴水, read as gas by the model).
const BILL = /(煤气|燃气|电|水|管理|物业)费|\b(gas|electricity|power|water|utility|management) (bill|fee|charge)s?\b/;
const LEAK = /滴水|漏水|渗水|\b(leak\w*|dripping|drips)\b/;
const LEAK_DANGER = /电线|插座|冒烟|火花|煤气|燃气|塌|裂|\b(wires?|socket|sparks?|smoke|gas|collaps\w*|crack\w*)\b/;
// A court case, a judgment or arbitration told as a matter (won in court, enforcement not moving).
const COURT = /法院|判决|判決|强制执行|強制執行|仲裁|起诉|起訴|\b(court|judg(e)?ment|enforcement|arbitration|lawsuit|sued?|suing)\b/;
const JOKE_SAID = /哈哈|笑死|\b(lol|lmao|haha\w*|hehe|jk|just kidding)\b/;
const PET_DIED = /(狗|猫|宠物|鹦鹉|仓鼠|\b(dog|cat|pet|puppy|kitten)\b).{0,6}(死|走|过世|去世|\b(died|passed away|passed)\b)|(狗|猫|宠物|\b(dog|cat|pet|puppy|kitten)\b).{0,60}(兽医|宠物医院|\bvets?\b)/;

/** The guard that drops the crisis model's lone concern on an ordinary message, or null. */
export function modelConcernGuard(text: string): string | null {
  if (AMOUNT_OR_DEATH.test(text.replace(PET_DIED, ' ').replace(ANGER_FIGURE, ' ').replace(DROWNED_BEFORE, ' '))) return null;
  if (MEDICINE.test(text) && MEDICINE_ASK.test(text)) return 'medicine_question_not_concern';
  if (followUpOnly(text)) return 'follow_up_detail_not_concern';
  if (heightAsPlace(text)) return 'height_as_place_not_concern';
  if (ANGER_FIGURE.test(text)) return 'figure_of_anger_not_concern';
  if (PET_DIED.test(text)) return 'pet_died_not_concern';
  if ((KNIFE_TRADE.test(text) || knifeForSale(text)) && !HURT.test(text)) return 'knife_trade_not_concern';
  if (collapseFeared(text)) return 'collapse_feared_not_concern';
  if (propertyOnly(text)) return 'property_damaged_not_concern';
  if (CLINIC_ASKED.test(text) && !HURT.test(text)) return 'clinic_question_not_concern';
  if (SPORT_JUMP.test(text) && !HURT.test(text)) return 'sport_jump_not_concern';
  if (IGNORED_AGAIN.test(text)) return 'ignored_again_not_concern';
  // A joke said as one (哈哈, lol, haha: "我老公打呼打得跟要断气一样，哈哈"): the model alone had noted it as suicide risk.
  // Not with words for a death wish beside it: "…哈哈" can close a real one.
  if (JOKE_SAID.test(text) && !kindHasWords('suicide', text)) return 'joke_not_concern';
  if (BILL.test(text)) return 'bill_not_concern';
  if (ordinaryComplaint(text) || COURT.test(text)) return 'ordinary_complaint_not_concern';
  if (leakOnly(text)) return 'leak_not_concern';
  if (CONSUMER.test(text) || (BUSINESS_GONE.test(text) && PREPAID.test(text))) return 'consumer_dispute_not_concern';
  return null;
}
