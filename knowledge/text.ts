import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { traditionalToSimplified } from '../kernel/language.js';
import { resourcePath } from '../kernel/paths.js';

// One segmenter per process: loading the dictionary takes ~100 ms.
let jieba: Jieba | undefined;
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * 繁→简 (the triage converter: Hong Kong and Taiwan forms), full-width → half-width and lower case,
 * so a 繁體 query matches the 简体 corpus. Not triage's `normalize()` itself: that caps text at
 * 4,000 characters and is meant for residents' messages, while this also runs over documents.
 */
export function normalizeText(s: string): string {
  return traditionalToSimplified(s.normalize('NFKC')).toLowerCase();
}

/**
 * Words that carry no retrieval signal in residents' questions or in legal boilerplate.
 * Kept short on purpose: BM25's IDF already discounts frequent words; this list removes the
 * question scaffolding (怎么办, 可以吗 …) that would otherwise match every "可以/应当" article.
 */
export const STOPWORDS = new Set(
  `的 了 吗 呢 啊 吧 呀 嘛 么 哦 着 过 地 得 之 其 所 以 而 且 与 及 或 和 跟 同 并 等 于 在 是 为 被 把 将 对 向 从 自 给 让 由
  我 我们 我家 俺 你 你们 您 他 他们 她 她们 它 它们 自己 人家 大家 咱 咱们
  这 那 这个 那个 这些 那些 这样 那样 这种 那种 哪 哪个 哪些 哪里 哪儿 什么 啥 怎么 怎么办 怎样 怎么样 如何 为什么 为何 多少 多久 几 吗
  请问 请 一下 一个 一些 有点 有些 还 也 都 就 才 又 再 很 太 非常 已经 一直 现在 还是 但是 但 可是 因为 所以 如果 要是 然后 而且 或者
  可以 能 能否 能不能 可不可以 会 要 想 需要 应该 应当 该 是否 是不是 有没有 没有 没 不 有 去 来 做 办 弄 搞 到 上 下 里 中 内
  还能 能够 不能 不会 应该 必须 事情 时候 办法 东西 一样 咋 咋办 谁 找谁 哪个 哪家 一般 到底 究竟 真的 之类 相关 方面 情况下 可能 行不行 行吗 好不好
  本法 本条例 本办法 规定 有关 依照 按照 依法 下列 前款 条 款 项 第
  the a an of to in on for is are be can i my me we our you your do does how what which who when where why with without if or and not no at by it this that`
    .split(/\s+/)
    .filter(Boolean),
);

const WORDLIKE = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * The synonym table, resources/knowledge/synonyms.json: one-way expansions (plain words residents use
 * → the legal terms the documents use) in everyday Chinese, abbreviations of the bodies the laws name
 * in full (one way: documents do not use the abbreviation) and English; and two-way groups.
 */
interface SynonymTable {
  plain: Record<string, string[]>;
  abbreviations: Record<string, string[]>;
  english: Record<string, string[]>;
  groups: string[][];
}

function loadSynonymTable(file: string): SynonymTable {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SynonymTable;
  } catch (err) {
    throw new Error(`cannot load the synonym table ${file}: ${(err as Error).message}; restore it from the repository`);
  }
}

const TABLE = loadSynonymTable(resourcePath('knowledge', 'synonyms.json'));

/** Plain-language and English words residents use → the legal terms the documents use. */
export const SYNONYMS: Record<string, string[]> = { ...TABLE.plain, ...TABLE.abbreviations, ...TABLE.english };

/**
 * Groups of words that say the same thing in residents' questions and in legal texts. Unlike
 * SYNONYMS (one-way, plain → legal), every member of a group expands to the others, so either
 * phrasing finds the other. General legal vocabulary only, not fitted to particular questions.
 */
export const SYNONYM_GROUPS: string[][] = TABLE.groups;

for (const group of SYNONYM_GROUPS) {
  for (const w of group) {
    const others = group.filter((x) => x !== w);
    SYNONYMS[w] = [...new Set([...(SYNONYMS[w] ?? []), ...others])];
  }
}

/**
 * Concept tags: a question about "how long" or "does it cost" is answered by articles that state
 * a time limit (三十日内, 一年) or a fee rule (不收费, 费用), but share no word with the question.
 * A tag token is added to the terms of any chunk whose text matches `doc` and of any query that
 * matches `query`, so BM25 and the embedding can connect them.
 */
export const CONCEPTS: Array<{ tag: string; doc: RegExp; query: RegExp }> = [
  {
    tag: '⟨期限⟩',
    doc: /([0-9]+|[一二三四五六七八九十百两]+)个?(日|天|小时|个月|月|年|工作日)(内|以内|之内)|时效|期限/,
    query: /多久|多长时间|几天|多少天|几个月|多少时间|期限|时限|时效|时间限制|多快|什么时候|how long|deadline|time limit|within|how many days|how soon/,
  },
  {
    tag: '⟨费用⟩',
    doc: /收费|费用|免费|不收取|缴纳/,
    query: /交钱|收费|费用|要钱|花钱|免费|付钱|多少钱|交费|缴费|fee|cost|charge|free|pay for/,
  },
  {
    tag: '⟨不服⟩',
    doc: /不服|复查|复核|申诉|起诉/,
    query: /不服|不满意|不认可|不同意.*(决定|结果|意见|处理)|上诉|再申请|appeal|disagree|not satisfied/,
  },
  {
    // "What must I write / what goes in it" ↔ articles listing what a document must state.
    tag: '⟨内容⟩',
    doc: /载明|写明|应当包括|应当记载|下列事项|下列内容/,
    query: /写什么|写哪些|写上|写明|哪些内容|什么内容|包括什么|包括哪些|里面.*什么|要写|what.*(write|include)|contents?/,
  },
  {
    // "Is it binding / does it count" ↔ articles on legal effect.
    tag: '⟨效力⟩',
    doc: /效力|约束力|生效/,
    query: /效力|有效|无效|算数|作数|管用|生效|binding|valid/,
  },
];

export function conceptTags(text: string, side: 'doc' | 'query'): string[] {
  const norm = normalizeText(text);
  return CONCEPTS.filter((c) => c[side].test(norm)).map((c) => c.tag);
}

/** Prefix of terms indexed from the title and chapter field (scored without length normalisation). */
export const FIELD_PREFIX = '§';

/** Segments text into index terms: jieba search mode, normalised, stopwords and punctuation removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(normalizeText(text), true)) {
    const w = raw.trim();
    if (!w || !WORDLIKE.test(w) || STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

/**
 * Query terms with their weights: the query's own tokens (weight 1) plus synonym expansions
 * (weight 0.5 each, segmented the same way as documents) so that plain words reach legal ones
 * without letting an expansion outweigh what the resident actually wrote.
 */
export interface QueryWeights {
  /** Weight of a synonym expansion relative to the resident's own word (default 0.5). */
  expansion?: number;
  /** Weight of a concept tag such as ⟨期限⟩ (default 1.5): it is the intent of the question. */
  concept?: number;
}

export function queryTerms(query: string, weights: QueryWeights = {}): Map<string, number> {
  const terms = new Map<string, number>();
  const own = tokenize(query);
  for (const t of own) terms.set(t, (terms.get(t) ?? 0) + 1);
  const expanded = expansions(query, own);
  for (const t of expanded) if (!terms.has(t)) terms.set(t, weights.expansion ?? 0.5);
  for (const tag of conceptTags(query, 'query')) terms.set(tag, weights.concept ?? 1.5);
  return terms;
}

/** Synonym expansions of a query as extra tokens (deduplicated). */
export function expansions(query: string, own: string[] = tokenize(query)): string[] {
  const norm = normalizeText(query);
  const extra = new Set<string>();
  const ownSet = new Set(own);
  for (const [plain, legal] of Object.entries(SYNONYMS)) {
    const hit = /^[a-z]+$/.test(plain) ? ownSet.has(plain) : norm.includes(plain);
    if (!hit) continue;
    for (const phrase of legal) for (const t of tokenize(phrase)) if (!ownSet.has(t)) extra.add(t);
  }
  return [...extra];
}

/** The query text the embedder sees: the normalised query plus its expansions. */
export function expandQueryText(query: string): string {
  const extra = [...expansions(query), ...conceptTags(query, 'query')];
  const base = normalizeText(query);
  return extra.length ? `${base} ${extra.join(' ')}` : base;
}

export function termFrequencies(tokens: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * The scaffolding of a question about any rule ("how do I apply, what is needed"): sharing only these
 * with a passage says nothing about whether the passage is about the resident's matter. A question
 * about 公屋 once got the 行政复议 and arbitration articles quoted because all three say 申请.
 */
const GENERIC_QUESTION_WORDS = new Set(
  `请问 问问 如何 怎样 怎么 怎么办 咋办 申请 提出 办理 处理 需要 要求 什么 哪些 哪个 哪里 哪儿 多久 多长 多少 时候 时间 可以 能否 能不能
  是否 有没有 咨询 了解 我想 想问 一下 手续 材料 资料 条件 资格 流程 程序 规定 相关 有关 部门 问题 情况 事情 一般 应该 必须
  比例 比率 标准 金额 费用 几天 几个 结果 消息 回音 下文
  apply application how what when where which need needs needed can could should would help please
  day days week weeks month months year years time times take takes took say says said get gets got make makes made
  want wants know tell told ask asked still already long much many also just now then there here about after before
  again thanks thank hello dear sir madam office offices document documents paper papers bureau department
  as am was were has have had been from into so than they them their he she his her its any some all will may might must shall
  up out over more most such only own same very us im ive dont cant
  准备 办 弄 搞 找 去 用 孩子 小孩 老人 家人 家里 kid kids
  深圳 深圳市 南山 南山区 福田 福田区 罗湖 罗湖区 宝安 宝安区 龙岗 龙岗区 龙华 龙华区 坪山 光明 盐田 大鹏 前海 本市 本区 我市 我区
  shenzhen nanshan futian luohu baoan longgang longhua`.split(/\s+/).filter(Boolean),
);

/**
 * Words of the notes that residents also use in another sense: a hospital 复查 (follow-up visit) is not the
 * petition 复查 of Art. 35, which "医院复查要挂什么号" had been quoted. Dropped as a matter word when the question
 * speaks of the other sense and not of a petition.
 */
const OTHER_SENSES: ReadonlyArray<{ word: RegExp; other: RegExp; ours: RegExp }> = [
  { word: /^(复查|复核|复诊)$/, other: /医院|医生|挂号|门诊|体检|拍片|化验|看病|病情|手术|术后|牙科|检查结果/, ours: /信访|处理意见|答复|不服|不满意|投诉|意见书/ },
];

/**
 * A test of whether a passage shares a word with the question that says what it is about: one of the
 * question's own words or a synonym expansion, at least two characters (a single 屋 or 房 matches
 * everything), not a number, not question scaffolding and not a place (every Shenzhen note says 深圳).
 * English questions reach Chinese passages through their expansions, and the English lines of the policy
 * notes word for word. The question is segmented once, here, not once per passage.
 */
export function matterOf(question: string): (passageText: string) => boolean {
  const norm = normalizeText(question);
  const otherSense = (t: string) => OTHER_SENSES.some((s) => s.word.test(t) && s.other.test(norm) && !s.ours.test(norm));
  const own = tokenize(question).filter((t) => !otherSense(t));
  const keep = (t: string) => [...t].length >= 2 && !GENERIC_QUESTION_WORDS.has(t) && !/^\d+$/.test(t);
  const ownSet = new Set(own);
  // Synonyms count as whole legal phrases, and only those of a matter word: the pieces of a phrase
  // (生活 and 保障 of 最低生活保障) and the synonyms of scaffolding (材料 → 证据) let a 低保 question
  // quote the labour-arbitration article on evidence.
  const phrases = new Set<string>();
  for (const [plain, legal] of Object.entries(SYNONYMS)) {
    if (!keep(plain) || otherSense(plain) || !(/^[a-z]+$/.test(plain) ? ownSet.has(plain) : norm.includes(plain))) continue;
    for (const phrase of legal.map(normalizeText)) if (keep(phrase)) phrases.add(phrase);
  }
  // A word's part is not what the question is about: 居住 of 居住证 matched 居住地 in a court-procedure article,
  // and "how do I apply for a residence permit" was answered with the domestic-violence protection order.
  const whole = own.filter(keep);
  const terms = [...whole.filter((t) => !/\p{Script=Han}/u.test(t) || !whole.some((w) => w !== t && w.length > t.length && w.includes(t))), ...phrases];
  // A Latin word counts as a whole word: "work" is not in "migrant workers".
  const tests = terms.map((t) => (/^[a-z0-9]+$/.test(t) ? (text: string) => new RegExp(`\\b${t}\\b`).test(text) : (text: string) => text.includes(t)));
  return (passageText) => {
    const text = normalizeText(passageText);
    return tests.some((test) => test(text));
  };
}
