import neo4j from 'neo4j-driver';

/**
 * Turns driver values into plain JSON-ready values. This is the only place that knows about
 * neo4j Integers: every record leaves the executor already converted.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (Array.isArray(value)) return value.map(toNative);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toNative(inner);
    return out;
  }
  return value;
}

/**
 * The other direction: JavaScript numbers that are whole become neo4j Integers, so they are
 * stored as integers (not floats) and are valid where Cypher needs one (SKIP, LIMIT, ranges).
 * Copies only what holds such a number: a list or map without one is passed as it is (a
 * write's rows are mostly strings, and copying every batch was a share of the loader's work
 * and its garbage). The input is never changed.
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return listParams(value);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return mapParams(value as Record<string, unknown>);
  return value;
}

function listParams(list: unknown[]): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const sent = toDriverParams(item);
    if (sent !== item) (out ??= list.slice())[i] = sent;
  }
  return out ?? list;
}

function mapParams(map: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key in map) {
    const inner = map[key];
    const sent = toDriverParams(inner);
    if (sent !== inner) (out ??= { ...map })[key] = sent;
  }
  return out ?? map;
}
