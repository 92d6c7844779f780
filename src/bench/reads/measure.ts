import { figures, timedRun, warmUp, type LoadSettings } from './cannon.js';
import type { ServerChild } from './child.js';
import type { CorpusDatabase } from './corpus.js';
import type { Anchors } from './corpus-source.js';
import { dbHitsOf } from './db-hits.js';
import type { Operation } from './operations.js';
import { probe, requestBody } from './probe.js';
import type { OperationResult } from './results.js';

/**
 * One operation against the running service: checked once (no errors, a real answer, its round
 * trips), profiled once (db hits), warmed up, then timed for `duration` seconds.
 */
export async function measureOperation(op: Operation, service: ServerChild, db: CorpusDatabase, anchors: Anchors, settings: LoadSettings): Promise<OperationResult> {
  const variables = op.variables(anchors);
  const body = requestBody(op.query, variables);
  const checked = await probe(service.url, body, op.name);
  if (!op.answered(checked.data)) {
    throw new Error(`${op.name} with ${JSON.stringify(variables)} answered ${JSON.stringify(checked.data).slice(0, 300)}: nothing to time. Check the anchors in src/bench/reads/corpus-source.ts.`);
  }
  const hits = await dbHitsOf(db.driver, db.target.database, body);
  const request = { url: service.url, body };
  if (settings.warmup > 0) await warmUp(request, settings);
  const measured = figures([await timedRun(request, settings.duration, settings)]);
  return {
    name: op.name,
    idBased: op.idBased,
    ...measured,
    roundTrips: checked.roundTrips,
    dbHits: hits.total,
    statements: hits.statements,
    bytes: checked.bytes,
  };
}
