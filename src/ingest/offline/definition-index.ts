import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { GraphPlan } from '../casefile/plan.js';
import type { GraphNodeInfo, ValidationEnv } from '../casefile/validate.js';
import { ownString } from '../../shared/strings.js';
import { encodeRecord } from './spill.js';

/**
 * What the files of an offline import define, per node id, for validation's questions about
 * the import's other files (the lean answers of `cli/batch.ts`' `BatchDefinitions`: kind, name,
 * a document's cases, its text read back when asked) and for the load order (the files defining
 * an id) — held on disk beyond a bound, so that planning's memory does not grow with the corpus.
 *
 * A log-structured index: definitions gather in memory (one entry per id: kind, name, whether
 * it has a text, the cases stating it if a document, the files defining it); once they count
 * `limit` (ids and files added to ids), they are sorted by id and written as a **run** to a file
 * of its own, in blocks of `BLOCK_RECORDS` entries, and memory keeps of the run only the first
 * id of each block and its place, and a Bloom filter of its ids (16 bits an id). An id asked for
 * is looked up in each run whose filter may hold it (the block read with one `pread`; recently
 * read blocks are kept, a bounded number), then in memory; its entries, oldest first, are one
 * answer: kind, name and text from the first, the cases and the defining files of all, in order.
 * The same answers as `BatchDefinitions` in its lean form, whatever the bound
 * (`tests/unit/offline-definition-index.test.ts`). Runs are never merged: what memory holds per
 * id written is about 2 bytes of filter and a block's first id every `BLOCK_RECORDS` ids.
 */
type Entry = [kind: GraphNodeInfo['kind'], name: string, hasText: boolean, caseIds: string[], definers: string[]];

const BLOCK_RECORDS = 64;
const BLOOM_BITS_PER_ID = 16;
const BLOOM_PROBES = 8;
/** Decoded blocks kept (about 64 entries each). */
const BLOCK_CACHE = 512;
/** Entries plus definers and cases added to them held in memory before they go to a run. */
export const DEFAULT_INDEX_LIMIT = 65_536;

/** Two 32-bit hashes of a string (FNV-1a with two primes, then mixed), for the filters' probes. */
function hashesOf(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return [mix(a), mix(b) | 1];
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Bloom {
  private readonly bits: Uint32Array;
  private readonly size: number;

  constructor(ids: number) {
    this.size = Math.max(64, ids * BLOOM_BITS_PER_ID);
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  add([a, b]: [number, number]): void {
    for (let i = 0; i < BLOOM_PROBES; i++) {
      const bit = ((a + Math.imul(i, b)) >>> 0) % this.size;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  mayHold([a, b]: [number, number]): boolean {
    for (let i = 0; i < BLOOM_PROBES; i++) {
      const bit = ((a + Math.imul(i, b)) >>> 0) % this.size;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** A run on disk: blocks of sorted ids and their entries; in memory, each block's first id and place, and a filter. */
interface Run {
  fd: number;
  file: string;
  firstIds: string[];
  places: { offset: number; length: number }[];
  bloom: Bloom;
}

/** The answer about one id: its entries merged, oldest first. */
interface Merged {
  kind: GraphNodeInfo['kind'];
  name: string;
  hasText: boolean;
  caseIds: string[];
  definers: string[];
}

export class DefinitionIndex {
  private memory = new Map<string, Entry>();
  private held = 0;
  private readonly runs: Run[] = [];
  private readonly blocks = new Map<string, [string[], Entry[]]>();
  /** Grows with every file added (as `BatchDefinitions.version`). */
  version = 0;
  /** Blocks read from disk so far (for tests). */
  reads = 0;

  /**
   * `dir`: where the runs go (a folder removed with them at the end of the import);
   * `textOf`: a document's text, read again from the plan of the file that defined it first.
   */
  constructor(
    private readonly dir: string,
    private readonly textOf: (definer: string, id: string) => string | undefined,
    private readonly limit = DEFAULT_INDEX_LIMIT,
  ) {}

  get runCount(): number {
    return this.runs.length;
  }

  add(file: string, plan: GraphPlan): void {
    for (const node of plan.nodes) {
      const known = this.memory.get(node.id);
      const isDocument = node.kind === 'SourceDocument';
      if (known) {
        if (isDocument && !known[3].includes(plan.caseId)) {
          known[3].push(ownString(plan.caseId));
          this.held += 1;
        }
        // A file is added once: its definitions follow the earlier files'.
        if (known[4].at(-1) !== file) {
          known[4].push(file);
          this.held += 1;
        }
        continue;
      }
      const hasText = typeof node.props.text === 'string';
      this.memory.set(ownString(node.id), [node.kind, ownString(String(node.props.name ?? node.id)), hasText, isDocument ? [ownString(plan.caseId)] : [], [file]]);
      this.held += 1;
    }
    this.version += 1;
    if (this.held >= this.limit) this.writeRun();
  }

  /** As `BatchDefinitions.lookupWith`: from the graph, then from the import's files. */
  lookupWith(graph: ValidationEnv['lookupIds']): ValidationEnv['lookupIds'] {
    return async (ids) => {
      const found = await graph(ids);
      for (const id of ids) {
        const defined = this.merged(id);
        if (!defined) continue;
        const inGraph = found.get(id);
        const caseIds = [...new Set([...(inGraph?.caseIds ?? []), ...defined.caseIds])];
        found.set(id, inGraph ? { ...inGraph, caseIds } : this.info(id, defined, caseIds));
      }
      return found;
    };
  }

  /** The other files of the import that define one of these ids (as `BatchDefinitions.providersOf`). */
  providersOf(file: string, ids: readonly string[]): string[] {
    const files = new Set<string>();
    for (const id of ids) for (const definer of this.merged(id)?.definers ?? []) if (definer !== file) files.add(definer);
    return [...files].sort();
  }

  /** Closes and deletes the runs. */
  close(): void {
    for (const run of this.runs.splice(0)) {
      closeSync(run.fd);
      rmSync(run.file, { force: true });
    }
    this.blocks.clear();
    this.memory.clear();
  }

  private info(id: string, defined: Merged, caseIds: string[]): GraphNodeInfo {
    const info: GraphNodeInfo = { kind: defined.kind, name: defined.name, caseIds };
    if (!defined.hasText) return info;
    // Read only when validation compares it (a document defined again by another file).
    const definer = defined.definers[0]!;
    return Object.defineProperty(info, 'text', { enumerable: true, get: () => this.textOf(definer, id) });
  }

  private merged(id: string): Merged | undefined {
    const entries: Entry[] = [];
    if (this.runs.length > 0) {
      const hashes = hashesOf(id);
      for (const [i, run] of this.runs.entries()) {
        if (!run.bloom.mayHold(hashes)) continue;
        const entry = this.fromRun(i, run, id);
        if (entry) entries.push(entry);
      }
    }
    const held = this.memory.get(id);
    if (held) entries.push(held);
    if (entries.length === 0) return undefined;
    const [kind, name, hasText] = entries[0]!;
    if (entries.length === 1) return { kind, name, hasText, caseIds: entries[0]![3], definers: entries[0]![4] };
    return { kind, name, hasText, caseIds: [...new Set(entries.flatMap((entry) => entry[3]))], definers: entries.flatMap((entry) => entry[4]) };
  }

  private fromRun(index: number, run: Run, id: string): Entry | undefined {
    const block = lastAtMost(run.firstIds, id);
    if (block < 0) return undefined;
    const [ids, entries] = this.block(index, run, block);
    const at = lastAtMost(ids, id);
    return at >= 0 && ids[at] === id ? entries[at] : undefined;
  }

  private block(index: number, run: Run, block: number): [string[], Entry[]] {
    const key = `${index}:${block}`;
    const cached = this.blocks.get(key);
    if (cached) {
      // Most recently used last.
      this.blocks.delete(key);
      this.blocks.set(key, cached);
      return cached;
    }
    const { offset, length } = run.places[block]!;
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const n = readSync(run.fd, bytes, done, length - done, offset + done);
      if (n === 0) throw new Error(`${run.file}: the index ends before block ${block}`);
      done += n;
    }
    this.reads += 1;
    const decoded = deserialize(bytes.subarray(4)) as [string[], Entry[]];
    this.blocks.set(key, decoded);
    if (this.blocks.size > BLOCK_CACHE) this.blocks.delete(this.blocks.keys().next().value!);
    return decoded;
  }

  /** Writes what memory holds as a run (sorted by id, in blocks) and lets go of it. */
  private writeRun(): void {
    const ids = [...this.memory.keys()].sort();
    const file = path.join(this.dir, `definitions-${this.runs.length}.bin`);
    const fd = openSync(file, 'w+');
    const run: Run = { fd, file, firstIds: [], places: [], bloom: new Bloom(ids.length) };
    this.runs.push(run);
    let offset = 0;
    for (let start = 0; start < ids.length; start += BLOCK_RECORDS) {
      const blockIds = ids.slice(start, start + BLOCK_RECORDS);
      const bytes = encodeRecord([blockIds, blockIds.map((id) => this.memory.get(id)!)]);
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, offset + done);
      run.firstIds.push(blockIds[0]!);
      run.places.push({ offset, length: bytes.length });
      offset += bytes.length;
      for (const id of blockIds) run.bloom.add(hashesOf(id));
    }
    this.memory = new Map();
    this.held = 0;
  }
}

/** Index of the last item <= key in a sorted list, or -1. */
function lastAtMost(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= key) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
