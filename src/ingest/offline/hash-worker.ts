/**
 * A worker thread that computes files' source hashes (`cli/unchanged.ts` sourceHashOf), so that
 * the offline import hashes on the second core while the main thread plans. Messages in:
 * `{ id, file, format }`; out: `{ id, hash }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { sourceHashOf } from '../cli/unchanged.js';

// One file at a time, in the order asked (the main thread asks for every file at once).
let queue = Promise.resolve();
parentPort!.on('message', (message: { id: number; file: Parameters<typeof sourceHashOf>[0]; format: Parameters<typeof sourceHashOf>[1] }) => {
  queue = queue.then(() =>
    sourceHashOf(message.file, message.format).then(
      (hash) => parentPort!.postMessage({ id: message.id, hash }),
      (error: Error) => parentPort!.postMessage({ id: message.id, error: error.message }),
    ),
  );
});
