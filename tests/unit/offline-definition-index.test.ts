import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchDefinitions } from '../../src/ingest/cli/batch.js';
import type { GraphPlan } from '../../src/ingest/casefile/plan.js';
import type { GraphNodeInfo } from '../../src/ingest/casefile/validate.js';
import { DefinitionIndex } from '../../src/ingest/offline/definition-index.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), 'definition-index-'));
  folders.push(made);
  return made;
}

type Kind = GraphPlan['nodes'][number]['kind'];
function plan(caseId: string, nodes: [Kind, string, string?][]): GraphPlan {
  return {
    caseId,
    nodes: nodes.map(([kind, id, text]) => ({ kind, id, props: { id, name: `${kind} ${id} of ${caseId}`, ...(text !== undefined && { text }) } })),
    aliases: [],
    relationships: [],
    passages: [],
    externalIds: [],
  };
}

/** A small deterministic generator (no dependence on Math.random). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Files defining persons, courts and documents: many new ids, some shared by several files, a hub every file defines, ids with awkward characters. */
function corpus(files: number, seed: number): { file: string; plan: GraphPlan }[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const awkward = ['', ' ', 'é', '\u0000', '\u{1F600}', 'a:b', 'zz'];
  return Array.from({ length: files }, (_, f) => {
    const caseId = `case-${pick(files / 2)}`;
    const nodes: [Kind, string, string?][] = [['Court', 'court:hub']];
    for (let n = 0; n < 3 + pick(12); n++) nodes.push(['Person', `person:${f}-${n}${awkward[pick(awkward.length)]}`]);
    for (let n = 0; n < 2; n++) nodes.push(['Person', `person:shared-${pick(40)}`]);
    nodes.push(['SourceDocument', `doc:${pick(files)}`, `Text ${f}`]);
    if (next() < 0.3) nodes.push(['SourceDocument', 'doc:hub', 'The hub text']);
    // A file names a node once.
    const unique = [...new Map(nodes.map((node) => [node[1], node])).values()];
    return { file: `file-${String(f).padStart(4, '0')}.case.yaml`, plan: plan(caseId, unique) };
  });
}

/** Every answer with its text read (a getter), so that two answers compare as values. */
function plain(found: Map<string, GraphNodeInfo>): [string, GraphNodeInfo][] {
  return [...found].map(([id, info]) => [id, { ...info }]);
}

describe('DefinitionIndex (what the offline import\'s files define, on disk beyond a bound)', () => {
  it('answers every lookup and providersOf as BatchDefinitions in its lean form, in memory and across many runs', async () => {
    const files = corpus(300, 7);
    const byFile = new Map(files.map(({ file, plan }) => [file, plan]));
    const textOf = (definer: string, id: string) => {
      const text = byFile.get(definer)!.nodes.find((node) => node.id === id)?.props.text;
      return typeof text === 'string' ? text : undefined;
    };
    const graph = async (ids: string[]) =>
      new Map<string, GraphNodeInfo>(ids.filter((id) => id === 'person:shared-3').map((id) => [id, { kind: 'Person', name: 'In the graph', caseIds: ['old'] }]));
    for (const limit of [1, 5, 97, 1_000_000]) {
      const reference = new BatchDefinitions({ textOf, own: (text) => text });
      const index = new DefinitionIndex(folder(), textOf, limit);
      const next = random(limit);
      for (const [f, { file, plan }] of files.entries()) {
        // Ask what validation asks before a file is added: its own ids, some of earlier files', some never defined.
        const asked = [...plan.nodes.map((node) => node.id), files[Math.floor(next() * files.length)]!.plan.nodes[1]!.id, 'court:hub', 'doc:hub', `never-${f}`];
        expect(plain(await index.lookupWith(graph)(asked)), `limit ${limit}, file ${f}`).toEqual(plain(await reference.lookupWith(graph)(asked)));
        expect(index.providersOf(file, asked)).toEqual(reference.providersOf(file, asked));
        index.add(file, plan);
        reference.add(file, plan);
        expect(index.version).toBe(reference.version);
      }
      const every = [...new Set(files.flatMap(({ plan }) => plan.nodes.map((node) => node.id)))];
      expect(plain(await index.lookupWith(graph)(every))).toEqual(plain(await reference.lookupWith(graph)(every)));
      expect(index.providersOf('other.case.yaml', ['court:hub'])).toHaveLength(300);
      if (limit < 1_000_000) {
        expect(index.runCount).toBeGreaterThanOrEqual(limit === 97 ? 20 : 300);
        expect(index.reads).toBeGreaterThan(0);
      } else expect(index.runCount).toBe(0);
      index.close();
    }
  });

  it('reads a document\'s text only when validation reads it, from the file that defined it first', async () => {
    const asked: string[] = [];
    const index = new DefinitionIndex(folder(), (definer, id) => (asked.push(`${definer} ${id}`), 'The text.'), 2);
    index.add('one.case.yaml', plan('one', [['SourceDocument', 'doc', 'The text.'], ['Person', 'alpha']]));
    index.add('two.case.yaml', plan('two', [['SourceDocument', 'doc', 'The text.'], ['Person', 'alpha']]));
    expect(index.runCount).toBe(2);
    index.add('three.case.yaml', plan('three', [['SourceDocument', 'doc', 'The text.']]));
    const found = await index.lookupWith(async () => new Map())(['alpha', 'doc']);
    expect(asked).toEqual([]);
    expect(found.get('doc')!.text).toBe('The text.');
    expect(asked).toEqual(['one.case.yaml doc']);
    expect(plain(found)).toEqual([
      ['alpha', { kind: 'Person', name: 'Person alpha of one', caseIds: [] }],
      ['doc', { kind: 'SourceDocument', name: 'SourceDocument doc of one', caseIds: ['one', 'two', 'three'], text: 'The text.' }],
    ]);
    expect(index.providersOf('four.case.yaml', ['doc'])).toEqual(['one.case.yaml', 'three.case.yaml', 'two.case.yaml']);
  });

  it('deletes its runs on close', () => {
    const dir = folder();
    const index = new DefinitionIndex(dir, () => undefined, 3);
    for (let f = 0; f < 10; f++) index.add(`f${f}`, plan(`c${f}`, [['Person', `p${f}`], ['Person', `q${f}`]]));
    expect(readdirSync(dir).length).toBe(index.runCount);
    expect(index.runCount).toBe(5);
    index.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});
