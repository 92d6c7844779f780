import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { loadHttpConfig, type HttpConfig, type QueryLimits } from '../../src/config/env.js';
import { startServer, type RunningServer } from '../../src/graphql/server.js';
import { loadSeeds } from '../../src/ingest/pipeline/seeds.js';
import { createLogger, type Logger } from '../../src/shared/logger.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** A real HTTP GraphQL server on a free port, against the run's Neo4j. */
export interface TestApi {
  url: string;
  driver: Driver;
  executor: Executor;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The write token the test servers accept. */
export const TEST_WRITE_TOKEN = 'test-write-token';
export const WRITE = { authorization: `Bearer ${TEST_WRITE_TOKEN}` };

export interface TestApiOptions {
  seeds?: boolean;
  /** HTTP settings over the defaults (never the test process's environment). */
  http?: Partial<Omit<HttpConfig, 'limits'>> & { limits?: Partial<QueryLimits> };
  /** Where the server logs; silent by default. */
  log?: Logger;
  /** Wraps the executor the server uses, e.g. to make it fail on purpose. */
  executor?: (driver: Driver, database: string) => Executor;
}

/** Starts the API; with `seeds`, also loads seeds/ (idempotent, so every test file can ask for it). */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const settings = inject('neo4j');
  const driver = await connect({ ...settings, mode: 'external', release: async () => {} } as never);
  const executor = new Executor(driver, settings.database);
  const defaults = loadHttpConfig({});
  const http: HttpConfig = { ...defaults, ...options.http, limits: { ...defaults.limits, ...options.http?.limits } };
  const served = options.executor ? options.executor(driver, settings.database) : executor;
  const server: RunningServer = await startServer(served, options.log ?? createLogger('silent'), 0, '127.0.0.1', { writeToken: TEST_WRITE_TOKEN, http });
  const url = server.url.replace('localhost', '127.0.0.1');
  if (options.seeds) await loadSeeds(executor, createLogger('silent'));
  return {
    url,
    driver,
    executor,
    async gql(query, variables, headers) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async close() {
      await server.close();
      await driver.close();
    },
  };
}
