import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaLogger } from 'graphql-yoga';
import { loadHttpConfig } from '../config/env.js';
import { authPlugin } from '../http/auth.js';
import { bodyLimitMessage } from '../http/body-limit.js';
import { corsOption, varyByOrigin } from '../http/cors.js';
import { csrfPlugin } from '../http/csrf.js';
import { introspectionPlugins } from '../http/introspection.js';
import { limitPlugins } from '../http/limits.js';
import { requestErrorsPlugin } from '../http/request-errors.js';
import { alreadyLogged, maskUnexpected } from '../http/mask-errors.js';
import { withRequestLog } from '../http/request-log.js';
import { currentScope } from '../http/request-scope.js';
import { withHealth } from '../health/routes.js';
import { draftBundle, draftPage } from '../web/draft-page.js';
import { documentShapePlugin } from '../http/document-shape.js';
import { explorerBundle, explorerPage } from '../web/explorer.js';
import { renderGraphiQLPage } from '../web/graphiql.js';
import { withWebPages } from '../web/routes.js';
import type { Executor } from '../neo4j/executor.js';
import type { Logger } from '../shared/logger.js';
import { createContext, type ServerOptions } from './context.js';
import { DEFAULT_QUERY } from './default-query.js';
import { notFoundSuggestionsPlugin } from './not-found-suggestions.js';
import { roundTripsPlugin } from './round-trips.js';
import { selectionOrderPlugin } from './selection-order.js';
import { buildSchema } from './schema.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Yoga's own messages, as JSON lines with the request id; errors already logged by masking are dropped. */
function yogaLogger(log: Logger): YogaLogger {
  const line = (args: unknown[]) => [{ requestId: currentScope().id, err: args.find((a) => a instanceof Error) }, args.filter((a) => !(a instanceof Error)).map(String).join(' ')] as const;
  return {
    debug: (...args) => log.debug(...line(args)),
    info: (...args) => log.info(...line(args)),
    warn: (...args) => log.warn(...line(args)),
    error: (...args) => {
      if (!args.some(alreadyLogged)) log.error(...line(args));
    },
  };
}

/**
 * The GraphQL endpoint (and GraphiQL) at /graphql, with the production protections: tokens,
 * CSRF prevention, CORS, query limits, body size, introspection switch, masked errors.
 * Settings not passed in `options.http` come from the environment (loadHttpConfig).
 */
export function createGraphQLHandler(executor: Executor, log: Logger, options: ServerOptions = {}) {
  const http = options.http ?? loadHttpConfig();
  return createYoga({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(executor, request, options),
    graphiql: { title: 'Legal case graph', defaultQuery: DEFAULT_QUERY },
    renderGraphiQL: renderGraphiQLPage,
    maskedErrors: { maskError: maskUnexpected(log) },
    maxRequestBodySize: http.maxBodyBytes,
    multipart: false,
    cors: corsOption(http.corsOrigins),
    plugins: [
      csrfPlugin(),
      documentShapePlugin(),
      authPlugin(http.readToken, options.writeToken),
      ...limitPlugins(http.limits),
      ...introspectionPlugins(http.introspection),
      requestErrorsPlugin(!http.introspection),
      bodyLimitMessage(http.maxBodyBytes),
      varyByOrigin(http.corsOrigins),
      notFoundSuggestionsPlugin(),
      roundTripsPlugin(),
      selectionOrderPlugin(),
    ],
    logging: yogaLogger(log),
  });
}

export async function startServer(executor: Executor, log: Logger, port: number, host: string, options: ServerOptions = {}): Promise<RunningServer> {
  const yoga = createGraphQLHandler(executor, log, options);
  // Bundled before the first visit, so a broken explorer stops the start rather than a page load.
  await Promise.all([explorerBundle(), draftBundle()]);
  const server = createServer(withHealth(executor, log, withRequestLog(log, withWebPages([explorerPage, draftPage], (req, res) => void yoga(req, res))), options.database));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
