import type { CypherQuery } from '../neo4j/executor.js';
import { label } from '../model/kinds.js';
import type { NodeKind } from '../model/kinds.js';

/** Which relationships of a node to follow: type and whether it points into the node. */
export interface RelatedKey {
  id: string;
  type: string;
  inbound: boolean;
}

/**
 * Node properties left out of every node the service reads: the loader's bookkeeping. `caseIds`
 * grows with every case that refers to a node (a judge of the generated corpus is in a few
 * hundred at 10,000 cases), and every list item that touched a shared entity carried it, so
 * reads grew slower with the graph. `passageIds` stays: only files that cite a node add to it,
 * so it stays short, and `sources` reads it without another round trip.
 */
export const HIDDEN = ['sourceKeys', 'caseIds', 'fieldsFrom'];
/** A node's properties as the API shows them. */
export const nodeMap = (v: string) => `${v} {.*, ${HIDDEN.map((p) => `${p}: null`).join(', ')}}`;

/**
 * A relationship `r` between the parent `n` and `m`, seen from `n`: the shape of
 * RelationshipRow, which Relationship and Role resolve from.
 */
export const RELATIONSHIP_ITEM = `{type: type(r), props: r {.*}, direction: CASE WHEN startNode(r) = n THEN 'OUTGOING' ELSE 'INCOMING' END,
  self: ${nodeMap('n')}, other: ${nodeMap('m')}}`;

/** Nodes by id; rows carry the key's position so results can be put back in key order. */
export function nodesById(ids: readonly string[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($ids) - 1) AS i
           MATCH (n:Entity {id: $ids[i]})
           RETURN i, ${nodeMap('n')} AS node`,
    params: { ids },
  };
}

/** For each key, the nodes at the other end of relationships of one type and direction. */
export function relatedNodes(keys: readonly RelatedKey[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($keys) - 1) AS i
           WITH i, $keys[i] AS key
           MATCH (n:Entity {id: key.id})
           CALL (n, key) {
             MATCH (n)-[r]->(m:Entity) WHERE NOT key.inbound AND type(r) = key.type RETURN m
             UNION
             MATCH (n)<-[r]-(m:Entity) WHERE key.inbound AND type(r) = key.type RETURN m
           }
           RETURN i, ${nodeMap('m')} AS node
           ORDER BY i, m.seq, m.id`,
    params: { keys },
  };
}

/** Which entities `Query.entities` lists. */
export interface EntityFilter {
  kind: NodeKind | null;
  caseId: string | null;
}

/** In a case: its case files state or mention the entity (caseIds), or it holds a role in the case. */
function entityMatch(filter: EntityFilter): string {
  const match = `MATCH (n:${filter.kind ? label(filter.kind) : 'Entity'})`;
  return filter.caseId ? `${match} WHERE ($caseId IN coalesce(n.caseIds, []) OR (n)-[:HAS_ROLE]->(:Case {id: $caseId}))` : match;
}

export function entitiesPage(filter: EntityFilter, offset: number, limit: number): CypherQuery {
  return {
    text: `${entityMatch(filter)} RETURN ${nodeMap('n')} AS node ORDER BY n.kind, n.id SKIP $offset LIMIT $limit`,
    params: { offset, limit, caseId: filter.caseId },
  };
}

export function countEntities(filter: EntityFilter): CypherQuery {
  return { text: `${entityMatch(filter)} RETURN count(n) AS total`, params: { caseId: filter.caseId } };
}
