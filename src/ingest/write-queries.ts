import { NODE_KINDS, PASSAGE_TYPE, type NodeKind } from '../model/kinds.js';
import type { CypherQuery } from '../neo4j/executor.js';
import type { GraphPlan, PlannedRelationship } from './plan.js';

/**
 * Cypher for writing a plan. Pure: labels and relationship types are spliced into the text only
 * after they are checked against the vocabulary; every value travels as a parameter.
 */
const ADD_CASE = `CASE WHEN $caseId IN coalesce(n.caseIds, []) THEN n.caseIds ELSE coalesce(n.caseIds, []) + $caseId END`;

/**
 * A node can be stated by several cases, each with its own passages. `sourceKeys` holds
 * "caseId|passageId" so one case's passages can be replaced without touching another's;
 * `passageIds` is the readable union.
 */
const OTHER_CASES_KEYS = `[k IN coalesce(n.sourceKeys, []) WHERE NOT k STARTS WITH $caseId + '|']`;
const PASSAGE_IDS_OF_KEYS = `[k IN keys | substring(k, size(split(k, '|')[0]) + 1)]`;

export function label(kind: string): string {
  if (!(NODE_KINDS as readonly string[]).includes(kind)) throw new Error(`not a node kind: ${kind}`);
  return kind;
}

export function relationshipType(type: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`not a relationship type: ${type}`);
  return type;
}

/**
 * Each loaded case has a manifest node listing what its last load wrote. Merging it first takes
 * a lock on it, so concurrent loads of one case run one after another.
 */
export function lockCase(caseId: string): CypherQuery {
  return {
    text: `MERGE (m:CaseManifest {caseId: $caseId})
           RETURN coalesce(m.nodeIds, []) AS nodeIds, coalesce(m.passageIds, []) AS passageIds,
                  coalesce(m.relKeys, []) AS relKeys`,
    params: { caseId },
  };
}

/** Nodes of any kinds in one statement: the kind label is a parameter (Cypher 5.26 dynamic labels). */
export function upsertNodes(caseId: string, rows: { kind: NodeKind; props: Record<string, unknown> }[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MERGE (n:Entity {id: row.props.id})
           WITH n, row, ${OTHER_CASES_KEYS} + [p IN row.props.passageIds | $caseId + '|' + p] AS keys
           SET n:$(row.kind), n += row.props, n.sourceKeys = keys, n.passageIds = ${PASSAGE_IDS_OF_KEYS},
               n.caseIds = ${ADD_CASE}
           RETURN count(n) AS written`,
    params: { caseId, rows: rows.map((r) => ({ kind: label(r.kind), props: r.props })) },
  };
}

export function upsertPassages(caseId: string, rows: Record<string, unknown>[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MATCH (d:SourceDocument {id: row.documentId})
           MERGE (n:Passage {id: row.id})
           SET n += row, n.caseIds = ${ADD_CASE}
           MERGE (n)-[:${PASSAGE_TYPE}]->(d)
           RETURN count(n) AS written`,
    params: { caseId, rows },
  };
}

/**
 * Write-locks the existing nodes a load will touch, in id order, before anything else: loads of
 * different cases that share entities then take their locks in one order and cannot deadlock.
 */
export function lockNodes(ids: string[]): CypherQuery {
  return {
    text: `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           SET n._lock = true REMOVE n._lock
           RETURN count(n) AS written`,
    params: { ids: [...ids].sort() },
  };
}

/** Adds this case's names and sources to entities of other cases that it declares sameAs. */
export function upsertAliases(caseId: string, rows: { id: string; aliases: string[]; passageIds: string[] }[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           WITH n, row, ${OTHER_CASES_KEYS} + [p IN row.passageIds | $caseId + '|' + p] AS keys
           SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END),
               n.sourceKeys = keys, n.passageIds = ${PASSAGE_IDS_OF_KEYS}, n.caseIds = ${ADD_CASE}
           RETURN count(n) AS written`,
    params: { caseId, rows },
  };
}

/** Marks nodes of other cases that this case refers to, so they outlive the case that made them. */
export function touchExternal(caseId: string, ids: string[]): CypherQuery {
  return {
    text: `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           SET n.caseIds = ${ADD_CASE}
           RETURN count(n) AS written`,
    params: { caseId, ids },
  };
}

/** Relationships of any types in one statement: the type is a parameter (Cypher 5.26 dynamic types). */
export function upsertRelationships(rows: PlannedRelationship[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MATCH (a:Entity {id: row.from})
           MATCH (b:Entity {id: row.to})
           MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
           SET r += row.props
           RETURN count(r) AS written`,
    params: { rows: rows.map(({ type, id, from, to, props }) => ({ type: relationshipType(type), id, from, to, props })) },
  };
}

export function deleteRelationships(keys: RelKey[]): CypherQuery {
  return {
    text: `UNWIND $keys AS key
           MATCH (a:Entity {id: key.from})-[r]->(b)
           WHERE r.id = key.id AND type(r) = key.type AND b.id = key.to
           DELETE r
           RETURN count(*) AS removed`,
    params: { keys },
  };
}

/** Drops this case from nodes it no longer states; deletes those no case states any more. */
export function releaseNodes(caseId: string, labelName: 'Entity' | 'Passage', ids: string[]): CypherQuery {
  return {
    text: `UNWIND $ids AS id
           MATCH (n:${labelName} {id: id})
           WITH n, ${OTHER_CASES_KEYS} AS keys
           SET n.caseIds = [x IN coalesce(n.caseIds, []) WHERE x <> $caseId], n.sourceKeys = keys,
               n.passageIds = CASE WHEN n:Passage THEN null ELSE ${PASSAGE_IDS_OF_KEYS} END
           WITH n WHERE size(n.caseIds) = 0
           DETACH DELETE n
           RETURN count(*) AS removed`,
    params: { caseId, ids },
  };
}

export function saveManifest(plan: GraphPlan, relKeys: string[], sourceHash: string | null): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest {caseId: $caseId})
           SET m.nodeIds = $nodeIds, m.passageIds = $passageIds, m.relKeys = $relKeys, m.sourceHash = $sourceHash,
               m.externalIds = $externalIds`,
    params: {
      caseId: plan.caseId,
      sourceHash,
      nodeIds: [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds],
      passageIds: plan.passages.map((p) => p.id),
      externalIds: plan.externalIds,
      relKeys,
    },
  };
}

/** A relationship's identity: type, both ends and id (an id kept while its target changes is another edge). */
export interface RelKey {
  type: string;
  from: string;
  to: string;
  id: string;
}

export function relKey(r: RelKey): string {
  return JSON.stringify([r.type, r.from, r.id, r.to]);
}

export function parseRelKey(key: string): RelKey {
  const [type, from, id, to] = JSON.parse(key) as [string, string, string, string];
  return { type, from, id, to };
}

/** Current state of the nodes and relationships a load would touch, for a dry run's report. */
export function existingNodes(ids: string[]): CypherQuery {
  return {
    text: `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           RETURN n.id AS id, n.kind AS kind, properties(n) AS props`,
    params: { ids },
  };
}

export function existingRelationships(keys: RelKey[]): CypherQuery {
  return {
    text: `UNWIND $keys AS key
           MATCH (a:Entity {id: key.from})-[r]->(b:Entity {id: key.to})
           WHERE r.id = key.id AND type(r) = key.type
           RETURN key, properties(r) AS props`,
    params: { keys },
  };
}

export function existingPassages(ids: string[]): CypherQuery {
  return { text: 'UNWIND $ids AS id MATCH (p:Passage {id: id}) RETURN p.id AS id', params: { ids } };
}

export function readManifest(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest {caseId: $caseId})
           RETURN m.nodeIds AS nodeIds, m.passageIds AS passageIds, m.relKeys AS relKeys,
                  coalesce(m.externalIds, []) AS externalIds, m.sourceHash AS sourceHash`,
    params: { caseId },
  };
}


/** The case whose last load came from files with this hash, if any. */
export function caseLoadedFrom(sourceHash: string): CypherQuery {
  return { text: 'MATCH (m:CaseManifest {sourceHash: $sourceHash}) RETURN m.caseId AS caseId', params: { sourceHash } };
}

export function lookupNodes(ids: string[]): CypherQuery {
  return {
    text: `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           RETURN n.id AS id, n.kind AS kind, n.name AS name, n.caseIds AS caseIds,
                  CASE WHEN n:SourceDocument THEN n.text END AS text`,
    params: { ids },
  };
}
