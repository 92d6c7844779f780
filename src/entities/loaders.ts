import DataLoader from 'dataloader';
import type { Executor } from '../neo4j/executor.js';
import { manyByIndex, oneByIndex } from '../graphql/batch.js';
import type { LoaderOptions } from '../graphql/connection-loaders.js';
import { nodesById, relatedNodes, type RelatedKey } from './queries.js';
import type { NodeProps } from './types.js';

type Rows = ({ i: number } & Record<string, unknown>)[];

/** Per-request loaders for nodes by id and for the single references between them (Act.actor…). */
export function createEntityLoaders(executor: Executor, options: LoaderOptions = {}) {
  const batch = options.batch ?? true;
  const nodes = new DataLoader<string, NodeProps | null>(
    async (ids) => oneByIndex(await executor.read<Rows[number]>(nodesById(ids)), ids.length, (row) => row.node as NodeProps),
    { batch },
  );
  /** Nodes found through a relationship are primed, so asking for them again costs nothing. */
  const prime = (node: NodeProps) => {
    nodes.prime(node.id, node);
    return node;
  };
  const related = new DataLoader<RelatedKey, NodeProps[], string>(
    async (keys) =>
      manyByIndex(await executor.read<Rows[number]>(relatedNodes(keys)), keys.length, (row) => prime(row.node as NodeProps)),
    { batch, cacheKeyFn: (key) => `${key.id}|${key.type}|${key.inbound}` },
  );
  return { nodes, related };
}

export type EntityLoaders = ReturnType<typeof createEntityLoaders>;
