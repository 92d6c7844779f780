import type { Executor } from '../../src/neo4j/executor.js';

/**
 * Who states node `n` (its incoming STATES), as sorted strings "contribution|defines|passage ids":
 * what its lists of owners, definers and sources said before they were relationships. (Their
 * `hash` follows from the statement in the contribution's manifest.)
 */
export const STATED_BY = (n = 'n') =>
  `COLLECT { MATCH (${n})<-[s:STATES]-(o:CaseManifest)
             WITH o, s ORDER BY o.caseId
             RETURN o.caseId + '|' + s.defines + '|' + reduce(t = '', p IN COLLECT { UNWIND s.passageIds AS x RETURN x ORDER BY x } | t + p + ' ') }`;

/** A node's passages: the union of its STATES' passageIds, sorted. */
export const PASSAGES_OF = (n = 'n') => `COLLECT { MATCH (${n})<-[s:STATES]-(:CaseManifest) UNWIND s.passageIds AS p RETURN DISTINCT p ORDER BY p }`;

/**
 * Everything a case has in the graph (the nodes its contributions state, with who states them,
 * its passages and relationships with all their properties), as sorted JSON lines, so two
 * states can be compared exactly.
 */
export async function caseFingerprint(executor: Executor, caseId: string): Promise<string[]> {
  const nodes = await executor.read<{ line: string }>({
    text: `MATCH (n:Passage) WHERE $caseId IN n.caseIds
           RETURN [labels(n), properties(n)] AS line
           UNION ALL
           MATCH (:CaseManifest {case: $caseId})-[:STATES]->(n)
           WITH DISTINCT n
           RETURN [labels(n), properties(n), ${STATED_BY()}] AS line`,
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

/**
 * The whole graph as sorted JSON lines: every node with its labels, properties and their Cypher
 * types; every relationship with its type, the keys of its ends (id, or caseId for manifests)
 * and its properties. Two stores with the same lines hold the same graph.
 */
export async function graphDump(executor: Executor): Promise<string[]> {
  const nodes = await executor.read<{ line: unknown }>({
    text: `MATCH (n)
           RETURN [labels(n), properties(n), [k IN keys(n) | k + ':' + valueType(n[k])]] AS line`,
  });
  const rels = await executor.read<{ line: unknown }>({
    text: `MATCH (a)-[r]->(b)
           RETURN [type(r), coalesce(a.id, a.caseId), coalesce(b.id, b.caseId), properties(r), [k IN keys(r) | k + ':' + valueType(r[k])]] AS line`,
  });
  const sortLists = (line: unknown) => {
    const parts = line as unknown[];
    return parts.map((part) => (Array.isArray(part) && part.every((x) => typeof x === 'string') ? [...part].sort() : part));
  };
  return [...nodes, ...rels].map((row) => JSON.stringify(sortLists(row.line), sortKeys)).sort();
}
