import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { messages } from '../../i18n/cases.js';
import { CASE_MESSAGE_PARAMS } from '../../cases/messages.js';
import { NOT_ACCEPTED_REASONS } from '../../cases/types.js';
import { t } from '../../i18n/index.js';

const catalogue = messages as Record<string, Record<string, string>>;
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
const paramsIn = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

describe('cases message catalogue', () => {
  it('has every key the cases area writes, in all three languages, with exactly the declared parameters', () => {
    for (const [key, declared] of Object.entries(CASE_MESSAGE_PARAMS)) {
      const entry = catalogue[key];
      assert.ok(entry, `missing catalogue entry ${key}`);
      for (const lang of LANGS) {
        const textValue: string | undefined = entry[lang];
        assert.ok(typeof textValue === 'string' && textValue.trim().length > 0, `${key} has no ${lang} text`);
        assert.deepEqual([...paramsIn(textValue)].sort(), [...declared].sort(), `${key} [${lang}] parameters`);
      }
    }
  });

  it('declares every catalogue entry (no orphan texts) and one resident text per not-accepted reason', () => {
    for (const key of Object.keys(catalogue)) assert.ok(key in CASE_MESSAGE_PARAMS, `catalogue key ${key} is not declared`);
    for (const r of NOT_ACCEPTED_REASONS) assert.ok(`cases.resident.not_accepted.${r}` in CASE_MESSAGE_PARAMS, r);
  });

  it('uses no message key in cases/ source that the catalogue lacks', () => {
    const dir = path.join(PROJECT_ROOT, 'cases');
    const used = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/'(cases\.(?:resident|staff|handler)\.[a-z_.]+)'/g)) used.add(m[1]!);
    }
    assert.ok(used.size > 20, 'scanner found the keys');
    for (const k of used) assert.ok(catalogue[k], `key ${k} used in cases/ is missing from i18n/cases.ts`);
  });

  it("a department's 简体 outcome reaches a 繁體 reader in 繁體, and everyone else as written", () => {
    const params = { ref: 'YT-20261207-0001', handler: '深圳市生態環境局南山管理局', outcome: '已责令餐厅安装油烟净化器并复查' };
    const hant = t('zh-Hant', 'cases.resident.resolved', params);
    assert.match(hant, /已責令餐廳安裝油煙淨化器/);
    assert.match(hant, /深圳市生態環境局南山管理局/, 'a name already in 繁體 stays as it is');
    assert.match(t('zh-Hans', 'cases.resident.resolved', params), /已责令餐厅安装油烟净化器并复查/);
    assert.match(t('en', 'cases.resident.resolved', params), /in their own words \(staff write in Chinese\): 已责令餐厅安装油烟净化器并复查/);
  });

  it('cites Art. 35 for 复查 and Art. 36 for 复核 in every language', () => {
    assert.match(catalogue['cases.resident.reopened_review_right']!['zh-Hans']!, /第三十五条/);
    assert.match(catalogue['cases.resident.reopened_review_right']!['zh-Hant']!, /第三十五條/);
    assert.match(catalogue['cases.resident.reopened_review_right']!.en!, /Art\. 35/);
    assert.match(catalogue['cases.resident.reopened_recheck_right']!.en!, /Art\. 36/);
  });
});
