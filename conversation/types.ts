/**
 * The contract between the channel adapters (Telegram, terminal chat) and both conversations
 * (resident and staff). Channel-agnostic: a Reply is catalogue keys with params and button actions;
 * each channel has one renderer (bot/render.ts for Telegram, the terminal chat's own).
 */
import type { Language, MessageParam } from '../kernel/language.js';
import type { CallbackAction } from './actions.js';

/** One catalogue text with its parameters. */
export interface ReplyText {
  key: string;
  params?: Record<string, MessageParam>;
}

/** A button with its own argument and label (a choice among handlers or reasons), beyond the standard `actions`. */
export interface ReplyButton {
  action: CallbackAction;
  /** The action's argument on the wire (a case ref, or `<ref>_<choice>`). */
  ref: string;
  version?: number;
  label: ReplyText;
}

export interface Reply extends ReplyText {
  /** Further catalogue texts of the same message, one per line (a list: queue rows, a timeline). */
  lines?: ReplyText[];
  /** Standard buttons, labelled `action.<name>`, carrying `caseRef ?? token` and `caseVersion`. */
  actions?: string[];
  /** Buttons with their own labels and arguments, in rows. */
  buttons?: ReplyButton[][];
  /** Ask the client to open a reply to this message (the next step's input). */
  forceReply?: { placeholderKey: string };
  caseRef?: string;
  caseVersion?: number;
  /** token for pre-case buttons (consent, confirm) kept in conversation state */
  token?: string;
  /** Render in this language instead of the resident's (an emergency reply follows the message's language). */
  language?: Language;
  /** A file to send, with the rendered text as its caption (the /privacy export). */
  document?: ReplyDocument;
}

export interface ReplyDocument {
  filename: string;
  mimeType: string;
  content: string;
  /** What the file is, so a channel that cannot send it now can have it rebuilt later instead of storing it. */
  source?: 'privacy_export';
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
