import { isDeepStrictEqual } from 'node:util';
import { figures, timedRun, warmUp, type LoadSettings, type Run } from './cannon.js';
import type { ServerChild } from './child.js';
import { neo4jGraphqlShape, serviceShape } from './compare-shape.js';
import type { Anchors } from './corpus-source.js';
import { compared } from './operations.js';
import { probe, requestBody } from './probe.js';
import type { ComparisonResult } from './results.js';

/** Where two normalised answers first differ, for the error message. */
function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${at}.${key}`);
  }
  return `${at}: equal`;
}

/**
 * The service against @neo4j/graphql on the same read: both answers must be equal once sorted,
 * then both are warmed up and timed in alternation (service, @neo4j/graphql, service…), so a
 * change in the machine's load falls on both.
 */
export async function compareServers(service: ServerChild, other: ServerChild, anchors: Anchors, settings: LoadSettings, rounds: number): Promise<ComparisonResult> {
  const ours = { url: service.url, body: requestBody(compared.service.query, compared.service.variables(anchors)) };
  const theirs = { url: other.url, body: requestBody(compared.neo4jGraphql.query, compared.neo4jGraphql.variables(anchors)) };
  const [a, b] = [await probe(ours.url, ours.body, compared.service.name), await probe(theirs.url, theirs.body, `@neo4j/graphql ${compared.service.name}`)];
  const [shapeA, shapeB] = [serviceShape(a.data), neo4jGraphqlShape(b.data)];
  if (shapeA.participants.items.length === 0) throw new Error(`${compared.service.name}: the case has no participants to compare`);
  if (!isDeepStrictEqual(shapeA, shapeB)) {
    throw new Error(`the service and @neo4j/graphql answer ${compared.service.name} differently: ${firstDifference(shapeA, shapeB)}`);
  }
  if (settings.warmup > 0) {
    await warmUp(ours, settings);
    await warmUp(theirs, settings);
  }
  const runs: { service: Run[]; other: Run[] } = { service: [], other: [] };
  for (let round = 0; round < rounds; round += 1) {
    runs.service.push(await timedRun(ours, settings.duration, settings));
    runs.other.push(await timedRun(theirs, settings.duration, settings));
  }
  const [mine, yours] = [figures(runs.service), figures(runs.other)];
  return {
    operation: compared.service.name,
    rounds,
    equalResults: true,
    service: { ...mine, roundTrips: a.roundTrips },
    neo4jGraphql: yours,
    throughputRatio: Number((mine.rps / yours.rps).toFixed(2)),
  };
}
