import type { HttpConfig } from '../config/env.js';
import type { DatabaseWatch } from '../health/liveness.js';
import type { Executor, QueryStats } from '../neo4j/executor.js';

/** What every resolver gets: the executor, counting the request's round trips. */
export interface Context {
  /** The HTTP request (graphql-yoga adds it). */
  request: Request;
  /** API_WRITE_TOKEN; mutations need it as a bearer token. */
  writeToken: string | undefined;
  executor: Executor;
  stats: QueryStats;
}

export interface ServerOptions {
  writeToken?: string | undefined;
  /** Read token, limits, CORS, introspection, body size; read from the environment when left out. */
  http?: HttpConfig | undefined;
  /** What /health reports about the database beyond the executor's reachability. */
  database?: Omit<DatabaseWatch, 'executor'> | undefined;
}

export function createContext(baseExecutor: Executor, request: Request, options: ServerOptions = {}): Context {
  const stats: QueryStats = { roundTrips: 0 };
  return { request, writeToken: options.writeToken, executor: baseExecutor.withStats(stats), stats };
}
