/**
 * A throwaway parent process for the launcher tests: starts the embedded Neo4j, prints the
 * JVM's pid, then waits to be killed.
 */
import { startEmbeddedTarget } from '../../src/neo4j/connection.js';

const home = process.argv[2]!;
const target = await startEmbeddedTarget(home, { boltPort: 0, heap: '256m', pageCache: '64m' }, (message) => {
  const pid = /pid (\d+)/.exec(message)?.[1];
  if (pid) console.log(`JVM_PID ${pid}`);
});
console.log(`READY ${target.uri}`);
setInterval(() => {}, 1000);
