import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { CALLBACK_ACTIONS } from '../../bot/callbackData.js';
import { areaCatalogues, catalogue, languageFromTelegram, LANGUAGES, paramsOf, t } from '../../i18n/index.js';
import { commandMenu } from '../../bot/telegramBot.js';
import { cjkPunctuation } from '../../kernel/language.js';

describe('message catalogue', () => {
  it('every key in every area file has non-empty zh-Hans, zh-Hant and en texts with the same {params}', () => {
    const problems: string[] = [];
    for (const [area, messages] of Object.entries(areaCatalogues)) {
      for (const [key, entry] of Object.entries(messages)) {
        const params = new Map<string, string>();
        for (const lang of LANGUAGES) {
          const text = (entry as Record<string, unknown>)[lang];
          if (typeof text !== 'string' || text.trim() === '') {
            problems.push(`${area}: ${key} has no ${lang} text`);
            continue;
          }
          params.set(lang, paramsOf(text).join(','));
        }
        if (new Set(params.values()).size > 1) problems.push(`${area}: ${key} params differ: ${JSON.stringify(Object.fromEntries(params))}`);
        const extra = Object.keys(entry).filter((l) => !(LANGUAGES as readonly string[]).includes(l));
        if (extra.length) problems.push(`${area}: ${key} has unknown languages ${extra.join(',')}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('Chinese texts use Chinese punctuation (，：；！？（）), as a resident reads them, not ASCII next to a character', () => {
    const halfWidth: string[] = [];
    for (const [area, messages] of Object.entries(areaCatalogues)) {
      for (const [key, entry] of Object.entries(messages)) {
        for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
          const text = (entry as Record<string, string>)[lang]!;
          if (cjkPunctuation(text) !== text) halfWidth.push(`${area}: ${key} (${lang}): ${text.slice(0, 60)}`);
        }
      }
    }
    assert.deepEqual(halfWidth, []);
  });

  it('no key is defined by two areas (the merge would silently keep only one)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, messages] of Object.entries(areaCatalogues)) {
      for (const key of Object.keys(messages)) {
        const prev = owner.get(key);
        if (prev) clashes.push(`${key}: ${prev} and ${area}`);
        owner.set(key, area);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('every button action has a label in each language, and the rating labels are the statutory wording', () => {
    for (const action of CALLBACK_ACTIONS) assert.ok(catalogue[`action.${action}`], `action.${action} has no label`);
    assert.equal(t('zh-Hans', 'action.rate_satisfied'), '满意');
    assert.equal(t('zh-Hans', 'action.rate_basically_satisfied'), '基本满意');
    assert.equal(t('zh-Hans', 'action.rate_dissatisfied'), '不满意');
  });

  it('the welcome names the emergency numbers and what is kept, in all three languages', () => {
    for (const lang of LANGUAGES) {
      const text = t(lang, 'bot.welcome');
      for (const n of ['110', '119', '120']) assert.ok(text.includes(n), `${lang} welcome lacks ${n}`);
      assert.ok(text.includes('/privacy'));
    }
    assert.match(t('zh-Hant', 'bot.welcome'), /緊急/);
    assert.match(t('en', 'bot.welcome'), /emergency/i);
  });

  it('command menus are valid for setMyCommands in every language', () => {
    for (const lang of LANGUAGES) {
      const menu = commandMenu(lang);
      assert.deepEqual(menu.map((c) => c.command), ['start', 'status', 'withdraw', 'language', 'privacy', 'help']);
      for (const c of menu) assert.ok(c.description.length >= 1 && c.description.length <= 256);
    }
    assert.notEqual(commandMenu('zh-Hans')[1]!.description, commandMenu('en')[1]!.description);
  });

  it('t() fills params, leaves missing ones visible, and throws on an unknown key', () => {
    assert.match(t('en', 'bot.content.too_long', { length: 2500, limit: 2000 }), /2500.*2000/);
    assert.match(t('en', 'bot.content.too_long', { length: 1 }), /\{limit\}/);
    assert.throws(() => t('en', 'no.such.key'), /Unknown message key/);
    assert.throws(() => t('en', '__proto__'), /Unknown message key/);
  });

  it('maps Telegram language codes: HK/TW/MO/Hant → 繁體, en* → English, anything else → 简体', () => {
    const cases: Array<[string | undefined | null, string]> = [
      ['zh-hk', 'zh-Hant'],
      ['zh-HK', 'zh-Hant'],
      ['zh-tw', 'zh-Hant'],
      ['zh-mo', 'zh-Hant'],
      ['zh-hant', 'zh-Hant'],
      ['zh-Hant-TW', 'zh-Hant'],
      ['zh_TW', 'zh-Hant'],
      ['zh', 'zh-Hans'],
      ['zh-cn', 'zh-Hans'],
      ['zh-hans', 'zh-Hans'],
      ['zh-sg', 'zh-Hans'],
      ['en', 'en'],
      ['en-GB', 'en'],
      ['en-us', 'en'],
      ['ru', 'zh-Hans'],
      ['', 'zh-Hans'],
      [undefined, 'zh-Hans'],
      [null, 'zh-Hans'],
    ];
    for (const [code, want] of cases) assert.equal(languageFromTelegram(code), want, String(code));
  });
});
