import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { extractiveAnswer } from '../../conversation/answer.js';
import type { RetrievedPassage } from '../../knowledge/types.js';

const passage = (text: string): RetrievedPassage => ({ chunkId: 1, source: 'note', title: '说明', text, score: 1 });

describe('which sentence of a passage is quoted', () => {
  it('"怎么申请 / 去边度办" quotes where and how to apply, not who qualifies', () => {
    const p = passage('共同生活的家庭成员人均收入低于当地低保标准的家庭，可以获得最低生活保障。申请由家庭成员向户籍所在地的乡镇人民政府或街道办事处书面提出。');
    for (const q of ['请问低保怎么申请？需要什么材料？', '請問申請低保要去邊度辦？']) {
      assert.match(extractiveAnswer(q, [p], 'zh-Hans').text, /街道办事处/, q);
    }
    assert.match(extractiveAnswer('低保的条件是什么', [p], 'zh-Hans').text, /人均收入/, 'a question about who qualifies still gets that');
  });

  it('"多少天内要受理" quotes the time limit, not the rule against gathering that shares 信访 and 法律法规', () => {
    const p = passage('提出信访应当遵守法律法规，不得在机关办公场所周围非法聚集。信访部门收到信访事项后应当登记，并在15日内转送、交办有权处理的机关。');
    const a = extractiveAnswer('我上个月寄了信访信，到现在都没有回音，法律规定多少天内要受理？', [p], 'zh-Hans');
    assert.match(a.text, /15日内/);
    assert.doesNotMatch(a.text, /聚集/);
  });

  it('an English question is quoted the sentence about its matter, not the passage\'s first; a Chinese reader the Chinese line', () => {
    const p = passage('国家实行按比例安排残疾人就业制度。学校应当建立学生欺凌防控制度，对欺凌行为及时制止。');
    assert.match(extractiveAnswer('my son is bullied at school, what can I do', [p], 'en').text, /欺凌/);
    const both = passage('申请由家庭成员向户籍所在地的街道办事处书面提出。Minimum living allowance (低保): apply in writing at the sub-district office (Art. 11).');
    assert.match(extractiveAnswer('低保去哪里申请', [both], 'zh-Hans').text, /街道办事处书面提出/);
    assert.match(extractiveAnswer('where do I apply for dibao (低保)?', [both], 'en').text, /apply in writing/);
  });

  it('an English reader is quoted the English line of a note, whole words only', () => {
    const p = passage('应当通过诉讼、行政复议、仲裁等法定途径解决的问题，信访部门会告知并引导到相应程序。Matters that belong in court, arbitration or administrative reconsideration are channelled there (Art. 31): those procedures have their own deadlines, which petitioning does not stop, so it is better to start them early and keep every receipt, contract and message.');
    const a = extractiveAnswer('My landlord will not return my deposit. 诉讼 仲裁 法定途径', [p], 'en');
    assert.match(a.text, /Matters that belong in court/);
    const cut = /“([^”]*)…”/.exec(a.text)?.[1];
    assert.ok(cut, 'the long line is cut');
    assert.ok(p.text.includes(`${cut} `), `cut between words: …${cut.slice(-20)}`);
  });
});

describe('a time limit asked in Cantonese', () => {
  it('"我想問下申請低保要幾耐先批？" quotes the time limit, not who qualifies or where to apply', () => {
    const p = passage('共同生活的家庭成员人均收入低于当地低保标准的家庭，可以获得最低生活保障。申请由家庭成员向户籍所在地的乡镇人民政府或街道办事处书面提出。乡镇人民政府（街道办事处）应当自受理申请之日起30个工作日内作出审核决定。');
    for (const q of ['我想問下申請低保要幾耐先批？', '申请低保几时有结果', '低保要几日先批']) {
      const a = extractiveAnswer(q, [p], 'zh-Hans').text;
      assert.match(a, /30个工作日内/, q);
      assert.doesNotMatch(a, /人均收入|书面提出/, q);
    }
  });
});
