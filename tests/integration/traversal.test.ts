import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { nodes as nodesOf } from '../support/connections.js';

const CASE = 'baldwin-involuntary-manslaughter-case';
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seeds: true });
});
afterAll(() => api?.close());

const describePath = (p: any) => p.hops.map((h: any) => `${h.from.id} ${h.relationship} ${h.to.id}`).join(' / ');

describe('traversal', () => {
  it('gives the neighbourhood of an entity as nodes and edges among them, with sources', async () => {
    const { data, errors } = await api.gql(`{ neighborhood(id: "troy-teske") { truncated
      nodes { id kind label } edges { type from to label sources { totalCount } } } }`);
    expect(errors).toBeUndefined();
    const { nodes, edges, truncated } = data.neighborhood;
    expect(truncated).toBe(false);
    expect(nodes[0]).toEqual({ id: 'troy-teske', kind: 'PERSON', label: 'Troy Teske' });
    expect(nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['the-armorers-stepfather', 'live-rounds', 'act-teske-delivered-rounds']));
    const ids = new Set(nodes.map((n: any) => n.id));
    expect(edges.every((e: any) => ids.has(e.from) && ids.has(e.to) && e.sources.totalCount > 0)).toBe(true);
    expect(edges).toContainEqual(expect.objectContaining({ type: 'FRIEND_OF', from: 'troy-teske', to: 'the-armorers-stepfather' }));

    const small = await api.gql(`{ neighborhood(id: "${CASE}", depth: 2, limit: 5) { truncated nodes { id } } }`);
    expect(small.data.neighborhood).toMatchObject({ truncated: true });
    expect(small.data.neighborhood.nodes).toHaveLength(5);
    const bad = await api.gql(`{ neighborhood(id: "troy-teske", depth: 9) { truncated } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
  });

  it('finds how Troy Teske reaches Alec Baldwin: through the live rounds, and through the armorer’s stepfather and the armorer', async () => {
    const { data, errors } = await api.gql(`{ paths(fromId: "troy-teske", toId: "alec-baldwin", first: 20,
      excludeTypes: ["IN_CASE", "PART_OF", "PARTICIPATED_IN", "ABOUT"]) {
        length hops { from { id } relationship direction to { id } sources { edges { node { quote } } } } } }`);
    expect(errors).toBeUndefined();
    const paths = data.paths.map(describePath);
    expect(paths).toContain('troy-teske RECEIVED_FROM live-rounds / live-rounds WITHHELD_FROM baldwin-defense-team / baldwin-defense-team REPRESENTS alec-baldwin');
    expect(paths.some((p: string) => p.startsWith('troy-teske FRIEND_OF the-armorers-stepfather / the-armorers-stepfather STEPFATHER_OF the-armorer'))).toBe(true);
    const lengths = data.paths.map((p: any) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    const first = data.paths.find((p: any) => describePath(p).includes('REPRESENTS'));
    expect(first.hops[0].direction).toBe('INCOMING');
    expect(nodesOf(first.hops[0].sources)).toEqual(expect.arrayContaining([expect.objectContaining({ quote: expect.stringContaining('Troy Teske') })]));
    const none = await api.gql(`{ paths(fromId: "troy-teske", toId: "no-one") { length } }`);
    expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists contested claims: the prosecution’s argument and the defence’s answer', async () => {
    const { data, errors } = await api.gql(`{ contestedClaims(caseId: "${CASE}") { totalCount edges { node {
      claim { id claimant { id } stance } disputedBy { edges { node { id claimant { id } } } } } } } }`);
    expect(errors).toBeUndefined();
    const contested = nodesOf(data.contestedClaims);
    expect(contested).toHaveLength(data.contestedClaims.totalCount);
    expect(contested.every((c: any) => c.disputedBy.edges.length > 0)).toBe(true);
    const prosecution = contested.find((c: any) => c.claim.id === 'claim-prosecutors-safety-violation');
    expect(prosecution.claim).toMatchObject({ claimant: { id: 'prosecutors' }, stance: 'ARGUES' });
    expect(nodesOf(prosecution.disputedBy).map((d: any) => d.claimant.id)).toContain('baldwin-defense-team');
    const argued = await api.gql(`{ contestedClaims(caseId: "${CASE}", stance: ARGUES) { edges { node { claim { stance } } } } }`);
    expect(nodesOf(argued.data.contestedClaims).map((c: any) => c.claim.stance)).toEqual(contested.filter((c: any) => c.claim.stance === 'ARGUES').map(() => 'ARGUES'));
  });
});
