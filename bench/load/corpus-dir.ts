import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusFiles, type CorpusOptions } from '../generate/corpus.js';

/** Writes a generated corpus into `dir` (created) and returns the paths of its case files, sorted. */
export async function writeCorpus(dir: string, options: CorpusOptions): Promise<string[]> {
  const caseFiles: string[] = [];
  for (const file of corpusFiles(options)) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    if (/\.case\.(yaml|json)$/.test(file.path)) caseFiles.push(target);
  }
  return caseFiles.sort();
}
