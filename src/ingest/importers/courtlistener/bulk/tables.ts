/**
 * CourtListener's bulk data: one CSV file per database table, told apart by the columns of its
 * header row (the files' names carry a date and may be renamed; columns are added between
 * snapshots, so they are read by name, never by position).
 */
export type BulkTable = 'courts' | 'people' | 'positions' | 'dockets' | 'clusters' | 'citations' | 'opinions' | 'citation-map';

/** The columns that tell each table; a header must have them all. */
const SIGNATURES: [BulkTable, string[]][] = [
  ['citation-map', ['citing_opinion_id', 'cited_opinion_id']],
  ['citations', ['volume', 'reporter', 'page', 'cluster_id']],
  ['opinions', ['cluster_id', 'type']],
  ['clusters', ['docket_id', 'judges', 'case_name']],
  ['dockets', ['docket_number', 'court_id', 'case_name']],
  ['positions', ['person_id', 'position_type']],
  ['people', ['name_first', 'name_last']],
  ['courts', ['full_name', 'citation_string']],
];

/**
 * The order tables are read in, whatever the order of the command line: each table's rows are
 * joined to the tables before it (a cluster to its docket, an opinion to its cluster and its
 * author, a citation-map row to its opinions), so a row finds what it refers to if the run holds it.
 */
export const TABLE_ORDER: readonly BulkTable[] = ['courts', 'people', 'positions', 'dockets', 'clusters', 'citations', 'opinions', 'citation-map'];

export function tableOf(columns: readonly string[]): BulkTable | undefined {
  const have = new Set(columns);
  return SIGNATURES.find(([, needed]) => needed.every((c) => have.has(c)))?.[0];
}

/** The columns each table needs to be read at all (its identity and its joins). */
export const REQUIRED: Record<BulkTable, string[]> = {
  courts: ['id', 'full_name'],
  people: ['id', 'name_last'],
  positions: ['person_id'],
  dockets: ['id', 'court_id', 'docket_number'],
  clusters: ['id', 'docket_id'],
  citations: ['volume', 'reporter', 'page', 'cluster_id'],
  opinions: ['id', 'cluster_id'],
  'citation-map': ['citing_opinion_id', 'cited_opinion_id'],
};

/**
 * The CSV dialect of a file, from its first bytes. CourtListener writes each table with
 * PostgreSQL's `COPY … TO STDOUT WITH (FORMAT csv, HEADER, FORCE_QUOTE *)`: every value quoted,
 * NULL an empty unquoted field, a quote inside a value doubled (PostgreSQL's default ESCAPE is the
 * quote). Its help page imports with `ESCAPE '\'`, and some snapshots were written that way (a
 * quote inside a value as `\"`, a backslash as `\\`); one revision quoted with backticks. So: the
 * quote is the header's first character (`"` or a backtick); the escape is a backslash when the
 * sample holds a backslash before a quote that does not end a field, else the quote itself.
 */
export interface Dialect {
  quote: string;
  escape: string;
}

export function detectDialect(sample: string): Dialect {
  const start = sample.replace(/^\uFEFF/, '');
  const quote = start.startsWith('`') ? '`' : '"';
  const q = quote === '"' ? '"' : '`';
  const backslashed = new RegExp(`\\\\${q}(?![,\\r\\n]|$)`).test(start);
  return { quote, escape: backslashed ? '\\' : quote };
}

/** A file name a bulk CSV can have: `.csv`, or `.csv.bz2` as CourtListener publishes it. */
export const isBulkCsvFile = (file: string) => /\.csv(\.bz2)?$/i.test(file);
