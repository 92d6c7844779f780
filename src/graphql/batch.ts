/**
 * Batch queries return rows tagged with `i`, the position of their key. These put the rows
 * back in key order, as DataLoader requires.
 */
export function oneByIndex<T>(rows: readonly ({ i: number } & Record<string, unknown>)[], count: number, pick: (row: Record<string, unknown>) => T): (T | null)[] {
  const out: (T | null)[] = new Array(count).fill(null);
  for (const row of rows) out[row.i] = pick(row);
  return out;
}

export function manyByIndex<T>(rows: readonly ({ i: number } & Record<string, unknown>)[], count: number, pick: (row: Record<string, unknown>) => T): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  for (const row of rows) out[row.i]!.push(pick(row));
  return out;
}
