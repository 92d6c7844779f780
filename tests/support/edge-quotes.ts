/**
 * Whether a relationship's quotes state it: each quote must name or describe both of its ends.
 * Pure, so the seed test (over GraphQL) and a unit test share it.
 *
 * - An entity (person, group, organisation, court, work, place, item, case) is named when the
 *   quote contains its name, one of its aliases or one of the words the article uses for it
 *   (DESCRIPTORS), as whole words, whatever the capitals and the kind of apostrophe.
 * - A fact (charge, evidence, ruling, event, act, claim) has no name in the article: it is
 *   described when the quote overlaps a passage the fact itself cites, or names it likewise.
 */

export interface Passage {
  documentId: string;
  quote: string;
  start: number;
  end: number;
}

export interface EdgeEnd {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  /** The node's own passages. */
  sources: Passage[];
}

export interface EdgeToCheck {
  id: string;
  type: string;
  from: EdgeEnd;
  to: EdgeEnd;
  sources: Passage[];
}

const FACT_KINDS = new Set(['CHARGE', 'EVIDENCE', 'RULING', 'EVENT', 'ACT', 'CLAIM']);

/**
 * Words the seed's article uses for an entity besides its name and aliases (reviewed: each is how
 * the article refers to it in the passages that state its relationships).
 */
export const DESCRIPTORS: Readonly<Record<string, readonly string[]>> = {
  // "the case", "the trial", "dismiss the case": the article's words for the criminal case.
  'baldwin-involuntary-manslaughter-case': ['case', 'trial'],
  // "a gun", "the revolver's hammer", "a real gun", "it accidentally fired".
  'the-gun': ['gun', 'revolver'],
  // "the 2021 incident on the set of the film Rust".
  'rust-set': ['set of the film Rust'],
  // "The court ruled …".
  'trial-court': ['court'],
  // "his lawyers", "the actor's defense team", "the defense team".
  'baldwin-defense-team': ['defense team', 'lawyers'],
  // "the film Rust": the production is named only through its film.
  'rust-production': ['film Rust', 'Rust'],
  // "live rounds of ammunition", "these rounds", "this evidence".
  'live-rounds': ['rounds', 'evidence'],
  // Facts: the article's words for the happenings it tells.
  'baldwin-trial': ['trial'],
  'case-dismissal': ['dismiss', 'dismissed'],
  'rust-rehearsal': ['rehearsal', 'the scene'],
  'rust-shooting': ['Rust shooting', 'the 2021 incident'],
};

export const normalize = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

/** `term` in `text` as whole words. */
function containsWords(text: string, term: string): boolean {
  const haystack = normalize(text);
  const needle = normalize(term).trim();
  if (needle.length === 0) return false;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after))) return true;
  }
  return false;
}

const overlaps = (a: Passage, b: Passage) => a.documentId === b.documentId && a.start < b.end && b.start < a.end;

/** Whether one quote names or describes one end. */
export function describes(quote: Passage, end: EdgeEnd): boolean {
  const terms = [end.name, ...end.aliases, ...(DESCRIPTORS[end.id] ?? [])];
  if (terms.some((term) => containsWords(quote.quote, term))) return true;
  return FACT_KINDS.has(end.kind) && end.sources.some((own) => overlaps(quote, own));
}

/** The quotes of an edge that do not name or describe both ends (empty when the edge is stated). */
export function unsupported(edge: EdgeToCheck): { quote: string; missing: string[] }[] {
  if (edge.sources.length === 0) return [{ quote: '(no source)', missing: [edge.from.id, edge.to.id] }];
  return edge.sources
    .map((quote) => ({ quote: quote.quote, missing: [edge.from, edge.to].filter((end) => !describes(quote, end)).map((end) => end.id) }))
    .filter((q) => q.missing.length > 0);
}
