/**
 * Residents' everyday English for triage/english.ts (issue 9): words seen in foreigners' and Hong Kong
 * residents' messages that the taxonomy's vocabulary (englishLexiconTaxonomy.ts) lacks — the bodies they
 * name, tenancy, wages, visas and Hong Kong residents' papers, schools, noise, transport, health and
 * shopping. Same format as CONCEPTS in englishLexicon.ts.
 */

export const RESIDENT_CONCEPTS: Array<[string, string]> = [
  // Land use said in planning words: a plot shown as a park on the plan, now an office tower, is the planning bureau's.
  ['zoning|rezone|rezoning|land use|planning map|master plan|planned as|planning permission|planning approval|change of use|changed the plan|land was', '规划 用地 规划公示'],
  // A dog off the lead in a public place, nobody enforcing, is a matter for the dog rules, not a quarrel.
  ['off leash|off-leash|off the leash|no leash|without a leash|without leash|unleashed|not on a leash|not leashed|off the lead|no lead', '不牵绳 养犬 犬只'],
  // Being sent from one window to the next is the complaint itself (推诿), whoever the office is.
  ['send us away|send me away|sent us away|sent me away|back and forth|pass the buck|passing the buck|runaround|give us the runaround|from one office to another|from one department to another', '推诿'],
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
  // Not "point" alone: "no point living" had read as 积分 and gone to the education bureau.
  ['point system|points system|points-based|points based|admission points|school points|enough points|more points|my points|our points|points are|many points|points for|points to|score points|積分|jifen', '积分'],
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
  // everyday words added from a blind English probe (english-probe-2, dev half)
  ['rude|impolite|bad attitude|shouted at|yelled at|shouting at|yelling at|unfriendly', '态度 态度恶劣'],
  ['cctv|surveillance|surveillance camera|security camera|security cameras|monitoring footage|footage', '监控'],
  ['dangerous|unsafe|danger|hazard|safety hazard|safety risk|not safe', '安全隐患 危险'],
  ['old people|old person|old man|old woman|old lady|old folks|old ppl|seniors|senior citizen|senior citizens|aged', '老人'],
  ['friend|friends|buddy|classmate of mine', '朋友'],
  ['wechat|weixin|wechat pay', '微信'],
  ['review|recheck|re-check|reexamine|re-examine|reassess|re-assess|look again', '复核'],
  ['find a job|find job|find work|looking for a job|look for a job|looking for work|job hunting|job seeking|get a job', '就业'],
  ['homesick|isolated|no friends|no friend|nobody to talk to|no one to talk to|all alone', '孤独 心理'],
  ['no income|without income|zero income|no salary|no savings|no money for food', '收入 困难'],
  // A loan not paid back is a debt, not wages ("never paid me" alone reads as 欠薪).
  ['pay back|pay me back|paid back|pay it back|pay the money back|return the money|return my money|give back my money|give my money back|never paid me back|never pay me back|never paid us back|not paid me back|hasnt paid me back|havent paid me back|didnt pay me back|wont pay me back|wont pay back|refuse to pay back|refused to pay me back|refuses to pay me back|never paid back|never pay back', '还钱 借钱'],
  ['block me|blocked me|blocks me|blocked my number|block my number|deleted me|unfriended me|disappeared with my money', '拉黑 联系不上'],
  // "My ex" is a former spouse only when no other noun follows: "my ex-boss", "my ex colleague" are work.
  ['my ex-boss|my ex boss|my ex-employer|my ex employer|my ex-company|my ex company|ex-boss|ex boss|ex-employer|ex employer|former employer|former boss|former company|previous employer|previous company|old company|old boss|old employer', '老板 公司 离职'],
  ['my ex-colleague|my ex colleague|my ex-coworker|my ex coworker|my ex-workmate|colleague|coworker|co-worker|workmate', '同事'],
  ['my ex-landlord|my ex landlord|ex-landlord|ex landlord|former landlord|previous landlord|old landlord', '房东'],
  // Work going on, not only a site: "construction noise", "construction next door till midnight".
  ['construction|construction work|building work|building works', '施工'],
  ['training school|language school|english school|tutoring school|tutoring centre|learning center|education center|interest class|art class|dance class|swimming class|piano class', '培训机构'],
  // "Urban renewal" is redevelopment, not the renewal of a permit.
  ['urban renewal|urban redevelopment|redevelopment|village redevelopment|old village renovation|old town renovation', '城市更新 旧改'],
  ['mortgage|home loan|housing loan', '房贷'],
  ['alipay', '支付宝'],
  ['family|family member|family members|relatives', '家人'],
  ['family conflict|family conflicts|family problem|family problems|family issue|family issues|family fight|family fights|family argument|family arguments|family dispute', '家庭 矛盾'],
  ['bedbug|bedbugs|bed bug|bed bugs|termite|termites|mice|mouse|rodent|rodents', '卫生 蚊虫'],
  ['discrimination|discriminate|discriminated|racist|racism', '歧视'],
  ['diarrhea|diarrhoea|stomach ache|stomachache|upset stomach|sick after eating|ill after eating|got sick from|food was bad', '食品安全 变质'],
  // A hospital's "report" is a test report, not a complaint.
  ['test report|lab report|medical report|examination report|checkup report|check-up report|blood test report|scan report|x-ray report|test result', '检查 报告 病历'],
  ['lost my file|lost my files|lost my documents|lost our documents|lost the documents|lost my forms|lost our forms|lost the forms|lost my form|lost my application|lost our application|lost the application|lost my papers|lost the file|lost my materials|lost my report|lost the report', '丢失 材料'],
  ['pay again|paid again|pay twice|paid twice|charge again|charged again|charged twice|double charged|charged double|charge twice', '重复收费 收费'],
  ['disabled allowance|disabled subsidy|subsidy for disabled|allowance for disabled|subsidy for the disabled|allowance for the disabled|disability payment|disabled benefit', '残疾人补贴'],
  ['fruit seller|fruit sellers|street seller|street sellers|roadside seller|roadside stall|peddler|peddlers|pedlar|fruit stall|fruit cart|selling on the street|selling on the sidewalk|selling on the pavement|sell on the street|sell on the sidewalk', '摊贩 占道经营'],
  ['public space|public area|public land|public grass|public green|green belt|green area|lawn|grass area|occupy public|occupied public|took over the|fence off|fenced off', '公共 占用 绿地'],
  ['what is the number|whats the number|what is the phone number|whats the phone number|what is the hotline|whats the hotline|how to contact|how can i contact|how do i contact|contact number for|phone number for|number for the', '请问 电话 哪里'],
  ['old furniture|furniture|mattress|mattresses|sofa|bulky waste|bulky items', '家具 大件垃圾'],
  ['ramp|no ramp|wheelchair access|wheelchair ramp|accessible|accessibility|barrier-free|barrier free|disabled access|tactile paving', '无障碍 设施'],
  ['baby formula|infant formula|milk powder|formula milk', '奶粉 食品'],
  ['made me sick|made us sick|made my baby sick|made my son sick|made my daughter sick|made my child sick|made my kids sick', '食品安全 变质'],
  ['elderly card|senior card|old age card|seniors card|senior citizen card', '长者 优待证'],
  ['parkinson|parkinsons|bedridden|bed-ridden|bed ridden', '老人 照顾 卧床'],
  ['trapped in the lift|trapped in the elevator|stuck in the lift|stuck in the elevator|trapping people|trapped people|people trapped|people stuck|keeps trapping|lift trapped', '电梯 被困'],
  ['stuck in traffic|traffic is terrible|always jammed', '拥堵'],
  ['cut electricity|cut off electricity|cut off power|cut power|cut the electricity|turned off the electricity|turned off our electricity|switched off the electricity|switch off the electricity', '停电'],
  ['cut water|cut off water|turned off the water|turned off our water|switched off the water', '停水'],
  ['stranger|strangers|unknown people|outsiders', '治安'],
  ['minor|minors|underage|under-age|under 18', '未成年人'],
  ['sell cigarettes|selling cigarettes|sells cigarettes|sold cigarettes|sell alcohol|selling alcohol|sells alcohol|sold alcohol|cigarettes to kids|alcohol to kids', '未成年人 商家 违规'],
  ['visit her|visit him|visit them|visits her|visits him|keep her company|keep him company|keep them company|someone to visit|chat with her|chat with him', '陪伴 上门'],
  // Pensions and allowances stop when the yearly proof of life is missed.
  ['face check|face scan|face recognition check|yearly check|annual check|annual verification|yearly verification|proof of life|life certificate|certificate of survival', '认证 停发'],
  ['stopped paying my pension|pension stopped|pension was stopped|stopped my pension|stopped her pension|stopped his pension', '养老保险 停发'],
  ['allowance stopped|allowance was stopped|stopped my allowance|stopped her allowance|stopped his allowance', '补贴 津贴 停发'],
  ['what age|how old must|how old should|how old does|minimum age|age limit|age requirement', '请问 年龄'],
  ['assessment|appraisal|disability assessment|injury assessment|disability grade|disability level|work ability assessment', '鉴定'],
  ['job website|job site|job app|job platform|recruitment app|recruitment website|job posting|job listing', '招聘 网站'],
  ['mobile phone|cellphone|smartphone|iphone|laptop|appliance|home appliance|fridge|refrigerator|washing machine|television', '手机 家电'],
  ['changed the parts|replaced the parts|swapped the parts|fake parts|used parts|second-hand parts|original parts', '配件 假冒'],
  ['fight at school|fights at school|fighting at school|fought at school|fight with classmates|fights with classmates|fighting with classmates|got into fights|gets into fights|get into fights|get into fight', '打架 青少年'],
  ['nephew|niece', '侄子 孩子'],
  // A shop that will not take back what it sold is a consumer complaint ("they wont take it back": an iPhone sold as new
  // had gone to the elderly-care service's smartphone lessons).
  ['wont take it back|won\'t take it back|will not take it back|refuse to take it back|refused to take it back|take it back|wont exchange|won\'t exchange|sold as new|said brand new|box said new|not brand new|refurbished|second hand sold as new', '退货 商家 消费者'],
  // A deaf or blind resident looking for classes and groups is the disability service's.
  ['deaf|hard of hearing|hearing impaired|sign language|blind|visually impaired|wheelchair user', '聋人 手语 残疾人'],
  // A home lost to a fire: sudden hardship, temporary assistance (the probe's "our apartment burned" went to environment).
  ['apartment burned|flat burned|house burned|home burned|burned down|burnt down|lost everything in a fire|lost everything in the fire|house fire|fire destroyed', '火灾 受灾 临时救助'],
  // Platform work: a delivery rider's account blocked and pay kept is a labour matter (the probe's rider went to environment).
  ['delivery rider|delivery driver|do delivery|doing delivery|food delivery|courier|ride-hailing driver|didi driver|rider for', '外卖骑手 平台 劳动'],
  ['blocked my account|froze my account|frozen my account|deactivated my account|banned my account|suspended my account', '封号 平台'],
  ['kept my income|kept my pay|kept my earnings|withheld my pay|withheld my income|withheld my earnings|weeks income|weeks pay|weeks earnings|weeks wages|days income', '克扣 劳动报酬'],
  // Someone posing as the resident online is the police's (冒用身份, 诈骗), not counterfeit goods: "a fake dating profile with
  // my photos, asking men for money" had gone to market regulation on "fake".
  ['fake profile|fake account|fake dating profile|fake social media|using my photos|using my photo|using my pictures|using my name|pretending to be me|posing as me|impersonating me|impersonates me|stole my identity|stolen identity|identity theft', '冒用身份 冒充 诈骗'],
  // Grief after a death is counselling, not a marriage matter ("since my wife passed away…": 夫妻矛盾 had matched "wife").
  ['since my wife passed|since my husband passed|my wife passed away|my husband passed away|my wife died|my husband died|lost my wife|lost my husband|lost my mother|lost my mum|lost my mom|lost my father|lost my dad|lost my son|lost my daughter|lost my child|since she passed|since he passed|widowed|bereaved|bereavement|grieving', '丧亲哀伤 心理疏导'],
  // Break-ins told in British and American verbs ("three flats were burgled", "someone broke into our flat") and patrols
  // asked for: the police's public order (twelfth session; "burgled" had gone to environment).
  ['burgled|burglarized|burglarised|burglar|burglars|broke into|broken into|break-in|break-ins|breaking into|robbed', '入室盗窃 被偷 治安'],
  ['patrol|patrols|patrolling|police patrol', '巡逻 治安'],
  // Words from a thirteenth blind English probe (probe-en-12, 160 lines kept outside the repository; docs/routing-probes.md).
  // A "fake" job, agency or official is a fraud for the police, not counterfeit goods for market regulation.
  ['fake job|fake jobs|fake agency|fake company|fake recruiter|fake recruitment|job scam|fake customs|fake police|fake officer|fake official|fake investment|fake landlord', '诈骗 冒充'],
  // A dog that bit someone is a matter for the dog rules (养犬登记与犬只伤人), not a quarrel between dog walkers.
  ['dog bite|dog bit|dogs bite|bit my|bit his|bit her|bit our|bitten by|attacked by a dog|dog attacked|dog attack', '犬只伤人 咬伤 养犬'],
  // A foreigner's work permit is a question of lawful employment, whoever the employer (a school, a trading company).
  ['work permit|working permit|employment permit|work visa|z visa', '外国人 就业 许可 劳动'],
  // Pay below the legal floor or below what was agreed is a wage complaint, not a question about the minimum wage.
  ['less than minimum wage|less than the minimum wage|below minimum wage|below the minimum wage|under minimum wage|under the minimum wage|lower than minimum wage|lower than the minimum wage|not even minimum wage', '低于 最低工资 克扣 工资'],
  ['pay us half|pay me half|pay them half|pay only half|paid only half|pay half|half of what|half the salary|half my salary|half our salary|less than promised|less than agreed|less than the contract|what the contract says|what contract says', '克扣 工资'],
  // Being pushed out of a rented room (power cut, locks changed) is an eviction.
  ['force us out|forced us out|forcing us out|force them out|force out|drive us out|drove us out|push us out|make us leave|made us leave|make us move out', '赶走 搬走 租客'],
  ['public rental flat|public rental apartment|public rental home|public rental unit|gongzufang|talent apartment|talent flat|affordable flat', '公租房 保障房'],
  // A school place said in pinyin or by the first grade it is asked for.
  ['xuewei|degree place|school degree|apply for a degree|applied for a degree|a degree for|first grade|grade one|primary one|year one', '学位 入学'],
  ['school refuse|school refused|school refuses|school rejected|school reject|school rejects|school wont accept|school would not accept|school does not accept|school doesnt accept|school will not accept|school turned him away|school turned her away', '学校 拒收 入学 学位'],
  // A teacher who asks for gifts and seats the child of a parent who gave none at the back (收礼, 区别对待).
  ['gift for the teacher|gifts for the teacher|gift to the teacher|gifts to the teacher|teachers day|asking parents for|asks parents for|ask parents for|red envelope|red packet|hongbao', '老师 收受 家长 礼品 红包 师德师风'],
  ['back row|last row|moved to the back|sit at the back|seat at the back', '调座位 区别对待 师德'],
  // A photo studio or similar service business holding back what was paid for until more is paid is a consumer matter.
  ['photo studio|wedding studio|wedding photo|wedding photos|wedding photography|photography studio|photographer|nail salon|studio', '商家 消费者 消费纠纷'],
  ['pay extra|paid extra|charge extra|charged extra|extra money|extra fee|extra fees|additional fee|additional fees|additional charge', '乱收费 加价'],
  ['shequ work station|shequ workstation|shequ office|shequ center|work station|workstation', '社区工作站'],
  ['get a certificate|get any certificate|issue a certificate|certificate done|proof of residence|residence proof', '开具证明'],
  // Drinking told as the resident's own problem is addiction support (counselling), not a marriage matter.
  ['drinking too much|drink too much|drinks too much|drinking problem|drinking every night|alcoholic|alcoholism|alcohol problem|quit drinking|stop drinking|bottle every night|bottle a night', '酗酒 戒酒 心理'],
  // A day centre for elders (日间照料), not a kindergarten ("daycare" alone is a child's).
  ['daycare for elderly|daycare for the elderly|elderly daycare|day care for elderly|day care for the elderly|elderly day care|senior daycare|adult day care|day centre for|day center for|elderly center|elderly centre|senior center|senior centre', '日间照料 养老 老人'],
  ['lose the papers|lose my papers|lose our papers|lose the documents|lose my documents|lose our documents|lose the forms|lose our forms|lose the application|lose my application', '丢失 材料'],
  ['chengguan officer|chengguan officers|chengguan guys|chengguan team|city management officer|city management officers|urban management officer|urban management officers', '城管 执法'],
  ['took my cart|took our cart|took my stall|took our stall|took my goods|took our goods|took away my|took away our|seized my cart|confiscated my cart', '暂扣 扣押'],
  ['service fee|service fees', '服务费 收费'],
  // Force used by an officer or a guard (推倒在地): the conduct complained of, whoever used it.
  ['to the ground|pushed me down|pushed him down|pushed her down|knocked me down|knocked him down|shoved|manhandled|roughly|rough with', '粗暴 态度恶劣'],
  // The resident's own shop is a shopkeeper's matter (a fine, an inspection, a sign), not a customer's grievance against a merchant.
  ['my shop|our shop|my own shop|our own shop|my store|our store|my own store|our own store|my restaurant|our restaurant', '店铺 店主'],
  ['wuye|property management|property company|management company|property mgmt', '物业公司'],
  ['changed the locks|changed the lock|change the locks|changing the locks|locked us out|locked me out|lock us out', '换锁 赶走'],
  ['refused by the school|refused by the public school|rejected by the school|rejected by the public school|turned away by the school|turned away by the public school', '学校 拒收 入学 学位'],
  // A service business paid in advance for a wedding, a trip or a move is a consumer matter, not an employer ("company").
  ['wedding planner|wedding company|wedding planning|event planner|event company|travel agency|tour operator|moving company|removal company|removals company', '商家 消费者 消费纠纷'],
  // An urban village's shareholding company (股份合作公司) letting rooms and collecting fees is the street office's.
  ['village joint stock company|village company|village stock company|village collective|joint stock company|joint-stock company|shareholding company', '股份合作公司 出租屋管理'],
];
