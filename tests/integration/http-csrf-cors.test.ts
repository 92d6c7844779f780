import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { exchange, post } from '../support/http.js';

const ANALYSTS = 'https://analysts.example.org';
const EVIL = 'https://evil.example';
let sameOrigin: TestApi;
let shared: TestApi;

beforeAll(async () => {
  [sameOrigin, shared] = await Promise.all([startTestApi(), startTestApi({ http: { corsOrigins: [ANALYSTS] } })]);
});
afterAll(() => Promise.all([sameOrigin?.close(), shared?.close()]));

const send = (url: string, init: RequestInit) => fetch(url, init).then(exchange);

describe('CSRF prevention', () => {
  it('refuses a simple cross-site form POST (no preflight), which would otherwise run', async () => {
    const form = await send(sameOrigin.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL },
      body: new URLSearchParams({ query: '{ ok }' }).toString(),
    });
    expect(form.status).toBe(403);
    expect(form.body.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    expect(form.body.errors[0].message).toContain('x-graphql-csrf');
    expect(form.body.data).toBeUndefined();
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'TEXT/PLAIN; charset=utf-8']) {
      const other = await send(sameOrigin.url, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: '{ ok }' }) });
      expect(other.status, type).toBe(403);
    }
  });

  it('refuses a GET without the header and accepts it with the header', async () => {
    const url = `${sameOrigin.url}?query=${encodeURIComponent('{ ok }')}`;
    expect((await send(url, { headers: { accept: 'application/json' } })).status).toBe(403);
    const allowed = await send(url, { headers: { accept: 'application/json', 'x-graphql-csrf': '1' } });
    expect(allowed).toMatchObject({ status: 200, body: { data: { ok: true } } });
    const mutation = `${sameOrigin.url}?query=${encodeURIComponent('mutation { deleteCase(id: "csrf-nothing") { caseId } }')}`;
    expect((await send(mutation, { headers: { accept: 'application/json', 'x-graphql-csrf': '1' } })).status).toBe(405);
  });

  it('does not take multipart bodies at all, even with the header (the API has no uploads)', async () => {
    const body = new FormData();
    body.set('operations', JSON.stringify({ query: '{ ok }' }));
    body.set('map', '{}');
    const multipart = await send(sameOrigin.url, { method: 'POST', headers: { 'x-graphql-csrf': '1' }, body });
    expect(multipart.status).toBe(415);
  });

  it('accepts JSON POSTs as they are, since browsers preflight them', async () => {
    expect(await post(sameOrigin.url, { query: '{ ok }' })).toMatchObject({ status: 200, body: { data: { ok: true } } });
  });
});

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });
}

describe('CORS', () => {
  it('by default grants no other origin: no Access-Control-Allow-Origin on preflights or answers', async () => {
    const answer = await preflight(sameOrigin.url, EVIL);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const read = await post(sameOrigin.url, { query: '{ ok }' }, { origin: EVIL });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('grants a preflight from an origin in CORS_ORIGINS, with the headers the API reads and no credentials', async () => {
    const answer = await preflight(shared.url, ANALYSTS);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ANALYSTS);
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(answer.headers.get('access-control-allow-headers')?.split(', ')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-graphql-csrf']));
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.headers.get('access-control-max-age')).toBe('600');
    const read = await post(shared.url, { query: '{ ok }' }, { origin: ANALYSTS });
    expect(read.headers.get('access-control-allow-origin')).toBe(ANALYSTS);
    expect(read.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(read.headers.get('vary')).toContain('Origin');
  });

  it('does not grant an origin that is not listed', async () => {
    const answer = await preflight(shared.url, EVIL);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const read = await post(shared.url, { query: '{ ok }' }, { origin: EVIL });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('vary')).toContain('Origin');
  });
});
