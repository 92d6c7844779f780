import { el, entityButton, fill, kindName } from './dom.js';
import { passageList } from './passages.js';
import { nodesOf, type Dated, type Passage, type Placement, type Time, type TimelineAnswer } from './queries.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The date as precisely as the source gives it: `2021-10-21`, `2024 (year only)`, `a Friday`, `March, year not given`. */
export function dateLabel(time: Time | null): string {
  if (!time || time.precision === 'UNKNOWN') return 'date not given';
  const loose = time.approximate ? 'about ' : '';
  switch (time.precision) {
    case 'DAY':
      return `${loose}${time.iso}`;
    case 'MONTH':
      return time.iso?.startsWith('--') ? `${loose}${MONTHS[Number(time.iso.slice(2)) - 1] ?? time.iso}, year not given` : `${loose}${time.iso} (month)`;
    case 'YEAR':
      return `${loose}${time.iso} (year only)`;
    case 'WEEKDAY':
      return `${loose}a ${time.weekday ?? 'weekday'}, date not given`;
    default:
      return time.iso ?? 'date not given';
  }
}

/** The item's quote, folded; opening it also shows the passage in its document. */
function quoted(passages: Passage[], show: (passage: Passage) => void): HTMLElement {
  const details = el('details', {}, el('summary', {}, 'quote'), passageList(passages, show));
  details.addEventListener('toggle', () => {
    if (details.open && passages[0]) show(passages[0]);
  });
  return details;
}

function entry(item: Dated, open: (id: string) => void, show: (passage: Passage) => void, acts: Dated[] = []): HTMLElement {
  return el(
    'li',
    {},
    el('span', { class: 'when' }, dateLabel(item.time)),
    item.time?.text ? el('span', { class: 'source-words' }, ` “${item.time.text}”`) : null,
    el('div', {}, el('span', { class: 'kind-tag' }, `${item.eventType ?? kindName(item.kind)}: `), entityButton(item.id, item.name, item.kind, open)),
    item.placedBy?.length ? placements(item.placedBy, open, show) : null,
    quoted(nodesOf(item.sources), show),
    acts.length > 0 ? el('ol', { class: 'timeline acts' }, ...acts.map((act) => entry(act, open, show))) : null,
  );
}

/** What the sources say of the event's order: "after Death of Halyna Hutchins", each with its quote. */
function placements(list: Placement[], open: (id: string) => void, show: (passage: Passage) => void): HTMLElement {
  return el(
    'ul',
    { class: 'placed-by' },
    ...list.map((p) =>
      el('li', {}, `${p.order} `, entityButton(p.other.id, p.other.name, 'EVENT', open), p.inferred ? el('span', { class: 'inferred' }, ' (inferred)') : null, quoted(nodesOf(p.sources), show)),
    ),
  );
}

/**
 * A case's events in the order the API gives (the sources' order: `timeline`), each with what
 * places it and the acts that are part of it; then the acts of no event, in the API's order.
 * Each date is as precise as the source gives it, with the source's words. Nothing is re-sorted here.
 */
export function renderTimeline(container: HTMLElement, answer: TimelineAnswer, open: (id: string) => void, show: (passage: Passage) => void): void {
  const events = nodesOf(answer.timeline);
  const acts = answer.case ? nodesOf(answer.case.caseActs) : [];
  const eventIds = new Set(events.map((event) => event.id));
  const actsOf = new Map<string, Dated[]>();
  for (const act of acts) if (act.event && eventIds.has(act.event.id)) actsOf.set(act.event.id, [...(actsOf.get(act.event.id) ?? []), act]);
  const loose = acts.filter((act) => !act.event || !eventIds.has(act.event.id));
  fill(
    container,
    el('h3', {}, `Timeline (${events.length} events, ${acts.length} acts)`),
    el('ol', { class: 'timeline', id: 'timeline-list' }, ...events.map((item) => entry(item, open, show, actsOf.get(item.id)))),
    loose.length ? el('h4', {}, `Acts of no event (${loose.length})`) : null,
    loose.length ? el('ol', { class: 'timeline acts', id: 'timeline-loose-acts' }, ...loose.map((item) => entry(item, open, show))) : null,
  );
  container.hidden = false;
}
