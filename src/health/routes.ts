import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Executor } from '../neo4j/executor.js';
import type { Logger } from '../shared/logger.js';
import { liveness, type DatabaseWatch } from './liveness.js';
import { checkReadiness } from './readiness.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `/health` (liveness: the process answers, with the database's state as the executor and the
 * embedded JVM's supervisor last saw it, without asking Neo4j anything; 503 only when restarting
 * the service would help, see liveness.ts) and `/ready` (readiness: Neo4j reachable and the schema applied, else
 * 503 with the reason), in front of `handle`, which gets every other request. Probes stay out
 * of the request log; readiness changes are logged once each.
 */
export function withHealth(executor: Executor, log: Logger, handle: NodeHandler, database?: Omit<DatabaseWatch, 'executor'>): NodeHandler {
  const watch: DatabaseWatch = { executor, unreachableLimitMs: 30_000, ...database };
  let wasReady: boolean | undefined;
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/health' && path !== '/ready') return handle(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, req, 405, { error: `${path} answers GET and HEAD only.` }, { allow: 'GET, HEAD' });
    }
    if (path === '/health') {
      const live = liveness(watch);
      const body = { status: live.alive ? 'ok' : 'failing', ...(live.reason ? { reason: live.reason } : {}), uptimeSeconds: Math.round(process.uptime()), memory: memory(), neo4j: live.neo4j };
      return send(res, req, live.alive ? 200 : 503, body);
    }
    void checkReadiness(executor).then((readiness) => {
      if (readiness.ready !== wasReady) {
        if (readiness.ready) log.info({ readiness }, 'ready: Neo4j reachable, schema applied');
        else log.warn({ readiness }, 'not ready');
        wasReady = readiness.ready;
      }
      const { ready, error: _logOnly, ...detail } = readiness;
      send(res, req, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...detail }, ready ? {} : { 'retry-after': '5' });
    });
  };
}

/** The process's memory, for dashboards and the soak test's before-and-after. */
function memory() {
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, heapTotalBytes: usage.heapTotal };
}

function send(res: ServerResponse, req: IncomingMessage, status: number, body: object, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(req.method === 'HEAD' ? undefined : text);
}
