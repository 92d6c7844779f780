import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../src/model/kinds.js';
import { label, relationshipType } from '../../src/model/kinds.js';
import { parseRelKey, relKey, createNodes, createRelationships } from '../../src/ingest/write/write-queries.js';

describe('label and relationshipType', () => {
  it('accept only the vocabulary', () => {
    expect(label('Person')).toBe('Person');
    expect(label('SourceDocument')).toBe('SourceDocument');
    expect(relationshipType('HAS_ROLE')).toBe('HAS_ROLE');
    expect(relationshipType('STEPFATHER_OF2')).toBe('STEPFATHER_OF2');
  });

  it('reject anything that could change the Cypher text', () => {
    for (const kind of ['Person) DETACH DELETE (x', 'person', 'Entity', 'a-b', 'Person`', '']) {
      expect(() => label(kind), kind).toThrow(`not a node kind: ${kind}`);
    }
    for (const type of ['KNOWS]->() DETACH DELETE (x', 'a-b', 'friend_of', 'Friend_Of', 'X`', '1ST', '']) {
      expect(() => relationshipType(type), type).toThrow(`not a relationship type: ${type}`);
    }
    const props = { id: 'x' };
    const by = { owner: 'c', caseId: 'c' };
    const states = { passageIds: [], hash: 'h' };
    expect(() => createNodes([{ kind: 'Person', props, by, ...states }, { kind: 'Person) DETACH DELETE (x' as NodeKind, props, by, ...states }])).toThrow('not a node kind');
    expect(() => createRelationships([{ type: 'a-b', id: 'x', from: 'y', to: 'z', props, by }])).toThrow('not a relationship type: a-b');
  });
});

describe('relKey / parseRelKey', () => {
  it('round-trip, whatever the ids contain', () => {
    for (const key of [
      { type: 'SHOT', from: 'alec-baldwin', to: 'halyna-hutchins', id: 'case:shot-alec-baldwin-halyna-hutchins' },
      { type: 'HAS_ROLE', from: 'a|b', to: 'x', id: 'c:"x", ]\\' },
    ]) {
      expect(parseRelKey(relKey(key))).toEqual(key);
    }
    expect(relKey({ type: 'T', from: 'a', to: 'c', id: 'b' })).not.toBe(relKey({ type: 'T', from: 'a:b', to: 'c', id: '' }));
    // The same id towards another node is another relationship.
    expect(relKey({ type: 'T', from: 'a', to: 'c', id: 'b' })).not.toBe(relKey({ type: 'T', from: 'a', to: 'd', id: 'b' }));
  });
});

describe('createNodes / createRelationships', () => {
  it('put every value, kinds and types included, in the parameters and none in the text', () => {
    const by = { owner: "evil-case') DETACH DELETE a //#k", caseId: "evil-case') DETACH DELETE a //" };
    const rels = [{
      type: 'SHOT', id: "evil-id'}) DETACH DELETE a //", from: 'evil-from', to: 'evil-to', by,
      props: { id: "evil-id'}) DETACH DELETE a //", caseId: 'evil-other-case', passageIds: ['evil-passage:0-5'], description: 'evil-description' },
    }];
    const relQuery = createRelationships(rels);
    expect(relQuery.params!.batch).toEqual({ contributions: [by], rows: [{ type: 'SHOT', from: 'evil-from', to: 'evil-to', c: 0, props: rels[0]!.props }] });

    const nodes = [{ kind: 'Person' as const, by, props: { id: 'evil-node', name: "evil') DETACH DELETE n //" }, passageIds: ['evil-passage:0-5'], hash: "evil-hash')" }];
    const nodeQuery = createNodes(nodes);
    expect(nodeQuery.params!.batch).toEqual({ contributions: [by], rows: [{ kind: 'Person', c: 0, props: nodes[0]!.props, passageIds: ['evil-passage:0-5'], hash: "evil-hash')" }] });

    for (const text of [relQuery.text, nodeQuery.text]) {
      for (const value of ['evil', 'DETACH', 'SHOT', 'Person']) expect(text).not.toContain(value);
    }
  });

  it('send each contribution once and no null value', () => {
    const a = { owner: 'case-a', caseId: 'case-a' };
    const b = { owner: 'case-b#extra', caseId: 'case-b' };
    const query = createRelationships([
      { type: 'SHOT', id: 'r1', from: 'x', to: 'y', by: a, props: { id: 'r1', caseId: 'case-a', reason: null, inferred: false } },
      { type: 'SHOT', id: 'r2', from: 'x', to: 'z', by: b, props: { id: 'r2', caseId: 'case-b', description: null } },
      { type: 'SHOT', id: 'r3', from: 'y', to: 'z', by: a, props: { id: 'r3', caseId: 'case-a' } },
    ]);
    // A relationship's caseId is its contribution's case unless its fields say another: sent only then.
    expect(query.params!.batch).toEqual({
      contributions: [a, b],
      rows: [
        { type: 'SHOT', from: 'x', to: 'y', c: 0, props: { id: 'r1', inferred: false } },
        { type: 'SHOT', from: 'x', to: 'z', c: 1, props: { id: 'r2' } },
        { type: 'SHOT', from: 'y', to: 'z', c: 0, props: { id: 'r3' } },
      ],
    });
    // A node's passages travel with its contribution's STATES, not among its properties.
    expect(createNodes([{ kind: 'Person', by: b, props: { id: 'p', name: 'P', description: null }, passageIds: ['d:0-1'], hash: 'h1' }]).params!.batch)
      .toEqual({ contributions: [b], rows: [{ kind: 'Person', c: 0, props: { id: 'p', name: 'P' }, passageIds: ['d:0-1'], hash: 'h1' }] });
  });
});
