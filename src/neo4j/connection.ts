import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config/env.js';
import { commandExists, ensureBuilt, Neo4jUnavailableError } from './embedded/build.js';
import { EMBEDDED_USER, ensurePassword, passwordFile } from './embedded/credentials.js';
import { startEmbedded, type RunningNeo4j } from './embedded/process.js';
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
  /** The embedded JVM, to watch and restart; only for mode 'embedded'. */
  embedded?: EmbeddedHandle;
}

/** The embedded Neo4j as a process: how it is doing, and how to start it again on the same port. */
export interface EmbeddedHandle {
  /** Neo4j's home: the store and its logs. */
  homeDir: string;
  current(): RunningNeo4j;
  /** Starts a new JVM on the same store and Bolt port (the old one must be gone). */
  restart(): Promise<RunningNeo4j>;
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
  const password = ensurePassword(homeDir);
  const launch = (boltPort: number) =>
    startEmbedded({ homeDir, boltPort, heap: settings.heap, pageCache: settings.pageCache, passwordFile: passwordFile(homeDir), say });
  let running = await launch(settings.boltPort);
  const port = Number(new URL(running.uri).port);
  const embedded: EmbeddedHandle = {
    homeDir,
    current: () => running,
    restart: async () => (running = await launch(port)),
  };
  return { uri: running.uri, user: EMBEDDED_USER, password, database: 'neo4j', mode: 'embedded', release: () => running.stop(), embedded };
}

/** How long the driver waits for Neo4j before giving up (NEO4J_CONNECT_TIMEOUT_MS for the service). */
export interface DriverTimeouts {
  connectTimeoutMs: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 1_000;

/**
 * Retries of one transaction stop this long after its first failure. The driver waits about
 * 1 s before retrying, so this allows exactly one retry: enough for a connection a restarted
 * Neo4j closed or a transient lock conflict, short enough that with Neo4j gone a request fails
 * within about 1.2 s (the driver's default keeps retrying for 30 s).
 */
export const MAX_RETRY_TIME_MS = 500;

/**
 * Driver settings that bound how long a request can wait on Neo4j: a connection attempt
 * (`connectTimeoutMs`) and the retries above. The wait for one of the 50 pooled connections
 * covers opening one too, so it stays longer than a connection attempt (an unreachable host is
 * then reported as such) and long enough that a burst of requests queues instead of failing.
 */
export function driverConfig(timeouts: DriverTimeouts) {
  return {
    maxConnectionPoolSize: 50,
    connectionTimeout: timeouts.connectTimeoutMs,
    connectionAcquisitionTimeout: Math.max(10_000, timeouts.connectTimeoutMs + 1_000),
    maxTransactionRetryTime: MAX_RETRY_TIME_MS,
    disableLosslessIntegers: false,
  };
}

/** A driver for the target; waits until the server answers. */
export async function connect(target: Neo4jTarget, timeouts: DriverTimeouts = { connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS }): Promise<Driver> {
  installTcpNoDelay();
  const auth = target.password ? neo4j.auth.basic(target.user, target.password) : undefined;
  const driver = neo4j.driver(target.uri, auth, driverConfig(timeouts));
  await driver.verifyConnectivity({ database: target.database });
  return driver;
}

/**
 * A small driver of its own for the watchdog's checks, so a pool full of stuck statements
 * cannot delay the check that finds them stuck. `ping` asks Neo4j `RETURN 1`; call it once at
 * start so later checks find a connection open and logged in (opening one, with its login, can
 * take seconds on a busy machine, which is not a freeze).
 */
export function pingDriver(target: Neo4jTarget, timeoutMs: number): { ping(): Promise<unknown>; close(): Promise<void> } {
  const auth = target.password ? neo4j.auth.basic(target.user, target.password) : undefined;
  const driver = neo4j.driver(target.uri, auth, {
    maxConnectionPoolSize: 4,
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxTransactionRetryTime: 0,
  });
  return {
    ping: () => driver.executeQuery('RETURN 1', {}, { database: target.database, routing: neo4j.routing.READ }),
    close: () => driver.close(),
  };
}
