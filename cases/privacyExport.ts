/**
 * The /privacy export as a file: the stored data (cases/commands/privacy.ts exportResidentData, or
 * readPrivacyExport here) made readable — a guide, handler names and each message's text — and named
 * by its day. Built where it is sent: by the resident's conversation, and again by the outbox when an
 * upload Telegram did not take is delivered later (the row names the export, it never holds a copy).
 * The catalogue is the caller's (the domain does not import i18n/): `texts` renders its keys.
 */
import type { Queryable } from '../db/pool.js';
import { residentName, type Directory } from '../directory/directory.js';
import type { Language, MessageParam } from '../kernel/language.js';
import type { KeptDocument } from './directReplies.js';
import { EXPORT_FORMAT, type ResidentExport } from './privacy.js';
import { pgPrivacyRepository } from './privacyRepository.js';
import { shanghaiDay } from './refs.js';

/** The catalogue, as the export needs it: the guide, and a message's text (null for a key it does not know). */
export interface ExportTexts {
  about(lang: Language): string;
  message(lang: Language, key: string, params: Record<string, MessageParam>): string | null;
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** The export file in the resident's language; staff messages are rendered as staff read them (简体). */
export function privacyExportFile(data: ResidentExport, lang: Language, directory: Pick<Directory, 'handler'>, texts: ExportTexts): ExportFile {
  const readable = {
    about: texts.about(lang),
    ...data,
    cases: data.cases.map((c) => ({
      ...c,
      handlerName: c.handlerKind && c.handlerId ? handlerNameFor(directory, c.handlerKind, c.handlerId, lang) : null,
    })),
    messages: data.messages.map((m) => ({ ...m, text: texts.message(m.to === 'you' ? lang : 'zh-Hans', m.key, m.params) })),
  };
  const day = shanghaiDay(data.exportedAt).replace(/-/g, '');
  return { filename: `privacy-export-${day}.json`, mimeType: 'application/json', content: JSON.stringify(readable, null, 2) };
}

function handlerNameFor(directory: Pick<Directory, 'handler'>, kind: string, id: string, lang: Language): string | null {
  const h = directory.handler(kind as 'department' | 'organization', id);
  return h ? residentName(h, lang) : null;
}

/** What an outbox row says instead of the file: whose export, and whether they had an account when they asked. */
export async function privacyExportRef(q: Queryable, key: { channel: 'telegram'; externalId: string; chatId: number }): Promise<KeptDocument> {
  const res = await q.query(`SELECT 1 FROM residents WHERE channel = $1 AND external_id = $2`, [key.channel, key.externalId]);
  return { source: 'privacy_export', channel: key.channel, externalId: key.externalId, chatId: key.chatId, resident: (res.rowCount ?? 0) > 0 };
}

/**
 * The export named by an outbox row, read now (in the caller's transaction); null when the resident
 * erased their data since they asked (their account is gone), when no file is to be sent.
 */
export async function readPrivacyExport(q: Queryable, doc: KeptDocument, now: Date): Promise<ResidentExport | null> {
  const data = await pgPrivacyRepository(q).exportData(doc.channel, doc.externalId, doc.chatId);
  if (doc.resident && data.resident === null) return null;
  return { format: EXPORT_FORMAT, exportedAt: now, ...data };
}
