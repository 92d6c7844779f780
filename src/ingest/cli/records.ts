import { readFile } from 'node:fs/promises';
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
