import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import type { Executor } from '../neo4j/executor.js';
import type { Logger } from '../shared/logger.js';
import { createContext, type ServerOptions } from './context.js';
import { DEFAULT_QUERY } from './default-query.js';
import { roundTripsPlugin } from './round-trips.js';
import { buildSchema } from './schema.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The GraphQL endpoint (and GraphiQL) at /graphql. Unexpected errors are masked for clients. */
export function createGraphQLHandler(executor: Executor, log: Logger, options: ServerOptions = {}) {
  return createYoga({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext(executor, request, options),
    graphiql: { title: 'Legal case graph', defaultQuery: DEFAULT_QUERY },
    maskedErrors: true,
    plugins: [roundTripsPlugin(log)],
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      error: (...args) => log.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
  });
}

export async function startServer(executor: Executor, log: Logger, port: number, host: string, options: ServerOptions = {}): Promise<RunningServer> {
  const server = createServer(createGraphQLHandler(executor, log, options));
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
