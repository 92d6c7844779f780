import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCaseFile } from '../../src/ingest/validate.js';
import { graphLookup } from '../../src/ingest/load.js';
import { planCaseFile } from '../../src/ingest/plan.js';
import { writePlan } from '../../src/ingest/write.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { syntheticCaseFile, syntheticJudgeFile } from '../../src/bench/synthetic.js';

const PREFIX = 'rtrip';
let api: TestApi;

async function load(text: string, name: string) {
  const { problems, valid } = await validateCaseFile(name, text, {
    readDocument: async () => {
      throw new Error('inline only');
    },
    lookupIds: graphLookup(api.executor),
  });
  expect(problems).toEqual([]);
  await writePlan(api.executor, planCaseFile(valid!));
}

/** Loads cases six at a time; each is still its own transaction. */
async function loadCases(from: number, to: number) {
  let next = from;
  const worker = async () => {
    for (let n = next++; n < to; n = next++) await load(syntheticCaseFile(PREFIX, n), `${PREFIX}-${n}.case.yaml`);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/** All cases (a page of up to 100) -> participants -> their roles in other cases -> where. */
const DEEP = `{ cases(first: 100) { totalCount edges { node { id participants { role holder { id roles { role within { id } } } } } } } }`;

async function measure() {
  const response = await api.gql(DEEP, {}, { 'x-debug-round-trips': '1' });
  expect(response.errors).toBeUndefined();
  const cases = response.data.cases.edges.length;
  const roles = response.data.cases.edges.reduce((sum: number, e: any) => sum + e.node.participants.reduce((s: number, p: any) => s + p.holder.roles.length, 0), 0);
  return { roundTrips: response.extensions!.roundTrips as number, cases, roles };
}

beforeAll(async () => {
  api = await startTestApi();
  await load(syntheticJudgeFile(PREFIX), `${PREFIX}-bench.case.yaml`);
});
afterAll(() => api?.close());

describe('database round trips per request', () => {
  it('depend on the shape of the query, not on how many cases it spans (3 cases, then 300)', async () => {
    await loadCases(0, 3);
    const few = await measure();
    await loadCases(3, 300);
    const many = await measure();
    expect(many.cases).toBe(100);
    expect(many.roles).toBeGreaterThan(few.roles * 5);
    // cases page, total count, participants of every case, roles of every holder: one batch each.
    expect(few.roundTrips).toBe(4);
    expect(many.roundTrips).toBe(few.roundTrips);
  }, 180_000);
});
