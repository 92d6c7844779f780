/**
 * A worker thread that reads, validates and plans files (`cli/check-file.ts` checkFile, the
 * normal path's own code) and computes their source hashes, for `plan-pool.ts`. What the graph
 * and the import's other files define is asked of the main thread, which answers each file when
 * every file before it is planned (so the answer is the one the file would get planned alone, in
 * order). Several files are in progress at once: one reads while another waits for its answer.
 *
 * In: `{ type: 'check', index, file, format, hashFormat }`, `{ type: 'answer', index, call, found }`.
 * Out: `{ type: 'lookup', index, call, ids }`, `{ type: 'done', index, check, hash }` or `{ type: 'failed', index, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { checkFile } from '../cli/check-file.js';
import type { CaseFileRef } from '../cli/files.js';
import { sourceHashOf } from '../cli/unchanged.js';
import type { GraphNodeInfo } from '../casefile/validate.js';
import type { InputFormat } from '../pipeline/prepare.js';

export type ToWorker =
  | { type: 'check'; index: number; file: CaseFileRef; format: InputFormat | undefined; hashFormat: InputFormat | null }
  | { type: 'answer'; index: number; call: number; found: [string, GraphNodeInfo][] };

const answers = new Map<string, (found: Map<string, GraphNodeInfo>) => void>();
let calls = 0;

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'answer') {
    const key = `${message.index}:${message.call}`;
    answers.get(key)?.(new Map(message.found));
    answers.delete(key);
    return;
  }
  const { index, file, format, hashFormat } = message;
  const lookup = (ids: string[]) =>
    new Promise<Map<string, GraphNodeInfo>>((resolve) => {
      const call = calls++;
      answers.set(`${index}:${call}`, resolve);
      parentPort!.postMessage({ type: 'lookup', index, call, ids });
    });
  checkFile(file, lookup, format)
    .then(async ({ plan, problems, empty }) => {
      const check = { ...(plan && { plan }), ...(problems && { problems }), ...(empty !== undefined && { empty }) };
      parentPort!.postMessage({ type: 'done', index, check, hash: await sourceHashOf(file, hashFormat) });
    })
    .catch((error: Error) => parentPort!.postMessage({ type: 'failed', index, error: error.stack ?? error.message }));
});
