import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import { ExternalSort } from '../../src/ingest/offline/external-sort.js';
import { MergedGraph, type GraphElement } from '../../src/ingest/offline/merged-graph.js';
import { SortedMerge, type MergeRecord } from '../../src/ingest/offline/sorted-merge.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'offline-sort-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => mkdtempSync(path.join(root, `d${dirs++}-`));

/** What a stable sort by key gives: each key once (in key order) with its values in the order added. */
function expected<V>(records: [string, V][]): [string, V[]][] {
  const byKey = new Map<string, V[]>();
  for (const [key, value] of records) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(value);
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sorted<V>(records: [string, V][], options: { chunkCharge?: number; chunkRecords?: number; chargeEach?: number } = {}) {
  const sort = new ExternalSort<V>({ dir: freshDir(), chunkCharge: options.chunkCharge ?? Infinity, ...(options.chunkRecords !== undefined && { chunkRecords: options.chunkRecords }) });
  for (const [key, value] of records) {
    sort.add(key, value);
    if (options.chargeEach) sort.charge(options.chargeEach);
  }
  const groups = [...sort.groups()];
  const runs = sort.runCount;
  sort.close();
  return { groups, runs };
}

/** A pseudo-random sequence (the same on every run). */
function random(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('the external sort of the offline merge', () => {
  const next = random(7);
  const records: [string, number][] = Array.from({ length: 5000 }, (_, i) => [`k${Math.floor(next() * 700)}`, i]);

  it('gives each key once, in order, its values in the order added (ties stable), in memory and across runs', () => {
    const want = expected(records);
    const inMemory = sorted(records);
    expect(inMemory.runs).toBe(0);
    expect(inMemory.groups).toStrictEqual(want);
    // Runs of 37 records (not a multiple of a block), of 1,000 (several blocks each), and charged by the caller.
    for (const options of [{ chunkRecords: 37 }, { chunkRecords: 1000 }, { chunkCharge: 10, chargeEach: 3 }]) {
      const { groups, runs } = sorted(records, options);
      expect(runs).toBeGreaterThan(1);
      expect(groups).toStrictEqual(want);
    }
  });

  it('compares keys as strings: prefixes, empty keys, unicode, one key only', () => {
    const keys = ['', 'a', 'ab', 'a\u0000', 'B', 'é', '漢', '😀', 'a', '', 'ab'];
    const mixed = keys.map((key, i) => [key, i] as [string, number]);
    expect(sorted(mixed, { chunkRecords: 2 }).groups).toStrictEqual(expected(mixed));
    const one = Array.from({ length: 600 }, (_, i) => ['same', i] as [string, number]);
    expect(sorted(one, { chunkRecords: 100 }).groups).toStrictEqual([['same', one.map(([, i]) => i)]]);
    expect(sorted([] as [string, number][]).groups).toStrictEqual([]);
  });

  it('carries every value type, and values larger than a run\'s read (records across read blocks)', () => {
    const values: unknown[] = [
      'plain', 'tab\tline\nbreak "quoted" \u001f', '', 0, -0, 2.5, -7, Number.MAX_SAFE_INTEGER, true, false, null, undefined,
      [], ['a', ''], [1, 2], { id: 'n', nested: { list: [null, { a: undefined }] } }, 'x'.repeat(300_000), ['y'.repeat(100_000), 'z'],
    ];
    const records = values.map((value, i) => [`k${i % 5}`, value] as [string, unknown]);
    const { groups, runs } = sorted(records, { chunkRecords: 4 });
    expect(runs).toBeGreaterThan(1);
    expect(groups).toStrictEqual(expected(records));
    const negativeZero = groups.flatMap(([, v]) => v).find((v) => Object.is(v, -0));
    expect(Object.is(negativeZero, -0)).toBe(true);
  });

  it('removes its runs when closed', () => {
    const dir = freshDir();
    const sort = new ExternalSort<number>({ dir, chunkCharge: Infinity, chunkRecords: 10 });
    for (let i = 0; i < 100; i++) sort.add(`k${i % 7}`, i);
    expect([...sort.groups()]).toHaveLength(7);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    sort.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** A plan with a document, its case, a person (shared or not), a judge it refers to or defines, and relationships. */
function plan(caseId: string, options: { person?: string; description?: string; shared?: boolean; judge?: 'define' | 'refer'; contribution?: string; alias?: string } = {}): GraphPlan {
  const doc = `${caseId}-doc`;
  const passage = { id: `${doc}:0-4`, documentId: doc, quote: 'Wren', start: 0, end: 4 };
  const person = options.person ?? 'wren';
  const nodes: GraphPlan['nodes'] = [
    { kind: 'SourceDocument', id: doc, props: { id: doc, kind: 'SourceDocument', name: 'doc', aliases: [], description: null, shared: false, passageIds: [], seq: 0, text: 'Wren\n"testified"' } },
    { kind: 'Case', id: caseId, props: { id: caseId, kind: 'Case', name: caseId, aliases: [], description: null, shared: false, passageIds: [passage.id], seq: 1 } },
  ];
  if (!options.alias) nodes.push({ kind: 'Person', id: person, props: { id: person, kind: 'Person', name: 'Wren', aliases: [caseId.toUpperCase()], description: options.description ?? 'red car', age: null, shared: options.shared ?? true, passageIds: [passage.id], seq: 2 } });
  if (options.judge === 'define') nodes.push({ kind: 'Person', id: 'judge', props: { id: 'judge', kind: 'Person', name: 'Judge', aliases: [], description: 'the judge', shared: true, passageIds: [], seq: 3 } });
  const relationships: GraphPlan['relationships'] = [
    { type: 'HAS_ROLE', id: `${caseId}:${person}.witness`, from: options.alias ?? person, to: caseId, props: { caseId, passageIds: [passage.id], inherited: false, inferred: false, reason: null, role: 'witness' } },
    // The same key in every case (another case's CREATE, a sibling's MERGE).
    { type: 'KNOWS', id: 'knows-wren-judge', from: options.alias ?? person, to: 'judge', props: { caseId, passageIds: [], since: caseId } },
  ];
  return {
    caseId,
    ...(options.contribution && { contribution: options.contribution }),
    nodes,
    aliases: options.alias ? [{ id: options.alias, aliases: [`${caseId}-name`], passageIds: [passage.id] }] : [],
    relationships,
    passages: [passage],
    externalIds: options.judge === 'refer' ? ['judge'] : [],
  };
}

/** Every element, by what identifies it (labels sorted, properties), as a sorted list (so order does not count). */
function identities(elements: GraphElement[]): [string, unknown][] {
  return elements.map((e): [string, unknown] => e.space === 'relationship'
    ? [`${e.relationship.type} ${e.relationship.from} ${e.relationship.to}`, { ...e.relationship, props: { ...e.relationship.props } }]
    : [`${e.space} ${String(e.node.props.id ?? e.node.props.caseId)}`, { labels: [...e.node.labels].sort(), props: { ...e.node.props } }])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
}

function held(plans: GraphPlan[]): GraphElement[] {
  const graph = new MergedGraph();
  for (const p of plans) graph.addCase(p, `hash-${p.caseId}`);
  graph.finish();
  return [
    ...[...graph.entities.values()].map((node) => ({ space: 'Entity' as const, node })),
    ...[...graph.passages.values()].map((node) => ({ space: 'Passage' as const, node })),
    ...graph.manifestNodes().map((node) => ({ space: 'CaseManifest' as const, node })),
    ...graph.relationships.map((relationship) => ({ space: 'relationship' as const, relationship })),
  ];
}

async function bySort(plans: GraphPlan[], chunkRecords?: number) {
  const out: GraphElement[] = [];
  const sort = new ExternalSort<MergeRecord>({ dir: freshDir(), chunkCharge: Infinity, ...(chunkRecords !== undefined && { chunkRecords }) });
  const splitCases = new Set(plans.filter((p) => p.contribution !== undefined).map((p) => p.caseId));
  const merge = new SortedMerge(sort, splitCases, (e) => out.push(e));
  for (const p of plans) merge.add(p, `hash-${p.caseId}`, 0);
  const progress: number[] = [];
  await merge.finish((n) => progress.push(n));
  sort.close();
  return { out, merge, progress, records: sort.records };
}

describe('the sorted merge of an offline import (the same graph as MergedGraph, element by element)', () => {
  const corpora: Record<string, GraphPlan[]> = {
    'a node several cases define as shared, a judge one defines and others refer to': [
      plan('zulu', { judge: 'define' }), plan('alpha', { judge: 'refer', description: 'blue car' }), plan('mike', { judge: 'refer' }),
    ],
    'two contributions of one case (relationships merged), another case between them (its own relationship of the same key)': [
      plan('zulu', { judge: 'define' }), plan('alpha', { judge: 'refer' }), plan('zulu', { judge: 'refer', contribution: 'zulu#b', description: 'green car' }),
    ],
    'a sameAs case adding names to an earlier case\'s entity': [
      plan('alpha', { judge: 'define', shared: false }), plan('beta', { judge: 'refer', alias: 'wren' }), plan('gamma', { judge: 'refer', alias: 'wren' }),
    ],
  };
  for (const [name, plans] of Object.entries(corpora)) {
    it(name, async () => {
      const want = identities(held(plans));
      for (const chunkRecords of [undefined, 1, 3, 1000]) {
        const { out, merge } = await bySort(plans, chunkRecords);
        expect(merge.problems).toBe(0);
        expect(identities(out)).toStrictEqual(want);
        expect(merge.merged).toBe(plans.length);
      }
    });
  }

  it('gives the same graph as MergedGraph on 120 generated plans, its chunks written as many runs, with progress in records', async () => {
    const next = random(3);
    const plans: GraphPlan[] = [plan('c000', { judge: 'define' })];
    for (let i = 1; i < 120; i++) {
      const caseId = `c${String(Math.floor(next() * 80)).padStart(3, '0')}`;
      const taken = plans.filter((p) => p.caseId === caseId).length;
      const roll = next();
      plans.push(plan(caseId, {
        judge: 'refer',
        person: roll < 0.3 ? `p${i}` : 'wren',
        ...(taken > 0 && { contribution: `${caseId}#${taken}` }),
        ...(roll > 0.9 && taken === 0 && { alias: 'wren' }),
      }));
    }
    const want = identities(held(plans));
    const { out, merge, progress, records } = await bySort(plans, 50);
    expect(merge.problems).toBe(0);
    expect(identities(out)).toStrictEqual(want);
    expect(progress.at(-1)).toBe(records);
  });

  it('finds what the normal path refuses: a CONFLICT, a reference to what no earlier file defines, a contribution given twice', async () => {
    const problems = async (plans: GraphPlan[]) => (await bySort(plans, 2)).merge.problems;
    expect(await problems([plan('zulu', { judge: 'define' }), plan('alpha', { judge: 'refer' })])).toBe(0);
    expect(await problems([plan('zulu', { judge: 'define' }), plan('alpha', { judge: 'refer', description: 'blue car', shared: false })])).toBeGreaterThan(0);
    expect(await problems([plan('alpha', { judge: 'refer' })])).toBeGreaterThan(0);
    // Referring to what a later file defines is refused as the normal path (which loads in this order) would.
    expect(await problems([plan('alpha', { judge: 'refer' }), plan('zulu', { judge: 'define' })])).toBeGreaterThan(0);
    expect(await problems([plan('zulu', { judge: 'define' }), plan('zulu', { judge: 'refer' })])).toBeGreaterThan(0);
    expect(await problems([plan('beta', { judge: 'define', alias: 'wren' })])).toBeGreaterThan(0);
  });
});
