import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

export interface Chunk {
  /** Article heading such as 第三十五条 when the chunk is one article of a legal text. */
  article?: string;
  /** Chapter context such as "第四章 信访事项的办理" (with 节 appended when there is one), or a heading path. */
  chapter?: string;
  text: string;
}

export interface SplitDocument {
  title: string;
  chunks: Chunk[];
}

const NUM = '[一二三四五六七八九十百千零〇两\\d]+';
// An article starts a line (optionally as a Markdown heading) and is followed by a space,
// a full-width space or the end of the line; "第三十一条第六项…" inside a sentence is a reference, not a heading.
const ARTICLE_RE = new RegExp(`^(?:#{1,6}\\s*)?(第${NUM}条)(?:[\\s\\u3000]+|$)`);
const DIVISION_RE = new RegExp(`^(?:#{1,6}\\s*)?(第${NUM}([编分章节]))[\\s\\u3000]*(.*)$`);
const HEADING_RE = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Legal texts are split by article when they have at least this many article headings. */
const MIN_ARTICLES = 3;
/** An article longer than this is split further (keeping its article label) so embeddings stay focused. */
const MAX_ARTICLE_CHARS = 1800;

const splitter = new RecursiveCharacterTextSplitter({
  chunkSize: 500,
  chunkOverlap: 80,
  separators: ['\n\n', '\n', '。', '！', '？', '；', '!', '?', ';', '，', ',', ' ', ''],
  keepSeparator: true,
});

function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '');
}

export function countArticles(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (ARTICLE_RE.test(line.trim())) n++;
  return n;
}

/**
 * Splits one document. Chinese legal texts (≥ 3 lines starting with 第X条) become one chunk per
 * article, keeping the 编/章/节 they sit under; anything else is split by Markdown heading and then
 * by paragraph with overlap.
 */
export async function splitDocument(raw: string, fallbackTitle: string): Promise<SplitDocument> {
  const text = stripComments(raw.replace(/\r\n?/g, '\n')).replace(/^\uFEFF/, '');
  const title = documentTitle(text) ?? fallbackTitle;
  const chunks = countArticles(text) >= MIN_ARTICLES ? await splitByArticle(text) : await splitByHeading(text);
  return { title, chunks: chunks.filter((c) => c.text.trim().length > 0) };
}

function documentTitle(text: string): string | undefined {
  const titles: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (ARTICLE_RE.test(t)) break;
    const m = /^#\s+(.+)$/.exec(t);
    if (m && !DIVISION_RE.test(t)) titles.push(m[1]!.trim());
    else if (titles.length && /^#{2,}\s/.test(t)) break;
  }
  return titles.length ? titles.join(' ') : undefined;
}

async function splitByArticle(text: string): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  // Divisions from the largest (编) to the smallest (节); a new 章 clears its 节.
  const divisions: Partial<Record<string, string>> = {};
  const order = ['编', '分', '章', '节'];
  let current: { article: string; chapter?: string; lines: string[] } | undefined;
  const chapterNow = () => {
    const parts = order.map((k) => divisions[k]).filter((v): v is string => Boolean(v));
    return parts.length ? parts.join(' ') : undefined;
  };
  const flush = async () => {
    if (!current) return;
    const body = current.lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    if (body.length > MAX_ARTICLE_CHARS) {
      for (const piece of await splitter.splitText(body)) chunks.push({ article: current.article, chapter: current.chapter, text: piece.trim() });
    } else {
      chunks.push({ article: current.article, chapter: current.chapter, text: body });
    }
    current = undefined;
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    const art = ARTICLE_RE.exec(line);
    if (art) {
      await flush();
      current = { article: art[1]!, chapter: chapterNow(), lines: [line.replace(/^#{1,6}\s*/, '')] };
      continue;
    }
    const div = DIVISION_RE.exec(line);
    if (div && (line.startsWith('#') || line.length < 40)) {
      await flush();
      const kind = div[2]!;
      const label = `${div[1]} ${div[3]!.replace(/[\s\u3000]+/g, ' ').trim()}`.trim();
      divisions[kind] = label;
      for (const smaller of order.slice(order.indexOf(kind) + 1)) delete divisions[smaller];
      continue;
    }
    if (/^#{1,6}\s/.test(line)) {
      // Any other heading (document title, 附则 without a number) ends the current article.
      await flush();
      continue;
    }
    current?.lines.push(line);
  }
  await flush();
  return chunks;
}

async function splitByHeading(text: string): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  const path: string[] = [];
  let lines: string[] = [];
  const flush = async () => {
    const body = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
    lines = [];
    if (!body) return;
    const chapter = path.filter(Boolean).join(' > ') || undefined;
    for (const piece of await splitter.splitText(body)) {
      const t = piece.trim();
      if (t) chunks.push({ chapter, text: t, article: leadingArticle(t) });
    }
  };
  for (const rawLine of text.split('\n')) {
    const h = HEADING_RE.exec(rawLine.trim());
    if (h) {
      await flush();
      const level = h[1]!.length;
      if (level === 1) continue; // the document title, carried separately
      path.length = Math.max(0, level - 2);
      path[level - 2] = h[2]!;
      continue;
    }
    lines.push(rawLine);
  }
  await flush();
  return chunks;
}

function leadingArticle(text: string): string | undefined {
  return ARTICLE_RE.exec(text)?.[1];
}
