import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Message text never goes into info-level logs: call sites log ids and codes, and these paths
 * are redacted as a second line of defence.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['text', 'message.text', '*.text', 'update.message', 'payload.text', 'summary', 'originalText'],
        censor: '[redacted]',
      },
      base: { pid: process.pid },
    },
    destination,
  );
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
