import type { Core } from 'cytoscape';
import { ApiError, AuthRequired, gql, saveToken, savedToken } from './api.js';
import { KIND_COLOURS } from './colours.js';
import { showPassage } from './document-view.js';
import { byId, el, entityButton, kindName } from './dom.js';
import { distances, drawGraph } from './graph.js';
import { renderEntity, renderFacts, renderNeighbours, renderRoles, type PanelActions } from './panel.js';
import { renderPeople } from './people.js';
import { ENTITY, NEIGHBOURHOOD, SEARCH, TIMELINE, nodesOf, type EntityAnswer, type NeighbourhoodAnswer, type Passage, type SearchAnswer, type TimelineAnswer } from './queries.js';
import { renderTimeline } from './timeline.js';

/** Where the explorer opens without `?entity=`: the first case of the seed. */
const START = 'baldwin-involuntary-manslaughter-case';

const status = byId('status');
const depthSelect = byId<HTMLSelectElement>('depth');
let graph: Core | undefined;
let current: string | undefined;

const say = (text: string, isError = false) => {
  status.textContent = text;
  status.classList.toggle('error', isError);
};

const actions: PanelActions = {
  open: (id) => void open(id, true),
  show: (passage: Passage) => void showPassage(byId('document'), passage).catch(failed),
};

function failed(error: unknown): void {
  if (error instanceof AuthRequired) {
    say(`${error.message} Enter it under “Token”.`, true);
    byId<HTMLDetailsElement>('token-box').open = true;
    return;
  }
  if (error instanceof ApiError && error.code === 'NOT_FOUND') {
    say(error.message, true);
    if (error.suggestions.length > 0) status.append(' ', ...error.suggestions.map((id) => entityButton(id, id, 'entity', actions.open)));
    return;
  }
  say(error instanceof Error ? error.message : String(error), true);
}

/** True once the reader picked a depth (the select, or `depth=` in the link): then a case keeps it too. */
let depthChosen = false;

/**
 * Re-centres on an entity. A case opens as a story, its timeline and people first, and its
 * drawing at depth 1 (its own facts and people) unless the reader chose a depth: at depth 2 a
 * case is a hairball of everything its people ever did.
 */
async function open(id: string, remember: boolean): Promise<void> {
  say(`Loading ${id}…`);
  try {
    const detail = await gql<EntityAnswer>(ENTITY, { id });
    const entity = detail.entity;
    if (!entity) throw new ApiError(`No entity with id "${id}".`, 'NOT_FOUND');
    if (entity.kind === 'CASE' && !depthChosen) depthSelect.value = '1';
    const depth = Number(depthSelect.value);
    const around = await gql<NeighbourhoodAnswer>(NEIGHBOURHOOD, { id, depth });
    current = id;
    if (remember) {
      const url = new URL(location.href);
      url.searchParams.set('entity', id);
      url.searchParams.set('depth', String(depth));
      history.pushState({ id }, '', url);
    }
    document.title = `${entity.name} · Case graph explorer`;
    const { nodes, edges, truncated } = around.neighborhood;
    graph?.destroy();
    graph = drawGraph(byId('graph'), id, nodes, edges, actions.open);
    // The drawing's nodes live in a canvas; this lets scripts (and the browser tests) find them.
    (window as unknown as { explorerGraph: Core }).explorerGraph = graph;
    byId('graph').setAttribute('aria-label', `Drawing of the ${nodes.length - 1} entities within ${depth} relationship${depth > 1 ? 's' : ''} of ${entity.name}; the same are listed as text under Neighbours.`);
    const isCase = entity.kind === 'CASE';
    renderEntity(byId('entity'), entity, actions);
    // A case reads as a story: its people by role, then its timeline; its roles are in the first.
    const people = byId('people');
    people.hidden = !isCase;
    if (isCase) renderPeople(people, nodesOf(entity.participants), actions.open, actions.show);
    byId('roles').hidden = isCase;
    if (!isCase) renderRoles(byId('roles'), entity, actions);
    renderFacts(byId('facts'), entity, actions);
    renderNeighbours(byId('neighbours'), id, nodes, distances(id, edges), truncated, actions);
    const timeline = byId('timeline');
    timeline.hidden = true;
    if (isCase) renderTimeline(timeline, await gql<TimelineAnswer>(TIMELINE, { id }), actions.open, actions.show);
    say(`${entity.name}: ${nodes.length - 1} neighbours within ${depth}, ${edges.length} relationships.`);
  } catch (error) {
    failed(error);
  }
}

/** Search results as buttons, the matched words marked. */
async function search(words: string): Promise<void> {
  const results = byId('results');
  if (!words.trim()) return void results.replaceChildren();
  try {
    const { search: hits } = await gql<SearchAnswer>(SEARCH, { query: words });
    results.replaceChildren(
      el('p', {}, `${hits.totalCount} found for “${words}”`),
      el(
        'ul',
        {},
        ...hits.edges.map(({ node }) => {
          const snippet = node.highlights[0]?.snippet ?? '';
          const marked = snippet.split(/«|»/).map((part, i) => (i % 2 === 1 ? el('mark', {}, part) : document.createTextNode(part)));
          return el('li', {}, entityButton(node.entity.id, node.entity.name, node.kind, (id) => { results.replaceChildren(); actions.open(id); }), el('span', { class: 'kind-tag' }, ` ${kindName(node.kind)}`), el('div', { class: 'snippet' }, ...marked));
        }),
      ),
    );
  } catch (error) {
    failed(error);
  }
}

function legend(): void {
  byId('legend').replaceChildren(
    ...Object.entries(KIND_COLOURS).map(([kind, colour]) => el('li', {}, el('span', { class: 'swatch', style: `background:${colour}` }), kindName(kind))),
    el('li', { class: 'hint' }, 'A square holds many of one kind: click to open or fold it. Zoom in for whole names; point at a node for its relationships.'),
  );
}

function start(): void {
  legend();
  const params = new URLSearchParams(location.search);
  const depth = params.get('depth');
  if (depth && ['1', '2', '3'].includes(depth)) {
    depthSelect.value = depth;
    depthChosen = true;
  }
  byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void search(byId<HTMLInputElement>('search').value);
  });
  depthSelect.addEventListener('change', () => {
    depthChosen = true;
    if (current) void open(current, true);
  });
  const tokenInput = byId<HTMLInputElement>('token');
  tokenInput.value = savedToken() ?? '';
  byId<HTMLFormElement>('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    saveToken(tokenInput.value.trim());
    byId<HTMLDetailsElement>('token-box').open = false;
    void open(current ?? params.get('entity') ?? START, false);
  });
  window.addEventListener('popstate', () => void open(new URLSearchParams(location.search).get('entity') ?? START, false));
  void open(params.get('entity') ?? START, false);
}

start();
