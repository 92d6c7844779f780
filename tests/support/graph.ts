import { storeDefiners, withDefiner, type Definers } from '../../src/ingest/write/definers.js';
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
           RETURN [labels(n), properties(n), ${STATED_BY()},
                   COLLECT { MATCH (n)<-[s:STATES]-(o:CaseManifest) WHERE s.defines = true RETURN [o.caseId, coalesce(s.hash, '#' + o.caseId)] }] AS line`,
    params: { caseId },
  });
  for (const row of nodes) checkDefinedBy(row.line as unknown as unknown[]);
  const rels = await executor.read<{ line: unknown }>({
    text: `MATCH (a)-[r]->(b) WHERE r.caseId = $caseId OR ($caseId IN a.caseIds AND type(r) = 'QUOTED_FROM')
           RETURN [type(r), a.id, b.id, properties(r)] AS line`,
    params: { caseId },
  });
  return [...nodes, ...rels].map((row) => JSON.stringify(row.line, sortKeys)).sort();
}

/**
 * A node's `definedBy` (what it keeps of its definers) stands in a fingerprint as "exact" when
 * it is what its STATES give or is absent (a store written before: the loader then reads the
 * STATES), else as "STALE" with its value: so two states compare by who states what, and any
 * fingerprint fails on a stale summary. Drops the STATES' hashes it used.
 */
function checkDefinedBy(line: unknown[]): void {
  if (line.length < 4) return;
  const props = line[1] as Record<string, unknown>;
  const stated = line.pop() as [string, string][];
  if (typeof props.definedBy !== 'string') {
    props.definedBy = 'exact';
    return;
  }
  let definers: Definers = new Map();
  for (const [owner, hash] of stated) definers = withDefiner(definers, props.id as string, owner, hash);
  props.definedBy = storeDefiners(definers) === props.definedBy ? 'exact' : `STALE ${props.definedBy}`;
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
