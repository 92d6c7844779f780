import type { DraftItem } from './api.js';

/**
 * The article with what was found marked at its offsets: one <mark> per item, coloured by its
 * kind, dashed when inferred, its label and reason as a tooltip. Offsets count code points, so
 * the text is cut by code points; everything is put in as text, never as HTML.
 */
export function renderMarkedText(target: HTMLElement, text: string, items: DraftItem[]): void {
  const points = Array.from(text);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    if (item.start < at || item.end > points.length) continue;
    fragment.append(points.slice(at, item.start).join(''));
    const mark = document.createElement('mark');
    mark.className = `kind-${item.kind}${item.inferred ? ' inferred' : ''}`;
    mark.dataset.kind = item.kind;
    mark.dataset.start = String(item.start);
    mark.title = item.reason ? `${item.label}: inferred. ${item.reason}` : item.label;
    mark.textContent = points.slice(item.start, item.end).join('');
    fragment.append(mark);
    at = item.end;
  }
  fragment.append(points.slice(at).join(''));
  target.replaceChildren(fragment);
}

export const KINDS = ['person', 'organization', 'court', 'place', 'work', 'offence', 'date'];
