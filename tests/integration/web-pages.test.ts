import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

/** The pages and their assets over plain HTTP: routes, caching, compression, tokens. */
let api: TestApi;
let secured: TestApi;
let origin: string;

beforeAll(async () => {
  [api, secured] = await Promise.all([startTestApi(), startTestApi({ http: { readToken: 'web-read-token' } })]);
  origin = new URL(api.url).origin;
});
afterAll(() => Promise.all([api?.close(), secured?.close()]));

const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="\.(\/assets\/[^"]+)"/g)].map((m) => m[1]!);

describe('the service’s pages', () => {
  it('lead from / to GraphiQL', async () => {
    const response = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location')!, `${origin}/`).href).toBe(`${origin}/graphql`);
    const posted = await fetch(`${origin}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(posted.status).toBe(404);
  });

  it('serve GraphiQL and the explorer with every asset from the service, none from another host', async () => {
    for (const [path, expected] of [['/graphql', 6], ['/explore', 3]] as const) {
      const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBe(200);
      if (path === '/explore') expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toContain('unpkg');
      const assets = assetsOf(html);
      expect(assets.length, path).toBeGreaterThanOrEqual(Math.min(expected, 3));
      for (const asset of assets) expect((await fetch(`${origin}${asset}`)).status, asset).toBe(200);
    }
    const graphiql = await (await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } })).text();
    // Monaco's workers, started by URL from the page's script.
    expect(graphiql.match(/\.\/assets\/graphiql\/[a-z]+\.worker\.[0-9a-f]{12}\.js/g)).toHaveLength(3);
    expect(graphiql.length).toBeLessThan(10_000);
  });

  it('cache assets for good under names that change with their content, gzip them, and answer 304', async () => {
    const html = await (await fetch(`${origin}/explore`)).text();
    const script = assetsOf(html).find((path) => path.endsWith('.js'))!;
    const raw = await fetch(`${origin}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(raw.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(raw.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    const plain = Buffer.from(await raw.arrayBuffer());
    expect(plain.toString()).toContain('cytoscape');
    // fetch would decompress on its own; node:http shows the bytes as sent.
    const { request } = await import('node:http');
    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${origin}${script}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(gzipped.body).equals(plain)).toBe(true);
    const again = await fetch(`${origin}${script}`, { headers: { 'if-none-match': raw.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const head = await fetch(`${origin}${script}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${origin}/assets/explorer/explorer.000000000000.js`)).status).toBe(404);
    expect((await fetch(`${origin}/favicon.ico`)).headers.get('content-type')).toBe('image/x-icon');
  });

  it('keep the pages open with API_READ_TOKEN set, while their data still needs the token', async () => {
    const securedOrigin = new URL(secured.url).origin;
    const page = await fetch(`${securedOrigin}/explore`);
    expect(page.status).toBe(200);
    for (const asset of assetsOf(await page.text())) expect((await fetch(`${securedOrigin}${asset}`)).status).toBe(200);
    const data = await fetch(secured.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    expect(data.status).toBe(401);
  });
});
