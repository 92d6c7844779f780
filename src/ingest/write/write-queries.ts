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
 * Lists kept on every node and passage: `owners`, the contributions that state or refer to it
 * (it is deleted when none is left); `caseIds`, their cases (what reads use); `definers`, the
 * contributions that state its fields. A store written before contributions has only
 * `caseIds` (then the owners) and `fieldsFrom` (then the one definer).
 */
const OWNERS = `coalesce(n.owners, n.caseIds, [])`;
const DEFINERS = `coalesce(n.definers, CASE WHEN n.fieldsFrom IS NULL THEN [] ELSE [n.fieldsFrom] END)`;

/**
 * A node can be stated by several contributions, each with its own passages. `sourceKeys` holds
 * "contribution|passageId" so one contribution's passages can be replaced without touching
 * another's; `passageIds` is the readable union.
 */
const OTHER_KEYS = `[k IN coalesce(n.sourceKeys, []) WHERE NOT k STARTS WITH row.owner + '|']`;
const PASSAGE_IDS_OF_KEYS = `[k IN keys | substring(k, size(split(k, '|')[0]) + 1)]`;

/*
 * The statements a load runs that find nodes only by id are `plannedOnce` (planned-once.ts):
 * their plans are seeks on unique constraints whatever the statistics, so they keep the plan
 * they have however fast a load changes the statistics (stale re-planning was about a tenth of
 * Neo4j's CPU during a load, profiled), and whatever the number of rows. Statements that match
 * a relationship between two nodes are not: planned on an empty graph they scan every
 * relationship, and only re-planning on real statistics gives them Expand(Into).
 */

/** A node to write: every property it ends with (fields and bookkeeping lists), computed by the loader. */
export interface NodeRow {
  id: string;
  /** Its kind; null for a sameAs target (another case's entity this one adds names to). */
  kind: string | null;
  props: Record<string, unknown>;
}

/** What a node is now, as far as a contribution about to state it needs to know. */
export interface NodeState {
  id: string;
  /** Whether this contribution already defines it. */
  mine: boolean;
  definers: number;
  /** The one contribution that defines it, when there is exactly one. */
  sole: string | null;
  /** Up to three contributions of other cases that define it. */
  otherCases: string[];
  fieldOwners: string | null;
  props: Record<string, unknown>;
  /** Its bookkeeping lists as they are (see OWNERS, DEFINERS), from which the loader computes the new ones. */
  ownerList: string[];
  caseIds: string[];
  definerList: string[];
  sourceKeys: string[];
}

/** The nodes that exist among those some contributions are about to define. */
export function nodeStates(rows: { id: string; owner: string; caseId: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           WITH n, row, ${DEFINERS} AS definers
           RETURN row.id AS id, row.owner IN definers AS mine, size(definers) AS definers,
                  CASE WHEN size(definers) = 1 THEN definers[0] END AS sole,
                  [d IN definers WHERE NOT (d = row.caseId OR d STARTS WITH row.caseId + '#')][0..3] AS otherCases,
                  n.fieldOwners AS fieldOwners, ${OWNERS} AS ownerList, coalesce(n.caseIds, []) AS caseIds,
                  definers AS definerList, coalesce(n.sourceKeys, []) AS sourceKeys,
                  n {.*, owners: null, definers: null, caseIds: null, sourceKeys: null, passageIds: null, fieldOwners: null, fieldsFrom: null} AS props`,
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
 * A node no contribution stated before: its fields (`passageIds` included) and the contribution
 * stating it, from which its bookkeeping lists follow (`owners` and `definers` that contribution,
 * `caseIds` its case, `sourceKeys` "contribution|passage id" per passage).
 */
export interface NewNodeRow {
  kind: string;
  props: Record<string, unknown>;
  by: Contribution;
}

/**
 * New nodes, any kinds in one statement (the kind label is a parameter, Cypher 5.26 dynamic
 * labels); a node another transaction created meanwhile fails the unique constraint (the write
 * is then planned again). Every property is one map, set at once: a second SET item after
 * `SET n = map` costs an Eager step (the planner cannot tell a parameter's map from a node).
 * The one Eager left, before the CREATE, comes with the dynamic label (a static one has none).
 */
export function createNodes(rows: NewNodeRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           WITH row, $contributions[row.c] AS c, row.props AS p
           WITH row.kind AS kind, p {.*, owners: [c.owner], definers: [c.owner], caseIds: [c.caseId],
                                     sourceKeys: [k IN p.passageIds | c.owner + '|' + k]} AS props
           CREATE (n:Entity:$(kind))
           SET n = props
           RETURN count(n) AS written`,
    byContribution(rows, (r, c) => ({ kind: label(r.kind as NodeKind), c, props: withoutNulls(r.props) })),
  );
}

/**
 * Nodes that exist: their fields and bookkeeping lists as the loader computed them from what it
 * read under the nodes' locks (null fields are removed). `kind` null: a sameAs target, whose
 * label stays.
 */
export function updateNodes(rows: NodeRow[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           FOREACH (kind IN CASE WHEN row.kind IS NULL THEN [] ELSE [row.kind] END | SET n:$(kind))
           SET n += row.props
           RETURN count(n) AS written`,
    { rows: rows.map((r) => ({ id: r.id, kind: r.kind === null ? null : label(r.kind as NodeKind), props: r.props })) },
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
 * Marks nodes of other cases that these contributions refer to, so they outlive the case that
 * made them. One row per node, with every contribution (and case) of the batch that refers to
 * it, in order and without repeats: a node many cases refer to (a judge, a court) has its lists
 * rewritten once per statement, not once per case.
 */
export function touchExternal(rows: { id: string; owners: string[]; caseIds: string[] }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:Entity {id: row.id})
           WITH n, row, ${OWNERS} AS owners, coalesce(n.caseIds, []) AS caseIds
           SET n.owners = owners + [o IN row.owners WHERE NOT o IN owners],
               n.caseIds = caseIds + [c IN row.caseIds WHERE NOT c IN caseIds]
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
 * Drops a contribution from nodes it no longer states; deletes those nobody states any more;
 * returns how many it deleted per contribution, and the nodes whose fields it defined that
 * other contributions still define (their fields are then recomputed from those).
 */
export function releaseNodes(labelName: 'Entity' | 'Passage', rows: { id: string; owner: string; caseId: string }[]): CypherQuery {
  return plannedOnce(
    `UNWIND $rows AS row
           MATCH (n:${labelName} {id: row.id})
           WITH n, row, ${OTHER_KEYS} AS keys, [o IN ${OWNERS} WHERE o <> row.owner] AS owners, ${DEFINERS} AS definers
           SET n.owners = owners, n.sourceKeys = keys,
               n.caseIds = [c IN coalesce(n.caseIds, []) WHERE c <> row.caseId OR any(o IN owners WHERE o = c OR o STARTS WITH c + '#')],
               n.passageIds = CASE WHEN n:Passage THEN null ELSE ${PASSAGE_IDS_OF_KEYS} END,
               n.definers = CASE WHEN n:Passage THEN null ELSE [d IN definers WHERE d <> row.owner] END
           WITH n, row, size(owners) = 0 AS gone, row.owner IN definers AND size(definers) > 1 AS recompute,
                [d IN definers WHERE d <> row.owner] AS rest
           FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DETACH DELETE n)
           RETURN row.owner AS owner, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed,
                  [k IN collect(CASE WHEN recompute AND NOT gone THEN {id: row.id, owners: rest} END) WHERE k IS NOT NULL] AS kept`,
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

/** Current state of the nodes and relationships a load would touch, for a dry run's report. */
export function existingNodes(ids: string[]): CypherQuery {
  return plannedOnce(
    `UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           RETURN n.id AS id, n.kind AS kind, properties(n) AS props`,
    { ids },
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
           RETURN n.id AS id, n.kind AS kind, n.name AS name, n.caseIds AS caseIds,
                  CASE WHEN n:SourceDocument THEN n.text END AS text`,
    { ids },
  );
}

export * from './manifest.js';
