import { graphLookup } from '../../src/ingest/pipeline/load.js';
import { planCaseFile, type GraphPlan } from '../../src/ingest/casefile/plan.js';
import { CaseFileError } from '../../src/ingest/casefile/problems.js';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { writePlans } from '../../src/ingest/write/write.js';
import type { Executor } from '../../src/neo4j/executor.js';
import { syntheticCaseFile, syntheticJudgeFile } from '../synthetic.js';
import { anchorsOf, type CorpusSource } from './corpus-source.js';

/** Validates and plans one case file (documents inline) with the project's loader. */
async function prepare(executor: Executor, name: string, text: string): Promise<GraphPlan> {
  const env = {
    readDocument: async () => {
      throw new Error('synthetic case files have their documents inline');
    },
    lookupIds: graphLookup(executor),
  };
  const { problems, valid } = await validateCaseFile(name, text, env);
  if (!valid) throw new CaseFileError(problems);
  return planCaseFile(valid);
}

/** Cases per transaction (writePlans writes a batch in about one case's round trips). */
const BATCH = 50;

/**
 * Small fictional cases that all share one judge (bench/synthetic.ts): the worst case for
 * anything that walks through the judge. Loading the same cases again changes nothing, so it
 * also suits a NEO4J_URI database that a previous run filled.
 */
export function syntheticSource(prefix = 'bench'): CorpusSource {
  const name = (n: number) => `${prefix}-${n}.case.yaml`;
  return {
    name: 'synthetic (one judge shared by every case)',
    anchors: anchorsOf(name(0), syntheticCaseFile(prefix, 0)),
    async load(executor, from, to, loaders) {
      if (from === 0) await writePlans(executor, [{ plan: await prepare(executor, `${prefix}-bench.case.yaml`, syntheticJudgeFile(prefix)) }]);
      let next = from;
      await Promise.all(
        Array.from({ length: loaders }, async () => {
          while (next < to) {
            const first = next;
            next = Math.min(to, next + BATCH);
            const plans = [];
            for (let n = first; n < next; n += 1) plans.push({ plan: await prepare(executor, name(n), syntheticCaseFile(prefix, n)) });
            await writePlans(executor, plans);
          }
        }),
      );
      return null;
    },
    dispose: async () => {},
  };
}
