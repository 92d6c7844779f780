/**
 * The order of a case's events as its sources tell it. Pure: the statement reads each event's
 * sort key, case-file position and order relationships; this puts them in order.
 *
 * What orders two events, strongest first:
 * - a relationship the case file states between them (`relations` of an order type, or the
 *   fields `partOf` and `causedBy`): `a BEFORE b`, `a AFTER b`, `a DURING b`, `a SAME_DAY_AS b`,
 *   `a PART_OF b`, `a CAUSED_BY b`. The containing event, the cause and the event a same-day one
 *   is tied to come first. `a AFTER b` also puts `a` after every part of `b` ("in the aftermath
 *   of the trial" follows all that happened during it);
 * - their own dates, when neither period holds the other ("2021-10-21" before "2024", but
 *   "2024" and "2024-07-15" say nothing about each other);
 * - where neither says anything, the order is partial: of the events free to come next, the
 *   earliest dated goes first (a year before the months within it), then those with no year in
 *   the order the case file tells them (its `seq`), then by id. That order is the author's, not
 *   the source's: such an event's `placedBy` is empty.
 * Relationships that contradict each other or the dates cannot all hold: the cycle is broken at
 * the event told first, and the rest keeps its order.
 */

/** Relationship types that place one event in time relative to another. */
export const ORDER_TYPES = ['BEFORE', 'AFTER', 'DURING', 'SAME_DAY_AS', 'PART_OF', 'CAUSED_BY'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** Relation types a case file may state between two events in `relations` to order them. */
export const ORDER_RELATION_TYPES: readonly OrderType[] = ['BEFORE', 'AFTER', 'DURING', 'SAME_DAY_AS'];

/** An event as the ordering needs it: its outgoing order relationships to other events. */
export interface OrderItem {
  id: string;
  /** Its own time's sort key ("2024", "2024-07", "2024-07-15"), null without a year. */
  key: string | null;
  /** Its position in its case file. */
  seq: number | null;
  links: readonly { type: string; other: string }[];
}

/** Ids in the order of their sources (see the module comment). */
export function chronology(items: readonly OrderItem[]): string[] {
  const ids = new Set(items.map((i) => i.id));
  const told = [...items].sort(byTelling);
  const earlier = new Map<string, Set<string>>(items.map((i) => [i.id, new Set<string>()]));
  const precede = (first: string, then: string) => {
    if (first !== then && ids.has(first) && ids.has(then)) earlier.get(then)!.add(first);
  };
  const parts = partsOf(items);
  for (const item of items) {
    for (const { type, other } of item.links) {
      if (type === 'BEFORE') precede(item.id, other);
      else if (type === 'AFTER') for (const p of [other, ...descendants(other, parts)]) precede(p, item.id);
      else if ((ORDER_TYPES as readonly string[]).includes(type)) precede(other, item.id);
    }
  }
  for (const a of items) for (const b of items) if (a.key !== null && b.key !== null && datedBefore(a.key, b.key)) precede(a.id, b.id);
  return topological(told, earlier);
}

/** Kahn's algorithm, taking among the events free to come next the one told first. */
function topological(told: readonly OrderItem[], earlier: Map<string, Set<string>>): string[] {
  const later = new Map<string, string[]>(told.map((i) => [i.id, []]));
  const waiting = new Map<string, number>();
  for (const item of told) {
    waiting.set(item.id, earlier.get(item.id)!.size);
    for (const e of earlier.get(item.id)!) later.get(e)!.push(item.id);
  }
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < told.length) {
    // A cycle leaves nothing free: the contradicting statements cannot all hold; the first told of what is left goes next.
    const next = firstFree(told.filter((item) => !done.has(item.id) && waiting.get(item.id) === 0)) ?? told.find((item) => !done.has(item.id))!;
    done.add(next.id);
    out.push(next.id);
    for (const l of later.get(next.id)!) waiting.set(l, waiting.get(l)! - 1);
  }
  return out;
}

/** Of the events free to come next: the earliest dated (a year before the months within it), else the first told. */
function firstFree(free: readonly OrderItem[]): OrderItem | undefined {
  let best: OrderItem | undefined;
  for (const item of free) if (item.key !== null && (best?.key == null || item.key < best.key)) best = item;
  return best ?? free[0];
}

const byTelling = (a: OrderItem, b: OrderItem) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `a` ends before `b` begins: neither period holds the other ("2024" holds "2024-07"). */
export const datedBefore = (a: string, b: string) => a < b && !b.startsWith(a);

function partsOf(items: readonly OrderItem[]): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const item of items) {
    for (const { type, other } of item.links) if (type === 'PART_OF' || type === 'DURING') parts.set(other, [...(parts.get(other) ?? []), item.id]);
  }
  return parts;
}

function descendants(id: string, parts: Map<string, string[]>): string[] {
  const seen = new Set<string>();
  const stack = [...(parts.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next) || next === id) continue;
    seen.add(next);
    stack.push(...(parts.get(next) ?? []));
  }
  return [...seen];
}
