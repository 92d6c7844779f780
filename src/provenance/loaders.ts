import DataLoader from 'dataloader';
import { oneByIndex } from '../graphql/batch.js';
import type { LoaderOptions } from '../graphql/connection-loaders.js';
import type { Executor } from '../neo4j/executor.js';
import { passageIdsOf, passagesById } from './queries.js';

export interface SourceRow {
  documentId: string;
  quote: string;
  start: number;
  end: number;
}

/** Per-request loaders for the passages that facts cite, and for the passage ids of nodes. */
export function createProvenanceLoaders(executor: Executor, options: LoaderOptions = {}) {
  const passages = new DataLoader<string, SourceRow | null>(
    async (ids) =>
      oneByIndex(await executor.read<{ i: number } & Record<string, unknown>>(passagesById(ids)), ids.length, (row) => row as unknown as SourceRow),
    { batch: options.batch ?? true },
  );
  const nodePassageIds = new DataLoader<string, string[]>(
    async (ids) =>
      oneByIndex(await executor.read<{ i: number } & Record<string, unknown>>(passageIdsOf(ids)), ids.length, (row) => row.passageIds as string[]).map((ids) => ids ?? []),
    { batch: options.batch ?? true },
  );
  return { passages, nodePassageIds };
}
