import { describe, expect, it } from 'vitest';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import { cellProblem, cellType, encodeCell, EMPTY_LIST } from '../../src/ingest/offline/csv-format.js';
import { CsvLayout, EMPTY_LISTS_LABEL } from '../../src/ingest/offline/csv-layout.js';
import { headerLine } from '../../src/ingest/offline/csv-files.js';
import { importArguments, importerOwnSeconds, importerReason } from '../../src/ingest/offline/importer.js';
import { MergeConflict, MergedGraph, MergeProblem, type GraphElement } from '../../src/ingest/offline/merged-graph.js';
import { countTouches } from '../../src/ingest/offline/plan-all.js';
import { progressLine } from '../../src/ingest/offline/progress.js';
import { unpackManifest, type StoredManifest } from '../../src/ingest/write/manifest.js';

/** A plan with one document, one person stated by it, and the case. */
function plan(caseId: string, person: { description: string; aliases: string[]; shared?: boolean }, extra: Partial<GraphPlan> = {}): GraphPlan {
  const doc = `${caseId}-doc`;
  const passage = { id: `${doc}:0-4`, documentId: doc, quote: 'Wren', start: 0, end: 4 };
  return {
    caseId,
    nodes: [
      { kind: 'SourceDocument', id: doc, props: { id: doc, kind: 'SourceDocument', name: 'doc', aliases: [], description: null, shared: false, passageIds: [], seq: 0, text: 'Wren\n"testified"' } },
      { kind: 'Case', id: caseId, props: { id: caseId, kind: 'Case', name: caseId, aliases: [], description: null, shared: false, passageIds: [passage.id], seq: 1 } },
      { kind: 'Person', id: 'wren', props: { id: 'wren', kind: 'Person', name: 'Wren', aliases: person.aliases, description: person.description, age: null, shared: person.shared ?? false, passageIds: [passage.id], seq: 2 } },
    ],
    aliases: [],
    relationships: [{ type: 'HAS_ROLE', id: `${caseId}:wren.witness`, from: 'wren', to: caseId, props: { caseId, passageIds: [passage.id], inherited: false, inferred: false, reason: null, role: 'witness' } }],
    passages: [passage],
    externalIds: [],
    ...extra,
  };
}

/** Who states a node, from its STATES: [contribution, defines, passage ids]. */
const statesOf = (graph: MergedGraph, id: string) => graph.relationships.filter((r) => r.type === 'STATES' && r.to === id).map((r) => [r.from, r.props.defines, r.props.passageIds]);

const merged = (...plans: GraphPlan[]) => {
  const graph = new MergedGraph();
  for (const p of plans) graph.addCase(p);
  return graph.finish();
};

describe('the merged graph of an offline import (what the write path leaves)', () => {
  it('merges a node two cases define as shared: scalar fields from the smallest case id, lists united, whatever the order', () => {
    const zulu = plan('zulu', { description: 'red car', aliases: ['Z'], shared: true });
    const alpha = plan('alpha', { description: 'blue car', aliases: ['A'], shared: true });
    const graph = merged(zulu, alpha);
    const wren = graph.entities.get('wren')!;
    expect(wren.labels).toEqual(['Entity', 'Person']);
    expect(wren.props).toMatchObject({ description: 'blue car', aliases: ['A', 'Z'], shared: true });
    expect(JSON.parse(wren.props.fieldOwners as string)).toMatchObject({ description: 'alpha', name: 'alpha' });
    // Who states it and its passages are its STATES, one per contribution; the node holds no list of them.
    expect(statesOf(graph, 'wren')).toEqual([['zulu', true, ['zulu-doc:0-4']], ['alpha', true, ['alpha-doc:0-4']]]);
    for (const list of ['owners', 'definers', 'caseIds', 'sourceKeys', 'passageIds']) expect(wren.props).not.toHaveProperty(list);
    expect('age' in wren.props).toBe(false);
    expect('fieldsFrom' in wren.props).toBe(false);
    const later = merged(alpha, zulu).entities.get('wren')!.props;
    expect(later).toMatchObject({ description: 'blue car', aliases: ['A', 'Z'] });
    // A node one contribution defines carries no fieldOwners; its one STATES is that contribution's.
    expect(statesOf(graph, 'zulu')).toEqual([['zulu', true, ['zulu-doc:0-4']]]);
    expect(graph.entities.get('zulu')!.props).not.toHaveProperty('fieldOwners');
  });

  it('refuses (CONFLICT) a second case defining a node otherwise unless both say shared, before changing anything', () => {
    for (const [first, second] of [['zulu', 'alpha'], ['alpha', 'zulu']]) {
      const graph = new MergedGraph();
      graph.addCase(plan(first!, { description: 'red car', aliases: [], shared: true }));
      const refused = (() => { try { graph.addCase(plan(second!, { description: 'blue car', aliases: [] })); } catch (error) { return error; } })();
      expect(refused).toBeInstanceOf(MergeConflict);
      expect((refused as Error).message).toContain(`CONFLICT: case "${second}" defines "wren", which case "${first}" already defines with another description`);
      graph.finish();
      expect(graph.entities.has(`${second}-doc`)).toBe(false);
      expect(graph.entities.get('wren')!.props).toMatchObject({ description: 'red car' });
      expect(statesOf(graph, 'wren').map(([owner]) => owner)).toEqual([first]);
    }
    // The same fields need no shared; another contribution of the same case is no other case.
    expect(() => merged(plan('zulu', { description: 'red car', aliases: [] }), plan('alpha', { description: 'red car', aliases: [] }))).not.toThrow();
    expect(() => merged(plan('zulu', { description: 'red car', aliases: [] }), { ...plan('zulu', { description: 'blue car', aliases: [] }), contribution: 'zulu#b' })).not.toThrow();
  });

  it('keeps one relationship for two contributions of one case, owned by both, with a manifest each', () => {
    const graph = merged(plan('zulu', { description: 'red car', aliases: [] }), { ...plan('zulu', { description: 'red car', aliases: [] }), contribution: 'zulu#b' });
    const roles = graph.relationships.filter((r) => r.type === 'HAS_ROLE');
    expect(roles).toHaveLength(1);
    expect(roles[0]!.props).toMatchObject({ id: 'zulu:wren.witness', owners: ['zulu', 'zulu#b'], role: 'witness' });
    expect(graph.relationships.filter((r) => r.type === 'QUOTED_FROM')).toHaveLength(1);
    expect(graph.passages.get('zulu-doc:0-4')!.props).toMatchObject({ owners: ['zulu', 'zulu#b'], caseIds: ['zulu'] });
    expect(graph.manifestNodes().map((m) => [m.props.caseId, m.props.case])).toEqual([['zulu', 'zulu'], ['zulu#b', 'zulu']]);
    expect(graph.manifestNodes()[0]!.props).not.toHaveProperty('sourceHash');
    expect(JSON.parse(unpackManifest(graph.manifestNodes()[0]!.props as StoredManifest).statements[0]!)).not.toHaveProperty('text');
  });

  it('adds a sameAs case\'s names as its statement, one QUOTED_FROM per passage', () => {
    const beta = plan('beta', { description: 'y', aliases: [] });
    const graph = merged(plan('alpha', { description: 'x', aliases: ['C'] }), { ...beta, nodes: beta.nodes.slice(0, 2), aliases: [{ id: 'wren', aliases: ['B', 'A'], passageIds: ['beta-doc:0-4'] }] });
    const wren = graph.entities.get('wren')!.props;
    expect(wren).toMatchObject({ aliases: ['A', 'B', 'C'], description: 'x' });
    // The sameAs names are beta's statement, as its manifest keeps it: its STATES says so.
    expect(statesOf(graph, 'wren')).toEqual([['alpha', true, ['alpha-doc:0-4']], ['beta', true, ['beta-doc:0-4']]]);
    expect(graph.relationships.filter((r) => r.type === 'QUOTED_FROM')).toHaveLength(2);
  });

  it('refuses a reference to what no earlier file defines, and a contribution given twice', () => {
    const graph = new MergedGraph();
    expect(() => graph.addCase(plan('alpha', { description: 'x', aliases: [] }, { externalIds: ['nobody'] }))).toThrow(MergeProblem);
    expect(graph.entities.size).toBe(0);
    const twice = new MergedGraph();
    twice.addCase(plan('alpha', { description: 'x', aliases: [] }));
    expect(() => twice.addCase(plan('alpha', { description: 'x', aliases: [] }))).toThrow(/same case/);
  });
});

/** Every element of a graph, by what identifies it, with its labels (sorted) and properties. */
function byIdentity(elements: GraphElement[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of elements) {
    if (e.space === 'relationship') out.set(`${e.relationship.type} ${e.relationship.from} ${e.relationship.to} ${String(e.relationship.props.id ?? '')}`, e.relationship.props);
    else out.set(`${e.space} ${String(e.node.props.id ?? e.node.props.caseId)}`, { labels: [...e.node.labels].sort(), props: e.node.props });
  }
  return out;
}

const heldElements = (graph: MergedGraph): GraphElement[] => [
  ...[...graph.entities.values()].map((node) => ({ space: 'Entity' as const, node })),
  ...[...graph.passages.values()].map((node) => ({ space: 'Passage' as const, node })),
  ...graph.manifestNodes().map((node) => ({ space: 'CaseManifest' as const, node })),
  ...graph.relationships.map((relationship) => ({ space: 'relationship' as const, relationship })),
];

describe('the merged graph, streamed (each element out once no later file touches it)', () => {
  const zulu = plan('zulu', { description: 'red car', aliases: ['Z'], shared: true });
  const alpha = plan('alpha', { description: 'blue car', aliases: ['A'], shared: true });
  const zuluB = { ...plan('zulu', { description: 'red car', aliases: ['Y'], shared: true }), contribution: 'zulu#b' };
  const beta = plan('beta', { description: 'y', aliases: [] });
  const betaAlias: GraphPlan = { ...beta, nodes: beta.nodes.slice(0, 2), aliases: [{ id: 'wren', aliases: ['B'], passageIds: ['beta-doc:0-4'] }] };
  const plans = [zulu, alpha, zuluB, betaAlias];

  it('gives the same elements as the graph held whole', () => {
    const touches = new Map<string, number>();
    const contributionsOfCase = new Map<string, number>();
    for (const p of plans) countTouches(p, touches, contributionsOfCase);
    const out: GraphElement[] = [];
    const streamed = new MergedGraph({ touches, contributionsOfCase, emit: (e) => out.push(e) });
    const outAfter: number[] = [];
    for (const p of plans) {
      streamed.addCase(p);
      outAfter.push(out.length);
    }
    streamed.finish();
    expect(byIdentity(out)).toEqual(byIdentity(heldElements(merged(...plans))));
    expect(out).toHaveLength(heldElements(merged(...plans)).length);
    // Nothing is left to hold, and every count is down to none.
    expect(streamed.entities.size + streamed.passages.size).toBe(0);
    expect(touches.size + contributionsOfCase.size).toBe(0);
    expect(streamed.merged).toBe(4);
  });

  it('lets go of what only finished files touch, and holds the hub until the last file that touches it', () => {
    const touches = new Map<string, number>();
    const contributionsOfCase = new Map<string, number>();
    for (const p of plans) countTouches(p, touches, contributionsOfCase);
    const out: GraphElement[] = [];
    const streamed = new MergedGraph({ touches, contributionsOfCase, emit: (e) => out.push(e) });
    const ids = () => new Set(out.map((e) => (e.space === 'relationship' ? `${e.relationship.type}:${e.relationship.props.id ?? e.relationship.from}` : `${e.space}:${e.node.props.id ?? e.node.props.caseId}`)));
    streamed.addCase(zulu);
    streamed.addCase(alpha);
    // alpha has one contribution: its case, document, passage, role and manifest are out; wren (in every file) is held.
    for (const id of ['Entity:alpha', 'Entity:alpha-doc', 'Passage:alpha-doc:0-4', 'HAS_ROLE:alpha:wren.witness', 'CaseManifest:alpha']) expect(ids()).toContain(id);
    // zulu has a second contribution to come: its case node and role stay.
    for (const id of ['Entity:zulu', 'HAS_ROLE:zulu:wren.witness', 'Entity:wren']) expect(ids()).not.toContain(id);
    expect(streamed.entities.has('wren')).toBe(true);
    streamed.addCase(zuluB);
    expect(ids()).toContain('HAS_ROLE:zulu:wren.witness');
    expect(ids()).not.toContain('Entity:wren');
    streamed.addCase(betaAlias);
    expect(ids()).toContain('Entity:wren');
    expect(streamed.entities.size).toBe(0);
  });
});

describe('CSV cells and files for the importer', () => {
  it('types values as the driver stores them and encodes strings, lists and numbers', () => {
    expect([cellType('a'), cellType(3), cellType(2.5), cellType(true), cellType(['a']), cellType([1, 2]), cellType([1, 2.5]), cellType([])]).toEqual(['string', 'long', 'double', 'boolean', 'string[]', 'long[]', 'double[]', EMPTY_LIST]);
    expect(cellType({ a: 1 })).toBeNull();
    expect([cellType([2.5, 1, 2]), cellType([1, 'a']), cellType([true, 1]), cellType(['a', null]), cellType([1.5, 2.5])]).toEqual(['double[]', null, null, null, 'double[]']);
    expect(encodeCell('say "hi"\tnow', 'string')).toBe('"say ""hi""\tnow"');
    expect(encodeCell(['a;b', 'c"'], 'string[]')).toBe('"a;b\u001fc"""');
    expect(encodeCell(null, 'long')).toBe('');
    expect(cellProblem(['a\u001fb'])).toMatch(/U\+001F/);
    expect(cellProblem([''])).toMatch(/empty/);
    expect(cellProblem('anything \u001f in a string')).toBeNull();
  });

  it('groups rows by labels and column types, marks empty lists, and writes typed headers', () => {
    const graph = new MergedGraph();
    graph.addCase(plan('alpha', { description: 'x', aliases: [] }));
    graph.finish();
    const layout = new CsvLayout().scan(graph);
    const rows = [...layout.lines(graph)];
    expect(rows).toHaveLength(layout.rows);
    const person = rows.find((r) => r.group.labels.includes('Person'))!;
    expect(person.group.labels).toEqual(['Entity', 'Person', `${EMPTY_LISTS_LABEL}__aliases`]);
    expect(headerLine(person.group)).toMatch(/^id:ID\(Entity\)\tkind:string\tname:string\t/);
    expect(headerLine(person.group)).toContain('seq:long');
    expect(headerLine(person.group)).not.toContain('offlineEmptyLists');
    expect(person.line.startsWith('"wren"\t"Person"\t"Wren"')).toBe(true);
    // The empty aliases: an empty cell, and named in the marking list.
    const columns = [...person.group.columns.keys()];
    const cells = person.line.split('\t');
    expect(columns).not.toContain('aliases');
    const document = rows.find((r) => r.group.labels.includes('SourceDocument'))!;
    expect(document.group.multiline).toBe(true);
    // Only the groups whose rows hold a line break are read as multi-line.
    expect(layout.groups.filter((g) => g.multiline).map((g) => g.labels.join(':'))).toEqual(['Entity:SourceDocument:OfflineEmptyLists__aliases']);
    // (A manifest holds no list: its lists are packed into \`contents\`.)
    expect(new Set([...layout.emptyLists.nodes.values()].flat())).toEqual(new Set(['aliases']));
    expect(layout.emptyLists.nodes.get(`${EMPTY_LISTS_LABEL}__aliases`)).toEqual(['aliases']);
    const quoted = rows.find((r) => r.group.kind === 'relationships' && r.group.labels[0] === 'QUOTED_FROM')!;
    expect(quoted.group.idColumns).toEqual([':START_ID(Passage)', ':END_ID(Entity)']);
    const manifest = rows.find((r) => r.group.labels[0] === 'CaseManifest')!;
    expect(manifest.group.idColumns).toEqual(['caseId:ID(CaseManifest)']);
    expect([...manifest.group.columns.keys()]).toContain('contents');
  });

  it('gives the importer the database name before the files, and strict settings', () => {
    const graph = new MergedGraph();
    graph.addCase(plan('alpha', { description: 'x', aliases: [] }));
    graph.finish();
    const layout = new CsvLayout().scan(graph);
    const sources = layout.groups.map((group, i) => ({ group, header: `/d/${i}.h`, data: group.multiline ? [`/d/${i}a.tsv`, `/d/${i}b.tsv`] : [`/d/${i}.tsv`] }));
    const args = importArguments(sources, { largestValueBytes: 10, maxOffHeap: '1G', reportFile: '/d/report' });
    expect(args[0]).toBe('neo4j');
    // Each multi-line file an input of its own, listed as multi-line; the others read in parallel.
    expect(args[1]).toBe('--nodes=Entity:SourceDocument:OfflineEmptyLists__aliases=/d/0.h,/d/0a.tsv');
    expect(args[2]).toBe('--nodes=Entity:SourceDocument:OfflineEmptyLists__aliases=/d/0.h,/d/0b.tsv');
    expect(args).toContain('--bad-tolerance=0');
    expect(args).toContain('--array-delimiter=U+001F');
    expect(args).toContain('--multiline-fields=/d/0a.tsv,/d/0b.tsv');
    expect(args).toContain('--multiline-fields-format=v2');
  });

  it('picks the lines of the importer\'s output that say why it failed', () => {
    expect(importerReason(['Nodes, started', 'org.neo4j.internal.batchimport.input.DuplicateInputIdException: Id \'x\' is defined more than once', '    at org.neo4j.Foo']))
      .toBe("org.neo4j.internal.batchimport.input.DuplicateInputIdException: Id 'x' is defined more than once");
    expect(importerReason(['IMPORT FAILED', 'Caused by: java.lang.RuntimeException: wrapped', '  Caused by: org.neo4j.X: Id \'y\' is defined more than once'])).toBe("org.neo4j.X: Id 'y' is defined more than once");
  });

  it('computes rate and time left of a step', () => {
    expect(progressLine('writing CSV', 'rows', 500, 2000, 2)).toEqual({ phase: 'writing CSV', unit: 'rows', done: 500, total: 2000, perSecond: 250, etaSeconds: 6 });
    expect(progressLine('importing', 'steps', 0, null, 1).etaSeconds).toBeNull();
  });
});

describe('the importer\'s own time', () => {
  it('reads the time the importer reports, without its JVM start', () => {
    expect(importerOwnSeconds('IMPORT DONE in 19s 927ms. ')).toBe(19.93);
    expect(importerOwnSeconds('IMPORT DONE in 1m 2s 5ms.')).toBe(62.01);
    expect(importerOwnSeconds('Nodes, started 2026-12-06')).toBeNull();
  });
});
