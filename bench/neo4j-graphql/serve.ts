import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { serveUntilStopped } from '../reads/child-entry.js';
import { typeDefs } from './type-defs.js';

/**
 * @neo4j/graphql over the same database, served by graphql-yoga like the service (masked
 * errors, no GraphiQL), in its own process, with the same driver settings (connect()).
 */
await serveUntilStopped(async (driver, database) => {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false,
    maskedErrors: true,
    logging: 'warn',
    context: () => ({ sessionConfig: { database } }),
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
