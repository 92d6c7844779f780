import { BATCH_ELEMENTS, MAX_BATCH_FILES, transactions } from '../../src/ingest/cli/run.js';
import { describe, expect, it } from 'vitest';
import { BatchDefinitions, loadOrder, referencedIds } from '../../src/ingest/cli/batch.js';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import type { GraphNodeInfo } from '../../src/ingest/casefile/validate.js';

function plan(caseId: string, defines: string[], refers: string[] = [], sameAs: string[] = []): GraphPlan {
  return {
    caseId,
    nodes: defines.map((id) => ({ kind: 'Person', id, props: { id, name: `Name of ${id}` } })),
    aliases: sameAs.map((id) => ({ id, aliases: [], passageIds: [] })),
    relationships: [],
    passages: [],
    externalIds: refers,
  };
}

describe('loadOrder', () => {
  it('keeps the given order when nothing depends on anything', () => {
    expect(loadOrder(['a', 'b', 'c'], () => [])).toEqual(['a', 'b', 'c']);
  });

  it('puts a file after the files it depends on, transitively', () => {
    const deps: Record<string, string[]> = { a: ['c'], b: [], c: ['d'], d: [] };
    expect(loadOrder(['a', 'b', 'c', 'd'], (x) => deps[x]!)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('breaks cycles by the given order and ignores dependencies outside the list', () => {
    const deps: Record<string, string[]> = { a: ['b'], b: ['a', 'z'] };
    expect(loadOrder(['a', 'b'], (x) => deps[x]!)).toEqual(['b', 'a']);
  });
});

describe('BatchDefinitions', () => {
  it('answers lookups from the graph first, then from the files of the run, counting their cases', async () => {
    const batch = new BatchDefinitions();
    batch.add('one.case.yaml', plan('one', ['alpha', 'shared']));
    batch.add('two.case.yaml', plan('two', ['alpha']));
    const graph = async (ids: string[]) =>
      new Map<string, GraphNodeInfo>(ids.filter((id) => id === 'shared').map((id) => [id, { kind: 'Person', name: 'From the graph', caseIds: ['old'] }]));
    const found = await batch.lookupWith(graph)(['alpha', 'shared', 'nobody']);
    expect([...found]).toEqual([
      ['shared', { kind: 'Person', name: 'From the graph', caseIds: ['old', 'one'] }],
      ['alpha', { kind: 'Person', name: 'Name of alpha', caseIds: ['one', 'two'] }],
    ]);
  });

  it('keeps the text of a document a file of the run defines', async () => {
    const batch = new BatchDefinitions();
    const withDocument = plan('one', []);
    withDocument.nodes.push({ kind: 'SourceDocument', id: 'doc', props: { id: 'doc', name: 'A report', text: 'The text.' } });
    batch.add('one.case.yaml', withDocument);
    const found = await batch.lookupWith(async () => new Map())(['doc']);
    expect(found.get('doc')).toEqual({ kind: 'SourceDocument', name: 'A report', caseIds: ['one'], text: 'The text.' });
  });

  it('lean (the offline import): reads a document\'s text back only when asked, keeps cases for documents only, answers the same', async () => {
    const texts: string[] = [];
    const batch = new BatchDefinitions({ textOf: (definer, id) => (texts.push(`${definer} ${id}`), 'The text.'), own: (text) => text });
    const withDocument = plan('one', ['alpha']);
    withDocument.nodes.push({ kind: 'SourceDocument', id: 'doc', props: { id: 'doc', name: 'A report', text: 'The text.' } });
    batch.add('one.case.yaml', withDocument);
    batch.add('two.case.yaml', { ...plan('two', ['alpha']), nodes: [...plan('two', ['alpha']).nodes, withDocument.nodes[1]!] });
    const found = await batch.lookupWith(async () => new Map())(['doc', 'alpha']);
    expect(texts).toEqual([]);
    expect(found.get('doc')!.text).toBe('The text.');
    expect(texts).toEqual(['one.case.yaml doc']);
    expect({ ...found.get('doc')! }).toEqual({ kind: 'SourceDocument', name: 'A report', caseIds: ['one', 'two'], text: 'The text.' });
    expect(found.get('alpha')).toEqual({ kind: 'Person', name: 'Name of alpha', caseIds: [] });
    expect(batch.providersOf('three.case.yaml', ['alpha'])).toEqual(['one.case.yaml', 'two.case.yaml']);
  });

  it('counts a hub\'s many cases once each', async () => {
    const batch = new BatchDefinitions();
    for (let i = 0; i < 100; i++) batch.add(`f${i}.case.yaml`, plan(`case${i % 50}`, ['hub']));
    const found = await batch.lookupWith(async () => new Map())(['hub']);
    expect(found.get('hub')!.caseIds).toEqual(Array.from({ length: 50 }, (_, i) => `case${i}`));
    expect(batch.providersOf('other.case.yaml', ['hub'])).toHaveLength(100);
  });

  it('names the other files that define what a plan refers to, sameAs targets included', () => {
    const batch = new BatchDefinitions();
    batch.add('one.case.yaml', plan('one', ['alpha']));
    batch.add('two.case.yaml', plan('two', ['beta', 'alpha']));
    const three = plan('three', ['gamma'], ['alpha', 'judge'], ['beta']);
    expect(referencedIds(three).sort()).toEqual(['alpha', 'beta', 'judge']);
    expect(batch.providersOf('three.case.yaml', three)).toEqual(['one.case.yaml', 'two.case.yaml']);
    expect(batch.providersOf('one.case.yaml', plan('one', ['alpha'], ['alpha']))).toEqual(['two.case.yaml']);
    expect(batch.version).toBe(2);
  });
});

describe('transactions (how the default path and --batch cut files into transactions)', () => {
  it('with --batch N: N files each, the last with the rest', () => {
    expect(transactions([1, 2, 3, 4, 5], () => 1, 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  it('by default: a transaction ends at the file that brings it to BATCH_ELEMENTS graph elements, or at MAX_BATCH_FILES files', () => {
    const big = BATCH_ELEMENTS / 4;
    expect(transactions(['a', 'b', 'c', 'd', 'e'], () => big, null)).toEqual([['a', 'b', 'c', 'd'], ['e']]);
    expect(transactions(['a', 'b', 'c'], (x) => (x === 'a' ? BATCH_ELEMENTS * 2 : 1), null)).toEqual([['a'], ['b', 'c']]);
    const many = Array.from({ length: MAX_BATCH_FILES + 1 }, (_, i) => i);
    expect(transactions(many, () => 0, null).map((chunk) => chunk.length)).toEqual([MAX_BATCH_FILES, 1]);
  });
});
