import { PASSAGE_TYPE } from '../../model/kinds.js';
import type { GraphPlan, PlannedAlias, PlannedPassage, PlannedRelationship } from '../plan.js';
import { manifestOf, type ManifestRow } from '../write-queries.js';

/** A node as the graph holds it after the load: its labels and stored properties (no nulls). */
export interface MergedNode {
  labels: string[];
  props: Record<string, unknown>;
}

export interface MergedRelationship {
  type: string;
  from: string;
  to: string;
  /** Id groups of the ends (the importer's ID spaces). */
  fromGroup: 'Entity' | 'Passage';
  toGroup: 'Entity';
  props: Record<string, unknown>;
}

/** A case that cannot be written as the normal path would write it, and why. */
export class MergeProblem extends Error {
  constructor(readonly caseId: string, message: string) {
    super(`case "${caseId}": ${message}`);
    this.name = 'MergeProblem';
  }
}

const sourceKey = (caseId: string, passageId: string) => `${caseId}|${passageId}`;
/** The passage id of a source key: what follows the case id and its bar. */
const passageOfKey = (key: string) => key.slice(key.split('|')[0]!.length + 1);
const withCase = (caseIds: unknown, caseId: string): string[] => {
  const list = (caseIds as string[] | undefined) ?? [];
  return list.includes(caseId) ? list : [...list, caseId];
};

/**
 * The graph the normal write path (write.ts, write-queries.ts) leaves after writing these cases
 * one after another into an empty store, built in memory. Each method does what one statement
 * of write-queries.ts does to the nodes it touches; the integration test compares the result
 * with the graph the normal path writes, property by property. Pure (no I/O).
 */
export class MergedGraph {
  readonly entities = new Map<string, MergedNode>();
  /**
   * Per node: its source keys, and the cases among them and among its caseIds, kept beside the
   * properties so that a hub node (a court, a judge in thousands of cases) costs the same per
   * case as any other; `sourceKeys`, `passageIds` and `caseIds` are set from them in `finish()`.
   */
  private readonly bookkeeping = new Map<MergedNode, { keys: string[]; keyed: Set<string>; cases: string[]; caseSet: Set<string> }>();
  private finished = false;
  readonly passages = new Map<string, MergedNode>();
  readonly relationships: MergedRelationship[] = [];
  readonly manifests: ManifestRow[] = [];
  /** Nodes, relationships and passages as the plans count them (the loader's "graph elements"). */
  planned = 0;

  /** Writes one new case, as writePlans does for a case never loaded before. */
  addCase(plan: GraphPlan, sourceHash: string | null = null): void {
    if (this.manifests.some((m) => m.caseId === plan.caseId)) throw new MergeProblem(plan.caseId, 'two files of this import state the same case; give each case once');
    for (const node of plan.nodes) this.upsertNode(plan.caseId, node.kind, node.props);
    for (const passage of plan.passages) this.upsertPassage(plan.caseId, passage);
    for (const alias of plan.aliases) this.upsertAlias(plan.caseId, alias);
    for (const id of plan.externalIds) this.touchExternal(plan.caseId, id);
    for (const relationship of plan.relationships) this.createRelationship(plan.caseId, relationship);
    this.manifests.push(manifestOf(plan, sourceHash));
    this.planned += plan.nodes.length + plan.relationships.length + plan.passages.length;
  }

  /** upsertNodes: fields from the smallest case id stating the node (SETS_FIELDS), its passages per case. */
  private upsertNode(caseId: string, kind: string, fields: Record<string, unknown>): void {
    const id = fields.id as string;
    const node = this.entities.get(id) ?? { labels: ['Entity'], props: { id } };
    this.entities.set(id, node);
    const p = node.props;
    const book = this.book(node);
    const from = p.fieldsFrom as string | undefined;
    const sets = from === undefined || from >= caseId || !book.caseSet.has(from);
    if (sets) {
      for (const [key, value] of Object.entries(fields)) {
        if (value === null || value === undefined) delete p[key];
        else p[key] = value;
      }
      p.fieldsFrom = caseId;
    }
    if (!node.labels.includes(kind)) node.labels.push(kind);
    this.replaceKeys(book, caseId, fields.passageIds as string[]);
    this.addCaseTo(book, caseId);
  }

  /** upsertPassages: the passage, its cases, and one QUOTED_FROM to its document. */
  private upsertPassage(caseId: string, passage: PlannedPassage): void {
    if (!this.entities.has(passage.documentId)) throw new MergeProblem(caseId, `quotes document "${passage.documentId}", which no file of this import defines`);
    const node = this.passages.get(passage.id);
    if (node) {
      Object.assign(node.props, stored(passage as unknown as Record<string, unknown>));
      node.props.caseIds = withCase(node.props.caseIds, caseId);
      return;
    }
    this.passages.set(passage.id, { labels: ['Passage'], props: { ...stored(passage as unknown as Record<string, unknown>), caseIds: [caseId] } });
    this.relationships.push({ type: PASSAGE_TYPE, from: passage.id, to: passage.documentId, fromGroup: 'Passage', toGroup: 'Entity', props: {} });
  }

  /** upsertAliases: another case's entity gets this case's names (new ones, in order) and sources. */
  private upsertAlias(caseId: string, alias: PlannedAlias): void {
    const node = this.entities.get(alias.id);
    if (!node) throw new MergeProblem(caseId, `declares an entity sameAs "${alias.id}", which no file of this import defines before it`);
    const p = node.props;
    const names = [...((p.aliases as string[] | undefined) ?? [])];
    for (const name of alias.aliases) if (!names.includes(name) && name !== p.name) names.push(name);
    p.aliases = names;
    const book = this.book(node);
    this.replaceKeys(book, caseId, alias.passageIds);
    this.addCaseTo(book, caseId);
  }

  /** touchExternal: a node of another case this case refers to counts this case among its cases. */
  private touchExternal(caseId: string, id: string): void {
    const node = this.entities.get(id);
    if (!node) throw new MergeProblem(caseId, `refers to "${id}", which no file of this import defines before it`);
    this.addCaseTo(this.book(node), caseId);
  }

  /** upsertRelationships with CREATE, as for a case never loaded before. */
  private createRelationship(caseId: string, r: PlannedRelationship): void {
    for (const end of [r.from, r.to]) {
      if (!this.entities.has(end)) throw new MergeProblem(caseId, `its ${r.type} relationship "${r.id}" ends at "${end}", which is not in the graph`);
    }
    this.relationships.push({ type: r.type, from: r.from, to: r.to, fromGroup: 'Entity', toGroup: 'Entity', props: { ...stored(r.props), id: r.id } });
  }

  private book(node: MergedNode) {
    if (this.finished) throw new Error('the merged graph is finished: no case can be added');
    let book = this.bookkeeping.get(node);
    if (!book) this.bookkeeping.set(node, (book = { keys: [], keyed: new Set(), cases: [], caseSet: new Set() }));
    return book;
  }

  /** OTHER_CASES_KEYS + this case's keys: the node's source keys of other cases, then this case's. */
  private replaceKeys(book: { keys: string[]; keyed: Set<string> }, caseId: string, passageIds: string[]): void {
    if (book.keyed.has(caseId)) book.keys = book.keys.filter((key) => !key.startsWith(`${caseId}|`));
    for (const passageId of passageIds) book.keys.push(sourceKey(caseId, passageId));
    book.keyed.add(caseId);
  }

  /** ADD_CASE: the case joins the node's caseIds, once. */
  private addCaseTo(book: { cases: string[]; caseSet: Set<string> }, caseId: string): void {
    if (book.caseSet.has(caseId)) return;
    book.cases.push(caseId);
    book.caseSet.add(caseId);
  }

  /**
   * Sets every node's `sourceKeys`, `passageIds` (the passage of each key) and `caseIds` from the
   * bookkeeping; called once, after the last case.
   */
  finish(): this {
    for (const [node, book] of this.bookkeeping) {
      if (book.keyed.size > 0) {
        node.props.sourceKeys = book.keys;
        node.props.passageIds = book.keys.map(passageOfKey);
      }
      node.props.caseIds = book.cases;
    }
    this.finished = true;
    return this;
  }

  /** CaseManifest nodes, as saveManifests leaves them. */
  manifestNodes(): MergedNode[] {
    return this.manifests.map((m) => ({ labels: ['CaseManifest'], props: stored(m as unknown as Record<string, unknown>) }));
  }
}

/** What `SET x += map` keeps of a map: Neo4j stores no null. */
export function stored(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

