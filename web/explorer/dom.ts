/** Small DOM helpers: every piece of text goes in as text, never as HTML. */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** A button that looks like a link and re-centres the explorer on an entity. */
export function entityButton(id: string, name: string, kind: string, open: (id: string) => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: `entity-link kind-${kind.toLowerCase()}`, 'data-entity': id, title: `${name} (${kindName(kind)}): show its neighbourhood` }, name);
  button.addEventListener('click', () => open(id));
  return button;
}

/** `SOURCE_DOCUMENT` → `source document`. */
export function kindName(kind: string): string {
  return kind.toLowerCase().replace(/_/g, ' ');
}

/** Replaces an element's content, leaving out the children that are not there. */
export function fill(container: HTMLElement, ...children: Child[]): void {
  container.replaceChildren(...children.filter((child): child is Node | string => Boolean(child)));
}
