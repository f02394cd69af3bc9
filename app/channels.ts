import type { Logger } from '../kernel/logger.js';
import { RetryAfterError, type MessageSender, type OutgoingMessage } from '../workers/sender.js';

/** How long an outbox row waits before trying again while its channel is not configured. */
export const DISABLED_CHANNEL_RETRY_SECONDS = 300;

/**
 * Routes each outbox row to the sender of its channel. A channel with no sender configured here
 * (no TELEGRAM_BOT_TOKEN, or no terminal chat in this process) keeps its messages pending rather
 * than failing them: they go out once the channel is configured.
 */
export class ChannelRouter implements MessageSender {
  private warned = new Set<string>();
  constructor(
    private readonly senders: Partial<Record<OutgoingMessage['channel'], MessageSender>>,
    private readonly logger: Logger,
  ) {}

  async send(msg: OutgoingMessage): Promise<{ externalMessageId?: number }> {
    const sender = this.senders[msg.channel];
    if (sender) return sender.send(msg);
    if (!this.warned.has(msg.channel)) {
      this.warned.add(msg.channel);
      this.logger.warn({ channel: msg.channel }, 'no sender for this channel in this process: its messages stay pending');
    }
    throw new RetryAfterError(DISABLED_CHANNEL_RETRY_SECONDS);
  }
}
