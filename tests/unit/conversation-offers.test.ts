import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { resourcePath } from '../../kernel/paths.js';
import { toTraditionalScript } from '../../kernel/language.js';
import { loadDirectory, residentName } from '../../directory/directory.js';
import { t } from '../../i18n/index.js';
import { asksForOtherOrg } from '../../conversation/residentOtherOrg.js';
import { keptStart } from '../../conversation/residentLength.js';
import { asksForLegalAid } from '../../conversation/residentState.js';
import { hidesPersonalData } from '../../conversation/residentRules.js';
import { saysShortYes } from '../../conversation/residentCases.js';

describe('asking for another organization', () => {
  it('is read in 简体, 繁體, Cantonese and English', () => {
    for (const s of ['有没有别的机构', '有没有别的机构？', '有冇其他機構', '有冇其他機構呀？', '还有其他机构吗', '換過第二間得唔得', '换一个机构吧', '其他的呢？', '有别的社工站吗', 'any other organisation?', 'Is there another organization?', 'any other options', 'can someone else help?']) {
      assert.equal(asksForOtherOrg(s), true, s);
    }
  });
  it('is not a matter of its own, a refusal with a complaint, or a yes', () => {
    for (const s of ['另外我想问一下低保怎么申请', '我不要社工，我要投诉其他机构乱收费', '还是帮我转介吧', 'yes please refer me', '其他小区的电梯也坏了，物业一直不修，老人上下楼非常困难，希望政府管一管']) {
      assert.equal(asksForOtherOrg(s), false, s);
    }
  });
});

describe('legal aid named by the resident', () => {
  it('asks for it, or refuses it', () => {
    assert.equal(asksForLegalAid('我还是想申请法律援助'), true);
    assert.equal(asksForLegalAid('I want legal aid after all'), true);
    assert.equal(asksForLegalAid('我不需要法律援助'), false);
    assert.equal(asksForLegalAid("I don't want legal aid"), false);
    assert.equal(asksForLegalAid('公司还欠我加班费'), false);
  });
});

describe('an over-long message', () => {
  it('keeps its start up to the limit, ending after the last sentence near it', () => {
    const s = '打桩机半夜还在响。'.repeat(300);
    const kept = keptStart(s, 2000);
    assert.ok([...kept].length <= 2000 && [...kept].length > 1700);
    assert.ok(kept.endsWith('。'));
    assert.ok(s.startsWith(kept));
  });
  it('cuts at the limit when no sentence ends near it, and never splits a character', () => {
    const s = '𨋢'.repeat(2500);
    assert.equal([...keptStart(s, 2000)].length, 2000);
    assert.equal(keptStart('short.', 2000), 'short.');
  });
});

describe('organization names a resident reads', () => {
  it('sample organizations are shown without their （示例） / (Sample) mark; real ones unchanged', () => {
    const dir = loadDirectory(resourcePath('directory.yaml'));
    for (const o of dir.organizations) {
      for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) assert.doesNotMatch(residentName(o, lang), /示例|sample/i, o.id);
    }
    const legal = dir.organization('nanshan-legal-aid')!;
    assert.equal(residentName(legal, 'zh-Hans'), legal.names['zh-Hans']);
    assert.equal(residentName(dir.organization('sample-changqing-elderly')!, 'en'), 'Changqing Elderly Service Centre');
  });
});

describe('the resident’s own words', () => {
  it('a 繁體 reader gets their own traditional words back as written (搵, 溫, 戶), and simplified text in traditional', () => {
    assert.equal(toTraditionalScript('我想搵人管下佢哋，溫度太高，戶口'), '我想搵人管下佢哋，溫度太高，戶口');
    assert.equal(toTraditionalScript('已修复路灯，后面的问题'), '已修復路燈，後面的問題');
    // Written in 繁體 already: Cantonese 晒 (all) is no 曬 ("攻晒入屋" had come back to its writer as 攻曬).
    assert.equal(toTraditionalScript('我哋樓下間茶餐廳啲油煙好大，攻晒入屋'), '我哋樓下間茶餐廳啲油煙好大，攻晒入屋');
    assert.equal(toTraditionalScript('唔該晒'), '唔該晒');
    assert.match(t('zh-Hant', 'conversation.petition.confirm', { summary: '我想搵人處理', handler: '住建局' }), /我想搵人處理/);
  });
  it('a summary says the handler gets it without personal data only when something was hidden', () => {
    assert.equal(hidesPersonalData('我住喺桃園路[ADDRESS]', '我住喺桃園路88號3棟502'), true);
    assert.equal(hidesPersonalData('电梯坏了', '电梯坏了'), false);
    assert.equal(hidesPersonalData('he wrote [PHONE]', 'he wrote [PHONE]'), false);
  });
});

describe('a bare yes typed while a consent question waits', () => {
  it('is read as a yes in three languages; a sentence or a question is not', () => {
    for (const t of ['好，可以', 'ok, yes', '得', '好的！', 'Yes.', '同意']) assert.equal(saysShortYes(t), true, t);
    for (const t of ['好，可以问一下还要多久吗', 'yes but the landlord still', '可以吗？', '']) assert.equal(saysShortYes(t), false, t);
  });
});
