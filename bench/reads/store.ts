import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { connect, startEmbeddedTarget } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import type { CorpusDatabase } from './corpus.js';

/** The embedded Neo4j's home inside a DATA_DIR, as the service lays it out. */
export const neo4jHomeOf = (dataDir: string) => path.join(dataDir, 'neo4j');

/** Bytes on disk of every file under `dir` (allocated blocks, as du counts them; 0 when it does not exist). */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(full) : entry.isFile() ? statSync(full).blocks * 512 : 0);
  }, 0);
}

/** Bytes on disk of the graph's store files (database `neo4j`, without its transaction logs): what the page cache would hold to keep it all in memory. */
export function storeBytes(dataDir: string): number {
  return folderBytes(path.join(neo4jHomeOf(dataDir), 'data', 'databases', 'neo4j'));
}

/**
 * The embedded Neo4j started on a store built beforehand (a DATA_DIR that `npm run load -- --offline`
 * or the loader filled), for reading only: the schema is not applied (the import applied it)
 * and the store is kept when the database closes. A service running on the same DATA_DIR holds
 * the store's lock, and Neo4j's start then fails saying so.
 */
export async function openStoreDatabase(dataDir: string, memory: { heap: string; pageCache: string }, say: (message: string) => void): Promise<CorpusDatabase> {
  const home = neo4jHomeOf(dataDir);
  if (!existsSync(path.join(home, 'data', 'databases', 'neo4j'))) {
    throw new Error(`--store ${dataDir}: no Neo4j store in it (expected ${path.join(home, 'data', 'databases', 'neo4j')}). Build one with npm run load -- --offline <corpus folder> and DATA_DIR=${dataDir}, or use --build-stores.`);
  }
  const target = await startEmbeddedTarget(home, { boltPort: 0, ...memory }, say);
  try {
    const driver = await connect(target);
    return {
      target,
      driver,
      executor: new Executor(driver, target.database),
      memory,
      async close() {
        await driver.close();
        await target.release();
      },
    };
  } catch (error) {
    await target.release();
    throw error;
  }
}

/** Cases in the graph: the corpus size of a store built beforehand. */
export async function caseCount(db: CorpusDatabase): Promise<number> {
  const [row] = await db.executor.read<{ n: number }>({ text: 'MATCH (c:Case) RETURN count(c) AS n' });
  return row?.n ?? 0;
}
