/**
 * Words the offline engine's guards read on the resident's own text (both scripts, English): what turns a 信访外
 * reading back into a public matter (a noisy site, a business's fumes, a public repair, a teacher's conduct, wages
 * owed), and what decides a department whatever the station or the noise (gambling, hawkers). Kept apart from the
 * engine so that each list is read, and grown, in one place.
 */
export const NEARBY = /附近|隔壁|隔离|对面|對面|楼下|樓下|楼上|樓上|旁边|旁邊|门口|門口|周边|周邊|\b(next to|near|nearby|opposite|downstairs|upstairs|across the (street|road))\b/i;
export const SLEEP_LOSS = /睡不着|失眠|睡不好|瞓唔着|瞓唔到|没法睡|無法入睡|\b(can'?t sleep|cannot sleep|unable to sleep|keeps? (me|us) awake)\b/i;
export const NOISE = /开(紧|着)?机|開(緊|著)?機|震(到|得)|噪音|噪声|吵|嘈|扰民|打桩|打樁|唱k|卡拉ok|轰轰|放音乐|放歌|声音(太|很|好)?大|轰隆|noise|noisy|loud/i;
export const NOISE_SOURCE = /唱k|工地|施工|打桩|打樁|地盘|地盤|工厂|工廠|厂房|機器|机器|酒吧|ktv|卡拉ok|夜宵|大排档|餐馆|饭店|商铺|店铺|广场舞|廣場舞|音响|喇叭|\b(construction|building site|site|factory|machines?|bar|club|karaoke|restaurant|shop)\b/i;

// A business or works, not a household: its fumes, noise, sewage or pavement stalls are for a department.
export const BUSINESS = /诊所|診所|工业园|工業園|工业区|工業區|厂区|廠區|餐馆|饭店|餐厅|食堂|大排档|店家|商家|商场|工场|工場|酒吧|ktv|商铺|店铺|门店|铺头|舖頭|工厂|工廠|厂房|作坊|工地|地盘|地盤|施工|打桩|打樁|仓库|物流|洗车|菜市场|麻将馆|棋牌室|\b(restaurant|bar|club|shop|store|factory|workshop|construction|warehouse|car wash|market)\b/i;
export const NUISANCE = /无证|無證|无牌|無牌|没挂牌|沒掛牌|没有牌照|沒有牌照|非法行医|非法行醫|非法经营|非法經營|\bunlicensed\b|呛|嗆|焚烧|焚燒|烧(东西|垃圾|塑料|胶|電線|电线)|燒(東西|垃圾|塑料|膠)|油烟|烟味|臭|异味|排放|排污|污水|粉尘|灰尘|占道|摆摊|赌|食物中毒|拉肚子|肚痾|肚屙|腹泻|不卫生|污糟|蟑螂|曱甴|变质|过期|退货|退款|假货|翻新|\b(smoke|fumes|smell|stink|dust|sewage|gambling)\b/i;

// Wages owed told with a wish for help ("拖咗我哋两个月粮…想揾人帮手") are the labour bureau's, not a helper's.
// In a metro station (not an estate's lift stopped by metro works nearby: a Teddy 495 letter).
export const METRO = /(地铁|地鐵|港铁|港鐵)(站|[^。!?]{0,6}(出口|站厅|站廳|站台|月台))|\b(metro|subway|mtr) (station|exit|platform)\b|\bexit [a-z]\d?\b[^.!?]{0,30}\b(metro|subway|mtr)\b/i;
export const WAGES_OWED = /拖(欠|咗|了)?.{0,12}(工资|工資|人工|粮|糧|薪水)|欠(薪|粮|糧|人工|工资|工資)|(工资|工資|人工|粮|糧)(没|冇|未|唔)(发|發|出|俾)|(没|冇|未|唔|不)(发|發|出|俾|给|給)(工资|工資|人工|粮|糧)|\b(unpaid wages?|owe[sd]? (me|us|them|the workers)( [a-z0-9]+){0,3} (wages|salary|salaries|pay)|(wages|salary) (not paid|unpaid))\b/i;
// A public or shared facility broken and the property management stalling ("lift壞咗成個月 物業話等緊零件… 點算啊").
export const BROKEN = /坏|壞|故障|失灵|失靈|停用|唔郁|\b(broken|out of order|not working|stopped working)\b/i;
export const MANAGEMENT = /物业|物業|管理处|管理處|\b(property management|management (office|company))\b/i;
export const HAWKERS = /小贩|小販|摊贩|攤販|走鬼|摆摊|擺攤|无牌|無牌|\b(hawkers?|street vendors?|vendors?|stalls)\b/i;
export const TRAFFIC_MATTER = /公交|巴士|班次|线路|線路|车站|車站|红绿灯|紅綠燈|违停|違停|停车|泊车|泊車|\b(bus|buses|route|traffic lights?|parking)\b/i;
export const GAMBLING = /聚赌|赌钱|赌博|开赌|赌档|赌场|\bgambl(e|ing)\b/i;

// Someone to come and repair or test a public facility or a utility ("路灯坏了…想找人来修一下", "屋企水壓好細，想搵人
// 上嚟睇吓") is the department's work, not a helper: the ten training lines with 想找人 are all 信访外 (找人陪诊, 找人说和),
// so the category model had sent street lights, drains and water pressure to counselling or mediation.
export const PUBLIC_FACILITY = /扶梯|升降机|升降機|路灯|路燈|街灯|街燈|下水道|渠|井盖|井蓋|沙井|自来水|自來水|水压|水壓|停水|水质|水質|公厕|公廁|公园|公園|健身器材|红绿灯|紅綠燈|路面|马路|馬路|人行道|公交站|巴士站|电梯|電梯|消防栓|垃圾站|垃圾桶|食水|饮用水|飲用水|水.{0,6}(味|臭|黄|黃|浑|渾|混浊|混濁)|\b(street ?lights?|drains?|sewers?|manholes?|tap water|water pressure|public toilets?|traffic lights?|pavement|lifts?|elevators?|escalators?)\b/i;
// A teacher's or a school's conduct (scolding pupils, corporal punishment, selling books, paid tutoring) is the
// education bureau's matter even when told through a child: "班主任经常在课堂上骂学生笨，还要家长买他指定的教辅书" had gone to
// the youth service (the category model knows 孩子 / 学生 from school-refusal and bullying lines).
export const SCHOOL_STAFF = /老师|老師|班主任|校长|校長|教师|教師|班导|班導|学校|學校|\b(teachers?|principal|head ?teacher|school)\b/i;
export const SCHOOL_CONDUCT = /(骂|罵|闹|鬧|羞辱|讽刺|諷刺|嘲笑|点名|點名)[^，。,.]{0,8}(学生|學生|孩子|小孩|细路|細路|小朋友|全班)|体罚|體罰|打学生|打學生|打手板|打手心|用尺打|用间尺打|用間尺打|罚站|罰站|罚企|罰企|罚跪|罰跪|(买|買|卖|賣|推销|推銷)(他|佢)?(指定|介绍|介紹|推荐|推薦)?(的|嘅)?(教辅|教輔|教材|辅导书|輔導書|资料|資料|练习|練習)|有偿补课|有償補課|乱收费|亂收費|收红包|收紅包|\b((make|makes|made) (the )?(kids|children|pupils|students|them|him|her) stand|stand outside (the )?class(room)?|calls? (the )?(kids|children|pupils|students) (stupid|names)|corporal punishment|hits? (the )?(kids|children|pupils|students)|(pay|paid) for (extra )?tutoring|sells? (us )?(books|materials))\b/i;
export const CARE_PERSON = /老人|长者|長者|阿婆|婆婆|伯伯|妈|媽|爸|爷爷|爺爺|奶奶|外婆|外公|独居|獨居|一个人住|一個人住|残疾|殘疾|轮椅|輪椅|行动不便|行動不便|腿脚|腿腳|孩子|小孩|细路|細路|\b(elderly|old (man|woman|lady|people)|disabled|wheelchair|mum|mom|dad|grand\w+|child|kids?)\b/i;
export const REPAIR_ASK = /(想|要|请|請|帮忙|幫手)?(找|搵)(个|個)?人(来|嚟|過來|过来|上门|上門|上嚟|上来)?.{0,2}(修|整|通|疏通|检测|檢測|验|驗|看看|睇吓|睇下|处理|處理|管管)|\b(send|get) (someone|somebody|a (worker|plumber|technician))\b.{0,20}\b(fix|repair|check|test|unblock)\b/i;
// An application to an authority that stalls or is refused ("applied for disabled parking permit 2 months ago, no answer",
// "dibao application rejected because…", 申請殘疾人專用泊車證三個月都冇回覆) is a petition about that authority, not a
// need for the disability, family or assistance service the applicant's situation names.
export const APPLICATION_STALLED =
  /(申请|申請|办理|辦理).{0,24}((三|两|兩|几|幾|[0-9]+)(个|個)?(月|星期|礼拜|禮拜|周|週)|半(个|個)?(年|月)|(一|两|兩|几|幾|[0-9]+)年|好耐|很久).{0,12}(没有|沒有|冇|未)(回复|回覆|答复|答覆|消息|下文|批)|(申请|申請).{0,16}(被)?(驳回|駁回|拒|不批|唔批|退回)|\b(applied|application|applications)\b.{0,60}\b(no (answer|reply|response|news)|nobody (picks?|answers?)|rejected|refused|denied|turned down|still waiting)\b/i;

// A gym, salon or car wash gone with its members' prepaid money ("健身房…三年卡…私教课…门店停业搬空") is a consumer
// matter for market regulation (预付卡): 私教课 had sent one to education. Tutoring and schools stay education's.
export const PREPAID_SHOP = /健身房|健身中心|健身会所|健身會所|游泳馆|游泳館|瑜伽馆|瑜伽館|美容院|美容店|美发|美髮|理发店|理髮店|发廊|髮廊|美甲|洗车|洗車|足浴|\b(gym|fitness (centre|center|club)|beauty salon|hair salon|salon|spa|car wash|yoga studio)\b/i;
export const PREPAID_LOST =
  /(预付|預付|会员|會員|充值|办卡|辦卡|(办|辦)(了|咗)?[一两兩二三四五六七八九十0-9几幾张張万萬千块塊蚊元的嘅]{1,8}卡|年卡|次卡|储值|儲值|私教|\b(membership|prepaid|top[- ]?up|annual card)\b)[^。!?]{0,60}(跑路|停业|停業|关门|關門|倒闭|倒閉|搬空|人去楼空|人去樓空|联系不上|聯繫不上|不退|拒绝退|拒絕退|\b(closed|shut|disappeared|vanished|won'?t refund|no refund)\b)|(跑路|停业|停業|关门|關門|倒闭|倒閉|搬空|人去楼空|人去樓空|\b(closed|shut down)\b)[^。!?]{0,60}(预付|預付|会员|會員|充值|办卡|辦卡|年卡|私教|\b(membership|prepaid)\b)/i;
export const SCHOOLING = /培训|培訓|补习|補習|辅导|輔導|学校|學校|幼儿园|幼兒園|早教|托管|\b(tutoring|school|kindergarten|training (centre|center|school))\b/i;

// Two households asking where to have their quarrel mediated ("楼上卫生间渗水到我家…物业说是业主之间的事…有没有地方调解")
// are the mediation committee's (TAXONOMY: leaks between neighbours), though 物业 and 小区 read as a department's matter.
// Only asked where: a letter asking the 居委 or the property management itself to 协调 or 调解 is theirs to answer (six
// Shanghai letters, answered by the street office).
export const MEDIATION_ASKED = /(有没有|有冇|哪里|哪裡|去哪|边度|邊度|找谁|找誰|搵边个|搵邊個)[^。!?]{0,16}(?<!协|協)(调解|調解)|\b(where|who) (can|could|do|should) (we|i) (go |turn )?(to )?(get |have )?(it |this )?mediat\w*|\bis there (anyone|anywhere|a place|somewhere) (to|that can|who can) mediate\b/i;
export const HOUSEHOLDS = /楼上|樓上|楼下|樓下|邻居|鄰居|对门|對門|隔壁(住户|住戶|邻居|鄰居|家)|业主之间|業主之間|两家|兩家|\b(neighbou?rs?|upstairs|downstairs|the flat above|the flat below)\b/i;

// An illegal structure on a roof or in a yard (隔籬屋喺天台加建咗個鐵皮屋租俾人住) is the planning enforcers', not a quarrel
// between neighbours to mediate, though 隔籬屋 reads as one.
export const ILLEGAL_BUILD = /加建|僭建|违建|違建|违章(建筑|搭建)|違章(建築|搭建)|乱搭|亂搭|搭建(了|咗)?[^。!?]{0,6}(铁皮|鐵皮|棚|房)|铁皮(屋|房)|鐵皮(屋|房)|\b(illegal (structure|extension|building)|built an extra (floor|room))\b/i;

// Twelfth session (blind routing probe, docs/routing-probes.md). A work injury the employer will not report, or whose
// recognition is asked for (不肯帮他报工伤, 请帮我申请工伤认定), is the labour bureau's: the hospital bills told beside it had
// sent it to health, and the assistance service's 工伤后收入中断 had taken one as hardship.
export const WORK_INJURY_CLAIM =
  /报工伤|報工傷|工伤认定|工傷認定|认定工伤|認定工傷|(申请|申請|认定为|認定為|算)工伤|工傷保險|工伤保险|工伤赔偿|工傷賠償|\b(work[- ]injury|work-related injury|injured at work|workplace injury)\b/i;
// A residence permit the resident cannot get or renew for an obstruction told (居住证快到期…去派出所办续签…来回跑了四趟,
// 房东不肯配合登记): the police's (TAXONOMY), whatever tenancy filing (housing) or job (human resources) is told beside it.
// Not 居住证明 (a certificate of residence from the 居委), nor the permit as a condition of points, settling, buying a home
// or public housing (Shanghai letters about 居住证积分 are answered by human resources, about 购房 by housing).
export const RESIDENCE_PERMIT = /(居住证|居住證|暂住证|暫住證)(?!明|积分|積分)|\bresidence permits?\b/i;
export const PERMIT_AS_CONDITION = /积分|積分|落户|落戶|购房|購房|买房|買房|公租房|人才房|\bpoints\b/i;
export const PERMIT_OBSTRUCTED =
  /不肯|唔肯|不配合|唔配合|拒绝|拒絕|不给办|不給辦|办不(了|到|下来|下來)|辦不(了|到|下來)|办唔|辦唔|(跑|走)(了|咗)[^。!?]{0,3}(趟|次|转|轉)|\b(refuses?|refused|won'?t|can'?t (get|renew)|unable to (get|renew)|rejected)\b/i;
// Safety on a building site (a hoarding fallen, no helmets, bricks dropping on the pavement) is the housing and
// construction bureau's; a street office or urban management had been chosen on 小区 or 城管 told beside it.
export const BUILDING_SITE = /工地|地盘|地盤|施工现场|施工現場|\b(building|construction) site\b/i;
export const SITE_SAFETY =
  /围板|圍板|围挡|圍擋|脚手架|腳手架|棚架|塔吊|安全帽|安全网|安全網|倒塌|坍塌|高空(坠|墜|掉)|(掉|跌)(下|落)[^。!?]{0,4}(砖|磚|钢筋|鋼筋|建材)|\b(no (proper )?fenc\w*|hoardings?|scaffold\w*|cranes?|hard hats?|helmets?|collapsed?|bricks? fell)\b/i;
// A public toilet (公共洗手间 in Hong Kong writing) broken or closed is urban management's, not the street office's (a
// toilet's smell or signs stay with the street office, as Shanghai letters are answered).
export const PUBLIC_TOILET = /公厕|公廁|公共(厕所|廁所|洗手间|洗手間|卫生间|衛生間)|\bpublic (toilets?|restrooms?|washrooms?|loos?)\b/i;
export const OUT_OF_SERVICE = /维修|維修|关闭|關閉|锁(了|住)|鎖(了|住)|没水|沒水|冇水|\b(closed|locked|repairs?)\b/i;
// A teacher's conduct told with the teacher as the doer (被老师当众羞辱, "the teacher hit him with a ruler"), or a teacher
// who scolds a pupil as stupid, or calls one so in front of the class or as a habit (班主任經常在全班面前罵我兒子蠢: Hong
// Kong 繁體 probe). "老师说我女儿笨" once, told with the child's low self-esteem, stays the youth service's.
export const TEACHER_CONDUCT =
  /(老师|老師|班主任|校长|校長|教师|教師)[^。!?，,]{0,14}(羞辱|辱骂|辱罵|体罚|體罰|掌掴|掌摑|扇(了|咗)?(他|她|佢)?(耳光|巴掌))|(老师|老師|班主任|校长|校長|教师|教師)[^。!?，,]{0,14}((骂|罵)[^。!?，,]{0,6}|(经常|經常|成日|当众|當眾|当着|當著|全班|堂上|课堂上|課堂上)[^。!?，,]{0,8}(说|說|话|話|叫)[^。!?，,]{0,6})(蠢|笨|傻|白痴|白癡|废物|廢物|低能|弱智)|\b(teacher|principal|head ?teacher)\b(?![^.!?]{0,40}\b(said|says|told|claims?)\b)[^.!?]{0,40}\b(hit|slapped|smacked|struck|beat|humiliated|insulted|shamed) (him|her|them|my|our|the|a|students|pupils|kids|children)\b/i;
// An allowance or 低保 that stopped being paid (两项补贴…三月开始就停发了) is the civil affairs bureau's, not the disability
// or assistance service the family's situation names.
export const ALLOWANCE_STOPPED =
  /(补贴|補貼|津贴|津貼|低保|救助金|抚恤金|撫恤金|\b(allowance|subsidy|dibao)\b)[^。!?]{0,16}(停发|停發|停了|断了|斷了|没(有)?发|沒(有)?發|冇发|冇發|被取消|取消了|\b(stopped|cut off|cancell?ed|suspended)\b)|(停发|停發)(了)?[^。!?]{0,6}(补贴|補貼|津贴|津貼|低保)/i;
// Food poisoning after eating out (饮茶后一家四口腹泻呕吐, "food poisoning after a hotpot place") is food safety, for market
// regulation: the hospital visited after had sent it to health.
export const FOOD_ILLNESS = /食物中毒|拉肚子|腹泻|腹瀉|肚痾|肚屙|呕吐|嘔吐|上吐下泻|上吐下瀉|\b(food poisoning|sick after eating|diarrh\w+|vomit\w*)\b/i;
export const EATERY =
  /酒楼|酒樓|餐厅|餐廳|餐馆|餐館|饭店|飯店|茶餐厅|茶餐廳|食肆|大排档|大排檔|外卖|外賣|火锅|火鍋|快餐|饮茶|飲茶|\b(restaurant|hotpot|hot pot|takeaway|canteen|food stall|eatery|diner)\b/i;
// Where an illegal structure stands on a roof: the planning enforcers', not the housing bureau's building safety.
export const ROOF = /天台|楼顶|樓頂|顶楼|頂樓|屋顶|屋頂|\b(roof|rooftop)\b/i;
// An owner or household who built it (屋苑有業主把露台外擴僭建玻璃房，管理處話管不到): the structure is the matter, for
// the planning enforcers, though the property management told beside it reads as housing's.
export const RESIDENT_BUILDER = /业主|業主|住户|住戶|邻居|鄰居|村民|楼上|樓上|楼下|樓下|隔壁|隔籬|\b(owner|neighbou?r|the flat (above|below))s?\b/i;
// Goods bought from a shop and a refund refused (翻新机, 不退): a consumer matter, not a quarrel to mediate.
export const BOUGHT = /买(了|咗)|買(了|咗)|购买|購買|\bbought\b/i;
export const CONSUMER_WRONG = /翻新|假货|假貨|不退|唔退|退钱|退錢|退款|退货|退貨|\b(refurbished|fake|counterfeit|refunds?)\b/i;
// The traffic police asked to enforce against offences on the road (货车限行时段仍然行驶…请交警加强执法): public security.
export const TRAFFIC_POLICE_ENFORCE =
  /(交警|交通警察|\btraffic police\b)[^。!?]{0,12}(执法|執法|查处|查處|整治|抓|处罚|處罰|\benforce\w*|\bcrack down)|(违法|違法|违章|違章|闯红灯|闖紅燈|超速|飙车|飆車)[^。!?]{0,30}(交警|交通警察|\btraffic police\b)/i;
