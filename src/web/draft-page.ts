import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../shared/paths.js';
import { graphiqlAssets } from './graphiql.js';
import type { WebPage } from './routes.js';
import { staticAsset, type StaticAsset } from './static-asset.js';

/** The drafting page's browser code and styles, TypeScript and CSS in web/draft/. */
export const draftSource = path.join(projectRoot, 'web', 'draft');

interface DraftBundle {
  js: StaticAsset;
  css: StaticAsset;
}

let bundling: Promise<DraftBundle> | undefined;

/** Bundles the page with esbuild into memory, once per process; nothing is fetched or written. */
export function draftBundle(): Promise<DraftBundle> {
  bundling ??= build({
    entryPoints: [path.join(draftSource, 'main.ts'), path.join(draftSource, 'draft.css')],
    bundle: true,
    write: false,
    outdir: 'draft',
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    logLevel: 'silent',
    tsconfig: path.join(draftSource, 'tsconfig.json'),
  }).then((result) => {
    const file = (ext: string) => {
      const output = result.outputFiles.find((f) => f.path.endsWith(ext));
      if (!output) throw new Error(`esbuild gave no ${ext} for the drafting page`);
      return Buffer.from(output.contents);
    };
    return {
      js: staticAsset('draft', 'draft.js', 'application/javascript; charset=utf-8', file('.js')),
      css: staticAsset('draft', 'draft.css', 'text/css; charset=utf-8', file('.css')),
    };
  });
  bundling.catch(() => (bundling = undefined));
  return bundling;
}

const rel = (asset: StaticAsset) => `.${asset.path}`;

export function draftHtml(bundle: DraftBundle): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Draft a case from an article</title>
    <link rel="icon" href="${rel(graphiqlAssets.favicon)}" />
    <link rel="stylesheet" href="${rel(bundle.css)}" />
  </head>
  <body>
    <header>
      <h1>Draft a case from an article</h1>
      <p id="status" role="status" aria-live="polite">Loading…</p>
      <label for="token">Token (the write token, to load)</label>
      <input id="token" type="password" autocomplete="off" />
      <a href="./explore">Explorer</a>
      <a href="./graphql">GraphiQL</a>
    </header>
    <main>
      <section aria-label="The article">
        <form id="draft-form">
          <label for="article">The article's text (plain text or HTML)</label>
          <textarea id="article" required></textarea>
          <label for="title">Title (the first line when left empty)</label>
          <input id="title" type="text" />
          <label for="published">The article's date, against which "On Friday" is resolved</label>
          <input id="published" type="date" />
          <button id="draft-button" type="submit">Draft</button>
        </form>
        <div id="dropped"></div>
        <div id="notes"></div>
      </section>
      <section aria-label="What was found">
        <h2>What was found</h2>
        <ul id="legend" aria-label="Colours by kind"></ul>
        <div id="marked"></div>
        <h2>Roles</h2>
        <div id="roles"></div>
        <button id="load-button" type="button" disabled>Load the draft</button>
        <a id="open-link" hidden>Open the case in the explorer</a>
        <details>
          <summary>The draft case file (YAML)</summary>
          <pre id="yaml"></pre>
        </details>
      </section>
    </main>
    <noscript>The page needs JavaScript; the same is at <a href="./graphql">/graphql</a> (the draftCase query).</noscript>
    <script src="${rel(bundle.js)}"></script>
  </body>
</html>
`;
}

export const draftPage: WebPage = {
  path: '/draft',
  html: async () => draftHtml(await draftBundle()),
  assets: async () => Object.values(await draftBundle()),
};
