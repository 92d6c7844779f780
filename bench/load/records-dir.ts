import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copiedDocketNumber } from './offline-dockets.js';

/** The real samples the record rows copy (tests/fixtures: CourtListener dockets, CAP opinions). */
export const SAMPLE_DIRS = { docket: 'tests/fixtures/courtlistener', opinion: 'tests/fixtures/cap' } as const;
export type RecordKind = keyof typeof SAMPLE_DIRS;

/**
 * Writes `count` records made from the real samples, taken in turn, each under an identity of
 * its own (a docket number of its own as copiedDocketNumber makes it, numbered from `first`; a
 * CAP id and citation with `prefix` and a counter), so every one is a new case; their judges, attorneys, firms, courts and cited authorities stay the samples', as
 * real records of one court share them. Empty exports are left out. Returns the files.
 */
export async function writeRecordCorpus(dir: string, kind: RecordKind, count: number, prefix: string, first = 0): Promise<string[]> {
  const sampleDir = SAMPLE_DIRS[kind];
  const samples: Record<string, unknown>[] = [];
  for (const name of (await readdir(sampleDir)).filter((n) => n.endsWith('.json')).sort()) {
    const record = JSON.parse(await readFile(path.join(sampleDir, name), 'utf8')) as Record<string, unknown>;
    if (Object.keys(record).length > 0) samples.push(record);
  }
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let k = 0; k < count; k += 1) {
    const record = structuredClone(samples[k % samples.length]!);
    if (kind === 'docket') {
      const number = copiedDocketNumber(typeof record.docket_number === 'string' ? record.docket_number : undefined, prefix, first + k);
      if (number !== undefined) record.docket_number = number;
      else record.pacer_case_id = `${prefix}${first + k}`;
    } else {
      record.id = `${prefix}-${k}`;
      record.citations = [{ type: 'official', cite: `${9000 + k} A.2d ${k + 1}` }];
    }
    const file = path.join(dir, `${kind}-${k}.json`);
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
