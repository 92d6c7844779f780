import { readFileSync } from 'node:fs';
import path from 'node:path';
import { anchorsOf, type Anchors } from './corpus-source.js';
import { caseFilesOf } from './store-build.js';

/** Case files tried, in name order, for one the operations can ask about (the first is the directory of what the cases share). */
const TRIED = 10;

/**
 * The anchors of a store built beforehand, read from the generated corpus folder that built it:
 * its first case file (in name order) with an act whose actor is an entity of the case.
 */
export function anchorsOfCorpusDir(corpusDir: string): Anchors {
  let files: string[];
  try {
    files = caseFilesOf(corpusDir).slice(0, TRIED);
  } catch (error) {
    throw new Error(`--corpus-dir ${corpusDir}: cannot be read (${(error as Error).message}); name the folder npm run generate wrote the store's corpus to.`);
  }
  const problems: string[] = [];
  for (const file of files) {
    try {
      return anchorsOf(path.basename(file), readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  throw new Error(`--corpus-dir ${corpusDir}: ${files.length ? `none of its first ${files.length} case files has what the operations ask about (${problems.at(-1)})` : 'holds no case file (*.case.yaml)'}; name the folder npm run generate wrote the store's corpus to.`);
}
