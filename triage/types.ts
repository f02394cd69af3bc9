import type { Category, TargetCode } from './taxonomy.js';

export type Language = 'zh-Hans' | 'zh-Hant' | 'en';

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
  engine: 'offline' | 'llm' | 'rules';
}

/** What a decision engine (offline learner or LLM) receives: never the unredacted text. */
export interface EngineInput {
  /** Redacted, normalised (简体, half-width) text. */
  text: string;
  language: Language;
}

export interface EngineResult {
  category: Category;
  target: TargetCode | null;
  /** 0..1 */
  confidence: number;
  reasons: string[];
  citations?: Citation[];
}

/** Offline learner and LLM engine both implement this; the pipeline falls back from one to the other. */
export interface DecisionEngine {
  readonly name: 'offline' | 'llm';
  decide(input: EngineInput): Promise<EngineResult>;
}
