import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { colourOf } from './colours.js';
import { drawnAs, shownEdges, shownNodes, type Place, type ShownNode } from './grouping.js';
import { chooseLabels, type Box } from './labels.js';
import { ringPositions } from './layout.js';
import type { GraphEdge, GraphNode } from './queries.js';

/** How many relationships each node is from the centre, by breadth-first search over the edges. */
export function distances(centre: string, edges: readonly GraphEdge[]): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    next.set(edge.to, [...(next.get(edge.to) ?? []), edge.from]);
  }
  const seen = new Map([[centre, 0]]);
  const queue = [centre];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const other of next.get(id) ?? []) {
      if (!seen.has(other)) {
        seen.set(other, seen.get(id)! + 1);
        queue.push(other);
      }
    }
  }
  return seen;
}

/** At this zoom and above names are written whole; below it, cut to fit. */
export const FULL_NAMES_AT = 1.25;
/** A name smaller than this on screen (pixels) is not written at all. */
const SMALLEST_TEXT = 6;
const FONT: Record<Place, number> = { centre: 15, near: 11, far: 9, group: 12, 'open-group': 11 };
const SIZE: Record<Place, number> = { centre: 38, near: 22, far: 13, group: 30, 'open-group': 24 };
const RANK: Record<Place, number> = { centre: 0, group: 1, 'open-group': 1, near: 3, far: 4 };
const PEOPLE = new Set(['PERSON', 'GROUP', 'ORGANIZATION', 'COURT']);

/** Importance when names compete for room: the centre, groups, people, then the rest, nearer first. */
const rankOf = (node: NodeSingular): number => RANK[node.data('place') as Place] - (PEOPLE.has(node.data('kind') as string) ? 1 : 0);

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      label: 'data(text)',
      color: '#1e293b',
      'font-size': 'data(font)',
      'text-valign': 'bottom',
      'text-margin-y': 2,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      width: 'data(width)',
      height: 'data(height)',
    },
  },
  { selector: 'node.quiet', style: { label: '' } },
  { selector: 'node.above', style: { 'text-valign': 'top', 'text-margin-y': -2 } },
  {
    selector: 'node[place = "centre"]',
    style: { 'font-weight': 'bold', 'border-width': 3, 'border-color': '#0f172a', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '1px', 'z-index': 10 },
  },
  // A group's name ("21 acts") is written inside its box, which is made wide enough for it.
  { selector: 'node[place = "group"]', style: { shape: 'round-rectangle', 'background-opacity': 0.3, 'border-width': 3, 'border-color': 'data(colour)', 'font-weight': 'bold', 'text-valign': 'center', 'text-margin-y': 0 } },
  {
    selector: 'node[place = "open-group"]',
    style: { shape: 'round-rectangle', 'background-opacity': 0.1, 'border-width': 2, 'border-style': 'dashed', 'border-color': 'data(colour)', 'font-weight': 'bold' },
  },
  {
    selector: 'node.hover',
    style: { label: 'data(full)', 'z-index': 999, 'text-background-color': '#ffffff', 'text-background-opacity': 0.92, 'text-background-padding': '2px', 'text-max-width': '220px' },
  },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.6,
      'curve-style': 'bezier',
      opacity: 0.7,
    },
  },
  // Between two neighbours (not the centre): faint, so the centre's own relationships read first.
  { selector: 'edge.aside', style: { opacity: 0.18 } },
  {
    selector: 'edge.show-label',
    style: { label: 'data(label)', 'font-size': 9, color: '#334155', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, opacity: 1, 'line-color': '#475569', 'z-index': 998 },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
];

/** A node's box: a disc by its place; a folded group a box wide enough for its name inside. */
function sizeOf(node: ShownNode): { width: number; height: number } {
  if (node.place !== 'group') return { width: SIZE[node.place], height: SIZE[node.place] };
  return { width: Math.max(SIZE.group, 16 + node.short.length * FONT.group * 0.62), height: SIZE.group };
}

const label = (raw: string) => raw.toLowerCase().replace(/_/g, ' ');

/**
 * The names to write at the current zoom: whole from FULL_NAMES_AT, cut below it, none when too
 * small to read; then only those that overlap no name already written and no other node
 * (labels.ts). The rest appear when the reader zooms in or points at the node.
 */
export function placeLabels(graph: Core): void {
  const zoom = graph.zoom();
  graph.batch(() => {
    graph.nodes().removeClass('quiet above');
    graph.nodes().forEach((node) => void node.data('text', zoom >= FULL_NAMES_AT ? node.data('full') : node.data('short')));
  });
  const box = (b: cytoscape.BoundingBox12 & cytoscape.BoundingBoxWH): Box => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  // Not from cytoscape's cache: it may still hold the boxes of the names set just above.
  const labelOnly = { useCache: false, includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false };
  const readable = graph.nodes().filter((node) => (node.data('font') as number) * zoom >= SMALLEST_TEXT);
  const bodies = graph.nodes().map((node) => ({ id: node.id(), box: box(node.renderedBoundingBox({ useCache: false, includeLabels: false, includeOverlays: false, includeUnderlays: false } as cytoscape.BoundingBoxOptions)) }));
  const bodyOf = new Map(bodies.map((body) => [body.id, body.box]));
  const candidates = readable.map((node) => {
    const under = box(node.renderedBoundingBox(labelOnly));
    const own = bodyOf.get(node.id())!;
    // The same box above the node, as far from its top as it was from its bottom.
    const margin = under.y1 - own.y2;
    const shift = own.y2 - own.y1 + 2 * margin + (under.y2 - under.y1);
    const above = { ...under, y1: under.y1 - shift, y2: under.y2 - shift };
    return { id: node.id(), label: under, elsewhere: [above], rank: rankOf(node as NodeSingular), always: node.data('place') === 'centre' };
  });
  const chosen = chooseLabels(candidates, bodies);
  graph.batch(() =>
    graph.nodes().forEach((node) => {
      node.toggleClass('quiet', !chosen.has(node.id()));
      node.toggleClass('above', chosen.get(node.id()) === 1);
    }),
  );
}

/**
 * The neighbourhood drawn with cytoscape.js: the centre large, neighbours coloured by kind,
 * kinds with many members folded into a group node that opens on a click (grouping.ts), placed
 * on rings around the centre (layout.ts), names cut or whole by zoom and never overlapping
 * (labels.ts), relationship names shown for the node pointed at. A tap on a node re-centres on it.
 */
export function drawGraph(container: HTMLElement, centre: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[], open: (id: string) => void): Core {
  const hops = distances(centre, edges);
  const opened = new Set<string>();
  const graph = cytoscape({ container, style: STYLE, minZoom: 0.2, maxZoom: 4 });

  const draw = () => {
    const shown = shownNodes(centre, nodes, hops, opened);
    const lines = shownEdges(edges.map((edge) => ({ ...edge, label: label(edge.label) })), drawnAs(centre, nodes, shown));
    const positions = ringPositions(shown, container.clientWidth, container.clientHeight);
    graph.elements().remove();
    graph.add([
      ...shown.map((node) => ({
        group: 'nodes' as const,
        position: positions.get(node.id) ?? { x: 0, y: 0 },
        data: { id: node.id, full: node.full, short: node.short, text: node.short, kind: node.kind, place: node.place, colour: colourOf(node.kind), font: FONT[node.place], ...sizeOf(node) },
      })),
      ...lines.map((edge) => ({ group: 'edges' as const, data: { ...edge, width: Math.min(4, 1 + Math.log2(edge.count)) }, classes: edge.source === centre || edge.target === centre ? '' : 'aside' })),
    ]);
    // The rings were made for this area at zoom 1; fitting only shrinks a drawing too big for it.
    graph.fit(undefined, 12);
    if (graph.zoom() > 1) {
      graph.zoom(1);
      graph.center();
    }
    placeLabels(graph);
  };

  graph.on('tap', (event) => {
    const target = event.target as NodeSingular | Core;
    if (target === graph || !(target as NodeSingular).isNode?.()) return;
    const node = target as NodeSingular;
    const place = node.data('place') as Place;
    if (place === 'group' || place === 'open-group') {
      const kind = node.data('kind') as string;
      if (opened.has(kind)) opened.delete(kind);
      else opened.add(kind);
      draw();
      return;
    }
    open(node.id());
  });
  graph.on('mouseover', 'node', (event) => {
    const node = event.target as NodeSingular;
    node.addClass('hover');
    node.connectedEdges().addClass('show-label');
    const place = node.data('place') as Place;
    container.title = place === 'group' || place === 'open-group' ? `${node.data('full') as string}` : `${node.data('full') as string}: click to centre on it`;
  });
  graph.on('mouseout', 'node', (event) => {
    const node = event.target as NodeSingular;
    node.removeClass('hover');
    node.connectedEdges().removeClass('show-label');
  });
  let pending: ReturnType<typeof setTimeout> | undefined;
  graph.on('zoom', () => {
    clearTimeout(pending);
    pending = setTimeout(() => placeLabels(graph), 120);
  });
  // The rings are shaped like the drawing area: drawn again when the window changes size.
  let resizing: ReturnType<typeof setTimeout> | undefined;
  const resized = () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      graph.resize();
      draw();
    }, 200);
  };
  window.addEventListener('resize', resized);
  graph.one('destroy', () => {
    window.removeEventListener('resize', resized);
    clearTimeout(resizing);
    clearTimeout(pending);
  });
  draw();
  return graph;
}
