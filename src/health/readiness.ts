import { GraphQLError } from 'graphql';
import type { Executor } from '../neo4j/executor.js';
import { schemaStatements } from '../neo4j/migrations.js';

/** What `/ready` reports: whether this instance should get traffic, and if not, why. */
export interface Readiness {
  ready: boolean;
  neo4j: 'reachable' | 'unreachable';
  schema: 'applied' | 'incomplete' | 'unknown';
  /** Why it is not ready, in words an operator can act on. */
  reason?: string;
  /** The underlying error, for the log only: it may name hosts and ports. */
  error?: string;
  checkedInMs: number;
}

/**
 * Ready when Neo4j answers and every constraint and index of the graph schema exists and is
 * online. One read of the index list; it goes through the executor like any request, so with
 * Neo4j down it fails as fast as requests do and also serves as the circuit breaker's probe.
 */
export async function checkReadiness(executor: Executor): Promise<Readiness> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let indexes: { name: string; state: string }[];
  try {
    indexes = await executor.read<{ name: string; state: string }>({ text: 'SHOW INDEXES YIELD name, state' });
  } catch (error) {
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    const reason =
      code === 'SERVICE_UNAVAILABLE' ? 'Neo4j cannot be reached.' : code === 'INSUFFICIENT_STORAGE' ? (error as Error).message : 'Neo4j did not answer the readiness query; the service log has the error.';
    return { ready: false, neo4j: 'unreachable', schema: 'unknown', reason, error: (error as Error).message, checkedInMs: elapsed() };
  }
  const state = new Map(indexes.map((index) => [index.name, index.state]));
  const expected = schemaStatements().map((statement) => statement.name);
  const missing = expected.filter((name) => !state.has(name));
  const offline = expected.filter((name) => state.has(name) && state.get(name) !== 'ONLINE');
  if (missing.length > 0 || offline.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(', ')} (the service applies the schema at start-up)` : '',
      offline.length > 0 ? `not online yet: ${offline.map((name) => `${name} ${state.get(name)}`).join(', ')}` : '',
    ];
    return { ready: false, neo4j: 'reachable', schema: 'incomplete', reason: `Graph schema incomplete: ${parts.filter(Boolean).join('; ')}.`, checkedInMs: elapsed() };
  }
  return { ready: true, neo4j: 'reachable', schema: 'applied', checkedInMs: elapsed() };
}
