import type { HttpConfig } from '../config/env.js';
import type { Executor, QueryStats } from '../neo4j/executor.js';
import { createEntityLoaders } from '../entities/loaders.js';
import { createPlacementLoaders } from '../events/placement.js';
import { createProvenanceLoaders } from '../provenance/loaders.js';
import { createConnectionLoaders, type LoaderOptions } from './connection-loaders.js';

/** What every resolver gets: a fresh set of loaders and a round-trip counter per request. */
export interface Context {
  /** The HTTP request (graphql-yoga adds it). */
  request: Request;
  /** API_WRITE_TOKEN; mutations need it as a bearer token. */
  writeToken: string | undefined;
  executor: Executor;
  stats: QueryStats;
  loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(executor: Executor, options: LoaderOptions = {}) {
  return {
    ...createEntityLoaders(executor, options),
    ...createProvenanceLoaders(executor, options),
    ...createPlacementLoaders(executor, options),
    connections: createConnectionLoaders(executor, options),
  };
}

export interface ServerOptions {
  writeToken?: string | undefined;
  /** Read token, limits, CORS, introspection, body size; read from the environment when left out. */
  http?: HttpConfig | undefined;
}

/** `loaderOptions` is for in-process callers (the round-trip bench); the HTTP server never sets it. */
export function createContext(baseExecutor: Executor, request: Request, options: ServerOptions = {}, loaderOptions: LoaderOptions = {}): Context {
  const stats: QueryStats = { roundTrips: 0 };
  const executor = baseExecutor.withStats(stats);
  return { request, writeToken: options.writeToken, executor, stats, loaders: createLoaders(executor, loaderOptions) };
}
