import type { Worker } from 'node:worker_threads';
import type { CaseFileRef } from '../cli/files.js';
import { sourceHashOf } from '../cli/unchanged.js';
import type { InputFormat } from '../pipeline/prepare.js';
import { startWorker } from './start-worker.js';

type Reply = { id: number; hash?: string | null; error?: string };

/**
 * The source hash of every file of an import (as the normal path keeps it in the manifest),
 * computed in a worker thread while the main thread plans; in this thread when no worker can
 * be started (the same function either way).
 */
export class SourceHashes {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (hash: string | null) => void; reject: (error: Error) => void; file: CaseFileRef }>();
  private readonly hashes = new Map<CaseFileRef, Promise<string | null>>();
  private next = 0;

  constructor(private readonly format: InputFormat | null) {
    try {
      this.worker = startWorker('hash-worker');
      this.worker.on('message', (reply: Reply) => this.answer(reply));
      // A worker that cannot run (no loader for its source, say): every file still waiting is hashed here.
      this.worker.on('error', () => this.fallBack());
    } catch {
      this.worker = null;
    }
  }

  /** Starts hashing these files. */
  request(files: readonly CaseFileRef[]): void {
    for (const file of files) {
      if (this.hashes.has(file)) continue;
      if (!this.worker) {
        this.hashes.set(file, sourceHashOf(file, this.format));
        continue;
      }
      const id = this.next++;
      this.hashes.set(file, new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject, file })));
      // The joins stay here (their maps would be copied per file); the ref's joinsDigest hashes the same.
      const { joins: _joins, ...plain } = file;
      this.worker.postMessage({ id, file: plain, format: this.format });
    }
  }

  /** The file's source hash (null when it cannot be read). */
  of(file: CaseFileRef): Promise<string | null> {
    if (!this.hashes.has(file)) this.request([file]);
    return this.hashes.get(file)!;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private answer(reply: Reply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.error !== undefined) waiting.reject(new Error(`hashing ${waiting.file.display}: ${reply.error}`));
    else waiting.resolve(reply.hash ?? null);
  }

  private fallBack(): void {
    this.worker = null;
    for (const [id, { resolve, reject, file }] of this.waiting) {
      this.waiting.delete(id);
      sourceHashOf(file, this.format).then(resolve, reject);
    }
  }
}
