import { describe, expect, it } from 'vitest';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import { manifestContentsOf, manifestOf, packManifest, StatementIndex, unpackManifest, type ManifestContents } from '../../src/ingest/write/manifest.js';

/** A fictional case of `people` witnesses, each with a passage and a role. */
function plan(people: number): GraphPlan {
  const nodes: GraphPlan['nodes'] = [{ kind: 'Case', id: 'm-case', props: { id: 'm-case', kind: 'Case', name: 'Matter of M', aliases: [], status: 'open', passageIds: ['m-doc:0-9'], text: null, seq: 0 } }];
  const passages: GraphPlan['passages'] = [{ id: 'm-doc:0-9', documentId: 'm-doc', quote: 'Matter of', start: 0, end: 9 }];
  const relationships: GraphPlan['relationships'] = [];
  for (let i = 0; i < people; i += 1) {
    const passage = `m-doc:${10 + i * 20}-${25 + i * 20}`;
    nodes.push({ kind: 'Person', id: `m-person-${i}`, props: { id: `m-person-${i}`, kind: 'Person', name: `Witness ${i}`, aliases: [], description: null, occupation: 'witness', unnamed: false, shared: false, passageIds: [passage], seq: i + 1 } });
    passages.push({ id: passage, documentId: 'm-doc', quote: `Witness ${i} spoke`, start: 10 + i * 20, end: 25 + i * 20 });
    relationships.push({ type: 'HAS_ROLE', id: `m-case:m-person-${i}.witness`, from: `m-person-${i}`, to: 'm-case', props: { caseId: 'm-case', role: 'witness', passageIds: [passage], inferred: false, reason: null } });
  }
  return { caseId: 'm-case', nodes, aliases: [{ id: 'other-judge', aliases: ['Judge M'], passageIds: [] }], relationships, passages, externalIds: ['other-court'] };
}

const lists = (m: ManifestContents): ManifestContents => ({
  nodeIds: m.nodeIds, passageIds: m.passageIds, relKeys: m.relKeys, externalIds: m.externalIds, definedIds: m.definedIds, statements: m.statements, relStatements: m.relStatements,
});

describe('the CaseManifest, packed', () => {
  it('stores the case, hash and element count as properties and every list packed; unpacking gives the lists back', () => {
    const stored = manifestOf(plan(3), 'hash-1');
    expect(Object.keys(stored).sort()).toEqual(['case', 'caseId', 'contents', 'elements', 'sourceHash']);
    expect(stored).toMatchObject({ caseId: 'm-case', case: 'm-case', sourceHash: 'hash-1', elements: 4 + 3 + 4 });
    expect(unpackManifest(stored)).toEqual(lists(manifestContentsOf(plan(3), 'hash-1')));
    expect(unpackManifest({ contents: packManifest(lists(manifestContentsOf(plan(0), null))) }).externalIds).toEqual(['other-court']);
  });

  it('reads the list properties of a manifest stored before packing, missing lists as empty', () => {
    const old = lists(manifestContentsOf(plan(2), null));
    expect(unpackManifest({ ...old, contents: null })).toEqual(old);
    expect(unpackManifest({ nodeIds: ['a'], passageIds: [], relKeys: [], externalIds: null })).toEqual({ nodeIds: ['a'], passageIds: [], relKeys: [], externalIds: [], definedIds: [], statements: [], relStatements: [] });
  });

  it('packs a case of many elements into a fraction of its lists\' size', () => {
    const big = manifestContentsOf(plan(300), null);
    const listBytes = JSON.stringify(lists(big)).length;
    expect(manifestOf(plan(300), null).contents.length).toBeLessThan(listBytes / 5);
  });

  it('finds each statement by node id and relationship key, as the lists pair them', () => {
    const contents = manifestContentsOf(plan(2), null);
    const index = new StatementIndex(contents);
    expect(JSON.parse(index.node('m-person-1')!)).toMatchObject({ name: 'Witness 1', occupation: 'witness' });
    expect(index.node('m-person-1')).not.toContain('passageIds');
    expect(JSON.parse(index.node('other-judge')!)).toEqual({ aliases: ['Judge M'] });
    expect(JSON.parse(index.relationship(contents.relKeys[1]!)!)).toMatchObject({ role: 'witness', passageIds: ['m-doc:30-45'] });
    expect(index.node('other-court')).toBeUndefined();
    expect(new StatementIndex({ definedIds: ['x'], statements: [], relKeys: [], relStatements: [] }).node('x')).toBeUndefined();
  });
});
