import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../neo4j/executor.js';
import type { Logger } from '../shared/logger.js';
import { seedsDir } from '../shared/paths.js';
import { loadCaseFile } from './load.js';
import type { WriteSummary } from './write.js';

export const CASE_FILE_PATTERN = /\.case\.(ya?ml|json)$/;

/** Loads every case file in seeds/. Idempotent, so it runs on every start. */
export async function loadSeeds(executor: Executor, log: Logger, dir = seedsDir): Promise<WriteSummary[]> {
  const files = (await readdir(dir)).filter((name) => CASE_FILE_PATTERN.test(name)).sort();
  const summaries: WriteSummary[] = [];
  for (const name of files) {
    const summary = await loadCaseFile(executor, path.join(dir, name), path.join('seeds', name));
    log.info({ file: name, ...summary }, 'seed case loaded');
    summaries.push(summary);
  }
  return summaries;
}
