import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { emergencyMessageKey, messages } from '../../i18n/triage.js';
import { EMERGENCY_KINDS } from '../../triage/emergency.js';

const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
const text = (key: string, lang: (typeof LANGS)[number]) => (messages as Record<string, Record<string, string>>)[key]![lang]!;

describe('triage messages', () => {
  it('has an emergency reply for every kind the rules can produce, in all three languages', () => {
    for (const kind of EMERGENCY_KINDS) {
      const key = emergencyMessageKey(kind);
      assert.equal(key, `triage.emergency.${kind}`);
      for (const lang of LANGS) assert.ok(text(key, lang).trim().length > 10, `${key} ${lang}`);
    }
    assert.equal(emergencyMessageKey('meteor'), 'triage.emergency.other');
  });

  it('gives the right numbers: crisis lines for suicide and self-harm, 110/119/120 where they belong', () => {
    const expect: Record<string, string[]> = {
      suicide: ['0755-25629459', '12356', '120'],
      self_harm: ['0755-25629459', '12356', '120'],
      violence: ['110'],
      fire: ['119'],
      gas: ['119'],
      medical: ['120'],
      drowning: ['110', '120'],
      disaster: ['119', '110'],
      other: ['110', '119', '120'],
    };
    for (const [kind, numbers] of Object.entries(expect)) {
      for (const lang of LANGS) {
        for (const n of numbers) assert.ok(text(`triage.emergency.${kind}`, lang).includes(n), `${kind} ${lang} lacks ${n}`);
      }
    }
  });

  it('says when no passage answers, in each language', () => {
    assert.match(text('triage.answer.none', 'en'), /No passage/);
    assert.match(text('triage.answer.intro', 'zh-Hans'), /根据以下规定/);
    assert.match(text('triage.answer.intro', 'zh-Hant'), /根據以下規定/);
  });
});
