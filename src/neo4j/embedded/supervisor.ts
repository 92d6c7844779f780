import type { Logger } from '../../shared/logger.js';
import type { EmbeddedHandle } from '../connection.js';
import type { Neo4jExit } from './process.js';

/** Waits before each restart of a JVM that exited on its own: the first after 1 s, then longer. */
export const RESTART_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000];
/** Restarts counted over this window; one more than RESTART_BACKOFF_MS allows gives up. */
export const RESTART_WINDOW_MS = 10 * 60_000;

export type EmbeddedState = 'running' | 'restarting' | 'failed' | 'stopped';

export interface EmbeddedStatus {
  state: EmbeddedState;
  pid: number | undefined;
  /** Restarts after an unexpected exit since the service started. */
  restarts: number;
  /** How the last unexpected exit looked, e.g. "signal SIGKILL" or "code 70". */
  lastExit?: string;
}

/**
 * Watches the embedded Neo4j's JVM. When it exits without being asked to (killed, crashed, out
 * of memory), it is started again on the same store and Bolt port after a back-off
 * (RESTART_BACKOFF_MS), each step logged; the driver reconnects by itself. When the JVM keeps
 * dying (more restarts within RESTART_WINDOW_MS than the back-off has steps) or cannot be
 * started, the supervisor gives up and calls `giveUp`, and the service exits non-zero so that
 * its own supervisor (systemd, Kubernetes, Docker) restarts the whole service.
 */
export class EmbeddedSupervisor {
  private state: EmbeddedState = 'running';
  private restartTimes: number[] = [];
  private lastExit: string | undefined;

  constructor(
    private readonly handle: EmbeddedHandle,
    private readonly log: Logger,
    private readonly giveUp: (reason: string) => void,
    private readonly backoffMs: readonly number[] = RESTART_BACKOFF_MS,
  ) {
    this.watch();
  }

  status(): EmbeddedStatus {
    const pid = this.state === 'running' ? this.handle.current().pid : undefined;
    return { state: this.state, pid, restarts: this.restartTimes.length, ...(this.lastExit ? { lastExit: this.lastExit } : {}) };
  }

  /** No more restarts: the service is stopping the JVM itself. */
  stop(): void {
    this.state = 'stopped';
  }

  private watch(): void {
    void this.handle.current().exited.then((exit) => {
      if (!exit.expected && this.state === 'running') void this.recover(exit);
    });
  }

  private async recover(exit: Neo4jExit): Promise<void> {
    this.state = 'restarting';
    this.lastExit = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
    const now = Date.now();
    this.restartTimes = this.restartTimes.filter((at) => now - at < RESTART_WINDOW_MS);
    const attempt = this.restartTimes.length;
    const tail = exit.stderr.split('\n').slice(-5).join('\n');
    if (attempt >= this.backoffMs.length) {
      return this.fail(`the embedded Neo4j exited (${this.lastExit}) ${attempt + 1} times within ${RESTART_WINDOW_MS / 60_000} minutes`, tail);
    }
    const delay = this.backoffMs[attempt]!;
    this.log.error({ exit: this.lastExit, stderr: tail, attempt: attempt + 1, delayMs: delay }, `embedded Neo4j exited unexpectedly (${this.lastExit}); restarting it in ${delay} ms`);
    this.restartTimes.push(now);
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.state !== 'restarting') return;
    const started = Date.now();
    try {
      const running = await this.handle.restart();
      if (this.state !== 'restarting') return void (await running.stop());
      this.state = 'running';
      this.log.info({ pid: running.pid, startMs: Date.now() - started, restarts: this.restartTimes.length }, 'embedded Neo4j restarted');
      this.watch();
    } catch (error) {
      this.fail(`the embedded Neo4j could not be restarted: ${(error as Error).message.split('\n')[0]}`, (error as Error).message);
    }
  }

  private fail(reason: string, detail: string): void {
    if (this.state === 'stopped') return;
    this.state = 'failed';
    this.log.fatal({ detail }, `${reason}; giving up so that the service's supervisor restarts it`);
    this.giveUp(reason);
  }
}
