import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHttpConfig } from '../../src/config/env.js';
import { createGraphQLHandler } from '../../src/graphql/server.js';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { EXAMPLES_FILE } from '../../src/graphql/warm-up.js';
import { bracketNesting, fieldCount, largestDefinition, MAX_BRACKET_NESTING, MAX_FIELDS } from '../../src/http/document-shape.js';
import { Executor } from '../../src/neo4j/executor.js';
import { createLogger } from '../../src/shared/logger.js';

// The documents below are refused before anything runs, so the driver is never used.
const driver = neo4j.driver('bolt://127.0.0.1:9');
const yoga = createGraphQLHandler(new Executor(driver, 'neo4j'), createLogger('silent'), { http: loadHttpConfig({}) });
afterAll(() => driver.close());

async function post(query: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

describe('documents whose shape would overwhelm graphql-js', () => {
  it('a list literal nested 2,000 deep is QUERY_TOO_COMPLEX naming MAX_BRACKET_NESTING, not INTERNAL_SERVER_ERROR', async () => {
    const { status, body } = await post(`{ search(query: ${'['.repeat(2_000)}"x"${']'.repeat(2_000)}) { totalCount } }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_BRACKET_NESTING', max: MAX_BRACKET_NESTING } })]);
    expect(body.errors![0]!.message).toMatch(/^Brackets nest more than 64 deep .* The limit is MAX_BRACKET_NESTING=64/);
  });

  it('1,000 repeated fields are QUERY_TOO_COMPLEX naming MAX_FIELDS, not "Validation aborted."', async () => {
    const { status, body } = await post(`{ ${'__typename '.repeat(1_000)}}`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ message: `An operation or fragment of the document selects 1000 fields. The limit is MAX_FIELDS=${MAX_FIELDS} (fixed); ask for less, or split the query.`, extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_FIELDS', max: MAX_FIELDS } }]);
  });

  it('brackets in strings, block strings and comments do not count; a usual document passes', async () => {
    expect(bracketNesting(`{ a(x: "${'['.repeat(100)}", y: """${'{'.repeat(100)}""") # ${'['.repeat(100)}\n { b } }`, 64)).toBe(2);
    expect(bracketNesting('{ a(x: [[1], {b: [2]}]) { c { d } } }', 64)).toBe(4);
    const { body } = await post(`{ ${'__typename '.repeat(MAX_FIELDS)}}`);
    expect(body.errors).toBeUndefined();
  });

  it('counts fields per operation and fragment: the examples document, sent whole as GraphiQL and the warm-up send it, passes', async () => {
    const source = readFileSync(EXAMPLES_FILE, 'utf8');
    expect(largestDefinition(parse(source))).toBeLessThanOrEqual(MAX_FIELDS);
    expect(parse(source).definitions.reduce((n, d) => n + fieldCount(d), 0)).toBeGreaterThan(MAX_FIELDS);
    const { body } = await post(`query A { ${'__typename '.repeat(MAX_FIELDS)}} query B { ${'__typename '.repeat(MAX_FIELDS)}}`);
    expect(body.errors?.[0]?.extensions.limit).not.toBe('MAX_FIELDS');
    const fragment = await post(`query A { ...F } fragment F on Query { ${'__typename '.repeat(MAX_FIELDS + 1)}}`);
    expect(fragment.body.errors?.[0]?.extensions.limit).toBe('MAX_FIELDS');
  });
});
