import { isOutage, unreachable } from './errors.js';

/** How long after an outage requests fail at once before one is let through to try again. */
export const BREAKER_COOLDOWN_MS = 1_000;

/**
 * Fails requests at once while Neo4j is known to be out of reach, instead of letting each one
 * spend the driver's connect-and-retry time finding that out again, and spares a recovering
 * database a burst of retries. After an outage error it opens for `cooldownMs`; then a single
 * call goes through as a probe (a readiness check counts): success closes it, another outage
 * opens it again. Nothing else about the error matters, so query errors never open it.
 */
export class CircuitBreaker {
  private openedAt: number | null = null;
  /** The first outage since Neo4j last answered. */
  private downSince: number | null = null;
  private probing = false;

  constructor(
    private readonly cooldownMs = BREAKER_COOLDOWN_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt < this.cooldownMs || this.probing ? 'open' : 'half-open';
  }

  /** Reachable until an outage; then how long since the first one, until a call succeeds again. */
  reachability(): { reachable: boolean; unreachableForMs?: number } {
    return this.downSince === null ? { reachable: true } : { reachable: false, unreachableForMs: this.now() - this.downSince };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const probe = this.admit();
    try {
      const result = await work();
      this.openedAt = null;
      this.downSince = null;
      return result;
    } catch (error) {
      if (isOutage(error)) {
        this.openedAt = this.now();
        this.downSince ??= this.openedAt;
      }
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }

  /** Throws while open; returns true when this call is the half-open probe. */
  private admit(): boolean {
    if (this.openedAt === null) return false;
    const since = this.now() - this.openedAt;
    if (since < this.cooldownMs || this.probing) {
      const next = this.probing ? 'one request is checking whether it is back' : `the next request tries again in ${this.cooldownMs - since} ms`;
      throw unreachable(`Neo4j was out of reach ${since} ms ago; ${next}`);
    }
    this.probing = true;
    return true;
  }
}
