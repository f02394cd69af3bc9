import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { agreesInWords, asksAboutPrivacy, asksToWithdraw, commandInWords, isClosingOnly, onlyPrivacyQuestions } from '../../triage/commandWords.js';

// Residents asking, in words, how their case is going (our own wording, four varieties).
const STATUS = [
  '有进展吗？',
  // "Is anyone dealing with it?" after submitting had been offered as a note to the case.
  '有冇人理㗎？',
  '有没有人理啊',
  '我的事情怎么样了',
  '我想问下我那个投诉处理到哪一步了',
  '请问我之前反映的问题有结果了吗',
  '什么时候能有回复？',
  '处理了没有',
  'YT-20261207-0001 现在进度如何',
  '進度如何？',
  '請問我的案件處理得如何了',
  '有冇消息呀',
  '我嗰單嘢點樣呀？',
  '我嘅投訴而家去到邊一步',
  '我之前個投訴點樣呀？',
  '我嘅個案有冇人睇緊',
  '仲要等幾耐',
  'anyone looked at my case yet??',
  'what happens next?',
  '我之前投诉的那个怎么样了',
  '有人在跟我的事吗',
  '我之前嗰個投訴搞成點',
  'any update on my case?',
  'Any news?',
  "what's the status of my complaint",
  'Hi, is there any progress on my request?',
  'when will I hear back?',
  '这个一般多久能处理？',
  'how long does it take?',
  // A word or two may name the matter before "case".
  'any news about my deposit case?',
];

const WITHDRAW = [
  '我不想投诉了，帮我撤销吧',
  '撤回我的投诉',
  '算了，不投诉了',
  '取消YT-20261207-0001',
  '我的事情不用处理了',
  '唔使跟進喇，已經搞掂',
  '我想撤消投诉',
  '請幫我撤銷那個申請',
  'please withdraw my complaint',
  "I don't want to complain anymore, cancel my case",
  // While a summary waits: not submitting it after all.
  '算了，先不提交了',
  '先别提交，我再想想',
  '唔使住，我諗下先',
  '唔使喇，我唔想投訴住',
  "actually never mind, don't submit it",
];

// Taking consent back: the withdrawal of what was shared with an organization (or the note that nothing was).
const CONSENT_BACK = [
  '撤回同意',
  '我想撤回同意',
  '我想撤回同意，唔想再將我爸爸嘅資料俾呢間機構。',
  '不想把我妈妈的资料给这家机构',
  '我不同意转介了',
  '不要把我的信息给那个机构',
  '唔好再俾我啲資料佢哋',
  '我唔想轉介喇',
  'I changed my mind, please do not share my information',
  'withdraw my consent',
  'please dont give my details to the organisation',
  'please dont give my mum details to the elderly centre anymore',
  'I changed my mind',
];

const REVIEW = ['我要申请复查', '复查怎么申请', '我想申請覆查點做', '请求复核', 'I want to request a review', 'I want to apply for 复查, I dont accept this reply'];

const PERSON = ['你们的工作人员什么时候联系我', '有没有工作人员可以打电话给我', '有冇人可以同我傾吓', '我要找人工', '转人工客服', '可以跟工作人员说话吗', '搵真人', '轉人工', 'can I talk to a real person?', 'is this a bot?', 'human please'];

// Complaints, news about a matter and questions about something else: the usual flow.
const NOT = [
  '我的投诉处理到哪一步了，楼上昨晚又吵到两点',
  '工程进度怎么样了',
  '地铁十六号线什么时候开通',
  '楼上装修怎么样才能让他们停下来',
  '物业说会处理但是一直没有进展，楼道灯还是坏的',
  '公租房申请进度怎么查',
  '我想投诉物业',
  '你好',
  '不用了',
  '我要撤销这个罚款',
  '交警的处罚决定能撤销吗',
  '物业取消了我们的车位',
  '工作人员态度很差，我要投诉',
  '社区的工作人员上门收费合法吗',
  'Any update on the road works on Keyuan Road near the school gate?',
  'the lift in my building is broken again',
  'my landlord will not return my deposit, what is the status of the law on this',
  'they cancelled my residence permit appointment without telling me',
  '物业不同意我们装充电桩',
  '房东不同意退押金',
  '公司不要我的资料怎么办',
  '有人找我麻烦',
  '小区垃圾一直没人理',
  '有人理发店门口乱停车',
  '老板打电话给我骂人',
  '交警的罚单怎么申请行政复议',
  '医院复查要挂什么号',
  // Taking a 复查 back (at its reason prompt) is no request for one.
  '不复查了',
  'never mind, cancel the review',
  'any news about the metro line 16?',
  'any news on the road works near my school?',
  '',
];

describe('a withdrawal asked for along with other words', () => {
  for (const text of [
    '算了，餐廳已經賠了，我不想投訴了',
    'actually i talk with my sister, we dont want to share mum info with that organisation, please cancel',
    '我跟家里商量过了，不要把我妈的资料给那个机构',
  ]) it(`offers the withdrawal: ${text}`, () => assert.equal(asksToWithdraw(text), true));
  for (const text of ['物业不同意我们装充电桩', '我不想投诉物业，只想问问怎么办', 'the company does not share information with workers', '']) {
    it(`is no withdrawal: ${text || '(empty)'}`, () => assert.equal(asksToWithdraw(text), false));
  }
});

describe('a question about personal data', () => {
  for (const text of ['你们会把我的名字和电话告诉被投诉的人吗？', '我嘅資料你哋會保存幾耐？', '唔好話俾個老闆知係我投訴呀', '我怕被报复', 'how do you use my data? who can see my messages?', 'will you tell my landlord my name?', 'can I complain anonymously']) {
    it(`is one: ${text}`, () => assert.equal(asksAboutPrivacy(text), true));
  }
  // Complaints about someone else leaking data are matters of their own.
  for (const text of ['物业泄露了业主信息', '物业把我的电话告诉了推销的，怎么办', '楼上噪音太大', '']) it(`is none: ${text || '(empty)'}`, () => assert.equal(asksAboutPrivacy(text), false));
  // Short questions in 简体 and Cantonese had got "not found" or the offer to add them to the open case.
  for (const text of ['可以匿名吗？', '谁能看到我的信息？', '我不想让物业知道是我投诉的', '可唔可以匿名？我唔想管理處知道係我投訴', '邊個會睇到我嘅資料？', '你哋會唔會將我個名話俾管理處知？',
    "who will see my passport number? I don't want my landlord to know I complained", 'Is my name shared with the department?', 'will my phone number be given to the landlord?']) {
    it(`is only privacy questions: ${text}`, () => assert.equal(onlyPrivacyQuestions(text), true));
  }
  // The words without the question: a complaint, a matter left over beside the plea, someone else's anonymity.
  for (const text of ['我们小区的信息公开栏坏了', '有人匿名打电话骚扰我', '谁能帮我看看我的问题', '我不想让物业知道是我投诉的，楼道灯坏了三个月', "I don't want my kids to know I am struggling"]) {
    it(`is no privacy question: ${text}`, () => assert.equal(onlyPrivacyQuestions(text), false));
  }
});

describe('commands said in words', () => {
  for (const text of STATUS) it(`asks for the status: ${text}`, () => assert.equal(commandInWords(text), 'status'));
  for (const text of WITHDRAW) it(`asks to withdraw: ${text}`, () => assert.equal(commandInWords(text), 'withdraw'));
  for (const text of CONSENT_BACK) it(`takes consent back: ${text}`, () => assert.equal(commandInWords(text), 'consent_back'));
  for (const text of PERSON) it(`asks for a person: ${text}`, () => assert.equal(commandInWords(text), 'person'));
  for (const text of REVIEW) it(`asks for a 复查: ${text}`, () => assert.equal(commandInWords(text), 'review'));
  for (const text of NOT) it(`is no command: ${text || '(empty)'}`, () => assert.equal(commandInWords(text), null));
});

describe('a message that only thanks or says it is over', () => {
  const CLOSING = ['Thanks, all good now.', '好了，没事了，谢谢你们', 'No problem anymore, thanks', '问题解决了，谢谢', 'it is fixed now, thank you so much', '謝謝你們，已經冇事喇', 'never mind'];
  // A farewell, news about the matter or anything more is read as always (for danger first).
  // "Done" (搞定, 搞掂, it's done) may be an act carried out: after "i have the pills here" it was read as a closing.
  const NOT_CLOSING = ['Thanks, all good now. It\'s done.', '好了，已经搞定了，谢谢你们', '搞掂咗，唔該晒', '谢谢你们，我没事了，以后不用担心我了', 'thank you for everything', '谢谢你们，再见', '好了，不想活了', '电梯修好了，谢谢', 'I am fine now thanks', 'no thanks I want to end it all', '谢谢，但是楼上还在吵'];
  for (const text of CLOSING) it(`closing: ${text}`, () => assert.equal(isClosingOnly(text), true));
  for (const text of NOT_CLOSING) it(`not only closing: ${text}`, () => assert.equal(isClosingOnly(text), false));
});

describe('a yes to the referral said in words', () => {
  for (const text of ['我想了想 还是帮我转介吧', '其實都係要 幫我轉介啦', 'wait actually yes pls refer me to them', 'ok go ahead', '同意', '好吧，那还是帮她联系一下那个机构吧']) {
    it(`yes: ${text}`, () => assert.equal(agreesInWords(text), true));
  }
  // Refusals, questions, words of despair that ask someone to come along, and a yes with a danger beside it are no yes.
  for (const text of ['不要转介', '我不同意转介了', 'no dont refer me', '请问转介要多久？', 'will they call me?', '有人愿意带上我一起走吗', '我想投诉物业',
    '还是帮我转介吧，我已经在天台了', 'yes please refer me, i already wrote letters to my kids']) {
    it(`not a yes: ${text}`, () => assert.equal(agreesInWords(text), false));
  }
});
