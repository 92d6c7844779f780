import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeCell, FIELD_DELIMITER, headerCell } from './csv-format.js';
import type { CsvGroup, CsvRow } from './csv-layout.js';

/** A header file and a data file of one group, as the importer's --nodes / --relationships take them. */
export interface CsvSource {
  group: CsvGroup;
  header: string;
  data: string;
}

/** The header line of a group: id columns, then its typed property columns. */
export function headerLine(group: CsvGroup): string {
  return [...group.idColumns, ...[...group.columns].map(([name, type]) => headerCell(name, type))].join(FIELD_DELIMITER);
}

/** One data line: the id cells, then a cell per column of the group (empty where the element has no such property). */
export function dataLine(row: CsvRow): string {
  const cells = row.ids.map((id) => encodeCell(id, 'string'));
  for (const [name, type] of row.group.columns) cells.push(encodeCell(row.props[name], type));
  return cells.join(FIELD_DELIMITER);
}

/**
 * Writes a header file and a data file per group into `dir`, streaming the rows (waiting when a
 * file's buffer is full); calls `written` every 10,000 rows and at the end.
 */
export async function writeCsvFiles(dir: string, groups: CsvGroup[], rows: Iterable<CsvRow>, written: (rows: number) => void): Promise<CsvSource[]> {
  const sources = groups.map((group, i) => {
    const base = `${String(i).padStart(3, '0')}-${group.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    return { group, header: path.join(dir, `${base}.header.tsv`), data: path.join(dir, `${base}.tsv`) };
  });
  await Promise.all(sources.map((s) => writeFile(s.header, `${headerLine(s.group)}\n`)));
  const streams = new Map<CsvGroup, WriteStream>(sources.map((s) => [s.group, createWriteStream(s.data)]));
  const failed = new Promise<never>((_, reject) => streams.forEach((stream) => stream.once('error', reject)));
  failed.catch(() => {});
  let count = 0;
  for (const row of rows) {
    const stream = streams.get(row.group)!;
    if (!stream.write(`${dataLine(row)}\n`)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
    if (++count % 10_000 === 0) written(count);
  }
  await Promise.race([Promise.all([...streams.values()].map((stream) => new Promise<void>((resolve) => stream.end(() => resolve())))), failed]);
  written(count);
  return sources;
}
