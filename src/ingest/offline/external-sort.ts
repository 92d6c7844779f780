import { rmSync } from 'node:fs';
import path from 'node:path';
import { SpillFile } from './spill.js';

/** Records per block of a run (one spill record each): what a run's reader holds at once. */
const BLOCK_RECORDS = 256;
/** Bytes a run's reader reads at once (a block larger than that is read on until whole). */
const RUN_READ_BYTES = 1 << 16;

export interface ExternalSortOptions {
  /** Folder for the runs (files named `run-N.bin`). */
  dir: string;
  /** Charge (`charge`) after which the records held are sorted and written as a run. */
  chunkCharge: number;
  /** Records after which they are written as a run whatever the charge. */
  chunkRecords?: number;
}

/**
 * A sort of (key, value) records by key that holds a bounded number of them: records are
 * gathered in a chunk until its charge (what the caller counts, e.g. bytes) or count is reached,
 * then sorted and written to disk as a run (in blocks, V8's serialization through a spill
 * file); `groups()` merges the runs (k-way, a heap of one cursor per run) and gives each key
 * once with all its values. Stable: a key's values come in the order they were added (within
 * a chunk the sort keeps it, between runs the earlier run comes first). Keys are compared as
 * strings (UTF-16 code units). Values are any value a spill file carries. With a single
 * chunk nothing is written.
 */
export class ExternalSort<V> {
  private keys: string[] = [];
  private values: V[] = [];
  private charged = 0;
  private readonly runs: SpillFile[] = [];
  /** Records added. */
  records = 0;
  /** Bytes written to runs. */
  get bytes(): number {
    return this.runs.reduce((n, run) => n + run.size, 0);
  }
  get runCount(): number {
    return this.runs.length;
  }

  constructor(private readonly options: ExternalSortOptions) {}

  add(key: string, value: V): void {
    this.keys.push(key);
    this.values.push(value);
    this.records += 1;
    if (this.options.chunkRecords !== undefined && this.keys.length >= this.options.chunkRecords) this.spill();
  }

  /** Counts toward the chunk's limit (e.g. the bytes the values came from); writes a run once reached. */
  charge(amount: number): void {
    this.charged += amount;
    if (this.charged >= this.options.chunkCharge) this.spill();
  }

  /** Every key once, in order, with its values in the order added. Call once, after the last `add`. */
  *groups(): Generator<[key: string, values: V[]]> {
    if (this.runs.length === 0) {
      yield* groupsOf(this.sortedChunk());
      return;
    }
    this.spill();
    yield* mergeRuns(this.runs.map((run) => new RunCursor<V>(run)));
  }

  /** Closes and removes the runs. */
  close(): void {
    for (const run of this.runs) {
      run.close();
      rmSync(run.path, { force: true });
    }
  }

  /** The chunk's records, sorted by key, stable; the chunk is emptied. */
  private sortedChunk(): { keys: string[]; values: V[] } {
    const { keys, values } = this;
    this.keys = [];
    this.values = [];
    this.charged = 0;
    const order = Array.from({ length: keys.length }, (_, i) => i);
    // Array.prototype.sort is stable: equal keys keep the order they were added in.
    order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    return { keys: order.map((i) => keys[i]!), values: order.map((i) => values[i]!) };
  }

  /** Writes the chunk's records, sorted, as a run of blocks. */
  private spill(): void {
    if (this.keys.length === 0) return;
    const { keys, values } = this.sortedChunk();
    const run = new SpillFile(path.join(this.options.dir, `run-${this.runs.length}.bin`));
    for (let at = 0; at < keys.length; at += BLOCK_RECORDS) run.add([keys.slice(at, at + BLOCK_RECORDS), values.slice(at, at + BLOCK_RECORDS)]);
    run.flush();
    this.runs.push(run);
  }
}

/** Consecutive records of one key, as groups. */
function* groupsOf<V>({ keys, values }: { keys: string[]; values: V[] }): Generator<[string, V[]]> {
  for (let i = 0; i < keys.length;) {
    const key = keys[i]!;
    const group: V[] = [];
    while (i < keys.length && keys[i] === key) group.push(values[i++]!);
    yield [key, group];
  }
}

/** Reads one run, a block at a time. */
class RunCursor<V> {
  private readonly blocks: Generator<unknown>;
  private keys: string[] = [];
  private values: V[] = [];
  private at = 0;
  done = false;

  constructor(run: SpillFile) {
    this.blocks = run.values(RUN_READ_BYTES);
    this.next();
  }

  get key(): string {
    return this.keys[this.at]!;
  }

  /** Moves to the next record; false at the run's end. */
  private next(): void {
    if (this.at + 1 < this.keys.length) {
      this.at += 1;
      return;
    }
    const block = this.blocks.next();
    if (block.done) {
      this.done = true;
      return;
    }
    [this.keys, this.values] = block.value as [string[], V[]];
    this.at = 0;
  }

  /** Takes the current record's value and every following one of the same key. */
  takeKey(key: string, into: V[]): void {
    while (!this.done && this.keys[this.at] === key) {
      into.push(this.values[this.at]!);
      this.next();
    }
  }
}

/** The k-way merge of sorted runs: a heap of cursors by (key, run), so equal keys come run by run. */
function* mergeRuns<V>(cursors: RunCursor<V>[]): Generator<[string, V[]]> {
  const heap = cursors.map((cursor, run) => ({ cursor, run })).filter(({ cursor }) => !cursor.done);
  const before = (a: (typeof heap)[0], b: (typeof heap)[0]) => (a.cursor.key < b.cursor.key ? true : a.cursor.key > b.cursor.key ? false : a.run < b.run);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && before(heap[l]!, heap[min]!)) min = l;
      if (r < heap.length && before(heap[r]!, heap[min]!)) min = r;
      if (min === i) return;
      [heap[i], heap[min]] = [heap[min]!, heap[i]!];
      i = min;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  while (heap.length > 0) {
    const key = heap[0]!.cursor.key;
    const group: V[] = [];
    // The least (key, run) is on top: take the key's records run by run.
    while (heap.length > 0 && heap[0]!.cursor.key === key) {
      heap[0]!.cursor.takeKey(key, group);
      if (heap[0]!.cursor.done) {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
      }
      down(0);
    }
    yield [key, group];
  }
}
