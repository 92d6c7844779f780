import DataLoader from 'dataloader';
import { oneByIndex } from '../graphql/batch.js';
import type { LoaderOptions } from '../graphql/connection-loaders.js';
import type { Executor } from '../neo4j/executor.js';
import { passagesById } from './queries.js';

export interface SourceRow {
  documentId: string;
  /** JSON Pointer of the string value the offsets count in, for passages of imported records. */
  pointer: string | null;
  quote: string;
  start: number;
  end: number;
}

/** Per-request loader for the passages that facts cite. */
export function createProvenanceLoaders(executor: Executor, options: LoaderOptions = {}) {
  const passages = new DataLoader<string, SourceRow | null>(
    async (ids) =>
      oneByIndex(await executor.read<{ i: number } & Record<string, unknown>>(passagesById(ids)), ids.length, (row) => row as unknown as SourceRow),
    { batch: options.batch ?? true },
  );
  return { passages };
}
