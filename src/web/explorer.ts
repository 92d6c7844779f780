import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../shared/paths.js';
import { graphiqlAssets } from './graphiql.js';
import type { WebPage } from './routes.js';
import { staticAsset, type StaticAsset } from './static-asset.js';

/** The explorer's browser code and styles, TypeScript and CSS in web/explorer/. */
export const explorerSource = path.join(projectRoot, 'web', 'explorer');

interface ExplorerBundle {
  js: StaticAsset;
  css: StaticAsset;
}

let bundling: Promise<ExplorerBundle> | undefined;

/**
 * Bundles the explorer with esbuild, cytoscape.js included, into memory: once per process, on
 * the first request (or at start, see server.ts). Nothing is fetched at run time and nothing
 * is written to disk, so a fresh clone needs only `npm ci`.
 */
export function explorerBundle(): Promise<ExplorerBundle> {
  bundling ??= build({
    entryPoints: [path.join(explorerSource, 'main.ts'), path.join(explorerSource, 'explorer.css')],
    bundle: true,
    write: false,
    outdir: 'explorer',
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'linked',
    logLevel: 'silent',
    tsconfig: path.join(explorerSource, 'tsconfig.json'),
  }).then((result) => {
    const file = (ext: string) => {
      const output = result.outputFiles.find((f) => f.path.endsWith(ext) && !f.path.endsWith(`${ext}.LEGAL.txt`));
      if (!output) throw new Error(`esbuild gave no ${ext} for the explorer`);
      return Buffer.from(output.contents);
    };
    return {
      js: staticAsset('explorer', 'explorer.js', 'application/javascript; charset=utf-8', file('.js')),
      css: staticAsset('explorer', 'explorer.css', 'text/css; charset=utf-8', file('.css')),
    };
  });
  bundling.catch(() => (bundling = undefined));
  return bundling;
}

const rel = (asset: StaticAsset) => `.${asset.path}`;

/** The page: the panel's parts are empty sections the script fills, as text. */
export function explorerHtml(bundle: ExplorerBundle): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Case graph explorer</title>
    <link rel="icon" href="${rel(graphiqlAssets.favicon)}" />
    <link rel="stylesheet" href="${rel(bundle.css)}" />
  </head>
  <body>
    <header>
      <h1>Case graph explorer</h1>
      <form id="search-form" role="search">
        <label for="search">Search</label>
        <input id="search" type="search" placeholder="a name or words, e.g. Baldwin" autocomplete="off" />
        <button type="submit">Find</button>
      </form>
      <label for="depth">Depth</label>
      <select id="depth">
        <option value="1">1</option>
        <option value="2" selected>2</option>
        <option value="3">3</option>
      </select>
      <p id="status" role="status" aria-live="polite">Loading…</p>
      <details id="token-box">
        <summary>Token</summary>
        <form id="token-form">
          <label for="token">Read token (when the service asks for one), kept for this tab only</label>
          <input id="token" type="password" autocomplete="off" />
          <button type="submit">Use</button>
        </form>
      </details>
      <a href="./graphql">GraphiQL</a>
    </header>
    <div id="left">
      <div id="graph-area">
        <div id="results" aria-live="polite"></div>
        <div id="graph" role="img" aria-label="Drawing of the neighbourhood"></div>
        <ul id="legend" aria-label="Colours by kind"></ul>
      </div>
      <section id="document" aria-label="Source document">
        <p class="hint">Open a fact, a role or a quote to read its passage here, marked in its source document.</p>
      </section>
    </div>
    <aside id="panel" aria-label="The selected entity">
      <section id="entity"></section>
      <section id="people" hidden></section>
      <section id="timeline" hidden></section>
      <section id="roles"></section>
      <section id="facts"></section>
      <section id="neighbours"></section>
    </aside>
    <noscript>The explorer needs JavaScript; the same data is at <a href="./graphql">/graphql</a>.</noscript>
    <script src="${rel(bundle.js)}"></script>
  </body>
</html>
`;
}

export const explorerPage: WebPage = {
  path: '/explore',
  html: async () => explorerHtml(await explorerBundle()),
  assets: async () => Object.values(await explorerBundle()),
};
