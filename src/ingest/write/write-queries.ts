import { label, PASSAGE_TYPE, relationshipType, type NodeKind } from '../../model/kinds.js';
import type { CypherQuery } from '../../neo4j/executor.js';
import type { RelKey } from './manifest.js';
import { plannedOnce } from './planned-once.js';

/**
 * Cypher for writing plans, one or many contributions per statement: every row carries its
 * contribution (`owner`) and case. Pure: labels and relationship types are spliced into the text
 * only after they are checked against the vocabulary; every value travels as a parameter.
 */
/**
 * Who states a node is kept as relationships, not lists on it: each contribution's CaseManifest
 * has one `(:CaseManifest)-[:STATES]->(n)` per node it defines, adds aliases to or refers to,
 * holding `defines` (whether its manifest keeps a statement of the node: its fields, or the
 * names a sameAs adds), `passageIds` (its passages for the node) and `hash` (of that statement). A node goes when its last STATES goes; its
 * owners are its STATES, its cases their manifests' `case`, its passages the union of their
 * `passageIds`. So a contribution's write of a node costs the same however many others state
 * it: nothing is read or rewritten per other contribution (a list of them would be).
 * Passages (whose owners are the few contributions quoting one span of a document) keep their
 * `owners` and `caseIds` lists: OWNERS reads them.
 */
const OWNERS = `coalesce(n.owners, n.caseIds, [])`;

export { STATES_TYPE } from '../../model/kinds.js';

/**
 * The definers of node `n` other than `row.owner`, read from its STATES, grouped by distinct
 * statement (`hash`; a STATES migrated from lists has none and stands for itself) as the node
 * keeps them (definers.ts): how many state it, the first in merge order, the smallest, and the
 * smallest of another case than the smallest's. Reads every STATES of the node: only for a
 * store written before nodes kept `definedBy`, and for removals of a definer an entry names.
 */
const DEFINER_SUMMARY = `CALL (n, row) {
             OPTIONAL MATCH (n)<-[s:STATES]-(o:CaseManifest) WHERE s.defines = true AND o.caseId <> row.owner
             WITH coalesce(s.hash, '#' + o.caseId) AS hash, o.caseId AS owner, split(o.caseId, '#')[0] AS c
             ORDER BY owner
             WITH hash, collect(CASE WHEN owner IS NULL THEN null ELSE {owner: owner, c: c} END) AS os
             WHERE size(os) > 0
             RETURN collect({hash: hash, count: size(os), first: coalesce(head([x IN os WHERE x.c = n.id]), os[0]).owner,
                             low: os[0].owner, low2: head([x IN os WHERE x.c <> os[0].c]).owner}) AS entries
           }`;

/*
 * The statements a load runs that find nodes only by id are `plannedOnce` (planned-once.ts):
 * their plans are seeks on unique constraints whatever the statistics, so they keep the plan
 * they have however fast a load changes the statistics (stale re-planning was about a tenth of
 * Neo4j's CPU during a load, profiled), and whatever the number of rows. Statements that match
 * a relationship between two nodes are not: planned on an empty graph they scan every
 * relationship, and only re-planning on real statistics gives them Expand(Into).
 */

/** A node to write: every field it ends with, computed by the loader, and what its contribution's STATES holds. */
export interface NodeRow {
  id: string;
  /** Its kind; null for a sameAs target (another case's entity this one adds names to). */
  kind: string | null;
  props: Record<string, unknown>;
  /** The contribution stating it. */
  owner: string;
  states: { defines: boolean; passageIds: string[]; hash: string };
}

/** One distinct statement of a node by its other definers (definers.ts). */
export interface OtherStatement {
  hash: string;
  /** The first contribution stating it in merge order. */
  owner: string;
  /** One contribution of another case stating it, if any. */
  ofOtherCase: string | null;
}

/** A node's definers as DEFINER_SUMMARY reads them from its STATES. */
export interface ScannedEntry {
  hash: string;
  count: number;
  first: string;
  low: string;
  low2: string | null;
}

/** What a node is now, as far as a contribution about to state it needs to know: read off the node, not its STATES. */
export interface NodeStateRow {
  id: string;
  /** Whether this contribution already defines it, and the hash of its statement then. */
  mine: boolean;
  mineHash: string | null;
  /** Its definers as the node keeps them (definers.ts); null in a store written before. */
  definedBy: string | null;
  /** Its other definers read from its STATES, only when it keeps no `definedBy`. */
  scanned: ScannedEntry[] | null;
  fieldOwners: string | null;
  props: Record<string, unknown>;
}

/**
 * The nodes that exist among those some contributions are about to define: their fields, their
 * definers as kept on them (`definedBy`) and this contribution's own STATES (found from the
 * node at a cost independent of how many others state it: one property, one Expand(Into)).
 */
export function nodeStates(rows: { id: string; owner: string; caseId: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           OPTIONAL MATCH (m:CaseManifest {caseId: row.owner})
           OPTIONAL MATCH (m)-[own:STATES]->(n)
           OPTIONAL CALL (n, row) {
             WITH n, row WHERE n.definedBy IS NULL
             ${DEFINER_SUMMARY}
             RETURN entries
           }
           RETURN row.id AS id, coalesce(own.defines, false) AS mine,
                  CASE WHEN own.defines THEN coalesce(own.hash, '#' + row.owner) END AS mineHash,
                  n.definedBy AS definedBy, entries AS scanned,
                  n.fieldOwners AS fieldOwners,
                  n {.*, owners: null, definers: null, caseIds: null, sourceKeys: null, passageIds: null, fieldOwners: null, fieldsFrom: null, definedBy: null} AS props`,
    { rows },
  );
}

/** The definers of some nodes other than a contribution, read from their STATES (DEFINER_SUMMARY). */
export function definerSummaries(rows: { id: string; owner: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           ${DEFINER_SUMMARY}
           RETURN row.id AS id, entries`,
    { rows },
  );
}

/** The contribution that states the new elements of a row: their bookkeeping lists follow from it. */
export interface Contribution {
  owner: string;
  caseId: string;
}

/**
 * What the create statements send: each contribution once, each row its index, and no null
 * value (`SET n = map` sets none), so a batch's parameters carry what the elements hold and
 * not the same case ids once per element. Pure.
 */
function byContribution<R extends { by: Contribution }, T>(rows: R[], row: (r: R, c: number) => T): { contributions: Contribution[]; rows: T[] } {
  const index = new Map<string, number>();
  const contributions: Contribution[] = [];
  const out = rows.map((r) => {
    let c = index.get(r.by.owner);
    if (c === undefined) {
      c = contributions.push({ owner: r.by.owner, caseId: r.by.caseId }) - 1;
      index.set(r.by.owner, c);
    }
    return row(r, c);
  });
  return { contributions, rows: out };
}

/** `props` without its null values (a created element holds none). Pure. */
export function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in props) if (props[key] !== null && props[key] !== undefined) out[key] = props[key];
  return out;
}

/**
 * A node no contribution stated before: its fields, and the contribution stating it with its
 * passages for the node and the hash of its statement (its STATES).
 */
export interface NewNodeRow {
  kind: string;
  props: Record<string, unknown>;
  by: Contribution;
  passageIds: string[];
  hash: string;
}

/**
 * New nodes, any kinds in one statement (the kind label is a parameter, Cypher 5.26 dynamic
 * labels), each with the STATES of the contribution defining it; a node another transaction
 * created meanwhile fails the unique constraint (the write is then planned again). Every
 * property is one map, set at once: a second SET item after `SET n = map` costs an Eager step
 * (the planner cannot tell a parameter's map from a node). The contribution's manifest exists:
 * lockCases made it.
 */
export function createNodes(rows: NewNodeRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           WITH row, $contributions[row.c] AS c
           MATCH (m:CaseManifest {caseId: c.owner})
           CREATE (n:Entity:$(row.kind))
           SET n = row.props
           CREATE (m)-[:STATES {defines: true, passageIds: row.passageIds, hash: row.hash}]->(n)
           RETURN count(n) AS written`,
    byContribution(rows, (r, c) => ({ kind: label(r.kind as NodeKind), c, props: withoutNulls(r.props), passageIds: r.passageIds, hash: r.hash })),
  );
}

/**
 * Nodes that exist: their fields as the loader computed them from what it read under the nodes'
 * locks (null fields are removed), and this contribution's STATES of each (`states`: defines,
 * passageIds, hash), made or replaced. `kind` null: a sameAs target, whose label stays.
 */
export function updateNodes(rows: NodeRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           MATCH (m:CaseManifest {caseId: row.owner})
           FOREACH (kind IN CASE WHEN row.kind IS NULL THEN [] ELSE [row.kind] END | SET n:$(kind))
           SET n += row.props
           MERGE (m)-[s:STATES]->(n)
           SET s = row.states
           RETURN count(n) AS written`,
    { rows: rows.map((r) => ({ id: r.id, owner: r.owner, kind: r.kind === null ? null : label(r.kind as NodeKind), props: r.props, states: r.states })) },
  );
}

/** A passage to write, with its owners and cases as they end (computed by the loader). */
export interface PassageRow {
  id: string;
  documentId: string;
  props: Record<string, unknown>;
}

/** A passage no contribution stated before; `owners` and `caseIds` follow from the contribution stating it. */
export interface NewPassageRow {
  props: Record<string, unknown>;
  by: Contribution;
}

/** New passages with their QUOTED_FROM relationship to the document; every property set as one map (see createNodes). */
export function createPassages(rows: NewPassageRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           WITH row, $contributions[row.c] AS c, row.props AS p
           WITH p {.*, owners: [c.owner], caseIds: [c.caseId]} AS props
           MATCH (d:SourceDocument {id: props.documentId})
           CREATE (n:Passage)
           SET n = props
           CREATE (n)-[:${PASSAGE_TYPE}]->(d)
           RETURN count(n) AS written`,
    byContribution(rows, (r, c) => ({ c, props: withoutNulls(r.props) })),
  );
}

/** Passages that exist (their QUOTED_FROM is there already): owners and cases as they end. */
export function updatePassages(rows: PassageRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Passage {id: row.id})
           SET n += row.props
           RETURN count(n) AS written`,
    { rows },
  );
}

/** Which of some passages exist, with their owners and cases. */
export function passageStates(ids: string[]): CypherQuery {
  return plannedOnce(
    `UNWIND $ids AS id
           MATCH (n:Passage {id: id})
           RETURN id, ${OWNERS} AS owners, coalesce(n.caseIds, []) AS caseIds`,
    { ids },
  );
}

/**
 * Write-locks the existing nodes a load will touch, in id order, before anything else: loads of
 * different cases that share entities then take their locks in one order and cannot deadlock.
 * Returns the ids of those that exist: the others can only be created by this write.
 */
export function lockNodes(ids: string[]): CypherQuery {
  return plannedOnce(
    `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           SET n._lock = true REMOVE n._lock
           RETURN n.id AS id`,
    { ids: [...ids].sort() },
  );
}

/**
 * Nodes of other cases that these contributions refer to: each gets a STATES from the
 * contribution (stating no fields and no passages; one it has already is left as it is), so it
 * outlives the case that made it. One relationship per contribution and node: a node many
 * cases refer to (a judge, a court) costs each of them the same.
 */
export function touchExternal(rows: { id: string; owner: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           MATCH (m:CaseManifest {caseId: row.owner})
           MERGE (m)-[s:STATES]->(n)
           ON CREATE SET s.defines = false, s.passageIds = []
           RETURN count(n) AS written`,
    { rows },
  );
}

/** A relationship to write: every property it ends with (fields, `owners`, `fieldOwners`), computed by the loader. */
export type RelationshipRow = RelKey & { props: Record<string, unknown> };

/**
 * A relationship no contribution stated before: its fields, and the contribution stating it
 * (its `owners`; its `caseId` unless the fields say another).
 */
export type NewRelationshipRow = RelKey & { props: Record<string, unknown>; by: Contribution };

/**
 * New relationships of any types in one statement (the type is a parameter, Cypher 5.26 dynamic
 * types): both ends found by id on their unique constraint, every property set as one map (see
 * createNodes). A row whose end is missing gives no relationship (the loader counts them).
 */
export function createRelationships(rows: NewRelationshipRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           WITH row, $contributions[row.c] AS c, row.props AS p
           WITH row.from AS from, row.to AS to, row.type AS type, p {.*, owners: [c.owner], caseId: coalesce(p.caseId, c.caseId)} AS props
           MATCH (a:Entity {id: from})
           MATCH (b:Entity {id: to})
           CREATE (a)-[r:$(type)]->(b)
           SET r = props
           RETURN count(r) AS written`,
    byContribution(rows, (r, c) => {
      const { caseId, ...props } = withoutNulls(r.props);
      return { type: relationshipType(r.type), from: r.from, to: r.to, c, props: caseId === r.by.caseId ? props : { ...props, caseId } };
    }),
  );
}

/** What a relationship is now, for a contribution of a case others also contribute to. */
export interface RelationshipState {
  key: RelKey;
  owners: string[];
  fieldOwners: string | null;
  props: Record<string, unknown>;
}

/** The relationships with these keys that exist, with who states them (one case's few contributions). */
export function relationshipStates(keys: RelKey[]): CypherQuery {
  return {
    text: `UNWIND $keys AS key
           MATCH (a:Entity {id: key.from}), (b:Entity {id: key.to})
           WITH DISTINCT key, a, b
           MATCH (a)-[r]->(b)
           WHERE r.id = key.id AND type(r) = key.type
           RETURN key, coalesce(r.owners, [r.caseId]) AS owners, r.fieldOwners AS fieldOwners,
                  r {.*, owners: null, fieldOwners: null} AS props`,
    params: { keys },
  };
}

/** A relationship a contribution's previous load wrote and this one no longer states. */
export type StaleRelationship = RelKey & { owner: string; caseId: string };

/**
 * Drops a contribution from relationships it no longer states and deletes those nobody states
 * any more; returns how many it deleted per contribution, and the keys of those that others
 * still state (their fields are then recomputed). Both ends are found by id first (the index
 * hints), so Neo4j looks between them from the end with fewer relationships (a shared judge
 * gathers thousands) instead of through all of one.
 */
export function releaseRelationships(rows: StaleRelationship[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
           USING INDEX a:Entity(id) USING INDEX b:Entity(id)
           WHERE r.id = row.id AND type(r) = row.type
           WITH r, row, [o IN coalesce(r.owners, [r.caseId]) WHERE o <> row.owner] AS rest
           SET r.owners = rest
           WITH r, row, rest, size(rest) = 0 AS gone
           FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DELETE r)
           RETURN row.owner AS owner, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed,
                  [k IN collect(CASE WHEN gone THEN null ELSE {key: row {.type, .from, .to, .id}, owners: rest} END) WHERE k IS NOT NULL] AS kept`,
    params: { rows },
  };
}

/**
 * Relationships that exist: fields and bookkeeping as the loader computed them (recomputed after
 * a release, or merged with another contribution's statement).
 */
export function updateRelationships(rows: RelationshipRow[]): CypherQuery {
  return {
    text: `UNWIND $rows AS row
           MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
           USING INDEX a:Entity(id) USING INDEX b:Entity(id)
           WHERE r.id = row.id AND type(r) = row.type
           SET r += row.props
           RETURN count(r) AS written`,
    params: { rows },
  };
}

/**
 * Deletes a contribution's STATES of nodes it no longer states, and the nodes nobody states any
 * more; returns how many it deleted per contribution, and the nodes whose fields it defined that
 * still stand, with the hash of the statement it withdrew and the definers the node keeps
 * (`definedBy`): from those the loader tells what stays (definers.ts, withoutDefiner) without
 * reading the node's other STATES, which only definerSummaries reads, when the node keeps none
 * or the contribution is a definer an entry names. Its own STATES is found from its manifest
 * (Expand(Into)), whatever the node's degree.
 */
export function releaseEntities(rows: { id: string; owner: string; caseId: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           OPTIONAL MATCH (m:CaseManifest {caseId: row.owner})
           OPTIONAL MATCH (m)-[mine:STATES]->(n)
           WITH n, row, collect(mine) AS mine
           WITH n, row, mine, [s IN mine WHERE s.defines = true | coalesce(s.hash, '#' + row.owner)] AS hashes
           FOREACH (s IN mine | DELETE s)
           WITH n, row, hashes, NOT EXISTS { (n)<-[:STATES]-() } AS gone
           WITH n, row, gone, CASE WHEN size(hashes) > 0 AND NOT gone THEN {id: row.id, hash: hashes[0], definedBy: n.definedBy} END AS kept
           FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DETACH DELETE n)
           RETURN row.owner AS owner, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed, collect(kept) AS kept`,
    { rows },
  );
}

/** A node a contribution stopped defining that others still state (releaseEntities). */
export interface ReleasedNode {
  id: string;
  /** The hash of the statement the contribution withdrew. */
  hash: string;
  /** What the node kept of its definers before (definers.ts); null in a store written before. */
  definedBy: string | null;
}

/**
 * Drops a contribution from passages it no longer quotes (their `owners` and `caseIds`) and
 * deletes those nobody quotes any more; returns how many it deleted per contribution.
 */
export function releasePassages(rows: { id: string; owner: string; caseId: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Passage {id: row.id})
           WITH n, row, [o IN ${OWNERS} WHERE o <> row.owner] AS owners
           SET n.owners = owners,
               n.caseIds = [c IN coalesce(n.caseIds, []) WHERE c <> row.caseId OR any(o IN owners WHERE o = c OR o STARTS WITH c + '#')]
           WITH n, row, size(owners) = 0 AS gone
           FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DETACH DELETE n)
           RETURN row.owner AS owner, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed`,
    { rows },
  );
}

/** Sets the definers kept on nodes (`definedBy`, definers.ts), after a removal read them from the STATES. */
export function setDefinedBy(rows: { id: string; definedBy: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           SET n.definedBy = row.definedBy
           RETURN count(n) AS written`,
    { rows },
  );
}

/** Sets recomputed fields on nodes others still define; `clear` fields are set to null first. */
export function setNodeFields(rows: { id: string; props: Record<string, unknown>; fieldOwners: string | null }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           SET n += row.props, n.fieldOwners = row.fieldOwners
           RETURN count(n) AS written`,
    { rows },
  );
}

/** The current fields of some nodes (bookkeeping left out), to recompute them. */
export function nodeFields(ids: string[]): CypherQuery {
  return plannedOnce(
    `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           RETURN n.id AS id, keys(n) AS fields`,
    { ids },
  );
}

/**
 * Current state of the nodes a load would touch, for a dry run's report: their properties, and
 * what the given contributions' STATES of each say (found from the contributions' side).
 */
export function existingNodes(rows: { id: string; owners: string[] }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           RETURN n.id AS id, n.kind AS kind, properties(n) AS props,
                  COLLECT { UNWIND row.owners AS owner
                            MATCH (:CaseManifest {caseId: owner})-[s:STATES]->(n)
                            RETURN {owner: owner, defines: s.defines, passageIds: s.passageIds} } AS stated`,
    { rows },
  );
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
  return plannedOnce(`UNWIND $ids AS id MATCH (p:Passage {id: id}) RETURN p.id AS id`, { ids });
}

export function lookupNodes(ids: string[]): CypherQuery {
  return plannedOnce(
    `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           RETURN n.id AS id, n.kind AS kind, n.name AS name,
                  CASE WHEN n:SourceDocument THEN COLLECT { MATCH (n)<-[:STATES]-(m:CaseManifest) RETURN DISTINCT m.case AS c ORDER BY c } END AS caseIds,
                  CASE WHEN n:SourceDocument THEN n.text END AS text`,
    { ids },
  );
}

export * from './manifest.js';
