/**
 * The one wiring of the resident's conversation on the app's services, used by every channel
 * (bot/handlers.ts for Telegram, bot/terminal.ts for the terminal chat).
 */
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { CaseService } from '../cases/caseService.js';
import type { Pool } from '../db/pool.js';
import type { Directory } from '../directory/directory.js';
import type { KnowledgeRetriever } from '../knowledge/retriever.js';
import type { TriageDeps } from '../triage/pipeline.js';
import { ResidentConversation } from './resident.js';

/** What the conversations need of the app's core (app/main.ts's `Core` is one). */
export interface ConversationServices {
  logger: Logger;
  clock: Clock;
  db: { pool: Pool };
  cases: CaseService;
  directory: Directory;
  triage: TriageDeps;
  retriever: KnowledgeRetriever;
}

export function residentConversationFor(core: ConversationServices, officeChatId: number | null): ResidentConversation {
  return new ResidentConversation({
    cases: core.cases,
    triage: core.triage,
    retriever: core.retriever,
    pool: core.db.pool,
    clock: core.clock,
    directory: core.directory,
    logger: core.logger,
    officeChatId,
  });
}
