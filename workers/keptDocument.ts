/**
 * A document kept in the outbox (bot/document.ts) names the /privacy export of a resident instead of
 * holding it: the file is rebuilt here, from what is stored now, when the row is delivered. A resident
 * who erased their data meanwhile gets a short note instead of a file.
 */
import { z } from 'zod';
import type { Pool } from '../db/pool.js';
import { txRun } from './db.js';
import type { Directory } from '../directory/directory.js';
import type { Language } from '../kernel/language.js';
import { exportTexts } from '../i18n/index.js';
import { privacyExportFile, readPrivacyExport } from '../cases/privacyExport.js';
import type { KeptDocument } from '../cases/directReplies.js';
import type { OutgoingMessage } from './sender.js';

export const keptDocumentSchema = z.object({
  source: z.literal('privacy_export'),
  channel: z.literal('telegram'),
  externalId: z.string().min(1).max(64),
  chatId: z.number().int(),
  resident: z.boolean(),
});

const NO_DIRECTORY: Pick<Directory, 'handler'> = { handler: () => undefined };

/** The message and file to send for a kept document row, rebuilt now. */
export async function rebuildKeptDocument(
  deps: { pool: Pool; directory?: Pick<Directory, 'handler'> },
  doc: KeptDocument,
  language: Language,
  now: Date,
): Promise<Pick<OutgoingMessage, 'message' | 'document'>> {
  // One transaction: the export's parts agree with each other (as cases/commands/privacy.ts reads them).
  const data = await txRun(deps.pool, (q) => readPrivacyExport(q, doc, now));
  if (!data) return { message: { key: 'privacy.export.erased' } };
  return {
    message: { key: 'privacy.export.caption', params: { cases: data.cases.length } },
    document: privacyExportFile(data, language, deps.directory ?? NO_DIRECTORY, exportTexts),
  };
}
