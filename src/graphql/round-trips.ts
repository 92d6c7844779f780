import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { currentScope } from '../http/request-scope.js';
import type { Context } from './context.js';

/** Header that asks for the request's database round trips in the response `extensions`. */
export const DEBUG_HEADER = 'x-debug-round-trips';

/**
 * Reports how many Cypher round trips a request took: always in the request's log line, and in
 * the response's `extensions.roundTrips` when the client sends the debug header. The count must
 * follow the shape of the query, not the size of the lists it returns.
 */
export function roundTripsPlugin(): Plugin<Context & { request: Request }> {
  return {
    onParams({ params }) {
      // Known before validation, so refused requests are logged under the name the client gave.
      if (typeof params.operationName === 'string') currentScope().operation = params.operationName.slice(0, 200);
    },
    onExecute({ args }) {
      currentScope().operation = getOperationAST(args.document, args.operationName)?.name?.value ?? null;
      return {
        onExecuteDone({ result, setResult }) {
          const ctx = args.contextValue;
          const roundTrips = ctx.stats.roundTrips;
          currentScope().roundTrips = roundTrips;
          if (ctx.request.headers.get(DEBUG_HEADER) && !(Symbol.asyncIterator in result)) {
            setResult({ ...result, extensions: { ...result.extensions, roundTrips } });
          }
        },
      };
    },
  };
}
