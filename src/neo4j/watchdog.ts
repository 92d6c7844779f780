import { unreachable } from './errors.js';

/** A statement waiting longer than this gets the database checked. */
export const DEFAULT_SLOW_MS = 1_000;
/** A check that gets no answer within this long means Neo4j has stopped answering (NEO4J_PING_TIMEOUT_MS). */
export const DEFAULT_PING_TIMEOUT_MS = 2_000;

interface Waiting {
  started: number;
  fail(error: Error): void;
}

export interface WatchdogOptions {
  slowMs?: number;
  pingTimeoutMs?: number;
}

/**
 * A client-side deadline for a database that stops answering while its connections stay open
 * (a frozen or paused JVM, a hung host): the driver's connection timeout never fires there, and
 * a statement would wait for as long as the freeze lasts. A query may legitimately run for up
 * to the transaction timeout, so the deadline is not a fixed time per statement: while any
 * statement has waited longer than `slowMs`, the watchdog asks Neo4j a trivial question on a
 * connection of its own (`ping`), once per `slowMs`. If that gets no answer within
 * `pingTimeoutMs`, every statement still waiting fails at once as an outage (503), which also
 * opens the circuit breaker so new requests fail at once too. A slow query on a database that
 * answers is left alone.
 *
 * So a request in flight when Neo4j freezes fails within about slowMs + pingTimeoutMs (3 s with
 * the defaults). A write that fails this way may still commit if Neo4j wakes up: importCase is
 * idempotent, so retrying it is safe.
 */
export class Watchdog {
  private readonly waiting = new Set<Waiting>();
  private timer: NodeJS.Timeout | undefined;
  private pinging = false;
  private readonly slowMs: number;
  private readonly pingTimeoutMs: number;

  constructor(
    private readonly ping: () => Promise<unknown>,
    options: WatchdogOptions = {},
  ) {
    this.slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
    this.pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  }

  /** Resolves as `work` does, unless Neo4j stops answering first. */
  watch<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const entry: Waiting = {
        started: performance.now(),
        fail: (error) => {
          if (settled) return;
          settled = true;
          this.waiting.delete(entry);
          reject(error);
        },
      };
      this.waiting.add(entry);
      this.schedule();
      work.then(
        (value) => {
          if (settled) return;
          settled = true;
          this.waiting.delete(entry);
          resolve(value);
        },
        (error) => entry.fail(error),
      );
    });
  }

  private schedule(): void {
    if (this.timer || this.waiting.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, this.slowMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    const now = performance.now();
    const slow = [...this.waiting].some((entry) => now - entry.started >= this.slowMs);
    if (slow && !this.pinging) {
      this.pinging = true;
      const answered = await this.answers();
      this.pinging = false;
      if (!answered) {
        const error = unreachable(`Neo4j stopped answering: a check on its own connection got no answer within ${this.pingTimeoutMs} ms (NEO4J_PING_TIMEOUT_MS)`);
        for (const entry of [...this.waiting]) entry.fail(error);
      }
    }
    this.schedule();
  }

  private async answers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.pingTimeoutMs)));
    const answer = this.ping().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
