import cytoscape, { type Core } from 'cytoscape';
import { colourOf } from './colours.js';
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

function start(ring: number, i: number, count: number): { x: number; y: number } {
  const angle = (2 * Math.PI * i) / Math.max(1, count) + ring;
  return { x: Math.cos(angle) * ring * 150, y: Math.sin(angle) * ring * 150 };
}

const short = (label: string) => (label.length > 32 ? `${label.slice(0, 30)}…` : label);

/**
 * The neighbourhood drawn with cytoscape.js, laid out by its force-directed layout (cose):
 * the centre large, its direct neighbours labelled, nodes coloured by kind, edges labelled by
 * relationship (labels further out appear once zoomed in enough to read them). A tap on a node
 * re-centres on it.
 */
export function drawGraph(container: HTMLElement, centre: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[], open: (id: string) => void): Core {
  const hops = distances(centre, edges);
  const graph = cytoscape({
    container,
    elements: [
      ...nodes.map((node, i) => ({
        // A deterministic start (rings by distance) for the force-directed layout, so the same
        // neighbourhood is always drawn the same way.
        position: start(hops.get(node.id) ?? 3, i, nodes.length),
        data: { id: node.id, label: short(node.label), full: node.label, kind: node.kind, colour: colourOf(node.kind) },
        classes: node.id === centre ? 'centre' : hops.get(node.id) === 1 ? 'near' : 'far',
      })),
      ...edges.map((edge) => ({ data: { id: `e:${edge.id}`, source: edge.from, target: edge.to, label: edge.label.toLowerCase().replace(/_/g, ' ') } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          color: '#1e293b',
          'font-size': 9,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': '110px',
          width: 16,
          height: 16,
          'min-zoomed-font-size': 6,
        },
      },
      { selector: 'node.near', style: { width: 24, height: 24, 'font-size': 16, 'text-max-width': '160px', 'min-zoomed-font-size': 0 } },
      { selector: 'node.far', style: { width: 11, height: 11, 'font-size': 8, 'min-zoomed-font-size': 12 } },
      { selector: 'node.far:active, node.far:selected', style: { 'min-zoomed-font-size': 0 } },
      { selector: 'node.centre', style: { 'min-zoomed-font-size': 0, width: 40, height: 40, 'font-size': 20, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#0f172a' } },
      {
        selector: 'edge',
        style: {
          width: 1,
          'line-color': '#94a3b8',
          'target-arrow-color': '#94a3b8',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.6,
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-size': 7,
          color: '#475569',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'min-zoomed-font-size': 10,
        },
      },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 400_000, idealEdgeLength: () => 90, nodeOverlap: 20, gravity: 0.4, numIter: 2000, padding: 24 } as cytoscape.LayoutOptions,
  });
  graph.on('tap', 'node', (event) => open(event.target.id() as string));
  graph.on('mouseover', 'node', (event) => {
    container.title = `${event.target.data('full') as string}: click to centre on it`;
  });
  return graph;
}
