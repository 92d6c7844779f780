import { startServer } from '../../src/graphql/server.js';
import { warmUp } from '../../src/graphql/warm-up.js';
import { Executor } from '../../src/neo4j/executor.js';
import { createLogger } from '../../src/shared/logger.js';
import { serveUntilStopped } from './child-entry.js';

/**
 * The service as the bench measures it: the same server `npm start` runs (same plugins, logger
 * at LOG_LEVEL, default info), in its own process so the load generator does not share its
 * event loop.
 */
await serveUntilStopped(async (driver, database) => {
  const log = createLogger(process.env.LOG_LEVEL || 'info');
  const running = await startServer(new Executor(driver, database), log, 0, '127.0.0.1');
  // As `npm start` does (WARM_UP, default true): the first-run measure compares both.
  if (process.env.WARM_UP !== 'false') await warmUp(running.url, log);
  return { url: running.url.replace('localhost', '127.0.0.1'), close: running.close };
});
