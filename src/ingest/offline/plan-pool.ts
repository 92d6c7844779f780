import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CaseFileRef } from '../cli/files.js';
import type { FileCheck } from '../cli/check-file.js';
import type { GraphNodeInfo, ValidationEnv } from '../casefile/validate.js';
import type { InputFormat } from '../pipeline/prepare.js';
import type { ToWorker } from './plan-worker.js';
import { startWorker } from './start-worker.js';

/** A file's verdict from a worker, with its source hash. */
export type RemoteCheck = Pick<FileCheck, 'plan' | 'problems' | 'empty'> & { hash: string | null };

type FromWorker =
  | { type: 'lookup'; index: number; call: number; ids: string[] }
  | { type: 'done'; index: number; check: Omit<RemoteCheck, 'hash'>; hash: string | null }
  | { type: 'failed'; index: number; error: string };

interface Job {
  file: CaseFileRef;
  lookup: ValidationEnv['lookupIds'];
  resolve: (check: RemoteCheck | undefined) => void;
  worker?: Worker;
}

/**
 * `OFFLINE_PLAN_WORKERS=N` plans in N workers (`cores`: one per core); by default (0) the main
 * thread plans: on a busy 2-core machine the workers were measured slower for dockets and no
 * faster for generated cases, so they are opt-in until a quiet run shows a gain.
 */
export function planWorkers(): number {
  const set = process.env.OFFLINE_PLAN_WORKERS;
  if (set === 'cores') return Math.max(1, os.availableParallelism());
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : 0;
}

/** Files a worker has in progress at once (one reading while another waits for its answer). */
const IN_FLIGHT = 4;

/**
 * Worker threads (`plan-worker.ts`, `OFFLINE_PLAN_WORKERS` of them) that read, validate and plan files and hash
 * them. `check` answers undefined when no worker could do it (none started, one failed): the
 * caller then checks the file itself. A file's questions about the graph go to the `lookup`
 * given with it, which decides when to answer.
 */
export class PlanPool {
  private readonly workers: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly jobs = new Map<number, Job>();
  private readonly queue: number[] = [];
  private next = 0;

  constructor(
    private readonly format: InputFormat | undefined,
    private readonly hashFormat: InputFormat | null,
    size = planWorkers(),
  ) {
    for (let i = 0; i < size; i += 1) {
      try {
        const worker = startWorker('plan-worker');
        worker.on('message', (message: FromWorker) => this.receive(worker, message));
        worker.on('error', () => this.drop(worker));
        worker.on('exit', () => this.drop(worker));
        this.workers.push(worker);
        this.busy.set(worker, 0);
      } catch {
        break;
      }
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Checks the file in a worker; undefined if no worker could. */
  check(file: CaseFileRef, lookup: ValidationEnv['lookupIds']): Promise<RemoteCheck | undefined> {
    if (this.workers.length === 0) return Promise.resolve(undefined);
    const index = this.next++;
    return new Promise((resolve) => {
      this.jobs.set(index, { file, lookup, resolve });
      this.queue.push(index);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    for (const worker of workers) worker.removeAllListeners();
    await Promise.all(workers.map((worker) => worker.terminate()));
    for (const job of this.jobs.values()) job.resolve(undefined);
    this.jobs.clear();
  }

  /** Gives queued files, in order, to the least busy workers. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.workers.reduce<Worker | undefined>((best, w) => (this.busy.get(w)! < IN_FLIGHT && (!best || this.busy.get(w)! < this.busy.get(best)!) ? w : best), undefined);
      if (!worker) return;
      const index = this.queue.shift()!;
      const job = this.jobs.get(index)!;
      job.worker = worker;
      this.busy.set(worker, this.busy.get(worker)! + 1);
      worker.postMessage({ type: 'check', index, file: job.file, format: this.format, hashFormat: this.hashFormat } satisfies ToWorker);
    }
  }

  private receive(worker: Worker, message: FromWorker): void {
    const job = this.jobs.get(message.index);
    if (!job) return;
    if (message.type === 'lookup') {
      job.lookup(message.ids).then(
        (found) => worker.postMessage({ type: 'answer', index: message.index, call: message.call, found: [...found] as [string, GraphNodeInfo][] } satisfies ToWorker),
        () => this.finish(message.index, undefined),
      );
      return;
    }
    this.finish(message.index, message.type === 'done' ? { ...message.check, hash: message.hash } : undefined);
  }

  private finish(index: number, check: RemoteCheck | undefined): void {
    const job = this.jobs.get(index);
    if (!job) return;
    this.jobs.delete(index);
    if (job.worker && this.busy.has(job.worker)) this.busy.set(job.worker, this.busy.get(job.worker)! - 1);
    job.resolve(check);
    this.dispatch();
  }

  /** A worker that failed: its files are left to the caller, the rest go to the others. */
  private drop(worker: Worker): void {
    const at = this.workers.indexOf(worker);
    if (at === -1) return;
    this.workers.splice(at, 1);
    this.busy.delete(worker);
    for (const [index, job] of this.jobs) if (job.worker === worker) this.finish(index, undefined);
    if (this.workers.length === 0) for (const index of this.queue.splice(0)) this.finish(index, undefined);
    this.dispatch();
  }
}
