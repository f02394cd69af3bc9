/**
 * A short message that only asks how, where or whether (the conditions for a benefit, where to apply, what to bring,
 * the office's own deadline) and tells no grievance is a policy question, whatever the category model read: its
 * petition examples and the real letters it learned from are full of 请问… and 办理, so "想查詢高齡津貼的申領條件和辦理
 * 地點" had gone to civil affairs as a case (0.90), "does she qualify for 低保" to the legal channel, and "你哋規定
 * 幾多日內要答覆" was unclear. A refusal, a debt, a fine or anyone's failure told beside the question keeps the model's
 * reading: "学校拒绝了，请问要带什么材料去复议" is a grievance.
 */
const INFO_ASK_ZH =
  /(申领|申領|申请|申請|领取|領取|办理|辦理)(的)?(条件|條件|资格|資格|地点|地點|流程|手续|手續|时间|時間)|(到|去|喺|在)?(哪个|哪個|边个|邊個|哪些)(单位|單位|部门|部門|窗口)(办理|辦理|办|辦|申请|申請)|(带|帶|携带|攜帶|准备|準備)(什么|甚麼|咩|哪些)(证件|證件|材料|资料|資料)|需要(什么|甚麼|哪些|咩)(材料|证件|證件|条件|條件)|(几点|幾點)(开门|開門|上班|办公|辦公)|(几多|多少)(日|天|个工作日|個工作日)(之内|之內|内|內)(要)?(答复|答覆|回复|回覆|处理|處理)|(办理|辦理|答复|答覆)(时限|時限|期限)|(几耐|幾耐|多久|几多日|幾多日|多少天)(会|會)?(有)?(回复|回覆|答复|答覆|回音)|有(冇|没有|沒有)(时限|時限|期限)|有(冇|没有|沒有)(什么|甚麼|咩|哪些)?.{0,10}(补贴|補貼|津贴|津貼|补助|補助|优惠|優惠)(政策)?(可以)?(申请|申請|领|領|享受)|(委员会|委員會|办事处|辦事處|工作站|服务中心|服務中心|服务站|服務站|窗口|派出所)(喺|在)?(边|邊|哪里|哪裡|哪儿|哪|边度|邊度)|(手续|手續|材料|资料|資料)(要|应该|應該)?(去|到|在|喺)(哪|哪里|哪裡|哪儿|边度|邊度)(办|辦|交|递|遞)?|(怎么|怎麼|如何|点样|點樣)(弄|备案|備案|登记|登記|报名|報名|转学|轉學|补办|補辦|开具|開具)|(周六|周日|星期六|星期日|星期天|礼拜六|禮拜六|礼拜日|禮拜日|週六|週日|周末|週末|节假日|節假日)(有人)?((有没有|有冇|有沒有)?(上班|办公|辦公|开门|開門|开放|開放)|(有没有|有冇|有沒有)(开|開)(?![车車会會]))|(能|可以|可唔可以|可不可以)(去|到)?(现场|現場|窗口)(递|遞|交|提交)|(每个月|每個月|每月|一个月|一個月)(有|发|發|能领|能領|可以领|可以領)?多少(钱|錢)?|(要|需要|一定要)(本人|亲自|親自)(去|到场|到場|到)|有(冇|没有|沒有)(什么|甚麼|咩)?(优惠|優惠|补贴|補貼|津贴|津貼)[吗嗎？?]|(怎么|怎麼|怎样|怎樣|点样|點樣|如何)(办|辦)(张|張|一张|一張|个|個)?(卡|证|證)|(多长时间|多長時間|多久|几耐|幾耐)(内|內|之内|之內)|(积分|積分|分数|分數)[^。!?]{0,4}(是)?(怎么|怎麼|如何)(算|计算|計算)|(流程|手续|手續|程序|步骤|步驟)(是)?(怎样|怎樣|怎么样|怎麼樣|如何)|有(什么|甚麼|哪些)(要求|条件|條件)|(用不用|使不使|使唔使|需不需要|要不要|要唔要)(提前|事先)?(预约|預約|本人|带|帶)/;
const INFO_ASK_EN =
  /\b(what (documents|papers|materials|do i need to bring)|where (do|can|should) i (apply|go|register|get)|how (do|can|should) i apply|what'?s the (rule|rules|deadline|process|procedure|time limit)|what are the (rules|requirements|conditions|opening hours)|(does|do|would) (she|he|they|i|my \w+) qualify|(am i|is (she|he)|are (they|we)) eligible|where (is|'s|are) the (nearest )?(\w+ ){0,3}(office|committee|centre|center|station|bureau|window)|deadline for (your|the) office|(can|may|could) i (submit|send|write|file|make) .{0,30}\bin (english|chinese|cantonese)|(does|do|must) (it|i|the complaint) (have to|need to) be in (chinese|english)|(are|is) (you|your office|the office) open (on )?(saturdays?|sundays?|weekends?|holidays)|how (long|many days) (do|does|will) (you|your office|the office) (take|have) to (answer|reply|respond))\b/i;
const GRIEVANCE =
  /拒绝|拒絕|不给|不給|唔俾|唔畀|不让|不讓|唔准|拖欠|克扣|没人管|沒人管|冇人理|冇人管|推诿|推諉|乱收费|亂收費|欺骗|欺騙|骗|騙|罚款|罰款|被(扣|罚|罰|打|骂|罵|赶|趕|拆)|投诉|投訴|反映|不满|不滿|不合规|不合規|违规|違規|违法|違法|不合理|不公|\b(refus\w*|reject\w*|won'?t|wont|owe[sd]?|owing|cheat\w*|ignor\w*|nobody|no one|unfair|complain\w*|fined|scam\w*|stole|stolen)\b/i;
const ASKING = /[?？]|吗|嗎|呢|㗎|未|哪|怎么|怎麼|怎样|怎樣|如何|点样|點樣|边度|邊度|几时|幾時|请问|請問|想问|想問|想了解|想知道|想查询|想查詢|咨询|諮詢|\b(what|where|how|does|do|is|are|am|can)\b/i;

// How to complain is a question about the service ("can I submit a complaint in English?"), not a grievance told.
const HOW_TO_COMPLAIN = /\b(submit|file|make|write|lodge|send) (a |my |the )?complaint\b/gi;
const FILED = /(交|递|遞|提|投)(了|咗|过|過)?(个|個|一个|一個|份)?(投诉|投訴|信访|信訪|申请|申請)|\b(i )?(submitted|filed|sent) (my|a|the|mine)\b/gi;

/**
 * Longer than this, a message is a letter telling a story, not a quick question: 60 Chinese characters, or 160
 * characters of English. On the 3,937 labelled Shanghai letters (every one answered by a unit, so scored as a case) a
 * bound of 120 characters moved seven letters to inquiry, most of them questions in substance (想咨询…需要带哪些材料);
 * at 60 two, both plain questions (请告知何时申请转学？需要准备哪些资料？).
 */
const MAX_HAN = 60;
const MAX_CHARS = 160;
const tooLong = (text: string): boolean => {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 ? han > MAX_HAN : text.length > MAX_CHARS;
};

// Paying a fine in instalments or later (行政处罚法 art. 66) is a question of procedure even though 罚款 is a grievance word:
// "这一万块我一下子拿不出来，能不能分期交罚款？" had been offered counselling and a youth service.
const FINE_INSTALMENT = /(分期|延期|暂缓|暫緩|缓交|緩交)(交|缴|繳|付|支付)?(罚款|罰款)?|(罚款|罰款).{0,8}(分期|延期|暂缓|暫緩)|\b(pay (the |my |a )?fine in (instal+ments|parts)|instal+ments? for (the |my |a )?fine|(postpone|defer) (paying )?(the |my )?fine)\b/i;

// How to apply for enforcement, reconsideration or arbitration is the legal channel's to explain (TAXONOMY), with its
// legal basis and legal aid: "法院判决…他八个月一分都没还，怎么申请强制执行？" is not a policy question.
const LEGAL_PROCEDURE = /强制执行|強制執行|复议|復議|仲裁|起诉|起訴|诉讼|訴訟|判决|判決|上诉|上訴|\b(enforce(ment)?|reconsideration|arbitration|sue|lawsuit|court|appeal)\b/i;

export function isInfoQuestion(text: string): boolean {
  if (tooLong(text) || LEGAL_PROCEDURE.test(text)) return false;
  if (FINE_INSTALMENT.test(text) && ASKING.test(text)) return true;
  if (!INFO_ASK_ZH.test(text) && !INFO_ASK_EN.test(text)) return false;
  // Having filed a complaint and asking the office's deadline is a question about the process, not a new grievance.
  return ASKING.test(text) && !GRIEVANCE.test(text.replace(FILED, ' ').replace(HOW_TO_COMPLAIN, ' '));
}

/**
 * The reverse: a refusal told as what happened ("company refuse to buy social insurance for me, say HK people dont
 * need", "the school rejected him, saying points not enough", 学校唔肯收我个仔) is a grievance even when the category
 * model, which reads English through Chinese lemmas full of 申请 and 社保, took it for a question (0.80–0.96).
 * Not a question whether they may refuse ("can a landlord refuse to…", "is it legal to reject…").
 */
const REFUSAL_TOLD_EN =
  /\b(company|school|office|employer|boss|landlord|bureau|hospital|agency|registry|management|they|he|she)\b (just |simply |still |always )?(refuse[sd]?|refusing|reject(ed|s)?|won'?t|wont|denied|turned (me|us|him|her|them) (down|away))\b/i;
// A failure told the same way ("company not register me for social insurance, HR say foreigners dont need", "still no
// public school place… neighbour with same points got a place. how is this fair"): the question at the end asks for
// justice, not information.
const FAILURE_TOLD_EN =
  /\b(company|school|office|employer|boss|landlord|bureau|hospital|agency|hr|they|he|she|staff)\b (did ?n'?t|do ?n'?t|does ?n'?t|not|never|still (has|have)n'?t) (register|pay|give|enrol+|enroll|accept|return|sign|buy|let|issue|refund|reply|answer)\b|\b(how is (this|that|it) fair|is (this|that|it) fair|who (checks?|controls?|supervises?|punish\w*) (companies|compan(y|ies) like|them|this)|(said|say|says) no without)\b/i;
const REFUSAL_ASKED_EN = /\b(can|could|may|is it (legal|ok|allowed)|are they allowed|is (he|she|it) allowed)\b[^.?!]{0,40}\b(refuse|reject|deny)\b/i;
const REFUSAL_TOLD_ZH = /(公司|学校|學校|单位|單位|老板|老闆|房东|房東|医院|醫院|窗口|他们|他們|佢哋|佢)(一直|就是|硬是|都)?(拒绝|拒絕|不肯|唔肯|不给|不給|唔俾|唔畀)/;
const REFUSAL_ASKED_ZH = /(可以|可不可以|可唔可以|能不能|有没有权|有冇权|是否可以|合法吗|合唔合法).{0,12}(拒绝|拒絕|不肯|唔肯)|(拒绝|拒絕|不肯|唔肯).{0,16}(合法吗|合唔合法|可以吗|得唔得)/;

export function tellsRefusal(text: string): boolean {
  if (text.length > MAX_CHARS * 2 || isInfoQuestion(text)) return false;
  return ((REFUSAL_TOLD_EN.test(text) || FAILURE_TOLD_EN.test(text)) && !REFUSAL_ASKED_EN.test(text)) || (REFUSAL_TOLD_ZH.test(text) && !REFUSAL_ASKED_ZH.test(text));
}
