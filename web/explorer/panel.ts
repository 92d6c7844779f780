import { el, entityButton, fill, kindName } from './dom.js';
import { passageList } from './passages.js';
import { nodesOf, type EntityDetail, type Fact, type GraphNode, type Passage, type Ref, type Role } from './queries.js';

export interface PanelActions {
  open(id: string): void;
  show(passage: Passage): void;
}

/** Its own sources, folded when there are many, so a case's timeline stays near the top. */
function sourcesOf(passages: Passage[], actions: PanelActions): HTMLElement {
  const details = el('details', { class: 'sources' }, el('summary', {}, el('h3', {}, `Sources (${passages.length})`)), passageList(passages, actions.show));
  details.open = passages.length <= 3;
  return details;
}

/** The entity itself: name, kind, description, other names and its own sources. */
export function renderEntity(container: HTMLElement, entity: EntityDetail, actions: PanelActions): void {
  fill(container, 
    el('h2', { id: 'entity-name' }, entity.name),
    el('p', { class: `kind-badge kind-${entity.kind.toLowerCase()}` }, kindName(entity.kind)),
    entity.description ? el('p', { class: 'description' }, entity.description) : null,
    entity.aliases.length > 0 ? el('p', { class: 'aliases' }, `Also: ${entity.aliases.join('; ')}`) : null,
    sourcesOf(nodesOf(entity.sources), actions),
  );
}

/**
 * A fact or a role as a disclosure: its sentence as the summary (plain text, so a click
 * anywhere on it opens it), its quotes inside, the first shown in its document on opening,
 * and a link to centre on the entity at the other end.
 */
function factItem(className: string, sentence: string, other: Ref, passages: Passage[], description: string | null, actions: PanelActions): HTMLElement {
  const details = el(
    'details',
    { class: className },
    el('summary', {}, sentence),
    description ? el('p', { class: 'description' }, description) : null,
    passageList(passages, actions.show),
    el('p', { class: 'go' }, 'Centre on ', entityButton(other.id, other.name, other.kind, actions.open)),
  );
  details.addEventListener('toggle', () => {
    if (details.open && passages[0]) actions.show(passages[0]);
  });
  return el('li', {}, details);
}

/** Roles it holds and roles others hold in it, each with its quoted passages. */
export function renderRoles(container: HTMLElement, entity: EntityDetail, actions: PanelActions): void {
  const held = nodesOf(entity.roles).map((role: Role) => factItem('role', role.sentence, role.within!, nodesOf(role.sources), null, actions));
  const within = nodesOf(entity.participants).map((role: Role) => factItem('role', role.sentence, role.holder!, nodesOf(role.sources), null, actions));
  fill(container, 
    el('h3', {}, `Roles (${held.length + within.length})`),
    held.length + within.length === 0 ? el('p', {}, 'No roles.') : el('ul', { class: 'facts', id: 'roles-list' }, ...held, ...within),
  );
}

/** Every other relationship as the API's sentence (from names, in its direction), each with its quotes. */
export function renderFacts(container: HTMLElement, entity: EntityDetail, actions: PanelActions): void {
  const facts = nodesOf(entity.relationships).filter((fact: Fact) => fact.type !== 'HAS_ROLE');
  const items = facts.map((fact) => factItem('fact', fact.sentence, fact.other, nodesOf(fact.sources), fact.description, actions));
  const more = (entity.relationships.totalCount ?? 0) > entity.relationships.edges.length ? el('p', {}, `The first ${entity.relationships.edges.length} of ${entity.relationships.totalCount} relationships.`) : null;
  fill(container, el('h3', {}, `Facts (${facts.length})`), facts.length === 0 ? el('p', {}, 'No other facts.') : el('ul', { class: 'facts', id: 'facts-list' }, ...items), more);
}

/** The drawn neighbourhood as text: every node by kind, with how far it is from the centre. */
export function renderNeighbours(container: HTMLElement, centre: string, nodes: readonly GraphNode[], hops: Map<string, number>, truncated: boolean, actions: PanelActions): void {
  const byKind = new Map<string, GraphNode[]>();
  for (const node of nodes) if (node.id !== centre) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
  const groups = [...byKind.entries()].sort(([a], [b]) => (a === 'PERSON' ? -1 : b === 'PERSON' ? 1 : a.localeCompare(b)));
  fill(container, 
    el('h3', {}, `Neighbours (${nodes.length - 1})`),
    truncated ? el('p', {}, 'The neighbourhood was cut short at 150 nodes; lower the depth to see it whole.') : null,
    ...groups.map(([kind, members]) =>
      el(
        'section',
        { class: 'neighbour-group' },
        el('h4', {}, `${kindName(kind)} (${members.length})`),
        el(
          'ul',
          { class: 'neighbours' },
          ...members
            .sort((a, b) => (hops.get(a.id) ?? 9) - (hops.get(b.id) ?? 9) || a.label.localeCompare(b.label))
            .map((node) => {
              const steps = hops.get(node.id);
              return el('li', {}, entityButton(node.id, node.label, node.kind, actions.open), el('span', { class: 'hops' }, steps === 1 ? ' 1 step' : ` ${steps ?? '?'} steps`));
            }),
        ),
      ),
    ),
  );
}
