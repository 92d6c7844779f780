import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BulkCopies, csvLine, readBulkSamples, writeBulkCorpus, type BulkSamples } from '../../bench/load/bulk-dir.js';
import { readBulkFile } from '../../src/ingest/importers/courtlistener/bulk/read.js';
import { importRow, type Row } from '../../src/ingest/importers/courtlistener/bulk/rows.js';
import { TABLE_ORDER, type BulkTable, type Dialect } from '../../src/ingest/importers/courtlistener/bulk/tables.js';
import { CourtListenerJoins } from '../../src/ingest/importers/courtlistener/joins.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-bulk-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Reads a folder's bulk files as the loader does: each table by its header, in table order. */
async function readTables(files: string[]): Promise<Map<BulkTable, { columns: string[]; dialect: Dialect; rows: Row[] }>> {
  const tables = new Map<BulkTable, { columns: string[]; dialect: Dialect; rows: Row[] }>();
  for (const file of files) {
    let current: { columns: string[]; dialect: Dialect; rows: Row[] } | undefined;
    for await (const item of readBulkFile(file)) {
      if (item.kind === 'header') {
        expect(item.table, file).toBeDefined();
        current = { columns: item.columns, dialect: item.dialect, rows: [] };
        tables.set(item.table!, current);
      } else if (item.kind === 'row') current!.rows.push(item.row);
      else throw new Error(`${file}:${item.line}: ${item.message}`);
    }
  }
  return tables;
}

/** What the loader's importers make of the tables, joined in table order: case ids per table, and rows used for names. */
function importTables(tables: Map<BulkTable, { rows: Row[] }>) {
  const joins = new CourtListenerJoins();
  const cases = new Map<BulkTable, string[]>();
  const names = new Map<BulkTable, number>();
  for (const table of TABLE_ORDER) {
    for (const row of tables.get(table)?.rows ?? []) {
      joins.learn(row);
      const result = importRow(table, row, JSON.stringify(row), joins);
      if ('joinOnly' in result) names.set(table, (names.get(table) ?? 0) + 1);
      else if (result.problems) throw new Error(`${table} row ${row.id}: ${result.problems.map((p) => p.message).join('; ')}`);
      else cases.set(table, [...(cases.get(table) ?? []), result.caseFile.case.id]);
    }
  }
  return { cases, names };
}

describe('the bulk CSV corpus of npm run bench:load', () => {
  let samples: BulkSamples;

  it('writes N dockets of new cases the importer reads back, with courts and judges shared', async () => {
    samples = await readBulkSamples();
    const corpus = await writeBulkCorpus(path.join(scratch, 'a'), 7, 'ta', 0, samples);
    expect(corpus.files).toHaveLength(8);
    const tables = await readTables(corpus.files);
    expect([...tables.keys()].sort()).toEqual([...TABLE_ORDER].sort());
    for (const table of TABLE_ORDER) {
      // The samples' header, column order and dialect.
      expect(tables.get(table)!.columns).toEqual(samples[table].columns);
      expect(tables.get(table)!.dialect).toEqual(samples[table].dialect);
      expect(tables.get(table)!.rows).toHaveLength(corpus.rows[table]);
    }
    expect(corpus.rows.dockets).toBe(7);
    // Courts, people and positions once, as the samples have them.
    for (const table of ['courts', 'people', 'positions'] as const) expect(tables.get(table)!.rows).toEqual(samples[table].rows);

    const { cases, names } = importTables(tables);
    const dockets = new Set(cases.get('dockets'));
    expect(dockets.size).toBe(7);
    // Every cluster, opinion, citation and citation-map row lands in a docket case of the corpus (no stand-in case).
    for (const table of ['clusters', 'opinions', 'citations', 'citation-map'] as const) {
      expect(cases.get(table)?.length, table).toBe(corpus.rows[table]);
      for (const id of cases.get(table)!) expect(dockets, `${table}: ${id}`).toContain(id);
    }
    expect(names.get('courts')).toBe(samples.courts.rows.length);
    expect(names.get('people')).toBe(samples.people.rows.length);
    // The copies' cases are none of the samples'.
    const own = importTables(new Map(TABLE_ORDER.map((t) => [t, { rows: samples[t].rows }])));
    for (const id of own.cases.get('dockets')!) expect(dockets).not.toContain(id);

    // Copied rows keep every other value of their sample, NULL and "" apart, quotes inside values included.
    const remapped = new Set(['id', 'docket_number', 'docket_number_core', 'pacer_case_id']);
    tables.get('dockets')!.rows.forEach((row, k) => {
      const sample = samples.dockets.rows[k % samples.dockets.rows.length]!;
      for (const column of samples.dockets.columns) if (!remapped.has(column)) expect(row[column], column).toBe(sample[column]);
    });
  });

  it('points the citation map across the corpus, at opinions it holds, never an opinion at itself', async () => {
    const copies = new BulkCopies(samples, 40, 'tc');
    const opinions = new Set<string>();
    const map: Row[] = [];
    for (let k = 0; k < 40; k += 1) {
      const rows = copies.rowsOf(k);
      for (const o of rows.opinions!) opinions.add(o.id!);
      map.push(...rows['citation-map']!);
    }
    expect(map.length).toBeGreaterThan(0);
    for (const row of map) {
      expect(opinions).toContain(row.cited_opinion_id);
      expect(row.cited_opinion_id).not.toBe(row.citing_opinion_id);
    }
    // Early copies are cited more: fewer distinct cited opinions than rows.
    expect(new Set(map.map((r) => r.cited_opinion_id)).size).toBeLessThan(map.length);
  });

  it('gives two corpora with other first indexes ids and cases of their own', async () => {
    const one = new BulkCopies(samples, 5, 'p1', 0);
    const two = new BulkCopies(samples, 5, 'p2', 5);
    const idsOf = (copies: BulkCopies, table: BulkTable) => Array.from({ length: 5 }, (_, k) => copies.rowsOf(k)[table]!.map((r) => r.id!)).flat();
    for (const table of ['dockets', 'clusters', 'opinions', 'citations', 'citation-map'] as const) {
      const a = idsOf(one, table);
      expect(new Set(a).size, table).toBe(a.length);
      for (const id of idsOf(two, table)) expect(a, table).not.toContain(id);
    }
    const numbers = (copies: BulkCopies) => Array.from({ length: 5 }, (_, k) => copies.rowsOf(k).dockets![0]!.docket_number);
    for (const n of numbers(two)) expect(numbers(one)).not.toContain(n);
  });

  it('writes values in either dialect so that the reader gets them back', async () => {
    const value = 'a "quoted" word, a back\\slash\nand a second line';
    for (const dialect of [{ quote: '"', escape: '"' }, { quote: '"', escape: '\\' }]) {
      const line = csvLine(['volume', 'reporter', 'page', 'cluster_id', 'type'], { volume: '1', reporter: value, page: '', cluster_id: '9', type: null }, dialect);
      expect(line.startsWith('"1",')).toBe(true);
      expect(line.endsWith(',"9",\n')).toBe(true);
      const file = path.join(scratch, `dialect-${dialect.escape === '"' ? 'doubled' : 'backslash'}.csv`);
      writeFileSync(file, `"volume","reporter","page","cluster_id","type"\n${line}`);
      const items = [];
      for await (const item of readBulkFile(file)) items.push(item);
      expect(items).toContainEqual(expect.objectContaining({ kind: 'header', dialect }));
      expect(items).toContainEqual({ kind: 'row', line: 2, row: { volume: '1', reporter: value, page: '', cluster_id: '9', type: null } });
    }
  });
});
