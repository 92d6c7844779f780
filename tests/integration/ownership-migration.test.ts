import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCaseFile } from '../../src/ingest/pipeline/load.js';
import { deleteCase, importPlan } from '../../src/ingest/write/import.js';
import { migrateOwnership } from '../../src/neo4j/migrations.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { caseFingerprint, countById } from '../support/graph.js';

/**
 * A store written when nodes kept lists of who states them (owners, caseIds, definers,
 * sourceKeys, passageIds) is moved to STATES relationships at start: the same answers through
 * GraphQL, the same graph, and a second run changes nothing. The old shape is written here with
 * plain Cypher from a graph the loader wrote. Every case here is fictional.
 */
let api: TestApi;
let scratch: string;
const CASES = ['omig-a', 'omig-b'];
const load = async (file: string) => importPlan(api.executor, await prepareCaseFile(api.executor, file), file, { replace: true });

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-ownership-migration-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await api?.close();
});

/** A case naming the shared judge, with a witness of its own; b also adds a name to a's witness. */
function caseText(caseId: string): string {
  const alias = caseId === 'omig-b' ? '  - { id: omig-b-ann-too, kind: Person, name: Annie, sameAs: omig-a-ann, sources: [{ quote: "Annie" }] }\n' : '';
  return `formatVersion: 2
documents:
  - id: ${caseId}-note
    title: A fictional note
    text: "In the matter of ${caseId}, Judge Ola Migrate presided. Ann ${caseId} testified. Annie"
case:
  id: ${caseId}
  caption: Matter of ${caseId}
  status: open
  sources: [{ quote: "the matter of ${caseId}" }]
entities:
  - { id: omig-judge, kind: Person, name: Ola Migrate, description: A fictional judge, shared: true, sources: [{ quote: "Judge Ola Migrate" }] }
  - { id: ${caseId}-ann, kind: Person, name: Ann ${caseId}, sources: [{ quote: "Ann ${caseId} testified" }] }
${alias}roles:
  - { who: omig-judge, role: judge, in: ${caseId}, sources: [{ quote: "Judge Ola Migrate presided" }] }
  - { who: ${caseId}-ann, role: witness, in: ${caseId}, sources: [{ quote: "Ann ${caseId} testified" }] }
`;
}

/**
 * Rewrites these cases' nodes in the shape before STATES: each node's lists from its STATES
 * (in contribution order), then the STATES deleted.
 */
async function toListShape(): Promise<void> {
  await api.executor.write({
    text: `MATCH (m:CaseManifest)-[:STATES]->(n:Entity) WHERE m.case IN $cases
           WITH DISTINCT n
           CALL (n) {
             MATCH (n)<-[s:STATES]-(o:CaseManifest)
             WITH s, o ORDER BY o.caseId
             WITH collect(o.caseId) AS owners, collect(o.case) AS cases, collect(CASE WHEN s.defines THEN o.caseId END) AS definers,
                  reduce(keys = [], x IN collect([o.caseId, s.passageIds]) | keys + [p IN x[1] | x[0] + '|' + p]) AS keys,
                  collect(s) AS states
             SET n.owners = owners, n.caseIds = reduce(acc = [], c IN cases | CASE WHEN c IN acc THEN acc ELSE acc + c END),
                 n.definedBy = null, n.definers = definers, n.sourceKeys = keys, n.passageIds = [k IN keys | substring(k, size(split(k, '|')[0]) + 1)]
             FOREACH (s IN states | DELETE s)
           }`,
    params: { cases: CASES },
  });
}

const ANSWERS = `query($a: ID!, $b: ID!) {
  judge: entity(id: "omig-judge") { id name sources(first: 10) { totalCount edges { node { quote } } } mentionedIn(first: 10) { edges { node { id } } } }
  ann: entity(id: "omig-a-ann") { aliases sources(first: 10) { totalCount edges { node { quote } } } mentionedIn(first: 10) { edges { node { id } } } }
  a: entitiesMentioned(caseId: $a, first: 20) { totalCount edges { node { id } } }
  b: entitiesMentioned(caseId: $b, first: 20) { totalCount edges { node { id } } }
  inA: entities(caseId: $a, first: 20) { totalCount edges { node { id } } }
}`;

async function answers(): Promise<unknown> {
  const response = await api.gql(ANSWERS, { a: 'omig-a', b: 'omig-b' });
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** What these cases hold, with the hash each STATES of a definer keeps left out (a migrated one has none: its manifest keeps the statement). */
async function fingerprints(): Promise<string[]> {
  const lines = (await Promise.all(CASES.map((id) => caseFingerprint(api.executor, id)))).flat();
  return lines.sort();
}

const listsLeft = async () =>
  (await api.executor.read<{ n: number }>({ text: "MATCH (n:Entity) WHERE n.id STARTS WITH 'omig-' AND (n.owners IS NOT NULL OR n.caseIds IS NOT NULL OR n.sourceKeys IS NOT NULL) RETURN count(n) AS n" }))[0]!.n;
const statesOf = async () =>
  (await api.executor.read<{ n: number }>({ text: 'MATCH (m:CaseManifest)-[s:STATES]->() WHERE m.case IN $cases RETURN count(s) AS n', params: { cases: CASES } }))[0]!.n;

describe('the ownership migration (lists on nodes to STATES)', () => {
  it('moves a list-shaped store to STATES with the same answers and graph, once; the loader then works on it', async () => {
    for (const caseId of CASES) {
      const file = path.join(scratch, `${caseId}.case.yaml`);
      writeFileSync(file, caseText(caseId));
      expect((await load(file)).applied).toBe(true);
    }
    const before = await answers();
    expect(before).toMatchObject({
      judge: { sources: { totalCount: 2 }, mentionedIn: { edges: [{ node: { id: 'omig-a' } }, { node: { id: 'omig-b' } }] } },
      ann: { aliases: ['Annie'], sources: { totalCount: 2 } },
    });
    const graph = await fingerprints();
    const states = await statesOf();
    expect(states).toBeGreaterThanOrEqual(8);

    await toListShape();
    expect(await statesOf()).toBe(0);
    expect(await listsLeft()).toBeGreaterThan(0);

    const lines: string[] = [];
    const first = await migrateOwnership(api.executor, (line) => lines.push(line));
    expect(first.migrated).toBeGreaterThanOrEqual(7);
    expect(lines[0]).toMatch(/nodes to look at/);
    expect(lines.some((line) => /nodes\/s, about \d+ s left/.test(line))).toBe(true);
    expect(await listsLeft()).toBe(0);
    expect(await statesOf()).toBe(states);
    // Hashes are not in the fingerprint; the rest is as the loader wrote it.
    expect(await fingerprints()).toEqual(graph);
    expect(await answers()).toEqual(before);
    const [hashless] = await api.executor.read<{ n: number }>({ text: 'MATCH (m:CaseManifest)-[s:STATES]->() WHERE m.case IN $cases AND s.defines AND s.hash IS NULL RETURN count(s) AS n', params: { cases: CASES } });
    expect(hashless!.n).toBeGreaterThan(0);

    // Again: nothing to do.
    expect(await migrateOwnership(api.executor, () => {})).toEqual({ migrated: 0, states: 0 });
    expect(await statesOf()).toBe(states);

    // The loader on the migrated graph: an unchanged reload writes nothing; removing b keeps a's judge and takes b's name of Ann.
    const again = await load(path.join(scratch, 'omig-a.case.yaml'));
    expect(again).toMatchObject({ changed: false, applied: false });
    await deleteCase(api.executor, 'omig-b');
    expect(await countById(api.executor, 'omig-judge')).toBe(1);
    const after = (await api.gql('{ entity(id: "omig-a-ann") { aliases sources(first: 10) { totalCount } } judge: entity(id: "omig-judge") { mentionedIn(first: 10) { edges { node { id } } } } }')).data;
    expect(after).toEqual({ entity: { aliases: [], sources: { totalCount: 1 } }, judge: { mentionedIn: { edges: [{ node: { id: 'omig-a' } }] } } });
    await deleteCase(api.executor, 'omig-a');
    expect(await countById(api.executor, 'omig-judge')).toBe(0);
  });
});
