import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requireReadToken, requireWriteToken } from '../shared/auth.js';

/**
 * Tokens at the HTTP layer. With API_READ_TOKEN set, every GraphQL request needs the read or
 * write token before its body is even read (GraphiQL's page and CORS preflights stay open).
 * Every mutation needs the write token before any resolver runs, so a mutation that forgot its
 * own check is still closed.
 */
export function authPlugin(readToken: string | undefined, writeToken: string | undefined): Plugin<{ request: Request }> {
  return {
    onRequestParse({ request }) {
      requireReadToken(request, readToken, writeToken);
    },
    onExecute({ args, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      try {
        requireWriteToken(args.contextValue.request, writeToken);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        setResultAndStopExecution({ errors: [error] });
      }
    },
  };
}
