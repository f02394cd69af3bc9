/**
 * Public API of the learned text classifier used by the offline triage engine.
 * See docs/learner.md for the method, the measured figures and the limits.
 */
export {
  train,
  loadModel,
  ModelFormatError,
  DEFAULT_TRAIN,
  MODEL_FORMAT,
  MODEL_VERSION,
  type LabelledText,
  type TrainOptions,
  type Prediction,
  type TextModel,
  type SerializedModel,
} from './model.js';
export { crossValidate, TooFewExamplesError } from './cv.js';
export { evaluate, stratifiedFolds, type EvaluationReport, type ClassMetrics } from './metrics.js';
export { DEFAULT_FEATURES, type FeatureOptions } from './features.js';
