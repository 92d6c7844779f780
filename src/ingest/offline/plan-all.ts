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

/** A list whose items are made (or read back from disk) as it is gone through, not held. */
export interface Listed<T> extends Iterable<T> {
  readonly length: number;
}

export interface PlannedFiles {
  /** Valid files with their plans, in the order the normal path loads them (a file after those it refers to). */
  plans: Listed<PlannedFile>;
  /** The cases a valid plan of which has a `contribution` key of its own (only these can have several contributions). */
  splitCases: Set<string>;
  /** Every problem of every invalid file (read back from the spill file). */
  invalid: Listed<{ file: CaseFileRef; problems: Problem[] }>;
  /** Empty exports: nothing to load. */
  empty: Listed<{ file: CaseFileRef; reason: string }>;
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

/** Where planning keeps what it has of each file: the spill file, or memory when there is none. */
interface Records {
  add(value: unknown): SpillAt;
  at(place: SpillAt): unknown;
}

/** Records held in memory (planning without a spill file): a place is a slot. */
class HeldRecords implements Records {
  private readonly values: unknown[] = [];
  add(value: unknown): SpillAt {
    return { offset: this.values.push(value) - 1, length: 0 };
  }
  at({ offset }: SpillAt): unknown {
    return this.values[offset];
  }
  /** Lets go of a record no longer asked for (a verdict replaced by a later check). */
  free({ offset }: SpillAt): void {
    this.values[offset] = undefined;
  }
}

const UNCHECKED = 0;
const VALID = 1;
const INVALID = 2;
const EMPTY = 3;

/**
 * What planning knows of each file, by its place in the import's list, in typed arrays (about
 * 30 bytes a file whatever it holds): its verdict, the version of what the files define it was
 * checked against, and where its record is (its plan when valid, its problems when invalid, why
 * it is empty), and for a valid file where the ids it refers to are (for the load order). The
 * records themselves wait in the spill file.
 */
class Verdicts {
  readonly state: Uint8Array;
  readonly seen: Uint32Array;
  private readonly offsets: Float64Array;
  private readonly lengths: Uint32Array;
  private readonly refOffsets: Float64Array;
  private readonly refLengths: Uint32Array;

  constructor(files: number) {
    this.state = new Uint8Array(files);
    this.seen = new Uint32Array(files);
    this.offsets = new Float64Array(files);
    this.lengths = new Uint32Array(files);
    this.refOffsets = new Float64Array(files);
    this.refLengths = new Uint32Array(files);
  }

  set(i: number, state: number, { offset, length }: SpillAt): void {
    this.state[i] = state;
    this.offsets[i] = offset;
    this.lengths[i] = length;
  }

  place(i: number): SpillAt {
    return { offset: this.offsets[i]!, length: this.lengths[i]! };
  }

  setRefs(i: number, { offset, length }: SpillAt): void {
    this.refOffsets[i] = offset;
    this.refLengths[i] = length;
  }

  refs(i: number): SpillAt {
    return { offset: this.refOffsets[i]!, length: this.refLengths[i]! };
  }

  /** The files in this state, in the list's order. */
  indexes(state: number): number[] {
    const found: number[] = [];
    for (let i = 0; i < this.state.length; i++) if (this.state[i] === state) found.push(i);
    return found;
  }
}

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
 * With a spill file, what planning keeps of a file goes there as soon as the file is checked
 * (a valid file's plan and the ids it refers to, for the load order; an invalid file's problems;
 * why a file is empty) and memory keeps only its place (`Verdicts`), so that planning's memory
 * does not grow with the files; what validation asks of the other files is kept lean and on
 * disk beyond a bound (`DefinitionIndex`: no document text, read back from the spill file when
 * asked). Either way it notes the cases that have contributions of their own (`splitCases`, for
 * the merge). A signal stops it between files.
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
  const records: Records = spill ?? new HeldRecords();
  const verdicts = new Verdicts(files.length);
  // What the files define names each file by its place in the list; a document's text is read back from its file's plan when validation asks for it.
  const textOf = (definer: string, id: string) => {
    const plan = records.at(verdicts.place(Number(definer))) as GraphPlan;
    const text = plan.nodes.find((node) => node.id === id)?.props.text;
    return typeof text === 'string' ? text : undefined;
  };
  // With a spill file, what the files define is held on disk beyond a bound (next to the spill file).
  const batch = spill ? new DefinitionIndex(path.dirname(spill.path), textOf, indexLimit) : new BatchDefinitions();
  try {
    return await planAll({ files, format, planned, batch, records, verdicts, spilled: spill !== undefined, signal, pool, resume });
  } finally {
    if (batch instanceof DefinitionIndex) batch.close();
  }
}

interface Planning {
  files: readonly CaseFileRef[];
  format: InputFormat | undefined;
  planned: (file: CaseFileRef, index: number) => void;
  batch: BatchDefinitions | DefinitionIndex;
  records: Records;
  verdicts: Verdicts;
  /** Records are in the spill file (else held in memory). */
  spilled: boolean;
  signal: AbortSignal | undefined;
  pool: PlanPool | undefined;
  resume: Resume | undefined;
}

async function planAll(planning: Planning): Promise<PlannedFiles> {
  const { files, format, planned, batch, records, verdicts, spilled, signal, pool, resume } = planning;
  const lookup = batch.lookupWith(nothingInTheGraph);
  const hashes = new Map<CaseFileRef, string | null>();
  const splitCases = new Set<string>();
  const addPlan = (i: number, plan: GraphPlan, at: SpillAt) => {
    verdicts.set(i, VALID, at);
    verdicts.setRefs(i, records.add(referencedIds(plan)));
    batch.add(String(i), plan);
    if (plan.contribution !== undefined) splitCases.add(ownString(plan.caseId));
  };
  // Only the verdict is kept (not the case file a record became), in the spill file when there is one.
  const keep = (i: number, { plan, problems, empty }: FileCheck) => {
    if (verdicts.state[i] !== UNCHECKED && records instanceof HeldRecords) records.free(verdicts.place(i));
    verdicts.seen[i] = batch.version;
    if (plan) addPlan(i, plan, records.add(plan));
    else if (problems) verdicts.set(i, INVALID, records.add(problems));
    else if (empty !== undefined) verdicts.set(i, EMPTY, records.add(empty));
  };
  const check = async (i: number) => keep(i, await checkFile(files[i]!, lookup, format));
  // A plan an earlier, stopped run made of this same file (with the same files before it): read back, not planned again.
  const keepSpilled = (i: number, at: SpillAt) => {
    verdicts.seen[i] = batch.version;
    addPlan(i, records.at(at) as GraphPlan, at);
  };
  const reused = (i: number) => (spilled ? resume?.reuse[i] : undefined);

  // A worker's questions are answered at once, from what the files planned so far define, and
  // the answers kept; in its turn a file's verdict stands if every answer is still the same to
  // validation (`sameAnswers`; it depends on nothing else), else the file is checked again here.
  const answers = new Map<number, { ids: string[]; found: Map<string, GraphNodeInfo> }[]>();
  const remote: (ReturnType<PlanPool['check']> | undefined)[] = pool
    ? files.map((file, i) =>
        !file.joins && !reused(i)
          ? pool.check(file, async (ids) => {
              const found = await lookup(ids);
              (answers.get(i) ?? answers.set(i, []).get(i)!).push({ ids, found: new Map(found) });
              return found;
            })
          : undefined,
      )
    : [];
  const stillAnswered = async (i: number) => {
    for (const { ids, found } of answers.get(i) ?? []) if (!sameAnswers(await lookup(ids), found)) return false;
    return true;
  };
  for (const [i, file] of files.entries()) {
    signal?.throwIfAborted();
    const at = reused(i);
    const result = await remote[i];
    if (result) hashes.set(file, result.hash);
    if (at) keepSpilled(i, at);
    else if (result && (await stillAnswered(i))) keep(i, result);
    else await check(i);
    remote[i] = undefined;
    answers.delete(i);
    resume?.planned(file, i, spilled && verdicts.state[i] === VALID ? verdicts.place(i) : null, result?.hash);
    planned(file, i);
  }
  const stale = (i: number) => verdicts.state[i] === INVALID && verdicts.seen[i]! < batch.version;
  let pending = verdicts.indexes(INVALID).filter(stale);
  while (pending.length > 0) {
    const before = batch.version;
    for (const i of pending) {
      signal?.throwIfAborted();
      await check(i);
    }
    if (batch.version === before) break;
    pending = pending.filter(stale);
  }
  return {
    plans: inLoadOrder(planning),
    splitCases,
    invalid: listed(verdicts.indexes(INVALID), (i) => ({ file: files[i]!, problems: records.at(verdicts.place(i)) as Problem[] })),
    empty: listed(verdicts.indexes(EMPTY), (i) => ({ file: files[i]!, reason: records.at(verdicts.place(i)) as string })),
    hashes,
  };
}

/**
 * The valid files in the normal path's load order (a file after the files defining what it
 * refers to, else in the list's order), each with its plan's place (or its plan, held).
 */
function inLoadOrder({ files, batch, records, verdicts, spilled }: Planning): Listed<PlannedFile> {
  const byName = (a: number, b: number) => {
    const [x, y] = [files[a]!.display, files[b]!.display];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // The files defining what a file refers to, by name (as the normal path orders them).
  const providers = (i: number) => batch.providersOf(String(i), records.at(verdicts.refs(i)) as string[]).map(Number).sort(byName);
  const order = Uint32Array.from(loadOrder(verdicts.indexes(VALID), providers));
  return listed(order, (i) => (spilled ? { file: files[i]!, at: verdicts.place(i) } : { file: files[i]!, plan: records.at(verdicts.place(i)) as GraphPlan }));
}

/** Items made from these indexes as they are gone through. */
function listed<T>(indexes: ArrayLike<number> & Iterable<number>, item: (i: number) => T): Listed<T> {
  return {
    length: indexes.length,
    *[Symbol.iterator]() {
      for (const i of indexes) yield item(i);
    },
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
