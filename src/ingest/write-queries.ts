import { label, NODE_KINDS, PASSAGE_TYPE, relationshipType, type NodeKind } from '../model/kinds.js';
import type { CypherQuery } from '../neo4j/executor.js';
import type { GraphPlan, PlannedAlias, PlannedPassage, PlannedRelationship } from './plan.js';

/**
 * Cypher for writing plans, one or many cases per statement: every row carries its `caseId`.
 * Pure: labels and relationship types are spliced into the text only after they are checked
 * against the vocabulary; every value travels as a parameter.
 */
const ADD_CASE = `CASE WHEN row.caseId IN coalesce(n.caseIds, []) THEN n.caseIds ELSE coalesce(n.caseIds, []) + row.caseId END`;

/**
 * A node can be stated by several cases, each with its own passages. `sourceKeys` holds
 * "caseId|passageId" so one case's passages can be replaced without touching another's;
 * `passageIds` is the readable union.
 */
const OTHER_CASES_KEYS = `[k IN coalesce(n.sourceKeys, []) WHERE NOT k STARTS WITH row.caseId + '|']`;
const PASSAGE_IDS_OF_KEYS = `[k IN keys | substring(k, size(split(k, '|')[0]) + 1)]`;

/**
 * Prefix of the statements a load runs that find nodes only by id. Their plans are seeks on
 * unique constraints, whatever the statistics (even planned on an empty graph), but a bulk load
 * changes the statistics so fast that Neo4j would keep re-planning them as stale (about a tenth
 * of its CPU during a load, profiled). Statements that match a relationship between two nodes
 * do not get it: planned on an empty graph they scan every relationship, and only re-planning
 * on real statistics gives them Expand(Into).
 */
const KEEP_PLAN = 'CYPHER replan=skip';

/**
 * Each loaded case has a manifest node listing what its last load wrote. Merging it first takes
 * a lock on it, so concurrent loads of one case run one after another. Ids in sorted order, so
 * loads of several cases each take these locks in one order.
 */
export function lockCases(caseIds: string[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $caseIds AS caseId
           MERGE (m:CaseManifest {caseId: caseId})
           RETURN caseId, m.nodeIds IS NOT NULL AS existed, coalesce(m.nodeIds, []) AS nodeIds,
                  coalesce(m.passageIds, []) AS passageIds, coalesce(m.relKeys, []) AS relKeys`,
    params: { caseIds: [...caseIds].sort() },
  };
}

export interface NodeRow {
  caseId: string;
  kind: NodeKind;
  props: Record<string, unknown>;
}

/**
 * Whether a case's row sets a node's fields. Several cases may define one node; its fields are
 * those of the case with the smallest id among the cases that state it (`fieldsFrom`), so they
 * do not depend on the order the cases were loaded in. A case no longer stating the node gives
 * way to the next one that loads.
 */
export const SETS_FIELDS = `(n.fieldsFrom IS NULL OR n.fieldsFrom >= row.caseId OR NOT n.fieldsFrom IN coalesce(n.caseIds, []))`;

/**
 * Nodes of any kinds in one statement: the kind label is a parameter (Cypher 5.26 dynamic
 * labels; measured no slower than one statement per kind). A node appears in at most one row.
 */
export function upsertNodes(rows: NodeRow[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MERGE (n:Entity {id: row.props.id})
           WITH n, row, ${OTHER_CASES_KEYS} + [p IN row.props.passageIds | row.caseId + '|' + p] AS keys, ${SETS_FIELDS} AS sets
           FOREACH (_ IN CASE WHEN sets THEN [1] ELSE [] END | SET n += row.props, n.fieldsFrom = row.caseId)
           SET n:$(row.kind), n.sourceKeys = keys, n.passageIds = ${PASSAGE_IDS_OF_KEYS},
               n.caseIds = ${ADD_CASE}
           RETURN count(n) AS written`,
    params: { rows: rows.map((r) => ({ caseId: r.caseId, kind: label(r.kind), props: r.props })) },
  };
}

/** Passages with their QUOTED_FROM relationship to the document; a passage appears in at most one row. */
export function upsertPassages(rows: { caseId: string; passage: PlannedPassage }[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (d:SourceDocument {id: row.passage.documentId})
           MERGE (n:Passage {id: row.passage.id})
           SET n += row.passage, n.caseIds = ${ADD_CASE}
           MERGE (n)-[:${PASSAGE_TYPE}]->(d)
           RETURN count(n) AS written`,
    params: { rows },
  };
}

/**
 * Write-locks the existing nodes a load will touch, in id order, before anything else: loads of
 * different cases that share entities then take their locks in one order and cannot deadlock.
 */
export function lockNodes(ids: string[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           SET n._lock = true REMOVE n._lock
           RETURN count(n) AS written`,
    params: { ids: [...ids].sort() },
  };
}

/** Adds a case's names and sources to an entity of another case that it declares sameAs. */
export function upsertAliases(rows: ({ caseId: string } & PlannedAlias)[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           WITH n, row, ${OTHER_CASES_KEYS} + [p IN row.passageIds | row.caseId + '|' + p] AS keys
           SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END),
               n.sourceKeys = keys, n.passageIds = ${PASSAGE_IDS_OF_KEYS}, n.caseIds = ${ADD_CASE}
           RETURN count(n) AS written`,
    params: { rows },
  };
}

/**
 * Marks nodes of other cases that these cases refer to, so they outlive the case that made
 * them. One row per node with every case of the batch that refers to it.
 */
export function touchExternal(rows: { id: string; caseIds: string[] }[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           SET n.caseIds = coalesce(n.caseIds, []) + [c IN row.caseIds WHERE NOT c IN coalesce(n.caseIds, [])]
           RETURN count(n) AS written`,
    params: { rows },
  };
}

/**
 * Relationships of any types in one statement: the type is a parameter (Cypher 5.26 dynamic
 * types). `create` is for cases never loaded before: a relationship's id starts with its case's
 * id, so none of theirs can exist yet, and CREATE skips MERGE's search between the two ends.
 */
export function upsertRelationships(rows: PlannedRelationship[], create = false): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (a:Entity {id: row.from})
           MATCH (b:Entity {id: row.to})
           ${create ? 'CREATE' : 'MERGE'} (a)-[r:$(row.type) {id: row.id}]->(b)
           SET r += row.props
           RETURN count(r) AS written`,
    params: { rows: rows.map(({ type, id, from, to, props }) => ({ type: relationshipType(type), id, from, to, props })) },
  };
}

/** A relationship a case's previous load wrote and this one no longer states. */
export type StaleRelationship = RelKey & { caseId: string };

/**
 * Deletes relationships; returns how many per case. Both ends are found by id first (the index
 * hints), so Neo4j looks between them from the end with fewer relationships (a shared judge
 * gathers thousands) instead of through all of one.
 */
export function deleteRelationships(rows: StaleRelationship[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
           USING INDEX a:Entity(id) USING INDEX b:Entity(id)
           WHERE r.id = row.id AND type(r) = row.type
           DELETE r
           RETURN row.caseId AS caseId, count(*) AS removed`,
    params: { rows },
  };
}

/** Drops a case from nodes it no longer states; deletes those no case states any more; returns how many per case. */
export function releaseNodes(labelName: 'Entity' | 'Passage', rows: { id: string; caseId: string }[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (n:${labelName} {id: row.id})
           WITH n, row, ${OTHER_CASES_KEYS} AS keys
           SET n.caseIds = [x IN coalesce(n.caseIds, []) WHERE x <> row.caseId], n.sourceKeys = keys,
               n.passageIds = CASE WHEN n:Passage THEN null ELSE ${PASSAGE_IDS_OF_KEYS} END
           WITH n, row WHERE size(n.caseIds) = 0
           DETACH DELETE n
           RETURN row.caseId AS caseId, count(*) AS removed`,
    params: { rows },
  };
}

/** What a case's load wrote, for the next load of the same case to remove what it no longer states. */
export interface ManifestRow {
  caseId: string;
  nodeIds: string[];
  passageIds: string[];
  relKeys: string[];
  externalIds: string[];
  sourceHash: string | null;
}

export function manifestOf(plan: GraphPlan, sourceHash: string | null): ManifestRow {
  return {
    caseId: plan.caseId,
    sourceHash,
    nodeIds: [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds],
    passageIds: plan.passages.map((p) => p.id),
    externalIds: plan.externalIds,
    relKeys: plan.relationships.map(relKey),
  };
}

export function saveManifests(rows: ManifestRow[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (m:CaseManifest {caseId: row.caseId})
           SET m.nodeIds = row.nodeIds, m.passageIds = row.passageIds, m.relKeys = row.relKeys,
               m.sourceHash = row.sourceHash, m.externalIds = row.externalIds
           RETURN count(m) AS written`,
    params: { rows },
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
    text: `${KEEP_PLAN}
           UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           RETURN n.id AS id, n.kind AS kind, properties(n) AS props`,
    params: { ids },
  };
}

/**
 * The relationships with these keys that exist. WITH DISTINCT is a real horizon: the second
 * MATCH starts from both ends (Expand(Into)), not through every relationship of one end.
 */
export function existingRelationships(keys: RelKey[]): CypherQuery {
  return {
    text: `UNWIND $keys AS key
           MATCH (a:Entity {id: key.from}), (b:Entity {id: key.to})
           WITH DISTINCT key, a, b
           MATCH (a)-[r]->(b)
           WHERE r.id = key.id AND type(r) = key.type
           RETURN key, properties(r) AS props`,
    params: { keys },
  };
}

export function existingPassages(ids: string[]): CypherQuery {
  return { text: `${KEEP_PLAN} UNWIND $ids AS id MATCH (p:Passage {id: id}) RETURN p.id AS id`, params: { ids } };
}

export function readManifests(caseIds: string[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $caseIds AS caseId
           MATCH (m:CaseManifest {caseId: caseId})
           RETURN caseId, m.nodeIds AS nodeIds, m.passageIds AS passageIds, m.relKeys AS relKeys,
                  coalesce(m.externalIds, []) AS externalIds, m.sourceHash AS sourceHash`,
    params: { caseIds },
  };
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
    text: `${KEEP_PLAN}
           UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           RETURN n.id AS id, n.kind AS kind, n.name AS name, n.caseIds AS caseIds,
                  CASE WHEN n:SourceDocument THEN n.text END AS text`,
    params: { ids },
  };
}
