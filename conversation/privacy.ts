/**
 * /privacy in the resident's conversation: the notice with three buttons, and what each does —
 * export (everything held, as a JSON file in the chat), correction (the next text becomes a note on the
 * resident's cases for the office, never a new request) and erasure (open cases withdrawn first, after a
 * confirmation). The domain work is cases/commands/privacy.ts; this only asks, confirms and words it.
 */
import { AppError } from '../kernel/errors.js';
import { redactCorrection } from '../triage/redaction/correction.js';
import type { Logger } from '../kernel/logger.js';
import type { CaseService, ResidentExport, ResidentKey } from '../cases/caseService.js';
import { privacyExportFile } from '../cases/privacyExport.js';
import type { Directory } from '../directory/directory.js';
import { exportTexts, t } from '../i18n/index.js';
import { r, type Plan, type ResidentStateAccess } from './residentState.js';
import { newToken } from './residentRules.js';
import type { Reply, ResidentRef } from './types.js';

export const PRIVACY_ACTIONS = new Set(['privacy_export', 'privacy_correct', 'privacy_erase', 'privacy_erase_confirm', 'privacy_cancel']);
export const PRIVACY_MENU = ['privacy_export', 'privacy_correct', 'privacy_erase'];

export interface PrivacyDeps {
  cases: CaseService;
  directory: Directory;
  logger?: Logger;
}

export class PrivacyConversation {
  constructor(
    private readonly deps: PrivacyDeps,
    private readonly state: ResidentStateAccess,
  ) {}

  /** The /privacy notice, which says what the code does, with the three buttons. */
  menu(): Reply[] {
    return [r('privacy.notice', { days: this.deps.cases.retentionDays }, { actions: PRIVACY_MENU })];
  }

  async onAction(ref: ResidentRef, action: string, token: string, updateId?: number): Promise<Reply[]> {
    switch (action) {
      case 'privacy_export':
        return this.export(ref);
      case 'privacy_correct':
        return this.offerCorrection(ref, updateId);
      case 'privacy_erase':
        return this.offerErasure(ref, updateId);
      default:
        return this.answer(ref, action, token, updateId);
    }
  }

  /** The text that follows the correction prompt: a note for the office on each case, not a new request. */
  correction(ref: ResidentRef, text: string): Plan {
    return {
      replies: [],
      pending: null,
      effect: async () => {
        const refs = await this.deps.cases.addCorrection({ ...this.key(ref), correction: text, redacted: redactCorrection(text) });
        return [refs.length ? r('privacy.correct.saved', { refs: refs.join(', ') }) : r('privacy.correct.no_cases')];
      },
    };
  }

  private key(ref: ResidentRef): ResidentKey {
    return { channel: ref.channel, externalId: ref.externalId, chatId: this.state.chatKey(ref) };
  }

  private async export(ref: ResidentRef): Promise<Reply[]> {
    let data: ResidentExport;
    try {
      data = await this.deps.cases.exportResidentData(this.key(ref));
    } catch (err) {
      this.deps.logger?.error({ err: (err as Error).message }, 'privacy export failed');
      return [r('privacy.export.failed')];
    }
    // The same file the outbox rebuilds when an upload is delivered later (cases/privacyExport.ts).
    const file = privacyExportFile(data, ref.language, this.deps.directory, exportTexts);
    return [r('privacy.export.caption', { cases: data.cases.length }, { document: { ...file, source: 'privacy_export' } })];
  }

  private async offerCorrection(ref: ResidentRef, updateId?: number): Promise<Reply[]> {
    const resident = await this.state.resident(ref);
    if ((await this.deps.cases.listForResident(resident.id)).length === 0) return [r('privacy.correct.no_cases')];
    const token = newToken();
    return this.state.withState(ref, updateId, undefined, async () => ({
      replies: [r('privacy.correct.prompt', undefined, { actions: ['privacy_cancel'], token, forceReply: { placeholderKey: 'privacy.correct.placeholder' } })],
      pending: { kind: 'correction', at: this.state.now(), token },
    }));
  }

  private async offerErasure(ref: ResidentRef, updateId?: number): Promise<Reply[]> {
    const open = await this.deps.cases.openCasesOf(ref);
    const token = newToken();
    const ask = open.length ? r('privacy.erase.confirm_open', { refs: open.join(', ') }) : r('privacy.erase.confirm');
    return this.state.withState(ref, updateId, undefined, async () => ({
      replies: [{ ...ask, actions: ['privacy_erase_confirm', 'privacy_cancel'], token }],
      pending: { kind: 'erase', at: this.state.now(), token, open },
    }));
  }

  /** Confirm or cancel: only for the offer still pending, with its token (a stale or repeated press does nothing). */
  private answer(ref: ResidentRef, action: string, token: string, updateId?: number): Promise<Reply[]> {
    return this.state.withState(ref, updateId, undefined, async (s): Promise<Plan> => {
      const p = this.state.live(s?.pending);
      const mine = p && (p.kind === 'correction' || p.kind === 'erase') && token !== '' && p.token === token ? p : null;
      if (!mine) return { replies: [r('conversation.error.expired')], pending: p ?? null };
      if (action === 'privacy_cancel') return { replies: [r('privacy.cancelled')], pending: null };
      if (action !== 'privacy_erase_confirm' || mine.kind !== 'erase') return { replies: [r('conversation.error.expired')], pending: mine };
      return { replies: [], pending: null, effect: () => this.erase(ref, mine.open) };
    });
  }

  private async erase(ref: ResidentRef, confirmedOpen: string[]): Promise<Reply[]> {
    try {
      const outcome = await this.deps.cases.eraseResidentData(this.key(ref), confirmedOpen);
      if (!outcome.ok) return [r('privacy.erase.changed', { refs: outcome.open.join(', ') }, { actions: ['privacy_erase'] })];
      const { withdrawn, anonymised, cancelledMessages } = outcome.result;
      return [
        r('privacy.erase.done', {
          withdrawn: withdrawn.length ? withdrawn.join(', ') : t(ref.language, 'privacy.erase.none_withdrawn'),
          anonymised: anonymised.length,
          cancelled: cancelledMessages,
        }),
      ];
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      this.deps.logger?.warn({ err: err.name }, 'privacy erasure refused');
      return [r('privacy.erase.failed')];
    }
  }
}
