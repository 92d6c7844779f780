import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * graphql 16 ships CommonJS and ESM copies. Node gives every importer the CommonJS one; Vite
 * would give our sources the ESM one while graphql-yoga keeps CommonJS, and errors thrown by
 * our resolvers would no longer be `instanceof GraphQLError` to yoga. One copy, as in production.
 */
const resolve = { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
