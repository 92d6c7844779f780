/**
 * What the drawing shows of a neighbourhood: pure, no DOM, so it is tested on its own.
 *
 * Neighbours of one kind are folded into one group node ("21 acts") once there are more of
 * them than a reader can take in at a glance; a group opens into its members on a click and
 * folds back on another. People (persons, groups, organisations, courts) fold only past 12,
 * other kinds past 4. An open group's node stays, to fold it again, and its members are drawn
 * after it. Edges are drawn between what is shown: an edge to a folded member goes to its
 * group, and edges between the same two shown nodes become one, with their count.
 */
export interface NodeIn {
  id: string;
  kind: string;
  label: string;
}
export interface EdgeIn {
  id: string;
  from: string;
  to: string;
  label: string;
}

export type Place = 'centre' | 'near' | 'far' | 'group' | 'open-group';

export interface ShownNode {
  id: string;
  kind: string;
  /** The whole name, shown when zoomed in or hovered. */
  full: string;
  /** The name cut to fit, shown when zoomed out. */
  short: string;
  place: Place;
  /** For a member of an open group: the group's id (drawn next to it). */
  parent?: string;
  /** For a group: how many it holds. */
  count?: number;
}
export interface ShownEdge {
  id: string;
  source: string;
  target: string;
  /** The relationship, or how many when several are drawn as one. */
  label: string;
  count: number;
}

const PEOPLE_KINDS = new Set(['PERSON', 'GROUP', 'ORGANIZATION', 'COURT']);
const PLURALS: Record<string, string> = {
  PERSON: 'people',
  GROUP: 'groups',
  ORGANIZATION: 'organisations',
  COURT: 'courts',
  WORK: 'works',
  PLACE: 'places',
  ITEM: 'items',
  CHARGE: 'charges',
  EVIDENCE: 'pieces of evidence',
  RULING: 'rulings',
  EVENT: 'events',
  ACT: 'acts',
  CLAIM: 'claims',
  CASE: 'cases',
  SOURCE_DOCUMENT: 'source documents',
};

/** How many of a kind are drawn one by one before they are folded into a group. */
export const foldAbove = (kind: string): number => (PEOPLE_KINDS.has(kind) ? 12 : 4);

export const groupId = (kind: string): string => `group:${kind}`;

export const pluralOf = (kind: string): string => PLURALS[kind] ?? `${kind.toLowerCase().replace(/_/g, ' ')}s`;

/** A name cut at a word to at most `max` characters, with an ellipsis when cut. */
export function shorten(label: string, max = 22): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:'’(-]+$/, '')}…`;
}

/**
 * The nodes to draw: the centre, each neighbour of a kind that is not folded, one group node
 * per folded kind, and for an open group its node and its members.
 */
export function shownNodes(centre: string, nodes: readonly NodeIn[], hops: ReadonlyMap<string, number>, open: ReadonlySet<string>): ShownNode[] {
  const byKind = new Map<string, NodeIn[]>();
  for (const node of nodes) if (node.id !== centre) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
  const shown: ShownNode[] = [];
  const own = nodes.find((node) => node.id === centre);
  if (own) shown.push({ id: own.id, kind: own.kind, full: own.label, short: shorten(own.label, 30), place: 'centre' });
  for (const [kind, members] of byKind) {
    const one = (node: NodeIn, parent?: string): ShownNode => ({ id: node.id, kind, full: node.label, short: shorten(node.label), place: hops.get(node.id) === 1 ? 'near' : 'far', ...(parent ? { parent } : {}) });
    if (members.length <= foldAbove(kind)) {
      shown.push(...members.map((node) => one(node)));
      continue;
    }
    const id = groupId(kind);
    const isOpen = open.has(kind);
    const name = `${members.length} ${pluralOf(kind)}`;
    shown.push({ id, kind, full: isOpen ? `${name} (click here to fold)` : `${name} (click to open)`, short: name, place: isOpen ? 'open-group' : 'group', count: members.length });
    if (isOpen) shown.push(...members.map((node) => one(node, id)));
  }
  return shown;
}

/** Where each neighbour is drawn: itself, or the group it is folded into. */
export function drawnAs(centre: string, nodes: readonly NodeIn[], shown: readonly ShownNode[]): Map<string, string> {
  const drawn = new Set(shown.filter((node) => node.place !== 'open-group').map((node) => node.id));
  const at = new Map<string, string>();
  for (const node of nodes) at.set(node.id, drawn.has(node.id) || node.id === centre ? node.id : groupId(node.kind));
  return at;
}

/** The edges between what is drawn, those between the same two nodes as one with their count; none inside a group. */
export function shownEdges(edges: readonly EdgeIn[], at: ReadonlyMap<string, string>): ShownEdge[] {
  const merged = new Map<string, { source: string; target: string; labels: string[] }>();
  for (const edge of edges) {
    const source = at.get(edge.from);
    const target = at.get(edge.to);
    if (!source || !target || source === target) continue;
    const key = `${source}\u0000${target}`;
    const entry = merged.get(key) ?? { source, target, labels: [] };
    entry.labels.push(edge.label);
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ source, target, labels }, i) => {
    const kinds = new Set(labels);
    const label = kinds.size === 1 ? (labels.length === 1 ? labels[0]! : `${labels[0]} ×${labels.length}`) : `${labels.length} relationships`;
    return { id: `e${i}:${source}>${target}`, source, target, label, count: labels.length };
  });
}
