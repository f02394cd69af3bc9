import assert from 'node:assert/strict';
import { CRISIS_KINDS } from '../../triage/crisis/types.js';
import { describe, it } from 'vitest';
import type { Decision } from '../../kernel/taxonomy.js';
import { ACTION_CODES } from '../../bot/callbackData.js';
import { LANGUAGES, areaCatalogues, catalogue, paramsOf } from '../../i18n/index.js';
import { messages } from '../../i18n/conversation.js';
import { isThanksOnly, typedRating } from '../../conversation/residentRules.js';
import { dropsReview, isReason } from '../../conversation/residentReview.js';
import { CONFIRM_ACTION, concernReplies, officeKindLabels, isCourtesyOnly, isOtherMatter, isReadableText, joinMessages, legalChannelOf, residentStateSchema, runnerUpService } from '../../conversation/index.js';

describe('legalChannelOf', () => {
  it('labour disputes go to labour arbitration', () => {
    assert.equal(legalChannelOf('我被公司违法辞退，想申请劳动仲裁要赔偿').channel, 'labour');
    assert.equal(legalChannelOf('My employer has not paid my wages').channel, 'labour');
    assert.equal(legalChannelOf('公司拖欠工資').channel, 'labour');
    // A dismissal told without "employer" or "fired": labour arbitration comes before any court.
    assert.equal(legalChannelOf('my company in 科技园 fire me last week, no 赔偿 N+1, I never sign!!').channel, 'labour');
    assert.equal(legalChannelOf('I was laid off without any severance').channel, 'labour');
    assert.equal(legalChannelOf('老細突然炒咗我，一分錢補償都冇').channel, 'labour');
  });
  it('a judgment or award won and not complied with goes to the court\'s enforcement, with no passage quoted', () => {
    for (const text of ["I won a lawsuit last year, the court ordered him to pay me 200,000 RMB, but he still hasn't paid", '法院判决他还我二十万，到现在一分钱都没还', '劳动仲裁裁决公司赔我三万，公司一直没给钱', '官司打贏咗，佢到而家都冇俾錢']) {
      const c = legalChannelOf(text);
      assert.equal(c.channel, 'enforcement', text);
      assert.equal(c.basis, '');
    }
    // Disagreeing with an award is not enforcement; nor a debt never taken to court.
    assert.equal(legalChannelOf('对劳动仲裁裁决不服，想去法院起诉').channel, 'labour');
    assert.equal(legalChannelOf('邻居欠我钱不还').channel, 'court');
  });
  it('administrative decisions go to reconsideration', () => {
    assert.equal(legalChannelOf('对交警的罚款决定不服，想申请行政复议').channel, 'reconsideration');
    assert.equal(legalChannelOf('I was fined by the city and want to challenge it').channel, 'reconsideration');
  });
  it('everything else goes to court (or mediation), with notes to cite', () => {
    const c = legalChannelOf('邻居欠我钱不还，我想起诉他');
    assert.equal(c.channel, 'court');
    assert.ok(c.sources.includes('legal-aid'));
  });
});

describe('isThanksOnly', () => {
  it('reads an OK that thanks as thanks ("好，多謝" after an answer had been asked to say more), not a bare yes', () => {
    for (const t of ['好，多謝', '好的，谢谢', 'ok thanks', '好啊，唔該晒']) assert.equal(isThanksOnly(t), true, t);
    for (const t of ['好', '好，可以', 'yes', '好，多謝，另外想问低保怎么申请']) assert.equal(isThanksOnly(t), false, t);
  });
});

describe('isCourtesyOnly', () => {
  it('recognises thanks, agreement and "submit" in every language the bot speaks', () => {
    for (const t of ['谢谢', '谢谢！', '好的，谢谢', '多謝', '唔該晒', 'ok', 'OK thanks', 'Thank you!', '确认', '確認提交', 'submit', '好 👍', '嗯嗯', '收到了', 'yes please', 'sure, submit it', 'yeah pls', '得，唔該', '没问题']) {
      assert.equal(isCourtesyOnly(t), true, t);
    }
  });
  it('recognises a greeting, and a message of nothing but punctuation or emoji, as no detail either', () => {
    for (const t of ['在吗', '在嗎？', '有人吗？？', 'hello?', '？？？', '👍👍👍', '...']) assert.equal(isCourtesyOnly(t), true, t);
    for (const t of ['5栋', '在吗，地址是5栋', 'hello, the lift broke again']) assert.equal(isCourtesyOnly(t), false, t);
  });
  it('leaves anything with content to be added as a detail', () => {
    for (const t of ['谢谢，另外地址是5栋', '好的，电梯今天又坏了', 'ok the address is block 5', '确认一下，物业电话是多少', '提交材料要去哪里', 'yes please call me back', '行政处罚不合理', '']) {
      assert.equal(isCourtesyOnly(t), false, t);
    }
  });
});

describe('isReadableText', () => {
  it('accepts ordinary text with line breaks', () => assert.equal(isReadableText('第一行\n第二行\tok'), true));
  it('rejects NUL and mostly-control junk', () => {
    assert.equal(isReadableText('abc\u0000'), false);
    assert.equal(isReadableText('\u0001\u0002\u0003\uFFFD'), false);
  });
});

describe('conversation state schema', () => {
  it('refuses a pending step with a malformed token', () => {
    assert.equal(residentStateSchema.safeParse({ pending: { kind: 'petition', at: 1, token: 'a:b', text: 'x', decision: {} } }).success, false);
    assert.equal(residentStateSchema.safeParse({ pending: { kind: 'petition', at: 1, token: 'abcdefgh', text: 'x', decision: {} } }).success, true);
  });
});

describe('conversation catalogue', () => {
  it('every text exists in zh-Hans, zh-Hant and en with the same parameters', () => {
    for (const [key, entry] of Object.entries(messages)) {
      assert.ok(key.startsWith('conversation.'), key);
      const params = paramsOf(entry['zh-Hans']);
      for (const lang of LANGUAGES) {
        assert.ok(entry[lang]?.trim(), `${key} ${lang}`);
        assert.deepEqual(paramsOf(entry[lang]), params, `${key} ${lang} parameters`);
      }
    }
  });
  it('is merged into the one catalogue without clashing with another area', () => {
    assert.ok(areaCatalogues.conversation);
    for (const key of Object.keys(messages)) assert.equal(catalogue[key], messages[key as keyof typeof messages]);
  });
  it('the confirm button is a real action with a label', () => {
    assert.ok(CONFIRM_ACTION in ACTION_CODES);
    assert.ok(catalogue[`action.${CONFIRM_ACTION}`]);
  });
});

describe('concernReplies', () => {
  it('gives the mental-health lines for distress and self-harm talk, the emergency numbers for a concern only about safety', () => {
    assert.deepEqual(concernReplies(['distress']), ['triage.crisis.concern']);
    assert.deepEqual(concernReplies(['suicide']), ['triage.crisis.concern']);
    assert.deepEqual(concernReplies([]), ['triage.crisis.concern']);
    assert.deepEqual(concernReplies(['child_elder']), ['triage.crisis.concern.safety']);
    assert.deepEqual(concernReplies(['gas', 'medical']), ['triage.crisis.concern.safety']);
    // Distress beside a safety kind: the writer's state of mind comes first.
    assert.deepEqual(concernReplies(['child_elder', 'distress']), ['triage.crisis.concern']);
    // Violence alone: safety first, not "it sounds like you've been under a lot of stress"; with self-harm talk, the lines lead.
    assert.deepEqual(concernReplies(['violence']), ['triage.crisis.concern.violence_lead', 'triage.crisis.concern.violence']);
    assert.deepEqual(concernReplies(['violence', 'child_elder']), ['triage.crisis.concern.violence_lead', 'triage.crisis.concern.violence']);
    assert.deepEqual(concernReplies(['violence', 'suicide']), ['triage.crisis.concern', 'triage.crisis.concern.violence']);
  });
});

describe('officeKindLabels', () => {
  it('names every danger kind in the staff language, code kept for search, and never fails on an unknown one', () => {
    assert.equal(officeKindLabels(['suicide', 'child_elder']), '自杀风险（suicide）、老人或儿童照护安全（child_elder）');
    for (const k of CRISIS_KINDS) assert.doesNotMatch(officeKindLabels([k]), /^[a-z_]+$/, k);
    assert.equal(officeKindLabels(['made_up']), 'made_up');
  });
});

describe('isOtherMatter', () => {
  const d = (category: Decision['category'], target: Decision['target'], confidence = 0.9, needsReview = false) =>
    ({ category, target, confidence, needsReview, reasons: [], redactedText: '', language: 'zh-Hans', citations: [], engine: 'offline' }) as unknown as Decision;
  const wages = d('petition', 'human_resources');
  it('holds a clear question, 信访外 need, legal matter or another department’s petition typed while a summary waits', () => {
    assert.equal(isOtherMatter(d('inquiry', null), wages, '请问人身安全保护令怎么申请？'), true);
    assert.equal(isOtherMatter(d('out_of_scope', 'counselling'), wages, '我最近总是失眠，想找人聊聊'), true);
    assert.equal(isOtherMatter(d('petition', 'housing'), wages, '小区电梯又坏了，物业不管'), true);
  });
  it('appends details: the same department, short additions, unsure readings', () => {
    assert.equal(isOtherMatter(d('petition', 'human_resources'), wages, '一共欠了我们十二个人的工资'), false);
    // Read as a question, but asking nothing: where the matter is, a detail of it.
    const pothole = d('petition', 'transport');
    assert.equal(isOtherMatter(d('inquiry', null, 0.73), pothole, "It's right in front of exit C of Shenzhen University station"), false);
    assert.equal(isOtherMatter(d('inquiry', null, 0.9), pothole, 'How can I contest it?'), true);
    assert.equal(isOtherMatter(d('inquiry', null, 0.9), wages, '想了解一下劳动仲裁的流程'), true);
    // Read as a 信访外 need, but asking for nothing: why the lift matters, a detail of it.
    const lift = d('petition', 'housing');
    assert.equal(isOtherMatter(d('out_of_scope', 'elderly_care', 0.97), lift, '老人上下楼很困难，我妈妈80岁了每天都要爬7楼'), false);
    assert.equal(isOtherMatter(d('out_of_scope', 'elderly_care', 0.97), lift, '另外我想找人定期上门照顾我妈妈'), true);
    assert.equal(isOtherMatter(d('out_of_scope', 'counselling', 0.9), lift, 'I need someone to talk to, I cannot sleep'), true);
    assert.equal(isOtherMatter(d('inquiry', null), wages, '在南山区'), false, 'short');
    assert.equal(isOtherMatter(d('inquiry', null, 0.5), wages, '请问人身安全保护令怎么申请？'), false, 'not sure');
    assert.equal(isOtherMatter(d('petition', 'housing', 0.9, true), wages, '小区电梯又坏了，物业不管'), false, 'needs review');
    assert.equal(isOtherMatter(d('unclear', null), wages, '你们到底管不管啊我都说了好几遍'), false);
  });
});

describe('joinMessages', () => {
  it('closes a first message that has no closing mark, in its own script, before the next', () => {
    assert.equal(joinMessages('the factory in Xili closed', 'the boss is Wang'), 'the factory in Xili closed.\nthe boss is Wang');
    // No line break after Chinese punctuation: the summary folds it into a stray space (「…三个月。 地址是…」).
    assert.equal(joinMessages('电梯坏了三个月', '地址是5栋'), '电梯坏了三个月。地址是5栋');
    assert.equal(joinMessages('電梯壞咗三個月！', '喺5座'), '電梯壞咗三個月！喺5座');
    assert.equal(joinMessages('Is this allowed?', 'It is block 5'), 'Is this allowed?\nIt is block 5');
    // A Chinese message ending in a number or a letter closes in Chinese: it had read 「…3栋502.」 and a line break.
    assert.equal(joinMessages('住在南山区南海大道1088号3栋502', '垃圾站一个月没人清理'), '住在南山区南海大道1088号3栋502。垃圾站一个月没人清理');
    assert.equal(joinMessages('我住喺B座', '部電梯壞咗'), '我住喺B座。部電梯壞咗');
    assert.equal(joinMessages('I live at 海月花园 block 5', 'the lift is broken'), 'I live at 海月花园 block 5.\nthe lift is broken');
  });
});

describe('runnerUpService', () => {
  it("offers the runner-up of an unsure 信访外 service, and nothing else", () => {
    const oos = (runnerUp?: Decision['runnerUp']) => ({ category: 'out_of_scope' as const, target: 'family' as const, runnerUp });
    assert.equal(runnerUpService(oos('youth')), 'youth');
    assert.equal(runnerUpService(oos()), undefined, 'a clear service has no runner-up');
    assert.equal(runnerUpService(oos('legal_aid')), undefined, 'legal aid is offered by its own flow');
    assert.equal(runnerUpService(oos('housing')), undefined, 'a department is no service');
    assert.equal(runnerUpService(oos('family')), undefined, 'the same service again');
    assert.equal(runnerUpService({ category: 'petition', target: 'housing', runnerUp: 'water' }), undefined);
  });
});

describe('a satisfaction rating typed in words at the survey', () => {
  // Lukewarm words had become new petitions: the middle answer, what follows as the comment.
  const cases: Array<[string, string, string | null]> = [
    ['还行吧，等钱到账再说', 'basically_satisfied', '等钱到账再说'],
    ['一般般吧', 'basically_satisfied', null],
    ['还可以', 'basically_satisfied', null],
    ['麻麻哋，部𨋢今朝又壞咗', 'basically_satisfied', '部𨋢今朝又壞咗'],
    ["meh, it's ok I guess but it took ages", 'basically_satisfied', 'it took ages'],
    ['not really, the pothole is back already', 'dissatisfied', 'the pothole is back already'],
  ];
  for (const [text, rating, comment] of cases) it(`${text} → ${rating}`, () => assert.deepEqual(typedRating(text), { rating, comment }));
  // Questions and stories that begin with such a word, and sarcasm, are no rating.
  for (const text of ['一般多久能处理', '还可以投诉吗', '还行吧？', '还好，没有人受伤', 'not really sure what to do', '一般般？又坏了']) {
    it(`no rating: ${text}`, () => assert.equal(typedRating(text), null));
  }
});

describe('a change of mind at the 复查 reason prompt', () => {
  for (const text of ['算啦，唔覆查住', '我唔要覆查，幫我取消', '不复查了', '算了', 'never mind, cancel the review', 'I changed my mind']) {
    it(`takes it back: ${text}`, () => {
      assert.equal(dropsReview(text), true);
      assert.equal(isReason(text), true, 'handed to submit, which takes it back');
    });
  }
  for (const text of ['处理意见不对，不能就这样算了', '物业根本没有修，处理意见与事实不符', 'cancel, they never came to check the lift', 'no', '不服']) {
    it(`is no change of mind: ${text}`, () => assert.equal(dropsReview(text), false));
  }
});
