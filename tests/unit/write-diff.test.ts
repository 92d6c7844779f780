import { describe, expect, it } from 'vitest';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import { diffPlan, type GraphState } from '../../src/ingest/write/diff.js';
import { storedStatement } from '../../src/ingest/write/merge.js';

/** A contribution that names an opinion by id (a citation-map row) without giving its text. */
function plan(text: string | null): GraphPlan {
  const props = { id: 'op-1', kind: 'Opinion', name: 'Opinion 1', aliases: [], description: null, unnamed: false, shared: true, opinionType: null, text, passageIds: ['doc:0-5'], seq: 0 };
  return { caseId: 'c', contribution: 'c#row-1', nodes: [{ kind: 'Opinion', id: 'op-1', props }], aliases: [], relationships: [], passages: [{ id: 'doc:0-5', documentId: 'doc', quote: 'hello', start: 0, end: 5 }], externalIds: [] };
}

function state(stated: GraphPlan, graphText: string): GraphState {
  const node = stated.nodes[0]!;
  return {
    nodes: new Map([['op-1', { kind: 'Opinion', props: { ...node.props, text: graphText }, stated: [{ owner: 'c#row-1', defines: true, passageIds: ['doc:0-5'] }] }]]),
    relationships: new Map(),
    passages: new Set(['doc:0-5']),
    previous: { nodeIds: ['op-1'], passageIds: ['doc:0-5'], relKeys: [], externalIds: [], sourceHash: null, definedIds: ['op-1'], statements: [JSON.stringify(storedStatement(node.props))], relStatements: [] },
  };
}

describe('diffPlan on a node several contributions state', () => {
  it('counts a node unchanged when another contribution gave it the text this one does not state', () => {
    const report = diffPlan(plan(null), state(plan(null), 'The opinion text, from the opinion record.'));
    expect(report.nodes.Opinion).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 0 });
  });

  it('still counts a change of the text this contribution states', () => {
    const report = diffPlan(plan('new text'), state(plan('old text'), 'old text'));
    expect(report.nodes.Opinion?.updated).toBe(1);
  });
});
