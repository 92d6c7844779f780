import type { CypherQuery } from '../neo4j/executor.js';
import { label } from '../ingest/write-queries.js';
import type { NodeKind } from '../model/kinds.js';

/** Which relationships of a node to follow: type and whether it points into the node. */
export interface RelatedKey {
  id: string;
  type: string;
  inbound: boolean;
}

export type RelationshipDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

export interface RelationshipKey {
  id: string;
  direction: RelationshipDirection;
  types: string[] | null;
}

/** Node properties the API never shows (bookkeeping of the loader). */
const HIDDEN = ['sourceKeys'];
const node = (v: string) => `${v} {.*, ${HIDDEN.map((p) => `${p}: null`).join(', ')}}`;

/** Nodes by id; rows carry the key's position so results can be put back in key order. */
export function nodesById(ids: readonly string[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($ids) - 1) AS i
           MATCH (n:Entity {id: $ids[i]})
           RETURN i, ${node('n')} AS node`,
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
           RETURN i, ${node('m')} AS node
           ORDER BY i, m.seq, m.id`,
    params: { keys },
  };
}

/** For each key, the relationships of a node with both ends, optionally of some types only. */
export function relationshipsOf(keys: readonly RelationshipKey[]): CypherQuery {
  return {
    text: `UNWIND range(0, size($keys) - 1) AS i
           WITH i, $keys[i] AS key
           MATCH (n:Entity {id: key.id})
           CALL (n, key) {
             MATCH (n)-[r]->(m:Entity)
             WHERE key.direction IN ['OUTGOING', 'BOTH'] AND (key.types IS NULL OR type(r) IN key.types)
             RETURN r, m, 'OUTGOING' AS direction
             UNION ALL
             MATCH (n)<-[r]-(m:Entity)
             WHERE key.direction IN ['INCOMING', 'BOTH'] AND (key.types IS NULL OR type(r) IN key.types)
             RETURN r, m, 'INCOMING' AS direction
           }
           RETURN i, type(r) AS type, r {.*} AS props, direction, ${node('n')} AS self, ${node('m')} AS other
           ORDER BY i, type, r.id`,
    params: { keys },
  };
}

export function entitiesPage(kind: NodeKind | null, offset: number, limit: number): CypherQuery {
  const match = kind ? `MATCH (n:${label(kind)})` : 'MATCH (n:Entity)';
  return {
    text: `${match} RETURN ${node('n')} AS node ORDER BY n.kind, n.id SKIP $offset LIMIT $limit`,
    params: { offset, limit },
  };
}

export function countEntities(kind: NodeKind | null): CypherQuery {
  return { text: `MATCH (n:${kind ? label(kind) : 'Entity'}) RETURN count(n) AS total` };
}
