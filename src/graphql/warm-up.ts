import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { projectRoot } from '../shared/paths.js';
import type { Logger } from '../shared/logger.js';

/** The documented example operations (docs/examples.graphql): what analysts start from. */
export const EXAMPLES_FILE = path.join(projectRoot, 'docs', 'examples.graphql');

/** The names of the query operations of a document. */
export function queryNames(source: string): string[] {
  return parse(source).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' && d.name ? [d.name.value] : []));
}

/**
 * Runs every example query once through the service's own endpoint, one after another, so
 * Neo4j plans their statements before the first analyst sends them: a statement's first run
 * pays for its plan (hundreds of milliseconds), later runs reuse it. Errors are logged, never
 * thrown: a warm-up that fails leaves the service as it would be without one.
 */
export async function warmUp(url: string, log: Logger, token?: string): Promise<{ operations: number; ms: number }> {
  const started = performance.now();
  let source: string;
  try {
    source = readFileSync(EXAMPLES_FILE, 'utf8');
  } catch {
    return { operations: 0, ms: 0 };
  }
  const names = queryNames(source);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  for (const operationName of names) {
    try {
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: source, operationName }) });
      const body = await response.text();
      // An example refused before it runs (a limit, a syntax error) plans nothing: say so.
      if (response.status >= 400) log.warn({ operationName, status: response.status, body: body.slice(0, 300) }, 'warm-up request refused');
    } catch (error) {
      log.warn({ err: error, operationName }, 'warm-up request failed');
    }
  }
  const ms = Math.round(performance.now() - started);
  log.info({ operations: names.length, ms }, 'warm-up: example queries planned');
  return { operations: names.length, ms };
}
