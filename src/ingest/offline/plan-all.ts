import path from 'node:path';
import { BatchDefinitions, loadOrder, referencedIds } from '../cli/batch.js';
import { checkFile, type FileCheck } from '../cli/check-file.js';
import type { CaseFileRef } from '../cli/files.js';
import type { GraphPlan } from '../casefile/plan.js';
import type { InputFormat } from '../pipeline/prepare.js';
import type { Problem } from '../casefile/problems.js';
import { sameAnswers, type GraphNodeInfo } from '../casefile/validate.js';
import { touchedIds } from './merged-graph.js';
import type { PlanPool } from './plan-pool.js';
import { ownString } from '../../shared/strings.js';
import type { SpillAt, SpillFile } from './spill.js';
import { DefinitionIndex } from './definition-index.js';

/** A valid file's plan: held (`plan`), or waiting in the spill file at `at`. */
export interface PlannedFile {
  file: CaseFileRef;
  plan?: GraphPlan;
  at?: SpillAt;
}

export interface PlannedFiles {
  /** Valid files with their plans, in the order the normal path loads them (a file after those it refers to). */
  plans: PlannedFile[];
  /** The cases a valid plan of which has a `contribution` key of its own (only these can have several contributions). */
  splitCases: Set<string>;
  /** Every problem of every invalid file. */
  invalid: { file: CaseFileRef; problems: Problem[] }[];
  /** Empty exports: nothing to load. */
  empty: { file: CaseFileRef; reason: string }[];
  /** Source hashes the pool computed (null: the file cannot be read). */
  hashes: Map<CaseFileRef, string | null>;
}

/**
 * Planning resumed from a stopped import's checkpoint (`checkpoint.ts`): `reuse[i]` is where the
 * plan of file i is in the spill file (null or missing: plan it); `planned` is told each file's
 * verdict in the first pass (its plan's place, null when it has none; its hash when a worker
 * computed it).
 */
export interface Resume {
  reuse: readonly (SpillAt | null)[];
  planned(file: CaseFileRef, index: number, at: SpillAt | null, hash: string | null | undefined): void;
}

/** The store is empty: validation finds no id in the graph, only in the files of this import. */
const nothingInTheGraph = async () => new Map();

/**
 * Validates and plans every file as the normal path does against an empty graph: a file may
 * refer to what another file of the import defines, and is validated again once it is defined,
 * until no more files become valid. Then puts the valid files in the normal path's load order.
 *
 * With a pool, workers read, validate and plan the files (and hash them) in parallel. Their
 * questions about what is defined are answered at once; a file's verdict is taken, in its turn,
 * only if each answer is the one it would get then (when the files are planned one after the
 * other here), else the file is checked again here: the same verdicts either way. Files the pool
 * cannot take (a CourtListener record joined to the run's others, a worker that failed) are
 * checked here, in their turn.
 *
 * With a spill file, each valid plan goes there as soon as it is planned and only its place and
 * the ids it refers to (for the load order) stay; what validation asks of the other files is
 * kept lean (no document text: read back from the spill file when asked). Either way it notes
 * the cases that have contributions of their own (`splitCases`, for the merge). A signal stops
 * it between files.
 */
export async function planFiles(
  files: readonly CaseFileRef[],
  format: InputFormat | undefined,
  planned: (file: CaseFileRef, index: number) => void,
  pool?: PlanPool,
  spill?: SpillFile,
  signal?: AbortSignal,
  indexLimit?: number,
  resume?: Resume,
): Promise<PlannedFiles> {
  const spilled = new Map<string, SpillAt>();
  // With a spill file, a document's text is read back from its file's plan when validation asks for it.
  const textOf = (definer: string, id: string) => {
    const plan = spill!.at(spilled.get(definer)!) as GraphPlan;
    const text = plan.nodes.find((node) => node.id === id)?.props.text;
    return typeof text === 'string' ? text : undefined;
  };
  // With a spill file, what the files define is held on disk beyond a bound (next to the spill file).
  const batch = spill ? new DefinitionIndex(path.dirname(spill.path), textOf, indexLimit) : new BatchDefinitions();
  try {
    return await planAll(files, format, planned, batch, spill, signal, pool, spilled, resume);
  } finally {
    if (batch instanceof DefinitionIndex) batch.close();
  }
}

async function planAll(
  files: readonly CaseFileRef[],
  format: InputFormat | undefined,
  planned: (file: CaseFileRef, index: number) => void,
  batch: BatchDefinitions | DefinitionIndex,
  spill: SpillFile | undefined,
  signal: AbortSignal | undefined,
  pool: PlanPool | undefined,
  spilled: Map<string, SpillAt>,
  resume: Resume | undefined,
): Promise<PlannedFiles> {
  const lookup = batch.lookupWith(nothingInTheGraph);
  const checked = new Map<CaseFileRef, Omit<FileCheck, 'imported' | 'notes'> & { seen: number; at?: SpillAt; refs?: string[] }>();
  const hashes = new Map<CaseFileRef, string | null>();
  const splitCases = new Set<string>();
  const keep = (file: CaseFileRef, { plan, problems, empty }: FileCheck) => {
    // Only the verdict is kept (not the case file a record became); with a spill file, the plan waits there.
    const result = { ...(plan && !spill && { plan }), ...(problems && { problems }), ...(empty !== undefined && { empty }) };
    checked.set(file, { ...result, seen: batch.version });
    if (!plan) return;
    if (spill) {
      const at = spill.add(plan);
      spilled.set(file.display, at);
      checked.set(file, { ...result, seen: batch.version, at, refs: referencedIds(plan).map(ownString) });
    }
    batch.add(file.display, plan);
    if (plan.contribution !== undefined) splitCases.add(ownString(plan.caseId));
  };
  const check = async (file: CaseFileRef) => keep(file, await checkFile(file, lookup, format));
  // A plan an earlier, stopped run made of this same file (with the same files before it): read back, not planned again.
  const keepSpilled = (file: CaseFileRef, at: SpillAt) => {
    const plan = spill!.at(at) as GraphPlan;
    checked.set(file, { seen: batch.version, at, refs: referencedIds(plan).map(ownString) });
    spilled.set(file.display, at);
    batch.add(file.display, plan);
    if (plan.contribution !== undefined) splitCases.add(ownString(plan.caseId));
  };
  const reused = (i: number) => (spill ? resume?.reuse[i] : undefined);

  // A worker's questions are answered at once, from what the files planned so far define, and
  // the answers kept; in its turn a file's verdict stands if every answer is still the same to
  // validation (`sameAnswers`; it depends on nothing else), else the file is checked again here.
  const answers = new Map<number, { ids: string[]; found: Map<string, GraphNodeInfo> }[]>();
  const remote = files.map((file, i) =>
    pool && !file.joins && !reused(i)
      ? pool.check(file, async (ids) => {
          const found = await lookup(ids);
          (answers.get(i) ?? answers.set(i, []).get(i)!).push({ ids, found: new Map(found) });
          return found;
        })
      : undefined,
  );
  const stillAnswered = async (i: number) => {
    for (const { ids, found } of answers.get(i) ?? []) if (!sameAnswers(await lookup(ids), found)) return false;
    return true;
  };
  for (const [i, file] of files.entries()) {
    signal?.throwIfAborted();
    const at = reused(i);
    const result = await remote[i];
    if (result) hashes.set(file, result.hash);
    if (at) keepSpilled(file, at);
    else if (result && (await stillAnswered(i))) keep(file, result);
    else await check(file);
    remote[i] = undefined;
    answers.delete(i);
    resume?.planned(file, i, checked.get(file)!.at ?? null, result?.hash);
    planned(file, i);
  }
  let pending = files.filter((file) => checked.get(file)!.problems && checked.get(file)!.seen < batch.version);
  while (pending.length > 0) {
    const before = batch.version;
    for (const file of pending) {
      signal?.throwIfAborted();
      await check(file);
    }
    if (batch.version === before) break;
    pending = pending.filter((file) => checked.get(file)!.problems && checked.get(file)!.seen < batch.version);
  }

  const valid = files.filter((file) => checked.get(file)!.plan || checked.get(file)!.at);
  const byName = new Map(valid.map((file) => [file.display, file]));
  const refsOf = (file: CaseFileRef) => checked.get(file)!.refs ?? referencedIds(checked.get(file)!.plan!);
  const providers = (file: CaseFileRef) => batch.providersOf(file.display, refsOf(file)).map((name) => byName.get(name)!);
  return {
    plans: loadOrder(valid, providers).map((file) => {
      const { plan, at } = checked.get(file)!;
      return { file, ...(plan && { plan }), ...(at && { at }) };
    }),
    splitCases,
    invalid: files.filter((file) => checked.get(file)!.problems).map((file) => ({ file, problems: checked.get(file)!.problems! })),
    empty: files.filter((file) => checked.get(file)!.empty !== undefined).map((file) => ({ file, reason: checked.get(file)!.empty! })),
    hashes,
  };
}

/** Per entity, the plans that touch it; per case, its contributions (for MergedGraph's stream). */
export function countTouches(plan: GraphPlan, touches: Map<string, number>, contributionsOfCase: Map<string, number>): void {
  for (const id of touchedIds(plan)) {
    const count = touches.get(id);
    if (count === undefined) touches.set(ownString(id), 1);
    else touches.set(id, count + 1);
  }
  const cases = contributionsOfCase.get(plan.caseId);
  if (cases === undefined) contributionsOfCase.set(ownString(plan.caseId), 1);
  else contributionsOfCase.set(plan.caseId, cases + 1);
}
