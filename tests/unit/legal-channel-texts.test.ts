import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { LANGUAGES, t } from '../../i18n/index.js';
import { legalChannelOf } from '../../conversation/residentRules.js';

/** The legal-channel replies tell the resident the basic time limit and where to go; none invents a number or an address. */
describe('legal-channel replies', () => {
  const text = (key: string) => Object.fromEntries(LANGUAGES.map((l) => [l, t(l, key)]));
  // A phone number, a street number or a room: the replies name bodies in general terms only.
  const INVENTED = /\d{3,}|[路街道]\d+号|\broom\b|\bNo\.\s*\d/i;

  it('reconsideration: 60 days from knowing of the decision, to the government at the level of the deciding body, and six months to sue', () => {
    assert.equal(legalChannelOf('区城管局罚款我5000元，我不服，想申请行政复议').channel, 'reconsideration');
    const x = text('conversation.legal.reconsideration');
    assert.match(x['zh-Hans']!, /六十日内/);
    assert.match(x['zh-Hans']!, /知道或者应当知道/);
    assert.match(x['zh-Hans']!, /《行政复议法》第二十条/);
    assert.match(x['zh-Hans']!, /本级人民政府/);
    assert.match(x['zh-Hans']!, /区人民政府[\s\S]*市人民政府/);
    assert.match(x['zh-Hans']!, /行政复议机构/);
    assert.match(x['zh-Hans']!, /六个月内[\s\S]*《行政诉讼法》第四十六条/);
    assert.match(x['zh-Hant']!, /六十日內[\s\S]*本級人民政府[\s\S]*六個月內/);
    assert.match(x.en!, /within 60 days[\s\S]*people’s government at the level[\s\S]*within six months/);
    for (const v of Object.values(x)) assert.doesNotMatch(v.replace(/第[一二三四五六七八九十百]+条|Art(s)?\. \d+( and \d+)?|60 days/g, ''), INVENTED, v);
  });

  it('labour arbitration: one year from knowing the right was infringed, and where to apply', () => {
    const x = text('conversation.legal.labour');
    assert.match(x['zh-Hans']!, /一年[\s\S]*知道或者应当知道权利被侵害之日[\s\S]*《劳动争议调解仲裁法》第二十七条/);
    assert.match(x['zh-Hans']!, /劳动人事争议仲裁委员会/);
    assert.match(x['zh-Hant']!, /一年[\s\S]*勞動人事爭議仲裁委員會/);
    assert.match(x.en!, /one year[\s\S]*Art\. 27[\s\S]*arbitration commission/);
    for (const v of Object.values(x)) assert.doesNotMatch(v.replace(/Art\. \d+/g, ''), INVENTED, v);
  });

  it('a lawsuit in court: the general three-year limitation period', () => {
    const x = text('conversation.legal.court');
    assert.match(x['zh-Hans']!, /三年[\s\S]*《民法典》第一百八十八条/);
    assert.match(x['zh-Hant']!, /三年/);
    assert.match(x.en!, /three years[\s\S]*Civil Code, Art\. 188/);
  });
});
