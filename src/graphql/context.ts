import type { Executor, QueryStats } from '../neo4j/executor.js';
import { createEntityLoaders } from '../entities/loaders.js';
import { createProvenanceLoaders } from '../provenance/loaders.js';

/** What every resolver gets: a fresh set of loaders and a round-trip counter per request. */
export interface Context {
  executor: Executor;
  stats: QueryStats;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(executor: Executor) {
  return { ...createEntityLoaders(executor), ...createProvenanceLoaders(executor) };
}

export function createContext(baseExecutor: Executor): Context {
  const stats: QueryStats = { roundTrips: 0 };
  const executor = baseExecutor.withStats(stats);
  return { executor, stats, loaders: createLoaders(executor) };
}
