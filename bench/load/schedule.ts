/**
 * Runs `write` over `items` in batches of `size`, keeping up to `loaders` batches in flight. A
 * batch starts only once every batch holding an item it depends on has finished, so cases
 * that refer to others are written after them, as the loader's load order promises. Items
 * must come in load order (dependencies first). The first failure stops new batches and is
 * thrown once those in flight have settled.
 */
export async function scheduleBatches<T>(
  items: readonly T[],
  size: number,
  loaders: number,
  dependsOn: (item: T) => readonly T[],
  write: (batch: T[]) => Promise<void>,
): Promise<void> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  const batchOf = new Map<T, number>();
  batches.forEach((batch, b) => batch.forEach((item) => batchOf.set(item, b)));
  const needs = batches.map((batch, b) => new Set(batch.flatMap((item) => dependsOn(item).map((d) => batchOf.get(d))).filter((d): d is number => d !== undefined && d !== b)));

  const done = new Set<number>();
  const started = new Set<number>();
  let failure: unknown = null;
  const waiting: (() => void)[] = [];
  const wakeAll = () => waiting.splice(0).forEach((resolve) => resolve());
  const ready = () => batches.findIndex((_, b) => !started.has(b) && [...needs[b]!].every((d) => done.has(d)));

  const loader = async (): Promise<void> => {
    while (failure === null && started.size < batches.length) {
      const next = ready();
      if (next < 0) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      started.add(next);
      try {
        await write(batches[next]!);
        done.add(next);
      } catch (error) {
        failure ??= error;
      }
      wakeAll();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, loaders) }, loader));
  if (failure !== null) throw failure;
}
