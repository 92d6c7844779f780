import { ConfigError, loadConfig } from './config/env.js';
import { startServer } from './graphql/server.js';
import { warmUp } from './graphql/warm-up.js';
import { loadSeeds } from './ingest/seeds.js';
import { CaseFileError } from './ingest/problems.js';
import { connect, resolveNeo4j, type Neo4jTarget } from './neo4j/connection.js';
import { Neo4jUnavailableError } from './neo4j/embedded/build.js';
import { Executor } from './neo4j/executor.js';
import { drainable } from './lifecycle/drain.js';
import { applySchema } from './neo4j/migrations.js';
import { removeRunningNeo4j, writeRunningNeo4j } from './neo4j/running.js';
import { createLogger } from './shared/logger.js';

/** `npm start`: Neo4j (given or embedded), schema, seeds, then GraphQL on PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = Date.now();
  let target: Neo4jTarget | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) {
      log.warn({ reason }, 'second signal: exiting now, without waiting for requests or Neo4j');
      process.exit(1);
    }
    stopping = true;
    log.info({ reason }, 'shutting down');
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log.error({ err: error }, 'shutdown step failed'));
    log.info('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception');
    void stop('crash', 1);
  });
  process.on('unhandledRejection', (error) => {
    log.fatal({ err: error }, 'unhandled rejection');
    void stop('crash', 1);
  });

  try {
    target = await resolveNeo4j(config, (message) => log.info(message));
    cleanups.push(target.release);
    if (target.mode === 'embedded') {
      // Lets `npm run load` use this Neo4j while the service holds its store.
      writeRunningNeo4j(config.dataDir, target.uri);
      cleanups.push(async () => removeRunningNeo4j(config.dataDir));
    }
    const driver = await connect(target, { connectTimeoutMs: config.timeouts.connectMs });
    cleanups.push(() => driver.close());
    const executor = new Executor(driver, target.database, undefined, { transactionTimeoutMs: config.timeouts.transactionMs });
    await applySchema(executor);
    if (config.seedOnStart) await loadSeeds(executor, log);
    const running = await startServer(executor, log, config.port, config.host, { writeToken: config.writeToken, http: config.http });
    if (config.warmUp) await warmUp(running.url, log, config.http.readToken);
    const requests = drainable(running.server);
    cleanups.push(async () => {
      log.info({ inFlight: requests.inFlight(), graceMs: config.timeouts.shutdownGraceMs }, 'no longer accepting connections; draining requests');
      const { finished, cut } = await requests.drain(config.timeouts.shutdownGraceMs);
      if (cut > 0) log.warn({ finished, cut }, `SHUTDOWN_GRACE_MS passed: closed ${cut} request(s) still running`);
      else log.info({ finished }, 'requests drained');
    });
    log.info({ url: running.url, neo4j: target.mode, startupMs: Date.now() - started }, 'ready');
    console.log(`GraphiQL: ${running.url}  Explorer: ${running.url.replace(/\/graphql$/, '/explore')}  (Neo4j: ${target.mode} ${target.uri}; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof Neo4jUnavailableError || error instanceof CaseFileError) {
      console.error(error.message);
    } else {
      log.error({ err: error }, 'start-up failed');
    }
    await stop('start-up failed', 1);
  }
}

void main();
