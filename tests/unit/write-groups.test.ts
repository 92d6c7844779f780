import { describe, expect, it } from 'vitest';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import { groupDisjoint, ownedIds, type PreviousLoad } from '../../src/ingest/write/write-groups.js';

function plan(caseId: string, defines: string[], refers: string[] = [], sameAs: string[] = [], passages: string[] = []): GraphPlan {
  return {
    caseId,
    nodes: defines.map((id) => ({ kind: 'Person', id, props: { id } })),
    aliases: sameAs.map((id) => ({ id, aliases: [], passageIds: [] })),
    relationships: [],
    passages: passages.map((id) => ({ id, documentId: 'doc', quote: 'abc', start: 0, end: 3 })),
    externalIds: refers,
  };
}
const none = new Map<string, PreviousLoad>();
const ids = (groups: GraphPlan[][]) => groups.map((g) => g.map((p) => p.caseId));

describe('groupDisjoint', () => {
  it('keeps cases that only refer to the same nodes in one group', () => {
    const plans = [plan('a', ['a1'], ['judge']), plan('b', ['b1'], ['judge', 'court']), plan('c', ['c1'], ['court'])];
    expect(ids(groupDisjoint(plans, none))).toEqual([['a', 'b', 'c']]);
  });

  it('starts a new group, in order, when a case writes a node an earlier case of the group writes', () => {
    const plans = [plan('a', ['shared', 'a1']), plan('b', ['b1']), plan('c', ['shared']), plan('d', ['d1'], [], ['b1'])];
    // c writes `shared` as a did: a new group; d writes nothing of c's, so it joins c.
    expect(ids(groupDisjoint(plans, none))).toEqual([['a', 'b'], ['c', 'd']]);
    // d adds aliases to b1, which b defines: d cannot share b's group either.
    expect(ids(groupDisjoint([plan('b', ['b1']), plan('d', ['d1'], [], ['b1'])], none))).toEqual([['b'], ['d']]);
  });

  it('counts what a previous load stated (the case may release it) and passages as written', () => {
    const previous = new Map<string, PreviousLoad>([['a', { existed: true, nodeIds: ['old'], passageIds: [], relKeys: [] }]]);
    expect(ids(groupDisjoint([plan('a', ['a1']), plan('b', ['old'])], previous))).toEqual([['a'], ['b']]);
    expect(ids(groupDisjoint([plan('a', ['a1'], [], [], ['doc:0-3']), plan('b', ['b1'], [], [], ['doc:0-3'])], none))).toEqual([['a'], ['b']]);
    expect([...ownedIds(plan('x', ['n'], ['ref'], ['alias'], ['p']), undefined)].sort()).toEqual(['alias', 'n', 'p']);
  });
});
