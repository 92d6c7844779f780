import type { EmbeddedStatus } from '../neo4j/embedded/supervisor.js';
import type { Executor } from '../neo4j/executor.js';

/** Where /health learns the database's state; it never sends Neo4j anything itself. */
export interface DatabaseWatch {
  executor: Executor;
  /** The embedded JVM's supervisor; absent for a Neo4j given by NEO4J_URI. */
  embedded?: () => EmbeddedStatus;
  /** HEALTH_UNREACHABLE_MS. */
  unreachableLimitMs: number;
}

export interface Liveness {
  alive: boolean;
  reason?: string;
  neo4j: Record<string, unknown>;
}

/**
 * Whether restarting this service would help. With the embedded Neo4j it would: the service
 * fails liveness when its JVM could not be restarted, or when the JVM runs but has not answered
 * for longer than HEALTH_UNREACHABLE_MS (frozen or hung; statements report that through the
 * executor's reachability). With an external Neo4j it would not, so an outage there is
 * reported, for dashboards, but leaves the service alive (readiness takes it out of traffic).
 * A database waiting for disk space is not a reason either: the disk is full whatever restarts.
 */
export function liveness(watch: DatabaseWatch): Liveness {
  const reach = watch.executor.reachability();
  const reachability = { reachable: reach.reachable, ...(reach.unreachableForMs !== undefined ? { unreachableForMs: reach.unreachableForMs } : {}) };
  if (!watch.embedded) return { alive: true, neo4j: { mode: 'external', ...reachability } };
  const process = watch.embedded();
  const neo4j = { mode: 'embedded', process: process.state, ...(process.pid ? { pid: process.pid } : {}), restarts: process.restarts, ...(process.lastExit ? { lastExit: process.lastExit } : {}), ...(process.disk ? { disk: process.disk } : {}), ...reachability };
  if (process.state === 'failed') return { alive: false, reason: 'The embedded Neo4j could not be restarted; the service is exiting.', neo4j };
  if (process.state === 'running' && (reach.unreachableForMs ?? 0) > watch.unreachableLimitMs) {
    return { alive: false, reason: `The embedded Neo4j runs but has not answered for ${Math.round(reach.unreachableForMs! / 1000)} s (HEALTH_UNREACHABLE_MS=${watch.unreachableLimitMs}): restart the service.`, neo4j };
  }
  return { alive: true, neo4j };
}
