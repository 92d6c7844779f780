import { BatchDefinitions, loadOrder } from '../cli/batch.js';
import { checkFile, type FileCheck } from '../cli/check-file.js';
import type { CaseFileRef } from '../cli/files.js';
import type { GraphPlan } from '../casefile/plan.js';
import type { InputFormat } from '../pipeline/prepare.js';
import type { Problem } from '../casefile/problems.js';

export interface PlannedFiles {
  /** Valid files with their plans, in the order the normal path loads them (a file after those it refers to). */
  plans: { file: CaseFileRef; plan: GraphPlan }[];
  /** Every problem of every invalid file. */
  invalid: { file: CaseFileRef; problems: Problem[] }[];
  /** Empty exports: nothing to load. */
  empty: { file: CaseFileRef; reason: string }[];
}

/** The store is empty: validation finds no id in the graph, only in the files of this import. */
const nothingInTheGraph = async () => new Map();

/**
 * Validates and plans every file as the normal path does against an empty graph: a file may
 * refer to what another file of the import defines, and is validated again once it is defined,
 * until no more files become valid. Then puts the valid files in the normal path's load order.
 */
export async function planFiles(files: readonly CaseFileRef[], format: InputFormat | undefined, planned: (file: CaseFileRef) => void): Promise<PlannedFiles> {
  const batch = new BatchDefinitions();
  const lookup = batch.lookupWith(nothingInTheGraph);
  const checked = new Map<CaseFileRef, FileCheck & { seen: number }>();
  const check = async (file: CaseFileRef) => {
    // Only the verdict is kept (not the case file a record became): memory holds a plan per file.
    const { plan, problems, empty } = await checkFile(file, lookup, format);
    const result = { ...(plan && { plan }), ...(problems && { problems }), ...(empty !== undefined && { empty }) };
    checked.set(file, { ...result, seen: batch.version });
    if (result.plan) batch.add(file.display, result.plan);
  };
  for (const file of files) {
    await check(file);
    planned(file);
  }
  let pending = files.filter((file) => checked.get(file)!.problems && checked.get(file)!.seen < batch.version);
  while (pending.length > 0) {
    const before = batch.version;
    for (const file of pending) await check(file);
    if (batch.version === before) break;
    pending = pending.filter((file) => checked.get(file)!.problems && checked.get(file)!.seen < batch.version);
  }

  const valid = files.filter((file) => checked.get(file)!.plan);
  const byName = new Map(valid.map((file) => [file.display, file]));
  const providers = (file: CaseFileRef) => batch.providersOf(file.display, checked.get(file)!.plan!).map((name) => byName.get(name)!);
  return {
    plans: loadOrder(valid, providers).map((file) => ({ file, plan: checked.get(file)!.plan! })),
    invalid: files.filter((file) => checked.get(file)!.problems).map((file) => ({ file, problems: checked.get(file)!.problems! })),
    empty: files.filter((file) => checked.get(file)!.empty !== undefined).map((file) => ({ file, reason: checked.get(file)!.empty! })),
  };
}
