import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/ingest/pipeline/load.js';
import { toDriverParams } from '../../src/neo4j/convert.js';
import type { CypherQuery } from '../../src/neo4j/executor.js';
import * as q from '../../src/ingest/write/write-queries.js';
import { deleteCase } from '../../src/ingest/write/import.js';
import { parseDefiners } from '../../src/ingest/write/definers.js';
import { startTestApi, type TestApi } from '../support/api.js';

/**
 * What a write of a node many contributions state costs Neo4j: the statements a contribution
 * runs on a node read what the node keeps of its definers (`definedBy`), not its STATES, so
 * their database hits are the same at 60 definers and at 120 (past Neo4j's dense-node threshold, 50). Every case here is fictional.
 */
const HUB = 'hubcost-judge';
let api: TestApi;
let scratch: string;

beforeAll(async () => {
  api = await startTestApi();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'case-graph-hub-cost-'));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await api?.close();
});

/** A fictional case that states the shared judge the same way as every other. */
function caseText(caseId: string): string {
  return `formatVersion: 2
documents:
  - id: ${caseId}-note
    title: A fictional note
    text: "Judge Hub Cost presided over the matter of ${caseId}."
case:
  id: ${caseId}
  caption: Matter of ${caseId}
  status: open
  sources: [{ quote: "the matter of ${caseId}" }]
entities:
  - id: ${HUB}
    kind: Person
    name: Hub Cost
    occupation: judge
    shared: true
    sources: [{ quote: "Judge Hub Cost" }]
`;
}

async function load(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const file = path.join(scratch, `hubcost-${i}.case.yaml`);
    writeFileSync(file, caseText(`hubcost-${String(i).padStart(3, '0')}`));
    await loadCaseFile(api.executor, file);
  }
}

interface PlanNode {
  dbHits: number;
  children: PlanNode[];
}
const hitsOf = (plan: PlanNode): number => plan.dbHits + plan.children.reduce((sum, child) => sum + hitsOf(child), 0);

/** Database hits of a statement, run under PROFILE (in a transaction rolled back: nothing stays). */
async function dbHits(query: CypherQuery): Promise<number> {
  const session = api.driver.session();
  const tx = await session.beginTransaction();
  try {
    const result = await tx.run(query.text.replace(/^CYPHER /, 'PROFILE CYPHER '), toDriverParams(query.params ?? {}) as Record<string, unknown>);
    const plan = result.summary.profile as unknown as PlanNode | false;
    if (!plan) throw new Error('Neo4j returned no profile');
    return hitsOf(plan);
  } finally {
    await tx.rollback();
    await session.close();
  }
}

/** The statements one more contribution (hubcost-999, its manifest made here) runs on the hub, and an earlier definer reloading. */
async function hubStatements(): Promise<Record<string, number>> {
  await api.executor.write({ text: "MERGE (m:CaseManifest {caseId: 'hubcost-999'}) SET m.case = 'hubcost-999'" });
  const newcomer = { id: HUB, owner: 'hubcost-999', caseId: 'hubcost-999' };
  const states = { defines: true, passageIds: [], hash: 'x' };
  return {
    nodeStatesNew: await dbHits(q.nodeStates([newcomer])),
    nodeStatesAgain: await dbHits(q.nodeStates([{ id: HUB, owner: 'hubcost-010', caseId: 'hubcost-010' }])),
    updateNodes: await dbHits(q.updateNodes([{ id: HUB, kind: 'Person', props: { name: 'Hub Cost' }, owner: 'hubcost-999', states }])),
    touchExternal: await dbHits(q.touchExternal([{ id: HUB, owner: 'hubcost-999' }])),
    lookupNodes: await dbHits(q.lookupNodes([HUB])),
  };
}

/**
 * What removing one definer of the hub costs (hubcost-030, neither the first, smallest nor
 * smallest of another case of its statement, so the node's `definedBy` tells what stays).
 */
async function hubRemoval(): Promise<number> {
  return dbHits(q.releaseEntities([{ id: HUB, owner: 'hubcost-030', caseId: 'hubcost-030' }]));
}

describe('a write of a node many contributions state', () => {
  it('and its removal cost Neo4j the same database hits at 60 definers as at 120 (dense nodes)', async () => {
    await load(0, 60);
    const few = await hubStatements();
    const removalFew = await hubRemoval();
    await load(60, 120);
    const [degree] = await api.executor.read<{ n: number }>({ text: 'MATCH (:Entity {id: $id})<-[s:STATES]-() RETURN count(s) AS n', params: { id: HUB } });
    expect(degree!.n).toBe(120);
    const many = await hubStatements();
    const removalMany = await hubRemoval();
    // eslint-disable-next-line no-console
    console.log(`db hits at 60 definers ${JSON.stringify({ ...few, releaseEntities: removalFew })}, at 120 ${JSON.stringify({ ...many, releaseEntities: removalMany })}`);
    expect(many).toEqual(few);
    expect(removalMany).toBe(removalFew);
  }, 300_000);

  it('keeps what the STATES say after a removal read off the node and after one that reads them', async () => {
    // hubcost-030 is named by no entry (the node tells what stays); hubcost-000 is the smallest (its STATES are read).
    for (const id of ['hubcost-030', 'hubcost-000']) {
      await deleteCase(api.executor, id);
      const [kept] = await api.executor.read<{ definedBy: string }>({ text: 'MATCH (n:Entity {id: $id}) RETURN n.definedBy AS definedBy', params: { id: HUB } });
      const [truth] = await api.executor.read<{ entries: q.ScannedEntry[] }>(q.definerSummaries([{ id: HUB, owner: '' }]));
      const [entry] = [...parseDefiners(kept!.definedBy).values()];
      expect(truth!.entries).toHaveLength(1);
      expect(entry).toEqual({ ...truth!.entries[0], count: Number(truth!.entries[0]!.count) });
    }
    const [entry] = [...parseDefiners((await api.executor.read<{ d: string }>({ text: 'MATCH (n:Entity {id: $id}) RETURN n.definedBy AS d', params: { id: HUB } }))[0]!.d).values()];
    expect(entry).toMatchObject({ count: 118, first: 'hubcost-001', low: 'hubcost-001' });
  }, 120_000);
});
