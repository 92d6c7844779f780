import { PASSAGE_TYPE } from '../../model/kinds.js';
import { DEFINED_BY, storeDefiners, withDefiner, type Definers } from '../write/definers.js';
import { addStatement, BOOKKEEPING, caseOf, differingFields, mergeStatements, nodeStatement, storedStatement, withoutBookkeeping, type Merged, type Statement } from '../write/merge.js';
import { contributionOf, type GraphPlan, type PlannedAlias, type PlannedNode, type PlannedPassage, type PlannedRelationship } from '../casefile/plan.js';
import { ContributionConflictError, fieldOwnersJson } from '../write/write.js';
import { STATES_TYPE } from '../write/write-queries.js';
import { manifestOf, relKey, statementHash, type ManifestRow } from '../write/manifest.js';


/** A node as the graph holds it after the load: its labels and stored properties (no nulls). */
export interface MergedNode {
  labels: string[];
  props: Record<string, unknown>;
  /** The cases stating it (an entity's, from its STATES; not a property): where a problem with it is reported. */
  cases?: string[];
}

export interface MergedRelationship {
  type: string;
  from: string;
  to: string;
  /** Id groups of the ends (the importer's ID spaces). */
  fromGroup: 'Entity' | 'Passage' | 'CaseManifest';
  toGroup: 'Entity';
  props: Record<string, unknown>;
}

/** A finished element of the graph, as the CSV files take it. */
export type GraphElement =
  | { space: 'Entity' | 'Passage' | 'CaseManifest'; node: MergedNode }
  | { space: 'relationship'; relationship: MergedRelationship };

/**
 * How a merge streams: what the plans, all together, touch (from planning), and where each
 * element goes once no later contribution can change it.
 */
export interface MergeStream {
  /** Per entity, how many plans touch it (`touchedIds`); counted down as they are merged. */
  touches: Map<string, number>;
  /** Per case, how many contributions it has; counted down as they are merged. */
  contributionsOfCase: Map<string, number>;
  emit(element: GraphElement): void;
}

/** The entities a plan touches (each once), as the merge goes through them: defines, adds names to, refers to, quotes, or ends a relationship at. */
export function touchedIds(plan: GraphPlan): Set<string> {
  const ids = new Set<string>();
  for (const node of plan.nodes) ids.add(node.id);
  for (const alias of plan.aliases) ids.add(alias.id);
  for (const id of plan.externalIds) ids.add(id);
  for (const passage of plan.passages) ids.add(passage.documentId);
  for (const r of plan.relationships) ids.add(r.from).add(r.to);
  return ids;
}

/** A contribution that cannot be written as the normal path would write it, and why. */
export class MergeProblem extends Error {
  constructor(readonly caseId: string, message: string) {
    super(`case "${caseId}": ${message}`);
    this.name = 'MergeProblem';
  }
}

/** The normal path's CONFLICT: a case defines a node another case defines otherwise, not both shared. */
export class MergeConflict extends MergeProblem {
  constructor(readonly conflict: ContributionConflictError) {
    super(conflict.caseId, conflict.message);
    this.message = `CONFLICT: ${conflict.message}`;
    this.name = 'MergeConflict';
  }
}

/** What a contribution's STATES of a node holds (write-queries.ts). */
export interface StatesProps {
  defines: boolean;
  passageIds: string[];
  hash?: string;
}

/**
 * What the write path keeps of a node besides its fields, kept apart so that a hub node (a
 * court, a judge in thousands of cases) costs the same per contribution as any other; its
 * STATES are made in `finish()`.
 */
export interface NodeBook {
  /** Per contribution stating it (in the order they came), its STATES. */
  states: Map<string, StatesProps>;
  /** The contributions whose STATES say `defines`, in order. */
  definers: string[];
  /** Which contribution each field came from (`fieldOwners`, JSON once set), null when one gives them all. */
  fieldOwners: Record<string, string> | null;
  /** Each definer's statement, as its manifest keeps it (for the CONFLICT check). */
  statements: Map<string, Statement>;
}

export interface RelationshipBook {
  owners: List;
  fieldOwners: Record<string, string> | null;
}

/** A list that adds an item once (the write path's `CASE WHEN x IN list THEN list ELSE list + x END`). */
export class List {
  readonly items: string[] = [];
  private readonly set = new Set<string>();
  add(item: string): void {
    if (this.set.has(item)) return;
    this.items.push(item);
    this.set.add(item);
  }
}

export const withItem = (list: unknown, item: string): string[] => {
  const items = (list as string[] | undefined) ?? [];
  return items.includes(item) ? items : [...items, item];
};

const BOOK = new Set<string>(BOOKKEEPING);

/** `SET x += map`: a null removes the property. */
export function setAll(props: Record<string, unknown>, map: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(map)) {
    if (value === null || value === undefined) delete props[key];
    else props[key] = value;
  }
}

/** `SET x += withoutBookkeeping(map)`, in one pass. */
export function setStated(props: Record<string, unknown>, map: Record<string, unknown>): void {
  for (const key in map) {
    if (BOOK.has(key)) continue;
    const value = map[key];
    if (value === null || value === undefined) delete props[key];
    else props[key] = value;
  }
}

/**
 * The graph the normal write path (write.ts, write-queries.ts) leaves after writing these
 * contributions one after another into an empty store, built in memory. Each method does what
 * one statement of write-queries.ts does to the nodes it touches, with the write path's own
 * merge rules (merge.ts) and manifests (`manifestOf`); the integration test compares the result
 * with the graph the normal path writes, property by property. Pure (no I/O).
 *
 * Held whole by default; with a `MergeStream`, an element leaves the graph as soon as no later
 * contribution touches it: an entity once every plan that touches it is merged (its passages
 * with it: a passage is touched only by plans that touch its document), a relationship once
 * its case's last contribution is merged, a manifest at once. Then only what several files
 * touch and some file still to come will touch again is held (a hub, and what its remaining
 * files share).
 */
export class MergedGraph {
  readonly entities = new Map<string, MergedNode>();
  private readonly nodeBooks = new Map<MergedNode, NodeBook>();
  readonly passages = new Map<string, MergedNode>();
  readonly relationships: MergedRelationship[] = [];
  /** Relationships between entities by relKey, with who states them. */
  private readonly relBooks = new Map<string, { relationship: MergedRelationship; book: RelationshipBook }>();
  readonly manifests: ManifestRow[] = [];
  private readonly contributions = new Set<string>();
  private readonly cases = new Set<string>();
  private finished = false;
  /** Nodes, relationships and passages as the plans count them (the loader's "graph elements"). */
  planned = 0;
  /** Contributions merged (one CaseManifest each). */
  merged = 0;
  /** Streaming: each held document's passages (they leave with it), and each held case's relationship keys. */
  private readonly passagesOf = new Map<string, string[]>();
  private readonly relKeysOf = new Map<string, string[]>();

  constructor(private readonly stream?: MergeStream) {}

  /**
   * Writes one new contribution, as writePlans does for a contribution never loaded before.
   * Refuses, before changing anything, what the normal path refuses (MergeConflict) or could
   * not write (MergeProblem).
   */
  addCase(plan: GraphPlan, sourceHash: string | null = null): void {
    if (this.finished) throw new Error('the merged graph is finished: no case can be added');
    const owner = contributionOf(plan);
    if (this.contributions.has(owner)) {
      throw new MergeProblem(plan.caseId, owner === plan.caseId ? 'two files of this import state the same case; give each case once, or give each file its own `contribution` key'
        : `two files of this import state the same contribution "${owner}"; give each file its own \`contribution\` key`);
    }
    this.check(plan);
    // A case other contributions of which are loaded already may hold its relationships: MERGE, not CREATE.
    const siblings = this.cases.has(plan.caseId);
    for (const node of plan.nodes) this.upsertNode(plan, owner, node);
    for (const passage of plan.passages) this.upsertPassage(plan, owner, passage);
    for (const alias of plan.aliases) this.upsertAlias(plan, owner, alias);
    for (const id of plan.externalIds) this.touchExternal(plan, owner, id);
    for (const relationship of plan.relationships) this.upsertRelationship(plan.caseId, owner, relationship, siblings);
    const manifest = manifestOf(plan, sourceHash);
    if (this.stream) this.stream.emit({ space: 'CaseManifest', node: manifestNode(manifest) });
    else this.manifests.push(manifest);
    this.contributions.add(owner);
    this.cases.add(plan.caseId);
    this.planned += plan.nodes.length + plan.relationships.length + plan.passages.length;
    this.merged += 1;
    if (this.stream) this.release(plan);
  }

  /** Streaming: lets go of what no later contribution touches (after `plan` is merged). */
  private release(plan: GraphPlan): void {
    const { touches, contributionsOfCase } = this.stream!;
    for (const id of touchedIds(plan)) {
      const left = (touches.get(id) ?? 1) - 1;
      if (left > 0) {
        touches.set(id, left);
        continue;
      }
      touches.delete(id);
      this.releaseEntity(id);
    }
    const left = (contributionsOfCase.get(plan.caseId) ?? 1) - 1;
    if (left > 0) contributionsOfCase.set(plan.caseId, left);
    else {
      contributionsOfCase.delete(plan.caseId);
      this.releaseRelationships(plan.caseId);
    }
  }

  private releaseEntity(id: string): void {
    const node = this.entities.get(id);
    if (!node) return;
    const states = this.settle(id, node, this.nodeBooks.get(node));
    this.entities.delete(id);
    this.nodeBooks.delete(node);
    this.stream!.emit({ space: 'Entity', node });
    for (const relationship of states) this.stream!.emit({ space: 'relationship', relationship });
    for (const passageId of this.passagesOf.get(id) ?? []) {
      const passage = this.passages.get(passageId);
      if (!passage) continue;
      this.passages.delete(passageId);
      this.stream!.emit({ space: 'Passage', node: passage });
    }
    this.passagesOf.delete(id);
  }

  private releaseRelationships(caseId: string): void {
    for (const key of this.relKeysOf.get(caseId) ?? []) {
      const found = this.relBooks.get(key);
      if (!found) continue;
      this.relBooks.delete(key);
      settleRelationship(found.relationship, found.book);
      this.stream!.emit({ space: 'relationship', relationship: found.relationship });
    }
    this.relKeysOf.delete(caseId);
  }

  /** What the write path would find missing (its MATCHes) or refuse (refuseConflicts). */
  private check(plan: GraphPlan): void {
    const defined = new Set(plan.nodes.map((n) => n.id));
    const exists = (id: string) => defined.has(id) || this.entities.has(id);
    for (const passage of plan.passages) if (!exists(passage.documentId)) throw new MergeProblem(plan.caseId, `quotes document "${passage.documentId}", which no file of this import defines`);
    for (const alias of plan.aliases) if (!this.entities.has(alias.id)) throw new MergeProblem(plan.caseId, `declares an entity sameAs "${alias.id}", which no file of this import defines before it`);
    for (const id of plan.externalIds) if (!this.entities.has(id)) throw new MergeProblem(plan.caseId, `refers to "${id}", which no file of this import defines before it`);
    for (const r of plan.relationships) {
      for (const end of [r.from, r.to]) if (!exists(end)) throw new MergeProblem(plan.caseId, `its ${r.type} relationship "${r.id}" ends at "${end}", which is not in the graph`);
    }
    for (const node of plan.nodes) this.refuseConflict(plan, node);
  }

  /**
   * refuseConflicts: a node other cases define may be defined again only with the same fields
   * (their own statements, not what sameAs entries added), unless both say it is shared.
   */
  private refuseConflict(plan: GraphPlan, planned: PlannedNode): void {
    const node = this.entities.get(planned.id);
    if (!node) return;
    const conflict = conflictOf(node, this.book(node), plan.caseId, planned);
    if (conflict) throw new MergeConflict(conflict);
  }

  /**
   * nodeRows + upsertNodes / upsertAliases: the statement alone for a new node, else merged into
   * the node's fields (addStatement, from its current fields and fieldOwners), then SET_NODE.
   */
  private define(owner: string, node: MergedNode, statement: Statement, kept: Statement, passageIds: string[]): void {
    defineNode(node, this.book(node), owner, statement, kept, passageIds);
  }

  private upsertNode(plan: GraphPlan, owner: string, planned: PlannedNode): void {
    const node = this.entities.get(planned.id) ?? { labels: ['Entity'], props: {} };
    this.entities.set(planned.id, node);
    this.define(owner, node, nodeStatement(planned.props), storedStatement(planned.props), planned.props.passageIds as string[]);
    if (!node.labels.includes(planned.kind)) node.labels.push(planned.kind);
  }

  /** upsertAliases: another case's entity gets this contribution's names and sources, as one more statement. */
  private upsertAlias(plan: GraphPlan, owner: string, alias: PlannedAlias): void {
    const statement = { aliases: alias.aliases };
    this.define(owner, this.entities.get(alias.id)!, statement, statement, alias.passageIds);
  }

  /** upsertPassages: the passage, its owners and cases, and one QUOTED_FROM to its document. */
  private upsertPassage(plan: GraphPlan, owner: string, passage: PlannedPassage): void {
    const node = this.passages.get(passage.id);
    if (node) {
      setAll(node.props, passage as unknown as Record<string, unknown>);
      node.props.owners = withItem(node.props.owners, owner);
      node.props.caseIds = withItem(node.props.caseIds, plan.caseId);
      return;
    }
    const props = stored(passage as unknown as Record<string, unknown>);
    props.owners = [owner];
    props.caseIds = [plan.caseId];
    this.passages.set(passage.id, { labels: ['Passage'], props });
    const quotedFrom: MergedRelationship = { type: PASSAGE_TYPE, from: passage.id, to: passage.documentId, fromGroup: 'Passage', toGroup: 'Entity', props: {} };
    if (!this.stream) {
      this.relationships.push(quotedFrom);
      return;
    }
    this.stream.emit({ space: 'relationship', relationship: quotedFrom });
    (this.passagesOf.get(passage.documentId) ?? this.passagesOf.set(passage.documentId, []).get(passage.documentId)!).push(passage.id);
  }

  /** touchExternal: a node this contribution refers to gets its STATES (no fields, no passages), unless it has one. */
  private touchExternal(_plan: GraphPlan, owner: string, id: string): void {
    touchNode(this.book(this.entities.get(id)!), owner);
  }

  /**
   * upsertRelationships: CREATE with the plan's fields for a case no other contribution states
   * yet; else MERGE by key, the fields merged with those of the contributions that state it.
   */
  private upsertRelationship(caseId: string, owner: string, r: PlannedRelationship, siblings: boolean): void {
    const key = relKey(r);
    const found = siblings ? this.relBooks.get(key) : undefined;
    if (found) {
      mergeRelationship(found, owner, r.props);
      return;
    }
    const { relationship, book } = newRelationship(r, owner);
    // One it takes the place of is never merged again (a later sibling merges into this one): its owners are final.
    const replaced = this.relBooks.get(key);
    if (replaced) settleRelationship(replaced.relationship, replaced.book);
    if (this.stream) {
      if (replaced) this.stream.emit({ space: 'relationship', relationship: replaced.relationship });
      (this.relKeysOf.get(caseId) ?? this.relKeysOf.set(caseId, []).get(caseId)!).push(key);
    } else this.relationships.push(relationship);
    this.relBooks.set(key, { relationship, book });
  }

  private book(node: MergedNode): NodeBook {
    let book = this.nodeBooks.get(node);
    if (!book) this.nodeBooks.set(node, (book = newNodeBook()));
    return book;
  }

  /**
   * Makes every node's STATES and sets its `fieldOwners`, and every relationship's `owners` and
   * `fieldOwners`, from the bookkeeping; called once, after the last contribution.
   */
  finish(): this {
    if (this.stream) {
      // What is left (a contribution refused, so never counted down): let go of it all.
      for (const id of [...this.entities.keys()]) this.releaseEntity(id);
      for (const node of this.passages.values()) this.stream.emit({ space: 'Passage', node });
      this.passages.clear();
      for (const caseId of [...this.relKeysOf.keys()]) this.releaseRelationships(caseId);
    } else {
      for (const [id, node] of this.entities) this.relationships.push(...this.settle(id, node, this.nodeBooks.get(node)));
      for (const { relationship, book } of this.relBooks.values()) settleRelationship(relationship, book);
    }
    this.finished = true;
    return this;
  }

  private settle(id: string, node: MergedNode, book: NodeBook | undefined): MergedRelationship[] {
    return book ? settleNode(id, node, book) : [];
  }

  /** CaseManifest nodes, as saveManifests leaves them. */
  manifestNodes(): MergedNode[] {
    return this.manifests.map(manifestNode);
  }
}

/** upsertRelationships' MERGE: a contribution's fields merged into a relationship others state. */
export function mergeRelationship({ relationship, book }: { relationship: MergedRelationship; book: RelationshipBook }, owner: string, props: Record<string, unknown>): void {
  const others = book.owners.items;
  const current = withoutBookkeeping(relationship.props);
  const merged = addStatement({ props: current, fieldOwners: book.fieldOwners, soleOwner: others.length === 1 ? others[0]! : null }, owner, props);
  setAll(relationship.props, withoutBookkeeping(merged.props));
  book.fieldOwners = merged.fieldOwners;
  book.owners.add(owner);
}

/** upsertRelationships' CREATE: the plan's fields as they are (mergeStatements of one statement: fieldOwners null). */
export function newRelationship(r: PlannedRelationship, owner: string): { relationship: MergedRelationship; book: RelationshipBook } {
  const props: Record<string, unknown> = {};
  setStated(props, r.props);
  props.id = r.id;
  const relationship: MergedRelationship = { type: r.type, from: r.from, to: r.to, fromGroup: 'Entity', toGroup: 'Entity', props };
  const book = { owners: new List(), fieldOwners: null };
  book.owners.add(owner);
  return { relationship, book };
}

export const newNodeBook = (): NodeBook => ({ states: new Map(), definers: [], fieldOwners: null, statements: new Map() });

/** touchExternal on one node: the contribution's STATES, stating nothing, unless it has one already. */
export function touchNode(book: NodeBook, owner: string): void {
  if (!book.states.has(owner)) book.states.set(owner, { defines: false, passageIds: [] });
}

/**
 * refuseConflicts for one node: a node other cases define may be defined again only with the
 * same fields (their own statements, not what sameAs entries added), unless both say it is
 * shared. The conflict, or null.
 */
export function conflictOf(node: MergedNode, book: NodeBook, caseId: string, planned: PlannedNode): ContributionConflictError | null {
  if (!book.definers.some((d) => caseOf(d) !== caseId)) return null;
  const statement = nodeStatement(planned.props);
  if (node.props.shared === true && statement.shared === true) return null;
  for (const [owner, theirs] of book.statements) {
    if (caseOf(owner) === caseId || !('kind' in theirs)) continue;
    const fields = differingFields(theirs, storedStatement(statement));
    if (fields.length > 0) return new ContributionConflictError(caseId, planned.id, caseOf(owner), fields);
  }
  return null;
}

/**
 * nodeRows + upsertNodes / upsertAliases on one node: the statement alone for a new node, else
 * merged into the node's fields (addStatement, from its current fields and fieldOwners), then
 * SET_NODE; the contribution's STATES (its passages, the hash of its statement) and statement
 * go to its book.
 */
export function defineNode(node: MergedNode, book: NodeBook, owner: string, statement: Statement, kept: Statement, passageIds: string[]): void {
  const others = book.definers.length;
  let merged: Merged;
  if (Object.keys(node.props).length === 0) merged = { props: statement, fieldOwners: null };
  else if (others === 0) merged = mergeStatements(new Map([[owner, statement]]), Object.keys(node.props));
  else merged = addStatement({ props: { ...node.props }, fieldOwners: book.fieldOwners, soleOwner: others === 1 ? book.definers[0]! : null }, owner, statement);
  setStated(node.props, merged.props);
  book.fieldOwners = merged.fieldOwners;
  book.states.set(owner, { defines: true, passageIds, hash: statementHash(JSON.stringify(kept)) });
  if (!book.definers.includes(owner)) book.definers.push(owner);
  book.statements.set(owner, kept);
}

/** What the node keeps of its definers (write/definers.ts), from its book's STATES. */
function definedByOf(id: string, book: NodeBook): string {
  let definers: Definers = new Map();
  for (const [owner, s] of book.states) if (s.defines) definers = withDefiner(definers, id, owner, s.hash ?? '#' + owner);
  return storeDefiners(definers);
}

/** Sets a node's `fieldOwners` and `definedBy` from its book; returns its STATES, one per contribution stating it. */
export function settleNode(id: string, node: MergedNode, book: NodeBook): MergedRelationship[] {
  const fieldOwners = fieldOwnersJson(book.fieldOwners);
  if (fieldOwners !== null) node.props.fieldOwners = fieldOwners;
  node.props[DEFINED_BY] = definedByOf(id, book);
  node.cases = [...new Set([...book.states.keys()].map(caseOf))];
  return [...book.states].map(([owner, states]) => ({ type: STATES_TYPE, from: owner, to: id, fromGroup: 'CaseManifest', toGroup: 'Entity', props: stored({ ...states }) }));
}

export const manifestNode = (m: ManifestRow): MergedNode => ({ labels: ['CaseManifest'], props: stored(m as unknown as Record<string, unknown>) });

export function settleRelationship(relationship: MergedRelationship, book: RelationshipBook): void {
  relationship.props.owners = book.owners.items;
  const fieldOwners = fieldOwnersJson(book.fieldOwners);
  if (fieldOwners !== null) relationship.props.fieldOwners = fieldOwners;
}

/** What `SET x += map` keeps of a map: Neo4j stores no null. */
export function stored(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in map) {
    const value = map[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

