import type { Catalogue } from './types.js';

/**
 * User-facing texts of the bot area: the channel itself (welcome, help, privacy, language,
 * commands, polite answers to content the bot cannot handle), button labels for case actions, and
 * the generic error texts `bot.catch` shows for AppError ids.
 */
export const messages = {
  'bot.welcome': {
    'zh-Hans':
      '您好！我是区信访局的在线助手。\n\n' +
      '请直接用文字告诉我您遇到的问题或诉求。我会告诉您该由哪个部门或机构处理；经您确认后为您登记，给您一个案件编号，跟进到办结，最后请您评价是否满意。\n\n' +
      '我们保存什么、谁能看到：您的 Telegram 账号编号、您发来的文字和案件处理记录。信访局工作人员能看到您的原话；承办部门只看到去掉姓名、证件号码、电话、门牌地址、车牌、银行卡号、邮箱和 QQ/微信号后的摘要；社会组织只有在您同意后，才能看到您同意分享的内容。详见 /privacy。\n\n' +
      '⚠️ 紧急情况请不要等待回复，立即拨打：报警 110，火警 119，急救 120。\n\n' +
      '常用命令：/status 查询进度，/withdraw 撤回诉求，/language 切换语言，/help 帮助。',
    'zh-Hant':
      '您好！我是區信訪局的線上助手。\n\n' +
      '請直接用文字告訴我您遇到的問題或訴求。我會告訴您該由哪個部門或機構處理；經您確認後為您登記，給您一個案件編號，跟進到辦結，最後請您評價是否滿意。\n\n' +
      '我們保存甚麼、誰能看到：您的 Telegram 帳號編號、您發來的文字和案件處理紀錄。信訪局工作人員能看到您的原話；承辦部門只看到去掉姓名、證件號碼、電話、門牌地址、車牌、銀行卡號、電郵和 QQ/微信號後的摘要；社會組織只有在您同意後，才能看到您同意分享的內容。詳見 /privacy。\n\n' +
      '⚠️ 緊急情況請不要等待回覆，立即撥打：報警 110，火警 119，急救 120。\n\n' +
      '常用指令：/status 查詢進度，/withdraw 撤回訴求，/language 切換語言，/help 說明。',
    en:
      'Hello! I am the online assistant of the district petition office (信访局).\n\n' +
      'Tell me in a text message what problem or request you have. I will tell you which department or organization handles it; once you confirm, I register it, give you a case number, follow it until it is resolved, and finally ask whether you are satisfied.\n\n' +
      'What we keep and who sees it: your Telegram account number, the texts you send and the record of how your case is handled. Petition-office staff see your own words; departments see only a summary with names, ID and passport numbers, phone numbers, street addresses, licence plates, bank card numbers, e-mail addresses and QQ/WeChat ids removed; a social organization sees only what you agree to share, and only after you agree. See /privacy.\n\n' +
      '⚠️ In an emergency do not wait for a reply — call now: police 110, fire 119, ambulance 120.\n\n' +
      'Commands: /status case progress, /withdraw withdraw a request, /language change language, /help help.',
  },
  'bot.help': {
    'zh-Hans':
      '使用方法：\n' +
      '• 直接发送文字，说明发生了什么、在哪里、希望得到什么帮助。\n' +
      '• /status 查询您的案件进度\n' +
      '• /withdraw 撤回您的诉求\n' +
      '• /language 切换语言（简体、繁體、English）\n' +
      '• /privacy 我们如何保存和使用您的信息\n\n' +
      '暂时不能处理语音、贴纸和视频，请用文字描述。紧急情况请拨打 110、119 或 120。',
    'zh-Hant':
      '使用方法：\n' +
      '• 直接傳送文字，說明發生了甚麼、在哪裡、希望得到甚麼幫助。\n' +
      '• /status 查詢您的案件進度\n' +
      '• /withdraw 撤回您的訴求\n' +
      '• /language 切換語言（简体、繁體、English）\n' +
      '• /privacy 我們如何保存和使用您的資料\n\n' +
      '暫時不能處理語音、貼圖和影片，請用文字描述。緊急情況請撥打 110、119 或 120。',
    en:
      'How to use this bot:\n' +
      '• Send a text message: what happened, where, and what help you would like.\n' +
      '• /status shows the progress of your case\n' +
      '• /withdraw withdraws your request\n' +
      '• /language changes the language (简体, 繁體, English)\n' +
      '• /privacy how we keep and use your information\n\n' +
      'Voice, stickers and videos cannot be processed yet; please describe your matter in text. In an emergency call 110, 119 or 120.',
  },
  'bot.language.choose': {
    'zh-Hans': '请选择语言：',
    'zh-Hant': '請選擇語言：',
    en: 'Please choose a language:',
  },
  'bot.language.saved': {
    'zh-Hans': '好的，之后我会用简体中文回复您。',
    'zh-Hant': '好的，之後我會用繁體中文回覆您。',
    en: 'Done: I will answer you in English from now on.',
  },
  'bot.language.name.zh-Hans': { 'zh-Hans': '简体中文', 'zh-Hant': '简体中文', en: '简体中文' },
  'bot.language.name.zh-Hant': { 'zh-Hans': '繁體中文', 'zh-Hant': '繁體中文', en: '繁體中文' },
  'bot.language.name.en': { 'zh-Hans': 'English', 'zh-Hant': 'English', en: 'English' },

  'bot.command.start': { 'zh-Hans': '开始 / 使用说明', 'zh-Hant': '開始 / 使用說明', en: 'Start / what this bot does' },
  'bot.command.status': { 'zh-Hans': '查询案件进度', 'zh-Hant': '查詢案件進度', en: 'Progress of my case' },
  'bot.command.withdraw': { 'zh-Hans': '撤回诉求', 'zh-Hant': '撤回訴求', en: 'Withdraw my request' },
  'bot.command.language': { 'zh-Hans': '切换语言', 'zh-Hant': '切換語言', en: 'Change language' },
  'bot.command.privacy': { 'zh-Hans': '隐私说明', 'zh-Hant': '私隱說明', en: 'Privacy: what we keep' },
  'bot.command.help': { 'zh-Hans': '帮助', 'zh-Hant': '說明', en: 'Help' },

  'bot.content.sticker': {
    'zh-Hans': '收到您的贴纸 🙂 我只能读懂文字，请用文字告诉我您的问题。',
    'zh-Hant': '收到您的貼圖 🙂 我只能讀懂文字，請用文字告訴我您的問題。',
    en: 'Thanks for the sticker 🙂 I can only read text: please tell me your matter in words.',
  },
  'bot.content.voice': {
    'zh-Hans': '抱歉，暂时还不能处理语音或视频消息。请用文字输入您的问题。',
    'zh-Hant': '抱歉，暫時還不能處理語音或影片訊息。請用文字輸入您的問題。',
    en: 'Sorry, voice and video messages cannot be processed yet. Please type your message.',
  },
  'bot.content.attachment_no_case': {
    'zh-Hans': '您目前没有正在办理的案件，所以我还不能保存这个文件或图片。请先用文字说明您的问题；登记案件后，可以再补充材料。',
    'zh-Hant': '您目前沒有正在辦理的案件，所以我還不能保存這個檔案或圖片。請先用文字說明您的問題；登記案件後，可以再補充材料。',
    en: 'You have no open case, so I cannot keep this file or photo yet. Please first describe your matter in text; once a case is registered you can add documents.',
  },
  'bot.content.unsupported': {
    'zh-Hans': '抱歉，我暂时不能处理这类消息。请用文字告诉我您的问题。',
    'zh-Hant': '抱歉，我暫時不能處理這類訊息。請用文字告訴我您的問題。',
    en: 'Sorry, I cannot handle this kind of message yet. Please tell me your matter in text.',
  },
  'bot.content.edited': {
    'zh-Hans': '我看不到对已发送消息的修改。如需补充或更正，请发送一条新消息。',
    'zh-Hant': '我看不到對已傳送訊息的修改。如需補充或更正，請傳送一則新訊息。',
    en: 'I do not see edits to messages already sent. To add or correct something, please send a new message.',
  },
  'bot.content.too_long': {
    'zh-Hans': '这条消息太长了（{length} 字）。请控制在 {limit} 字以内，可以分几条发送。',
    'zh-Hant': '這則訊息太長了（{length} 字）。請控制在 {limit} 字以內，可以分幾則傳送。',
    en: 'This message is too long ({length} characters). Please keep it under {limit} characters; you can send it in several parts.',
  },
  'bot.flood': {
    'zh-Hans': '您发送得太快了。请稍等一分钟再继续，这段时间内的消息我不会处理。紧急情况请拨打 110、119 或 120。',
    'zh-Hant': '您傳送得太快了。請稍等一分鐘再繼續，這段時間內的訊息我不會處理。緊急情況請撥打 110、119 或 120。',
    en: 'You are sending messages too fast. Please wait a minute before continuing; messages in the meantime will not be processed. In an emergency call 110, 119 or 120.',
  },
  'bot.unknown_command': {
    'zh-Hans': '我不认识这个命令。可用命令：/start /status /withdraw /language /privacy /help',
    'zh-Hant': '我不認識這個指令。可用指令：/start /status /withdraw /language /privacy /help',
    en: 'I do not know that command. Available: /start /status /withdraw /language /privacy /help',
  },
  'bot.not_available': {
    'zh-Hans': '这项功能暂时还不能使用，请稍后再试。如有需要，请直接用文字留言。',
    'zh-Hant': '這項功能暫時還不能使用，請稍後再試。如有需要，請直接用文字留言。',
    en: 'This is not available yet; please try again later. You can always write to us in a text message.',
  },
  'bot.group_only_private': {
    'zh-Hans': '请在与我的私聊中使用这个命令。',
    'zh-Hant': '請在與我的私人對話中使用這個指令。',
    en: 'Please use this command in a private chat with me.',
  },
  'bot.callback.invalid': {
    'zh-Hans': '这个按钮已失效，请重新操作。',
    'zh-Hant': '這個按鈕已失效，請重新操作。',
    en: 'This button is no longer valid; please start again.',
  },

  'error.generic': {
    'zh-Hans': '抱歉，系统出了点问题，我们已经记录。请稍后再试；紧急情况请拨打 110、119 或 120。',
    'zh-Hant': '抱歉，系統出了點問題，我們已經記錄。請稍後再試；緊急情況請撥打 110、119 或 120。',
    en: 'Sorry, something went wrong on our side and it has been logged. Please try again later; in an emergency call 110, 119 or 120.',
  },
  'error.illegal_transition': {
    'zh-Hans': '这个操作在案件当前状态下不能进行。',
    'zh-Hant': '這個操作在案件目前狀態下不能進行。',
    en: 'This action is not possible in the case’s current state.',
  },
  'error.not_found': {
    'zh-Hans': '没有找到相关记录。',
    'zh-Hant': '沒有找到相關紀錄。',
    en: 'Nothing was found for this.',
  },
  'error.forbidden': {
    'zh-Hans': '您没有权限进行这个操作。',
    'zh-Hant': '您沒有權限進行這個操作。',
    en: 'You are not allowed to do this.',
  },
  'error.stale': {
    'zh-Hans': '案件已经有了新的变化，请查看最新消息后再操作。',
    'zh-Hant': '案件已經有了新的變化，請查看最新訊息後再操作。',
    en: 'The case has changed since this was shown; please look at the latest message and try again.',
  },
  'error.validation': {
    'zh-Hans': '输入的内容不符合要求，请检查后重试。',
    'zh-Hant': '輸入的內容不符合要求，請檢查後重試。',
    en: 'That input is not valid; please check it and try again.',
  },

  // Button labels for the actions cases put on outgoing messages (OutboxMessage.actions).
  'action.approve': { 'zh-Hans': '✅ 同意转办', 'zh-Hant': '✅ 同意轉辦', en: '✅ Approve referral' },
  'action.reassign': { 'zh-Hans': '🔀 改派', 'zh-Hant': '🔀 改派', en: '🔀 Reassign' },
  'action.ask': { 'zh-Hans': '❓ 询问来信人', 'zh-Hant': '❓ 詢問來信人', en: '❓ Ask the resident' },
  'action.not_accept': { 'zh-Hans': '⛔ 不予受理', 'zh-Hant': '⛔ 不予受理', en: '⛔ Do not accept' },
  'action.urgent': { 'zh-Hans': '🚨 标为紧急', 'zh-Hant': '🚨 標為緊急', en: '🚨 Mark urgent' },
  'action.accept': { 'zh-Hans': '✅ 接收', 'zh-Hant': '✅ 接收', en: '✅ Accept' },
  'action.decline': { 'zh-Hans': '↩️ 退回', 'zh-Hant': '↩️ 退回', en: '↩️ Decline' },
  'action.progress': { 'zh-Hans': '📝 报告进展', 'zh-Hant': '📝 報告進展', en: '📝 Report progress' },
  'action.resolve': { 'zh-Hans': '🏁 办结', 'zh-Hant': '🏁 辦結', en: '🏁 Resolve' },
  'action.extend': { 'zh-Hans': '⏳ 申请延期', 'zh-Hant': '⏳ 申請延期', en: '⏳ Extend deadline' },
  'action.rate_satisfied': { 'zh-Hans': '满意', 'zh-Hant': '滿意', en: 'Satisfied' },
  'action.rate_basically_satisfied': { 'zh-Hans': '基本满意', 'zh-Hant': '基本滿意', en: 'Basically satisfied' },
  'action.rate_dissatisfied': { 'zh-Hans': '不满意', 'zh-Hant': '不滿意', en: 'Dissatisfied' },
  'action.confirm': { 'zh-Hans': '确认提交', 'zh-Hant': '確認提交', en: 'Yes, submit it' },
  'action.cancel': { 'zh-Hans': '暂不提交', 'zh-Hant': '暫不提交', en: 'Not now' },
  'action.consent_yes': { 'zh-Hans': '同意转给该机构', 'zh-Hant': '同意轉給該機構', en: 'Yes, refer me' },
  'action.consent_no': { 'zh-Hans': '不同意', 'zh-Hant': '不同意', en: 'No, thanks' },
  // The offer's own button names the other organization (conversation.oos.other_button); this is the fallback label.
  'action.consent_other': { 'zh-Hans': '我需要别的帮助', 'zh-Hant': '我需要別的幫助', en: 'I need other help' },
  'action.attach_yes': { 'zh-Hans': '附到我的案件', 'zh-Hant': '附到我的案件', en: 'Attach to my case' },
  'action.attach_no': { 'zh-Hans': '不用了', 'zh-Hant': '不用了', en: 'No' },
  'action.resume_matter': { 'zh-Hans': '接着办理那件事', 'zh-Hant': '接著辦理那件事', en: 'Take up that matter' },
  'action.add_detail': { 'zh-Hans': '补充到上面的诉求', 'zh-Hant': '補充到上面的訴求', en: 'Add it to this request' },
  'action.open_case_anyway': { 'zh-Hans': '仍然登记为诉求', 'zh-Hant': '仍然登記為訴求', en: 'Register it as a request anyway' },
  'action.withdraw': { 'zh-Hans': '撤回诉求', 'zh-Hant': '撤回訴求', en: 'Withdraw' },
  'action.withdraw_confirm': { 'zh-Hans': '确认撤回', 'zh-Hant': '確認撤回', en: 'Yes, withdraw' },
  'action.withdraw_keep': { 'zh-Hans': '不撤回，保留案件', 'zh-Hant': '不撤回，保留案件', en: 'No, keep my case' },
  'action.status': { 'zh-Hans': '查询进度', 'zh-Hant': '查詢進度', en: 'Progress' },
  'action.request_review': { 'zh-Hans': '请求复查', 'zh-Hant': '請求復查', en: 'Request a review (复查)' },
  'action.language': { 'zh-Hans': '切换语言', 'zh-Hant': '切換語言', en: 'Language' },
} satisfies Catalogue;
