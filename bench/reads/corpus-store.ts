import { readFileSync } from 'node:fs';
import path from 'node:path';
import { anchorsOf, type Anchors } from './corpus-source.js';
import { syntheticCaseFile } from '../synthetic.js';
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

/** What a corpus folder holds, told by its first case file (in name order), for the reports. */
export type CorpusKind = 'generated' | 'synthetic' | 'case files';

const GENERATE_HEADER = /^# FICTIONAL: .*made by `npm run generate` \(seed \d+\)\./;
const SYNTHETIC_CASE_ID = /^case:\n {2}id: (\S+)-(\d+)-case$/m;

/**
 * `generated` when its first case file carries the header `npm run generate` writes; `synthetic`
 * when that file is, byte for byte, a case `bench/synthetic.ts` writes (small cases that all
 * share one judge); otherwise plain `case files`.
 */
export function corpusKindOf(corpusDir: string): CorpusKind {
  const [first] = caseFilesOf(corpusDir);
  if (!first) return 'case files';
  const text = readFileSync(first, 'utf8');
  if (GENERATE_HEADER.test(text)) return 'generated';
  const id = SYNTHETIC_CASE_ID.exec(text);
  if (id && text === syntheticCaseFile(id[1]!, Number(id[2]))) return 'synthetic';
  return 'case files';
}

const KIND_LABELS: Record<CorpusKind, string> = {
  generated: 'generated (npm run generate)',
  synthetic: 'synthetic (bench/synthetic.ts: small cases, all sharing one judge)',
  'case files': 'case files (neither npm run generate nor bench/synthetic.ts wrote them)',
};

/** The corpus line of a run on stores built beforehand: each kind once, with its folders. */
export function storesCorpusLabel(corpusDirs: readonly string[]): string {
  const byKind = new Map<CorpusKind, string[]>();
  for (const dir of corpusDirs) {
    const kind = corpusKindOf(dir);
    byKind.set(kind, [...(byKind.get(kind) ?? []), dir]);
  }
  return [...byKind].map(([kind, dirs]) => `${KIND_LABELS[kind]}, stores built beforehand: ${dirs.join(', ')}`).join('; ');
}
