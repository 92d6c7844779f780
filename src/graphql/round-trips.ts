import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../shared/logger.js';
import type { Context } from './context.js';

/** Header that asks for the request's database round trips in the response `extensions`. */
export const DEBUG_HEADER = 'x-debug-round-trips';

/**
 * Reports how many Cypher round trips a request took: always in the logs, and in the
 * response's `extensions.roundTrips` when the client sends the debug header. The count must
 * follow the shape of the query, not the size of the lists it returns.
 */
export function roundTripsPlugin(log: Logger): Plugin<Context & { request: Request }> {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result, setResult }) {
          const ctx = args.contextValue;
          const roundTrips = ctx.stats.roundTrips;
          log.debug({ operation: args.operationName ?? null, roundTrips, ms: Math.round(performance.now() - started) }, 'graphql request');
          if (ctx.request.headers.get(DEBUG_HEADER) && !(Symbol.asyncIterator in result)) {
            setResult({ ...result, extensions: { ...result.extensions, roundTrips } });
          }
        },
      };
    },
  };
}
