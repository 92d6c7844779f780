import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseFileRef } from '../cli/files.js';
import { CHECKPOINT_FILE, type SpillAt } from './spill.js';

/**
 * The checkpoint of an offline import's planning, in its spill folder, so that an import stopped
 * (a signal, or killed) is resumed by the next one with the same inputs instead of planned again.
 * `checkpoint.json` says what it is for (the loader's code, the format option, the store or CSV
 * folder); `planned.jsonl` has a line per file planned, in the order of the first pass: its name,
 * source hash, and where its plan is in `plans.bin` (null: the file was invalid or empty, and is
 * checked again). Lines are written as files are planned, so a kill leaves them too.
 */
export interface CheckpointHead {
  /** Digest of the loader's code (`loaderCode`): a checkpoint of other code is not used. */
  code: string;
  format: string | null;
  /** The DATA_DIR, or the --csv-only folder, the import was for. */
  target: string;
  files: number;
  started: string;
}

export interface PlannedEntry {
  /** The file's place in the import's list. */
  i: number;
  file: string;
  hash: string | null;
  at: SpillAt | null;
}

const JOURNAL = 'planned.jsonl';
export const PLANS_FILE = 'plans.bin';
/** What a kept spill folder holds; the rest (placed elements, sort runs, planning's index) is made again. */
const KEPT = new Set(['owner', CHECKPOINT_FILE, JOURNAL, PLANS_FILE]);

let codeDigest: string | undefined;

/** A digest of the loader's code (every file of `src/ingest`, as run): changed code plans anew. */
export function loaderCode(): string {
  if (codeDigest) return codeDigest;
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const entry = path.join(dir, name);
      if (statSync(entry).isDirectory()) walk(entry);
      else if (/\.(ts|js)$/.test(name)) hash.update(`${path.relative(root, entry)}\n`).update(readFileSync(entry));
    }
  };
  walk(root);
  return (codeDigest = hash.digest('hex').slice(0, 16));
}

/** The planning written so far, appended as files are planned. */
export class PlanJournal {
  private fd: number;
  entries = 0;
  private readonly pending = new Set<Promise<void>>();

  /** Starts the checkpoint in `spillDir`: its head, then the entries kept from an earlier run. */
  constructor(readonly spillDir: string, head: CheckpointHead, kept: readonly PlannedEntry[] = []) {
    writeFileSync(path.join(spillDir, CHECKPOINT_FILE), `${JSON.stringify(head)}\n`);
    this.fd = openSync(path.join(spillDir, JOURNAL), 'w');
    for (const entry of kept) this.add(entry);
  }

  add(entry: PlannedEntry): void {
    if (this.fd < 0) return;
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.entries += 1;
  }

  /** Adds the entry once its hash is known. */
  addWhen(hash: Promise<string | null>, entry: Omit<PlannedEntry, 'hash'>): void {
    const done = hash.then(
      (value) => this.add({ ...entry, hash: value }),
      () => {},
    );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  /** Waits for the entries whose hash is being computed. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** Waits for the entries whose hash is being computed, then closes the file. */
  async close(): Promise<void> {
    await this.settle();
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** A checkpoint as read back, or why it cannot be used. */
export type ReadCheckpoint = { ok: true; head: CheckpointHead; entries: Map<number, PlannedEntry>; planBytes: number } | { ok: false; reason: string };

export function readCheckpoint(spillDir: string): ReadCheckpoint {
  try {
    const head = JSON.parse(readFileSync(path.join(spillDir, CHECKPOINT_FILE), 'utf8')) as CheckpointHead;
    const entries = new Map<number, PlannedEntry>();
    const journal = path.join(spillDir, JOURNAL);
    const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n') : [];
    for (const line of lines) {
      // The last line of a killed import may be cut short: it is not used.
      try {
        const entry = JSON.parse(line) as PlannedEntry;
        if (Number.isInteger(entry.i)) entries.set(entry.i, entry);
      } catch {
        continue;
      }
    }
    const plans = path.join(spillDir, PLANS_FILE);
    return { ok: true, head, entries, planBytes: existsSync(plans) ? statSync(plans).size : 0 };
  } catch (error) {
    return { ok: false, reason: `its checkpoint cannot be read (${(error as Error).message})` };
  }
}

/** Why a checkpoint is not for this import (undefined: it is). */
export function staleReason(head: CheckpointHead, now: Pick<CheckpointHead, 'code' | 'format'>): string | undefined {
  if (head.code !== now.code) return "the loader's code changed since";
  if (head.format !== now.format) return `it was made with --format ${head.format ?? '(none)'}, this import has ${now.format ?? '(none)'}`;
  return undefined;
}

/** What of a checkpoint an import reuses: its first `entries.length` files, unchanged. */
export interface Reuse {
  entries: PlannedEntry[];
  /** Where the plans kept end in plans.bin (the rest is cut). */
  planBytes: number;
  /** The first file found changed (planned again, with the files after it), if any. */
  changed?: string;
}

/**
 * The files planned before that are planned the same now: from the first file on, while each is
 * the same file (name and source hash) at the same place, and its plan is whole on disk. A file
 * is validated against the files before it, so a changed file ends the reuse: it and the files
 * after it are planned again.
 */
export async function reusablePrefix(
  files: readonly CaseFileRef[],
  checkpoint: { entries: Map<number, PlannedEntry>; planBytes: number },
  hashOf: (file: CaseFileRef) => Promise<string | null>,
): Promise<Reuse> {
  const entries: PlannedEntry[] = [];
  let planBytes = 0;
  for (const [i, file] of files.entries()) {
    const entry = checkpoint.entries.get(i);
    if (!entry) break;
    const end = entry.at ? entry.at.offset + entry.at.length : 0;
    if (end > checkpoint.planBytes) break;
    const hash = entry.file === file.display ? await hashOf(file) : undefined;
    if (hash === undefined || hash === null || hash !== entry.hash) return { entries, planBytes, changed: file.display };
    entries.push(entry);
    planBytes = Math.max(planBytes, end);
  }
  return { entries, planBytes };
}

/** Removes what a kept spill folder need not keep (placed elements, sort runs, planning's index). */
export function pruneSpillDir(spillDir: string): void {
  for (const name of readdirSync(spillDir)) if (!KEPT.has(name)) rmSync(path.join(spillDir, name), { recursive: true, force: true });
}
