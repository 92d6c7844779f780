import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FIELD_DELIMITER, headerCell } from './csv-format.js';
import type { CsvGroup, CsvLine } from './csv-layout.js';

/**
 * A group's header file and data files, as the importer's --nodes / --relationships take them.
 * A multi-line group has as many data files as it needs to keep each within `maxMultilineBytes`
 * (the importer reads a multi-line file whole, in one buffer).
 */
export interface CsvSource {
  group: CsvGroup;
  header: string;
  data: string[];
}

/** The header line of a group: id columns, then its typed property columns. */
export function headerLine(group: CsvGroup): string {
  return [...group.idColumns, ...[...group.columns].map(([name, type]) => headerCell(name, type))].join(FIELD_DELIMITER);
}

/** Characters gathered per file before they are handed to its stream. */
const CHUNK = 1 << 18;

/** One group's files being written: lines gathered in a chunk, written when it is full. */
class GroupWriter {
  private stream: WriteStream | null = null;
  private chunk: string[] = [];
  private chunkLength = 0;
  /** Upper bound of the bytes in the current data file (3 UTF-8 bytes per UTF-16 unit). */
  private fileBytes = 0;

  constructor(readonly source: CsvSource, private readonly base: string, private readonly maxFileBytes: number, private readonly failed: (error: Error) => void) {}

  /** Adds a line; a promise only when it has to wait (a file to close, a chunk to write). */
  add(line: string): Promise<void> | undefined {
    const bytes = 3 * (line.length + 1);
    if (this.source.group.multiline && this.fileBytes > 0 && this.fileBytes + bytes > this.maxFileBytes) return this.nextFile().then(() => this.add(line));
    this.fileBytes += bytes;
    this.chunk.push(line);
    this.chunkLength += line.length + 1;
    return this.chunkLength >= CHUNK ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    if (!this.stream) {
      const file = `${this.base}-${String(this.source.data.length).padStart(3, '0')}.tsv`;
      this.source.data.push(file);
      this.stream = createWriteStream(file);
      this.stream.once('error', this.failed);
    }
    const text = `${this.chunk.join('\n')}\n`;
    this.chunk = [];
    this.chunkLength = 0;
    const stream = this.stream;
    if (!stream.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done).off('error', done);
          resolve();
        };
        stream.on('drain', done).on('error', done);
      });
    }
  }

  private async nextFile(): Promise<void> {
    await this.close();
    this.fileBytes = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    const stream = this.stream;
    this.stream = null;
    if (stream) await new Promise<void>((resolve) => stream.end(() => resolve()));
  }
}

/**
 * Writes a header file and data files per group into `dir`, streaming the lines (waiting when a
 * file's buffer is full); a multi-line group's lines go to data files of at most
 * `maxMultilineBytes`. Calls `written` every 10,000 lines and at the end.
 */
export async function writeCsvFiles(dir: string, groups: CsvGroup[], lines: Iterable<CsvLine>, maxMultilineBytes: number, written: (rows: number) => void): Promise<CsvSource[]> {
  let failure: Error | null = null;
  const writers = new Map<CsvGroup, GroupWriter>();
  const sources = groups.map((group, i) => {
    const base = path.join(dir, `${String(i).padStart(3, '0')}-${group.name.replace(/[^A-Za-z0-9_-]/g, '_')}`);
    const source: CsvSource = { group, header: `${base}.header.tsv`, data: [] };
    writers.set(group, new GroupWriter(source, base, maxMultilineBytes, (error) => (failure ??= error)));
    return source;
  });
  await Promise.all(sources.map((s) => writeFile(s.header, `${headerLine(s.group)}\n`)));
  let count = 0;
  for (const { group, line } of lines) {
    const wait = writers.get(group)!.add(line);
    if (wait) await wait;
    if (failure) throw failure;
    if (++count % 10_000 === 0) written(count);
  }
  for (const writer of writers.values()) await writer.close();
  if (failure) throw failure;
  written(count);
  return sources;
}
