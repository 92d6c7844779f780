import { el, entityButton, fill, kindName } from './dom.js';
import { passageList } from './passages.js';
import { nodesOf, type Dated, type Passage, type Time, type TimelineAnswer } from './queries.js';

/** The date as precisely as the source gives it: `2021-10-21`, `2024 (year only)`, `a Friday`. */
export function dateLabel(time: Time | null): string {
  if (!time || time.precision === 'UNKNOWN') return 'date not given';
  const loose = time.approximate ? 'about ' : '';
  switch (time.precision) {
    case 'DAY':
      return `${loose}${time.iso}`;
    case 'MONTH':
      return time.iso?.startsWith('--') ? `${loose}month ${time.iso.slice(2)}, year not given` : `${loose}${time.iso} (month)`;
    case 'YEAR':
      return `${loose}${time.iso} (year only)`;
    case 'WEEKDAY':
      return `${loose}a ${time.weekday ?? 'weekday'}, date not given`;
    default:
      return time.iso ?? 'date not given';
  }
}

/**
 * Sort key: the known part of the date, so a year sorts before the days within it; times with
 * no year go last, in the order the API gave them.
 */
const sortKey = (time: Time | null) => (time?.iso && !time.iso.startsWith('--') ? time.iso : '\uffff');

/** The item's quote, folded; opening it also shows the passage in its document. */
function quoted(passages: Passage[], show: (passage: Passage) => void): HTMLElement {
  const details = el('details', {}, el('summary', {}, 'quote'), passageList(passages, show));
  details.addEventListener('toggle', () => {
    if (details.open && passages[0]) show(passages[0]);
  });
  return details;
}

/** A case's events and acts in one list in order of time, each with its date and source's words. */
export function renderTimeline(container: HTMLElement, answer: TimelineAnswer, open: (id: string) => void, show: (passage: Passage) => void): void {
  const items: Dated[] = [...nodesOf(answer.timeline), ...(answer.case ? nodesOf(answer.case.caseActs) : [])];
  const ordered = items.map((item, i) => ({ item, i })).sort((a, b) => (sortKey(a.item.time) < sortKey(b.item.time) ? -1 : sortKey(a.item.time) > sortKey(b.item.time) ? 1 : a.i - b.i));
  fill(container, 
    el('h3', {}, `Timeline (${items.length})`),
    el(
      'ol',
      { class: 'timeline', id: 'timeline-list' },
      ...ordered.map(({ item }) =>
        el(
          'li',
          {},
          el('span', { class: 'when' }, dateLabel(item.time)),
          item.time?.text ? el('span', { class: 'source-words' }, ` “${item.time.text}”`) : null,
          el('div', {}, el('span', { class: 'kind-tag' }, `${item.eventType ?? kindName(item.kind)}: `), entityButton(item.id, item.name, item.kind, open)),
          quoted(nodesOf(item.sources), show),
        ),
      ),
    ),
  );
  container.hidden = false;
}
