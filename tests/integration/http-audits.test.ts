import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const line = (r: AuditResult) => `${r.status.padEnd(6)} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` (${r.reason})`}`;

async function audit(fetchFn?: typeof fetch): Promise<AuditResult[]> {
  const results: AuditResult[] = [];
  for (const check of serverAudits({ url: () => api.url, fetchFn })) results.push(await check.fn());
  console.log(`graphql-http audits${fetchFn ? ' (client sends x-graphql-csrf)' : ''}: ${results.filter((r) => r.status === 'ok').length}/${results.length} ok\n${results.map(line).join('\n')}`);
  return results;
}

describe('GraphQL over HTTP (graphql-http audits against the live server)', () => {
  it('passes every MUST and SHOULD audit; only the MAY audits of GETs without the CSRF header fail', async () => {
    const results = await audit();
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(results.filter((r) => r.status !== 'ok' && !r.name.startsWith('MAY')).map(line)).toEqual([]);
    // GETs are what a cross-site page can send without a preflight: refused unless they carry x-graphql-csrf.
    expect(results.filter((r) => r.status !== 'ok').map((r) => r.id)).toEqual(['5A70', 'D6D5', '6A70']);
  });

  it('passes every audit for a client that sends the CSRF header', async () => {
    const withHeader = ((url: string, init: RequestInit = {}) =>
      fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-graphql-csrf': '1' } })) as typeof fetch;
    const results = await audit(withHeader);
    expect(results.filter((r) => r.status !== 'ok').map(line)).toEqual([]);
  });
});
