import DataLoader from 'dataloader';
import type { Executor } from '../neo4j/executor.js';
import { manyByIndex, oneByIndex } from '../graphql/batch.js';
import { nodesById, relatedNodes, relationshipsOf, type RelatedKey, type RelationshipKey } from './queries.js';
import type { NodeProps, RelationshipRow } from './types.js';

type Rows = ({ i: number } & Record<string, unknown>)[];

/** Per-request loaders for nodes and the relationships between them. */
export function createEntityLoaders(executor: Executor) {
  const nodes = new DataLoader<string, NodeProps | null>(async (ids) =>
    oneByIndex(await executor.read<Rows[number]>(nodesById(ids)), ids.length, (row) => row.node as NodeProps),
  );
  /** Nodes found through a relationship are primed, so asking for them again costs nothing. */
  const prime = (node: NodeProps) => {
    nodes.prime(node.id, node);
    return node;
  };
  const related = new DataLoader<RelatedKey, NodeProps[], string>(
    async (keys) =>
      manyByIndex(await executor.read<Rows[number]>(relatedNodes(keys)), keys.length, (row) => prime(row.node as NodeProps)),
    { cacheKeyFn: (key) => `${key.id}|${key.type}|${key.inbound}` },
  );
  const relationships = new DataLoader<RelationshipKey, RelationshipRow[], string>(
    async (keys) =>
      manyByIndex(await executor.read<Rows[number]>(relationshipsOf(keys)), keys.length, (row) => {
        prime(row.other as NodeProps);
        return row as unknown as RelationshipRow;
      }),
    { cacheKeyFn: (key) => `${key.id}|${key.direction}|${key.types?.join(',') ?? '*'}` },
  );
  return { nodes, related, relationships };
}

export type EntityLoaders = ReturnType<typeof createEntityLoaders>;
