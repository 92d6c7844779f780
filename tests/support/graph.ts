import type { Executor } from '../../src/neo4j/executor.js';

/**
 * Everything a case has in the graph (its nodes, passages and relationships with all their
 * properties), as sorted JSON lines, so two states can be compared exactly.
 */
export async function caseFingerprint(executor: Executor, caseId: string): Promise<string[]> {
  const nodes = await executor.read<{ line: string }>({
    text: `MATCH (n) WHERE $caseId IN n.caseIds
           RETURN [labels(n), properties(n)] AS line`,
    params: { caseId },
  });
  const rels = await executor.read<{ line: unknown }>({
    text: `MATCH (a)-[r]->(b) WHERE r.caseId = $caseId OR ($caseId IN a.caseIds AND type(r) = 'QUOTED_FROM')
           RETURN [type(r), a.id, b.id, properties(r)] AS line`,
    params: { caseId },
  });
  return [...nodes, ...rels].map((row) => JSON.stringify(row.line, sortKeys)).sort();
}

function sortKeys(_key: string, value: unknown) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}

export async function countById(executor: Executor, id: string): Promise<number> {
  const [row] = await executor.read<{ n: number }>({ text: 'MATCH (n {id: $id}) RETURN count(n) AS n', params: { id } });
  return row?.n ?? 0;
}
