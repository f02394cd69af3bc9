import { z } from 'zod';
import { ValidationError } from '../kernel/errors.js';
import { within } from '../kernel/deadline.js';
import { cjkPunctuation, hanCount } from '../kernel/language.js';
import type { Logger } from '../kernel/logger.js';
import { detectCrisis } from './crisis/detect.js';
import { fromModelAlone } from './crisis/types.js';
import { stripInstructions } from './injection.js';
import { normalize } from './normalize.js';
import { PLACEHOLDER_PATTERN, redact } from './redact.js';
import { CATEGORIES, DEPARTMENT_CODES, TARGET_CODES, targetsFor, type Category, type TargetCode } from '../kernel/taxonomy.js';
import type { Citation, Decision, DecisionEngine, EngineResult, Language, Retriever } from './types.js';

export interface TriageDeps {
  engine: DecisionEngine;
  fallback?: DecisionEngine;
  retriever?: Retriever;
  /** Below this the office decides (needsReview). Default 0.55. */
  minConfidence?: number;
  /** Per engine call; the fallback gets its own budget. Default 15000. */
  engineTimeoutMs?: number;
  logger?: Logger;
}

export const DEFAULT_MIN_CONFIDENCE = 0.55;
export const DEFAULT_ENGINE_TIMEOUT_MS = 15_000;

const citationSchema = z.object({
  source: z.string().min(1),
  title: z.string(),
  article: z.string().optional(),
  excerpt: z.string(),
  score: z.number().finite().optional(),
});

/** What an engine must return; anything else is treated like an engine error (fallback). */
export const engineResultSchema = z.object({
  category: z.enum(CATEGORIES),
  target: z.string().nullable(),
  confidence: z.number().finite().min(0).max(1),
  reasons: z.array(z.string()).default([]),
  citations: z.array(citationSchema).optional(),
  needsReview: z.boolean().optional(),
  reviewReason: z.string().optional(),
  secondaryTarget: z.enum(TARGET_CODES as [TargetCode, ...TargetCode[]]).optional(),
  targetConfidence: z.number().finite().min(0).max(1).optional(),
  // A hint only: a wrong code from an engine is dropped rather than failing the whole decision.
  topicTarget: z.enum(DEPARTMENT_CODES as unknown as [TargetCode, ...TargetCode[]]).optional().catch(undefined),
  topicConfidence: z.number().finite().min(0).max(1).optional().catch(undefined),
  runnerUp: z.enum(TARGET_CODES as [TargetCode, ...TargetCode[]]).optional().catch(undefined),
});

class EngineFailure extends Error {
  constructor(public readonly why: 'timeout' | 'error' | 'invalid_output', message: string) {
    super(message);
  }
}

// Greetings and filler that carry no request; what is left after removing them decides "unclear".
const GREETING =
  /你好|您好|哈喽|哈啰|嗨|在吗|在不在|有人吗|有人在吗|有没有人在?|喂|请问|请教|早上好|上午好|中午好|下午好|晚上好|早安|晚安|谢谢|多谢|感谢|好的|好吧|嗯|哦|噢|啊|呀|吧|呢|测试|\b(hello|hi|hey|ok|okay|test|thanks|thank you|good (morning|afternoon|evening)|anyone there|anybody there|someone there|is anyone (here|there)|excuse me|(do|does|can|could) (you|someone|somebody|anyone|anybody) (here )?speak english|english please|in english please|speak english)\b|(会|會|识唔识|識唔識)(说|說|讲|講)英(文|语|語)(吗|嗎)?/g;
// Frustration with no matter named ("又係咁！！冇人理㗎", "the problem again!! nobody do anything") had been a confident
// petition to a guessed department (housing 0.95): the clerk asks which matter it is, as for an announcement.
// A request announced but not stated: "我要投诉", "我有个问题想反映", "I want to complain", Cantonese 有啲嘢想問 (有些东西
// 想问; after "喂，有冇人" it had been filed as an office case, where its 简体 twin got an example of what to write).
const VAGUE_ONLY =
  /^(我|我们|本人)?(现在|想|要|想要|需要|有|还有)?(一个|个|一件|件|点|些)?(问题|事情|事|东西|情况|意见|建议)?(想|要|需要)?(反映|投诉|举报|咨询|问一下|问问|问|求助|说一下|说说|反馈|报告|讲一下)?(一下)?(问题|事情|情况)?$|^(i )?(want|would like|need|have)( to)? (complain|report|ask|a question|a complaint|a problem|an issue)$|^(it'?s|it is|this is) (about|regarding|concerning) (my|the|our|a|an) [a-z]+$|^(又|还|都)?(是|系)?(这样|这个样子|一样)?(了|啦|啊|呀)?(根本|完全|还是|都|仍然)?(没|没有)人(理|管|处理|回复|跟进|回)(的|啊|呀|了|啦)?$|^((the|this|same) )?(same )?((problem|issue|thing) )?((again|still) )?(and )?(nobody|no one|noone|no-one) (do|does|did|doing|cares?|helps?|answers?|fix(es)?|repl(y|ies))( (anything|nothing|about it))?$|^(this is|it'?s|that'?s) (ridiculous|unbelievable|a joke|crazy|outrageous)( (and )?(nobody|no one) (does|do|did|cares?)( anything)?)?$|^(又|还|都)(是|系)(这样|咁)(了|啦|喇|呀)?$|^(请问)?(可以|能|能不能|可不可以)(帮|帮忙|帮帮)(我)?(吗|嘛|么)?$/;

const CODE_LIKE = /\b(drop|select|insert|delete|update|union|alter)\b[^\n]{0,40}\b(table|from|into|set|select|database)\b|<\s*\/?\s*(script|img|iframe|svg)\b|\$\{|\{\{|--\s*$|;\s*--/i;
/** Code or markup sent as a message (SQL, a script tag, a template): a probe, not a matter. */
export const looksLikeCode = (text: string): boolean => CODE_LIKE.test(text) && hanCount(text) === 0;

// WeChat's emoji as residents paste them ("[捂脸][捂脸]😂😂👍", [微笑], [强]): symbols, not words. A case with a statutory
// clock had been registered from "[捂脸][捂脸]😂😂👍" after an emoji, because the bracketed names read as Chinese.
const WECHAT_EMOJI = /\[[\p{Script=Han}a-z]{1,4}\]/gu;

/** True when nothing actionable is left: empty, punctuation, emoji, greetings, or an announcement only. */
export function isTooVague(text: string): boolean {
  const stripped = text
    .toLowerCase()
    .replace(PLACEHOLDER_PATTERN, ' ')
    .replace(WECHAT_EMOJI, ' ')
    .replace(GREETING, ' ')
    .replace(/[\p{P}\p{S}\p{Z}\s\d]+/gu, '');
  if (stripped.length === 0) return true;
  const letters = stripped.match(/[\p{Script=Han}]|[a-z]/gu)?.length ?? 0;
  if (letters < 2) return true;
  const compact = text.toLowerCase().replace(WECHAT_EMOJI, ' ').replace(GREETING, ' ').replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return VAGUE_ONLY.test(compact.replace(/\s+/g, /[a-z]/.test(compact) ? ' ' : ''));
}

// A message this short names a matter in a word or two at most; when the engine is unsure of it as well,
// proposing a handler would be a guess (code, markup or keyboard noise reads as a weak petition).
const SHORT_HAN = 8;
const SHORT_WORDS = 5;

/** True for a message of at most eight Chinese characters and five Latin words (times `scale`), placeholders and symbols aside. */
export function isShort(text: string, scale = 1): boolean {
  const content = text.toLowerCase().replace(PLACEHOLDER_PATTERN, ' ');
  const han = hanCount(content);
  const words = content.match(/[a-z]+/g)?.length ?? 0;
  return han <= SHORT_HAN * scale && words <= SHORT_WORDS * scale;
}

/** An engine that threw because the model's answer was unusable (bad JSON, schema, invented code). */
function isOutputError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { lc_error_code?: unknown }).lc_error_code;
  return err.name === 'LlmOutputError' || err.name === 'OutputParserException' || code === 'OUTPUT_PARSING_FAILURE';
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  within(p, ms, () => new EngineFailure('timeout', `engine did not answer within ${ms} ms`));

async function runEngine(engine: DecisionEngine, text: string, language: Language, timeoutMs: number): Promise<EngineResult> {
  let raw: unknown;
  try {
    raw = await withTimeout(
      Promise.resolve().then(() => engine.decide({ text, language })),
      timeoutMs,
    );
  } catch (err) {
    if (err instanceof EngineFailure) throw err;
    throw new EngineFailure(isOutputError(err) ? 'invalid_output' : 'error', err instanceof Error ? err.message : String(err));
  }
  const parsed = engineResultSchema.safeParse(raw);
  if (!parsed.success) throw new EngineFailure('invalid_output', parsed.error.issues.map((i) => i.message).join('; '));
  const r = parsed.data;
  if (r.target !== null && !(TARGET_CODES as readonly string[]).includes(r.target)) {
    throw new EngineFailure('invalid_output', `unknown target code "${r.target}"`);
  }
  return { ...r, target: r.target as TargetCode | null };
}

function toCitation(p: { source: string; title: string; article?: string; text: string; score: number }): Citation {
  const excerpt = p.text.length > 300 ? `${p.text.slice(0, 300)}…` : p.text;
  return { source: p.source, title: p.title, ...(p.article ? { article: p.article } : {}), excerpt, score: p.score };
}

/** Below this, a petition reading of a message that is mostly the resident's own despair is not trusted. */
export const SELF_DESPAIR_PETITION_BAR = 0.6;
/** The routing's probability of its department above which a petition beside despair keeps its matter. */
const SURE_MATTER = 0.75;
// Words for it (a rule or a cue), not the crisis model alone: "寫信投訴咗之後 幾耐會有回覆 有冇時限" (a question about the
// office's deadline) had a model-only suicide concern through the concern-threshold path, which carries no
// model_only_below_bar mark, and was sent to counselling.
const selfDespair = (c: { kinds: string[]; cues: string[] }) =>
  c.kinds.some((k) => k === 'suicide' || k === 'self_harm') && !fromModelAlone(c.cues);

/**
 * The whole decision for one resident message. Never throws on content: every path returns a valid
 * Decision (the only error is a non-string argument, a programming mistake).
 */
export async function triage(text: string, deps: TriageDeps): Promise<Decision> {
  if (typeof text !== 'string') throw new ValidationError('triage() expects the message text as a string');
  const minConfidence = deps.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const timeoutMs = deps.engineTimeoutMs ?? DEFAULT_ENGINE_TIMEOUT_MS;
  const log = deps.logger;

  const n = normalize(text);
  const stripped = stripInstructions(n.normalized);
  const redactedOriginal = redact(n.original);
  // Names found in the resident's own script are hidden in the lower-cased 简体 text too ("I'm Chan" → "i'm chan").
  const engineText = redact(stripped.text, { also: redactedOriginal.names }).text;
  const reasons: string[] = [];
  if (n.truncated) reasons.push('truncated');
  if (stripped.injected) reasons.push('injection_stripped');
  for (const f of redactedOriginal.found) reasons.push(`redacted:${f.kind}:${f.count}`);

  // What staff and the resident read back: the resident's words with Chinese punctuation (NFKC folded it for matching).
  // A message read as English may still hold a Chinese sentence ("Hi, the site works until 2am. 就系科技园那边，吵到…"):
  // `cjkPunctuation` changes only marks beside Chinese, so English alone reads as written; the card had shown 「那边,吵到」.
  const shown = cjkPunctuation(redactedOriginal.text);
  const base = { redactedText: shown, language: n.language, citations: [] as Citation[] };

  // The crisis layer looks at the unstripped text (removing an "instruction" must never hide a danger).
  // Rules, cues and the local classifier are synchronous: nothing here waits on a model server or network.
  const c = detectCrisis(n.normalized, n.original);
  // Code sent as a message ("'; DROP TABLE cases; --") or a bare greeting or announcement ("its about my apartment")
  // holds no words a distress could be said in: the crisis model's concern alone on it had answered with the hotlines
  // ("it sounds like you are under a lot of pressure") and paged the office. A rule or cue in it still counts.
  const wordless = c.level === 'concern' && fromModelAlone(c.cues) && (looksLikeCode(n.original) || isTooVague(stripped.text));
  if (wordless) reasons.push('crisis_model_concern_without_words');
  const crisis = c.level === 'none' || wordless ? undefined : { level: c.level, kinds: c.kinds as string[], cues: c.cues };
  if (crisis?.level === 'immediate') {
    log?.warn({ kinds: crisis.kinds }, 'triage: emergency rule fired');
    return {
      ...base,
      category: 'emergency',
      target: null,
      confidence: 1,
      needsReview: true,
      // The office card says whether words or the model alone raised it: "emergency_rule:suicide" on a message no rule
      // matched had sent staff looking for a word that was not there.
      reasons: [...crisis.kinds.map((k) => `${fromModelAlone(crisis.cues) ? 'emergency_model' : 'emergency_rule'}:${k}`), ...crisis.cues.map((x) => `crisis:${x}`), ...reasons],
      emergencyKinds: crisis.kinds,
      crisis,
      engine: 'rules',
    };
  }
  // Concern: the request is still triaged and handled; the conversation adds the warm reply.
  if (crisis) reasons.push(`crisis_concern:${crisis.kinds.join('+')}`);
  const withCrisis = (d: Decision): Decision => (crisis ? { ...d, crisis } : d);

  if (isTooVague(stripped.text)) {
    return withCrisis({ ...base, category: 'unclear', target: null, confidence: 1, needsReview: false, reasons: ['too_vague', ...reasons], engine: 'rules' });
  }

  let result: EngineResult | undefined;
  let engineName: Decision['engine'] = deps.engine.name;
  try {
    result = await runEngine(deps.engine, engineText, n.language, timeoutMs);
  } catch (err) {
    const why = err instanceof EngineFailure ? err.why : 'error';
    // Only the error's class: a parser error message can quote the model's output, which can echo the text.
    log?.warn({ engine: deps.engine.name, why, error: err instanceof Error ? err.name : typeof err }, 'triage: engine failed');
    // e.g. llm_fallback:timeout, llm_fallback:invalid_output
    reasons.push(`${deps.engine.name}_fallback:${why}`);
    if (deps.fallback) {
      try {
        result = await runEngine(deps.fallback, engineText, n.language, timeoutMs);
        engineName = deps.fallback.name;
      } catch (err2) {
        const why2 = err2 instanceof EngineFailure ? err2.why : 'error';
        log?.error({ engine: deps.fallback.name, why: why2 }, 'triage: fallback engine failed too');
        reasons.push(`${deps.fallback.name}_failed:${why2}`);
      }
    }
  }
  if (!result) {
    // No engine could decide: the office decides; asking the resident to clarify is the safe reply.
    return withCrisis({ ...base, category: 'unclear', target: null, confidence: 0, needsReview: true, reasons: ['no_engine', ...reasons], engine: engineName });
  }

  const read = result;
  const askInstead = (why: string, what: string) =>
    withCrisis({
      ...base,
      category: 'unclear',
      target: null,
      confidence: read.confidence,
      needsReview: false,
      reasons: [why, `engine:${what} ${read.confidence.toFixed(2)}`, ...reasons],
      engine: engineName,
    });
  // A resident's own despair, found by the crisis layer's patterns (not its model alone), with no matter the engine
  // is sure of: "活住冇意思" and "i feel like theres no point living" had been summarised as petitions to the street
  // office and the education bureau, "我觉得活着没意思" asked to say more. What they need is the counselling offer
  // (with the concern reply the conversation adds), not a department or a question.
  // A petition whose department the routing is sure of has said its matter, whatever the despair beside it: "工资三个月没发
  // 房东要赶我走 我真的撑不下去了" (human resources 0.80) had become counselling only, and the wages were never registered.
  const matterSure = result.category === 'petition' && result.target !== null && result.confidence > 0 && (result.targetConfidence ?? 0) / result.confidence >= SURE_MATTER;
  if (crisis && selfDespair(crisis) && !matterSure && (result.category === 'unclear' || (result.category !== 'emergency' && result.category !== 'out_of_scope' && result.confidence < SELF_DESPAIR_PETITION_BAR))) {
    const why = `self_despair_without_matter:${result.category} ${result.confidence.toFixed(2)}`;
    result = { ...result, category: 'out_of_scope', target: 'counselling', needsReview: true, reviewReason: 'self_despair_without_matter', reasons: [...result.reasons, why] };
  }
  // Asking for the matter is what a clerk would do with two unsure words; an emergency reading is never dropped.
  if (result.category !== 'emergency' && result.category !== 'unclear' && result.confidence < minConfidence && isShort(stripped.text) && result.reviewReason !== 'self_despair_without_matter') {
    return askInstead('short_and_unsure', result.category);
  }
  // A short 信访外 message whose service is a coin flip ("那我还能找谁帮忙？" read as elderly care 0.22 against
  // mediation 0.20) would be offered one organization by name on a guess; the clerk asks what help is needed.
  if (result.category === 'out_of_scope' && result.reviewReason?.startsWith('target_unsure') && isShort(stripped.text, 2)) {
    return askInstead('short_and_unsure_service', `${result.category}/${result.target ?? '-'}`);
  }

  // The offline classifier learned "emergency" from a few hundred short examples, and the crisis layer, which
  // read this text first, found nothing: on the 711 lines of the two crisis sets it caught no danger the layer
  // missed, but it sent "not ok" (a survey comment) and 煩死了啦 the 110/120 reply and an urgent alert. Its
  // reading alone becomes a concern — the office is told, the resident gets the numbers — and the resident is
  // asked what the matter is. An LLM's emergency stands: it reads the situation, not a few words.
  // Likewise when the crisis layer's own model found only a concern, with no rule or cue: "我现在安全了" (after an
  // emergency reply) had got the 110/120 reply again and a second urgent alert.
  const modelOnlyConcern = crisis?.level === 'concern' && fromModelAlone(crisis.cues);
  if (result.category === 'emergency' && engineName === 'offline' && (!crisis || modelOnlyConcern)) {
    return {
      ...base, category: 'unclear', target: null, confidence: result.confidence, needsReview: true,
      reasons: ['engine_emergency_without_crisis', `engine:emergency ${result.confidence.toFixed(2)}`, ...reasons], engine: engineName,
      crisis: crisis ?? { level: 'concern', kinds: ['other'], cues: ['engine_emergency_only'] },
    };
  }

  const category: Category = result.category;
  let target: TargetCode | null = result.target;
  let needsReview = false;
  const allowed = targetsFor(category);
  if (target !== null && !allowed.includes(target)) {
    reasons.push(`target_not_allowed:${target}`);
    target = null;
    needsReview = true;
  }
  if (target === null && (category === 'petition' || category === 'out_of_scope')) {
    reasons.push('no_target');
    needsReview = true;
  }
  // A model may see a danger the rules missed: the office is alerted all the same, and the reply
  // gives every emergency number because the kind is unknown.
  const emergencyKinds = category === 'emergency' ? ['other'] : undefined;
  if (category === 'emergency') {
    reasons.push('engine_emergency');
    needsReview = true;
  }
  if (result.confidence < minConfidence) {
    reasons.push('low_confidence');
    needsReview = true;
  }
  if (result.needsReview) needsReview = true;
  // The office card says why the engine is unsure: the engine's own reason first, else the pipeline's.
  const reviewReason = needsReview
    ? (result.reviewReason ?? reasons.find((r) => /^(low_confidence|no_target|engine_emergency|target_not_allowed)/.test(r)))
    : undefined;

  let citations: Citation[] = result.citations ?? [];
  if ((category === 'inquiry' || category === 'legal_channel') && citations.length === 0 && deps.retriever) {
    try {
      const passages = await withTimeout(deps.retriever.search(engineText, { k: 3 }), timeoutMs);
      citations = passages.map(toCitation);
    } catch (err) {
      log?.warn({ error: err instanceof Error ? err.name : typeof err }, 'triage: retrieval failed');
      reasons.push('retrieval_failed');
    }
  }

  return withCrisis({
    ...base,
    category,
    target,
    confidence: result.confidence,
    needsReview,
    reasons: [...result.reasons, ...reasons],
    citations,
    ...(emergencyKinds ? { emergencyKinds } : {}),
    engine: engineName,
    ...(result.secondaryTarget && result.secondaryTarget !== target ? { secondaryTarget: result.secondaryTarget } : {}),
    ...(result.targetConfidence !== undefined ? { targetConfidence: result.targetConfidence } : {}),
    ...(reviewReason ? { reviewReason } : {}),
    ...(result.topicTarget && category === 'inquiry'
      ? { topicTarget: result.topicTarget, ...(result.topicConfidence !== undefined ? { topicConfidence: result.topicConfidence } : {}) }
      : {}),
    ...(result.runnerUp && result.runnerUp !== target && allowed.includes(result.runnerUp) ? { runnerUp: result.runnerUp } : {}),
  });
}
