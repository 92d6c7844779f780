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
 */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toDriverParams(inner);
    return out;
  }
  return value;
}
