import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from '@graphql-yoga/render-graphiql/graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { staticAsset, type StaticAsset } from './static-asset.js';

/**
 * GraphiQL's script, styles (fonts inlined), Monaco's three workers and the icon, from
 * @graphql-yoga/render-graphiql, each served by the service as a file of its own. Yoga's
 * default page loads them from a CDN, and the package's own page inlines all 9 MB into
 * every load; as separate files they are fetched once, gzipped, then cached.
 */
export const graphiqlAssets = {
  js: staticAsset('graphiql', 'graphiql.js', 'application/javascript; charset=utf-8', js),
  css: staticAsset('graphiql', 'graphiql.css', 'text/css; charset=utf-8', css),
  editorWorker: staticAsset('graphiql', 'editor.worker.js', 'application/javascript; charset=utf-8', editorWorkerService),
  jsonWorker: staticAsset('graphiql', 'json.worker.js', 'application/javascript; charset=utf-8', jsonWorker),
  graphqlWorker: staticAsset('graphiql', 'graphql.worker.js', 'application/javascript; charset=utf-8', graphqlWorker),
  favicon: staticAsset('graphiql', 'favicon.ico', 'image/x-icon', Buffer.from(favicon.replace(/^data:[^,]*;base64,/, ''), 'base64')),
} satisfies Record<string, StaticAsset>;

/** JSON inside a <script>: `<` escaped so no string in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * GraphiQL's fetcher: the document as typed goes to the service, which parses, checks and runs
 * it, and whatever it answers is shown. Yoga's own fetcher parses the document in the browser
 * first, and a syntax error thrown there reaches GraphiQL, which shows an exception with its
 * JavaScript stack trace; here the service's error comes back instead, with its message and
 * place, and masked like any other. A network failure or an answer that is not JSON becomes a
 * GraphQL error too. The page's own address is the endpoint; the schema has no subscriptions.
 */
export const GRAPHIQL_FETCHER = `function serviceFetcher(options) {
        const endpoint = new URL(options.endpoint || location.pathname, location.href).href;
        const failed = (message) => ({ errors: [{ message }] });
        return async (params, context) => {
          let response;
          try {
            response = await fetch(endpoint, {
              method: 'POST',
              credentials: 'same-origin',
              headers: { ...options.additionalHeaders, ...(context && context.headers), 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
              body: JSON.stringify(params),
            });
          } catch (error) {
            return failed('The service did not answer (' + (error && error.message) + '). Is it running?');
          }
          const text = await response.text();
          try {
            return JSON.parse(text);
          } catch {
            return failed('The service answered HTTP ' + response.status + ' with no GraphQL result: ' + text.slice(0, 300));
          }
        };
      }`;

/** Asset paths relative to the page, so the service also works behind a proxy under a prefix. */
const relative = (asset: StaticAsset) => `.${asset.path}`;

/**
 * The GraphiQL page, for yoga's `renderGraphiQL`: a small HTML shell that loads everything
 * from the service itself; no request leaves it. A link in the header leads to the explorer.
 */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  const a = graphiqlAssets;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${relative(a.favicon)}" />
    <link rel="stylesheet" href="${relative(a.css)}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript. The API itself answers POST requests at this address.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: (moduleId, label) => new URL(${scriptJson({ editorWorkerService: relative(a.editorWorker), json: relative(a.jsonWorker), graphql: relative(a.graphqlWorker) })}[label], location.href).href,
      };
    </script>
    <script src="${relative(a.js)}"></script>
    <script>
      ${GRAPHIQL_FETCHER}
      const options = ${scriptJson(options)};
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), { ...options, endpoint: undefined, fetcher: serviceFetcher(options) });
    </script>
  </body>
</html>
`;
}
