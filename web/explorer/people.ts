import { el, entityButton, fill } from './dom.js';
import { passageList } from './passages.js';
import { nodesOf, type Passage, type Role } from './queries.js';
import { bySide, roleWords, sideHeading } from './sides.js';

/**
 * The case's main people by role, for the top of its story: each side with who holds a role
 * in it, the role's own name where it says more than the side ("district attorney" under
 * Prosecution), and its quote, folded.
 */
export function renderPeople(container: HTMLElement, participants: Role[], open: (id: string) => void, show: (passage: Passage) => void): void {
  const sides = bySide(participants);
  fill(
    container,
    el('h3', {}, `People by role (${participants.length})`),
    participants.length === 0
      ? el('p', {}, 'No roles are recorded in this case.')
      : el(
          'dl',
          { class: 'people', id: 'people-list' },
          ...sides.flatMap(([side, roles]) => [
            el('dt', {}, sideHeading(side, roles.length)),
            ...roles.map((role) => {
              const passages = nodesOf(role.sources);
              const quote = el('details', { class: 'role-quote' }, el('summary', {}, 'quote'), passageList(passages, show));
              quote.addEventListener('toggle', () => {
                if (quote.open && passages[0]) show(passages[0]);
              });
              const own = roleWords(role.role);
              return el(
                'dd',
                { 'data-side': side, title: role.sentence },
                entityButton(role.holder!.id, role.holder!.name, role.holder!.kind, open),
                !side.toLowerCase().startsWith(own) ? el('span', { class: 'role-name' }, ` ${own}`) : null,
                quote,
              );
            }),
          ]),
        ),
  );
  container.hidden = false;
}
