import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isEnumType, isLeafType, isNonNullType, type GraphQLEnumType } from 'graphql';
import { loadHttpConfig } from '../../src/config/env.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { startTestApi, type TestApi, type TestApiOptions } from '../support/api.js';
import { captureLog, type CapturedLog } from '../support/log-capture.js';
import { deepQuery } from '../support/schema-queries.js';
import { post } from '../support/http.js';

const schema = buildSchema();
const MAX_BODY = loadHttpConfig({}).maxBodyBytes;
const OPEN = { maxDepth: 1000, maxAliases: 10_000, maxTokens: 1_000_000, maxDirectives: 10_000, maxCost: 1_000_000_000 };
let strict: { api: TestApi; logs: CapturedLog };
let open: { api: TestApi; logs: CapturedLog };
let cheap: { api: TestApi; logs: CapturedLog };
let closed: TestApi;

async function server(http: TestApiOptions['http'] = {}) {
  const logs = captureLog();
  return { api: await startTestApi({ http, log: logs.log }), logs };
}

/** Sends `query`, returning the response and the request's log line (its round trips). */
async function run(target: { api: TestApi; logs: CapturedLog }, query: string, variables?: Record<string, unknown>) {
  const response = await post(target.api.url, { query, variables });
  const line = await target.logs.waitFor((l) => l.requestId === response.requestId && l.msg === 'request');
  return { ...response, roundTrips: line.roundTrips as number };
}

beforeAll(async () => {
  [strict, open, cheap, closed] = await Promise.all([
    server(),
    server({ limits: OPEN }),
    server({ limits: { ...OPEN, maxCost: 300 } }),
    startTestApi({ http: { introspection: false } }),
  ]);
});
afterAll(() => Promise.all([strict?.api.close(), open?.api.close(), cheap?.api.close(), closed?.close()]));

const cases = (n: number, field: (i: number) => string) => `{ ${Array.from({ length: n }, (_, i) => field(i)).join(' ')} }`;
const ADVERSARIAL: [string, string, string, number][] = [
  ['16 levels deep', deepQuery(schema, 16), 'MAX_DEPTH', 15],
  ['with 16 aliases', cases(16, (i) => `a${i}: cases(first: 1) { totalCount }`), 'MAX_ALIASES', 15],
  // Tokens that are not fields (a long list argument): a document of many fields meets MAX_FIELDS first.
  ['of over 2000 tokens', `{ cases(first: 1) { totalCount } search(query: "Baldwin", first: 1, kinds: [${Array.from({ length: 2100 }, () => 'PERSON').join(' ')}]) { totalCount } }`, 'MAX_TOKENS', 2000],
  ['with 11 directives', `{ cases(first: 1) { ${Array.from({ length: 11 }, (_, i) => `t${i}: totalCount @include(if: true)`).join(' ')} } }`, 'MAX_DIRECTIVES', 10],
];

describe('query limits on the live server', () => {
  it.each(ADVERSARIAL)('refuse a document %s with QUERY_TOO_COMPLEX naming the limit, before any database round trip', async (_, query, setting, max) => {
    const refused = await run(strict, query);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: setting, max });
    expect(refused.body.errors[0].message).toContain(`The limit is ${setting}=${max}`);
    expect(refused.roundTrips).toBe(0);
    // The same document with the limit raised does reach Neo4j, so the limit is what stopped it.
    const allowed = await run(open, query);
    expect(allowed.body.errors, JSON.stringify(allowed.body.errors)).toBeUndefined();
    expect(allowed.roundTrips).toBeGreaterThan(0);
  });

  it('cost a page given as a variable at its largest size, so `first: $n` cannot slip past MAX_COST', async () => {
    const query = `query($n: Int) { cases(first: $n) { edges { node { id caption } } } }`;
    const refused = await run(cheap, query, { n: 1 });
    expect(refused.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'MAX_COST', max: 300, costliestList: 'cases', pageSizes: [100] });
    expect(refused.body.errors[0].message).toMatch(/^Query Cost limit of 300 exceeded, found 500\. The limit is MAX_COST=300\. Most of it \(500\) is the list cases/);
    expect(refused.roundTrips).toBe(0);
    const literal = await run(cheap, `{ cases(first: 1) { edges { node { id caption } } } }`);
    expect(literal.body.errors).toBeUndefined();
    expect(literal.roundTrips).toBeGreaterThan(0);
  });

  it('let a deep but legitimate query through with the defaults', async () => {
    const { body, roundTrips } = await run(strict, deepQuery(schema, 15));
    expect(body.errors).toBeUndefined();
    expect(roundTrips).toBeGreaterThan(0);
  });
});

/** A root field with an enum argument, and a misspelt value of that enum that graphql-js would correct. */
function enumTypo() {
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const arg = field.args.find((a) => isEnumType(getNamedType(a.type)));
    if (!arg || field.args.some((a) => a !== arg && isNonNullType(a.type))) continue;
    const typo = (getNamedType(arg.type) as GraphQLEnumType).getValues()[0]!.name.slice(0, -1);
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    return {
      literal: { query: `{ ${field.name}(${arg.name}: ${typo})${selection} }` },
      variable: { query: `query($e: ${String(arg.type)}) { ${field.name}(${arg.name}: $e)${selection} }`, variables: { e: typo } },
    };
  }
  throw new Error('no root field with an enum argument');
}

describe('introspection switch', () => {
  it('when off, refuses __schema and __type and drops field suggestions; __typename still works', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Case") { name } }']) {
      const { status, body } = await post(closed.url, { query });
      expect(status).toBe(400);
      expect(body.errors[0].message).toMatch(/^GraphQL introspection has been disabled/);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect((await post(closed.url, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
    const typo = await post(closed.url, { query: '{ cas(id: "x") { id } }' });
    expect(typo.body.errors[0].message).toBe('Cannot query field "cas" on type "Query".');
    const { literal, variable } = enumTypo();
    const enumLiteral = await post(closed.url, literal);
    expect(enumLiteral.body.errors[0].message).toMatch(/does not exist in "\w+" enum\.$/);
    const enumVariable = await post(closed.url, variable);
    expect(enumVariable.body.errors[0].message).toMatch(/^Variable "\$e" got invalid value .* enum\.$/);
    expect(enumVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('when on (the default), answers introspection and suggests fields', async () => {
    const { body } = await post(strict.api.url, { query: '{ __schema { queryType { name } } }' });
    expect(body.data.__schema.queryType.name).toBe('Query');
    const typo = await post(strict.api.url, { query: '{ cas(id: "x") { id } }' });
    expect(typo.body.errors[0].message).toMatch(/Did you mean "case"/);
    const { literal, variable } = enumTypo();
    expect((await post(strict.api.url, literal)).body.errors[0].message).toMatch(/Did you mean the enum value/);
    const enumVariable = await post(strict.api.url, variable);
    expect(enumVariable.body.errors[0].message).toMatch(/Did you mean the enum value/);
    expect(enumVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('request body size', () => {
  const big = (bytes: number) => JSON.stringify({ query: '{ ok }', variables: { padding: 'x'.repeat(bytes) } });

  it('answers 413 naming MAX_BODY_BYTES when Content-Length is over the limit', async () => {
    const { status, body } = await post(strict.api.url, big(MAX_BODY));
    expect(status).toBe(413);
    expect(body.errors[0].message).toBe(`The request body is larger than ${MAX_BODY} bytes (MAX_BODY_BYTES).`);
    expect(body.errors[0].extensions).toMatchObject({ code: 'REQUEST_ENTITY_TOO_LARGE', limit: 'MAX_BODY_BYTES', max: MAX_BODY });
    expect((await post(strict.api.url, big(MAX_BODY - 100))).status).toBe(200);
  });

  it('also stops a streamed body that gives no Content-Length', async () => {
    const bytes = new TextEncoder().encode(big(MAX_BODY + 500_000));
    const stream = new ReadableStream({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 65_536) controller.enqueue(bytes.subarray(at, at + 65_536));
        controller.close();
      },
    });
    const response = await fetch(strict.api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });
});
