import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_DIRS } from './records-dir.js';

/** A federal district or bankruptcy docket number: office, year, type, sequence (what makes the case id). */
const FEDERAL = /^(\d{1,2}:)?(\d{2,4})-([a-z]{2,3})-(\d{1,6})/i;

/**
 * A docket number of its own for copy `k` of a sample: a federal number keeps its office, year
 * and type and gets a sequence of its own (the docket's case id is made of court, office, year,
 * type and sequence, and ignores what follows: judges' initials, a defendant's number); any other
 * number gets `-<prefix>-<k>` appended. Pure.
 */
export function copiedDocketNumber(number: string | undefined, prefix: string, k: number): string | undefined {
  if (number === undefined) return undefined;
  const match = FEDERAL.exec(number.trim());
  if (match) return `${match[1] ?? ''}${match[2]}-${match[3]}-${String(100_000 + k).padStart(6, '0')}`;
  return `${number}-${prefix}-${k}`;
}

/**
 * Writes `count` dockets made from the sample CourtListener dockets, taken in turn, each a docket
 * (and so a case) of its own: a docket number of its own (copiedDocketNumber), or without a
 * number a PACER case id of its own. Judges, attorneys, firms and the court stay the samples', as
 * in real dockets of one court. Empty exports are left out. Returns the files. At most 899,999
 * copies (the sequence's six digits).
 */
export async function writeDistinctDockets(dir: string, count: number, prefix: string): Promise<string[]> {
  if (count > 899_999) throw new Error(`at most 899,999 docket copies, not ${count}`);
  const samples: Record<string, unknown>[] = [];
  for (const name of (await readdir(SAMPLE_DIRS.docket)).filter((n) => n.endsWith('.json')).sort()) {
    const record = JSON.parse(await readFile(path.join(SAMPLE_DIRS.docket, name), 'utf8')) as Record<string, unknown>;
    if (record && !Array.isArray(record) && Object.keys(record).length > 0) samples.push(record);
  }
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let k = 0; k < count; k += 1) {
    const record = structuredClone(samples[k % samples.length]!);
    const number = copiedDocketNumber(typeof record.docket_number === 'string' ? record.docket_number : undefined, prefix, k);
    if (number !== undefined) record.docket_number = number;
    else record.pacer_case_id = `${prefix}${k}`;
    const file = path.join(dir, `docket-${k}.json`);
    await writeFile(file, `${JSON.stringify(record)}\n`);
    files.push(file);
  }
  return files;
}
