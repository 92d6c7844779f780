import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../../neo4j/executor.js';
import type { Logger } from '../../shared/logger.js';
import { seedsDir } from '../../shared/paths.js';
import { EmptyExportError, loadCaseFile } from './load.js';
import type { WriteSummary } from '../write/write.js';
import { caseLoadedFrom } from '../write/manifest.js';

export const CASE_FILE_PATTERN = /\.case\.(ya?ml|json)$/;
/** What the seeds folder and folders given to the loader take: case files and JSON records (CourtListener dockets, CAP cases). */
export const LOADABLE_PATTERN = /\.case\.(ya?ml|json)$|\.(json|jsonl|ndjson)$/;

export interface SeedResult {
  file: string;
  /** Null when the case was already loaded from exactly these files. */
  summary: WriteSummary | null;
}

/**
 * Loads every case file in seeds/, in name order, on every start. A case whose files (the case
 * file and every other file in the folder) are byte for byte what its last load read is skipped;
 * loading it again would change nothing anyway, it would only take longer.
 */
export async function loadSeeds(executor: Executor, log: Logger, dir = seedsDir): Promise<SeedResult[]> {
  const names = (await readdir(dir)).sort();
  const documents = await Promise.all(names.filter((n) => !LOADABLE_PATTERN.test(n) && /\.(txt|md)$/.test(n)).map((n) => readFile(path.join(dir, n))));
  const results: SeedResult[] = [];
  for (const name of names.filter((n) => LOADABLE_PATTERN.test(n))) {
    const file = path.join(dir, name);
    const hash = createHash('sha256');
    for (const part of [await readFile(file), ...documents]) hash.update(part);
    const sourceHash = hash.digest('hex');
    const [loaded] = await executor.read<{ caseId: string }>(caseLoadedFrom(sourceHash));
    if (loaded) {
      log.info({ file: name, caseId: loaded.caseId }, 'seed case unchanged since its last load');
      results.push({ file: name, summary: null });
      continue;
    }
    let summary: WriteSummary;
    try {
      summary = await loadCaseFile(executor, file, path.join('seeds', name), sourceHash);
    } catch (error) {
      if (!(error instanceof EmptyExportError)) throw error;
      log.warn({ file: name }, `seed file skipped: ${error.message}`);
      results.push({ file: name, summary: null });
      continue;
    }
    log.info({ file: name, ...summary }, 'seed case loaded');
    results.push({ file: name, summary });
  }
  return results;
}
