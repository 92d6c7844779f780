import { el } from './dom.js';
import type { Passage } from './queries.js';

/** Quotes as a list, each with a button that shows it in its document. */
export function passageList(passages: readonly Passage[], show: (passage: Passage) => void): HTMLElement {
  if (passages.length === 0) return el('p', { class: 'no-source' }, 'No quoted passage.');
  const list = el('ul', { class: 'passages' });
  for (const passage of passages) {
    const button = el('button', { type: 'button', class: 'show-passage' }, 'show in document');
    button.addEventListener('click', () => show(passage));
    list.append(el('li', {}, el('blockquote', {}, `“${passage.quote}”`), el('span', { class: 'cite' }, `${passage.document.title}, ${passage.start}–${passage.end} `), button));
  }
  return list;
}
