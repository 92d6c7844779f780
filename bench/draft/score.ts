import type { CaseFile } from '../../src/ingest/casefile/case-file.js';
import { locateQuote, SourceText } from '../../src/ingest/casefile/quotes.js';

/** What a person who read the article by hand says it holds. */
export interface Gold {
  name: string;
  article: string;
  published?: string;
  heldOut: boolean;
  people: string[];
  roles: { person: string; role: string }[];
  charges: string[];
  /** How the case ended as far as the article says: convicted, sentenced, dismissed … */
  outcome?: string;
  /** Dates of the events the article dates (YYYY, YYYY-MM or YYYY-MM-DD). */
  events: string[];
}

export interface Score {
  name: string;
  heldOut: boolean;
  /** Drafted people, gold people, drafted people who are gold people, gold people drafted. */
  people: { found: number; gold: number; right: number; goldFound: number };
  roles: { gold: number; right: number };
  chargesFound: boolean;
  outcomeFound: boolean;
  events: { gold: number; found: number };
  quotes: { total: number; verified: number };
  loads: boolean;
  milliseconds: number;
}

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A drafted person is a gold person when a name or alias is the gold name, or has its first and last word. */
export function samePerson(gold: string, names: string[]): boolean {
  const g = norm(gold).split(' ');
  return names.some((n) => {
    const d = norm(n).split(' ');
    return d.join(' ') === g.join(' ') || (d.length > 1 && g.length > 1 && d[0] === g[0] && d.at(-1) === g.at(-1));
  });
}

/** Scores one draft against its gold annotation. */
export function scoreDraft(gold: Gold, draft: CaseFile | undefined, loads: boolean, milliseconds: number): Score {
  const people = (draft?.entities ?? []).filter((e) => e.kind === 'Person');
  const matchOf = (name: string) => people.find((p) => samePerson(name, [p.name, ...(p.aliases ?? [])]));
  const right = people.filter((p) => gold.people.some((g) => samePerson(g, [p.name, ...(p.aliases ?? [])]))).length;
  const goldFound = gold.people.filter((g) => matchOf(g)).length;
  const roles = draft?.roles ?? [];
  const rolesRight = gold.roles.filter((r) => {
    const who = matchOf(r.person);
    return who && roles.some((x) => x.who === who.id && x.role === r.role);
  }).length;
  const offences = (draft?.charges ?? []).map((c) => norm(String(c.offence)));
  const chargesFound = gold.charges.length === 0 ? offences.length === 0 : gold.charges.some((g) => offences.some((o) => o.includes(norm(g)) || norm(g).includes(o)));
  const kinds = new Set<string>([
    draft?.case.status ?? '',
    ...(draft?.rulings ?? []).map((r) => String(r.dispositionKind ?? '')),
    ...(draft?.events ?? []).map((e) => String(e.eventType ?? '')),
  ].map((k) => (k.startsWith('dismissed') ? 'dismissed' : k)));
  const outcomeFound = gold.outcome === undefined ? true : kinds.has(gold.outcome);
  const dates = [...(draft?.events ?? []), ...(draft?.rulings ?? [])].map((e) => (e.time as { date?: string } | undefined)?.date).filter((d): d is string => Boolean(d));
  const eventsFound = gold.events.filter((g) => dates.some((d) => d === g)).length;
  return {
    name: gold.name,
    heldOut: gold.heldOut,
    people: { found: people.length, gold: gold.people.length, right, goldFound },
    roles: { gold: gold.roles.length, right: rolesRight },
    chargesFound,
    outcomeFound,
    events: { gold: gold.events.length, found: eventsFound },
    quotes: draft ? quotesVerified(draft) : { total: 0, verified: 0 },
    loads,
    milliseconds,
  };
}

/** Every citation of a draft, checked at its offsets in its document. */
export function quotesVerified(draft: CaseFile): { total: number; verified: number } {
  const text = draft.documents[0]?.text ?? '';
  const source = new SourceText(text);
  let total = 0;
  let verified = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.sources)) {
      for (const s of v.sources as { quote?: string; start?: number; end?: number }[]) {
        total += 1;
        if (s.quote !== undefined && s.start !== undefined && s.end !== undefined && locateQuote(source, s.quote, s.start, s.end).ok) verified += 1;
      }
    }
    for (const [k, child] of Object.entries(v)) if (k !== 'sources' && k !== 'documents') visit(child);
  };
  visit({ ...draft, documents: undefined });
  return { total, verified };
}

export interface Summary {
  articles: number;
  peoplePrecision: number;
  peopleRecall: number;
  rolesRight: number;
  chargesFound: number;
  outcomeFound: number;
  eventsFound: number;
  quotesVerified: number;
  loads: number;
  meanMilliseconds: number;
}

/** Micro-averaged figures over a set of scores (people and roles over all pairs, the rest per article). */
export function summarise(scores: Score[]): Summary {
  const sum = (f: (s: Score) => number) => scores.reduce((n, s) => n + f(s), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    articles: scores.length,
    peoplePrecision: ratio(sum((s) => s.people.right), sum((s) => s.people.found)),
    peopleRecall: ratio(sum((s) => s.people.goldFound), sum((s) => s.people.gold)),
    rolesRight: ratio(sum((s) => s.roles.right), sum((s) => s.roles.gold)),
    chargesFound: ratio(scores.filter((s) => s.chargesFound).length, scores.length),
    outcomeFound: ratio(scores.filter((s) => s.outcomeFound).length, scores.length),
    eventsFound: ratio(sum((s) => s.events.found), sum((s) => s.events.gold)),
    quotesVerified: ratio(sum((s) => s.quotes.verified), sum((s) => s.quotes.total)),
    loads: ratio(scores.filter((s) => s.loads).length, scores.length),
    meanMilliseconds: Math.round(ratio(sum((s) => s.milliseconds), scores.length)),
  };
}
