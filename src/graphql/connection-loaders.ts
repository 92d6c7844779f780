import DataLoader from 'dataloader';
import type { Executor } from '../neo4j/executor.js';
import { listPageQuery, type ListPlan } from './connection-plan.js';

/** One parent's page of a list and the list's total. */
export interface ListPage {
  items: unknown[];
  total: number;
}

export interface LoaderOptions {
  /**
   * DataLoader batching. Always on in the service; the round-trip bench turns it off to show
   * what batching saves. Never settable over HTTP.
   */
  batch?: boolean;
}

/**
 * Per-request DataLoaders for the nested connections: one loader per plan (list and arguments),
 * keyed by parent id, so every parent asking the same field with the same arguments at one level
 * of a query shares one statement. A missing parent resolves to null.
 */
export function createConnectionLoaders(executor: Executor, options: LoaderOptions = {}) {
  const loaders = new Map<string, DataLoader<string, ListPage | null>>();
  const loaderFor = (plan: ListPlan) => {
    const key = JSON.stringify(plan);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, ListPage | null>(
        async (ids) => {
          const rows = await executor.read<{ i: number; items: unknown[]; total: number }>(listPageQuery(plan, ids));
          const pages: (ListPage | null)[] = ids.map(() => null);
          for (const row of rows) pages[row.i] = { items: row.items, total: row.total };
          return pages;
        },
        { batch: options.batch ?? true },
      );
      loaders.set(key, loader);
    }
    return loader;
  };
  return { load: (plan: ListPlan, parentId: string) => loaderFor(plan).load(parentId) };
}

export type ConnectionLoaders = ReturnType<typeof createConnectionLoaders>;
