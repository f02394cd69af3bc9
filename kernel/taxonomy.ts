import type { Language } from './language.js';

/** Codes from ../shared/spec/TAXONOMY.md: the contract between triage, directory, evaluation and bench. */
export const CATEGORIES = ['emergency', 'legal_channel', 'petition', 'out_of_scope', 'inquiry', 'unclear'] as const;
export type Category = (typeof CATEGORIES)[number];

export const DEPARTMENT_CODES = [
  'housing', 'urban_management', 'environment', 'planning_land', 'human_resources', 'education', 'health',
  'civil_affairs', 'public_security', 'transport', 'market_regulation', 'water', 'street_office',
] as const;
export type DepartmentCode = (typeof DEPARTMENT_CODES)[number];

export const SERVICE_CODES = [
  'counselling', 'family', 'mediation', 'elderly_care', 'disability', 'youth', 'assistance', 'legal_aid',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export type TargetCode = DepartmentCode | ServiceCode;
export const TARGET_CODES: readonly TargetCode[] = [...DEPARTMENT_CODES, ...SERVICE_CODES];

export const isCategory = (v: unknown): v is Category => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
export const isDepartmentCode = (v: unknown): v is DepartmentCode =>
  typeof v === 'string' && (DEPARTMENT_CODES as readonly string[]).includes(v);
export const isServiceCode = (v: unknown): v is ServiceCode => typeof v === 'string' && (SERVICE_CODES as readonly string[]).includes(v);

/** Which targets a category may carry: petition → departments; 信访外 → services; legal channel → legal aid. */
export function targetsFor(category: Category): readonly TargetCode[] {
  switch (category) {
    case 'petition':
      return DEPARTMENT_CODES;
    case 'out_of_scope':
      return SERVICE_CODES.filter((c) => c !== 'legal_aid');
    case 'legal_channel':
      return ['legal_aid'];
    default:
      return [];
  }
}

// The decision is the contract triage hands to cases/, conversation/ and the office card.
/** A passage the decision or answer rests on. */
export interface Citation {
  source: string;
  title: string;
  article?: string;
  excerpt: string;
  score?: number;
}

export interface Decision {
  category: Category;
  target: TargetCode | null;
  confidence: number;
  /** true → the petition office decides; set when confidence is low or the rules say so. */
  needsReview: boolean;
  /** Short machine-readable reasons, e.g. "emergency_rule:suicide", "classifier:petition 0.91". */
  reasons: string[];
  citations: Citation[];
  /** The input with personal data replaced by placeholders: the only text a model or organization sees. */
  redactedText: string;
  language: Language;
  /** For emergency: which kinds were recognised (suicide, fire, violence, medical, gas, drowning, disaster). */
  emergencyKinds?: string[];
  /** The crisis layer's outcome (triage/crisis): set when it found immediate danger or concern. */
  crisis?: { level: 'immediate' | 'concern'; kinds: string[]; cues: string[] };
  engine: 'offline' | 'llm' | 'rules';
  /** A second matter's department, when the letter raises two (shown on the office card). */
  secondaryTarget?: TargetCode;
  /** Calibrated probability that the target is right (category × target), for risk–coverage ordering. */
  targetConfidence?: number;
  /**
   * For an inquiry: the department whose matters the question concerns. Not a referral — an inquiry is
   * answered, not sent — but the handler the office card proposes if the resident registers it as a case.
   */
  topicTarget?: TargetCode;
  /** The routing's probability for `topicTarget` (offline engine; the LLM gives none): the card's confidence if it is registered. */
  topicConfidence?: number;
  /** When the target was a close call (`reviewReason` target_unsure): the code that came within the margin. */
  runnerUp?: TargetCode;
  /** Why the engine is unsure, when it is (machine code, e.g. "target_unsure:margin 0.06 housing>transport"). */
  reviewReason?: string;
}
