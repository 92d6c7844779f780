import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseFileRef } from '../cli/files.js';
import type { InputFormat } from '../pipeline/prepare.js';
import { loaderCode, PlanJournal, PLANS_FILE, pruneSpillDir, readCheckpoint, reusablePrefix, staleReason, type CheckpointHead } from './checkpoint.js';
import { SourceHashes } from './source-hashes.js';
import { adoptSpillDir, CHECKPOINT_FILE, makeSpillDir, resumableSpills, SpillFile, type ResumableSpill, type SpillAt } from './spill.js';

/** Where an import's planning starts: a new spill folder, or a stopped import's, with the plans it keeps. */
export interface Start {
  spillDir: string;
  plansSpill: SpillFile;
  journal: PlanJournal;
  /** Per file of the list's start, where its plan is (null: plan it again). */
  reuse: (SpillAt | null)[];
  /** The source hashes asked for to compare the files with the checkpoint (kept for the import's manifests). */
  hashes?: SourceHashes;
}

export interface StartOptions {
  /** The CSV files' folder: the spill folder goes inside it. */
  dir: string;
  /** Where stopped imports' spill folders may be (the --csv-only folder, or the temporary folders of imports). */
  places: { dir: string; whole: boolean }[];
  /** The DATA_DIR or --csv-only folder this import is for. */
  target: string;
  format: InputFormat | null;
  /** --fresh: remove any checkpoint for this target and plan every file. */
  fresh: boolean;
  files: readonly CaseFileRef[];
  info: (text: string) => void;
}

/**
 * Finds the checkpoint a stopped import left for the same target (the newest; older ones are
 * removed) and resumes from it: the files it planned that are unchanged keep their plans
 * (`reusablePrefix`), the rest are planned. A checkpoint of other code or another format, or
 * whose first file changed, is removed with a line saying why; with `fresh`, every one is.
 */
export async function startOrResume(options: StartOptions): Promise<Start> {
  const { target, format, files, info } = options;
  const found = resumableSpills(options.places)
    .map((spill) => ({ spill, checkpoint: readCheckpoint(spill.spillDir) }))
    .filter(({ checkpoint }) => !checkpoint.ok || checkpoint.head.target === target)
    .sort((a, b) => modified(b.spill) - modified(a.spill));
  const now = { code: loaderCode(), format };
  const head: CheckpointHead = { ...now, target, files: files.length, started: new Date().toISOString() };
  for (const [n, { spill, checkpoint }] of found.entries()) {
    const why = options.fresh ? 'starting over (--fresh)' : n > 0 ? 'a newer checkpoint for the same import comes first' : !checkpoint.ok ? checkpoint.reason : staleReason(checkpoint.head, now);
    if (why || !checkpoint.ok) {
      discard(spill, why!, info);
      continue;
    }
    const hashes = new SourceHashes(format);
    hashes.request(files.slice(0, checkpoint.entries.size));
    const reuse = await reusablePrefix(files, checkpoint, (file) => hashes.of(file));
    if (reuse.entries.length === 0) {
      await hashes.close();
      discard(spill, reuse.changed ? `${reuse.changed} changed since` : 'it holds no file planned', info);
      continue;
    }
    const spillDir = adopt(spill, options.dir);
    const plansSpill = new SpillFile(path.join(spillDir, PLANS_FILE), reuse.planBytes);
    const journal = new PlanJournal(spillDir, head, reuse.entries);
    const changed = reuse.changed ? `; ${reuse.changed} changed since: it and the files after it are planned again` : '';
    info(`Resuming: ${reuse.entries.length} of ${files.length} files already planned (the checkpoint in ${spillDir})${changed}.`);
    return { spillDir, plansSpill, journal, reuse: reuse.entries.map((entry) => entry.at), hashes };
  }
  const spillDir = makeSpillDir(options.dir);
  return { spillDir, plansSpill: new SpillFile(path.join(spillDir, PLANS_FILE)), journal: new PlanJournal(spillDir, head), reuse: [] };
}

/** Says how to resume a stopped import whose planning was kept. */
export function stoppedLine(spillDir: string, planned: number, files: number): string {
  return `Stopped: the planning of ${planned} of ${files} files is kept in ${spillDir}; the same command resumes from it (--fresh starts over).`;
}

function modified({ spillDir }: ResumableSpill): number {
  return statSync(path.join(spillDir, CHECKPOINT_FILE), { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

function discard({ spillDir, dir, whole }: ResumableSpill, why: string, info: (text: string) => void): void {
  rmSync(whole ? dir : spillDir, { recursive: true, force: true });
  info(`Removed the checkpoint of a stopped offline import in ${spillDir}: ${why}.`);
}

/** Makes a stopped import's spill folder this import's: moved into its folder (the old temporary folder removed), owned, pruned. */
function adopt({ spillDir, dir, whole }: ResumableSpill, into: string): string {
  let kept = spillDir;
  if (whole && dir !== into) {
    kept = path.join(into, path.basename(spillDir));
    renameSync(spillDir, kept);
    rmSync(dir, { recursive: true, force: true });
  }
  adoptSpillDir(kept);
  pruneSpillDir(kept);
  return kept;
}
