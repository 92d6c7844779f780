import { gql } from './api.js';
import { el } from './dom.js';
import { DOCUMENT, type DocumentAnswer, type Passage } from './queries.js';

const documents = new Map<string, Promise<DocumentAnswer['document']>>();

/** The text split at a passage's offsets, which count Unicode code points as the API does. */
export function splitAtPassage(text: string, start: number, end: number): [string, string, string] {
  const points = Array.from(text);
  return [points.slice(0, start).join(''), points.slice(start, end).join(''), points.slice(end).join('')];
}

/**
 * Shows a passage in its source document: the whole text, the passage marked and scrolled
 * into view, so a reader sees what surrounds the quote.
 */
export async function showPassage(container: HTMLElement, passage: Passage): Promise<void> {
  let loading = documents.get(passage.document.id);
  if (!loading) {
    loading = gql<DocumentAnswer>(DOCUMENT, { id: passage.document.id }).then((answer) => answer.document);
    documents.set(passage.document.id, loading);
  }
  const document = await loading.catch((error: unknown) => {
    documents.delete(passage.document.id);
    throw error;
  });
  if (!document) return void container.replaceChildren(el('p', {}, `The document ${passage.document.id} is not in the graph.`));
  const [before, quoted, after] = splitAtPassage(document.text, passage.start, passage.end);
  const mark = el('mark', { id: 'passage', title: `characters ${passage.start} to ${passage.end}` }, quoted);
  const byline = [document.publisher, document.published].filter(Boolean).join(', ');
  container.replaceChildren(
    el('h2', {}, document.title),
    el('p', { class: 'byline' }, `${byline ? `${byline}. ` : ''}Passage at characters ${passage.start}–${passage.end}.`),
    el('div', { class: 'document-text' }, before, mark, after),
  );
  container.hidden = false;
  mark.scrollIntoView({ block: 'center' });
}
