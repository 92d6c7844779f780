import { ConfigError, loadConfig } from './config/env.js';
import { startServer } from './graphql/server.js';
import { warmUp } from './graphql/warm-up.js';
import { loadSeeds } from './ingest/pipeline/seeds.js';
import { CaseFileError } from './ingest/casefile/problems.js';
import { connect, pingDriver, resolveNeo4j, type Neo4jTarget } from './neo4j/connection.js';
import { EmbeddedSupervisor } from './neo4j/embedded/supervisor.js';
import { CircuitBreaker } from './neo4j/circuit-breaker.js';
import { Watchdog } from './neo4j/watchdog.js';
import { Neo4jUnavailableError } from './neo4j/embedded/build.js';
import { DiskFullError } from './neo4j/embedded/process.js';
import { Executor } from './neo4j/executor.js';
import { drainable } from './lifecycle/drain.js';
import { applySchema } from './neo4j/migrations.js';
import { removeRunningNeo4j, writeRunningNeo4j } from './neo4j/running.js';
import { createLogger } from './shared/logger.js';

/** A repeat of the signal that started the shutdown within this long is the same signal, delivered twice. */
const SAME_SIGNAL_MS = 500;

/** `npm start`: Neo4j (given or embedded), schema, seeds, then GraphQL on PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = Date.now();
  let target: Neo4jTarget | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  let stopping: { reason: string; at: number } | undefined;
  const stop = async (reason: string, code: number) => {
    // `npm start` passes on the SIGINT a terminal's Ctrl-C also sends this process: one signal.
    if (stopping && reason === stopping.reason && Date.now() - stopping.at < SAME_SIGNAL_MS) return;
    if (stopping) {
      log.warn({ reason }, 'second signal: exiting now, without waiting for requests or Neo4j');
      process.exit(1);
    }
    stopping = { reason, at: Date.now() };
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
    let supervisor: EmbeddedSupervisor | undefined;
    if (target.embedded) {
      // Lets `npm run load` use this Neo4j while the service holds its store.
      writeRunningNeo4j(config.dataDir, target.uri);
      cleanups.push(async () => removeRunningNeo4j(config.dataDir));
      const embedded = new EmbeddedSupervisor(target.embedded, log, (reason) => void stop(reason, 1));
      cleanups.push(async () => embedded.stop());
      supervisor = embedded;
    }
    const driver = await connect(target, { connectTimeoutMs: config.timeouts.connectMs });
    cleanups.push(() => driver.close());
    const pings = pingDriver(target, config.timeouts.pingMs);
    cleanups.push(() => pings.close());
    const breaker = new CircuitBreaker();
    // Start-up (schema, seeds) may wait on a cold database for long; only requests are watched.
    const startup = new Executor(driver, target.database, undefined, { transactionTimeoutMs: config.timeouts.transactionMs, breaker });
    await applySchema(startup);
    if (config.seedOnStart) await loadSeeds(startup, log);
    await pings.ping().catch(() => {});
    const watchdog = new Watchdog(pings.ping, { pingTimeoutMs: config.timeouts.pingMs });
    const executor = new Executor(driver, target.database, undefined, { transactionTimeoutMs: config.timeouts.transactionMs, breaker, watchdog, health: supervisor });
    const database = { unreachableLimitMs: config.timeouts.healthUnreachableMs, ...(supervisor ? { embedded: () => supervisor.status() } : {}) };
    const running = await startServer(executor, log, config.port, config.host, { writeToken: config.writeToken, http: config.http, database });
    if (config.warmUp) await warmUp(running.url, log, config.http.readToken);
    const requests = drainable(running.server);
    cleanups.push(async () => {
      await requests.stopAccepting();
      log.info({ inFlight: requests.inFlight(), graceMs: config.timeouts.shutdownGraceMs }, 'no longer accepting connections; draining requests');
      const { finished, cut } = await requests.drain(config.timeouts.shutdownGraceMs);
      if (cut > 0) log.warn({ finished, cut }, `SHUTDOWN_GRACE_MS passed: closed ${cut} request(s) still running`);
      else log.info({ finished }, 'requests drained');
    });
    log.info({ url: running.url, neo4j: target.mode, startupMs: Date.now() - started }, 'ready');
    console.log(`GraphiQL: ${running.url}  Explorer: ${running.url.replace(/\/graphql$/, '/explore')}  (Neo4j: ${target.mode} ${target.uri}; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof Neo4jUnavailableError || error instanceof CaseFileError || error instanceof DiskFullError) {
      console.error(error.message);
    } else {
      log.error({ err: error }, 'start-up failed');
    }
    await stop('start-up failed', 1);
  }
}

void main();
