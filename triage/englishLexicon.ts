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
  like also since because while until till though although however which whether per via etc none
  i'll you're they're we're it's that's there's he's she's what's let's we've they've you've we'll they'll
  you'll he'll she'll we'd they'd you'd he'd she'd`
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
    enrol: 'enroll', enrolment: 'enrollment', counselling: 'counseling', counsellor: 'counselor', practise: 'practice', flat: 'apartment', flats: 'apartments',
    lorry: 'truck', lorries: 'trucks', rubbish: 'garbage', litter: 'garbage', trash: 'garbage', refuse: 'refuse',
    // Abbreviations typed on a phone.
    mgmt: 'management', mgt: 'management', govt: 'government', apt: 'apartment', apts: 'apartments', bldg: 'building',
    dept: 'department', hrs: 'hours', yrs: 'years', kindergarden: 'kindergarten', enquiry: 'inquiry',
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
    // "piled up junk" is not pile driving, "stalling" is not a street stall, "exhausted" is not exhaust gas.
    pile: 'heap', piles: 'heap', piled: 'heap', stalling: 'delay', stalled: 'delay', exhausted: 'exhausted',
    exhausting: 'exhausted', parked: 'parking', withheld: 'withhold', cancelled: 'cancel', cancelling: 'cancel',
    canceled: 'cancel', added: 'add', adding: 'add',
    // "fare" would fold to "far" ("far away"): a stem of its own.
    fare: 'taxifare', fares: 'taxifare',
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
  ['property management|management company|property company|management office|property manager|building management|wuye', '物业'],
  ['property fee|management fee', '物业费'],
  ['owners committee|owners association|homeowners association|owner committee', '业委会'],
  ['maintenance fund', '维修基金'],
  ['lift|elevator', '电梯'],
  ['developer|real estate company', '开发商'],
  ['handover|new apartment|new flat', '交房'],
  ['crack|leaking roof|seepage', '裂缝 房屋质量'],
  ['public rental housing|public housing|talent housing|affordable housing|subsidized housing', '公租房 保障房'],
  ['stairwell|stairway|staircase|corridor|hallway|corridor light|hallway light|common area', '楼道 公共区域'],
  ['junk|clutter|sundries|heap|belongings piled', '杂物 堆放'],
  ['load-bearing wall|load bearing wall|bearing wall|structural wall', '承重墙'],
  ['repair|repairs|fix|maintenance', '维修'],
  ['rent increase|rent hike|raise the rent|raised the rent|increase the rent|increased the rent|put up the rent', '涨租 涨价'],
  ['price increase|price rise|price hike|fee increase|raised the price|raised the fee|raised fees|raised the fees|increased the fee', '涨价'],
  ['construction site|building site|work site|crane|scaffolding|hoarding', '工地'],
  ['building', '楼'],
  ['apartment|housing estate|residential compound|estate|compound', '小区'],
  // A resident's "community" is the 社区 (its work station, its grid), not only the compound.
  ['community|shequ', '社区'],
  // tenancy (a deposit or rent dispute with a private landlord is a civil matter: legal channel)
  ['landlord|landlady|owner of the apartment|house owner|rent from', '房东'],
  ['tenant|renter|flatmate|roommate', '租客 租户'],
  ['rent', '房租 租房'],
  ['deposit|security deposit|rental deposit', '押金'],
  ['lease|tenancy|rental contract|tenancy agreement|lease agreement', '租赁合同'],
  ['evict|eviction|kick out|kicked out|move out', '赶走 搬走'],
  ['agent|agency|real estate agent|letting agent', '中介'],
  ['partitioned room|subdivided', '隔断房'],
  ['renovation|renovate|refurbishment|decorating', '装修'],
  ['electricity bill|electricity price|electricity fee|per kwh|kwh|utility bill|power bill|water and power|water and electricity|utilities', '电费 水电费'],
  ['power cut|power outage|blackout|no electricity|cut off the electricity|cut off our electricity|cut off the power|cut off our power|cut our power|cut our electricity|cut the power', '停电'],
  ['cut off the water|cut off our water|cut our water|cut the water', '停水'],
  ['air conditioner|air conditioning|aircon', '空调'],
  ['parcel|package|courier|express delivery', '快递'],
  // planning: illegal construction
  ['illegal structure|illegal construction|illegal building|illegal extension|unauthorized construction|unauthorised construction|without permit|without a permit|without any permit|no building permit', '违建 违章建筑'],
  ['rooftop|roof top|on the roof', '楼顶 加建'],
  ['extension|add a floor|extra floor|build extra|enclose the balcony|add floors|add two floors|add another floor|add a storey|add an extra floor', '加建 扩建'],
  ['shed|steel shed|iron shed|tin shed|metal shed|shack', '铁皮房 搭建'],
  ['bike shed|bicycle shed|bike shelter', '车棚'],
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
  ['sidewalk|pavement|footpath|walkway|passageway', '人行道'],
  ['shop sign|billboard|advertisement board', '招牌 广告牌'],
  // environment
  ['pollution|polluting|pollute', '污染'],
  ['factory|plant|workshop|mill', '工厂'],
  ['smell|smelly|odor|stink|stinky|stinking|stench|fume|fumes', '异味 臭味'],
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
  // Someone not paying is 拖欠; only a worker not being paid (or a wage word, below) is 欠薪: child support,
  // rent or a loan that "hasn't been paid" is not wages.
  ['unpaid|owe|arrears|withhold|hold back|overdue|not paid|hasnt paid|didnt pay|havent paid|never paid|stop pay|stopped paying|stop paying|refuse to pay|refuses to pay|refused to pay|isnt paying|wont pay|doesnt pay|arent paying', '拖欠'],
  ['havent been paid|not been paid|wasnt paid|werent paid|not getting paid|hasnt paid me|hasnt paid us|didnt pay me|didnt pay us|never paid me|never paid us', '拖欠 欠薪'],
  ['deduct|deduction|docked|dock my pay|withheld my pay', '克扣 扣工资'],
  ['pregnant|pregnancy', '怀孕 孕期'],
  ['withhold my passport|keep my passport|kept my passport|took my passport|withhold my id|kept my id card|took my id card|hold my passport|hold our passport|hold his passport|hold her passport|keep our passport|took our passport|confiscate my passport|confiscated my passport', '扣押 证件'],
  ['confiscate|confiscated|confiscation|seize|seized|impound|impounded', '扣押 暂扣'],
  ['contribute|contribution|contributions', '缴纳'],
  ['domestic helper|helper|maid|nanny|ayi|housekeeper', '保姆 家政'],
  ['cancel|cancellation|revoke|revoked', '取消 注销'],
  ['injured|injury|injuries', '受伤'],
  ['demote|demoted|demotion|lower position|pay cut|salary cut|cut my salary|cut my pay|reduced my salary|reduce my salary', '调岗 降薪'],
  ['rider|delivery rider|delivery driver|delivery guy|delivery man|delivery worker', '外卖骑手 快递员'],
  ['overtime|extra hours', '加班 加班费'],
  ['employer|boss|company|manager|supervisor', '老板 公司'],
  ['employee|worker|staff|job|factory worker', '工人 员工'],
  ['labor contract|employment contract|work contract|no contract|written contract', '劳动合同'],
  ['social insurance|social security|pension|pension contribution|shebao', '社保'],
  ['work injury|injured at work|injury at work|industrial injury|work accident', '工伤'],
  ['housing fund|housing provident fund|provident fund|gongjijin', '公积金'],
  ['work permit|employment permit|foreigner work permit', '工作许可'],
  ['labor bureau|labor department|human resources bureau|labor inspection', '人社局 劳动监察'],
  ['minimum wage', '最低工资'],
  ['probation', '试用期'],
  ['construction worker|migrant worker', '农民工'],
  // legal channel: courts, arbitration, dismissal, civil debts
  ['sue|lawsuit|court|judge|judgment|judgement|verdict|ruling', '法院 起诉 判决'],
  ['enforce the judgment|enforcement|enforce', '强制执行'],
  ['account frozen|frozen my bank account|froze my bank account|bank account frozen|frozen my account|froze my account|freeze my account|froze our account|frozen our account|sealed up my|seized my', '冻结 查封'],
  ['tax|income tax|tax bureau|taxes', '税务'],
  ['arbitration|labor arbitration|arbitrate', '劳动仲裁'],
  ['dismiss|dismissal|terminated|termination|let go|lay off|layoff|lay me off|lay us off|let me go|let us go|fire me|fire us|fire him|fire her|fire them|fire people|fire anyone|fire workers|made redundant|redundancy|position cancel|position was cancel|job was cancel|position eliminated', '辞退 解除劳动合同'],
  ['double pay|double salary|double wage|double wages|twice the salary|twice my salary', '双倍工资'],
  ['labor dispute|labour dispute|employment dispute|work dispute', '劳动争议 劳动纠纷'],
  ['arbitration commission|arbitration committee|arbitration tribunal|arbitration center|arbitration award|arbitral award', '劳动仲裁 仲裁委'],
  ['compensation|severance|damages', '赔偿'],
  ['lawyer|attorney|legal advice|legal aid|free legal', '律师 法律援助'],
  ['borrow|loan|lend|debt', '借钱 欠款'],
  ['iou|promissory note|loan note|signed a note', '借条 欠条 借钱'],
  ['divorce|custody|divorced', '离婚'],
  ['inheritance|inherit|inherited|heir|estate of|without a will|no will|left a will|his will|her will|their will|wrote a will', '遗嘱 遗产 继承'],
  ['died|passed away|death of|deceased', '去世'],
  ['fight over|fighting over|fought over|argue over|quarrel over|dispute|disputes', '纠纷'],
  ['child support|child maintenance|maintenance for the child|maintenance for my child|alimony', '抚养费'],
  ['ex-husband|ex husband|ex-wife|ex wife|former husband|former wife|ex-partner|my ex|my ex-husband|my ex husband|my ex-wife|my ex wife|her ex|her ex-husband|his ex|his ex-wife', '前夫 前妻'],
  ['visiting rights|visitation|visitation rights|access rights|see my son|see my daughter|see my child|see my kids|see our son|see our daughter', '探视权'],
  ['support our parents|support his parents|support my parents|support their parents|support her parents|refuse to support|wont support', '赡养'],
  ['demolish|demolished|demolition|tear down|torn down|knock down|knocked down', '拆除 拆迁'],
  ['won my case|won the case|won the lawsuit|won in court|court ruled|court ordered|court order', '判决 胜诉'],
  ['fined|penalty|penalised|penalized|penalty notice|a fine|the fine|fine of|fined me|fined us', '罚款 处罚'],
  ['traffic fine|traffic ticket|speeding ticket|parking ticket|parking fine', '交警 违章 罚款'],
  ['appeal|reconsideration|administrative review', '复议'],
  ['administrative reconsideration|reconsideration application', '行政复议'],
  ['administrative litigation|administrative lawsuit|sue the government|sue the bureau', '行政诉讼'],
  ['disagree with|dont accept|do not accept|not satisfied with|challenge|contest the|object to|fight the decision|fight the fine|fight the penalty|appeal the decision|overturn|think it\'s wrong|think is wrong|think the fine is wrong|think the penalty is wrong|think the decision is wrong|wrongly fined', '不服'],
  ['what the law says|under the law|labor law|labour law|labor contract law|statutory compensation|legally entitled', '依法 赔偿'],
  ['time limit|deadline|limitation period|statute of limitation|statute of limitations|cut-off date|cutoff date', '期限 时效'],
  ['contract|agreement', '合同'],
  // public security: visas, residence, hukou, order, traffic offences
  ['visa|visa extension|visa renewal|residence permit|stay permit|overstay', '签证 居留许可 出入境'],
  ['immigration|exit and entry|entry and exit|exit entry', '出入境'],
  ['passport', '护照'],
  ['register my address|registration of residence|accommodation registration|temporary residence|residence registration|register with the police|register me with the police|register us with the police|register guests|register foreigners', '住宿登记 居住证'],
  ['hukou|household registration|household register|residence card|residence permit card|juzhuzheng', '户口 户籍 居住证'],
  ['police|police station|policeman|officer', '派出所 警察'],
  ['gambling|gamble|mahjong den|casino|betting|gamble for money', '赌博'],
  ['mahjong|mahjong parlour|mahjong parlor|mahjong room|mahjong hall|mahjong place|card room', '麻将馆 棋牌室'],
  ['criminal record|no criminal record|police clearance|certificate of no criminal record', '无犯罪记录证明'],
  ['overstay|overstayed|overstaying|overstay my visa', '逾期居留 签证'],
  ['visa expire|visa run out|visa is expiring|permit expire|permit run out|permit is expiring|visa expiry|permit expiry', '到期 续签'],
  ['theft|steal|stolen|thief|burglary|pickpocket', '盗窃 被偷'],
  ['fight|fighting|gang|thug|harass|harassment|threaten|drunk', '治安'],
  ['throw things out|throw stuff out|throw garbage out|throw bottles out|thrown out of the window|throw out of the window|things thrown from|objects thrown from|falling objects', '高空抛物'],
  ['falling bricks|bricks falling|falling debris|debris falling|falling tiles|tiles falling', '高空坠物'],
  ['scam|fraud|fraudster|cheat|cheated', '诈骗'],
  ['drug dealing|drug dealer|taking drugs|sell drugs', '吸毒'],
  ['speeding|racing|drag racing|illegal parking|drunk driving|run red light|running red lights|traffic violation|motorbike|motorcycle', '交警 违章'],
  // An e-bike is named in thefts, plates and indoor charging as often as in traffic offences.
  ['e-bike|ebike|electric bike|electric scooter|e-scooter|scooter|moped', '电动车'],
  ['battery|batteries', '电瓶'],
  ['charge e-bike|charging e-bike|charge their e-bike|charge ebike|charging ebike|e-bike charging|ebike charging|charge electric bike|charging electric bike|charge the battery|charging battery|charging in the corridor|charging in the stairwell|charging in the hallway|charging indoors', '电动车 充电'],
  ['traffic light|traffic signal|signal light|pedestrian crossing|crosswalk|zebra crossing', '红绿灯 信号灯'],
  ['traffic police', '交警'],
  ['id card|identity card', '身份证'],
  ['driving test|driving school|driving exam|driving license|driver license|driving licence|driver licence|license plate|number plate', '驾驶证 车牌'],
  ['car accident|traffic accident|crash|collision', '交通事故'],
  // transport
  ['bus|bus route|bus stop|bus driver|bus line', '公交'],
  ['taxi|cab|ride hailing|didi', '出租车'],
  ['metro|subway', '地铁'],
  ['road|street|lane|alley|alleyway', '道路'],
  ['pothole|road works|roadwork|road repair|dug up', '修路 道路施工'],
  ['parking|parking lot|car park|parking space', '停车'],
  ['parking fee|parking charge', '停车费'],
  ['traffic|traffic jam|congestion', '交通 拥堵'],
  ['driver|drive', '司机'],
  ['route|bus line|timetable|schedule|frequency', '线路 班次'],
  ['overpass|footbridge|underpass|guardrail', '天桥 护栏'],
  // education
  ['school|primary school|middle school|high school|public school|international school', '学校'],
  ['kindergarten|nursery|preschool|daycare', '幼儿园'],
  ['teacher|principal|headmaster', '老师 校长'],
  ['tuition|school fee|tuition fee|school fees', '学费 收费'],
  ['sponsorship fee|donation fee|school selection fee', '赞助费 乱收费'],
  // Any other fee or charge: a property, parking, nursing-home or hospital fee is not tuition.
  ['fee|fees|charge|bill|billing|surcharge', '收费'],
  ['enroll|enrollment|admission|school place|school places|degree place|place in a school|school seat|a place at the|a place in the|refused a place|no school place|school allocation|get into the school|get into a school|get into the public school|get into public school', '入学 学位'],
  ['afternoon care|after-school care|after school care|lunch care|lunchtime care', '课后服务 午托'],
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
  ['medical bill|medical fee|medical cost|hospital bill', '医疗费 收费'],
  ['ct|ct scan|scan|x-ray|xray|mri|ultrasound|blood test|lab test', '检查'],
  ['iv drip|drip bottle|infusion|intravenous', '输液'],
  ['medical insurance|health insurance', '医保'],
  ['prescription|medicine|pharmacy|drug store|drugstore', '药品 药店'],
  ['misdiagnosis|malpractice|surgery|operation', '医疗纠纷'],
  // civil affairs
  ['minimum living allowance|minimum living|subsistence allowance|dibao|low income|welfare benefit|welfare', '低保'],
  ['temporary assistance|emergency assistance|relief', '临时救助'],
  ['elderly allowance|old age allowance|senior allowance|disability allowance|allowance|subsidy', '补贴 津贴'],
  ['disability allowance|disability benefit|disability subsidy|disability pension', '残疾人补贴'],
  ['marriage registration|marriage certificate|register our marriage|register marriage|register my marriage|register the marriage|get married', '结婚登记'],
  ['funeral|cemetery|burial|cremation|grave', '殡葬 墓地'],
  ['nursing home|care home|old people home|elderly home|old age home|retirement home|elderly care home|senior home', '养老院'],
  ['veteran|ex-serviceman|retired soldier', '退役军人'],
  // market regulation
  ['food|meal|takeaway|delivery food|restaurant food|seafood|meat|pork|milk|vegetables|bread|snacks', '食品'],
  ['restaurant|eatery|canteen|food shop|bakery', '餐馆 饭店'],
  ['expired|out of date', '过期'],
  ['rotten|moldy|mouldy|food poisoning|spoiled|gone off', '变质'],
  ['refund|money back|prepaid|membership card|gym card|top up', '退款 预付卡'],
  ['shop|store|seller|merchant|supermarket|mall|online shop', '商家 商店'],
  ['price|overcharge|price gouging|pricing', '价格'],
  ['fake|counterfeit|fake goods|knockoff|substandard|sold as new|imitation', '假冒 伪劣'],
  ['consumer|customer|consumer rights', '消费者'],
  ['business license|business licence|unlicensed business|unlicensed|no license|without a license|licensed|trading license', '营业执照 无证经营'],
  ['register a company|company registration|register my company|register a business|open a business|set up a company', '注册公司 营业执照'],
  ['weight|scale|short weight', '缺斤短两'],
  ['advertising|false advertising|misleading advert', '虚假广告'],
  ['gym|beauty salon|hair salon|fitness', '健身房 美容'],
  // water
  ['faucet|from the tap|from our tap|the taps|water supply|tap water|running water|water cut|no water|water outage|water pressure|water quality', '自来水 供水 停水'],
  ['drain|drainage|blocked drain|manhole|sewer|gutter', '排水 下水道'],
  ['manhole cover|drain cover|sewer cover', '井盖'],
  ['overflow|overflowing|backed up|backing up', '冒溢 满溢'],
  ['flooding|flood|waterlogged|waterlogging|standing water|puddle|under water|underwater|knee deep|knee-deep', '积水 内涝'],
  ['burst pipe|water pipe|pipe burst|main pipe|water main', '水管 爆管'],
  ['water bill|water meter|water fee', '水费 水表'],
  ['rusty water|like rust|yellow water|brown water|cloudy water|dirty tap water', '水质'],
  ['fire exit|fire escape|emergency exit|fire lane|fire door|escape route', '消防通道 堵塞'],
  // street office and community
  ['community office|neighborhood committee|residents committee|residence committee|community center|community workstation|community service center|community work station', '社区工作站 居委会'],
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
  ['depressed|depression|anxiety|anxious|lonely|loneliness|stress|stressed|insomnia|panic|grief|hopeless|overwhelmed|sad', '心理 焦虑 抑郁'],
  // Not a distress word by itself: most residents who cannot sleep are kept awake by noise.
  ['cannot sleep|cant sleep|couldnt sleep|unable to sleep|keep us awake|kept awake|wake us up|woke us up|woken up|none of us can sleep|nobody can sleep|no one can sleep|cant get any sleep|no sleep', '睡不着'],
  ['midnight|middle of the night|late at night|small hours|early hours|all night|through the night', '夜间'],
  ['exhausted|worn out|burnt out|burned out', '疲惫'],
  ['counseling|counselor|therapist|therapy|psychologist|someone to talk to', '心理咨询'],
  ['live alone|lives alone|living alone', '独居'],
  ['addicted|addiction', '沉迷'],
  ['husband|wife|spouse|marriage', '家庭 夫妻'],
  ['mother-in-law|in-law|in-laws|quarrel|argue|arguing|row with', '家庭 夫妻 矛盾'],
  ['elderly|old mother|old father|elderly mother|elderly father|grandmother|grandfather|grandma|granny|grandpa|grandad|granddad|aged parent|dementia|alzheimer', '老人 照顾'],
  ['disabled|disability|wheelchair|autistic|autism|rehabilitation|deaf|blind|sign language|hearing impaired|visually impaired', '残疾 康复'],
  ['teenager|teen|adolescent|gaming|video games|playing games|bullying|bullied|skip school|refuses to go to school|stopped going to school|not going to school|dropped out', '孩子 青少年'],
  ['grandson|granddaughter|grandchild|grandchildren|grandkids', '孙子 孩子'],
  ['hardship|lost everything|cannot afford|cant afford|struggling financially', '困难 救助'],
  ['caregiver|caring for|look after|take care', '照顾'],
  // inquiry: how / where / what
  // A question form is weak evidence: residents complain in questions too ("why has nobody replied?").
  ['how to|how do|how can|where can|what document|do i need|am i eligible|what are the requirement|who is eligible', '请问 如何'],
  ['apply|application|applied', '申请'],
  ['procedure|process|requirement|materials', '流程 材料'],
  ['complain|complaint|report|petition', '投诉 反映'],
  ['petition office|petition letter|letters and visits|letters and calls|xinfang|submit a petition|submitted a petition|file a petition|filed a petition', '信访 信访事项'],
  ['reply|get a reply|get an answer|written reply|official reply|respond to my|response to my', '答复'],
  ['where is|where are|opening hours|office hours|which office|which department|who do i contact|who should i contact|what number|phone number of', '请问 哪里'],
  ['mediation|mediator|mediation committee|mediate', '调解'],
  // Added for residents' English (issue 9): words seen in foreigners' and Hong Kong residents' messages.
  // government bodies named in a complaint (a letter naming a body says something)
  ['government|authorities|authority|department|bureau|official|officials|district government', '政府 有关部门'],
  ['housing authority|housing bureau|housing department|construction bureau|housing and construction', '住建局'],
  ['environmental bureau|environment bureau|environmental protection|ecology and environment|epb', '环保局 生态环境局'],
  ['education bureau|education department|education authority', '教育局'],
  ['health commission|health bureau|health department', '卫健局'],
  ['market regulation|market supervision|administration for market regulation|consumer association|consumer council', '市场监管局 消费者协会'],
  ['water affairs|water bureau|water company|water authority', '水务局 水务公司'],
  ['transport bureau|transport department|transportation bureau|transport commission', '交通运输局'],
  ['planning bureau|natural resources|planning department', '规划 自然资源局'],
  ['civil affairs|civil affairs bureau', '民政局'],
  // housing and tenancy
  ['long-term rental|long term rental|rental apartment company|rental company|apartment operator|co-living|serviced apartment|rent up front|rent in advance', '长租公寓 租房'],
  ['mould|mold|damp|dampness|moldy wall', '发霉 潮湿'],
  ['intercom|access control|access card|gate card|security guard|guard', '门禁 保安'],
  ['property certificate|title deed|property title|property deed|real estate certificate|ownership certificate', '房产证 不动产证'],
  ['presale|pre-sale|off-plan|off plan|delayed handover|late handover|delivery delayed', '预售 逾期交房'],
  ['sublet|sublease|second landlord|master tenant', '二房东 转租'],
  ['key money|return the deposit|refund the deposit|keep the deposit|kept the deposit|withheld the deposit|deduct from the deposit|deducted from my deposit', '押金 退还'],
  ['water heater|boiler|plumbing|toilet blocked|blocked toilet', '维修'],
  // wages and labour
  ['wage arrears|back wages|unpaid wages|unpaid salary|salary arrears|owed wages', '拖欠工资 欠薪'],
  ['contractor|subcontractor|foreman|labor contractor|labour contractor|gang boss|labour agency|labor agency|dispatch agency|labor dispatch', '包工头 劳务派遣'],
  ['run off|ran off|disappeared|vanished|absconded|skipped town|fled', '跑路'],
  ['resign|resigned|resignation|quit|quitting', '辞职 离职'],
  ['bonus|commission|allowance pay', '奖金 提成'],
  ['sick leave|annual leave|maternity leave|paid leave|days off|day off|rest day', '假期 休息'],
  ['maternity leave|after giving birth|breastfeeding', '产假 孕期'],
  ['hr|hr department|human resources department|personnel department', '公司 人事'],
  ['working hours|work hours|hours a day|twelve hours a day|seven days a week|no day off', '工作时间 加班'],
  ['unemployment insurance|unemployment benefit', '失业保险'],
  ['lost my job|lose my job|lost his job|lost her job|unemployed|jobless', '失业'],
  ['paid late|pay late|salary late|wage late|late salary|late wage|delayed salary|delayed wage|salary delayed', '拖欠'],
  ['maternity insurance|maternity benefit|maternity allowance', '生育保险'],
  ['social insurance card|social security card', '社保卡'],
  ['hire|hiring|recruit|recruitment|job ad|job offer|interview', '招聘'],
  // visas, residence, Hong Kong and Macau residents
  ['foreigner|foreign national|expat|expatriate|foreign teacher|foreign worker|foreign employee|foreign resident', '外国人 外籍'],
  ['renew|renewal|extend my|extension of my', '续签 延期'],
  ['permanent residence|permanent resident|green card', '永久居留'],
  ['hong kong|hongkong|macau|macao|hk resident|hong kong resident|hk', '港澳'],
  ['hostel|hotel|guesthouse|guest house|homestay|airbnb', '酒店 旅馆'],
  ['home return permit|home-return permit|mainland travel permit|return home permit|huixiangzheng', '回乡证 港澳居民'],
  ['residence permit for hong kong|residence permit for hk|hk residence permit|hong kong and macau residence permit|hk and macau residence permit', '港澳居民居住证'],
  ['entry-exit|exit-entry|exit entry bureau|exit-entry office|exit entry office|immigration office', '出入境'],
  // schools
  ['points|point system|points system', '积分'],
  ['school district|catchment|catchment area|school zone|zoned school', '学区'],
  ['transfer school|school transfer|change school|switch school', '转学'],
  ['school bus', '校车'],
  ['private school|bilingual school', '民办学校'],
  ['after-school|after school|extra class|extra lesson|paid class|make-up class', '补课'],
  // A teacher selling lessons to his own pupils is a matter for the education bureau (教师有偿补课).
  ['private tutoring|paid tutoring|private lesson|private class|private after-school class|paid extra class|paid extra lesson|paid lesson|paid class|paid course', '有偿补课 补课'],
  ['uniform|textbook|school supplies', '校服 教材'],
  ['corporal punishment|physical punishment|teacher hit|teacher slapped|teacher beat', '体罚'],
  // noise and neighbourhood
  ['karaoke|ktv|bar|nightclub|pub|live music', 'KTV 酒吧'],
  ['pile driver|pile driving|piling|jackhammer', '打桩 夜间施工'],
  ['horn|honking|hooting|honk', '鸣笛'],
  ['air pollution|smog|haze|soot|black smoke', '大气污染 废气'],
  ['water pollution|foamy|foam|oil slick|dead fish|black water|murky|discolored water|discoloured', '水污染'],
  ['dumping|dump|dumped|discharging|discharged|pouring into|pumping into', '偷排 倾倒'],
  ['radiation|base station|cell tower|mast', '辐射 基站'],
  ['pig farm|livestock|chicken farm|poultry farm|farm', '养殖场'],
  ['concrete plant|mixing plant|asphalt|cement', '搅拌站'],
  ['concrete mixer|cement mixer|mixer truck|concrete truck|cement truck|concrete pump|muck truck|dump truck|dumper', '泥头车 搅拌车'],
  ['incinerator|waste plant|garbage station|transfer station|refuse station', '垃圾站'],
  ['cockroach|rat|rats|mosquito|mosquitoes|flies|pest', '卫生 蚊虫'],
  // transport
  ['shared bike|bike share|shared bicycle|bicycle|bike|bike lane|cycle lane', '共享单车 非机动车道'],
  ['road sign|traffic sign|signpost', '交通标志'],
  ['speed bump|speed hump', '减速带'],
  ['fare|taxi meter|use the meter|refused to use the meter|overcharged fare', '车费 打表'],
  ['refuse short trips|refused to take me|refuse to take me|refused to pick me up|refuse passengers|refusing passengers', '拒载'],
  ['station|bus station|train station|railway station|high-speed rail|high speed rail', '车站'],
  ['toll|toll gate|toll station', '收费站'],
  // health
  ['medical record|medical records|test results|report card', '病历'],
  ['refused to treat|refused treatment|turned away by|wouldnt see|would not see', '拒诊'],
  ['registration fee|queue at the hospital|appointment', '挂号 预约'],
  ['dentist|dental clinic', '牙科 诊所'],
  ['cosmetic surgery|plastic surgery|botox|medical beauty|aesthetic clinic', '医美'],
  ['birth certificate|birth medical certificate', '出生医学证明'],
  ['checkup|check-up|physical exam|medical exam|health check', '体检'],
  // market and consumer
  ['online shopping|online order|platform|taobao|jd|pinduoduo|meituan|eleme|app', '网购 平台'],
  ['warranty|after-sales|after sales|repair service|defective|faulty|broke after', '售后 质量问题'],
  ['receipt|invoice|fapiao', '发票'],
  ['hidden charge|hidden fee|extra charge|service charge|price tag|not marked|unmarked price', '乱收费 明码标价'],
  ['hygiene|dirty kitchen|unhygienic', '卫生 食品安全'],
  ['filthy|dirty', '脏乱'],
  ['gym closed|ran away with|took our money', '跑路 退款'],
  ['closed down|shut down|close down', '倒闭 关门'],
  ['went bust|go bust|gone bust|bankrupt|bankruptcy|went under', '倒闭 跑路'],
  ['bug|insect|worm|maggot|foreign object', '异物'],
  ['pet shop|phone shop|electronics', '商家'],
];

/**
 * How a resident asks for action in English, read on the whole lower-cased text (english.ts `englishCues`).
 * A complaint is often phrased as a question ("why does nobody fix…?", "can someone do something about…?",
 * "is it legal that my landlord…?"); the question form alone made the category model read an inquiry. The
 * Chinese side is the words Chinese letters use for the same move (至今/多次/没人管/要求…处理/相关部门),
 * which the category model learned from thousands of petitions. The words were chosen by what they do
 * to the trained category model on made-up readings (not the test set): 相关部门, 没人管/不作为 and
 * 要求…处理 move a grievance towards petition; question words (合法吗, 为什么, 凭什么) and 不予受理 /
 * 投诉无果 move it towards inquiry, so they are not used. Pure "how do I / where can I" questions keep
 * their inquiry reading (CONCEPTS above). No danger words.
 */
export const CUES: Array<[RegExp, string]> = [
  // Something has gone on for a long time, or still has not been done.
  [/\bstill (?:not|no|nothing|hasn't|haven't|hasnt|havent|isn't|isnt|aren't|arent|doesn't|doesnt|don't|dont|didn't|didnt|won't|wont|can't|cant|cannot|waiting|broken|there|going on|happening|unpaid|owed|has not|have not|is not|are not|do not|does not)\b/, '至今 仍未'],
  [/\bfor (?:over |more than |almost |nearly |about |around |the (?:last|past) )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|a few|few|a couple of)? ?(?:weeks|months|years)\b|\bfor (?:a|one|half a) (?:month|year)\b|\bfor ages\b|\bsince last (?:week|month|year|summer|winter|spring|autumn)\b|\bmonths? ago\b|\bweeks ago\b|\byears ago\b/, '一直 长期'],
  // The resident has complained before, to no effect.
  [/\b(?:complained|called|reported|phoned|rang|wrote|emailed|messaged|told them|asked them)(?: \w+){0,4} (?:many|several|multiple|countless|two|three|four|five|a few|dozens of|numerous) times\b|\bagain and again\b|\bover and over\b|\brepeatedly\b|\btime after time\b|\bkeep (?:complaining|calling|reporting)\b|\bcomplained (?:before|already|to)\b|\breported (?:it|this) (?:before|already|to)\b/, '多次 反映 问题 相关部门'],
  [/\b(?:nobody|no one|no-one|noone)\b(?: \w+){0,2} (?:fix|fixes|fixed|care|cares|cared|answer|answers|answered|respond|responds|responded|reply|replies|replied|deal|deals|dealt|do|does|did|come|comes|came|help|helps|helped|listen|listens|take|takes|check|checks|handle|handles|handled|seem|seems|bother|bothers|stop|stops|enforce|enforces|manage|manages|clean|cleans|repair|repairs|pick|picks|picked|get|gets|got|follow|follows|followed|show|shows|showed|call|calls|called|return|returns|returned)\b|\bno (?:response|reply|answer|action|feedback|result|follow-up|follow up|news|update|updates|word)\b|\b(?:heard nothing|(?:haven't|havent|have not|hasn't|hasnt|has not) heard (?:back|anything))\b|\b(?:ignored|ignore us|ignore me|ignores|ignoring)\b|\bnothing (?:has been|was|is being|gets|got|has|ever) (?:done|changed|happened|happens|fixed)\b|\bnothing (?:happens|happened|changed|changes)\b|\b(?:didn't|didnt|don't|dont|doesn't|doesnt|won't|wont|never) (?:do|did) anything\b|\bpass(?:ed|ing)? (?:us |me |it )?(?:the buck|around|back and forth)\b|\bpush(?:ed|ing|es)? (?:it|the responsibility|us|me) (?:back|around|onto|to each other)\b/, '没人管 不作为 相关部门'],
  // An explicit demand that a body act.
  [/\b(?:i|we) want (?:them|him|her|the \w+|someone|you|the government|the authorities) to\b|\b(?:please|pls|kindly) (?:make|force|order|tell|get) (?:them|him|her|the \w+)\b|\bmake them (?:stop|pay|fix|return|remove|refund|close|move)\b|\b(?:please|pls|kindly) (?:stop|deal with|investigate|look into|fix|review|check|handle|send someone|inspect|punish|fine|remove|sort out|follow up|intervene|help us|urge|supervise|correct|enforce|repair|clean up|close|shut down)\b|\bstep in\b|\btake action\b|\bdo something\b|\b(?:intervene|crack down|hold (?:them|him|her|the \w+) (?:accountable|responsible))\b|\b(?:someone|somebody|the government|the authorities|the city|the district|you) (?:should|needs to|need to|has to|have to|must|ought to)\b|\bshould be (?:stopped|punished|fined|removed|fixed|investigated|closed|shut down|dealt with|held)\b/, '要求 相关部门 处理'],
  // A complaint asked as a question.
  [/\b(?:can|could|would|will) (?:someone|somebody|anyone|anybody|the government|the authorities|the city|the district|the police|the bureau|your office|you guys|you) (?:please )?(?:do|fix|stop|check|look|send|deal|help us|make|tell|come|remove|clean|sort|handle|investigate|inspect|enforce|act|talk|order|force|get)\b/, '要求 相关部门 处理'],
  [/\b(?:is|isn't|isnt) (?:it|this|that) (?:even |really |actually )?(?:legal|allowed|lawful|permitted|normal|acceptable|reasonable|fair|right|ok|okay)\b|\b(?:are|is) (?:they|he|she|the \w+|my \w+|our \w+) (?:even |really |actually )?(?:allowed|permitted|entitled) to\b|\b(?:can|could) (?:they|he|she|the \w+|my \w+|our \w+) (?:just|really|legally|even)\b|\bhow (?:can|could|come) (?:they|he|she|this|that|these|those|my \w+|our \w+|people)\b|\bhow is (?:this|that|it) (?:allowed|legal|possible|acceptable)\b|\bwhy (?:does|do|did|is|are|was|were|has|have|can't|cant|cannot|won't|wont|isn't|isnt|aren't|arent|hasn't|hasnt|haven't|havent|doesn't|doesnt|don't|dont|didn't|didnt|should|must|is there|are there)\b(?=[^.?!]*\b(?:nobody|no one|not|never|nothing|no|still|again|allowed|always|every|n't|so long|so slow|so much|so many|ignore|refuse|refuses|refused|keep|keeps|charge|charges|let|allow)\b|[^.?!]*n't\b)/, '违规 相关部门 查处'],
  // Words of grievance.
  [/\b(?:illegal|illegally|unlawful|against the (?:law|rules|regulations)|not allowed|violat\w*|breaking the (?:law|rules)|unreasonable|unfair|unjust|outrageous|ridiculous|unacceptable|fed up|sick of|tired of|enough is enough|abuse of power|irresponsible|negligen\w*|cover(?:ing|ed|s)? (?:it |this |that )?up|bribe\w*|corrupt\w*)\b/, '违规 查处'],
  [/\b(?:paid|pay|salary|salaries|wages?)\b(?: \w+){0,4} late\b/, '拖欠'],
  [/\b(?:rejected|refused|denied|turned down|turned away|without (?:any |a )?(?:reason|explanation|notice)|no reason given|no explanation)\b/, '拒绝'],
  // Work in the small hours: 10pm–5am, as a clock time ("until 2am"), is what 夜间 says in letters (半夜 and 深夜
  // are what neighbour quarrels say: they pulled a building site's noise towards mediation).
  [/\b(?:12|[1-5])(?::[0-5]\d)? ?(?:am|a\.m\.)(?![a-z])|\b(?:11|10)(?::[0-5]\d)? ?(?:pm|p\.m\.)(?![a-z])/, '夜间'],
];

/**
 * Questions about a procedure, read on the whole lower-cased text as CUES are: the Chinese words a 简体
 * resident's question carries (请问…期限/多少天, 去哪里办理, 需要什么材料, 怎么办), so that "how many days do
 * I have to apply for reconsideration?" reads as the inquiry "请问申请行政复议的期限是多少天？" does.
 * A complaint asked as a question ("how long do we have to wait?!", "how many days has it been?") is not
 * a procedure question: waiting, putting up with and going on are excluded.
 */
const NOT_A_COMPLAINT = String.raw`(?![^.?!]*\b(?:wait|waiting|put up|suffer|endure|tolerate|live with|go on|going on|continue|been)\b(?! list))`;
export const QUESTION_CUES: Array<[RegExp, string]> = [
  [new RegExp(String.raw`\b(?:how (?:many|much) (?:days|working days|weeks|months|years|time)|how long (?:do|does|will|would|can|could|should|is|are|must|until|before)|how soon (?:do|does|will|must|should|can)|within how (?:many|long)|what(?:'s| is) the (?:time limit|deadline|limitation period|cut-?off)|is there (?:a|any) (?:deadline|time limit)|when is the deadline|by when)\b` + NOT_A_COMPLAINT), '请问 期限 多少天'],
  [/\bhow much (?:is|are|does|do|will|would|should|can|must)\b|\bwhat(?:'s| is) the (?:penalty|fine|fee|cost|charge) (?:for|if|of)\b/, '请问 多少'],
  [/\b(?:under what conditions|what (?:are the )?conditions|who (?:is eligible|qualifies|can apply)|(?:am i|are we) eligible|do (?:i|we) qualify)\b/, '请问 条件'],
  [/\b(?:do|must|should|can) (?:i|we) (?:go|come|apply|do it) in person\b|\b(?:can|could) (?:i|we) (?:apply|do it|submit it) online\b/, '请问 办理'],
  [/\bwhen (?:will|would|do|does|can|should) (?:i|we) (?:get|hear|receive)\b|\bwhen (?:will|would|does|do) (?:the \w+|they|it|you) (?:answer|reply|respond|decide|process)\b/, '请问 多久'],
  [/\bwhere (?:do|can|should|must|could) (?:i|we)\b(?: \w+)? (?:go|apply|get|submit|file|register|report|do|hand|take|collect|find)\b|\bwhere to (?:go|apply|get|submit|file|register)\b|\bwhich (?:office|department|bureau|authority|agency|government office)\b|\bwho (?:handles|deals with|is responsible for|do i (?:contact|ask|call))\b/, '请问 哪里 办理'],
  [/\b(?:what|which) (?:documents|papers|materials|certificates|documentation)\b|\bwhat (?:do|should|must) (?:i|we) (?:need to )?(?:bring|prepare|submit|provide)\b|\bwhat is needed\b/, '请问 需要 材料'],
  [/\bwhat (?:can|should|do|could|shall) (?:i|we) do\b|\bwhat are (?:my|our) (?:options|rights)\b|\bwhat options do (?:i|we) have\b/, '怎么办'],
];
