/**
 * Matters TAXONOMY.md sends to another procedure even when they are written as a petition letter (尊敬的领导…恳请…):
 * contesting a penalty imposed on the writer (administrative reconsideration or litigation), and compensation for a
 * dismissal (labour arbitration). The category model learned "letter" = petition from real letters, so "市场监管部门…对我
 * 处以罚款一万元。我认为处罚过重…" and "公司…解除劳动合同，只愿意支付一个月工资作为补偿…" were cases for the very
 * bureau that fined the writer, or for the labour bureau, instead of the channel the law gives them.
 */
import { WAGES_OWED } from './engineWords.js';

const PENALTY_ON_ME =
  /(罚了我|罰了我|罚我|罰我|对我(处以|作出|开出|開出)?(的)?(罚款|罰款|处罚|處罰|行政处罚)|對我(處以|作出)?(的)?(罰款|處罰)|对本人(处以|作出)|對本人(處以|作出)|给我开了?(罚单|罚款)|給我開了?(罰單|罰款)|(罚|罰)(了)?(我|我们|我們|本人|我的|我嘅)(店|店铺|店鋪|公司|餐馆|餐館|档口|檔口)?.{0,4}(款|元|万|萬|蚊)|\b(fined (me|us|my (shop|store|company|restaurant))|gave (me|us) a (fine|penalty)|(penalty|fine) (on|against) (me|us|my (shop|store|company)))\b)/i;
// A penalty told in the passive ("面馆门口两张桌子被执法队认定占道经营，罚款五千"): the writer's own when the writer asks
// how to contest it (不服, 复议) — someone else's fine is rarely contested in the first person.
const PENALTY_PASSIVE = /(被|给|給|俾|畀)[^。!?]{0,16}(罚款|罰款|处罚|處罰|罚了|罰了|吊销|吊銷)|(说|說|话|話)我[^。!?]{0,10}(罚|罰)(了|咗)?[0-9一二三四五六七八九十两兩百千万萬]|(罚款|罰款)[0-9一二三四五六七八九十两兩百千万萬]+(元|块|塊|蚊)?|\b(was|were|got|been) fined\b/i;
const CONTESTED_FIRMLY = /不合理|明明|冤枉|不服|复议|復議|撤销|撤銷|行政诉讼|行政訴訟|\b(appeal|contest|challenge|administrative (review|reconsideration))\b/i;
const CONTESTED =
  /不合理|明明|冤枉|太重|太多|太狠|罚得(太|过)|罰得(太|過)|(能不能|可不可以|能否|可唔可以)(减|減|少罚|少罰|免)|减免|減免|过重|過重|有误|有誤|不当|不當|不服|异议|異議|撤销|撤銷|复议|復議|申诉|申訴|不公|减轻|減輕|\b(appeal|contest|challenge|unfair|too (heavy|high|harsh)|wrong(ly)?|overturn)\b/i;
const DISMISSED =
  /(解除|终止|終止)(了|咗)?(我的|我嘅)?(劳动|勞動)?(合同|合約)|辞退|辭退|开除|開除|裁员|裁員|被炒|炒(咗|了)我|\b(laid (me )?off|dismissed|fired me|terminated my (contract|employment)|let me go)\b/i;
const COMPENSATION = /补偿|補償|赔偿|賠償|[Nn]\s*\+\s*1|\b(compensation|severance)\b/;
// Only when the writer names the procedure: a letter asking the labour bureau to make an employer pay what it owes after a
// contract ended, or complaining of a county's policy for laid-off workers, is the bureau's matter (two Teddy letters,
// labelled 劳动和社会保障, had gone to the legal channel before this condition).
const ARBITRATION = /仲裁|\barbitration\b/i;
// An arbitration already under way that drags on is a complaint about the procedure itself: a petition.
const ARBITRATION_UNDER_WAY = /(已经|已經|已|早已)(依法)?(申请|申請|提起|提出)(了)?(劳动|勞動)?仲裁|仲裁(过程|過程|程序|时间|時間)?.{0,6}(漫长|漫長|太慢|拖延|拖了|迟迟|遲遲)|\b(already (filed|applied) for arbitration|arbitration (is|has been) (taking|dragging))\b/i;

// Labour arbitration asked about by name ("can I also apply for labour arbitration?", 我想申请劳动仲裁) is the legal
// channel, never a helper: it had been read as "not a matter for a government department" and sent to mediation.
const ARBITRATION_ASKED = /(申请|申請|提起|打|去)(劳动|勞動)?仲裁|(劳动|勞動)仲裁|\b(apply|applying|go|file|filing) (for |to )?(labou?r )?arbitration\b|\blabou?r arbitration\b/i;

/** A 信访外 reading that names labour arbitration: the legal-channel reason, or null. */
export function arbitrationAsked(text: string): string | null {
  return ARBITRATION_ASKED.test(text) && !ARBITRATION_UNDER_WAY.test(text) ? 'arbitration_named' : null;
}

/**
 * A debt or a contract between private persons (TAXONOMY: civil debts and contracts go to court): money lent to a friend
 * who will not repay or cannot be reached, a partner selling the firm's assets, an IOU. Not wages (the labour bureau's)
 * nor a business's customers (a consumer matter), nor a government body or a developer owing money.
 */
const LENT =
  /借(给|俾|畀|了|咗)(了|咗)?[^。!?]{0,6}(朋友|亲戚|親戚|同事|同学|同學|老乡|老鄉|邻居|鄰居|前男友|前女友|前夫|前妻|他|她|佢)|(朋友|亲戚|親戚|同事|同学|同學|老乡|老鄉|邻居|鄰居|他|她|佢)((向|问|問|找|搵)我借|借(了|咗)?我)|借条|借條|欠条|欠條|\b(lent|loaned) (my |a |an )?(friend|cousin|colleague|relative|neighbou?r|ex|him|her)\b|\bIOU\b/i;
const NOT_REPAID =
  /找不(到|回)(他|她|人)|搵唔(到|返)(佢|人)|换(了|咗)(电话|電話|号码|號碼)|不还|不還|没还|沒還|未还|未還|冇还|冇還|唔还|唔還|联系不上|聯繫不上|聯絡不到|失联|失聯|拉黑|赖账|賴賬|跑路|不认账|不認賬|(电话|電話)(都|也)?(不|唔)(接|听|聽)|(不|唔)(接|听|聽)(我)?(的|嘅)?(电话|電話)|不回(我)?(的)?(信息|消息|微信)|\b(ignores? my (calls|messages)|won'?t (answer|pick up)|stopped answering)\b|\b(can'?t (find|reach|contact) (him|her|them)|changed (his|her) (number|phone)|won'?t (pay|repay|give)|hasn'?t (paid|repaid)|never (paid|repaid)|refuses to (pay|repay)|stopped (answering|replying)|blocked me|disappeared)\b/i;
const PARTNERSHIP = /合伙|合夥|股东|股東|\b(business partner|partnership|co-?founder|shareholder)\b/i;
const PARTNER_WRONG =
  /转走|轉走|卷走|捲走|卷款|捲款|拿走[^。!?]{0,8}(钱|錢)|私(卖|賣|吞|自)|不分(钱|錢|红|紅)|(没有|没|沒有|沒|不|冇|唔)(分|分给|分給|分俾)(给|給|俾)?(我|我们|我們)|分(钱|錢|红|紅)|退股|账目|賬目|侵占|侵佔|\b(owes? me|sold (off )?(the )?(equipment|assets|company)|kept (all )?the (money|profits)|won'?t (share|split)|cheated me)\b/i;
// A government body owing money is a petition about that body, whatever the debt.
const GOVERNMENT = /政府|街道|社区|社區/;
// A village's joint-stock company (村里股份公司分红…不公开账目) is the collective's matter, for the sub-district.
const PUBLIC_DEBTOR = new RegExp(`村(里|裡|委|集体|集體)|集体|集體|股份(合作)?公司|居委|${GOVERNMENT.source}|开发商|開發商|公司拖欠|工程款|医院|醫院|学校|學校`);

/** The legal-channel reason for a message read as a petition, or null. */
export function legalMatterOf(text: string): string | null {
  if (PENALTY_ON_ME.test(text) && CONTESTED.test(text)) return 'penalty_contested';
  if (PENALTY_PASSIVE.test(text) && CONTESTED_FIRMLY.test(text)) return 'penalty_contested';
  if (civilDebtOf(text)) return 'civil_debt';
  // Wages owed for work done are the labour bureau's (a petition), even when a dismissal is told beside them.
  if (DISMISSED.test(text) && COMPENSATION.test(text) && ARBITRATION.test(text) && !ARBITRATION_UNDER_WAY.test(text) && !WAGES_OWED.test(text)) return 'dismissal_compensation';
  return null;
}

// Suing named by the writer ("叔叔佔著老家的房子不讓我們分，我爸想打官司"): TAXONOMY sends divorce and inheritance suits to
// the legal channel, the quarrels themselves to mediation.
const SUIT_NAMED = /打官司|起诉|起訴|上法院|告上法庭|入稟|\b(sue|suing|lawsuit|take (him|her|them) to court)\b/i;
// A buyer who does not pay for goods delivered under a contract: a civil debt between businesses.
const GOODS_DEBT = /(欠|拖欠|不付|不给|不給|唔俾)[^。!?]{0,10}(货款|貨款)|(货款|貨款)[^。!?]{0,10}(没|沒|不|未|唔)(付|给|給|结|結|还|還)|\b(owes?|owed) (me|us|my company|our company)\b.{0,40}\b(goods|invoices?|delivered|contract)\b/i;
// A landlord owed rent by a tenant ("我是房东，租客已经欠了我四个月房租"): a civil debt, not the tenant's hardship it reads like.
const RENT_OWED_TO_ME = /(租客|房客|租户|租戶)[^。!?]{0,10}(欠|拖欠|没交|沒交|不交|冇交|唔交|没有交|沒有交|未交)(了|咗)?(我)?[^。!?]{0,8}(房租|租金|租)|\btenants?\b.{0,30}\b(owes?|hasn'?t paid|has not paid|stopped paying)\b.{0,20}\brent\b/i;
const CUSTODY_WANTED = /(争|爭|要|想要|申请|申請|拿到|打)(孩子的|小孩的)?(抚养权|撫養權)|\b(want|get|fight for|apply for|sole|full) (the )?custody\b/i;
const FAMILY_ESTATE = /抚养权|撫養權|遗产|遺產|遗嘱|遺囑|继承|繼承|离婚|離婚|分家|老家的房子|房产|房產|\b(inherit\w*|estate|will|divorce)\b/i;

/** A civil debt or partnership between private persons: the legal-channel reason, or null (read on 信访外 readings too). */
export function civilDebtOf(text: string): string | null {
  if (SUIT_NAMED.test(text) && FAMILY_ESTATE.test(text)) return 'suit_named';
  if (GOODS_DEBT.test(text) && !GOVERNMENT.test(text)) return 'civil_debt';
  if (RENT_OWED_TO_ME.test(text)) return 'civil_debt';
  // Custody is for a court to decide ("my ex-husband took our daughter and I want custody" had gone to family services).
  if (CUSTODY_WANTED.test(text)) return 'custody';
  return !WAGES_OWED.test(text) && !PUBLIC_DEBTOR.test(text) && ((LENT.test(text) && NOT_REPAID.test(text)) || (PARTNERSHIP.test(text) && (PARTNER_WRONG.test(text) || NOT_REPAID.test(text)))) ? 'civil_debt' : null;
}
