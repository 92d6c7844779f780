import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A row of a bulk table: its values by column; null (or absent) is SQL NULL. */
export type CsvRow = Record<string, string | null | undefined>;

/**
 * A bulk CSV file as CourtListener writes it (PostgreSQL's `COPY … WITH (FORMAT csv, HEADER,
 * FORCE_QUOTE *)`): every value quoted, a quote inside a value doubled, NULL an empty unquoted
 * field.
 */
export function bulkCsv(columns: readonly string[], rows: readonly CsvRow[]): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const line = (row: CsvRow) => columns.map((c) => (row[c] == null ? '' : quote(row[c]!))).join(',');
  return [columns.map(quote).join(','), ...rows.map(line), ''].join('\n');
}

/** The columns each table is written with here (a subset of CourtListener's, as a snapshot may have). */
export const BULK_COLUMNS = {
  courts: ['id', 'full_name', 'citation_string'],
  people: ['id', 'name_first', 'name_middle', 'name_last', 'name_suffix'],
  dockets: ['id', 'date_created', 'case_name', 'docket_number', 'court_id', 'date_filed', 'date_terminated', 'assigned_to_str', 'referred_to_str', 'cause', 'nature_of_suit'],
  clusters: ['id', 'docket_id', 'judges', 'case_name', 'date_filed', 'precedential_status'],
  citations: ['id', 'volume', 'reporter', 'page', 'cluster_id'],
  opinions: ['id', 'cluster_id', 'type', 'author_str', 'author_id', 'plain_text'],
  'citation-map': ['id', 'depth', 'cited_opinion_id', 'citing_opinion_id'],
} as const;

export type BulkTables = { [table in keyof typeof BULK_COLUMNS]?: CsvRow[] };

/** Writes each table given as `<table>-<date>.csv` in `dir` (made if missing); returns the files' paths. */
export function writeBulkFiles(dir: string, date: string, tables: BulkTables): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(tables).map(([table, rows]) => {
    const file = path.join(dir, `${table}-${date}.csv`);
    writeFileSync(file, bulkCsv(BULK_COLUMNS[table as keyof typeof BULK_COLUMNS], rows!));
    return file;
  });
}

/**
 * A generated bulk corpus of one court (`court`, ids from `base`): `n` dockets, each with a
 * cluster, a citation and an opinion, the opinions citing the one before them, judges out of a
 * few so that many cases share each. Big enough that a load can be stopped halfway.
 */
export function generatedBulkTables(court: string, base: number, n: number): BulkTables {
  const judges = ['Maren Holloway', 'Quill Aversby', 'Idris Fenmore', 'Solenne Rook'];
  const k = Array.from({ length: n }, (_, i) => i);
  return {
    courts: [{ id: court, full_name: `District Court for the District of ${court}`, citation_string: court.toUpperCase() }],
    people: [{ id: String(base + 99_000), name_first: 'Maren', name_middle: '', name_last: 'Holloway', name_suffix: '' }],
    dockets: k.map((i) => ({
      id: String(base + i), date_created: '2099-04-01 10:00:00+00', case_name: `Plaintiff ${i} v. Defendant ${i}`, docket_number: `2:24-cv-${String(i).padStart(5, '0')}`,
      court_id: court, date_filed: `2024-0${1 + (i % 9)}-1${i % 10}`, date_terminated: i % 3 === 0 ? `2025-0${1 + (i % 9)}-0${1 + (i % 9)}` : null,
      assigned_to_str: judges[i % judges.length], referred_to_str: i % 2 === 0 ? judges[(i + 1) % judges.length] : '', cause: `28:1332 Diversity (${i})`, nature_of_suit: 'Contract: Other',
    })),
    clusters: k.map((i) => ({ id: String(base + 10_000 + i), docket_id: String(base + i), judges: judges[i % judges.length], case_name: `Plaintiff ${i} v. Defendant ${i}`, date_filed: '2025-02-03', precedential_status: 'Published' })),
    citations: k.map((i) => ({ id: String(base + 20_000 + i), volume: String(100 + i), reporter: 'F. Supp. 4th', page: String(7 + i), cluster_id: String(base + 10_000 + i) })),
    opinions: k.map((i) => ({ id: String(base + 30_000 + i), cluster_id: String(base + 10_000 + i), type: '010combined', author_str: '', author_id: i % 4 === 0 ? String(base + 99_000) : null, plain_text: `Opinion ${i}: the motion is granted in part.` })),
    'citation-map': k.slice(1).map((i) => ({ id: String(base + 40_000 + i), depth: String(1 + (i % 3)), cited_opinion_id: String(base + 30_000 + i - 1), citing_opinion_id: String(base + 30_000 + i) })),
  };
}
