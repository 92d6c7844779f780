import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureLoad } from '../load/measure.js';
import { writeCorpus } from '../load/corpus-dir.js';
import { anchorsOf, type CorpusSource } from './corpus-source.js';

/** Cases per transaction while the corpus grows, as `npm run load -- --batch 50`. */
const BATCH = 50;
/** Cases validated and planned before they are written: the loader keeps all their plans in memory. */
const SLICE = 1000;

/**
 * The corpus of `npm run generate` (fictional cases sharing judges, prosecutors, courts, offices
 * and lawyers), written once for the largest size into a temporary folder and loaded a slice at
 * a time as the command-line loader loads it. Ids start with a prefix of their own, so a
 * NEO4J_URI database can take the corpus of several runs.
 */
export async function generatedSource(cases: number, seed = 1): Promise<CorpusSource> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'case-graph-bench-corpus-'));
  const prefix = `bench${Date.now().toString(36)}`;
  // Sorted: the directory of shared courts, offices and people first, then the cases in order.
  const [directory, ...files] = await writeCorpus(dir, { cases, seed, prefix, format: 'yaml' });
  const first = files[0]!;
  return {
    name: `generated (npm run generate, seed ${seed})`,
    anchors: anchorsOf(path.basename(first), await readFile(first, 'utf8')),
    async load(executor, from, to, loaders) {
      const total = { cases: 0, elements: 0, seconds: 0 };
      for (let start = from; start < to; start += SLICE) {
        const slice = [...(start === 0 ? [directory!] : []), ...files.slice(start, Math.min(to, start + SLICE))];
        const figures = await measureLoad({ executor, files: slice, batch: BATCH, loaders });
        total.cases += figures.cases;
        total.elements += figures.elements;
        total.seconds += figures.seconds;
      }
      return { cases: total.cases, elements: total.elements, elementsPerSecond: Math.round(total.elements / total.seconds) };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
