import type { Executor, TransactionRunner } from '../../neo4j/executor.js';
import { DEFINED_BY, definerCount, ofOtherCase, parseDefiners, storeDefiners, withDefiner, withoutDefiner, type Definers } from './definers.js';
import { addStatement, BOOKKEEPING, caseOf, differingFields, mergeStatements, nodeStatement, storedStatement, type Merged, type Statement } from './merge.js';
import { contributionOf, type GraphPlan } from '../casefile/plan.js';
import * as q from './write-queries.js';
import { manifestOf, nodeStatementHash, statementHash, StatementIndex, unpackManifest, type LockedManifest, type ManifestContents, type ManifestRow, type StoredManifest } from './manifest.js';
import { groupDisjoint, type PreviousLoad } from './write-groups.js';
import { CHUNK, StatementPipeline } from './statement-pipeline.js';

export interface WriteSummary {
  caseId: string;
  /** The contribution written: the case id, or `<case id>#<key>`. */
  contribution: string;
  nodes: number;
  relationships: number;
  passages: number;
  removedNodes: number;
  removedRelationships: number;
}

/**
 * A case read as new was loaded by someone else between that read and this write's lock on it
 * (two imports of one new case at once): the write is rolled back, to be planned again
 * against the graph as it now is.
 */
export class LoadedMeanwhileError extends Error {
  constructor(readonly caseIds: string[]) {
    super(`case(s) ${caseIds.join(', ')} were loaded by another import meanwhile`);
    this.name = 'LoadedMeanwhileError';
  }
}

/** A plan to write, with the hash of the files it came from (kept to skip unchanged seeds). */
export interface PlanToWrite {
  plan: GraphPlan;
  sourceHash?: string | null;
}

/**
 * A file defines a node another case defines, with other fields, and neither declares it
 * shared: loading it would change what the other case says. Nothing of the file is written.
 */
export class ContributionConflictError extends Error {
  constructor(
    readonly caseId: string,
    readonly nodeId: string,
    readonly otherCase: string,
    readonly fields: string[],
  ) {
    super(
      `case "${caseId}" defines "${nodeId}", which case "${otherCase}" already defines with another ${fields.join(', ')}; ` +
        'no case may change what another case says. Give this entity an id of its own, or declare ' +
        `\`sameAs: ${nodeId}\` to add names and sources to it, or mark both definitions \`shared: true\` when it is one identity both cases state (a judge, a court).`,
    );
    this.name = 'ContributionConflictError';
  }
}

/** The manifest of a contribution as its last load left it, unpacked. */
type ManifestState = PreviousLoad & ManifestContents & {
  owner: string;
  /** Whether other contributions of its case are in the graph. */
  siblings: boolean;
};

/**
 * Writes several contributions in ONE transaction: all of them or none. This is the write step
 * of `importPlans` (import.ts), the one way plans are loaded (seeds, the command line, the
 * `importCase` mutation); it writes what it is given, whether or not it changed. The graph ends as if
 * they had been written one after another: contributions that write the same nodes are written
 * in successive steps of the transaction, the others together, a statement per step for each
 * kind of row, so a batch costs about as many round trips as a single case.
 */
export async function writePlans(executor: Executor, items: PlanToWrite[], options: { expectNew?: ReadonlySet<string> } = {}): Promise<WriteSummary[]> {
  if (items.length === 0) return [];
  const owners = items.map((i) => contributionOf(i.plan));
  const twice = owners.find((owner, i) => owners.indexOf(owner) !== i);
  if (twice !== undefined) throw new Error(`contribution "${twice}" appears twice in one batch; write it once`);
  // Packed before the transaction opens (deflating is the loader's work; Neo4j's locks need not wait for it).
  const packed = new Map(items.map((i) => [contributionOf(i.plan), manifestOf(i.plan, i.sourceHash ?? null)]));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeOnce(executor, items, owners, packed, options);
    } catch (error) {
      if (attempt >= CREATE_ATTEMPTS || !createdMeanwhile(error)) throw error;
    }
  }
}

/** Times a write is planned again when a node it read as absent was created meanwhile. */
const CREATE_ATTEMPTS = 3;

/**
 * New nodes are created without MERGE's check; a node another transaction created after this
 * one read it as absent fails the unique constraint, and the whole write is planned again.
 */
function createdMeanwhile(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

async function writeOnce(executor: Executor, items: PlanToWrite[], owners: string[], packed: ReadonlyMap<string, ManifestRow>, options: { expectNew?: ReadonlySet<string> }): Promise<WriteSummary[]> {
  return executor.transaction((tx) => {
    const pipe = new StatementPipeline(tx);
    return pipe.run(async () => {
      const locked = await pipe.send<LockedManifest>(q.lockCases(owners));
      const manifests: ManifestState[] = locked.map((m) => ({ owner: m.owner, existed: m.existed, siblings: m.siblings, ...unpackManifest(m) }));
      const previous = new Map(manifests.map((m) => [m.owner, m]));
      const raced = manifests.filter((m) => m.existed && options.expectNew?.has(m.owner)).map((m) => m.owner);
      if (raced.length > 0) throw new LoadedMeanwhileError(raced);
      const touched = new Set<string>();
      for (const { plan } of items) {
        for (const id of [...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds, ...previous.get(contributionOf(plan))!.nodeIds]) touched.add(id);
      }
      // What exists once locked; what does not can only be created by this write (or, created
      // meanwhile by another, fail its CREATE on the unique constraint: the write is then planned again).
      const locks = await pipe.readChunks<string, { id: string }>([...touched].sort(), q.lockNodes);
      const mayExist = new Set(locks.map((l) => l.id));
      const removed = new Map(owners.map((o) => [o, { nodes: 0, relationships: 0 }]));
      const caseIds = items.map((i) => i.plan.caseId);
      const casesTwice = new Set(caseIds.filter((id, i) => caseIds.indexOf(id) !== i));
      const checks: Promise<void>[] = [];
      for (const group of groupDisjoint(items.map((i) => i.plan), previous)) {
        await writeGroup({ pipe, tx, previous, removed, casesTwice, mayExist, checks }, group);
        void pipe.sendChunks(group.map((plan) => packed.get(contributionOf(plan))!), q.saveManifests);
      }
      await Promise.all(checks);
      return items.map(({ plan }) => {
        const owner = contributionOf(plan);
        return {
          caseId: plan.caseId,
          contribution: owner,
          nodes: plan.nodes.length,
          relationships: plan.relationships.length,
          passages: plan.passages.length,
          removedNodes: removed.get(owner)!.nodes,
          removedRelationships: removed.get(owner)!.relationships,
        };
      });
    });
  });
}

type Removed = Map<string, { nodes: number; relationships: number; passages?: number }>;

/** What the groups of one write share. */
interface WriteContext {
  pipe: StatementPipeline;
  tx: TransactionRunner;
  previous: Map<string, ManifestState>;
  removed: Removed;
  casesTwice: ReadonlySet<string>;
  /** Nodes that existed when locked or that an earlier group wrote: only these can have a state to read. */
  mayExist: Set<string>;
  /** Checks of what the statements sent wrote, awaited at the end of the write. */
  checks: Promise<void>[];
}

/** Registers a check of a statement's count, awaited with the others at the end of the write. */
function check(ctx: WriteContext, written: Promise<number>, expected: number, problem: (written: number) => string): void {
  const done = written.then((n) => {
    if (n !== expected) throw new Error(problem(n));
  });
  done.catch(() => {});
  ctx.checks.push(done);
}

/**
 * Contributions whose writes touch no common node: each statement takes the rows of all of them.
 * The writes are sent without waiting for their results; only what the next rows depend on
 * (the states of nodes, passages and relationships that may exist) is awaited.
 */
async function writeGroup(ctx: WriteContext, plans: GraphPlan[]): Promise<void> {
  const { pipe, tx, previous } = ctx;
  const { created, updated, missingAliases } = await nodeRows(ctx, plans);
  if (missingAliases > 0) throw new Error(`${missingAliases} sameAs entities disappeared during the load`);
  void pipe.sendChunks(created, q.createNodes);
  void pipe.sendChunks(updated, q.updateNodes);
  const passages = await passageRows(ctx, plans);
  void pipe.sendChunks(passages.created, q.createPassages);
  void pipe.sendChunks(passages.updated, q.updatePassages);
  for (const plan of plans) for (const node of [...plan.nodes, ...plan.aliases]) ctx.mayExist.add(node.id);
  const external = plans.flatMap((plan) => plan.externalIds.map((id) => ({ id, owner: contributionOf(plan) })));
  check(ctx, pipe.sendChunks(external, q.touchExternal), external.length, (n) => `${external.length - n} referenced node(s) disappeared during the load`);

  // A contribution may create its case's relationships outright only when nothing else states
  // them: no earlier load of it, no other contribution of its case, before or in this batch.
  const fresh = (plan: GraphPlan) => {
    const before = previous.get(contributionOf(plan))!;
    return !before.existed && !before.siblings && !ctx.casesTwice.has(plan.caseId);
  };
  const rels = await relationshipRows(tx, plans.filter((p) => !fresh(p)));
  const made = pipe.sendChunks([...plans.filter(fresh).flatMap(soleRows), ...rels.created], q.createRelationships);
  const changed = pipe.sendChunks(rels.updated, q.updateRelationships);
  const planned = plans.reduce((sum, p) => sum + p.relationships.length, 0);
  check(ctx, Promise.all([made, changed]).then(([a, b]) => a + b), planned, (n) => `only ${n} of ${planned} relationships found both ends; nothing was written`);

  for (const plan of plans) await releaseStale(tx, plan, previous.get(contributionOf(plan))!, ctx.removed);
}

/** `list` with `value` added at its end, unless it holds it already (as the statements did in Cypher). */
const withItem = (list: readonly string[], value: string) => (list.includes(value) ? [...list] : [...list, value]);

/**
 * Passages to create and to update (their owners and cases as they end). Only a passage of a
 * document that may exist can exist: the others' states are not asked for.
 */
async function passageRows(ctx: WriteContext, plans: GraphPlan[]): Promise<{ created: q.NewPassageRow[]; updated: q.PassageRow[] }> {
  const all = plans.flatMap((p) => p.passages.map((passage) => ({ plan: p, passage })));
  const states = new Map<string, { owners: string[]; caseIds: string[] }>();
  const asked = all.filter((a) => ctx.mayExist.has(a.passage.documentId)).map((a) => a.passage.id);
  for (const s of await ctx.pipe.readChunks<string, { id: string; owners: string[]; caseIds: string[] }>(asked, q.passageStates)) states.set(s.id, s);
  const created: q.NewPassageRow[] = [];
  const updated: q.PassageRow[] = [];
  for (const { plan, passage } of all) {
    const state = states.get(passage.id);
    if (!state) {
      created.push({ props: { ...passage }, by: { owner: contributionOf(plan), caseId: plan.caseId } });
      continue;
    }
    const props = { ...passage, owners: withItem(state.owners, contributionOf(plan)), caseIds: withItem(state.caseIds, plan.caseId) };
    updated.push({ id: passage.id, documentId: passage.documentId, props });
  }
  return { created, updated };
}

/** A node's current fields, without the write path's own lists or absent values. */
function currentFields(props: Record<string, unknown>): Record<string, unknown> {
  const skip = new Set<string>(BOOKKEEPING);
  return Object.fromEntries(Object.entries(props).filter(([key, value]) => value !== null && !skip.has(key) && !key.startsWith('_')));
}

/** Which contribution each field came from, as stored: JSON with sorted keys, so equal maps are equal strings. */
const json = (fieldOwners: Record<string, string> | null) =>
  fieldOwners === null ? null : JSON.stringify(Object.fromEntries(Object.entries(fieldOwners).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

interface Candidate {
  plan: GraphPlan;
  id: string;
  kind: string | null;
  statement: Statement;
  passageIds: string[];
  /** Hash of its statement as its manifest keeps it (sameAs names count as a statement, as there). */
  hash: string;
}

/**
 * What to set on each node the plans define (or add aliases to): the plan's fields for a node
 * no other contribution defines, else the merge of every contribution's statement (one
 * manifest read per distinct statement of the others). Refuses a definition that would change
 * fields another case defines (ContributionConflictError).
 */
async function nodeRows(ctx: WriteContext, plans: GraphPlan[]): Promise<{ created: q.NewNodeRow[]; updated: q.NodeRow[]; missingAliases: number }> {
  const { tx } = ctx;
  const candidates: Candidate[] = plans.flatMap((plan) => [
    ...plan.nodes.map((n) => ({ plan, id: n.id, kind: n.kind as string, statement: nodeStatement(n.props), passageIds: n.props.passageIds as string[], hash: nodeStatementHash(n.props) })),
    ...plan.aliases.map((a) => ({ plan, id: a.id, kind: null, statement: { aliases: a.aliases }, passageIds: a.passageIds, hash: statementHash(JSON.stringify({ aliases: a.aliases })) })),
  ]);
  const states = await nodeStatesOf(ctx, candidates);
  const decided = new Map<Candidate, Merged>();
  const recompute: Candidate[] = [];
  const checks: (Candidate & { state: NodeState })[] = [];
  for (const c of candidates) {
    const state = states.get(c.id);
    if (!state) {
      decided.set(c, { props: c.statement, fieldOwners: null });
      continue;
    }
    const current = currentFields(state.props);
    if (c.kind !== null && state.others.some((o) => o.ofOtherCase !== null) && !(current.shared === true && c.statement.shared === true)) checks.push({ ...c, state });
    const others = state.definers - (state.mine ? 1 : 0);
    if (others === 0) decided.set(c, mergeStatements(new Map([[contributionOf(c.plan), c.statement]]), Object.keys(current)));
    else if (!state.mine) decided.set(c, addStatement({ props: current, fieldOwners: parseOwners(state.fieldOwners), soleOwner: state.sole }, contributionOf(c.plan), c.statement));
    else recompute.push(c);
  }
  await refuseConflicts(tx, checks);
  if (recompute.length > 0) {
    const statements = await statementsOf(tx, recompute.map((c) => ({ id: c.id, owners: states.get(c.id)!.others.map((o) => o.owner) })));
    for (const c of recompute) {
      const all = new Map(statements.get(c.id) ?? []);
      all.set(contributionOf(c.plan), c.statement);
      const merged = mergeStatements(all, Object.keys(currentFields(states.get(c.id)!.props)).filter((f) => f !== 'text'));
      // The others' statements are kept without a text (an opinion's): unless this one gives one, the node keeps its own.
      const textOwner = parseOwners(states.get(c.id)!.fieldOwners)?.text;
      if (c.statement.text == null) delete merged.props.text;
      if (c.statement.text == null && textOwner !== undefined && merged.fieldOwners) merged.fieldOwners.text = textOwner;
      decided.set(c, merged);
    }
  }
  const rows = { created: [] as q.NewNodeRow[], updated: [] as q.NodeRow[], missingAliases: 0 };
  for (const c of candidates) {
    const state = states.get(c.id);
    const owner = contributionOf(c.plan);
    if (c.kind === null && !state) {
      rows.missingAliases += 1;
      continue;
    }
    if (!state) {
      const definedBy = storeDefiners(withDefiner(new Map(), c.id, owner, c.hash));
      rows.created.push({ kind: c.kind!, props: { ...c.statement, id: c.id, [DEFINED_BY]: definedBy }, by: { owner, caseId: c.plan.caseId }, passageIds: c.passageIds, hash: c.hash! });
      continue;
    }
    const merged = decided.get(c)!;
    const props = { ...merged.props, id: c.id, fieldOwners: json(merged.fieldOwners), [DEFINED_BY]: state.definedBy };
    rows.updated.push({ id: c.id, kind: c.kind, props, owner, states: { defines: true, passageIds: c.passageIds, hash: c.hash } });
  }
  return rows;
}

/** What a node is now, as far as a contribution about to state it needs to know. */
interface NodeState {
  id: string;
  /** Whether this contribution already defines it. */
  mine: boolean;
  /** How many contributions define it (this one included). */
  definers: number;
  /** The one contribution that defines it, when there is exactly one. */
  sole: string | null;
  /** The other definers' distinct statements. */
  others: q.OtherStatement[];
  fieldOwners: string | null;
  props: Record<string, unknown>;
  /** What the node keeps of its definers once this contribution's statement is written. */
  definedBy: string;
}

/**
 * The states of the candidates' nodes that exist, their definers read off the node
 * (`definedBy`). Only a node of a store written before, or one whose `definedBy` names this
 * contribution while others state the same, has its STATES read (definerSummaries).
 */
async function nodeStatesOf(ctx: WriteContext, candidates: Candidate[]): Promise<Map<string, NodeState>> {
  const asked = candidates.filter((c) => ctx.mayExist.has(c.id));
  const byId = new Map(asked.map((c) => [c.id, c]));
  const rows = await ctx.pipe.readChunks<{ id: string; owner: string; caseId: string }, q.NodeStateRow>(
    asked.map((c) => ({ id: c.id, owner: contributionOf(c.plan), caseId: c.plan.caseId })),
    q.nodeStates,
  );
  const states = new Map<string, NodeState>();
  const rescan: { row: q.NodeStateRow; c: Candidate }[] = [];
  for (const row of rows) {
    const c = byId.get(row.id)!;
    const others = otherDefiners(row, contributionOf(c.plan));
    if (others === null) rescan.push({ row, c });
    else states.set(row.id, nodeState(row, c, others));
  }
  const scanned = new Map<string, q.ScannedEntry[]>();
  await inChunks(ctx.tx, rescan.map(({ c }) => ({ id: c.id, owner: contributionOf(c.plan) })), q.definerSummaries, (r: { id: string; entries: q.ScannedEntry[] }) => void scanned.set(r.id, r.entries));
  for (const { row, c } of rescan) states.set(row.id, nodeState(row, c, definersOf(scanned.get(row.id) ?? [])));
  return states;
}

const definersOf = (entries: q.ScannedEntry[]): Definers => new Map(entries.map((e) => [e.hash, { ...e, count: Number(e.count) }]));

/**
 * A node's definers other than `owner`, off the node; null when they must be read from its
 * STATES: a store written before nodes kept them, or `owner` defines it and is a definer an
 * entry names while others state the same (at most three contributions per statement).
 */
function otherDefiners(row: q.NodeStateRow, owner: string): Definers | null {
  if (row.definedBy === null) return row.scanned === null ? null : definersOf(row.scanned);
  const kept = parseDefiners(row.definedBy);
  return row.mine ? withoutDefiner(kept, owner, row.mineHash!) : kept;
}

function nodeState(row: q.NodeStateRow, c: Candidate, others: Definers): NodeState {
  const owner = contributionOf(c.plan);
  const entries = [...others.values()];
  const definers = definerCount(others) + (row.mine ? 1 : 0);
  const sole = definers !== 1 ? null : row.mine ? owner : entries[0]!.first;
  return {
    id: row.id,
    mine: row.mine,
    definers,
    sole,
    others: entries.map((e) => ({ hash: e.hash, owner: e.first, ofOtherCase: ofOtherCase(e, c.plan.caseId) })),
    fieldOwners: row.fieldOwners,
    props: row.props,
    definedBy: storeDefiners(withDefiner(others, row.id, owner, c.hash)),
  };
}

/**
 * Refuses a definition of a node that another case defines with other fields (its own statement,
 * not what sameAs entries of other cases added to it), unless both say it is shared. Only
 * statements that differ from this one (by hash) are read, one contribution's each.
 */
async function refuseConflicts(tx: TransactionRunner, candidates: (Candidate & { state: NodeState })[]): Promise<void> {
  const asked = candidates.map((c) => ({ c, owners: c.state.others.filter((o) => o.ofOtherCase !== null && o.hash !== c.hash).map((o) => o.ofOtherCase!) }));
  const wanted = asked.filter((a) => a.owners.length > 0);
  if (wanted.length === 0) return;
  const statements = await statementsOf(tx, wanted.map(({ c, owners }) => ({ id: c.id, owners })));
  for (const { c, owners } of wanted) {
    const stated = statements.get(c.id) ?? new Map<string, Statement>();
    for (const [owner, theirs] of stated) {
      if (caseOf(owner) === c.plan.caseId || !('kind' in theirs)) continue;
      const fields = differingFields(theirs, storedStatement(c.statement));
      if (fields.length > 0) throw new ContributionConflictError(c.plan.caseId, c.id, caseOf(owner), fields);
    }
    // A case loaded before manifests kept statements: its node's fields are what it stated.
    const unstated = owners.find((owner) => !stated.has(owner));
    if (unstated !== undefined) {
      const { text: _, ...current } = currentFields(c.state.props);
      const fields = differingFields(current, storedStatement(c.statement));
      if (fields.length > 0) throw new ContributionConflictError(c.plan.caseId, c.id, caseOf(unstated), fields);
    }
  }
}

function parseOwners(text: string | null): Record<string, string> | null {
  return text === null ? null : (JSON.parse(text) as Record<string, string>);
}

/** Manifests read per statement: each may hold a few hundred KB of statements once unpacked. */
const MANIFEST_CHUNK = 100;

/** The statements some contributions' manifests keep (those saved; in either stored shape), indexed. */
async function statementIndexes(tx: TransactionRunner, owners: Iterable<string>): Promise<Map<string, StatementIndex>> {
  const wanted = [...new Set(owners)].sort();
  const found = new Map<string, StatementIndex>();
  for (let i = 0; i < wanted.length; i += MANIFEST_CHUNK) {
    const rows = await tx.run<StoredManifest & { owner: string }>(q.readManifests(wanted.slice(i, i + MANIFEST_CHUNK)));
    for (const row of rows) found.set(row.owner, new StatementIndex(unpackManifest(row)));
  }
  return found;
}

/** Some contributions' statements of some nodes, read from their manifests (by node id, then contribution). */
async function statementsOf(tx: TransactionRunner, rows: { id: string; owners: string[] }[]): Promise<Map<string, Map<string, Statement>>> {
  const indexes = await statementIndexes(tx, rows.flatMap((r) => r.owners));
  const found = new Map<string, Map<string, Statement>>();
  for (const { id, owners } of rows) {
    for (const owner of owners) {
      const statement = indexes.get(owner)?.node(id);
      if (statement !== undefined) (found.get(id) ?? found.set(id, new Map()).get(id)!).set(owner, JSON.parse(statement) as Statement);
    }
  }
  return found;
}

/** Relationships of a contribution of a case nobody else contributes to: its own statements. */
function soleRows(plan: GraphPlan): q.NewRelationshipRow[] {
  const by = { owner: contributionOf(plan), caseId: plan.caseId };
  return plan.relationships.map(({ type, id, from, to, props }) => ({ type, id, from, to, props: { ...props, id }, by }));
}

/**
 * Relationships of contributions loaded before, or of cases other contributions also state: a
 * relationship several contributions of one case state takes the merge of their statements.
 */
async function relationshipRows(tx: TransactionRunner, plans: GraphPlan[]): Promise<{ created: q.NewRelationshipRow[]; updated: q.RelationshipRow[] }> {
  const wanted = plans.flatMap((plan) => plan.relationships.map((rel) => ({ plan, rel })));
  const rows = { created: [] as q.NewRelationshipRow[], updated: [] as q.RelationshipRow[] };
  if (wanted.length === 0) return rows;
  const states = new Map<string, q.RelationshipState>();
  await inChunks(tx, wanted.map(({ rel }) => ({ type: rel.type, from: rel.from, to: rel.to, id: rel.id })), q.relationshipStates, (s: q.RelationshipState) => void states.set(q.relKey(s.key), s));
  const needOthers: { key: string; owners: string[] }[] = [];
  for (const { plan, rel } of wanted) {
    const state = states.get(q.relKey(rel));
    const others = state?.owners.filter((o) => o !== contributionOf(plan)) ?? [];
    if (others.length > 0 && state!.owners.includes(contributionOf(plan))) needOthers.push({ key: q.relKey(rel), owners: others });
  }
  const statements = await relationshipStatementsOf(tx, needOthers);
  for (const { plan, rel } of wanted) {
    const owner = contributionOf(plan);
    const key = q.relKey(rel);
    const state = states.get(key);
    const current = state ? currentFields(state.props) : {};
    const others = state?.owners.filter((o) => o !== owner) ?? [];
    let merged: Merged;
    if (others.length === 0) merged = mergeStatements(new Map([[owner, rel.props]]), Object.keys(current));
    else if (!state!.owners.includes(owner)) merged = addStatement({ props: current, fieldOwners: parseOwners(state!.fieldOwners), soleOwner: others.length === 1 ? others[0]! : null }, owner, rel.props);
    else merged = mergeStatements(new Map([...(statements.get(key) ?? []), [owner, rel.props]]), Object.keys(current));
    if (!state) {
      // Its owners ([owner]) follow from the contribution (createRelationships).
      rows.created.push({ type: rel.type, id: rel.id, from: rel.from, to: rel.to, props: { ...merged.props, id: rel.id, fieldOwners: json(merged.fieldOwners) }, by: { owner, caseId: plan.caseId } });
      continue;
    }
    const props = { ...merged.props, id: rel.id, owners: withItem(state.owners.filter((o) => typeof o === 'string'), owner), fieldOwners: json(merged.fieldOwners) };
    rows.updated.push({ type: rel.type, id: rel.id, from: rel.from, to: rel.to, props });
  }
  return rows;
}

async function relationshipStatementsOf(tx: TransactionRunner, rows: { key: string; owners: string[] }[]): Promise<Map<string, Map<string, Statement>>> {
  const indexes = await statementIndexes(tx, rows.flatMap((r) => r.owners));
  const found = new Map<string, Map<string, Statement>>();
  for (const { key, owners } of rows) {
    for (const owner of owners) {
      const statement = indexes.get(owner)?.relationship(key);
      if (statement !== undefined) (found.get(key) ?? found.set(key, new Map()).get(key)!).set(owner, JSON.parse(statement) as Statement);
    }
  }
  return found;
}

/**
 * Removes what a contribution's previous load stated and this plan no longer does (all of it
 * for a deleted contribution): what nobody else states goes; what others still state takes the
 * merge of their statements again, so a removal restores exactly what they said.
 */
export async function releaseStale(tx: TransactionRunner, plan: GraphPlan, before: PreviousLoad, removed: Removed): Promise<void> {
  const owner = contributionOf(plan);
  const caseId = plan.caseId;
  const keep = {
    rels: new Set(plan.relationships.map(q.relKey)),
    nodes: new Set([...plan.nodes.map((n) => n.id), ...plan.aliases.map((a) => a.id), ...plan.externalIds]),
    passages: new Set(plan.passages.map((p) => p.id)),
  };
  const count = (key: 'nodes' | 'relationships') => (row: { owner: string; removed: number }) => void ((removed.get(row.owner) ?? { nodes: 0, relationships: 0 })[key] += row.removed);
  const staleRels = before.relKeys.filter((k) => !keep.rels.has(k)).map((k) => ({ owner, caseId, ...q.parseRelKey(k) }));
  const keptRels: { key: q.RelKey; owners: string[] }[] = [];
  await inChunks(tx, staleRels, q.releaseRelationships, (row: { owner: string; removed: number; kept: { key: q.RelKey; owners: string[] }[] }) => {
    count('relationships')(row);
    keptRels.push(...row.kept);
  });
  if (keptRels.length > 0) {
    const statements = await relationshipStatementsOf(tx, keptRels.map((k) => ({ key: q.relKey(k.key), owners: k.owners })));
    const rows = keptRels.flatMap(({ key }) => {
      const found = statements.get(q.relKey(key));
      if (!found) return [];
      const merged = mergeStatements(found);
      return [{ ...key, props: { ...merged.props, fieldOwners: json(merged.fieldOwners) } }];
    });
    await inChunks(tx, rows, q.updateRelationships);
  }
  const staleNodes = before.nodeIds.filter((id) => !keep.nodes.has(id)).map((id) => ({ id, owner, caseId }));
  const released: q.ReleasedNode[] = [];
  await inChunks(tx, staleNodes, q.releaseEntities, (row: { owner: string; removed: number; kept: q.ReleasedNode[] }) => {
    count('nodes')(row);
    released.push(...row.kept);
  });
  const remaining = await definersLeft(tx, owner, released);
  const definedBy = [...remaining].map(([id, left]) => ({ id, definedBy: storeDefiners(left) }));
  const keptNodes = [...remaining].filter(([, left]) => left.size > 0).map(([id, left]) => ({ id, owners: [...left.values()].map((e) => e.first) }));
  await inChunks(tx, definedBy, q.setDefinedBy);
  if (keptNodes.length > 0) await recomputeNodes(tx, keptNodes);
  await inChunks(tx, before.passageIds.filter((id) => !keep.passages.has(id)).map((id) => ({ id, owner, caseId })), q.releasePassages, (row: { owner: string; removed: number }) => {
    const counts = removed.get(row.owner);
    if (counts) counts.passages = (counts.passages ?? 0) + row.removed;
  });
}

/**
 * The definers each released node keeps once `owner` withdrew its statement: off what the node
 * kept (`definedBy`) when that tells; else (a store written before, or `owner` is a definer an
 * entry names while others state the same) read from the node's STATES.
 */
async function definersLeft(tx: TransactionRunner, owner: string, released: q.ReleasedNode[]): Promise<Map<string, Definers>> {
  const left = new Map<string, Definers>();
  const rescan: { id: string; owner: string }[] = [];
  for (const r of released) {
    const rest = r.definedBy === null ? null : withoutDefiner(parseDefiners(r.definedBy), owner, r.hash);
    if (rest === null) rescan.push({ id: r.id, owner });
    else left.set(r.id, rest);
  }
  await inChunks(tx, rescan, q.definerSummaries, (r: { id: string; entries: q.ScannedEntry[] }) => void left.set(r.id, definersOf(r.entries)));
  return left;
}

/** Sets the fields of nodes a contribution stopped defining from the statements of those that still do (`owners`: one per distinct statement). */
async function recomputeNodes(tx: TransactionRunner, kept: { id: string; owners: string[] }[]): Promise<void> {
  const ids = kept.map((k) => k.id);
  const statements = await statementsOf(tx, kept);
  const fields = new Map<string, string[]>();
  await inChunks(tx, ids, q.nodeFields, (r: { id: string; fields: string[] }) => void fields.set(r.id, r.fields));
  const rows = ids.flatMap((id) => {
    const found = statements.get(id);
    if (!found) return [];
    const merged = mergeStatements(found, (fields.get(id) ?? []).filter((f) => f !== 'id' && f !== 'kind' && f !== 'text' && f !== 'passageIds'));
    return [{ id, props: merged.props, fieldOwners: json(merged.fieldOwners) }];
  });
  await inChunks(tx, rows, q.setNodeFields);
}

/**
 * Runs `query` over `items` CHUNK rows at a time; returns the sum of the `written` column, or
 * hands every result row to `each`.
 */
async function inChunks<T, R = { written: number }>(
  tx: TransactionRunner,
  items: T[],
  query: (chunk: T[]) => ReturnType<typeof q.touchExternal>,
  each?: (row: R) => void,
): Promise<number> {
  let total = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const result = await tx.run<R>(query(items.slice(i, i + CHUNK)));
    if (each) result.forEach(each);
    else total += (result[0] as { written?: number } | undefined)?.written ?? 0;
  }
  return total;
}

export { json as fieldOwnersJson };
