/**
 * Word lists for triage/english.ts. CONCEPTS maps English terms (any inflection: keys are lemmatised with
 * the same function as the text) to the Chinese words the taxonomy and the training letters use for the
 * same matter, e.g. a tenant's "security deposit" → 押金. Terms for dangers (fire, gas, suicide …) are
 * deliberately absent: emergencies are the crisis layer's business, and the models must not learn them
 * from a term list. Keep entries to words a resident uses for a matter, one matter per line.
 */

export const STOP_WORDS = new Set(
  `a an the and or but if so as at by for from in into of off on onto to up upon with within without about
  above after again against all also am any are aren't be been being before below between both can could
  did do does doing done down during each few further had has have having he her here hers herself him
  himself his how i i'm i've i'd i'll im ive me my myself we our ours ourselves you your yours yourself
  they them their theirs themselves it its itself she this that these those there then than too very
  what which who whom whose when where why will would shall should may might must just only own same
  such some other more most is was were be am s t don now ok okay please hello hi dear sir madam thanks
  thank regards yes oh well really still even ever every any anyone anything someone something one
  us let get got getting make made go went going come came say said tell told know knew want wanted
  like also since because while until till though although however which whether per via etc`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** British → one spelling, before lemmatising. */
export const SPELLING = new Map(
  Object.entries({
    neighbour: 'neighbor', neighbours: 'neighbors', neighbourhood: 'neighborhood', labour: 'labor', odour: 'odor',
    odours: 'odors', licence: 'license', licences: 'licenses', centre: 'center', centres: 'centers', behaviour: 'behavior',
    colour: 'color', harbour: 'harbor', programme: 'program', organisation: 'organization', apologise: 'apologize',
    cheque: 'check', kerb: 'curb', storey: 'story', tyre: 'tire', metre: 'meter', jewellery: 'jewelry',
    enrol: 'enroll', enrolment: 'enrollment', practise: 'practice', flat: 'apartment', flats: 'apartments',
    lorry: 'truck', lorries: 'trucks', rubbish: 'garbage', litter: 'garbage', trash: 'garbage', refuse: 'refuse',
  }),
);

/** Irregular forms and a few words whose ending rules would mislead. */
export const IRREGULAR = new Map(
  Object.entries({
    paid: 'pay', kept: 'keep', left: 'leave', broke: 'break', broken: 'break', took: 'take', taken: 'take',
    gave: 'give', given: 'give', lost: 'lose', stolen: 'steal', stole: 'steal', sold: 'sell', bought: 'buy',
    built: 'build', fell: 'fall', fallen: 'fall', felt: 'feel', owed: 'owe', owes: 'owe', owing: 'owe',
    children: 'child', kids: 'child', kid: 'child', men: 'man', women: 'woman', people: 'person',
    fired: 'dismiss', fined: 'fined', parking: 'parking', building: 'building', buildings: 'building', evening: 'evening', evenings: 'evening', sacked: 'dismiss', laid: 'lay', hurt: 'hurt', ran: 'run', sent: 'send', spent: 'spend',
    caught: 'catch', thrown: 'throw', threw: 'throw', dug: 'dig', hung: 'hang', lent: 'lend', meant: 'mean',
    slept: 'sleep', sleeping: 'sleep', bitten: 'bite', bit: 'bite', written: 'write', wrote: 'write',
    rent: 'rent', rents: 'rent', rented: 'rent', renting: 'rent', rental: 'rent',
    news: 'news', bus: 'bus', buses: 'bus', gas: 'gas', glass: 'glass', class: 'class', classes: 'class',
    wages: 'wage', salaries: 'salary', series: 'series', police: 'police', species: 'species',
    us: 'us', is: 'is', was: 'was', has: 'has', does: 'does', this: 'this', his: 'his', its: 'its',
  }),
);

/** Multi-word terms kept as one token even without a Chinese equivalent below. */
export const PHRASES = [
  'out of work', 'no one', 'nobody', 'every night', 'every day', 'at night', 'late at night', 'middle of the night',
  'how to', 'how do', 'how can', 'where can', 'what document', 'do i need', 'am i eligible',
];

/**
 * [English terms separated by |, Chinese terms separated by spaces]. The Chinese side uses the words of
 * TAXONOMY.md's "typical matters" and of the training letters.
 */
export const CONCEPTS: Array<[string, string]> = [
  // housing: property management, buildings, lifts, developers, public housing
  ['property management|management company|property company|management office|property manager|building management', '物业'],
  ['property fee|management fee', '物业费'],
  ['owners committee|owners association|homeowners association|owner committee', '业委会'],
  ['maintenance fund', '维修基金'],
  ['lift|elevator', '电梯'],
  ['developer|real estate company', '开发商'],
  ['handover|new apartment|new flat', '交房'],
  ['crack|leaking roof|seepage', '裂缝 房屋质量'],
  ['public rental housing|public housing|talent housing|affordable housing|subsidized housing', '公租房 保障房'],
  ['stairwell|corridor light|hallway light|common area', '楼道 公共区域'],
  ['construction site|building site|work site|crane|scaffolding|hoarding', '工地'],
  ['building', '楼'],
  ['apartment|housing estate|residential compound|estate|compound|community', '小区'],
  // tenancy (a deposit or rent dispute with a private landlord is a civil matter: legal channel)
  ['landlord|landlady|owner of the apartment|house owner', '房东'],
  ['tenant|renter|flatmate|roommate', '租客 租户'],
  ['rent', '房租 租房'],
  ['deposit|security deposit|rental deposit', '押金'],
  ['lease|tenancy|rental contract|tenancy agreement|lease agreement', '租赁合同'],
  ['evict|eviction|kick out|kicked out|move out', '赶走 搬走'],
  ['agent|agency|real estate agent|letting agent', '中介'],
  ['partitioned room|subdivided', '隔断房'],
  ['renovation|renovate|refurbish|refurbishment|decorating', '装修'],
  ['electricity bill|electricity price|electricity fee|per kwh|kwh|utility bill', '电费 水电费'],
  ['power cut|power outage|blackout|no electricity', '停电'],
  ['air conditioner|air conditioning|aircon', '空调'],
  ['parcel|package|courier|express delivery', '快递'],
  // planning: illegal construction
  ['illegal structure|illegal construction|illegal building|illegal extension|unauthorized construction|unauthorised construction|without permit|without a permit', '违建 违章建筑'],
  ['rooftop|roof top|on the roof', '楼顶 加建'],
  ['extension|add a floor|extra floor|build extra|enclose the balcony', '加建 扩建'],
  ['land use|occupy land|farmland', '土地'],
  // urban management
  ['street vendor|vendor|hawker|stall|food stall|street stall', '摊贩 占道经营'],
  ['garbage|garbage bin|garbage collection|waste bin|dustbin', '垃圾'],
  ['construction waste|rubble|debris', '建筑垃圾'],
  ['chengguan|city management|urban management|city inspector|law enforcement officer', '城管'],
  ['street light|streetlight|street lamp|lamp post', '路灯'],
  ['tree|branch|trees', '树木'],
  ['park|green space|square|plaza', '公园 广场'],
  ['public toilet|public restroom', '公厕'],
  ['square dancing|square dance|dancing aunties|loudspeaker|speaker|amplifier', '广场舞 音响'],
  ['sidewalk|pavement|footpath', '人行道'],
  ['shop sign|billboard|advertisement board', '招牌 广告牌'],
  // environment
  ['pollution|polluting|pollute', '污染'],
  ['factory|plant|workshop|mill', '工厂'],
  ['smell|odor|stink|stench|fume|fumes', '异味 臭味'],
  ['smoke|exhaust|emission|waste gas', '废气'],
  ['cooking fumes|oil fumes|kitchen exhaust', '油烟'],
  ['dust', '扬尘'],
  ['sewage|wastewater|waste water|discharge', '污水 排放'],
  ['river|canal|creek|lake', '河 河涌'],
  ['chemical|paint|solvent', '化工'],
  ['noise|noisy|loud|loudly|banging|drilling|hammering', '噪音'],
  ['night construction|construction at night|work at night|night work|pile driving', '夜间施工 噪音'],
  ['machine|machinery|generator|compressor|cutting machine', '机器'],
  ['burning|burn plastic|burn garbage', '焚烧'],
  // human resources
  ['wage|salary|paycheck|payslip|earnings|back pay', '工资'],
  ['unpaid|owe|arrears|withhold|hold back|overdue|not paid|havent been paid|hasnt paid|didnt pay|not been paid', '拖欠 欠薪'],
  ['overtime|extra hours', '加班 加班费'],
  ['employer|boss|company|manager|supervisor', '老板 公司'],
  ['employee|worker|staff|job|factory worker', '工人 员工'],
  ['labor contract|employment contract|work contract|no contract', '劳动合同'],
  ['social insurance|social security|pension|pension contribution', '社保'],
  ['work injury|injured at work|injury at work|industrial injury|work accident', '工伤'],
  ['housing fund|housing provident fund|provident fund', '公积金'],
  ['work permit|employment permit|foreigner work permit', '工作许可'],
  ['labor bureau|labor department|human resources bureau|labor inspection', '人社局 劳动监察'],
  ['minimum wage', '最低工资'],
  ['probation', '试用期'],
  ['construction worker|migrant worker', '农民工'],
  // legal channel: courts, arbitration, dismissal, civil debts
  ['sue|lawsuit|court|judge|judgment|judgement|verdict|ruling', '法院 起诉 判决'],
  ['enforce the judgment|enforcement|enforce', '强制执行'],
  ['arbitration|labor arbitration|arbitrate', '劳动仲裁'],
  ['dismiss|dismissal|terminated|termination|let go|lay off|layoff', '辞退 解除劳动合同'],
  ['compensation|severance|damages', '赔偿'],
  ['lawyer|attorney|legal advice|legal aid|free legal', '律师 法律援助'],
  ['borrow|loan|lend|debt|iou', '借钱 欠款'],
  ['divorce|custody|inheritance|estate of', '离婚 继承'],
  ['fined|penalty|penalised|penalized|penalty notice', '罚款 处罚'],
  ['appeal|reconsideration|administrative review', '复议'],
  ['contract|agreement', '合同'],
  // public security: visas, residence, hukou, order, traffic offences
  ['visa|visa extension|visa renewal|residence permit|stay permit|overstay', '签证 居留许可 出入境'],
  ['immigration|exit and entry|entry and exit|exit entry', '出入境'],
  ['passport', '护照'],
  ['register my address|registration of residence|accommodation registration|temporary residence|residence registration|register with the police', '住宿登记 居住证'],
  ['hukou|household registration|household register|residence card|residence permit card', '户口 户籍 居住证'],
  ['police|police station|policeman|officer', '派出所 警察'],
  ['gambling|gamble|mahjong den|casino', '赌博'],
  ['theft|steal|stolen|thief|burglary|pickpocket', '盗窃 被偷'],
  ['fight|fighting|gang|thug|harass|harassment|threaten|drunk', '治安'],
  ['scam|fraud|fraudster|cheat|cheated', '诈骗'],
  ['drug dealing|drug dealer|taking drugs|sell drugs', '吸毒'],
  ['speeding|racing|drag racing|illegal parking|drunk driving|run red light|running red lights|traffic violation|motorbike|motorcycle|electric scooter|e-bike|ebike|electric bike', '交警 违章'],
  ['traffic light|traffic signal|signal light|pedestrian crossing|crosswalk|zebra crossing', '红绿灯 信号灯'],
  ['traffic police', '交警'],
  ['id card|identity card', '身份证'],
  ['driving license|driver license|driving licence|driver licence|license plate|number plate', '驾驶证 车牌'],
  ['car accident|traffic accident|crash|collision', '交通事故'],
  // transport
  ['bus|bus route|bus stop|bus driver|bus line', '公交'],
  ['taxi|cab|ride hailing|didi', '出租车'],
  ['metro|subway', '地铁'],
  ['road|street|lane', '道路'],
  ['pothole|road works|roadwork|road repair|dug up', '修路 道路施工'],
  ['parking|parking lot|car park|parking space', '停车'],
  ['traffic|traffic jam|congestion', '交通 拥堵'],
  ['driver|drive', '司机'],
  ['route|bus line|timetable|schedule|frequency', '线路 班次'],
  ['overpass|footbridge|underpass|guardrail', '天桥 护栏'],
  // education
  ['school|primary school|middle school|high school|public school|international school', '学校'],
  ['kindergarten|nursery|preschool|daycare', '幼儿园'],
  ['teacher|principal|headmaster', '老师 校长'],
  ['tuition|school fee|tuition fee|fees', '学费 收费'],
  ['enroll|enrollment|admission|school place|school places|degree place|place in a school|school seat', '入学 学位'],
  ['tutoring|training center|training institution|cram school|training course|tutor|course', '培训机构'],
  ['student|pupil|classmate', '学生'],
  ['son|daughter|child|baby|toddler', '孩子'],
  ['canteen|school lunch|school meal', '食堂'],
  ['homework|exam|class', '学习'],
  // health
  ['hospital|emergency room|ward', '医院'],
  ['doctor|nurse|physician', '医生'],
  ['clinic|health center|community health center|health centre|dental', '诊所 社康'],
  ['unlicensed clinic|fake doctor|black clinic', '黑诊所 无证行医'],
  ['vaccine|vaccination|vaccinate|jab|immunization', '疫苗 接种'],
  ['medical bill|medical fee|medical cost|hospital bill|charged for|overcharged', '医疗费 收费'],
  ['medical insurance|health insurance', '医保'],
  ['prescription|medicine|pharmacy|drug store|drugstore', '药品 药店'],
  ['misdiagnosis|malpractice|surgery|operation', '医疗纠纷'],
  // civil affairs
  ['minimum living allowance|minimum living|subsistence allowance|dibao|low income|welfare benefit|welfare', '低保'],
  ['temporary assistance|emergency assistance|relief', '临时救助'],
  ['elderly allowance|old age allowance|senior allowance|disability allowance|allowance|subsidy', '补贴 津贴'],
  ['marriage registration|marriage certificate|register our marriage|register marriage|get married', '结婚登记'],
  ['funeral|cemetery|burial|cremation|grave', '殡葬 墓地'],
  ['nursing home|care home|old people home|elderly home', '养老院'],
  ['veteran|ex-serviceman|retired soldier', '退役军人'],
  // market regulation
  ['food|meal|takeaway|delivery food|restaurant food', '食品'],
  ['restaurant|eatery|canteen|food shop|bakery', '餐馆 饭店'],
  ['expired|out of date', '过期'],
  ['rotten|moldy|mouldy|food poisoning|spoiled|gone off', '变质'],
  ['refund|money back|prepaid|membership card|gym card|top up', '退款 预付卡'],
  ['shop|store|seller|merchant|supermarket|mall|online shop', '商家 商店'],
  ['price|overcharge|price gouging|pricing', '价格'],
  ['fake|counterfeit|fake goods|knockoff|substandard', '假冒 伪劣'],
  ['consumer|customer|consumer rights', '消费者'],
  ['business license|business licence|unlicensed business|unlicensed|no license|without a license|licensed|trading license', '营业执照 无证经营'],
  ['register a company|company registration|register my company|register a business|open a business|set up a company', '注册公司 营业执照'],
  ['weight|scale|short weight', '缺斤短两'],
  ['advertising|false advertising|misleading advert', '虚假广告'],
  ['gym|beauty salon|hair salon|fitness', '健身房 美容'],
  // water
  ['water supply|tap water|running water|water cut|no water|water outage|water pressure|water quality', '自来水 供水 停水'],
  ['drain|drainage|blocked drain|manhole|sewer|gutter', '排水 下水道'],
  ['flooding|flood|waterlogged|waterlogging|standing water|puddle', '积水 内涝'],
  ['burst pipe|water pipe|pipe burst|main pipe|water main', '水管 爆管'],
  ['water bill|water meter|water fee', '水费 水表'],
  // street office and community
  ['community office|neighborhood committee|residents committee|community center|community workstation|community service center|community work station', '社区工作站 居委会'],
  ['street office|subdistrict office|sub-district office|subdistrict|jiedao', '街道办'],
  ['village|urban village|village committee|joint-stock company|shareholding company', '城中村 股份公司'],
  ['grid worker|grid officer', '网格员'],
  ['dividend', '分红'],
  // out of scope: private needs (organization services)
  ['neighbor|next door|the family above|flat above|apartment above|family upstairs|family downstairs', '邻居'],
  ['upstairs|downstairs', '楼上 楼下'],
  ['leak|leaking|water leak|seeping|dripping', '漏水'],
  ['dog|barking|bark|pet|cat', '狗 宠物'],
  ['smoking|cigarette|smoke on the balcony', '抽烟'],
  ['depressed|depression|anxiety|anxious|lonely|loneliness|stress|stressed|insomnia|cannot sleep|cant sleep|panic|grief|hopeless|overwhelmed|sad', '心理 焦虑 抑郁'],
  ['husband|wife|spouse|marriage|mother-in-law|in-law|in-laws|quarrel|argue', '家庭 夫妻 矛盾'],
  ['elderly|old mother|old father|elderly mother|elderly father|grandmother|grandfather|aged parent|dementia|alzheimer', '老人 照顾'],
  ['disabled|disability|wheelchair|autistic|autism|rehabilitation', '残疾 康复'],
  ['teenager|teen|adolescent|gaming|video games|playing games|bullying|bullied|skip school|refuses to go to school', '孩子 青少年'],
  ['hardship|lost everything|cannot afford|cant afford|struggling financially', '困难 救助'],
  ['caregiver|caring for|look after|take care', '照顾'],
  // inquiry: how / where / what
  // A question form is weak evidence: residents complain in questions too ("why has nobody replied?").
  ['how to|how do|how can|where can|what document|do i need|am i eligible|what are the requirement|who is eligible', '请问 如何'],
  ['apply|application|applied', '申请'],
  ['procedure|process|requirement|materials', '流程 材料'],
  ['complain|complaint|report|petition', '投诉 反映'],
];
