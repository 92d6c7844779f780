import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCase, importPlan } from '../../src/ingest/write/import.js';
import { graphLookup } from '../../src/ingest/pipeline/load.js';
import { planCaseFile, type GraphPlan } from '../../src/ingest/casefile/plan.js';
import { validateCaseFile, type ValidationEnv } from '../../src/ingest/casefile/validate.js';
import { relKey } from '../../src/ingest/write/write-queries.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { caseFingerprint } from '../support/graph.js';

/**
 * Property-based tests of the validator and the loader. A valid fictional case file
 * (tests/fixtures/bad/fuzz-seed.case.yaml) is mutated at random, as an object serialised back to
 * YAML or JSON, or as raw text. For every mutant:
 * - validateCaseFile never throws; it returns problems, each located (file, line >= 1 within the
 *   file, column >= 1) and explained (message and hint);
 * - a mutant that validates is loaded with importPlan(replace: true); then either the case is
 *   fully there (every planned node, passage and relationship, and loading the same plan again
 *   changes nothing), or loading threw and the case is as it was before (nothing written).
 *
 * That a write failing half-way rolls the whole case back is tested, with a deliberately broken
 * plan, in ingest.test.ts ("rolls the whole case back when a write fails half-way").
 *
 * Runs are deterministic (fixed seeds) and bounded: 150 object mutants and 100 text mutants.
 */
const SEED_FILE = path.resolve('tests/fixtures/bad/fuzz-seed.case.yaml');
const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');
const SEED_DATA = parse(SEED_TEXT) as Json;
const OBJECT_RUNS = { seed: 42, numRuns: 150 };
const TEXT_RUNS = { seed: 4242, numRuns: 100 };

type Json = unknown;
type Path = (string | number)[];

let api: TestApi;
let env: ValidationEnv;
/** Case ids written by the fuzz runs, deleted at the end. */
const loadedCases = new Set<string>();
const stats = { runs: 0, valid: 0, loaded: 0, threw: [] as string[], problems: new Map<string, number>() };

beforeAll(async () => {
  api = await startTestApi();
  env = {
    readDocument: async () => {
      throw new Error('the fuzz test reads no files');
    },
    lookupIds: graphLookup(api.executor),
  };
});
afterAll(async () => {
  if (!api) return;
  for (const caseId of loadedCases) await deleteCase(api.executor, caseId).catch(() => undefined);
  await api.close();
});

// ---------------------------------------------------------------------------------------------
// Paths into the parsed file.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path to a value inside `value` (not the root itself). */
function allPaths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [];
  const children: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : isObject(value) ? Object.entries(value) : [];
  for (const [key, child] of children) {
    out.push([...prefix, key]);
    out.push(...allPaths(child, [...prefix, key]));
  }
  return out;
}

function getAt(root: Json, at: Path): Json {
  return at.reduce<Json>((v, k) => (v as Record<string | number, Json> | undefined)?.[k], root);
}

function setAt(root: Json, at: Path, value: Json): void {
  const parent = getAt(root, at.slice(0, -1)) as Record<string | number, Json>;
  parent[at.at(-1)!] = value;
}

function deleteAt(root: Json, at: Path): void {
  const parent = getAt(root, at.slice(0, -1));
  const key = at.at(-1)!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Json>)[key];
}

/** Fields whose values are ids (definitions or references). */
const ID_FIELDS = new Set([
  'id', 'court', 'document', 'defendant', 'case', 'receivedBy', 'receivedFrom', 'judge', 'place', 'partOf', 'actor', 'target',
  'object', 'instrument', 'event', 'claimant', 'who', 'in', 'from', 'to',
]);
const ID_LIST_FIELDS = new Set(['withheldFrom', 'participants', 'about', 'disputes']);
const isIdPath = (root: Json, at: Path) =>
  typeof getAt(root, at) === 'string' &&
  ((typeof at.at(-1) === 'string' && ID_FIELDS.has(at.at(-1) as string)) || (typeof at.at(-1) === 'number' && ID_LIST_FIELDS.has(String(at.at(-2)))));

const pick = <T>(items: T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

// ---------------------------------------------------------------------------------------------
// Mutations. Each is data (so fast-check can print and shrink it), applied to a fresh copy.

const KINDS = ['Person', 'Group', 'Organization', 'Court', 'Work', 'Place', 'Item', 'Case', 'Event', 'Banana'];
const FIELD_NAMES = ['id', 'name', 'kind', 'quote', 'start', 'end', 'text', 'path', 'date', 'month', 'judge', 'role', 'type', 'sources', 'orgType', 'sameAs', 'time', 'x-extra'];
const OBJECT_OPS = ['delete', 'retype', 'replaceId', 'duplicateItem', 'editQuote', 'swapRefs', 'insertUnicode', 'offsets', 'kind', 'renameKey'] as const;
const TEXT_OPS = ['truncate', 'insert', 'deleteRange', 'duplicateLine', 'swapLines', 'indent'] as const;

/**
 * Random text to insert. Lone surrogates (U+D800-U+DFFF alone, written "\uD800" in a YAML or JSON
 * string) are left out here: the loader accepts and mis-stores them, which the test
 * 'a lone surrogate ...' below shows on its own, so the fuzzing can look for other faults.
 */
const oddText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom('\u0000', '\t', '\r\n', '\n', '"', "'", ': ', ' #', '- ', '{', '[', '&a', '*a', '\uFEFF', '’', '🦆', 'é', '\u0301', '\\') },
);
const randomId = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/).map((s) => `fuzz-${s}`),
  fc.constant(''),
  fc.constant('x'.repeat(121)),
);
const anyValue = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);

const objectMutation = fc.record({
  op: fc.constantFrom(...OBJECT_OPS),
  a: fc.nat(),
  b: fc.nat(),
  value: anyValue,
  text: oddText,
  id: fc.oneof(randomId, fc.constant(null)),
});
type ObjectMutation = typeof objectMutation extends fc.Arbitrary<infer T> ? T : never;

const textMutation = fc.record({ op: fc.constantFrom(...TEXT_OPS), a: fc.nat(), b: fc.nat(), text: oddText });
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

/** Changes a value's type: string <-> number <-> list <-> null <-> object <-> boolean. */
function retype(value: Json, n: number, random: Json): Json {
  const options: Json[] = [
    typeof value === 'string' ? (Number.isNaN(Number(value)) ? value.length : Number(value)) : String(JSON.stringify(value) ?? ''),
    typeof value === 'number' ? String(value) : 7,
    [value],
    null,
    { value },
    typeof value !== 'boolean',
    random,
  ];
  return options[n % options.length];
}

function applyObjectMutation(root: Json, m: ObjectMutation): void {
  const paths = allPaths(root);
  const idPaths = paths.filter((at) => isIdPath(root, at));
  const stringPaths = paths.filter((at) => typeof getAt(root, at) === 'string');
  switch (m.op) {
    case 'delete': {
      const at = pick(paths, m.a);
      if (at) deleteAt(root, at);
      return;
    }
    case 'retype': {
      const at = pick(paths, m.a);
      if (at) setAt(root, at, retype(getAt(root, at), m.b, m.value));
      return;
    }
    case 'replaceId': {
      const at = pick(idPaths, m.a);
      const ids = [...new Set(idPaths.map((p) => getAt(root, p) as string))];
      if (at) setAt(root, at, m.id ?? pick(ids, m.b)!);
      return;
    }
    case 'duplicateItem': {
      const lists = paths.filter((at) => Array.isArray(getAt(root, at)) && (getAt(root, at) as Json[]).length > 0);
      const at = pick(lists, m.a);
      if (!at) return;
      const list = getAt(root, at) as Json[];
      list.splice(m.b % (list.length + 1), 0, structuredClone(list[m.b % list.length]));
      return;
    }
    case 'editQuote': {
      const at = pick(stringPaths.filter((p) => p.at(-1) === 'quote'), m.a);
      if (!at) return;
      const quote = Array.from(getAt(root, at) as string);
      const i = m.b % (quote.length + 1);
      const char = Array.from(m.text)[0] ?? 'x';
      const how = m.a % 3;
      if (how === 0) quote.splice(i, 1);
      else if (how === 1) quote.splice(i, 0, char);
      else quote.splice(Math.min(i, quote.length - 1), 1, char);
      setAt(root, at, quote.join(''));
      return;
    }
    case 'swapRefs': {
      const refs = idPaths.filter((p) => p.at(-1) !== 'id');
      const x = pick(refs, m.a);
      const y = pick(refs, m.b);
      if (!x || !y) return;
      const [vx, vy] = [getAt(root, x), getAt(root, y)];
      setAt(root, x, vy);
      setAt(root, y, vx);
      return;
    }
    case 'insertUnicode': {
      const at = pick(stringPaths, m.a);
      if (!at) return;
      const value = getAt(root, at) as string;
      const i = m.b % (value.length + 1);
      setAt(root, at, value.slice(0, i) + m.text + value.slice(i));
      return;
    }
    case 'offsets': {
      const citations = paths.filter((at) => at.at(-2) === 'sources' && isObject(getAt(root, at)));
      const at = pick(citations, m.a);
      if (!at) return;
      const citation = getAt(root, at) as Record<string, Json>;
      const how = m.b % 4;
      if (how === 0) Object.assign(citation, { start: m.a % 700, end: (m.a % 700) + (m.b % 80) });
      else if (how === 1) Object.assign(citation, { start: m.b % 700 });
      else if (how === 2) Object.assign(citation, { start: 10, end: 5 });
      else {
        delete citation.start;
        delete citation.end;
      }
      return;
    }
    case 'kind': {
      const at = pick(paths.filter((p) => p.at(-1) === 'kind' && p[0] === 'entities'), m.a);
      if (at) setAt(root, at, KINDS[m.b % KINDS.length]);
      return;
    }
    case 'renameKey': {
      const keyed = paths.filter((p) => typeof p.at(-1) === 'string');
      const at = pick(keyed, m.a);
      if (!at) return;
      const parent = getAt(root, at.slice(0, -1)) as Record<string, Json>;
      const to = m.id ?? FIELD_NAMES[m.b % FIELD_NAMES.length]!;
      const value = parent[at.at(-1) as string];
      delete parent[at.at(-1) as string];
      parent[to] = value;
      return;
    }
  }
}

function applyTextMutation(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const line = m.a % lines.length;
  switch (m.op) {
    case 'truncate':
      return text.slice(0, m.a % (text.length + 1));
    case 'insert': {
      const i = m.a % (text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'deleteRange': {
      const i = m.a % (text.length + 1);
      return text.slice(0, i) + text.slice(i + 1 + (m.b % 40));
    }
    case 'duplicateLine':
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 'swapLines': {
      const other = m.b % lines.length;
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      return lines.join('\n');
    }
    case 'indent':
      lines[line] = m.b % 2 === 0 ? ` ${lines[line]}` : lines[line]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// The properties checked for every mutant.

async function graphCount(text: string, params: Record<string, unknown>): Promise<number> {
  const [row] = await api.executor.read<{ n: number }>({ text, params });
  return row?.n ?? 0;
}

/** The case is fully there: every planned node, passage and relationship, stated by this case. */
async function expectFullyLoaded(plan: GraphPlan): Promise<void> {
  const [row] = await api.executor.read<Record<string, number>>({
    text: `CALL { MATCH (n:Entity) WHERE n.id IN $nodeIds AND EXISTS { (n)<-[:STATES]-(:CaseManifest {case: $caseId}) } RETURN count(n) AS nodes }
           CALL { MATCH (n:Entity) WHERE n.id IN $externalIds AND EXISTS { (n)<-[:STATES]-(:CaseManifest {case: $caseId}) } RETURN count(n) AS external }
           CALL { MATCH (p:Passage)-[:QUOTED_FROM]->(:SourceDocument) WHERE p.id IN $passageIds AND $caseId IN p.caseIds RETURN count(p) AS passages }
           CALL { MATCH ()-[r]->() WHERE r.caseId = $caseId RETURN count(r) AS relationships }
           RETURN nodes, external, passages, relationships`,
    params: { caseId: plan.caseId, nodeIds: plan.nodes.map((n) => n.id), externalIds: plan.externalIds, passageIds: plan.passages.map((p) => p.id) },
  });
  expect(row).toEqual({
    nodes: plan.nodes.length,
    external: plan.externalIds.length,
    passages: plan.passages.length,
    relationships: new Set(plan.relationships.map(relKey)).size,
  });
}

async function checkMutant(file: string, text: string): Promise<void> {
  stats.runs += 1;
  // Never throws: a thrown error fails the property with this mutant as the counterexample.
  const { problems, valid } = await validateCaseFile(file, text, env);
  const lineCount = text.split('\n').length;
  for (const p of problems) {
    const where = JSON.stringify(p);
    expect(p.file, where).toBe(file);
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount, where).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, where).toBe(true);
    expect(typeof p.path, where).toBe('string');
    expect(typeof p.message === 'string' && p.message.length > 0, where).toBe(true);
    expect(typeof p.hint === 'string' && p.hint.length > 0, where).toBe(true);
    const key = p.message.replace(/"[^"]*"/g, '…').replace(/\d+/g, 'N').slice(0, 60);
    stats.problems.set(key, (stats.problems.get(key) ?? 0) + 1);
  }
  expect(valid === undefined, JSON.stringify(problems)).toBe(problems.length > 0);
  if (!valid) return;

  stats.valid += 1;
  const plan = planCaseFile(valid);
  const before = await caseFingerprint(api.executor, plan.caseId);
  loadedCases.add(plan.caseId);
  try {
    await importPlan(api.executor, plan, file, { replace: true });
  } catch (error) {
    stats.threw.push(`${plan.caseId}: ${(error as Error).message.slice(0, 200)}`);
    // Loading failed: the case is exactly as it was (nothing at all when it is new).
    expect(await caseFingerprint(api.executor, plan.caseId)).toEqual(before);
    return;
  }
  stats.loaded += 1;
  const loaded = await caseFingerprint(api.executor, plan.caseId);
  expect(loaded.length).toBeGreaterThan(0);
  await expectFullyLoaded(plan);
  // Loading the same plan again finds nothing to change, and changes nothing.
  const again = await importPlan(api.executor, plan, file, { replace: true });
  expect({ changed: again.changed, applied: again.applied, totals: again.totals }).toMatchObject({ changed: false, applied: false, totals: { created: 0, updated: 0, removed: 0 } });
  expect(await caseFingerprint(api.executor, plan.caseId)).toEqual(loaded);
}

describe('fuzzing the validator and the loader', () => {
  it('the unmutated seed file is valid and loads (so the mutants start from a good file)', async () => {
    const { problems } = await validateCaseFile('fuzz-seed.case.yaml', SEED_TEXT, env);
    expect(problems).toEqual([]);
    await checkMutant('fuzz-seed.case.yaml', SEED_TEXT);
    expect(stats.loaded).toBe(1);
  });

  it('mutated objects, written back as YAML or JSON: problems are always located; valid ones load fully or not at all', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(objectMutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (mutations, asJson) => {
        const data = structuredClone(SEED_DATA);
        for (const m of mutations) applyObjectMutation(data, m);
        const text = asJson ? `${JSON.stringify(data, null, 2)}\n` : stringify(data);
        await checkMutant(asJson ? 'fuzz.case.json' : 'fuzz.case.yaml', text);
      }),
      OBJECT_RUNS,
    );
    console.log(`fuzz (objects, seed ${OBJECT_RUNS.seed}): ${stats.runs} files, ${stats.valid} valid, ${stats.loaded} loaded, ${stats.threw.length} loads threw, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // The mutations must reach every stage: some mutants stay valid and are loaded.
    expect(stats.loaded).toBeGreaterThan(5);
  }, 120_000);

  it('mutated text (truncated, spliced, re-indented): problems are always located; valid ones load fully or not at all', async () => {
    const started = Date.now();
    const runsBefore = stats.runs;
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 2 }), async (mutations) => {
        const text = mutations.reduce(applyTextMutation, SEED_TEXT);
        await checkMutant('fuzz-text.case.yaml', text);
      }),
      TEXT_RUNS,
    );
    console.log(`fuzz (text, seed ${TEXT_RUNS.seed}): ${stats.runs - runsBefore} files, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`fuzz problems seen: ${JSON.stringify([...stats.problems].sort((x, y) => y[1] - x[1]))}`);
    if (stats.threw.length) console.log(`fuzz loads that threw: ${JSON.stringify(stats.threw)}`);
  }, 120_000);

  it('a lone surrogate (a YAML escape "\\uD800" in a name) is refused, or stored exactly: never silently changed', async () => {
    // Found by the fuzzing (seed 42): inserting "\uD800" into a string gave a file that validated
    // and loaded, but the graph stored U+FFFD instead, so every reload reported it as updated.
    const text = SEED_TEXT.replace(/fuzz-/g, 'fuzz-surrogate-').replace('name: Sam Fuzz', 'name: "Sam \\uD800Fuzz"');
    expect((parse(text) as { entities: { name: string }[] }).entities[1]!.name).toBe('Sam \uD800Fuzz');
    const { problems, valid } = await validateCaseFile('surrogate.case.yaml', text, env);
    if (!valid) {
      expect(problems.map((p) => p.path)).toContain('entities[1].name');
      return;
    }
    const plan = planCaseFile(valid);
    loadedCases.add(plan.caseId);
    await importPlan(api.executor, plan, 'surrogate.case.yaml', { replace: true });
    const [row] = await api.executor.read<{ name: string }>({ text: "MATCH (n:Entity {id: 'fuzz-surrogate-sam'}) RETURN n.name AS name" });
    expect(JSON.stringify(row?.name)).toBe(JSON.stringify('Sam \uD800Fuzz'));
    const again = await importPlan(api.executor, plan, 'surrogate.case.yaml', { replace: true });
    expect(again.changed).toBe(false);
  });

  it('deleting every case the fuzzing loaded leaves nothing of them behind', async () => {
    expect(loadedCases.size).toBeGreaterThan(0);
    for (const caseId of loadedCases) await deleteCase(api.executor, caseId);
    const cases = [...loadedCases];
    loadedCases.clear();
    expect(await graphCount('MATCH (n) WHERE any(c IN coalesce(n.caseIds, []) WHERE c IN $cases) RETURN count(n) AS n', { cases })).toBe(0);
    expect(await graphCount('MATCH (m:CaseManifest)-[:STATES]->() WHERE m.case IN $cases RETURN count(m) AS n', { cases })).toBe(0);
    expect(await graphCount('MATCH ()-[r]->() WHERE r.caseId IN $cases RETURN count(r) AS n', { cases })).toBe(0);
    expect(await graphCount("MATCH (n:Entity) WHERE n.id STARTS WITH 'fuzz-' RETURN count(n) AS n", {})).toBe(0);
    expect(await graphCount('MATCH (m:CaseManifest) WHERE m.caseId IN $cases RETURN count(m) AS n', { cases })).toBe(0);
  });
});
