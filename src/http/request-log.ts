import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../shared/logger.js';
import { currentScope, REQUEST_ID_HEADER, requestIdFrom, runInScope } from './request-scope.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Gives every request an id (echoed in `x-request-id`) and writes one JSON line when it ends:
 * id, method, path, status, duration, operation and database round trips. Headers, bodies and
 * query strings are left out, so tokens and variables never reach the logs.
 */
export function withRequestLog(log: Logger, handle: NodeHandler): NodeHandler {
  return (req, res) => {
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, id);
    runInScope(id, () => {
      const scope = currentScope();
      res.once('close', () => {
        log.info(
          {
            requestId: id,
            method: req.method,
            path: (req.url ?? '').split('?')[0],
            status: res.statusCode,
            ms: Math.round(performance.now() - scope.started),
            operation: scope.operation,
            roundTrips: scope.roundTrips,
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        );
      });
      handle(req, res);
    });
  };
}
