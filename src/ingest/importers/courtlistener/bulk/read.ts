import { createReadStream } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { parse, type CastingContext } from 'csv-parse';
import unbzip2 from 'unbzip2-stream';
import { detectDialect, tableOf, type BulkTable, type Dialect } from './tables.js';
import type { Row } from './rows.js';

/** What reading a bulk file gives, in file order. */
export type BulkItem =
  | { kind: 'header'; columns: string[]; table: BulkTable | undefined; dialect: Dialect }
  | { kind: 'row'; row: Row; line: number }
  | { kind: 'bad'; line: number; message: string };

/** A record larger than this is refused (an unclosed quote would otherwise hold the rest of the file in memory). */
export const MAX_ROW_BYTES = 64 * 1024 * 1024;

/**
 * Streams the rows of a CourtListener bulk CSV file, `.csv` or `.csv.bz2` (decompressed as it
 * is read), by header name, in the file's dialect (tables.ts). Memory holds one row at a time
 * (and the decompressor's and parser's buffers), whatever the file's size. A row the parser
 * cannot read (an unclosed quote, a wrong number of fields) is a `bad` item with its line; the
 * rows after it are still read.
 */
export async function* readBulkFile(file: string): AsyncGenerator<BulkItem> {
  const raw = createReadStream(file);
  let bytes: Readable = raw;
  if (/\.bz2$/i.test(file)) {
    // unbzip2-stream is a classic stream: a PassThrough gives it async iteration and backpressure.
    const decompress = unbzip2();
    const out = new PassThrough();
    raw.on('error', (error) => out.destroy(error));
    decompress.on('error', (error: Error) => out.destroy(error));
    bytes = raw.pipe(decompress).pipe(out);
  }
  const chunks = bytes[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const head = Buffer.from(first.value as Buffer);
  const dialect = detectDialect(head.subarray(0, 65536).toString('utf8'));
  const parser = parse({
    quote: dialect.quote,
    escape: dialect.escape,
    bom: true,
    columns: (names: string[]) => (columns = names.map((n) => n.trim())),
    info: true,
    skip_records_with_error: true,
    max_record_size: MAX_ROW_BYTES,
    cast: (value: string, context: CastingContext) => (context.quoting || value !== '' ? value : null),
  });
  const bad: Extract<BulkItem, { kind: 'bad' }>[] = [];
  let columns: string[] | undefined;
  parser.on('skip', (error: Error & { lines?: number }) => bad.push({ kind: 'bad', line: error.lines ?? 0, message: error.message }));
  Readable.from((async function* () {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value as Buffer;
  })()).on('error', (error) => parser.destroy(error)).pipe(parser);

  let header = false;
  for await (const item of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
    if (!header && columns) {
      header = true;
      yield { kind: 'header', columns, table: tableOf(columns), dialect };
    }
    // The parser counts the line a record ends on; line breaks only occur inside quoted values.
    const inside = Object.values(item.record).reduce((n, v) => n + (v === null ? 0 : v.split('\n').length - 1), 0);
    const line = item.info.lines - inside;
    // Rows it could not read are reported as it meets them, which may be before the rows it read ahead of them.
    while (bad.length > 0 && bad[0]!.line < line) yield bad.shift()!;
    yield { kind: 'row', row: item.record, line };
  }
  if (!header && columns) yield { kind: 'header', columns, table: tableOf(columns), dialect };
  yield* bad;
}
