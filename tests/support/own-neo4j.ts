import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensurePassword, passwordFile } from '../../src/neo4j/embedded/credentials.js';
import { startEmbedded, type RunningNeo4j } from '../../src/neo4j/embedded/process.js';

/**
 * An embedded Neo4j of a test's own, on a fixed port and store, that the test may stop and
 * start again (the run's shared Neo4j must never be stopped: other tests use it).
 */
export interface OwnNeo4j {
  uri: string;
  /** The password of the user `neo4j` (authentication is on, as for the service's). */
  password: string;
  /** Its JVM's process id while it runs. */
  pid(): number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it if running and deletes its store. */
  remove(): Promise<void>;
}

export async function ownNeo4j(): Promise<OwnNeo4j> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'case-graph-own-'));
  const port = await freePort();
  let running: RunningNeo4j | undefined;
  const own: OwnNeo4j = {
    uri: `bolt://127.0.0.1:${port}`,
    password: ensurePassword(home),
    pid: () => running?.pid,
    async start() {
      running = await startEmbedded({ homeDir: home, boltPort: port, heap: '256m', pageCache: '64m', passwordFile: passwordFile(home) });
    },
    async stop() {
      await running?.stop();
      running = undefined;
    },
    async remove() {
      await own.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
  await own.start();
  return own;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
