/**
 * Where each drawn node goes: the centre in the middle, its direct neighbours (and groups) on
 * an ellipse shaped like the drawing area, nodes further out on a wider one; each kind kept
 * together, people first, from the top clockwise; an open group's members right after their
 * group node. A ring too crowded for its names is split in two, alternating, so neighbours'
 * names sit at different heights. Pure and deterministic: the same neighbourhood is always
 * drawn the same way.
 */
import type { ShownNode } from './grouping.js';

export interface Point {
  x: number;
  y: number;
}

const KIND_ORDER = ['PERSON', 'GROUP', 'ORGANIZATION', 'COURT', 'CHARGE', 'RULING', 'EVIDENCE', 'EVENT', 'ACT', 'CLAIM', 'CASE', 'WORK', 'PLACE', 'ITEM', 'SOURCE_DOCUMENT'];
const kindRank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);

/** More nodes than this on one ring and it is split into two. */
const CROWDED = 16;

/** Ring order: by kind, a group node then its open members, the rest by name. */
function ringOrder(nodes: readonly ShownNode[]): ShownNode[] {
  const key = (node: ShownNode) => (node.parent ? 1 : node.place === 'group' || node.place === 'open-group' ? 0 : 2);
  return [...nodes].sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || key(a) - key(b) || a.full.localeCompare(b.full));
}

/** Places nodes round an ellipse; when crowded, every other one at `splitScale` of the radii (null: never split). */
function ring(nodes: readonly ShownNode[], rx: number, ry: number, into: Map<string, Point>, splitScale: number | null = 0.7): void {
  const ordered = ringOrder(nodes);
  const split = splitScale !== null && ordered.length > CROWDED;
  ordered.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, ordered.length);
    const scale = split && i % 2 === 1 ? splitScale! : 1;
    into.set(node.id, { x: Math.cos(angle) * rx * scale, y: Math.sin(angle) * ry * scale });
  });
}

/** Room a node needs along its ring, its name included: a folded group's box is as wide as its name. */
const footprint = (node: ShownNode) => (node.place === 'group' ? 40 + node.short.length * 7.5 : 90);

/** Ramanujan's approximation of an ellipse's perimeter. */
const perimeter = (a: number, b: number) => Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));

/**
 * Positions for a drawing area of `width` × `height` pixels at zoom 1, with `margin` pixels
 * left for names around the edge. With an outer ring, the inner one is as small as its nodes
 * allow (between 50 % and 75 % of the outer), so neither crowds the other.
 */
export function ringPositions(shown: readonly ShownNode[], width: number, height: number, margin = 60): Map<string, Point> {
  const positions = new Map<string, Point>();
  const rx = Math.max(120, width / 2 - margin * 1.6);
  const ry = Math.max(90, height / 2 - margin);
  for (const node of shown) if (node.place === 'centre') positions.set(node.id, { x: 0, y: 0 });
  // An open group's members stay on their group's ring, however far each of them is.
  const near = shown.filter((node) => node.place !== 'centre' && (node.place !== 'far' || node.parent));
  const far = shown.filter((node) => node.place === 'far' && !node.parent);
  if (far.length === 0) ring(near, rx, ry, positions);
  else {
    const needed = near.reduce((sum, node) => sum + footprint(node), 0) / perimeter(rx, ry);
    const inner = Math.min(0.75, Math.max(0.5, needed));
    ring(near, rx * inner, ry * inner, positions, null);
    // A crowded outer ring alternates between itself and halfway to the inner one.
    ring(far, rx, ry, positions, (1 + inner) / 2);
  }
  return positions;
}
