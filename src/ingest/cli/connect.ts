import { Neo4jError, type Driver } from 'neo4j-driver';
import type { Config } from '../../config/env.js';
import { connect, resolveNeo4j, type Neo4jTarget } from '../../neo4j/connection.js';
import { Executor } from '../../neo4j/executor.js';
import { EMBEDDED_USER, readPassword } from '../../neo4j/embedded/credentials.js';
import { readRunningNeo4j } from '../../neo4j/running.js';
import path from 'node:path';

export interface Connection {
  executor: Executor;
  /** Where the loader writes, for messages. */
  description: string;
  /** Closes the driver, then stops the embedded Neo4j if the loader started it. */
  close(): Promise<void>;
  /**
   * True when the loader started this Neo4j itself. It then shares the terminal's process
   * group, so Ctrl-C reaches it too and it goes down: work in flight is abandoned rather than
   * retried against it (a case is committed whole or rolled back either way).
   */
  ownsNeo4j: boolean;
}

/** Neo4j could not be started or reached. */
export class Neo4jUnreachableError extends Error {
  override name = 'Neo4jUnreachableError';
}

/**
 * Reaches Neo4j as the service does: NEO4J_URI when set; else the embedded Neo4j of a service
 * running on the same DATA_DIR (its store is locked, so a second one could not start); else an
 * embedded Neo4j of its own on DATA_DIR, stopped by close().
 */
export async function openNeo4j(config: Config, say: (message: string) => void): Promise<Connection> {
  if (!config.neo4j.uri) {
    const uri = readRunningNeo4j(config.dataDir);
    if (uri) {
      // The service's store password, in a file only its owner can read.
      const password = readPassword(path.join(config.dataDir, 'neo4j')) ?? '';
      const service: Neo4jTarget = { uri, user: EMBEDDED_USER, password, database: 'neo4j', mode: 'embedded', release: async () => {} };
      try {
        return opened(service, await connect(service), `the running service's embedded Neo4j at ${uri}`, false);
      } catch (error) {
        say(`The running service's Neo4j at ${uri} does not answer (${(error as Error).message}); starting the embedded Neo4j instead.`);
      }
    }
  }
  let target: Neo4jTarget;
  try {
    target = await resolveNeo4j(config, say);
  } catch (error) {
    throw new Neo4jUnreachableError((error as Error).message);
  }
  try {
    const where = target.mode === 'embedded' ? `the embedded Neo4j at ${target.uri} (store in ${config.dataDir}, stopped at the end)` : `${target.uri} (database ${target.database})`;
    return opened(target, await connect(target), where, target.mode === 'embedded');
  } catch (error) {
    await target.release().catch(() => {});
    throw new Neo4jUnreachableError(`cannot connect to Neo4j at ${target.uri}: ${(error as Error).message}`);
  }
}

function opened(target: Neo4jTarget, driver: Driver, description: string, ownsNeo4j: boolean): Connection {
  return {
    executor: new Executor(driver, target.database),
    description,
    ownsNeo4j,
    async close() {
      try {
        await driver.close();
      } finally {
        await target.release();
      }
    },
  };
}

/** The connection to Neo4j was lost (as opposed to a query failing). */
export function isConnectionLost(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired');
}
