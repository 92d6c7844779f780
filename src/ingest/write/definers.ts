import { caseOf } from './merge.js';

/**
 * A node's definers as the node keeps them (`definedBy`): per distinct statement (its hash; a
 * STATES without one, migrated from lists, is `#<contribution>`), how many contributions state
 * it, the first of them in merge order (`first`: the node's own case first, then the smallest
 * id), the smallest of them (`low`) and the smallest of another case than `low`'s (`low2`). So
 * "the first definer of each statement" and "one definer of another case than c" are read off
 * the node, however many contributions state it; bounded by the number of distinct statements.
 * The STATES relationships stay the truth: a removal that takes away a named definer reads them
 * again (definerSummaries in write-queries.ts). Pure.
 */
export interface DefinerEntry {
  hash: string;
  count: number;
  first: string;
  low: string;
  low2: string | null;
}

export type Definers = Map<string, DefinerEntry>;

/** The node property holding them (JSON of `[hash, count, first, low, low2]` rows sorted by hash). */
export const DEFINED_BY = 'definedBy';

const rank = (nodeId: string, owner: string) => (caseOf(owner) === nodeId ? '0' : '1') + owner;

export function parseDefiners(text: string): Definers {
  const rows = JSON.parse(text) as [string, number, string, string, string | null][];
  return new Map(rows.map(([hash, count, first, low, low2]) => [hash, { hash, count, first, low, low2 }]));
}

export function storeDefiners(definers: Definers): string {
  const rows = [...definers.values()].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0)).map((e) => [e.hash, e.count, e.first, e.low, e.low2]);
  return JSON.stringify(rows);
}

/** `definers` with `owner` stating `hash` added (it must not be among them). */
export function withDefiner(definers: Definers, nodeId: string, owner: string, hash: string): Definers {
  const out = new Map(definers);
  const e = definers.get(hash);
  if (!e) {
    out.set(hash, { hash, count: 1, first: owner, low: owner, low2: null });
    return out;
  }
  const first = rank(nodeId, owner) < rank(nodeId, e.first) ? owner : e.first;
  let { low, low2 } = e;
  if (owner < low) {
    low2 = caseOf(owner) !== caseOf(low) ? low : low2;
    low = owner;
  } else if (caseOf(owner) !== caseOf(low) && (low2 === null || owner < low2)) low2 = owner;
  out.set(hash, { hash, count: e.count + 1, first, low, low2 });
  return out;
}

/**
 * `definers` without `owner` stating `hash`; null when it is one of the definers an entry names
 * while others still state it: who replaces it must be read from the STATES.
 */
export function withoutDefiner(definers: Definers, owner: string, hash: string): Definers | null {
  const e = definers.get(hash);
  if (!e) return null;
  const out = new Map(definers);
  if (e.count === 1) out.delete(hash);
  else if (e.first === owner || e.low === owner || e.low2 === owner) return null;
  else out.set(hash, { ...e, count: e.count - 1 });
  return out;
}

/** The smallest definer of this statement of another case than `caseId`, if any. */
export function ofOtherCase(e: DefinerEntry, caseId: string): string | null {
  return caseOf(e.low) !== caseId ? e.low : e.low2;
}

export const definerCount = (definers: Definers) => [...definers.values()].reduce((sum, e) => sum + e.count, 0);
