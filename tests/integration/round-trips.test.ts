import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/graphql/context.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { graphLookup } from '../../src/ingest/pipeline/load.js';
import { planCaseFile } from '../../src/ingest/casefile/plan.js';
import { importPlan } from '../../src/ingest/write/import.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';

/** Sorts before the ids of every other file's cases, so the first page of `cases` is this file's. */
const PREFIX = '0rtrip';
/** One statement per root field (src/graph/translate). */
const EXPECTED_ROUND_TRIPS = 1;
let api: TestApi;

async function load(text: string, name: string) {
  const { problems, valid } = await validateCaseFile(name, text, {
    readDocument: async () => {
      throw new Error('inline only');
    },
    lookupIds: graphLookup(api.executor),
  });
  expect(problems).toEqual([]);
  await importPlan(api.executor, planCaseFile(valid!), name);
}

/** Loads cases six at a time; each is still its own transaction. */
async function loadCases(from: number, to: number) {
  let next = from;
  const worker = async () => {
    for (let n = next++; n < to; n = next++) await load(syntheticCaseFile(PREFIX, n), `${PREFIX}-${n}.case.yaml`);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/**
 * All cases (a page of up to 100) -> their participants -> each holder's roles (in other cases
 * too) -> who takes part there; and each case's charges and acts with their people. Every list
 * is a connection; the variables vary paging and filters.
 */
const DEEP = `query($first: Int = 100, $after: String, $role: String, $heldRole: String) {
  cases(first: $first, after: $after) { totalCount edges { node { id
    participants(first: 5, role: $role) { totalCount edges { node { role
      holder { id roles(first: 3, role: $heldRole) { totalCount edges { node { role
        within { id participants(first: 2, after: $after) { totalCount } }
      } } } }
    } } }
    charges(first: 5) { totalCount edges { node { offence defendant { id } } } }
    caseActs(first: 5) { totalCount edges { node { action actor { id } target { id } } } }
  } } } }`;

async function measure(variables: Record<string, unknown> = {}) {
  const response = await api.gql(DEEP, variables, { 'x-debug-round-trips': '1' });
  expect(response.errors).toBeUndefined();
  const cases = response.data.cases.edges.map((e: any) => e.node);
  const participants = cases.flatMap((c: any) => c.participants.edges.map((e: any) => e.node));
  const roles = participants.reduce((sum: number, p: any) => sum + p.holder.roles.edges.length, 0);
  return { roundTrips: response.extensions!.roundTrips as number, cases: cases.length, participants, roles };
}

beforeAll(async () => {
  api = await startTestApi();
  await load(syntheticJudgeFile(PREFIX), `${PREFIX}-bench.case.yaml`);
});
afterAll(() => api?.close());

describe('database round trips per request', () => {
  it('depend on the shape of the query, not on how many cases it spans (3 cases, then 300), nor on paging or filters', async () => {
    await loadCases(0, 3);
    // This file's three cases only: other files' cases may fill the rest of a larger page.
    const few = await measure({ first: 3 });
    await loadCases(3, 300);
    const many = await measure();
    expect(many.cases).toBe(100);
    expect(many.roles).toBeGreaterThan(few.roles * 5);
    // The cases page, its total, every level below and the single references: one statement.
    expect(few.roundTrips).toBe(EXPECTED_ROUND_TRIPS);
    expect(many.roundTrips).toBe(few.roundTrips);

    // Another page, other page sizes, and filters: the same statements with other parameters.
    const page = await api.gql(`{ cases(first: 50) { pageInfo { endCursor } } }`);
    const after = page.data.cases.pageInfo.endCursor;
    const variants = [{ after }, { first: 7, after }, { role: 'judge' }, { role: 'defendant', heldRole: 'defendant' }, { first: 1, heldRole: 'judge' }];
    for (const variables of variants) {
      const varied = await measure(variables);
      expect(varied.cases, JSON.stringify(variables)).toBeGreaterThan(0);
      expect(varied.roundTrips, JSON.stringify(variables)).toBe(many.roundTrips);
    }
    // In process, without HTTP: the same one statement.
    const ctx = createContext(api.executor, new Request('http://test.invalid/graphql'));
    const result = await execute({ schema: buildSchema(), document: parse(DEEP), variableValues: { first: 20 }, contextValue: ctx });
    expect(result.errors).toBeUndefined();
    expect(ctx.stats.roundTrips).toBe(EXPECTED_ROUND_TRIPS);

    const judges = await measure({ role: 'judge' });
    expect(judges.participants.map((p: any) => p.role)).toEqual(judges.participants.map(() => 'judge'));
    expect(judges.participants.length).toBeGreaterThan(50);
  }, 180_000);

  /**
   * The worst document the default limits let through over this file's 300 cases, which all
   * share one judge: the judge's roles (100), the participants of each case (100 each), and
   * for each of those up to 10,000 holders, the count of their roles (the judge's 300 among
   * them) and two of them. One more role per holder is over MAX_COST and refused unread.
   */
  it('the worst document the limits allow is still one bounded statement', async () => {
    const worst = (n: number) => `{ entity(id: "${PREFIX}-judge") { roles(first: 100) { totalCount edges { node { within { participants(first: 100) { totalCount
      edges { node { holder { roles(first: ${n}) { totalCount edges { node { id role } } } } } } } } } } } } }`;
    const refused = await api.gql(worst(3), {}, { 'x-debug-round-trips': '1' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const response = await api.gql(worst(2), {}, { 'x-debug-round-trips': '1' });
    expect(response.errors).toBeUndefined();
    expect(response.extensions).toEqual({ roundTrips: 1 });
    const roles = response.data.entity.roles;
    expect(roles.totalCount).toBe(300);
    expect(roles.edges).toHaveLength(100);
    const participants = roles.edges.flatMap((e: any) => e.node.within.participants.edges);
    expect(participants.length).toBeLessThanOrEqual(100 * 100);
    expect(participants.every((p: any) => p.node.holder.roles.edges.length <= 2)).toBe(true);
    // The judge is among the holders, with all 300 roles counted, and only two read.
    expect(participants.some((p: any) => p.node.holder.roles.totalCount === 300)).toBe(true);
  }, 60_000);
});

