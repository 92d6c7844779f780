import type { Logger } from '../../shared/logger.js';
import type { EmbeddedHandle } from '../connection.js';
import { DiskFullError, diskTrouble, freeBytes, mb, MIN_FREE_BYTES, type Neo4jExit } from './process.js';

/** Waits before each restart of a JVM that exited on its own: the first after 1 s, then longer. */
export const RESTART_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000];
/** Restarts counted over this window; one more than RESTART_BACKOFF_MS allows gives up. */
export const RESTART_WINDOW_MS = 10 * 60_000;

/** How often the free space is looked at while the database waits for its disk. */
export const DISK_POLL_MS = 1_000;

export type EmbeddedState = 'running' | 'restarting' | 'waiting-for-disk' | 'failed' | 'stopped';

export interface EmbeddedStatus {
  state: EmbeddedState;
  pid: number | undefined;
  /** Restarts after an unexpected exit since the service started. */
  restarts: number;
  /** How the last unexpected exit looked, e.g. "signal SIGKILL", "code 70" or "database panic". */
  lastExit?: string;
  /** While waiting for disk space: the disk and what it lacks. */
  disk?: string;
}

/**
 * Watches the embedded Neo4j's JVM. When it exits without being asked to (killed, crashed, out
 * of memory), it is started again on the same store and Bolt port after a back-off
 * (RESTART_BACKOFF_MS), each step logged; the driver reconnects by itself. When the JVM keeps
 * dying (more restarts within RESTART_WINDOW_MS than the back-off has steps) or cannot be
 * started, the supervisor gives up and calls `giveUp`, and the service exits non-zero so that
 * its own supervisor (systemd, Kubernetes, Docker) restarts the whole service.
 *
 * The database inside a running JVM can fail too: when Neo4j cannot write a store or index file
 * (a full disk) it panics, and refuses every statement, reads included, until restarted. The
 * executor reports that (`panicked`); the JVM is then restarted the same way, but when the disk
 * is the cause only once it has MIN_FREE_BYTES free again (looked at every DISK_POLL_MS),
 * and meanwhile `storageProblem()` names the disk so that requests fail with 507.
 */
export class EmbeddedSupervisor {
  private state: EmbeddedState = 'running';
  private restartTimes: number[] = [];
  private lastExit: string | undefined;
  private disk: string | undefined;

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
    return { state: this.state, pid, restarts: this.restartTimes.length, ...(this.lastExit ? { lastExit: this.lastExit } : {}), ...(this.disk ? { disk: this.disk } : {}) };
  }

  /** What a request failing now should say about the disk, while the database waits for space (no path: clients read it). */
  storageProblem(): string | undefined {
    if (!this.disk) return undefined;
    return `The disk of Neo4j's store is full (${mb(freeBytes(this.handle.homeDir))} free; the database is restarted once it has ${mb(MIN_FREE_BYTES)}).`;
  }

  /** The database refused a statement because it panicked: restart it (after the disk has room). */
  panicked(error: Error): void {
    if (this.state !== 'running') return;
    const running = this.handle.current();
    this.disk = this.diskShortage(running.logStart);
    this.state = this.disk ? 'waiting-for-disk' : 'restarting';
    this.lastExit = 'database panic';
    this.restartTimes.push(Date.now());
    const cause = error.message.split('\n')[0];
    if (this.disk) this.log.error({ cause }, `the embedded Neo4j stopped its database: ${this.disk} It is restarted once the disk has ${mb(MIN_FREE_BYTES)} free.`);
    else this.log.error({ cause }, 'the embedded Neo4j stopped its database after a critical error (see its debug.log); restarting it');
    void (async () => {
      await running.kill();
      await this.restart(0);
    })();
  }

  /** The store's disk is short of space now, or Neo4j said so since this JVM became ready. */
  private diskShortage(logStart: number): string | undefined {
    const dir = this.handle.homeDir;
    const free = freeBytes(dir);
    if (free < MIN_FREE_BYTES) return `The disk of the embedded Neo4j's store (${dir}) is full: ${mb(free)} free.`;
    const said = diskTrouble(dir, logStart);
    return said ? `${said.split('\n')[0]}` : undefined;
  }

  private async waitForDisk(): Promise<void> {
    const dir = this.handle.homeDir;
    while (this.state === 'waiting-for-disk' && freeBytes(dir) < MIN_FREE_BYTES) await new Promise((resolve) => setTimeout(resolve, DISK_POLL_MS));
    if (this.state !== 'waiting-for-disk') return;
    this.log.info({ free: mb(freeBytes(dir)) }, `the disk of ${dir} has room again; restarting the embedded Neo4j`);
    this.state = 'restarting';
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
    await this.restart(delay);
  }

  /** After `delay` (and disk space, when that is the trouble), a new JVM on the same store and port. */
  private async restart(delay: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.state === 'waiting-for-disk') await this.waitForDisk();
    if (this.state !== 'restarting') return;
    const started = Date.now();
    try {
      const running = await this.handle.restart();
      if (this.state !== 'restarting') return void (await running.stop());
      this.state = 'running';
      this.disk = undefined;
      this.log.info({ pid: running.pid, startMs: Date.now() - started, restarts: this.restartTimes.length }, 'embedded Neo4j restarted');
      this.watch();
    } catch (error) {
      if (error instanceof DiskFullError) {
        this.disk = error.message.split('\n')[0];
        this.state = 'waiting-for-disk';
        this.log.error(`the embedded Neo4j could not be restarted: ${this.disk} Waiting for space.`);
        return this.restart(DISK_POLL_MS);
      }
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
