/**
 * The contract between the channel adapters (Telegram handlers, terminal chat) and the resident's
 * conversation. Channel-agnostic: a Reply is a catalogue key with params and button actions; the
 * adapter renders it (t() + buildKeyboard signed with `caseRef ?? token` and `caseVersion`).
 */
import type { Language } from '../kernel/language.js';

export interface Reply {
  key: string;
  params?: Record<string, string | number | null>;
  actions?: string[];
  caseRef?: string;
  caseVersion?: number;
  /** token for pre-case buttons (consent, confirm) kept in conversation state */
  token?: string;
  /** Render in this language instead of the resident's (an emergency reply follows the message's language). */
  language?: Language;
}

export interface ResidentRef {
  channel: 'telegram' | 'terminal';
  externalId: string;
  chatId: number | null;
  language: Language;
}

export type ResidentCommand = 'start' | 'status' | 'withdraw' | 'help' | 'privacy';

export interface ResidentConversationApi {
  onText(r: ResidentRef, text: string, opts?: { updateId?: number }): Promise<Reply[]>;
  onAction(r: ResidentRef, action: string, refOrToken: string | null, opts?: { version?: number; updateId?: number }): Promise<Reply[]>;
  onCommand(r: ResidentRef, command: ResidentCommand, args?: string): Promise<Reply[]>;
  onAttachment(r: ResidentRef, kind: 'photo' | 'document', fileId: string): Promise<Reply[]>;
}
