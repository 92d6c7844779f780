import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/env.js';
import { connect, startEmbeddedTarget } from '../../neo4j/connection.js';
import { Executor } from '../../neo4j/executor.js';
import { readRunningNeo4j } from '../../neo4j/running.js';
import { databaseDirs, removeDatabase } from './importer.js';

/** The embedded Neo4j's home under DATA_DIR (as the service lays it out). */
export const homeOf = (config: Config) => path.join(config.dataDir, 'neo4j');

/** Why the store cannot take an offline import, or null when it can (its empty database, if any, removed). */
export async function checkStoreEmpty(config: Config, say: (message: string) => void): Promise<string | null> {
  const home = homeOf(config);
  const normal = `Load into it with the normal path instead (npm run load -- <files>, without --offline), or set DATA_DIR to a new folder.`;
  const running = readRunningNeo4j(config.dataDir);
  if (running) return `the service is running on DATA_DIR ${config.dataDir} (its Neo4j at ${running}): the offline import needs the store to itself and empty. ${normal}`;
  const [databaseDir] = databaseDirs(home);
  if (!existsSync(databaseDir!) || readdirSync(databaseDir!).length === 0) return null;
  say(`DATA_DIR ${config.dataDir} has a database; starting it once to see whether it is empty…`);
  const target = await startEmbeddedTarget(home, config.neo4j, say);
  let count: number;
  try {
    const driver = await connect(target);
    try {
      const [row] = await new Executor(driver, target.database).read<{ count: number }>({ text: 'MATCH (n) RETURN count(n) AS count' });
      count = row?.count ?? 0;
    } finally {
      await driver.close();
    }
  } finally {
    await target.release();
  }
  if (count > 0) return `the store in DATA_DIR ${config.dataDir} is not empty (${count} nodes): the offline import only fills an empty store. ${normal}`;
  await removeDatabase(home);
  return null;
}
