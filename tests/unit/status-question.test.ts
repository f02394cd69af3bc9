import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { isStatusQuestion } from '../../triage/statusQuestion.js';

// Residents asking, in words, how their case is going (our own wording, four varieties).
const ASKS = [
  '有进展吗？',
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
  'any update on my case?',
  'Any news?',
  "what's the status of my complaint",
  'Hi, is there any progress on my request?',
  'when will I hear back?',
];

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
  'Any update on the road works on Keyuan Road near the school gate?',
  'the lift in my building is broken again',
  'my landlord will not return my deposit, what is the status of the law on this',
  '',
];

describe('a status question in words', () => {
  for (const text of ASKS) it(`reads as asking for the status: ${text}`, () => assert.equal(isStatusQuestion(text), true));
  for (const text of NOT) it(`is not a status question: ${text || '(empty)'}`, () => assert.equal(isStatusQuestion(text), false));
});
