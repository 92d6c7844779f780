import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config/env.js';
import { commandExists, ensureBuilt, Neo4jUnavailableError } from './embedded/build.js';
import { startEmbedded } from './embedded/process.js';
import { installTcpNoDelay } from './tcp-nodelay.js';

/** Where the database is and how to let it go; the rest of the code cannot tell which way. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How it was reached, for logs: external, docker or embedded. */
  mode: 'external' | 'docker' | 'embedded';
  release(): Promise<void>;
}

export const NO_NEO4J_MESSAGE = [
  'No Neo4j to connect to. Use one of these three ways:',
  '  1. Set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to a running Neo4j 5: Docker, Aura or a cluster (neo4j:// routing).',
  '  2. Run `docker compose up` (Neo4j 5.26 in Docker; tests use it through testcontainers when a Docker engine answers).',
  '  3. Install Java 17+ and Maven: the service then builds and runs an embedded Neo4j 5.26 Community itself.',
].join('\n');

/** Uses NEO4J_URI when set, else starts the embedded Neo4j in its own JVM. */
export async function resolveNeo4j(config: Config, say: (message: string) => void): Promise<Neo4jTarget> {
  const { neo4j: settings } = config;
  if (settings.uri) {
    return { uri: settings.uri, user: settings.user, password: settings.password, database: settings.database, mode: 'external', release: async () => {} };
  }
  return startEmbeddedTarget(path.join(config.dataDir, 'neo4j'), settings, say);
}

export async function startEmbeddedTarget(
  homeDir: string,
  settings: Pick<Config['neo4j'], 'boltPort' | 'heap' | 'pageCache'>,
  say: (message: string) => void,
): Promise<Neo4jTarget> {
  if (!commandExists('java')) throw new Neo4jUnavailableError(NO_NEO4J_MESSAGE);
  try {
    await ensureBuilt(say);
  } catch (error) {
    throw new Neo4jUnavailableError(`${(error as Error).message}\n\n${NO_NEO4J_MESSAGE}`);
  }
  const running = await startEmbedded({ homeDir, boltPort: settings.boltPort, heap: settings.heap, pageCache: settings.pageCache, say });
  return { uri: running.uri, user: 'neo4j', password: '', database: 'neo4j', mode: 'embedded', release: running.stop };
}

/** A driver for the target; waits until the server answers. */
export async function connect(target: Neo4jTarget): Promise<Driver> {
  installTcpNoDelay();
  const auth = target.password ? neo4j.auth.basic(target.user, target.password) : undefined;
  const driver = neo4j.driver(target.uri, auth, {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    disableLosslessIntegers: false,
  });
  await driver.verifyConnectivity({ database: target.database });
  return driver;
}
