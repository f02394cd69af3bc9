import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION, consentRequestKey, parseConsentButtonRef, consentButtonRef } from '../../cases/commands/consent.js';
import { DEFAULT_SHARED_FIELDS, SHAREABLE_FIELDS } from '../../cases/types.js';
import { catalogue, paramsOf, t } from '../../i18n/index.js';

/** Every text a resident reads when consenting: the offers at opening and the question about another organization. */
const consentKeys = () =>
  Object.keys(catalogue)
    .filter((k) => k === 'conversation.oos.offer' || k === 'conversation.legal.aid_offer' || k.startsWith('conversation.shared.') || k.startsWith('consent.resident.request.'))
    .sort();

/**
 * The wording each CONSENT_TEXT_VERSION stands for. Consent rows record the version the resident read, so a
 * change of wording needs a new version: add it here with the new hash (printed by the failing test).
 */
const VERSION_HASHES: Record<string, string> = {
  '2026-12-06': '15884283de0c5979',
  // Chinese punctuation (，：？) in the offers; same words.
  '2026-12-06b': '021bc9f3a11de393',
};

describe('consent texts', () => {
  it('has a question for every set of shareable fields, in three languages, naming the organization and the fields', () => {
    const subsets = (1 << SHAREABLE_FIELDS.length) - 1;
    const keys = Object.keys(catalogue).filter((k) => k.startsWith('consent.resident.request.'));
    expect(keys).toHaveLength(subsets);
    expect(keys).toContain(consentRequestKey(DEFAULT_SHARED_FIELDS));
    expect(consentRequestKey(['summary', 'contact_chat'])).toBe(consentRequestKey(['contact_chat', 'summary']));
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const text = t(lang, consentRequestKey(['summary']), { ref: 'YT-20261206-0001', org: 'ORG' });
      expect(text).toContain('ORG');
      expect(text).toContain(t(lang, 'conversation.shared.summary'));
      expect(text).not.toContain(t(lang, 'conversation.shared.contact_chat'));
      for (const k of keys) expect(paramsOf(catalogue[k]![lang])).toEqual(['org', 'ref']);
    }
  });

  it('pins the wording to CONSENT_TEXT_VERSION', () => {
    const hash = crypto.createHash('sha256').update(JSON.stringify(consentKeys().map((k) => [k, catalogue[k]]))).digest('hex').slice(0, 16);
    expect(VERSION_HASHES[CONSENT_TEXT_VERSION], `consent wording changed: bump CONSENT_TEXT_VERSION and record ${hash}`).toBe(hash);
  });

  it('binds a button to its case and question, and rejects anything else', () => {
    expect(parseConsentButtonRef(consentButtonRef('YT-20261206-0012', 34))).toEqual({ ref: 'YT-20261206-0012', requestId: 34 });
    for (const bad of ['YT-20261206-0012', 'YT-20261206-0012_q', 'x_q1', 'YT-20261206-0012_q1_q2', '']) expect(parseConsentButtonRef(bad)).toBeNull();
  });
});
