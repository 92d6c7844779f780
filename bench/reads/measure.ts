import { figures, timedRun, warmUp, type LoadSettings } from './cannon.js';
import type { ServerChild } from './child.js';
import type { CorpusDatabase } from './corpus.js';
import type { Anchors } from './corpus-source.js';
import { dbHitsOf } from './db-hits.js';
import type { Operation } from './operations.js';
import { probe, requestBody } from './probe.js';
import type { OperationResult } from './results.js';

/** Requests sent one at a time after the timed run; their median is the latency without load. */
const ALONE = 3;

/**
 * Sends every operation a few times, one request at a time (at most 10 each, or 5 s), so the
 * first operation timed does not also pay for compiling the server's common code paths.
 */
export async function warmService(service: ServerChild, operations: readonly Operation[], anchors: Anchors): Promise<void> {
  for (const op of operations) {
    const body = requestBody(op.query, op.variables(anchors));
    const until = performance.now() + 5_000;
    for (let i = 0; i < 10 && performance.now() < until; i += 1) await probe(service.url, body, op.name);
  }
}

/**
 * One operation against the running service: checked once (no errors, a real answer, its round
 * trips), profiled once (db hits), warmed up, timed for `duration` seconds under load, then sent
 * alone a few times.
 */
export async function measureOperation(op: Operation, service: ServerChild, db: CorpusDatabase, anchors: Anchors, settings: LoadSettings): Promise<OperationResult> {
  const variables = op.variables(anchors);
  const body = requestBody(op.query, variables);
  const checked = await probe(service.url, body, op.name);
  if (!op.answered(checked.data)) {
    throw new Error(`${op.name} with ${JSON.stringify(variables)} answered ${JSON.stringify(checked.data).slice(0, 300)}: nothing to time. Check the anchors in bench/reads/corpus-source.ts.`);
  }
  const hits = await dbHitsOf(db.driver, db.target.database, body);
  const request = { url: service.url, body };
  if (settings.warmup > 0) await warmUp(request, settings);
  const measured = figures([await timedRun(request, settings.duration, settings)]);
  const alone: number[] = [];
  for (let i = 0; i < ALONE; i += 1) alone.push((await probe(service.url, body, op.name)).ms);
  return {
    name: op.name,
    idBased: op.idBased,
    ...measured,
    roundTrips: checked.roundTrips,
    dbHits: hits.total,
    statements: hits.statements,
    bytes: checked.bytes,
    aloneMs: Number(alone.sort((a, b) => a - b)[Math.floor(ALONE / 2)]!.toFixed(2)),
  };
}
