import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** A file the service serves from memory: code, styles, workers, icons of its own pages. */
export interface StaticAsset {
  /** Where it is served, with its content hash in the name so it can be cached for good. */
  path: string;
  type: string;
  body: Buffer;
  etag: string;
  /** Compressed once, on first request, then kept. */
  gzipped?: Promise<Buffer>;
}

/** `name` is e.g. `graphiql.js`; the path becomes `/assets/<folder>/graphiql.<hash>.js`. */
export function staticAsset(folder: string, name: string, type: string, content: string | Buffer): StaticAsset {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return { path: `/assets/${folder}/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, type, body, etag: `"${hash}"` };
}

/** Text worth compressing; icons and fonts in binary formats are left as they are. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json)|image\/svg)/;

/**
 * Sends an asset with a year of caching (its name changes with its content), gzip when the
 * browser accepts it (GraphiQL's script is 5 MB plain, about a quarter of that compressed), and
 * 304 for a matching `If-None-Match`.
 */
export async function sendAsset(req: IncomingMessage, res: ServerResponse, asset: StaticAsset): Promise<void> {
  const headers: Record<string, string | number> = {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    etag: asset.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  let body = asset.body;
  if (COMPRESSIBLE.test(asset.type) && body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    asset.gzipped ??= gzipAsync(asset.body);
    body = await asset.gzipped;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** An HTML page of the service: never cached, so a new version shows at once. */
export function sendHtml(req: IncomingMessage, res: ServerResponse, html: string): void {
  const body = Buffer.from(html);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-length': body.length,
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
