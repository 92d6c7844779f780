import type { Citation } from '../../casefile/case-file.js';
import { addSources, type CaseBuild } from '../build.js';
import { isObject, readDate, shorten, slug, text, type RecordPath } from '../record.js';
import { entryKey } from './docket-id.js';
import { filedBy } from './filed-by.js';
import type { PartyRef } from './parties.js';

/**
 * The docket entries: one event per entry, its id made from the entry's number (else its PACER
 * document id, else its date and words), so the same entry from two reports is one event. Its
 * words are the long description (docket reports, the API's first document) and the short one
 * (history reports, RSS items), each cited at its own pointer; an entry with neither is named
 * by its number alone. "filed by <party>" links the party.
 */
export function importEntries(build: CaseBuild, entries: unknown[], parties: PartyRef[]): void {
  const numbered: NumberedEntry[] = [];
  const html = entries.filter((entry) => isObject(entry) && text(entry.description_html)).length;
  if (html > 0) build.dropped(['docket_entries'], `description_html of ${html} entries is not kept (the plain description is)`);
  entries.forEach((entry, k) => isObject(entry) && importEntry(build, readEntry(entry, k), parties, numbered));
  orderByNumber(build, numbered);
}

/** What an entry says, and where. */
interface Entry {
  at: (...path: RecordPath) => RecordPath;
  /** Its long description: its own, or its first document's. */
  description: string | undefined;
  descriptionPath: RecordPath;
  short: string | undefined;
  number: string | undefined;
  numberField: string;
  filed: string | undefined;
  /** The date as the record writes it. */
  filedText: string;
  entered: string | undefined;
  words: string | undefined;
  /** What identifies it (docket-id.ts); undefined when nothing does. */
  key: string | undefined;
}

function readEntry(entry: Record<string, unknown>, k: number): Entry {
  const at = (...path: RecordPath): RecordPath => ['docket_entries', k, ...path];
  const long = text(entry.description);
  const description = long ?? firstDocumentDescription(entry);
  const short = text(entry.short_description);
  const numberField = present(entry.document_number) ? 'document_number' : 'entry_number';
  const number = typeof entry[numberField] === 'number' ? String(entry[numberField]) : text(entry[numberField]);
  const filed = readDate(entry.date_filed, [], []);
  const words = description ?? short;
  return {
    at, description, descriptionPath: long ? at('description') : at('recap_documents', 0, 'description'), short, number, numberField,
    filed, filedText: String(entry.date_filed), entered: readDate(entry.date_entered, [], []), words,
    key: entryKey({ number, pacerDocId: text(entry.pacer_doc_id), filed, words }),
  };
}

/** One entry as an event; the same entry from another report adds its sources to that event. */
function importEntry(build: CaseBuild, e: Entry, parties: PartyRef[], numbered: NumberedEntry[]): void {
  if (!e.key) {
    build.dropped(e.at(), 'an entry with no number, document id, date or words: nothing identifies it');
    return;
  }
  const sources = entrySources(build, e);
  const participants = filer(build, e, parties, sources);
  const id = slug(build.caseId, e.key);
  if (e.number && /^\d+$/.test(e.number.trim())) numbered.push({ n: Number(e.number), id, filed: e.filed, path: e.at(e.numberField) });
  const same = build.events.find((event) => event.id === id);
  if (same) {
    addSources(same.sources, sources);
    return;
  }
  build.events.push({
    id,
    name: e.number ? `Docket entry ${e.number}` : e.filed ? `Docket entry of ${e.filed}` : 'Docket entry',
    eventType: 'docket entry',
    ...(e.words ? { description: shorten(e.words, 4000) } : {}),
    ...(e.number ? { entryNumber: e.number } : {}),
    ...(e.filed ? { time: { text: e.filedText, date: e.filed } } : {}),
    ...(e.entered ? { dateEntered: e.entered } : {}),
    ...(participants.length > 0 ? { participants } : {}),
    sources,
  });
}

function entrySources(build: CaseBuild, e: Entry): Citation[] {
  const sources: Citation[] = [];
  if (e.description) sources.push(build.cite.whole(e.descriptionPath));
  if (e.short) sources.push(build.cite.whole(e.at('short_description')));
  if (e.number) sources.push(build.cite.whole(e.at(e.numberField)));
  if (e.filed) sources.push(build.cite.whole(e.at('date_filed')));
  if (e.entered) sources.push(build.cite.whole(e.at('date_entered')));
  return sources;
}

/** The party "filed by" in the description names, cited where the description names it. */
function filer(build: CaseBuild, e: Entry, parties: PartyRef[], sources: Citation[]): string[] {
  if (!e.description) return [];
  const found = filedBy(e.description, parties.flatMap((p) => p.names));
  if (!found) return [];
  sources.push(build.cite.part(e.descriptionPath, e.description, found.from, found.to));
  return [parties.find((p) => p.names.includes(found.name))!.id];
}

interface NumberedEntry {
  n: number;
  id: string;
  filed: string | undefined;
  path: RecordPath;
}

/**
 * A docket numbers its entries in the order they are filed: entry N comes before the next
 * numbered entry the report lists, stated as `BEFORE` (cited at both numbers) where the dates do
 * not already tell the order (one is missing, or both are the same day). The timeline then keeps
 * a day's entries, and undated ones, in the docket's order.
 */
function orderByNumber(build: CaseBuild, numbered: NumberedEntry[]): void {
  const sorted = [...new Map(numbered.map((e) => [e.id, e])).values()].sort((a, b) => a.n - b.n);
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    if (before.n === after.n || (before.filed && after.filed && before.filed !== after.filed)) continue;
    build.relation({
      id: slug(before.id, 'before', after.id),
      type: 'BEFORE',
      from: before.id,
      to: after.id,
      description: `entry ${before.n} comes before entry ${after.n} in the docket's numbering`,
      sources: [build.cite.whole(before.path), build.cite.whole(after.path)],
    });
  }
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The RECAP API keeps an entry's long description on its first document. */
function firstDocumentDescription(entry: Record<string, unknown>): string | undefined {
  const documents = entry.recap_documents;
  return Array.isArray(documents) && isObject(documents[0]) ? text(documents[0].description) : undefined;
}
