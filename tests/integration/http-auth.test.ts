import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_WRITE_TOKEN, type TestApi } from '../support/api.js';
import { countById } from '../support/graph.js';
import { post } from '../support/http.js';

const READ_TOKEN = 'test-read-token-http-auth';
const QUERY = { query: '{ cases(first: 1) { totalCount } }' };
const IMPORT = `mutation($file: String!) { importCase(file: $file) { caseId applied } }`;
/** The shared-judge fixture under ids of its own, so this file owns its data. */
const fixture = readFileSync('tests/fixtures/shared-judge/fixture-a.case.yaml', 'utf8')
  .replace(/fixture-a\b/g, 'fixture-httpauth')
  .replace(/fixture-(alpha|beta|fence)/g, 'fixture-httpauth-$1');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let guarded: TestApi;
let open: TestApi;

beforeAll(async () => {
  [guarded, open] = await Promise.all([startTestApi({ http: { readToken: READ_TOKEN } }), startTestApi()]);
});
afterAll(() => Promise.all([guarded?.close(), open?.close()]));

describe('API_READ_TOKEN', () => {
  it('when set, answers 401 UNAUTHENTICATED without a bearer token, naming the header to send', async () => {
    for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Bearer' }] as Record<string, string>[]) {
      const { status, headers: answer, body } = await post(guarded.url, QUERY, headers);
      expect(status).toBe(401);
      expect(answer.get('www-authenticate')).toBe('Bearer');
      expect(body).toEqual({ errors: [{ message: 'This API needs a token: send "Authorization: Bearer <API_READ_TOKEN>".', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('when set, answers 403 FORBIDDEN for a token that is neither the read nor the write token', async () => {
    for (const token of ['nope', `${READ_TOKEN}x`, READ_TOKEN.slice(0, -1), TEST_WRITE_TOKEN.toUpperCase()]) {
      const { status, body } = await post(guarded.url, QUERY, bearer(token));
      expect(status, token).toBe(403);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.data).toBeUndefined();
    }
  });

  it('when set, lets the read token and the write token read', async () => {
    for (const token of [READ_TOKEN, TEST_WRITE_TOKEN]) {
      const { status, body } = await post(guarded.url, QUERY, bearer(token));
      expect(status).toBe(200);
      expect(body.data.cases.totalCount).toBeGreaterThanOrEqual(0);
    }
  });

  it('never lets the read token write: 403, and nothing is written', async () => {
    const { status, body } = await post(guarded.url, { query: IMPORT, variables: { file: fixture } }, bearer(READ_TOKEN));
    expect(status).toBe(403);
    expect(body.errors[0]).toMatchObject({ message: 'The write token is not valid.', extensions: { code: 'FORBIDDEN' } });
    expect(await countById(guarded.executor, 'fixture-httpauth-case')).toBe(0);
  });

  it('keeps the GraphiQL page reachable, so analysts can enter their token in it', async () => {
    const page = await fetch(guarded.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphiQL');
  });

  it('when unset (the default), leaves reads open', async () => {
    const { status, body } = await post(open.url, QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
