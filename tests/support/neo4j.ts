import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedTarget, type Neo4jTarget } from '../../src/neo4j/connection.js';

/**
 * The real Neo4j for a test run, reached the same three ways as the service:
 * NEO4J_URI when set, a neo4j:5.26 container when a Docker engine answers, else the embedded
 * Neo4j in its own JVM with a throwaway store.
 */
export async function startTestNeo4j(say: (message: string) => void): Promise<Neo4jTarget> {
  if (process.env.NEO4J_URI) {
    return {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD || '',
      database: process.env.NEO4J_DATABASE || 'neo4j',
      mode: 'external',
      release: async () => {},
    };
  }
  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    say('Starting neo4j:5.26 with testcontainers…');
    const container = await new Neo4jContainer('neo4j:5.26').start();
    return {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: 'neo4j',
      mode: 'docker',
      release: async () => void (await container.stop()),
    };
  }
  const home = mkdtempSync(path.join(os.tmpdir(), 'case-graph-test-'));
  const target = await startEmbeddedTarget(home, { boltPort: 0, heap: '768m', pageCache: '256m' }, say);
  return {
    ...target,
    release: async () => {
      await target.release();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
