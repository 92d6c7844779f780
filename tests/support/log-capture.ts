import { pino } from 'pino';
import type { Logger } from '../../src/shared/logger.js';

export interface CapturedLog {
  log: Logger;
  /** Every line written so far, as raw JSON text. */
  text(): string;
  /** Every line written so far, parsed. */
  lines(): Record<string, any>[];
  /** The first line that matches, waiting up to `ms` for it (request lines are written when the response closes). */
  waitFor(match: (line: Record<string, any>) => boolean, ms?: number): Promise<Record<string, any>>;
}

/** A real pino logger writing JSON lines into memory, for tests that read the server's logs. */
export function captureLog(level = 'info'): CapturedLog {
  const written: string[] = [];
  const log = pino({ level, base: { service: 'case-graph' } }, { write: (line: string) => void written.push(line) });
  const lines = () => written.map((line) => JSON.parse(line) as Record<string, any>);
  return {
    log,
    text: () => written.join(''),
    lines,
    async waitFor(match, ms = 2000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = lines().find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no log line matched within ${ms} ms; lines:\n${written.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
