import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphiqlAssets } from './graphiql.js';
import { sendAsset, sendHtml, type StaticAsset } from './static-asset.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A page of the service: its HTML and the assets it loads. */
export interface WebPage {
  path: string;
  html(): Promise<string> | string;
  assets(): Promise<StaticAsset[]> | StaticAsset[];
}

/**
 * The service's own browser pages in front of `handle` (GraphQL): `/` leads to GraphiQL,
 * `/favicon.ico` and `/assets/…` are served from memory, and each page at its path. Nothing
 * a page needs comes from another host. Pages and assets hold no data, so they need no token;
 * the data they show comes through /graphql, which checks tokens as for any client.
 */
export function withWebPages(pages: WebPage[], handle: NodeHandler): NodeHandler {
  const fixed = new Map<string, StaticAsset>(Object.values(graphiqlAssets).map((asset) => [asset.path, asset]));
  fixed.set('/favicon.ico', graphiqlAssets.favicon);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    const page = pages.find((p) => p.path === path);
    if (!isRead || (path !== '/' && !page && !path.startsWith('/assets/') && path !== '/favicon.ico')) return handle(req, res);
    if (path === '/') {
      res.writeHead(302, { location: './graphql', 'content-length': 0 });
      return void res.end();
    }
    void serve(req, res, path, page, pages, fixed).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, path: string, page: WebPage | undefined, pages: WebPage[], fixed: Map<string, StaticAsset>): Promise<void> {
  if (page) return sendHtml(req, res, await page.html());
  let asset = fixed.get(path);
  for (const p of pages) asset ??= (await p.assets()).find((a) => a.path === path);
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    return void res.end(req.method === 'HEAD' ? undefined : `No such file: ${path}. Pages are at /graphql and /explore.`);
  }
  await sendAsset(req, res, asset);
}
