import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import path from 'node:path';
import { FIELD_DELIMITER, headerCell } from './csv-format.js';
import type { CsvGroup } from './csv-layout.js';

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

/** Bytes gathered before they are written to a data file. */
const CHUNK = 1 << 20;

/** One group's data files being written: lines gathered in a chunk, written when it is full; a multi-line group's files kept within `maxFileBytes`. */
class GroupWriter {
  private fd = -1;
  private readonly chunk = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** Bytes in the current data file, written or gathered. */
  private fileBytes = 0;

  constructor(readonly source: CsvSource, private readonly base: string, private readonly maxFileBytes: number) {}

  /** Adds a line (its bytes, line break included; copied at once). */
  add(line: Uint8Array): void {
    if (this.source.group.multiline && this.fileBytes > 0 && this.fileBytes + line.length > this.maxFileBytes) this.close();
    if (this.fd < 0) this.open();
    this.fileBytes += line.length;
    if (this.used + line.length > CHUNK) this.flush();
    if (line.length > CHUNK) writeAll(this.fd, line);
    else {
      this.chunk.set(line, this.used);
      this.used += line.length;
    }
  }

  private open(): void {
    const file = `${this.base}-${String(this.source.data.length).padStart(3, '0')}.tsv`;
    this.source.data.push(file);
    this.fd = openSync(file, 'w');
    this.fileBytes = 0;
  }

  private flush(): void {
    if (this.used === 0) return;
    writeAll(this.fd, this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Lines written between two looks at the event loop (progress, a signal to stop). */
const LINES_PER_TURN = 10_000;

/**
 * Writes a header file and data files per group into `dir`, group after group: `linesOf(group)`
 * gives the group's lines as bytes, each with its line break (a buffer may be reused once the
 * next line is asked for); a multi-line group's lines go to data files of at most
 * `maxMultilineBytes`. Calls `written` every 10,000 lines and at the end; a signal stops it
 * between two lines (the files are then incomplete: the caller removes them).
 */
export async function writeCsvFiles(
  dir: string, groups: CsvGroup[], linesOf: (group: CsvGroup) => Iterable<Uint8Array>, maxMultilineBytes: number, written: (rows: number) => void, signal?: AbortSignal,
): Promise<CsvSource[]> {
  const sources: CsvSource[] = [];
  let count = 0;
  for (const [i, group] of groups.entries()) {
    const base = path.join(dir, `${String(i).padStart(3, '0')}-${group.name.replace(/[^A-Za-z0-9_-]/g, '_')}`);
    const source: CsvSource = { group, header: `${base}.header.tsv`, data: [] };
    sources.push(source);
    writeFileSync(source.header, `${headerLine(group)}\n`);
    const writer = new GroupWriter(source, base, maxMultilineBytes);
    try {
      for (const line of linesOf(group)) {
        writer.add(line);
        if (++count % LINES_PER_TURN !== 0) continue;
        written(count);
        await yieldToEvents();
        if (signal?.aborted) return sources;
      }
    } finally {
      writer.close();
    }
  }
  written(count);
  return sources;
}
