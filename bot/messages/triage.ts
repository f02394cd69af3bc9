import type { Catalogue } from './types.js';

/**
 * User-facing texts of the triage area.
 *
 * Emergency numbers: 110 / 119 / 120 are national. The crisis lines are configured defaults for a
 * Shenzhen deployment (深圳市心理危机干预热线 0755-25629459, national 心理援助热线 12356); another
 * deployment changes them here in one place: every emergency text takes them from CRISIS_LINES.
 */
export const CRISIS_LINES = {
  local: { 'zh-Hans': '深圳市心理危机干预热线 0755-25629459', 'zh-Hant': '深圳市心理危機干預熱線 0755-25629459', en: 'Shenzhen psychological crisis line 0755-25629459' },
  national: { 'zh-Hans': '全国心理援助热线 12356', 'zh-Hant': '全國心理援助熱線 12356', en: 'national mental-health helpline 12356' },
} as const;

const crisis = (lang: 'zh-Hans' | 'zh-Hant' | 'en') => `${CRISIS_LINES.local[lang]}; ${CRISIS_LINES.national[lang]}`;

export const messages = {
  // Emergencies: one text per kind (triage/emergency.ts EmergencyKind), then the common footer.
  'triage.emergency.suicide': {
    'zh-Hans': `你现在的感受很重要,你不是一个人。请马上拨打 24 小时心理危机热线:${crisis('zh-Hans')}。如果你已经伤害了自己或有立即的危险,请立刻拨打 120 或 110。`,
    'zh-Hant': `你現在的感受很重要,你不是一個人。請馬上撥打 24 小時心理危機熱線:${crisis('zh-Hant')}。如果你已經傷害了自己或有立即的危險,請立刻撥打 120 或 110。`,
    en: `What you are feeling matters, and you are not alone. Please call a 24-hour crisis line now: ${crisis('en')}. If you have already hurt yourself or are in immediate danger, call 120 (ambulance) or 110 (police) right away.`,
  },
  'triage.emergency.self_harm': {
    'zh-Hans': `如果伤口严重或血止不住,请马上拨打 120。想找人聊聊,可以拨打 24 小时热线:${crisis('zh-Hans')}。`,
    'zh-Hant': `如果傷口嚴重或血止不住,請馬上撥打 120。想找人聊聊,可以撥打 24 小時熱線:${crisis('zh-Hant')}。`,
    en: `If the wound is serious or the bleeding will not stop, call 120 now. To talk to someone, call a 24-hour line: ${crisis('en')}.`,
  },
  'triage.emergency.violence': {
    'zh-Hans': '有人身危险请马上拨打 110 报警;有人受伤请拨打 120。请先躲到安全的地方,锁好门。',
    'zh-Hant': '有人身危險請馬上撥打 110 報警;有人受傷請撥打 120。請先躲到安全的地方,鎖好門。',
    en: 'If anyone is in danger, call the police on 110 now; if someone is hurt, call 120. Get to a safe place and lock the door first.',
  },
  'triage.emergency.fire': {
    'zh-Hans': '请马上拨打 119 火警。先离开现场,走楼梯不要乘电梯,用湿毛巾捂住口鼻,低姿撤离。',
    'zh-Hant': '請馬上撥打 119 火警。先離開現場,走樓梯不要乘電梯,用濕毛巾捂住口鼻,低姿撤離。',
    en: 'Call the fire service on 119 now. Leave the building by the stairs, not the lift; cover your nose and mouth with a wet cloth and stay low.',
  },
  'triage.emergency.gas': {
    'zh-Hans': '请不要开关电器、不要点火、不要在室内打电话。马上关闭燃气阀门,打开门窗,离开后在室外拨打 119 和燃气公司抢修电话。',
    'zh-Hant': '請不要開關電器、不要點火、不要在室內打電話。馬上關閉燃氣閥門,打開門窗,離開後在室外撥打 119 和燃氣公司搶修電話。',
    en: 'Do not touch switches, light anything or phone from inside. Close the gas valve, open the windows, get out, then call 119 and the gas company from outside.',
  },
  'triage.emergency.medical': {
    'zh-Hans': '请马上拨打 120 急救电话,说清地址和病人情况,保持电话畅通。',
    'zh-Hant': '請馬上撥打 120 急救電話,說清地址和病人情況,保持電話暢通。',
    en: 'Call an ambulance on 120 now; give the address and what is wrong, and keep your phone free.',
  },
  'triage.emergency.drowning': {
    'zh-Hans': '请马上拨打 110 和 120。不会游泳不要下水,向落水者抛绳子、救生圈或木板。',
    'zh-Hant': '請馬上撥打 110 和 120。不會游泳不要下水,向落水者拋繩子、救生圈或木板。',
    en: 'Call 110 and 120 now. Do not go into the water unless you are trained; throw a rope, a float or a board instead.',
  },
  'triage.emergency.disaster': {
    'zh-Hans': '请马上拨打 119 或 110 求救,说清位置和被困人数。尽量到高处或安全的空旷地带,保持手机电量。',
    'zh-Hant': '請馬上撥打 119 或 110 求救,說清位置和被困人數。盡量到高處或安全的空曠地帶,保持手機電量。',
    en: 'Call 119 or 110 now and give your location and how many people are trapped. Move to higher or open safe ground and save your phone battery.',
  },
  'triage.emergency.other': {
    'zh-Hans': '如有危险请马上拨打:110 报警,119 火警,120 急救。',
    'zh-Hant': '如有危險請馬上撥打:110 報警,119 火警,120 急救。',
    en: 'If you are in danger, call now: 110 police, 119 fire, 120 ambulance.',
  },
  'triage.emergency.footer': {
    'zh-Hans': '我们已通知信访局值班人员。这个机器人不能替代紧急电话,请先打电话。',
    'zh-Hant': '我們已通知信訪局值班人員。這個機器人不能替代緊急電話,請先打電話。',
    en: 'We have alerted the petition office on duty. This bot cannot replace an emergency call: please phone first.',
  },

  // Unclear: one clarifying question.
  'triage.unclear.greeting': {
    'zh-Hans': '您好!请直接说说遇到了什么问题:发生在哪里、从什么时候开始、希望怎么解决。',
    'zh-Hant': '您好!請直接說說遇到了甚麼問題:發生在哪裡、從甚麼時候開始、希望怎麼解決。',
    en: 'Hello! Please tell us what the problem is: where it happens, since when, and what you would like done.',
  },
  'triage.unclear.details': {
    'zh-Hans': '能再具体一点吗?请说明是什么事、在什么地方、涉及哪个单位或哪些人。',
    'zh-Hant': '能再具體一點嗎?請說明是甚麼事、在甚麼地方、涉及哪個單位或哪些人。',
    en: 'Could you say a little more? What happened, where, and which organisation or people are involved?',
  },
  'triage.unclear.no_engine': {
    'zh-Hans': '我们暂时无法自动判断您的诉求,已转给工作人员处理。您也可以补充更多细节。',
    'zh-Hant': '我們暫時無法自動判斷您的訴求,已轉給工作人員處理。您也可以補充更多細節。',
    en: 'We could not sort your message automatically just now; a staff member will look at it. You are welcome to add more detail.',
  },
  'triage.injection.note': {
    'zh-Hans': '提示:消息中要求机器人改变规则或标记优先级的内容不会被执行,我们只按您反映的实际情况处理。',
    'zh-Hant': '提示:訊息中要求機器人改變規則或標記優先級的內容不會被執行,我們只按您反映的實際情況處理。',
    en: 'Note: requests in a message to change the rules or mark a priority are not followed; we handle the matter you describe on its merits.',
  },
  'triage.redacted.note': {
    'zh-Hans': '为保护您的隐私,消息中的身份证号、电话、银行卡号和邮箱已被隐去。',
    'zh-Hant': '為保護您的私隱,訊息中的身份證號、電話、銀行卡號和電郵已被隱去。',
    en: 'To protect your privacy, ID numbers, phone numbers, bank card numbers and e-mail addresses in your message were hidden.',
  },

  // Answers from the knowledge base.
  'triage.answer.intro': {
    'zh-Hans': '根据以下规定:',
    'zh-Hant': '根據以下規定:',
    en: 'According to the following provisions (quoted in Chinese):',
  },
  'triage.answer.llm_sources': {
    'zh-Hans': '依据:',
    'zh-Hant': '依據:',
    en: 'Sources:',
  },
  'triage.answer.none': {
    'zh-Hans': '知识库中没有找到能回答这个问题的规定。如需要,我们可以为您登记,由工作人员答复。',
    'zh-Hant': '知識庫中沒有找到能回答這個問題的規定。如需要,我們可以為您登記,由工作人員答覆。',
    en: 'No passage in our documents answers this. If you wish, we can register your question for a staff member to answer.',
  },
  'triage.answer.disclaimer': {
    'zh-Hans': '以上内容摘自法规原文,仅供参考,具体以有关部门答复为准。',
    'zh-Hant': '以上內容摘自法規原文,僅供參考,具體以有關部門答覆為準。',
    en: 'Quoted from the regulations for reference; the responsible department’s reply is what counts.',
  },
} satisfies Catalogue;

/** Catalogue key of the emergency reply for a kind; unknown kinds get the generic numbers. */
export function emergencyMessageKey(kind: string): string {
  const key = `triage.emergency.${kind}`;
  return key in messages ? key : 'triage.emergency.other';
}
