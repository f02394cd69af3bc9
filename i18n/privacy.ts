import type { Catalogue } from './types.js';

/**
 * Texts of the resident's data rights and the retention policy (/privacy; conversation/privacy.ts,
 * cases/commands/privacy.ts, docs/privacy.md). Each sentence states what the code does: change them together.
 */
export const messages = {
  'privacy.notice': {
    'zh-Hans':
      '隐私说明\n\n' +
      '我们保存：您的 Telegram 账号编号和聊天编号、您选择的语言、您发来的文字、案件处理记录（进度、期限、转办和同意记录、满意度评价和留言），以及发给您和发给工作人员的有关消息。\n' +
      '谁能看到：信访局工作人员能看到您的原话；承办部门只看到去掉姓名、证件号码、电话、门牌地址、车牌、银行卡号、邮箱、QQ/微信号等个人信息后的摘要；社会组织只有在您明确同意后，才能看到您同意分享的内容，您可以随时撤回同意。自动分析只使用去掉个人信息后的文字。系统日志不记录您发来的文字内容。\n' +
      '保存多久：案件办结（或撤回、不予受理）后 {days} 天内没有新的变化，且复查期限已过，案件中的个人信息和原话会被删除，信访局只保留匿名记录（案件编号、类别、承办单位、日期、状态、期限和满意度评价）。对话中暂存的内容超过 {days} 天未更新即删除；没有未匿名的案件、且 {days} 天没有对话时，您的账号编号也会删除。防重复、语言和频率限制等技术记录在 24 小时内自动过期。\n\n' +
      '您的权利（用下面的按钮）：\n' +
      '• 导出：把我们保存的关于您的全部信息作为文件（JSON 格式）发到这里。\n' +
      '• 更正：写下需要更正的内容，作为备注加到您每个案件中交给信访局（信访局工作群看到的是去掉个人信息的版本，完整内容在案件页面），不会作为新的诉求登记。\n' +
      '• 删除：先请您确认撤回仍在办理的案件（承办单位会收到撤回通知，您同意转介的社会组织会收到撤回同意的通知）；然后删除您的原话、摘要、留言、对话内容和账号编号，取消尚未发给您的消息。信访局保留上面所说的匿名记录。已经发到 Telegram 聊天中的消息不会被我们删除；尚未送达的紧急情况通报仍会送达。',
    'zh-Hant':
      '私隱說明\n\n' +
      '我們保存：您的 Telegram 帳號編號和聊天編號、您選擇的語言、您發來的文字、案件處理紀錄（進度、期限、轉辦和同意紀錄、滿意度評價和留言），以及發給您和發給工作人員的有關訊息。\n' +
      '誰能看到：信訪局工作人員能看到您的原話；承辦部門只看到去掉姓名、證件號碼、電話、門牌地址、車牌、銀行卡號、電郵、QQ/微信號等個人資料後的摘要；社會組織只有在您明確同意後，才能看到您同意分享的內容，您可以隨時撤回同意。自動分析只使用去掉個人資料後的文字。系統日誌不記錄您發來的文字內容。\n' +
      '保存多久：案件辦結（或撤回、不予受理）後 {days} 天內沒有新的變化，且復查期限已過，案件中的個人資料和原話會被刪除，信訪局只保留匿名紀錄（案件編號、類別、承辦單位、日期、狀態、期限和滿意度評價）。對話中暫存的內容超過 {days} 天未更新即刪除；沒有未匿名的案件、且 {days} 天沒有對話時，您的帳號編號也會刪除。防重複、語言和頻率限制等技術紀錄在 24 小時內自動過期。\n\n' +
      '您的權利（用下面的按鈕）：\n' +
      '• 匯出：把我們保存的關於您的全部資料作為檔案（JSON 格式）發到這裡。\n' +
      '• 更正：寫下需要更正的內容，作為備註加到您每個案件中交給信訪局（信訪局工作群看到的是去掉個人資料的版本，完整內容在案件頁面），不會作為新的訴求登記。\n' +
      '• 刪除：先請您確認撤回仍在辦理的案件（承辦單位會收到撤回通知，您同意轉介的社會組織會收到撤回同意的通知）；然後刪除您的原話、摘要、留言、對話內容和帳號編號，取消尚未發給您的訊息。信訪局保留上面所說的匿名紀錄。已經發到 Telegram 聊天中的訊息不會被我們刪除；尚未送達的緊急情況通報仍會送達。',
    en:
      'Privacy\n\n' +
      'What we keep: your Telegram account and chat numbers, the language you chose, the texts you send, the record of your cases (progress, deadlines, referrals and consents, your satisfaction rating and comments), and the messages about them sent to you and to staff.\n' +
      'Who sees it: petition-office staff see your own words; departments see only a summary with names, ID and passport numbers, phone numbers, street addresses, licence plates, bank card numbers, e-mail addresses, QQ/WeChat ids and other personal details removed; a social organization sees only what you explicitly agree to share, and you can withdraw that consent at any time. Automatic analysis only uses text with personal details removed. System logs do not record the text of your messages.\n' +
      'How long: when a case has been finished (resolved, withdrawn or not accepted) and unchanged for {days} days, and no review (复查) period is open, its personal data and your own words are deleted; the office keeps only an anonymous record (case number, category, handling body, dates, statuses, deadlines and rating). What the bot remembers of a conversation is deleted after {days} days without change; your account number is deleted once none of your cases still holds personal data and you have not written for {days} days. Technical records (duplicate detection, language, rate limits) expire within 24 hours.\n\n' +
      'Your rights (use the buttons below):\n' +
      '• Export: everything we hold about you, sent here as a file (JSON).\n' +
      '• Correct: write what should be corrected; it is added as a note to each of your cases for the office (the office group sees it with personal details removed, the full text is on the case page) and is not registered as a new request.\n' +
      '• Erase: first you confirm that cases still in progress are withdrawn (the bodies handling them are told, and an organization you agreed to share with is told you withdrew consent); then your own words, summaries, comments, conversation and account number are deleted and messages not yet sent to you are cancelled. The office keeps the anonymous record described above. Messages already delivered in Telegram chats are not deleted by us; an emergency alert not yet delivered is still delivered.',
  },

  'privacy.export.caption': {
    'zh-Hans': '这是我们保存的关于您的全部信息（{cases} 个案件），JSON 格式，可用任何文本编辑器打开。',
    'zh-Hant': '這是我們保存的關於您的全部資料（{cases} 個案件），JSON 格式，可用任何文字編輯器開啟。',
    en: 'This is everything we hold about you (cases: {cases}), as JSON: any text editor opens it.',
  },
  'privacy.export.about': {
    'zh-Hans':
      'resident：您的账号记录；cases：您的案件，含原话（originalText）、去掉个人信息的摘要（summary）、自动分流结果（decision）、处理记录（events）、转办（referrals）、同意记录（consents）、满意度（satisfaction）和期限（clocks）；messages：发给您和发给工作人员的有关消息（text 为消息原文）；conversationState：对话中暂存的内容。',
    'zh-Hant':
      'resident：您的帳號紀錄；cases：您的案件，含原話（originalText）、去掉個人資料的摘要（summary）、自動分流結果（decision）、處理紀錄（events）、轉辦（referrals）、同意紀錄（consents）、滿意度（satisfaction）和期限（clocks）；messages：發給您和發給工作人員的有關訊息（text 為訊息原文）；conversationState：對話中暫存的內容。',
    en:
      'resident: your account record; cases: your cases with your own words (originalText), the summary with personal details removed (summary), the automatic routing decision (decision), the history (events), referrals, consents, satisfaction and deadlines (clocks); messages: the messages about them sent to you and to staff (text is the message as sent); conversationState: what the bot remembers of the conversation in progress.',
  },
  'privacy.export.erased': {
    'zh-Hans': '您之前申请的导出文件没有发送：在发送之前，您的信息已按您的要求删除。',
    'zh-Hant': '您之前申請的匯出檔案沒有發送：在發送之前，您的資料已按您的要求刪除。',
    en: 'The export you asked for was not sent: your data was erased, as you asked, before it could be delivered.',
  },
  'privacy.export.failed': {
    'zh-Hans': '暂时无法生成导出文件，请稍后再试。',
    'zh-Hant': '暫時無法生成匯出檔案，請稍後再試。',
    en: 'The export could not be prepared just now. Please try again later.',
  },

  'privacy.correct.prompt': {
    'zh-Hans': '请在一条消息中写下需要更正的内容（例如正确的联系方式或事实）。它会作为备注加到您的案件中交给信访局，不会作为新的诉求登记。',
    'zh-Hant': '請在一條訊息中寫下需要更正的內容（例如正確的聯絡方式或事實）。它會作為備註加到您的案件中交給信訪局，不會作為新的訴求登記。',
    en: 'Write what should be corrected in one message (for example the right contact details or facts). It is added as a note to your cases for the office, not registered as a new request.',
  },
  'privacy.correct.placeholder': { 'zh-Hans': '需要更正的内容', 'zh-Hant': '需要更正的內容', en: 'Your correction' },
  'privacy.correct.saved': {
    'zh-Hans': '已把您的更正作为备注加到案件 {refs}，信访局工作人员会看到。',
    'zh-Hant': '已把您的更正作為備註加到案件 {refs}，信訪局工作人員會看到。',
    en: 'Your correction was added as a note to case(s) {refs}; the office will see it.',
  },
  'privacy.correct.no_cases': {
    'zh-Hans': '您没有保存着个人信息的案件，没有可更正的内容。我们另外只保存您的账号编号和语言（可用 /language 更改）。',
    'zh-Hant': '您沒有保存著個人資料的案件，沒有可更正的內容。我們另外只保存您的帳號編號和語言（可用 /language 更改）。',
    en: 'You have no case that holds personal data, so there is nothing to correct. Besides that we only keep your account number and language (change it with /language).',
  },

  'privacy.erase.confirm': {
    'zh-Hans': '确认删除？您的原话、摘要、留言、对话内容和账号编号将被删除，无法恢复；信访局只保留匿名记录（案件编号、类别、承办单位、日期、状态、期限和满意度评价）。',
    'zh-Hant': '確認刪除？您的原話、摘要、留言、對話內容和帳號編號將被刪除，無法恢復；信訪局只保留匿名紀錄（案件編號、類別、承辦單位、日期、狀態、期限和滿意度評價）。',
    en: 'Erase? Your own words, summaries, comments, conversation and account number will be deleted and cannot be restored; the office keeps only an anonymous record (case number, category, handling body, dates, statuses, deadlines and rating).',
  },
  'privacy.erase.confirm_open': {
    'zh-Hans': '您还有正在办理的案件：{refs}。删除前会先撤回这些案件（承办单位会收到撤回通知），撤回后不再办理。然后您的原话、摘要、留言、对话内容和账号编号将被删除，无法恢复；信访局只保留匿名记录。确认撤回并删除？',
    'zh-Hant': '您還有正在辦理的案件：{refs}。刪除前會先撤回這些案件（承辦單位會收到撤回通知），撤回後不再辦理。然後您的原話、摘要、留言、對話內容和帳號編號將被刪除，無法恢復；信訪局只保留匿名紀錄。確認撤回並刪除？',
    en: 'You still have cases in progress: {refs}. Erasing first withdraws them (the bodies handling them are told) and they will no longer be handled. Then your own words, summaries, comments, conversation and account number are deleted and cannot be restored; the office keeps only an anonymous record. Withdraw and erase?',
  },
  'privacy.erase.changed': {
    'zh-Hans': '您的案件有了变化，现在正在办理的是：{refs}。没有删除任何内容；如仍要删除，请再按一次“删除我的信息”。',
    'zh-Hant': '您的案件有了變化，現在正在辦理的是：{refs}。沒有刪除任何內容；如仍要刪除，請再按一次「刪除我的資料」。',
    en: 'Your cases changed; now in progress: {refs}. Nothing was erased; to erase, press “Erase my data” again.',
  },
  'privacy.erase.done': {
    'zh-Hans': '已删除。撤回的案件：{withdrawn}；已匿名化的案件：{anonymised} 个；取消了 {cancelled} 条尚未发出的消息。我们不再保存您的账号编号。如您以后再发消息，将作为新用户处理。',
    'zh-Hant': '已刪除。撤回的案件：{withdrawn}；已匿名化的案件：{anonymised} 個；取消了 {cancelled} 條尚未發出的訊息。我們不再保存您的帳號編號。如您以後再發訊息，將作為新用戶處理。',
    en: 'Erased. Cases withdrawn: {withdrawn}; cases anonymised: {anonymised}; messages not yet sent, cancelled: {cancelled}. We no longer keep your account number; if you write again you are treated as a new user.',
  },
  'privacy.erase.none_withdrawn': { 'zh-Hans': '无', 'zh-Hant': '無', en: 'none' },
  'privacy.erase.failed': {
    'zh-Hans': '删除没有完成（您的案件刚刚有了变化或系统繁忙），没有删除任何个人信息；已经撤回的案件仍为撤回状态。请稍后再用 /privacy 试一次。',
    'zh-Hant': '刪除沒有完成（您的案件剛剛有了變化或系統繁忙），沒有刪除任何個人資料；已經撤回的案件仍為撤回狀態。請稍後再用 /privacy 試一次。',
    en: 'The erasure did not complete (your cases just changed, or the system is busy); no personal data was erased, and cases already withdrawn stay withdrawn. Please try again later with /privacy.',
  },
  'privacy.cancelled': {
    'zh-Hans': '好的，已取消。',
    'zh-Hant': '好的，已取消。',
    en: 'All right, cancelled.',
  },

  // to the petition office group (zh-Hans)
  'privacy.office.correction': {
    'zh-Hans': '📝 居民更正个人信息（案件 {refs}）：\n{note}\n（已隐去个人信息；完整内容见案件页面处理记录。）',
    'zh-Hant': '📝 居民更正個人資料（案件 {refs}）：\n{note}\n（已隱去個人資料；完整內容見案件頁面處理紀錄。）',
    en: '📝 A resident corrects their data (cases {refs}):\n{note}\n(Personal details hidden; the full text is in the case history.)',
  },

  'action.privacy_export': { 'zh-Hans': '导出我的信息', 'zh-Hant': '匯出我的資料', en: 'Export my data' },
  'action.privacy_correct': { 'zh-Hans': '更正我的信息', 'zh-Hant': '更正我的資料', en: 'Correct my data' },
  'action.privacy_erase': { 'zh-Hans': '删除我的信息', 'zh-Hant': '刪除我的資料', en: 'Erase my data' },
  'action.privacy_erase_confirm': { 'zh-Hans': '确认删除', 'zh-Hant': '確認刪除', en: 'Yes, erase' },
  'action.privacy_cancel': { 'zh-Hans': '取消', 'zh-Hant': '取消', en: 'Cancel' },
} satisfies Catalogue;
