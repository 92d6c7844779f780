import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { readBulkFile } from '../../src/ingest/importers/courtlistener/bulk/read.js';
import type { Row } from '../../src/ingest/importers/courtlistener/bulk/rows.js';
import { isBulkCsvFile, TABLE_ORDER, type BulkTable, type Dialect } from '../../src/ingest/importers/courtlistener/bulk/tables.js';
import { copiedDocketNumber } from './offline-dockets.js';

/** The bulk CSV samples the bulk rows copy (hand-made in CourtListener's format: header, columns, quoting). */
export const BULK_SAMPLE_DIR = 'tests/fixtures/courtlistener-bulk';

/** The name CourtListener gives each table's dump (`<name>-<date>.csv.bz2`). */
export const DUMP_NAMES: Record<BulkTable, string> = {
  courts: 'courts', people: 'people-db-people', positions: 'people-db-positions', dockets: 'dockets',
  clusters: 'opinion-clusters', opinions: 'opinions', citations: 'citations', 'citation-map': 'citation-map',
};

/** One table of the samples: its header, its rows (NULL as null), its dialect. */
export interface BulkSampleTable {
  columns: string[];
  rows: Row[];
  dialect: Dialect;
}
export type BulkSamples = Record<BulkTable, BulkSampleTable>;

/**
 * Reads the sample bulk files of a folder, each table told by its header (never by its file's
 * name), as the loader tells them. Throws when a file is no bulk table, a table comes twice or
 * is missing, or a row cannot be read.
 */
export async function readBulkSamples(dir = BULK_SAMPLE_DIR): Promise<BulkSamples> {
  const found = new Map<BulkTable, BulkSampleTable>();
  for (const name of (await readdir(dir)).filter(isBulkCsvFile).sort()) {
    let table: BulkSampleTable | undefined;
    for await (const item of readBulkFile(path.join(dir, name))) {
      if (item.kind === 'header') {
        if (!item.table) throw new Error(`${name}: its header is not that of a CourtListener bulk table`);
        if (found.has(item.table)) throw new Error(`${name}: a second ${item.table} table among the samples`);
        table = { columns: item.columns, rows: [], dialect: item.dialect };
        found.set(item.table, table);
      } else if (item.kind === 'row') table!.rows.push(item.row);
      else throw new Error(`${name}:${item.line}: ${item.message}`);
    }
  }
  const missing = TABLE_ORDER.filter((t) => !found.has(t));
  if (missing.length > 0) throw new Error(`${dir}: no ${missing.join(', ')} table among the samples`);
  return Object.fromEntries(found) as BulkSamples;
}

/** One CSV line as CourtListener writes it: every value quoted (FORCE_QUOTE *), NULL an empty unquoted field, a quote escaped as the dialect does. */
export function csvLine(columns: readonly string[], row: Row, dialect: Dialect): string {
  const { quote, escape } = dialect;
  const escaped = (value: string) => (escape === quote ? value.replaceAll(quote, quote + quote) : value.replaceAll(escape, escape + escape).replaceAll(quote, escape + quote));
  return `${columns.map((c) => (row[c] === null || row[c] === undefined ? '' : `${quote}${escaped(row[c]!)}${quote}`)).join(',')}\n`;
}

/** First id of each copied table: far above the samples' and CourtListener's own ids of today. */
const ID_BASE: Partial<Record<BulkTable, number>> = { dockets: 100_000_000, clusters: 200_000_000, opinions: 300_000_000, citations: 400_000_000, 'citation-map': 500_000_000 };

/** A pseudo-random number in [0, 1) of two integers (the same every run). */
const unit = (a: number, b: number) => (Math.imul(a + 1, 2654435761) ^ Math.imul(b + 1, 40503) ^ Math.imul(a ^ b, 97)) >>> 0;

/**
 * The rows of docket copies, made from the samples' rows by the joins of the format (CourtListener
 * ids, by column name): copy `k` of `count` is sample docket `k % dockets` with its clusters, their
 * opinions and citations, and the citation-map rows of those opinions, all under ids of their own
 * (`ID_BASE` + global index `first + k` x the sample table's rows + the row's index), so each
 * copy is a new case:
 * - dockets: `id`; `docket_number` as copiedDocketNumber makes it (a federal number keeps office,
 *   year and type, with a sequence of its own; another gets `-<prefix>-<index>`); a non-empty
 *   `docket_number_core` the new number's digits; a non-empty `pacer_case_id` one of its own.
 *   `court_id`, `assigned_to_id`, `referred_to_id` stay: courts and judges are shared.
 * - clusters: `id`, `docket_id` (the copy's docket); opinions: `id`, `cluster_id`; `author_id` stays.
 * - citations: `id`, `cluster_id`; a numeric `volume` and `page` made distinct per copy (the
 *   reporter stays), so each copy is reported as an authority of its own.
 * - citation map: `id`; `citing_opinion_id` the copy's opinion; `cited_opinion_id` a copy of the
 *   cited sample opinion somewhere in the corpus, early copies far more often (the cube of a
 *   pseudo-random fraction picks which): some opinions are cited by many, as in the real map.
 *   With fewer copies than sample dockets, an opinion the corpus holds no copy of stays the
 *   sample's id (outside the corpus, as in a cut of the dumps).
 * Courts, people and positions are not copied: `sharedRows` gives them once per corpus.
 * Sample rows that no sample docket reaches are left out.
 */
export class BulkCopies {
  private readonly dockets: number[];
  private readonly childIndex: Map<string, Map<string, number[]>>;
  /** Sample opinion id → its sample docket (index among the dockets) and its row. */
  private readonly opinionPlace = new Map<string, { docket: number; row: number }>();

  constructor(private readonly samples: BulkSamples, readonly count: number, private readonly prefix: string, private readonly first = 0) {
    this.dockets = samples.dockets.rows.map((_, i) => i);
    if (this.dockets.length === 0) throw new Error('the samples have no docket row');
    const by = (table: BulkTable, column: string) => {
      const index = new Map<string, number[]>();
      samples[table].rows.forEach((row, i) => {
        const key = row[column];
        if (key !== null && key !== undefined) index.set(key, [...(index.get(key) ?? []), i]);
      });
      return index;
    };
    this.childIndex = new Map([
      ['clusters', by('clusters', 'docket_id')],
      ['opinions', by('opinions', 'cluster_id')],
      ['citations', by('citations', 'cluster_id')],
      ['citation-map', by('citation-map', 'citing_opinion_id')],
    ]);
    samples.dockets.rows.forEach((docket, d) => {
      for (const c of this.children('clusters', docket.id)) {
        for (const o of this.children('opinions', samples.clusters.rows[c]!.id)) this.opinionPlace.set(samples.opinions.rows[o]!.id!, { docket: d, row: o });
      }
    });
  }

  /** The id of the copy of row `i` of a table in docket copy `g` (global index). */
  id(table: BulkTable, i: number, g: number): string {
    return String(ID_BASE[table]! + g * this.samples[table].rows.length + i);
  }

  /** The rows of docket copy `k` (0 to count - 1), per table. */
  rowsOf(k: number): Partial<Record<BulkTable, Row[]>> {
    const g = this.first + k;
    const d = k % this.dockets.length;
    const out: Partial<Record<BulkTable, Row[]>> = { dockets: [this.docket(d, g)], clusters: [], opinions: [], citations: [], 'citation-map': [] };
    const docketId = this.samples.dockets.rows[d]!.id;
    for (const c of this.children('clusters', docketId)) {
      const cluster = this.samples.clusters.rows[c]!;
      out.clusters!.push({ ...cluster, id: this.id('clusters', c, g), docket_id: this.id('dockets', d, g) });
      for (const t of this.children('citations', cluster.id)) out.citations!.push(this.citation(t, c, g));
      for (const o of this.children('opinions', cluster.id)) {
        const opinion = this.samples.opinions.rows[o]!;
        out.opinions!.push({ ...opinion, id: this.id('opinions', o, g), cluster_id: this.id('clusters', c, g) });
        for (const m of this.children('citation-map', opinion.id)) out['citation-map']!.push(this.citationMap(m, o, k));
      }
    }
    return out;
  }

  /** Courts, people and positions: the samples' rows, once per corpus (shared by every copy). */
  sharedRows(): Partial<Record<BulkTable, Row[]>> {
    return { courts: this.samples.courts.rows, people: this.samples.people.rows, positions: this.samples.positions.rows };
  }

  private children(table: BulkTable, parent: string | null | undefined): number[] {
    return parent === null || parent === undefined ? [] : (this.childIndex.get(table)!.get(parent) ?? []);
  }

  private docket(d: number, g: number): Row {
    const sample = this.samples.dockets.rows[d]!;
    const row: Row = { ...sample, id: this.id('dockets', d, g) };
    const number = copiedDocketNumber(sample.docket_number ?? undefined, this.prefix, g);
    if (number !== undefined) row.docket_number = number;
    if (sample.docket_number_core) row.docket_number_core = (number ?? '').replace(/^\d{1,2}:/, '').replace(/\D/g, '');
    if (sample.pacer_case_id) row.pacer_case_id = String(900_000_000 + g);
    return row;
  }

  private citation(t: number, c: number, g: number): Row {
    const sample = this.samples.citations.rows[t]!;
    const numeric = (v: string | null | undefined) => v !== null && v !== undefined && /^\d+$/.test(v);
    return {
      ...sample,
      id: this.id('citations', t, g),
      cluster_id: this.id('clusters', c, g),
      ...(numeric(sample.volume) && { volume: String(Number(sample.volume) + 1 + Math.floor(g / 100_000)) }),
      ...(numeric(sample.page) && { page: String(10 * (g % 100_000) + t + 1) }),
    };
  }

  private citationMap(m: number, o: number, k: number): Row {
    const g = this.first + k;
    const sample = this.samples['citation-map'].rows[m]!;
    const row: Row = { ...sample, id: this.id('citation-map', m, g), citing_opinion_id: this.id('opinions', o, g) };
    const cited = this.opinionPlace.get(sample.cited_opinion_id ?? '');
    if (!cited) return row;
    const S = this.dockets.length;
    const copies = cited.docket < this.count ? Math.floor((this.count - 1 - cited.docket) / S) + 1 : 0;
    if (copies === 0) return row;
    let pick = Math.floor(copies * (unit(g, m) / 2 ** 32) ** 3);
    // An opinion citing itself: the next copy instead.
    if (cited.docket + pick * S === k && cited.row === o && copies > 1) pick = (pick + 1) % copies;
    return { ...row, cited_opinion_id: this.id('opinions', cited.row, this.first + cited.docket + pick * S) };
  }
}

/** What writeBulkCorpus wrote: the files (one per table) and the rows of each table. */
export interface BulkCorpus {
  files: string[];
  rows: Record<BulkTable, number>;
}

/**
 * Writes `count` dockets' worth of CourtListener's eight bulk tables to `dir` (BulkCopies' rows,
 * then courts, people and positions once), one `<dump name>-<date>.csv` per table in the
 * samples' header, column order and dialect. Streams: one docket copy in memory at a time.
 */
export async function writeBulkCorpus(dir: string, count: number, prefix: string, first = 0, samples?: BulkSamples): Promise<BulkCorpus> {
  const tables = samples ?? (await readBulkSamples());
  const copies = new BulkCopies(tables, count, prefix, first);
  await mkdir(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const streams = new Map<BulkTable, WriteStream>();
  const rows = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<BulkTable, number>;
  const files: string[] = [];
  for (const table of TABLE_ORDER) {
    const file = path.join(dir, `${DUMP_NAMES[table]}-${date}.csv`);
    const stream = createWriteStream(file);
    const { columns, dialect } = tables[table];
    stream.write(`${columns.map((c) => `${dialect.quote}${c}${dialect.quote}`).join(',')}\n`);
    streams.set(table, stream);
    files.push(file);
  }
  const write = async (part: Partial<Record<BulkTable, Row[]>>) => {
    for (const [table, list] of Object.entries(part) as [BulkTable, Row[]][]) {
      const { columns, dialect } = tables[table];
      const stream = streams.get(table)!;
      for (const row of list) {
        rows[table] += 1;
        if (!stream.write(csvLine(columns, row, dialect))) await once(stream, 'drain');
      }
    }
  };
  await write(copies.sharedRows());
  for (let k = 0; k < count; k += 1) await write(copies.rowsOf(k));
  await Promise.all([...streams.values()].map((stream) => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))));
  return { files, rows };
}
