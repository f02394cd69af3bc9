/** The crisis layer's outcome (see docs/crisis.md). */
export type CrisisLevel = 'immediate' | 'concern' | 'none';

/**
 * What the danger is. The reply and the numbers depend on it. The first nine are the emergency rules'
 * kinds (triage/emergency.ts); the crisis layer adds overdose, a child or an elder in danger, flood
 * with people trapped, and collapse, and 'distress' for concern without a more specific kind.
 */
export type CrisisKind =
  | 'suicide'
  | 'overdose'
  | 'self_harm'
  | 'violence'
  | 'child_elder'
  | 'medical'
  | 'fire'
  | 'gas'
  | 'flood'
  | 'collapse'
  | 'drowning'
  | 'disaster'
  | 'distress'
  | 'other';

export const CRISIS_KINDS: readonly CrisisKind[] = [
  'suicide', 'overdose', 'self_harm', 'violence', 'child_elder', 'medical', 'fire', 'gas', 'flood', 'collapse', 'drowning', 'disaster', 'distress', 'other',
];

export interface CrisisOutcome {
  level: CrisisLevel;
  kinds: CrisisKind[];
  /** Which rules, cues and model scores decided: shown on the office alert, never logged with text. */
  cues: string[];
}

/**
 * No rule and no situation cue stands behind the outcome: the crisis model's reading alone. The pipeline does not
 * let an offline emergency reading rest on it, and the conversation leaves the counselling lines off feedback.
 */
export const fromModelAlone = (cues: readonly string[]): boolean => !cues.some((c) => c.startsWith('rule:') || c.startsWith('cue:'));

/** What the crisis model says about one text (triage/crisis/model.ts computes it; stage 2 reads it). */
export interface Scores {
  /** P(none), P(concern), P(immediate). */
  level: [number, number, number];
  /** Kinds whose head says ≥ 0.5, most likely first; at least the most likely one. */
  kinds: CrisisKind[];
  /** The most likely kind head's probability (how much the text looks like any one danger). */
  kindMax: number;
  /** Each kind head's probability, in MODEL_KINDS order. */
  kindProbs: number[];
  /** The corpus-only model's P(none), P(concern), P(immediate), when the file has it. */
  focus?: [number, number, number];
}

/** A situation cue of the crisis layer (lexicon.ts, lexiconConcern.ts). */
export interface Cue {
  name: string;
  kind: CrisisKind;
  level: Exclude<CrisisLevel, 'none'>;
  pattern: RegExp;
  /** Clause-level exclusions. */
  unless?: RegExp;
  /** Dropped by past / what-if / hazard talk in the sentence (not for suicide and self-harm). */
  guarded?: boolean;
  /** Matched on the whole message, not one sentence ("我在天台。最后看一眼。"). */
  whole?: boolean;
  /** The cue carries its own time (tonight, before the weekend): no extra now cue needed inside a letter. */
  timed?: boolean;
}
