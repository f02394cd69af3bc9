export type { Reply, ResidentCommand, ResidentConversationApi, ResidentRef } from './types.js';
export {
  ResidentConversation,
  CONFIRM_ACTION,
  MAX_TEXT_CHARS,
  PENDING_TTL_MS,
  concernReplies,
  officeKindLabels,
  isOtherMatter,
  isCourtesyOnly,
  isReadableText,
  joinMessages,
  runnerUpService,
  legalChannelOf,
  residentStateSchema,
  type ResidentConversationDeps,
  type ResidentState,
} from './resident.js';
