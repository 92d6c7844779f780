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
  entries.forEach((entry, k) => {
    if (!isObject(entry)) return;
    const at = (...path: RecordPath): RecordPath => ['docket_entries', k, ...path];
    const long = text(entry.description);
    const fromDocument = long ? undefined : firstDocumentDescription(entry);
    const short = text(entry.short_description);
    const longPath = long ? at('description') : at('recap_documents', 0, 'description');
    const numberField = present(entry.document_number) ? 'document_number' : 'entry_number';
    const number = typeof entry[numberField] === 'number' ? String(entry[numberField]) : text(entry[numberField]);
    const filed = readDate(entry.date_filed, [], []);
    const entered = readDate(entry.date_entered, [], []);
    const words = long ?? fromDocument ?? short;
    const key = entryKey({ number, pacerDocId: text(entry.pacer_doc_id), filed, words });
    if (!key) {
      build.dropped(at(), 'an entry with no number, document id, date or words: nothing identifies it');
      return;
    }
    const sources: Citation[] = [];
    if (long ?? fromDocument) sources.push(build.cite.whole(longPath));
    if (short) sources.push(build.cite.whole(at('short_description')));
    if (number) sources.push(build.cite.whole(at(numberField)));
    if (filed) sources.push(build.cite.whole(at('date_filed')));
    if (entered) sources.push(build.cite.whole(at('date_entered')));
    const participants: string[] = [];
    const description = long ?? fromDocument;
    if (description) {
      const filer = filedBy(description, parties.flatMap((p) => p.names));
      if (filer) {
        participants.push(parties.find((p) => p.names.includes(filer.name))!.id);
        sources.push(build.cite.part(longPath, description, filer.from, filer.to));
      }
    }
    const label = number ? `Docket entry ${number}` : filed ? `Docket entry of ${filed}` : 'Docket entry';
    const id = slug(build.caseId, key);
    if (number && /^\d+$/.test(number.trim())) numbered.push({ n: Number(number), id, filed, path: at(numberField) });
    const same = build.events.find((e) => e.id === id);
    if (same) {
      addSources(same.sources, sources);
      return;
    }
    build.events.push({
      id,
      name: label,
      eventType: 'docket entry',
      ...(words ? { description: shorten(words, 4000) } : {}),
      ...(number ? { entryNumber: number } : {}),
      ...(filed ? { time: { text: String(entry.date_filed), date: filed } } : {}),
      ...(entered ? { dateEntered: entered } : {}),
      ...(participants.length > 0 ? { participants } : {}),
      sources,
    });
  });
  orderByNumber(build, numbered);
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
