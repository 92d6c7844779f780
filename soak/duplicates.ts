import type { Executor } from '../src/neo4j/executor.js';

export interface DuplicateReport {
  nodes: number;
  relationships: number;
  /** Groups of nodes sharing a key (label family and id). */
  duplicateNodes: { kind: string; key: string; copies: number }[];
  /** Groups of relationships sharing a key (ends, type and id). */
  duplicateRelationships: { from: string; type: string; id: string | null; to: string; copies: number }[];
}

/**
 * The whole graph, checked for what concurrent and repeated loads must never leave behind: two
 * nodes with one id (entities, passages, case manifests each keep their own ids) or two
 * relationships with the same ends, type and id.
 */
export async function findDuplicates(executor: Executor): Promise<DuplicateReport> {
  const [totals] = await executor.read<{ nodes: number; relationships: number }>({
    text: 'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    timeoutMs: 600_000,
  });
  const duplicateNodes = await executor.read<{ kind: string; key: string; copies: number }>({
    text: `MATCH (n)
           WITH CASE WHEN n:Entity THEN 'Entity' WHEN n:Passage THEN 'Passage' WHEN n:CaseManifest THEN 'CaseManifest' ELSE head(labels(n)) END AS kind,
                coalesce(n.id, n.caseId) AS key, count(*) AS copies
           WHERE key IS NOT NULL AND copies > 1
           RETURN kind, key, copies ORDER BY copies DESC, key LIMIT 20`,
    timeoutMs: 600_000,
  });
  const duplicateRelationships = await executor.read<{ from: string; type: string; id: string | null; to: string; copies: number }>({
    text: `MATCH (a)-[r]->(b)
           WITH a, b, type(r) AS type, r.id AS id, count(*) AS copies WHERE copies > 1
           RETURN coalesce(a.id, a.caseId) AS from, type, id, coalesce(b.id, b.caseId) AS to, copies ORDER BY copies DESC LIMIT 20`,
    timeoutMs: 600_000,
  });
  return { nodes: totals?.nodes ?? 0, relationships: totals?.relationships ?? 0, duplicateNodes, duplicateRelationships };
}
