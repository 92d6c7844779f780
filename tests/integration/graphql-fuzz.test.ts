import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { caseFingerprint, countById } from '../support/graph.js';
import { hostileDocument, INJECTED_ID } from '../support/hostile-documents.js';
import { post, type Exchange } from '../support/http.js';
import { deepQuery } from '../support/schema-queries.js';

const CASE = 'baldwin-involuntary-manslaughter-case';
const schema = buildSchema();
let api: TestApi;
let before: { fingerprint: string[]; indexes: string[] };

const indexes = async () => (await api.executor.read<{ name: string }>({ text: 'SHOW INDEXES YIELD name RETURN name ORDER BY name' })).map((r) => r.name);

beforeAll(async () => {
  api = await startTestApi({ seeds: true });
  before = { fingerprint: await caseFingerprint(api.executor, CASE), indexes: await indexes() };
});
afterAll(() => api?.close());

/** Unexpected errors seen (resolver bugs the input uncovered), printed at the end for whoever owns them. */
const unexpected = new Map<string, string>();

/**
 * What every answer to a hostile request must look like: no 5xx, every error with a code, and
 * anything unexpected masked down to "Unexpected error." and a request id.
 */
function expectHandled(response: Exchange, request: unknown): void {
  const context = JSON.stringify(request).slice(0, 2000);
  expect(response.status, context).toBeLessThan(500);
  expect(typeof response.body, context).toBe('object');
  for (const error of response.body.errors ?? []) {
    expect(typeof error.extensions?.code, `${error.message} | ${context}`).toBe('string');
    if (error.extensions.code !== 'INTERNAL_SERVER_ERROR') continue;
    expect(error, context).toEqual({ message: 'Unexpected error.', locations: error.locations, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: response.requestId } });
    unexpected.set(String(error.path?.filter((p: unknown) => typeof p === 'string').join('.')), context.slice(0, 300));
  }
}

afterAll(() => {
  if (unexpected.size) console.log(`unexpected (masked) errors by path:\n${[...unexpected].map(([path, request]) => `${path}: ${request}`).join('\n')}`);
});

describe('hostile GraphQL documents and variables', () => {
  it('never answer 5xx or an error without a code, whatever the arguments of any query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.boolean(), async (g, inline) => {
        const request = hostileDocument(schema, schema.getQueryType()!, g, inline);
        expectHandled(await post(api.url, request), request);
      }),
      { numRuns: 100 },
    );
  }, 300_000);

  it('refuse every mutation without the write token, with a clear code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.boolean(), fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer guess' }, { authorization: 'Basic x' }), async (g, inline, headers) => {
        const request = hostileDocument(schema, schema.getMutationType()!, g, inline);
        const response = await post(api.url, request, headers);
        expectHandled(response, request);
        expect(response.body.data ?? null, JSON.stringify(request).slice(0, 500)).toBeNull();
        expect(response.body.errors.map((e: any) => e.extensions.code).some((c: string) => ['UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX'].includes(c))).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('refuse deep and heavily aliased documents with QUERY_TOO_COMPLEX and run the others', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 30 }), async (depth, aliases) => {
        const inner = deepQuery(schema, depth).slice(1, -1);
        const query = `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: ${inner}`).join(' ')} }`;
        const response = await post(api.url, { query });
        expectHandled(response, { depth, aliases });
        const codes = (response.body.errors ?? []).map((e: any) => e.extensions.code);
        if (depth > 15 || aliases > 15) expect(codes).toContain('QUERY_TOO_COMPLEX');
        else expect(response.body.errors).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('left the graph as it was: no injected Cypher ran and nothing was written', async () => {
    expect(await countById(api.executor, INJECTED_ID)).toBe(0);
    expect(await caseFingerprint(api.executor, CASE)).toEqual(before.fingerprint);
    expect(await indexes()).toEqual(before.indexes);
  });
});
