import { pino, destination, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stderr, so stdout stays free for command output. */
export function createLogger(level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({ level, base: { service: 'case-graph' } }, destination(2));
}
