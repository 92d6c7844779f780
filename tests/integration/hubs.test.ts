import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import { validateCaseFile } from '../../src/ingest/casefile/validate.js';
import { planCaseFile } from '../../src/ingest/casefile/plan.js';
import { graphLookup } from '../../src/ingest/pipeline/load.js';
import { importPlan } from '../../src/ingest/write/import.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dbHitsOf } from '../../bench/reads/db-hits.js';

/**
 * Reads around a hub: CASES small cases that all share one judge (bench/synthetic.ts), read
 * with a bound below the judge's degree, so the judge is a hub here as a judge of 100,000
 * cases is in the bench.
 */
const PREFIX = 'hubt';
const CASES = 40;
const BOUND = 20;
const JUDGE = `${PREFIX}-judge`;
const EXCLUDE = '["IN_CASE", "PART_OF", "PARTICIPATED_IN", "ABOUT"]';
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

beforeAll(async () => {
  api = await startTestApi();
  await load(syntheticJudgeFile(PREFIX), `${PREFIX}-bench.case.yaml`);
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < CASES; n = next++) await load(syntheticCaseFile(PREFIX, n), `${PREFIX}-${n}.case.yaml`);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
});
afterAll(() => api?.close());

const describePath = (p: any) => p.hops.map((h: any) => `${h.from.id} ${h.relationship} ${h.to.id}`).join(' / ');
const HOPS = 'length hops { from { id } relationship to { id } }';

async function paths(from: string, to: string, extra: string) {
  const { data, errors } = await api.gql(`{ paths(fromId: "${from}", toId: "${to}", excludeTypes: ${EXCLUDE}, ${extra}) { ${HOPS} } }`);
  expect(errors).toBeUndefined();
  return data.paths.map(describePath).sort() as string[];
}

describe('paths around a hub', () => {
  it('does not cross a node of more than maxDegree relationships, and pathSearch names it with its count', async () => {
    // Two cases meet only through their judge: prosecutor -> case <- judge -> case <- prosecutor.
    const through = await paths(`${PREFIX}-1-prosecutor`, `${PREFIX}-2-prosecutor`, 'first: 1, maxDegree: null');
    expect(through).toEqual([`${PREFIX}-1-prosecutor HAS_ROLE ${PREFIX}-1-case / ${PREFIX}-1-case HAS_ROLE ${JUDGE} / ${JUDGE} HAS_ROLE ${PREFIX}-2-case / ${PREFIX}-2-case HAS_ROLE ${PREFIX}-2-prosecutor`]);
    expect(await paths(`${PREFIX}-1-prosecutor`, `${PREFIX}-2-prosecutor`, `first: 1, maxDegree: ${BOUND}`)).toEqual([]);

    const { data, errors } = await api.gql(`{ pathSearch(fromId: "${PREFIX}-1-prosecutor", toId: "${PREFIX}-2-prosecutor", first: 1, excludeTypes: ${EXCLUDE}, maxDegree: ${BOUND}) {
      maxDegree paths { length } hubsNotCrossed { relationships entity { id name } } } }`);
    expect(errors).toBeUndefined();
    expect(data.pathSearch).toEqual({
      maxDegree: BOUND,
      paths: [],
      hubsNotCrossed: [{ relationships: CASES, entity: { id: JUDGE, name: 'Judge Synthetic Bench' } }],
    });
  });

  it('finds the same paths as without a bound when the shortest ones avoid the hub', async () => {
    const [from, to] = [`${PREFIX}-3-prosecutor`, `${PREFIX}-3-defendant`];
    const bounded = await paths(from, to, `first: 3, maxDegree: ${BOUND}`);
    expect(bounded).toEqual(await paths(from, to, 'first: 3, maxDegree: null'));
    expect(bounded).toContain(`${from} PERFORMED ${PREFIX}-3-argued / ${PREFIX}-3-argued TARGETED ${to}`);
    expect(bounded).toHaveLength(3);
  });

  it('starts or ends at a hub: the two ends are always crossed', async () => {
    expect(await paths(JUDGE, `${PREFIX}-4-defendant`, `first: 1, maxDegree: ${BOUND}`)).toEqual([`${JUDGE} HAS_ROLE ${PREFIX}-4-case / ${PREFIX}-4-case HAS_ROLE ${PREFIX}-4-defendant`]);
    expect(await paths(`${PREFIX}-4-defendant`, JUDGE, `first: 1, maxDegree: ${BOUND}`)).toEqual([`${PREFIX}-4-defendant HAS_ROLE ${PREFIX}-4-case / ${PREFIX}-4-case HAS_ROLE ${JUDGE}`]);
    const { data } = await api.gql(`{ pathSearch(fromId: "${JUDGE}", toId: "${PREFIX}-4-defendant", maxDegree: ${BOUND}) { hubsNotCrossed { entity { id } } } }`);
    expect(data.pathSearch.hubsNotCrossed).toEqual([]);
  });

  it('refuses a bound below 1, and answers NOT_FOUND for an unknown end', async () => {
    const bad = await api.gql(`{ pathSearch(fromId: "${JUDGE}", toId: "${PREFIX}-1-case", maxDegree: 0) { maxDegree } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxDegree' });
    const none = await api.gql(`{ pathSearch(fromId: "${JUDGE}", toId: "${PREFIX}-no-one") { maxDegree } }`);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: `${PREFIX}-no-one` });
  });
});

describe('neighbourhood around a hub', () => {
  const neighborhood = async (id: string, args: string) => {
    const { data, errors } = await api.gql(`{ neighborhood(id: "${id}", ${args}) { truncated nodes { id relationships } edges { type from to } } }`);
    expect(errors).toBeUndefined();
    return data.neighborhood;
  };

  it('does not walk on from the hub, keeps it as a node with its count, and keeps its edges to the kept nodes', async () => {
    const bounded = await neighborhood(`${PREFIX}-5-prosecutor`, `depth: 3, limit: 500, maxDegree: ${BOUND}`);
    const ids = bounded.nodes.map((n: any) => n.id);
    expect(bounded.nodes).toContainEqual({ id: JUDGE, relationships: CASES });
    expect(ids.filter((id: string) => id.endsWith('-case'))).toEqual([`${PREFIX}-5-case`]);
    expect(bounded.edges).toContainEqual({ type: 'HAS_ROLE', from: JUDGE, to: `${PREFIX}-5-case` });
    // Without the bound the walk goes through the judge into every other case.
    const unbounded = await neighborhood(`${PREFIX}-5-prosecutor`, 'depth: 3, limit: 500, maxDegree: null');
    expect(unbounded.nodes.map((n: any) => n.id)).toContain(`${PREFIX}-6-case`);
  });

  it('gives the same nodes and edges with and without the bound where the walk does not pass the hub', async () => {
    const sorted = (n: any) => ({ ...n, nodes: [...n.nodes].sort((a: any, b: any) => a.id.localeCompare(b.id)), edges: [...n.edges].sort((a: any, b: any) => `${a.from}${a.to}${a.type}`.localeCompare(`${b.from}${b.to}${b.type}`)) });
    const bounded = await neighborhood(`${PREFIX}-7-prosecutor`, `depth: 2, limit: 50, maxDegree: ${BOUND}`);
    expect(sorted(bounded)).toEqual(sorted(await neighborhood(`${PREFIX}-7-prosecutor`, 'depth: 2, limit: 50, maxDegree: null')));
    expect(bounded.edges.length).toBeGreaterThan(5);
  });

  it('centred on the hub: its neighbours are read (it is the centre), and the edges among them are the hub’s roles', async () => {
    const around = await neighborhood(JUDGE, `depth: 1, limit: 10, maxDegree: ${BOUND}`);
    expect(around.truncated).toBe(true);
    expect(around.nodes).toHaveLength(10);
    expect(around.edges).toHaveLength(9);
    expect(around.edges.every((e: any) => e.type === 'HAS_ROLE' && e.from === JUDGE)).toBe(true);
  });
});

describe('search over many hits', () => {
  it('pages and counts from one read of the index: pages follow each other and add up to the total', async () => {
    const page = async (after: string | null) => {
      const { data, errors } = await api.gql(`query($after: String) { search(query: "Prosecutor ${PREFIX}", kinds: [PERSON], first: 15, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { entity { id } } } } }`, { after });
      expect(errors).toBeUndefined();
      return data.search;
    };
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const p: any = await page(after);
      total = p.totalCount;
      seen.push(...p.edges.map((e: any) => e.node.entity.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(total).toBe(CASES);
    expect(seen).toHaveLength(CASES);
    expect(new Set(seen).size).toBe(CASES);
    expect(seen).toEqual([...seen].sort());
  });
});

describe('the cost of a neighbourhood next to a hub', () => {
  it('does not grow with the hub\'s cases: the hub is never paired with itself (which read all its relationships)', async () => {
    // The bench's neighbourhood: depth 2 around a prosecutor, which reaches the judge through its case.
    const body = JSON.stringify({ query: `{ neighborhood(id: "${PREFIX}-3-prosecutor", depth: 2, limit: 50) { truncated nodes { id kind label } edges { id type from to label } } }` });
    const hits = async () => (await dbHitsOf(api.driver, process.env.NEO4J_DATABASE || 'neo4j', body)).total;
    const before = await hits();
    // Three times the cases, all with the same judge (this runs last in the file: the tests above count CASES).
    for (let n = CASES; n < 3 * CASES; n += 1) await load(syntheticCaseFile(PREFIX, n), `${PREFIX}-${n}.case.yaml`);
    const after = await hits();
    // Before the fix: about one hit per relationship of the judge, so +2 x CASES at least.
    expect(after - before).toBeLessThan(CASES / 4);
  });
});
