/** Slugs for ids of the case-file format: a-z, 0-9 and single hyphens, at most 120 characters. */
export function slug(text: string, max = 60): string {
  const s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'unnamed';
}

/** Hands out ids unique in one file: a second "x" becomes "x-2". */
export class IdPool {
  private readonly used = new Set<string>();
  /** `graphKinds`: ids the graph already holds, with their kind; an id of another kind is not reused. */
  constructor(private readonly graphKinds: Map<string, string> = new Map()) {}
  take(base: string, kind?: string): string {
    let id = base;
    for (let n = 2; this.used.has(id) || (kind !== undefined && (this.graphKinds.get(id) ?? kind) !== kind); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
