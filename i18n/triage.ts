import type { Catalogue } from './types.js';

/**
 * User-facing texts of the triage area.
 *
 * Emergency numbers: 110 / 119 / 120 are national. The crisis lines are configured defaults for a
 * Shenzhen deployment (深圳市心理危机干预热线 0755-25629459, national 心理援助热线 12356, 全国妇联
 * 12338 for domestic violence); another district changes them here in one place (docs/crisis.md):
 * every emergency and concern text takes them from CRISIS_LINES.
 */
export const CRISIS_LINES = {
  local: { 'zh-Hans': '深圳市心理危机干预热线 0755-25629459', 'zh-Hant': '深圳市心理危機干預熱線 0755-25629459', en: 'Shenzhen psychological crisis line 0755-25629459' },
  national: { 'zh-Hans': '全国心理援助热线 12356', 'zh-Hant': '全國心理援助熱線 12356', en: 'national mental-health helpline 12356' },
  domesticViolence: { 'zh-Hans': '妇女维权热线 12338', 'zh-Hant': '婦女維權熱線 12338', en: "women's rights hotline 12338" },
} as const;

type Lang = 'zh-Hans' | 'zh-Hant' | 'en';
const crisis = (lang: Lang) => `${CRISIS_LINES.local[lang]}${lang === 'en' ? '; ' : '；'}${CRISIS_LINES.national[lang]}`;
const dv = (lang: Lang) => CRISIS_LINES.domesticViolence[lang];

export const messages = {
  // Emergencies: one text per kind (triage/emergency.ts EmergencyKind), then the common footer.
  // Suicide: safe-messaging wording (no method talk; ask them to call; stay; we can alert someone).
  'triage.emergency.suicide': {
    'zh-Hans': `谢谢您告诉我们。您现在的感受很重要，您不是一个人。请现在就拨打 24 小时心理危机热线，会有人认真听您说：${crisis('zh-Hans')}。如果您已经伤害了自己，或觉得自己撑不过今晚，请立刻拨打 120 或 110。请到有人的地方去，或者让一个您信任的人现在过来陪您；如果是别人有危险，请留在他身边，把危险物品拿开，并马上打电话。我们已经请值班人员跟进。`,
    'zh-Hant': `謝謝您告訴我們。您現在的感受很重要，您不是一個人。請現在就撥打 24 小時心理危機熱線，會有人認真聽您說：${crisis('zh-Hant')}。如果您已經傷害了自己，或覺得自己撐不過今晚，請立刻撥打 120 或 110。請到有人的地方去，或者讓一個您信任的人現在過來陪您；如果是別人有危險，請留在他身邊，把危險物品拿開，並馬上打電話。我們已經請值班人員跟進。`,
    en: `Thank you for telling us. What you are feeling matters, and you are not alone. Please call a 24-hour crisis line now — someone will listen: ${crisis('en')}. If you have already hurt yourself or feel you cannot stay safe tonight, call 120 (ambulance) or 110 (police) right away. Go where other people are, or ask someone you trust to come and stay with you now; if it is someone else who is in danger, stay with them, move anything dangerous away and call now. We have asked the duty staff to follow up.`,
  },
  'triage.emergency.overdose': {
    'zh-Hans': `请马上拨打 120，说清吃了什么、大约多少、什么时候吃的，把药盒或瓶子留着给医生看。不要催吐，不要让人独处；如果叫不醒，让他侧躺并保持呼吸道通畅。心理危机热线：${crisis('zh-Hans')}。`,
    'zh-Hant': `請馬上撥打 120，說清吃了甚麼、大約多少、甚麼時候吃的，把藥盒或瓶子留著給醫生看。不要催吐，不要讓人獨處；如果叫不醒，讓他側躺並保持呼吸道暢通。心理危機熱線：${crisis('zh-Hant')}。`,
    en: `Call an ambulance on 120 now: say what was taken, roughly how much and when, and keep the box or bottle for the doctors. Do not make them vomit and do not leave them alone; if they cannot be woken, lay them on their side and keep the airway clear. Crisis lines: ${crisis('en')}.`,
  },
  'triage.emergency.self_harm': {
    'zh-Hans': `如果伤口严重或血止不住，请马上拨打 120，用干净的布用力按住伤口。您不需要一个人扛着，现在就可以拨打 24 小时热线：${crisis('zh-Hans')}。`,
    'zh-Hant': `如果傷口嚴重或血止不住，請馬上撥打 120，用乾淨的布用力按住傷口。您不需要一個人扛著，現在就可以撥打 24 小時熱線：${crisis('zh-Hant')}。`,
    en: `If the wound is serious or the bleeding will not stop, call 120 now and press hard on it with a clean cloth. You do not have to carry this alone: you can call a 24-hour line now: ${crisis('en')}.`,
  },
  // Violence: safety first, then the Anti-Domestic Violence Law route (告诫书, 人身安全保护令).
  'triage.emergency.violence': {
    'zh-Hans': `先保证安全：能离开就马上离开，去邻居家或有人的地方；离不开就躲进能反锁的房间，马上拨打 110 报警；有人受伤请拨打 120。如果是家里人施暴：安全以后，可以要求公安机关出具告诫书，并向法院申请人身安全保护令（《反家庭暴力法》，法院一般 72 小时内作出，紧急情况 24 小时内）；也可以拨打${dv('zh-Hans')}或找居委会、妇联帮忙。`,
    'zh-Hant': `先保證安全：能離開就馬上離開，去鄰居家或有人的地方；離不開就躲進能反鎖的房間，馬上撥打 110 報警；有人受傷請撥打 120。如果是家裡人施暴：安全以後，可以要求公安機關出具告誡書，並向法院申請人身安全保護令（《反家庭暴力法》，法院一般 72 小時內作出，緊急情況 24 小時內）；也可以撥打${dv('zh-Hant')}或找居委會、婦聯幫忙。`,
    en: `Safety first: if you can leave, leave now and go to a neighbour or somewhere with people; if you cannot, lock yourself in a room and call the police on 110 now; if anyone is hurt, call 120. If it is someone at home: once you are safe, you can ask the police for a written warning (告诫书) and apply to the court for a personal safety protection order under the Anti-Domestic Violence Law (usually decided within 72 hours, within 24 hours if urgent); you can also call the ${dv('en')} or ask the residents' committee or the women's federation for help.`,
  },
  'triage.emergency.child_elder': {
    'zh-Hans': '请马上拨打 110（需要破门或救援时拨 119，有人受伤拨 120），说清楼栋、楼层和门牌。孩子在窗外或高处时不要大声喊叫吓到他，从屋内慢慢靠近；老人摔倒时如有伤痛不要强行扶起，给他保暖，等救援。',
    'zh-Hant': '請馬上撥打 110（需要破門或救援時撥 119，有人受傷撥 120），說清樓棟、樓層和門牌。孩子在窗外或高處時不要大聲喊叫嚇到他，從屋內慢慢靠近；老人跌倒時如有傷痛不要強行扶起，給他保暖，等救援。',
    en: 'Call 110 now (119 if a door must be forced or a rescue is needed, 120 if someone is hurt) and give the building, floor and flat. If a child is outside a window or up high, do not shout and startle them — approach calmly from inside; if an older person has fallen and is in pain, do not pull them up — keep them warm and wait for help.',
  },
  'triage.emergency.medical': {
    'zh-Hans': '请马上拨打 120 急救电话，说清地址和病人情况，保持电话畅通。等待时：记下发病时间（嘴歪、手没力、说话不清可能是中风，时间很重要）；不要给吃喝东西；胸痛让他坐下休息；叫不醒、没有正常呼吸时按 120 调度员的指导做胸外按压；把门打开方便急救人员进来。',
    'zh-Hant': '請馬上撥打 120 急救電話，說清地址和病人情況，保持電話暢通。等待時：記下發病時間（嘴歪、手沒力、說話不清可能是中風，時間很重要）；不要給吃喝東西；胸痛讓他坐下休息；叫不醒、沒有正常呼吸時按 120 調度員的指導做胸外按壓；把門打開方便急救人員進來。',
    en: 'Call an ambulance on 120 now; give the address and what is wrong, and keep your phone free. Meanwhile: note the time it started (a drooping face, a weak arm or slurred speech can be a stroke — time matters); give nothing to eat or drink; let someone with chest pain sit and rest; if they cannot be woken and are not breathing normally, do chest compressions as the 120 dispatcher tells you; unlock the door for the crew.',
  },
  'triage.emergency.flood': {
    'zh-Hans': '请马上拨打 119 或 110，说清位置和被困人数。往高处去（楼上、屋顶），不要蹚过流动的水，远离电线；保持手机电量，用颜色鲜艳的衣物示意。',
    'zh-Hant': '請馬上撥打 119 或 110，說清位置和被困人數。往高處去（樓上、屋頂），不要蹚過流動的水，遠離電線；保持手機電量，用顏色鮮豔的衣物示意。',
    en: 'Call 119 or 110 now and give your location and how many people are trapped. Get higher (upstairs, the roof), do not walk through moving water, keep away from power lines; save your phone battery and signal with something brightly coloured.',
  },
  'triage.emergency.collapse': {
    'zh-Hans': '请马上拨打 119 和 120，说清位置和可能被压的人数。不要再进入倒塌的地方，远离还可能掉落的墙体；被困的人尽量保存体力，敲击管道或墙面求救。',
    'zh-Hant': '請馬上撥打 119 和 120，說清位置和可能被壓的人數。不要再進入倒塌的地方，遠離還可能掉落的牆體；被困的人盡量保存體力，敲擊管道或牆面求救。',
    en: 'Call 119 and 120 now and give the location and how many people may be trapped. Do not go back into the collapsed area and keep away from walls that may still fall; anyone trapped should save their strength and tap on pipes or walls.',
  },
  'triage.emergency.fire': {
    'zh-Hans': '请马上拨打 119 火警。先离开现场，走楼梯不要乘电梯，用湿毛巾捂住口鼻，低姿撤离。',
    'zh-Hant': '請馬上撥打 119 火警。先離開現場，走樓梯不要乘電梯，用濕毛巾捂住口鼻，低姿撤離。',
    en: 'Call the fire service on 119 now. Leave the building by the stairs, not the lift; cover your nose and mouth with a wet cloth and stay low.',
  },
  'triage.emergency.gas': {
    'zh-Hans': '请不要开关电器、不要点火、不要在室内打电话。马上关闭燃气阀门，打开门窗，离开后在室外拨打 119 和燃气公司抢修电话。',
    'zh-Hant': '請不要開關電器、不要點火、不要在室內打電話。馬上關閉燃氣閥門，打開門窗，離開後在室外撥打 119 和燃氣公司搶修電話。',
    en: 'Do not touch switches, light anything or phone from inside. Close the gas valve, open the windows, get out, then call 119 and the gas company from outside.',
  },
  'triage.emergency.drowning': {
    'zh-Hans': '请马上拨打 110 和 120。不会游泳不要下水，向落水者抛绳子、救生圈或木板。',
    'zh-Hant': '請馬上撥打 110 和 120。不會游泳不要下水，向落水者拋繩子、救生圈或木板。',
    en: 'Call 110 and 120 now. Do not go into the water unless you are trained; throw a rope, a float or a board instead.',
  },
  'triage.emergency.disaster': {
    'zh-Hans': '请马上拨打 119 或 110 求救，说清位置和被困人数。尽量到高处或安全的空旷地带，保持手机电量。',
    'zh-Hant': '請馬上撥打 119 或 110 求救，說清位置和被困人數。盡量到高處或安全的空曠地帶，保持手機電量。',
    en: 'Call 119 or 110 now and give your location and how many people are trapped. Move to higher or open safe ground and save your phone battery.',
  },
  'triage.emergency.other': {
    'zh-Hans': '如有危险请马上拨打：110 报警，119 火警，120 急救。',
    'zh-Hant': '如有危險請馬上撥打：110 報警，119 火警，120 急救。',
    en: 'If you are in danger, call now: 110 police, 119 fire, 120 ambulance.',
  },
  'triage.emergency.footer': {
    'zh-Hans': '我们已通知信访局值班人员。这个机器人不能替代紧急电话，请先打电话。',
    'zh-Hant': '我們已通知信訪局值班人員。這個機器人不能替代緊急電話，請先打電話。',
    en: 'We have alerted the petition office on duty. This bot cannot replace an emergency call: please phone first.',
  },

  // Concern: distress without immediate danger. The request is still handled after this reply.
  'triage.crisis.concern': {
    'zh-Hans': `听起来您最近压力很大，谢谢您愿意说出来。如果您想找人聊聊，24 小时热线随时可以打：${crisis('zh-Hans')}。如果也想和社区的心理咨询服务聊聊，单独发一句告诉我们（比如“我想找心理咨询师聊聊”），我们会为您推荐机构。您反映的事情我们会继续处理。如果您有伤害自己的想法或有危险，请马上拨打 120 或 110。`,
    'zh-Hant': `聽起來您最近壓力很大，謝謝您願意說出來。如果您想找人聊聊，24 小時熱線隨時可以打：${crisis('zh-Hant')}。如果也想和社區的心理諮詢服務聊聊，單獨發一句告訴我們（比如「我想找心理諮詢師聊聊」），我們會為您推薦機構。您反映的事情我們會繼續處理。如果您有傷害自己的想法或有危險，請馬上撥打 120 或 110。`,
    en: `It sounds like things have been very hard lately — thank you for saying so. If you would like to talk to someone, these 24-hour lines are always open: ${crisis('en')}. If you would also like to talk with a community counselling service, tell us in a message of its own (for example "I would like to talk to a counsellor") and we will suggest an organization. We will keep handling the matter you raised. If you are thinking of harming yourself or are in danger, call 120 or 110 now.`,
  },
  // Concern about someone else's safety (an elder alone, a child, a hazard at home) with no danger now:
  // the emergency numbers if it turns urgent, not the mental-health lines, which read as beside the point.
  'triage.crisis.concern.safety': {
    'zh-Hans': '如果现在就有人有危险（例如老人或孩子无人照看出了状况、燃气或炉火没关、有人受伤或不舒服），请马上拨打 120、119 或 110。您反映的事情我们会继续处理。',
    'zh-Hant': '如果現在就有人有危險（例如老人或小朋友無人照顧出了狀況、燃氣或爐火沒關、有人受傷或不舒服），請馬上撥打 120、119 或 110。您反映的事情我們會繼續處理。',
    en: 'If anyone is in danger right now (an elder or a child left alone and in trouble, gas or a stove left on, someone hurt or unwell), call 120, 119 or 110 at once. We will keep handling the matter you raised.',
  },
  // Violence without self-harm talk: "it sounds like you've been under a lot of stress" misses the point of
  // "我老公经常打我，我不敢回家"; safety comes first, the lines for talking stay.
  'triage.crisis.concern.violence_lead': {
    'zh-Hans': `谢谢您告诉我们，这不是您的错。您的安全最重要：如果对方正在施暴，或您担心马上会有危险，请立即拨打 110。想找人聊聊，24 小时热线随时可以打：${crisis('zh-Hans')}。您反映的事情我们会继续处理。`,
    'zh-Hant': `謝謝您告訴我們，這不是您的錯。您的安全最重要：如果對方正在施暴，或您擔心馬上會有危險，請立即撥打 110。想找人聊聊，24 小時熱線隨時可以打：${crisis('zh-Hant')}。您反映的事情我們會繼續處理。`,
    en: `Thank you for telling us — this is not your fault. Your safety comes first: if someone is hurting you now, or you fear you are about to be in danger, call 110 at once. If you would like to talk to someone, these 24-hour lines are always open: ${crisis('en')}. We will keep handling the matter you raised.`,
  },
  'triage.crisis.concern.violence': {
    'zh-Hans': `如果家里有人对您施暴，您可以随时拨打 110；也可以拨打${dv('zh-Hans')}，或向法院申请人身安全保护令（《反家庭暴力法》）。`,
    'zh-Hant': `如果家裡有人對您施暴，您可以隨時撥打 110；也可以撥打${dv('zh-Hant')}，或向法院申請人身安全保護令（《反家庭暴力法》）。`,
    en: `If someone at home is hurting you, you can call 110 at any time; you can also call the ${dv('en')} or apply to the court for a personal safety protection order (Anti-Domestic Violence Law).`,
  },

  // Unclear: one clarifying question.
  'triage.unclear.greeting': {
    'zh-Hans': '您好！请直接说说遇到了什么问题：发生在哪里、从什么时候开始、希望怎么解决。',
    'zh-Hant': '您好！請直接說說遇到了甚麼問題：發生在哪裡、從甚麼時候開始、希望怎麼解決。',
    en: 'Hello! Please tell us what the problem is: where it happens, since when, and what you would like done.',
  },
  'triage.unclear.details': {
    'zh-Hans': '能再具体一点吗？请说明是什么事、在什么地方、涉及哪个单位或哪些人。',
    'zh-Hant': '能再具體一點嗎？請說明是甚麼事、在甚麼地方、涉及哪個單位或哪些人。',
    en: 'Could you say a little more? What happened, where, and which organisation or people are involved?',
  },
  'triage.unclear.no_engine': {
    'zh-Hans': '我们暂时无法自动判断您的诉求，已转给工作人员处理。您也可以补充更多细节。',
    'zh-Hant': '我們暫時無法自動判斷您的訴求，已轉給工作人員處理。您也可以補充更多細節。',
    en: 'We could not sort your message automatically just now; a staff member will look at it. You are welcome to add more detail.',
  },
  'triage.injection.note': {
    'zh-Hans': '提示：消息中要求机器人改变规则或标记优先级的内容不会被执行，我们只按您反映的实际情况处理。',
    'zh-Hant': '提示：訊息中要求機器人改變規則或標記優先級的內容不會被執行，我們只按您反映的實際情況處理。',
    en: 'Note: requests in a message to change the rules or mark a priority are not followed; we handle the matter you describe on its merits.',
  },
  'triage.redacted.note': {
    'zh-Hans': '为保护您的隐私，消息中的姓名、证件号码、电话、门牌地址、车牌、银行卡号、邮箱和 QQ/微信号已被隐去。',
    'zh-Hant': '為保護您的私隱，訊息中的姓名、證件號碼、電話、門牌地址、車牌、銀行卡號、電郵和 QQ/微信號已被隱去。',
    en: 'To protect your privacy, names, ID and passport numbers, phone numbers, street addresses, licence plates, bank card numbers, e-mail addresses and QQ/WeChat ids in your message were hidden.',
  },

  // Answers from the knowledge base.
  'triage.answer.intro': {
    'zh-Hans': '根据以下规定：',
    'zh-Hant': '根據以下規定：',
    en: 'According to the following (from our policy notes, which summarise the law; a line without an English version is quoted in Chinese):',
  },
  'triage.answer.llm_sources': {
    'zh-Hans': '依据：',
    'zh-Hant': '依據：',
    en: 'Sources:',
  },
  'triage.answer.none': {
    'zh-Hans': '知识库中没有找到能回答这个问题的规定。如需要，我们可以为您登记，由工作人员答复。',
    'zh-Hant': '知識庫中沒有找到能回答這個問題的規定。如需要，我們可以為您登記，由工作人員答覆。',
    en: 'No passage in our documents answers this. If you wish, we can register your question for a staff member to answer.',
  },
  'triage.answer.disclaimer': {
    'zh-Hans': '以上内容摘自所列资料（政策说明概括法规的要点，括号内为依据的条款），仅供参考，具体以法规原文和有关部门答复为准。',
    'zh-Hant': '以上內容摘自所列資料（政策說明概括法規的要點，括號內為依據的條款），僅供參考，具體以法規原文和有關部門答覆為準。',
    en: 'Quoted from the documents named (policy notes summarise the law; the article each rests on is in brackets), for reference only; the law itself and the responsible department’s reply are what count.',
  },
} satisfies Catalogue;

/** Catalogue key of the emergency reply for a kind; unknown kinds get the generic numbers. */
export function emergencyMessageKey(kind: string): string {
  const key = `triage.emergency.${kind}`;
  return key in messages ? key : 'triage.emergency.other';
}
