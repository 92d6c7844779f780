import { describe, expect, it } from 'vitest';
import type { GraphPlan } from '../../src/ingest/plan.js';
import { cellProblem, cellType, encodeCell, EMPTY_LIST } from '../../src/ingest/offline/csv-format.js';
import { CsvLayout, EMPTY_LISTS_LABEL } from '../../src/ingest/offline/csv-layout.js';
import { dataLine, headerLine } from '../../src/ingest/offline/csv-files.js';
import { importArguments, importerReason } from '../../src/ingest/offline/importer.js';
import { MergedGraph, MergeProblem } from '../../src/ingest/offline/merged-graph.js';
import { progressLine } from '../../src/ingest/offline/progress.js';

/** A plan with one document, one person stated by it, and the case. */
function plan(caseId: string, person: { description: string; aliases: string[] }, extra: Partial<GraphPlan> = {}): GraphPlan {
  const doc = `${caseId}-doc`;
  const passage = { id: `${doc}:0-4`, documentId: doc, quote: 'Wren', start: 0, end: 4 };
  return {
    caseId,
    nodes: [
      { kind: 'SourceDocument', id: doc, props: { id: doc, kind: 'SourceDocument', name: 'doc', aliases: [], description: null, passageIds: [], seq: 0, text: 'Wren\n"testified"' } },
      { kind: 'Case', id: caseId, props: { id: caseId, kind: 'Case', name: caseId, aliases: [], description: null, passageIds: [passage.id], seq: 1 } },
      { kind: 'Person', id: 'wren', props: { id: 'wren', kind: 'Person', name: 'Wren', aliases: person.aliases, description: person.description, age: null, passageIds: [passage.id], seq: 2 } },
    ],
    aliases: [],
    relationships: [{ type: 'HAS_ROLE', id: `${caseId}:wren.witness`, from: 'wren', to: caseId, props: { caseId, passageIds: [passage.id], inherited: false, inferred: false, reason: null, role: 'witness' } }],
    passages: [passage],
    externalIds: [],
    ...extra,
  };
}

describe('the merged graph of an offline import (what the write path leaves)', () => {
  it('takes a shared node\'s fields from the smallest case id whatever the order, and keeps every case\'s passages', () => {
    const graph = new MergedGraph();
    graph.addCase(plan('zulu', { description: 'red car', aliases: ['Z'] }));
    graph.addCase(plan('alpha', { description: 'blue car', aliases: [] }));
    graph.finish();
    const wren = graph.entities.get('wren')!;
    expect(wren.labels).toEqual(['Entity', 'Person']);
    expect(wren.props).toMatchObject({ description: 'blue car', aliases: [], fieldsFrom: 'alpha', caseIds: ['zulu', 'alpha'] });
    expect(wren.props.sourceKeys).toEqual(['zulu|zulu-doc:0-4', 'alpha|alpha-doc:0-4']);
    expect(wren.props.passageIds).toEqual(['zulu-doc:0-4', 'alpha-doc:0-4']);
    expect('age' in wren.props).toBe(false);
    const later = new MergedGraph();
    later.addCase(plan('alpha', { description: 'blue car', aliases: [] }));
    later.addCase(plan('zulu', { description: 'red car', aliases: ['Z'] }));
    later.finish();
    expect(later.entities.get('wren')!.props).toMatchObject({ description: 'blue car', fieldsFrom: 'alpha' });
  });

  it('adds a sameAs case\'s new names in order, one QUOTED_FROM per passage, and a manifest per case', () => {
    const graph = new MergedGraph();
    graph.addCase(plan('alpha', { description: 'x', aliases: ['A'] }));
    graph.addCase({ ...plan('beta', { description: 'y', aliases: [] }), nodes: plan('beta', { description: 'y', aliases: [] }).nodes.slice(0, 2),
      aliases: [{ id: 'wren', aliases: ['Wren', 'A', 'B'], passageIds: ['beta-doc:0-4'] }] });
    graph.finish();
    expect(graph.entities.get('wren')!.props.aliases).toEqual(['A', 'B']);
    expect(graph.relationships.filter((r) => r.type === 'QUOTED_FROM')).toHaveLength(2);
    expect(graph.manifestNodes().map((m) => m.props.caseId)).toEqual(['alpha', 'beta']);
    expect(graph.manifestNodes()[0]!.props).not.toHaveProperty('sourceHash');
  });

  it('refuses a reference to what no earlier file defines, and a case given twice', () => {
    const graph = new MergedGraph();
    expect(() => graph.addCase(plan('alpha', { description: 'x', aliases: [] }, { externalIds: ['nobody'] }))).toThrow(MergeProblem);
    const twice = new MergedGraph();
    twice.addCase(plan('alpha', { description: 'x', aliases: [] }));
    expect(() => twice.addCase(plan('alpha', { description: 'x', aliases: [] }))).toThrow(/same case/);
  });
});

describe('CSV cells and files for the importer', () => {
  it('types values as the driver stores them and encodes strings, lists and numbers', () => {
    expect([cellType('a'), cellType(3), cellType(2.5), cellType(true), cellType(['a']), cellType([1, 2]), cellType([1, 2.5]), cellType([])]).toEqual(['string', 'long', 'double', 'boolean', 'string[]', 'long[]', 'double[]', EMPTY_LIST]);
    expect(cellType({ a: 1 })).toBeNull();
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
    const layout = new CsvLayout();
    const rows = [...layout.rows(graph)];
    const person = rows.find((r) => r.group.labels.includes('Person'))!;
    expect(person.group.labels).toEqual(['Entity', 'Person', EMPTY_LISTS_LABEL]);
    expect(headerLine(person.group)).toMatch(/^id:ID\(Entity\)\tkind:string\tname:string\t/);
    expect(headerLine(person.group)).toContain('seq:long');
    expect(headerLine(person.group)).toContain('offlineEmptyLists:string[]');
    expect(dataLine(person).startsWith('"wren"\t"Person"\t"Wren"')).toBe(true);
    const document = rows.find((r) => r.group.labels.includes('SourceDocument'))!;
    expect(document.group.multiline).toBe(true);
    expect([...layout.emptyLists.nodes].sort()).toEqual(['aliases', 'externalIds', 'passageIds', 'sourceKeys']);
    const quoted = rows.find((r) => r.group.kind === 'relationships' && r.group.labels[0] === 'QUOTED_FROM')!;
    expect(quoted.group.idColumns).toEqual([':START_ID(Passage)', ':END_ID(Entity)']);
    const manifest = rows.find((r) => r.group.labels[0] === 'CaseManifest')!;
    expect(manifest.group.idColumns).toEqual(['caseId:ID(CaseManifest)']);
  });

  it('gives the importer the database name before the files, and strict settings', () => {
    const graph = new MergedGraph();
    graph.addCase(plan('alpha', { description: 'x', aliases: [] }));
    graph.finish();
    const layout = new CsvLayout();
    [...layout.rows(graph)];
    const sources = layout.groups.map((group, i) => ({ group, header: `/d/${i}.h`, data: `/d/${i}.tsv` }));
    const args = importArguments(sources, { largestValueBytes: 10, maxOffHeap: '1G', reportFile: '/d/report' });
    expect(args[0]).toBe('neo4j');
    expect(args[1]).toMatch(/^--nodes=Entity:SourceDocument:OfflineEmptyLists=\/d\/0\.h,\/d\/0\.tsv$/);
    expect(args).toContain('--bad-tolerance=0');
    expect(args).toContain('--array-delimiter=U+001F');
    expect(args).toContain('--multiline-fields=true');
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
