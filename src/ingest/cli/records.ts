import { readFile, stat } from 'node:fs/promises';
import { CourtListenerJoins } from '../importers/courtlistener/joins.js';
import { splitFile } from '../pipeline/prepare.js';
import type { CaseFileRef } from './files.js';

/**
 * A file of several records (a JSON list such as an RSS feed, an API list page, JSON lines)
 * becomes one entry per record, named `<file> [record 3]` (or `[line 12]`, `[results[0]]`), so
 * each record is validated, loaded and reported on its own and the others load whatever one of
 * them holds. Files of one record (and case files) stay as they are. Every record is also read
 * for what it says of CourtListener's ids (a docket's case, a party's or a person's name): the
 * run's joins, which the CourtListener API objects of the run are imported with.
 */
export async function expandRecords(files: readonly CaseFileRef[]): Promise<CaseFileRef[]> {
  const expanded: CaseFileRef[] = [];
  const joins = new CourtListenerJoins();
  for (const file of files) {
    if (!/\.(json|jsonl|ndjson)$/i.test(file.path) || /\.case\.json$/i.test(file.path)) {
      expanded.push(file);
      continue;
    }
    const text = await readFile(file.path, 'utf8').catch(() => null);
    const split = text === null ? null : splitFile({ file: file.display, text });
    if (split && 'records' in split) for (const record of split.records) joins.learn(record.record);
    if (!split || !('records' in split) || split.records.length < 2) {
      expanded.push(file);
      continue;
    }
    split.records.forEach((record, index) => expanded.push({ ...file, display: `${file.display} [${record.place}]`, record: index }));
  }
  const joinsDigest = joins.digest();
  return expanded.map((file) => ({ ...file, joins, joinsDigest }));
}

/**
 * The text of the last file of several records read. A file's records come one after another in
 * a run's list, and each is checked on its own: read for each of them, the file was read (and
 * split, `pipeline/prepare.ts`) once per record, a cost growing with the square of its records.
 * The text is kept while the file on disk keeps its size and modification time.
 */
export class LastFileText {
  private last: { path: string; size: number; mtimeMs: number; text: Promise<string> } | undefined;
  /** Times a file was read from disk. */
  reads = 0;

  async read(file: string): Promise<string> {
    const { size, mtimeMs } = await stat(file);
    const last = this.last;
    if (last && last.path === file && last.size === size && last.mtimeMs === mtimeMs) return last.text;
    const text = readFile(file, 'utf8');
    this.reads += 1;
    this.last = { path: file, size, mtimeMs, text };
    // A failed read is not kept.
    text.catch(() => this.last?.text === text && (this.last = undefined));
    return text;
  }
}

/** The files of several records checked in this process (`check-file.ts`). */
export const recordFileTexts = new LastFileText();
