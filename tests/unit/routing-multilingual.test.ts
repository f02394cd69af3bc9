import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { englishConcepts, englishTokens, forOfflineModels, isMostlyEnglish, lemma } from '../../triage/english.js';
import { prepareText } from '../../triage/offlineEngine.js';

describe('English for the offline models', () => {
  it('brings inflections and British spellings of one word together', () => {
    assert.equal(lemma('deposits'), lemma('deposit'));
    assert.equal(lemma('charged'), lemma('charging'));
    assert.equal(lemma('neighbours'), lemma('neighbor'));
    assert.equal(lemma('licence'), lemma('licenses'));
    assert.equal(lemma('paid'), lemma('pay'));
    assert.equal(lemma('wages'), lemma('wage'));
  });

  it('drops stop words and joins fixed terms into one token', () => {
    const t = englishTokens('My landlord is keeping my security deposit and my social insurance was never paid');
    assert.ok(t.includes(`${lemma('security')}_${lemma('deposit')}`), t.join(' '));
    assert.ok(t.includes(`${lemma('social')}_${lemma('insurance')}`), t.join(' '));
    assert.ok(!t.includes('my') && !t.includes('is') && !t.includes('and'), t.join(' '));
  });

  it("names the taxonomy's Chinese terms for the matters an English message raises", () => {
    const cases: Array<[string, string[]]> = [
      ['My landlord refuses to return my security deposit', ['房东', '押金']],
      ['The boss has not paid our wages for three months', ['工资', '拖欠']],
      ['My company never paid social insurance for me', ['社保']],
      ['I need to renew my work permit and my residence permit', ['工作许可', '居留许可']],
      ['The factory next door dumps sewage into the river', ['工厂', '污水']],
      ['Our kindergarten raised the tuition fee again', ['幼儿园', '学费']],
      ['Construction at night, the noise is unbearable', ['夜间施工', '噪音']],
      ['A shop with no business licence sells fake goods', ['营业执照', '假冒']],
      ['How do I transfer my hukou?', ['户口', '如何']],
    ];
    for (const [text, terms] of cases) {
      const concepts = englishConcepts(englishTokens(text));
      for (const z of terms) assert.ok(concepts.includes(z), `${text} → ${concepts.join(' ')} lacks ${z}`);
    }
  });

  it('gives no emergency vocabulary: dangers stay the crisis layer’s business', () => {
    const out = forOfflineModels('there is a fire and a gas leak, someone wants to kill himself, call an ambulance');
    assert.ok(!/[火燃气自杀救护]/.test(out), out);
  });

  it('leaves Chinese, 繁體 and Chinese with an English word unchanged', () => {
    for (const t of ['房东不退押金', '房東不退按金', '我的iphone被偷了', '']) assert.equal(forOfflineModels(t), t);
    assert.equal(isMostlyEnglish('我的iphone被偷了'), false);
    assert.equal(isMostlyEnglish('my iphone was stolen 谢谢'), true);
  });

  it('keeps redaction placeholders as tokens and never echoes them as words', () => {
    const out = forOfflineModels('my boss owes me wages, call me on [PHONE]');
    assert.ok(out.includes('[phone]'), out);
    assert.ok(out.includes('工资'), out);
  });

  it('is what the offline engine trains on: prepareText applies it after normalisation', () => {
    const p = prepareText('My LANDLORD kept my Security Deposit!');
    assert.ok(p.includes('security_deposit') && p.includes('押金'), p);
    assert.equal(prepareText('房东不退押金'), '房东不退押金');
  });
});
