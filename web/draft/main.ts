import { ApiError, DRAFT_QUERY, gql, IMPORT_MUTATION, savedToken, saveToken, type DraftAnswer, type ImportAnswer } from './api.js';
import { correctedDraft, renderRoles, type CaseFileJson } from './roles-view.js';
import { KINDS, renderMarkedText } from './text-view.js';

/**
 * The drafting page: paste an article, draft it (draftCase), see what was found marked in the
 * text, correct the roles, and load the draft with the write token (importCase).
 */
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let draft: CaseFileJson | null = null;

const status = (message: string, error = false) => {
  const el = byId('status');
  el.textContent = message;
  el.classList.toggle('error', error);
};

function listInto(id: string, title: string, lines: string[]): void {
  const el = byId(id);
  el.replaceChildren();
  if (lines.length === 0) return;
  el.append(Object.assign(document.createElement('h3'), { textContent: title }));
  const ul = document.createElement('ul');
  for (const line of lines) ul.append(Object.assign(document.createElement('li'), { textContent: line }));
  el.append(ul);
}

async function onDraft(event: Event): Promise<void> {
  event.preventDefault();
  const text = byId<HTMLTextAreaElement>('article').value;
  const published = byId<HTMLInputElement>('published').value || null;
  status('Drafting…');
  byId<HTMLButtonElement>('load-button').disabled = true;
  try {
    const { draftCase: result } = await gql<DraftAnswer>(DRAFT_QUERY, { text, published, title: byId<HTMLInputElement>('title').value || null });
    const { report } = result;
    listInto('dropped', 'Dropped (quote not in the text)', report.dropped);
    listInto('notes', 'Left out', report.notes);
    if (!result.json || !result.yaml) {
      draft = null;
      byId('marked').replaceChildren();
      byId('roles').replaceChildren();
      byId('yaml').textContent = '';
      status(`No draft: ${report.refused ?? 'nothing found'}`, true);
      return;
    }
    draft = JSON.parse(result.json) as CaseFileJson;
    const documentText = (draft.documents as { text: string }[])[0]!.text;
    renderMarkedText(byId('marked'), documentText, result.items);
    renderRoles(byId('roles'), draft);
    byId('yaml').textContent = result.yaml;
    byId<HTMLButtonElement>('load-button').disabled = false;
    status(`Drafted ${result.caseId} in ${report.milliseconds} ms: ${report.counts.map((c) => `${c.count} ${c.kind}`).join(', ')}. Every quote is at its offsets; review, correct the roles, then load.`);
  } catch (error) {
    status(error instanceof ApiError ? error.message : `Drafting failed: ${(error as Error).message}`, true);
  }
}

async function onLoad(): Promise<void> {
  if (!draft) return;
  const token = byId<HTMLInputElement>('token').value.trim();
  saveToken(token);
  if (!token) {
    status('Loading needs the write token: give it under Token.', true);
    return;
  }
  status('Loading…');
  try {
    const { importCase } = await gql<ImportAnswer>(IMPORT_MUTATION, { file: JSON.stringify(correctedDraft(draft, byId('roles'))) });
    const t = importCase.totals;
    status(`Loaded ${importCase.caseId}: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.removed} removed.`);
    const link = byId<HTMLAnchorElement>('open-link');
    link.href = `./explore?entity=${encodeURIComponent(importCase.caseId)}`;
    link.hidden = false;
  } catch (error) {
    status(error instanceof ApiError ? `Not loaded: ${error.message}` : `Loading failed: ${(error as Error).message}`, true);
  }
}

function legend(): void {
  const ul = byId('legend');
  for (const kind of KINDS) {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('mark'), { className: `kind-${kind}`, textContent: kind }));
    ul.append(li);
  }
  const li = document.createElement('li');
  li.append(Object.assign(document.createElement('mark'), { className: 'kind-person inferred', textContent: 'inferred (dashed)' }));
  ul.append(li);
}

legend();
byId<HTMLInputElement>('token').value = savedToken();
byId<HTMLFormElement>('draft-form').addEventListener('submit', (e) => void onDraft(e));
byId<HTMLButtonElement>('load-button').addEventListener('click', () => void onLoad());
status('Paste an article and press Draft.');
