import type { Language } from '../kernel/language.js';

/** One user-facing text in the three languages; `{name}` marks a parameter. */
export type Localized = Record<Language, string>;
export type Catalogue = Record<string, Localized>;
