import type { NodeKind } from '../model/kinds.js';

/** A node as read from the graph: its properties, with `id` and `kind` always present. */
export type NodeProps = Record<string, unknown> & { id: string; kind: NodeKind };

/** A relationship seen from one of its ends. */
export interface RelationshipRow {
  type: string;
  props: Record<string, unknown> & { id: string };
  direction: 'OUTGOING' | 'INCOMING';
  self: NodeProps;
  other: NodeProps;
}
