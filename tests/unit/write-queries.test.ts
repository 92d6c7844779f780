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
    expect(() => createNodes([{ id: 'x', kind: 'Person', props }, { id: 'x', kind: 'Person) DETACH DELETE (x' as NodeKind, props }])).toThrow('not a node kind');
    expect(() => createRelationships([{ type: 'a-b', id: 'x', from: 'y', to: 'z', props }])).toThrow('not a relationship type: a-b');
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
    const rels = [{
      type: 'SHOT', id: "evil-id'}) DETACH DELETE a //", from: 'evil-from', to: 'evil-to',
      props: { id: "evil-id'}) DETACH DELETE a //", owners: ['evil-case'], passageIds: ['evil-passage:0-5'], description: 'evil-description' },
    }];
    const relQuery = createRelationships(rels);
    expect(relQuery.params).toEqual({ rows: [{ type: 'SHOT', from: 'evil-from', to: 'evil-to', props: rels[0]!.props }] });

    const nodes = [{ id: 'evil-node', kind: 'Person' as const, props: { id: 'evil-node', owners: ['evil-case'], name: "evil') DETACH DELETE n //" } }];
    const nodeQuery = createNodes(nodes);
    expect(nodeQuery.params).toEqual({ rows: [{ kind: 'Person', props: nodes[0]!.props }] });

    for (const text of [relQuery.text, nodeQuery.text]) {
      for (const value of ['evil', 'DETACH', 'SHOT', 'Person']) expect(text).not.toContain(value);
    }
  });
});
