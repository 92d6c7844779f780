import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentence } from '../../src/graph/sentences.js';
import { importPlan } from '../../src/ingest/write/import.js';
import { EmptyExportError, prepareCaseFile } from '../../src/ingest/pipeline/load.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { nodes } from '../support/connections.js';

/**
 * Every sentence the API writes reads as English and is made of names, never ids: on the seed
 * and on imported court records (the samples, loaded as `npm run load` does; loading them again
 * changes nothing, so other files may load them too).
 */
let api: TestApi;
const RECORDS = [
  ...readdirSync('tests/fixtures/courtlistener').filter((f) => f.endsWith('.json')).slice(0, 6).map((f) => path.join('tests/fixtures/courtlistener', f)),
  ...readdirSync('tests/fixtures/cap').filter((f) => f.endsWith('.json')).map((f) => path.join('tests/fixtures/cap', f)),
];

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
  for (const file of RECORDS) {
    try {
      await importPlan(api.executor, await prepareCaseFile(api.executor, path.resolve(file), file), file, { replace: true });
    } catch (error) {
      if (!(error instanceof EmptyExportError)) throw error;
    }
  }
});
afterAll(() => api?.close());

interface End {
  id: string;
  name: string;
  kind: string;
}

/** What makes a sentence not read as English, or null. */
function problem(text: string, ends: End[]): string | null {
  if (!/^[“"A-Z0-9]/.test(text)) return 'does not start with a capital';
  if (!/[.”]$/.test(text)) return 'does not end a sentence';
  if (/_/.test(text)) return 'holds a raw type or role (underscore)';
  // A name that is a sentence of its own ("… did not go to a jury.") must be quoted, not run on ("et al." is no sentence).
  if (/\b[a-z]{3,}\.\s+(about|is|was|holds|came|took|happened|acted|used|disputes|cites)\b/.test(text.replace(/“[^”]*”/g, 'X'))) return 'runs two sentences together';
  for (const end of ends) if (end.id.includes('-') && text.includes(end.id) && !end.name.includes(end.id)) return `shows the id ${end.id} instead of its name`;
  return null;
}

const toModelKind = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

describe('sentences from names', () => {
  it('reads every relationship and role of every entity as English, the same as the rules in sentences.ts', async () => {
    const failures: string[] = [];
    let seen = 0;
    let after: string | null = null;
    do {
      const { data, errors }: { data?: any; errors?: unknown } = await api.gql<any>(
        `query($after: String) { entities(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name kind
          relationships(first: 40) { edges { node { type role sentence from { id name kind } to { id name kind } } } }
          roles(first: 20) { edges { node { role sentence holder { id name kind } within { id name kind } } } } } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      for (const entity of nodes(data.entities)) {
        for (const r of [...nodes(entity.relationships), ...nodes(entity.roles).map((x: any) => ({ type: 'HAS_ROLE', role: x.role, sentence: x.sentence, from: x.holder, to: x.within }))]) {
          seen += 1;
          const bad = problem(r.sentence, [r.from, r.to]);
          if (bad) failures.push(`${r.sentence}: ${bad}`);
          const expected = sentence(r.type, { ...r.from, kind: toModelKind(r.from.kind) }, { ...r.to, kind: toModelKind(r.to.kind) }, r.role);
          if (expected !== r.sentence) failures.push(`API "${r.sentence}" != rules "${expected}"`);
        }
      }
      after = data.entities.pageInfo.hasNextPage ? data.entities.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBeGreaterThan(500);
    expect([...new Set(failures)].slice(0, 20)).toEqual([]);
  });

  it('names the rounds in the acts about them, never by id', async () => {
    const { data } = await api.gql<any>(`{ whoDidWhat(caseId: "baldwin-involuntary-manslaughter-case", first: 100) { edges { node { name } } } }`);
    const names = nodes(data.whoDidWhat).map((a: any) => a.name);
    expect(names.join('\n')).not.toMatch(/live-rounds/);
    expect(names).toContain("Santa Fe County Sheriff's Office did not record live rounds of ammunition");
  });

  it('gives each step of a path and each edge of a neighbourhood as a sentence beside its raw form', async () => {
    const { data } = await api.gql<any>(`{ paths(fromId: "troy-teske", toId: "baldwin-defense-team", maxHops: 2, first: 1) { hops { relationship direction sentence } }
      neighborhood(id: "troy-teske", depth: 1, limit: 50) { edges { type sentence } } }`);
    expect(data.paths[0].hops).toEqual([
      { relationship: 'RECEIVED_FROM', direction: 'INCOMING', sentence: 'Live rounds of ammunition came from Troy Teske.' },
      { relationship: 'WITHHELD_FROM', direction: 'OUTGOING', sentence: "Baldwin's defense team was not given live rounds of ammunition." },
    ]);
    for (const edge of data.neighborhood.edges) expect(problem(edge.sentence, []), edge.sentence).toBeNull();
  });

  it('tells apart a sentence made of ids or raw types', () => {
    expect(problem('Santa Fe County Sheriff\'s Office did not record live-rounds.', [{ id: 'live-rounds', name: 'live rounds of ammunition', kind: 'EVIDENCE' }])).toMatch(/id live-rounds/);
    expect(problem('Hilaria Baldwin spouse_of Alec Baldwin.', [])).toMatch(/underscore/);
    expect(problem('That the case did not go to a jury. about Alec Baldwin', [])).toBeTruthy();
  });
});
