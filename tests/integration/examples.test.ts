import { readFileSync } from 'node:fs';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { importPlan } from '../../src/ingest/write/import.js';
import { prepareCaseFile } from '../../src/ingest/pipeline/load.js';
import { startTestApi, WRITE, type TestApi } from '../support/api.js';

const source = readFileSync('docs/examples.graphql', 'utf8');
const operations = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
let api: TestApi;

/** Court records the examples read besides the seed: real samples and one fictional opinion citing them. */
const RECORDS = [
  'tests/fixtures/courtlistener/akd.json',
  'tests/fixtures/courtlistener/casd_2.json',
  'tests/fixtures/courtlistener/casd_4.json',
  'tests/fixtures/courtlistener/casd_6.json',
  ...['0036-01', '0038-01', '0040-01', '0450-01', '0456-01'].map((name) => `tests/fixtures/cap/${name}.json`),
  'tests/fixtures/citing/fictional-citing-opinion.json',
];

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
  for (const file of RECORDS) await importPlan(api.executor, await prepareCaseFile(api.executor, file), file);
});
afterAll(() => api?.close());

const isEmpty = (value: unknown): boolean =>
  value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && 'edges' in value && (value as { edges: unknown[] }).edges.length === 0);

describe('docs/examples.graphql', () => {
  it('has an example for every root query field', () => {
    const used = new Set(operations.flatMap((op) => op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : ''))));
    const schemaFields = Object.keys(buildSchema().getQueryType()!.getFields());
    for (const field of schemaFields) expect(used, field).toContain(field);
  });

  // Each operation is sent on its own, as a client pasting it would, under the default limits.
  it.each(operations.map((op) => [op.name!.value, op] as const))('%s runs without errors and finds something', async (name, operation) => {
    const result = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...WRITE },
      body: JSON.stringify({ query: print(operation), operationName: name }),
    }).then((r) => r.json() as Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    for (const [field, value] of Object.entries(result.data!)) expect(isEmpty(value), `${name}.${field} is empty`).toBe(false);
  });
});
