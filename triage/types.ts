import type { Language } from '../kernel/language.js';
import type { Category, Citation, TargetCode } from '../kernel/taxonomy.js';

export type { Language } from '../kernel/language.js';
export type { Citation, Decision } from '../kernel/taxonomy.js';

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
  /** The engine itself asks for review (e.g. no clear top target); `reviewReason` says why. */
  needsReview?: boolean;
  reviewReason?: string;
  secondaryTarget?: TargetCode;
  targetConfidence?: number;
  /** For an inquiry: the department whose matters the question concerns (see Decision.topicTarget). */
  topicTarget?: TargetCode;
  /** The engine's probability for `topicTarget`, when it has one (see Decision.topicConfidence). */
  topicConfidence?: number;
  /** When the target is not clearly ahead: the code that came within the margin (see Decision.runnerUp). */
  runnerUp?: TargetCode;
}

/** Offline learner and LLM engine both implement this; the pipeline falls back from one to the other. */
export interface DecisionEngine {
  readonly name: 'offline' | 'llm';
  decide(input: EngineInput): Promise<EngineResult>;
}

/** A passage triage may cite. Triage declares the retrieval it needs; knowledge/ implements it and app/ wires it. */
export interface RetrievedPassage {
  source: string;
  title: string;
  article?: string;
  text: string;
  score: number;
}

export interface Retriever {
  search(query: string, opts?: { k?: number }): Promise<RetrievedPassage[]>;
}
