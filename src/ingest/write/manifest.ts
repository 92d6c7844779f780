import type { CypherQuery } from '../../neo4j/executor.js';
import { contributionOf, type GraphPlan } from '../casefile/plan.js';
import { storedStatement } from './merge.js';

/**
 * The CaseManifest: one node per contribution (a loaded file or record; its id is the case id
 * or `<case id>#<key>`, kept in the property `caseId`), saying what its last load wrote, so the
 * next load of it removes what it no longer states, and its own statement of every node and
 * relationship it defines, so removing another contribution can recompute fields from those
 * that remain. `sourceHash` lets an unchanged file be skipped unread. This module owns its one
 * shape and every statement that reads or writes it; the offline import writes the same rows.
 */
export interface Manifest {
  /** The contribution's id (the property keeps its first name, `caseId`). */
  caseId: string;
  case: string;
  nodeIds: string[];
  passageIds: string[];
  relKeys: string[];
  externalIds: string[];
  sourceHash: string | null;
  /** Ids of the nodes it defines, parallel to `statements` (JSON of its fields, without a text). */
  definedIds: string[];
  statements: string[];
  /** JSON of its fields of each relationship, parallel to `relKeys`. */
  relStatements: string[];
  /** Nodes, relationships and passages it states (what a skipped reload counts). */
  elements: number;
}

/** The manifest as a write saves it. */
export type ManifestRow = Manifest;

/** What a contribution's last load wrote, as its manifest says (empty when it was never loaded). */
export type PreviousLoad = Pick<Manifest, 'nodeIds' | 'passageIds' | 'relKeys'> & { existed: boolean };

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


/** What a contribution's load wrote, and its statements, for its manifest. Pure. */
export function manifestOf(plan: GraphPlan, sourceHash: string | null): Manifest {
  return {
    caseId: contributionOf(plan),
    case: plan.caseId,
    sourceHash,
    nodeIds: [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds],
    passageIds: plan.passages.map((p) => p.id),
    externalIds: plan.externalIds,
    relKeys: plan.relationships.map(relKey),
    definedIds: [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id)],
    statements: [...plan.nodes.map((n) => JSON.stringify(storedStatement(n.props))), ...plan.aliases.map((a) => JSON.stringify({ aliases: a.aliases }))],
    relStatements: plan.relationships.map((r) => JSON.stringify(r.props)),
    elements: plan.nodes.length + plan.relationships.length + plan.passages.length,
  };
}

const KEEP_PLAN = 'CYPHER replan=skip';
const DEFINERS = `coalesce(n.definers, CASE WHEN n.fieldsFrom IS NULL THEN [] ELSE [n.fieldsFrom] END)`;

/** Deletes the manifests of contributions whose facts were all released. */
export function deleteManifests(owners: string[]): CypherQuery {
  return { text: 'UNWIND $owners AS owner MATCH (m:CaseManifest {caseId: owner}) DELETE m', params: { owners } };
}

/**
 * Each loaded contribution has a manifest node listing what its last load wrote, and its
 * statement of every node and relationship it defines (so that removing another contribution
 * can recompute fields from those that remain). Merging it first takes a lock on it, so
 * concurrent loads of one contribution run one after another. Ids in sorted order, so loads of
 * several take these locks in one order. `siblings`: whether other contributions of the same
 * case are in the graph (then its relationships may already exist).
 */
export function lockCases(owners: string[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $owners AS owner
           MERGE (m:CaseManifest {caseId: owner})
           WITH owner, m, CASE WHEN owner CONTAINS '#' THEN split(owner, '#')[0] ELSE owner END AS caseId
           CALL (caseId, owner) {
             MATCH (o:CaseManifest) WHERE o.caseId STARTS WITH caseId + '#' AND o.caseId <> owner AND o.nodeIds IS NOT NULL
             RETURN count(o) AS keyed
           }
           CALL (caseId, owner) {
             MATCH (o:CaseManifest {caseId: caseId}) WHERE owner <> caseId AND o.nodeIds IS NOT NULL
             RETURN count(o) AS plain
           }
           RETURN owner, m.nodeIds IS NOT NULL AS existed, coalesce(m.nodeIds, []) AS nodeIds,
                  coalesce(m.passageIds, []) AS passageIds, coalesce(m.relKeys, []) AS relKeys,
                  coalesce(m.definedIds, []) AS definedIds, coalesce(m.statements, []) AS statements,
                  coalesce(m.relStatements, []) AS relStatements, keyed + plain > 0 AS siblings`,
    params: { owners: [...owners].sort() },
  };
}

/** The manifests of every contribution of a case (for deleting the case). */
export function contributionsOf(caseId: string): CypherQuery {
  return {
    text: `MATCH (m:CaseManifest) WHERE (m.caseId = $caseId OR m.caseId STARTS WITH $caseId + '#') AND m.nodeIds IS NOT NULL
           RETURN m.caseId AS owner ORDER BY owner`,
    params: { caseId },
  };
}

/**
 * The statements the contributions that define some nodes made of them (from their manifests),
 * leaving out one contribution (`exclude`). One row per node and contribution.
 */
export function nodeStatements(rows: { id: string; exclude: string }[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           UNWIND [d IN ${DEFINERS} WHERE d <> row.exclude] AS owner
           MATCH (m:CaseManifest {caseId: owner})
           WITH row, owner, m, [i IN range(0, size(coalesce(m.definedIds, [])) - 1) WHERE m.definedIds[i] = row.id] AS at
           WHERE size(at) > 0
           RETURN row.id AS id, owner, m.statements[at[0]] AS statement`,
    params: { rows },
  };
}

/** The same for relationships (by their key). */
export function relationshipStatements(rows: { key: string; owners: string[] }[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           UNWIND row.owners AS owner
           MATCH (m:CaseManifest {caseId: owner})
           WITH row, owner, m, [i IN range(0, size(coalesce(m.relKeys, [])) - 1) WHERE m.relKeys[i] = row.key] AS at
           WHERE size(at) > 0 AND size(coalesce(m.relStatements, [])) > at[0]
           RETURN row.key AS key, owner, m.relStatements[at[0]] AS statement`,
    params: { rows },
  };
}

export function saveManifests(rows: ManifestRow[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $rows AS row
           MATCH (m:CaseManifest {caseId: row.caseId})
           SET m.case = row.case, m.sourceHash = row.sourceHash, m.nodeIds = row.nodeIds, m.passageIds = row.passageIds,
               m.relKeys = row.relKeys, m.externalIds = row.externalIds, m.definedIds = row.definedIds,
               m.statements = row.statements, m.relStatements = row.relStatements, m.elements = row.elements
           RETURN count(m) AS written`,
    params: { rows },
  };
}

/** The manifests of some contributions (those loaded; others give no row). */
export function readManifests(owners: string[]): CypherQuery {
  return {
    text: `${KEEP_PLAN}
           UNWIND $owners AS owner
           MATCH (m:CaseManifest {caseId: owner}) WHERE m.nodeIds IS NOT NULL
           RETURN owner, m.nodeIds AS nodeIds, m.passageIds AS passageIds, m.relKeys AS relKeys,
                  coalesce(m.externalIds, []) AS externalIds, m.sourceHash AS sourceHash,
                  coalesce(m.definedIds, []) AS definedIds, coalesce(m.statements, []) AS statements,
                  coalesce(m.relStatements, []) AS relStatements`,
    params: { owners },
  };
}


/** The contributions whose last load came from files with these hashes, and what they wrote. */
export function loadedHashes(hashes: string[]): CypherQuery {
  return {
    text: `UNWIND $hashes AS hash
           MATCH (m:CaseManifest {sourceHash: hash})
           RETURN hash, m.caseId AS caseId, coalesce(m.elements, 0) AS elements`,
    params: { hashes },
  };
}

/** The case whose last load came from files with this hash, if any. */
export function caseLoadedFrom(sourceHash: string): CypherQuery {
  return { text: 'MATCH (m:CaseManifest {sourceHash: $sourceHash}) RETURN m.caseId AS caseId', params: { sourceHash } };
}

