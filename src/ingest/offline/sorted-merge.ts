import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { PASSAGE_TYPE } from '../../model/kinds.js';
import { contributionOf, type GraphPlan, type PlannedPassage, type PlannedRelationship } from '../casefile/plan.js';
import { nodeStatement, storedStatement } from '../write/merge.js';
import { manifestOf, relKey } from '../write/manifest.js';
import type { ExternalSort } from './external-sort.js';
import {
  conflictOf, defineNode, manifestNode, touchNode, mergeRelationship, newNodeBook, newRelationship, setAll, settleNode, settleRelationship, stored, withItem,
  type GraphElement, type MergedNode, type MergedRelationship, type NodeBook, type RelationshipBook,
} from './merged-graph.js';

/**
 * What a contribution states about one entity, as a record of the sort (key `E<id>`), with the
 * contribution's place in load order: it defines it (node), adds names to it (sameAs alias),
 * refers to it (external), or needs it in the graph (a passage's document or a relationship's
 * end that the plan does not define itself: only checked).
 */
type EntityRecord =
  | [type: 0, load: number, caseId: string, owner: string, kind: string, props: Record<string, unknown>]
  | [type: 1, load: number, caseId: string, owner: string, aliases: string[], passageIds: string[]]
  | [type: 2, load: number, caseId: string, owner: string]
  | [type: 3, load: number];
/** A contribution's passage (key `P<passage id>`). */
type PassageRecord = [caseId: string, owner: string, passage: PlannedPassage];
/**
 * A contribution's relationship (key `R<relKey>`) of a case with several contributions (only
 * these can merge: a relKey holds its case's id); `siblings`: 1 when an earlier contribution
 * states the same case. Another case's relationships are made and emitted at once.
 */
type RelationshipRecord = [caseId: string, owner: string, siblings: 0 | 1, relationship: PlannedRelationship];
/** A contribution (key `C<contribution>`): its place in load order. */
type ContributionRecord = number;

export type MergeRecord = EntityRecord | PassageRecord | RelationshipRecord | ContributionRecord;

/** Key groups merged between two looks at the event loop (progress, a signal to stop). */
const GROUPS_PER_TURN = 2000;

/**
 * The graph the normal write path leaves after writing the contributions one after another
 * (the same as `MergedGraph`, with the same functions), made by sorting instead of holding:
 * `add` turns each contribution, in load order, into records keyed by the element they touch
 * (an entity, a passage, a relationship, the contribution itself) and gives them to an
 * external sort; `finish` then takes each key once with its records in load order, merges that
 * one element as MergedGraph would have after all of them, and emits it. Only the sort's
 * chunk and one element at a time are held, whatever the corpus' size (a hub is one element,
 * with its lists). Manifests are emitted at once.
 *
 * What the normal path would refuse (a CONFLICT, a reference to what no earlier file defines,
 * a contribution stated twice) is found per element and counted in `problems`; the messages
 * are those of MergedGraph replayed over the same plans (the caller's task, `problems > 0`
 * only): a refused contribution changes what later ones find, which only an in-order replay
 * reproduces. Before the first refused contribution (in load order) both see the same graph,
 * so both find a problem or neither does.
 */
export class SortedMerge {
  /** Nodes, relationships and passages as the plans count them (the loader's "graph elements"). */
  planned = 0;
  /** Contributions added (one CaseManifest each). */
  merged = 0;
  /** Problems found (a contribution the normal path would refuse); see the class' note. */
  problems = 0;
  private load = 0;
  private readonly seenSplit = new Set<string>();

  /**
   * `splitCases`: the cases some contribution of which has its own `contribution` key (only
   * these can have several contributions; the others' relationships are created, never
   * merged by a sibling).
   */
  constructor(
    private readonly sort: ExternalSort<MergeRecord>,
    private readonly splitCases: ReadonlySet<string>,
    private readonly emit: (element: GraphElement) => void,
  ) {}

  /** One contribution, the next in load order; `charge`: what it counts toward the sort's chunk (its plan's bytes). */
  add(plan: GraphPlan, sourceHash: string | null, charge: number): void {
    const load = this.load++;
    const { caseId } = plan;
    const owner = contributionOf(plan);
    const sort = this.sort;
    sort.add(`C${owner}`, load);
    let siblings: 0 | 1 = 0;
    if (this.splitCases.has(caseId)) {
      siblings = this.seenSplit.has(caseId) ? 1 : 0;
      this.seenSplit.add(caseId);
    }
    // Ids the plan defines, or whose presence an alias or external record checks already.
    const own = new Set<string>();
    for (const node of plan.nodes) own.add(node.id);
    const checked = new Set(own);
    for (const alias of plan.aliases) checked.add(alias.id);
    for (const id of plan.externalIds) checked.add(id);
    const need = (id: string) => {
      if (checked.has(id)) return;
      checked.add(id);
      sort.add(`E${id}`, [3, load]);
    };
    for (const node of plan.nodes) sort.add(`E${node.id}`, [0, load, caseId, owner, node.kind, node.props]);
    for (const passage of plan.passages) {
      sort.add(`P${passage.id}`, [caseId, owner, passage]);
      need(passage.documentId);
    }
    for (const alias of plan.aliases) sort.add(`E${alias.id}`, [1, load, caseId, owner, alias.aliases, alias.passageIds]);
    for (const id of plan.externalIds) sort.add(`E${id}`, [2, load, caseId, owner]);
    // A planned relationship's id starts with its case's (which holds no ':'): when the case has no other contribution, nothing else states it, it is final now.
    const split = this.splitCases.has(caseId);
    const ownPrefix = `${caseId}:`;
    for (const r of plan.relationships) {
      if (split || !r.id.startsWith(ownPrefix)) sort.add(`R${relKey(r)}`, [caseId, owner, siblings, r]);
      else this.emitRelationship(newRelationship(r, owner));
      need(r.from);
      need(r.to);
    }
    this.emit({ space: 'CaseManifest', node: manifestNode(manifestOf(plan, sourceHash)) });
    this.planned += plan.nodes.length + plan.relationships.length + plan.passages.length;
    this.merged += 1;
    sort.charge(charge);
  }

  /** Merges and emits every element, key by key; `merged(records)` as it goes; a signal stops it between keys. */
  async finish(merged: (records: number) => void, signal?: AbortSignal): Promise<this> {
    let records = 0;
    let groups = 0;
    for (const [key, values] of this.sort.groups()) {
      const id = key.slice(1);
      if (key[0] === 'E') this.entity(id, values as EntityRecord[]);
      else if (key[0] === 'P') this.passage(values as PassageRecord[]);
      else if (key[0] === 'R') this.relationship(values as RelationshipRecord[]);
      else if (values.length > 1) this.problems += 1;
      records += values.length;
      if (++groups % GROUPS_PER_TURN === 0) {
        merged(records);
        await yieldToEvents();
        signal?.throwIfAborted();
      }
    }
    merged(records);
    return this;
  }

  /** One entity after every contribution that touches it (upsertNodes, upsertAliases, touchExternal and their checks). */
  private entity(id: string, records: EntityRecord[]): void {
    let node: MergedNode | null = null;
    let book: NodeBook | null = null;
    let definedAt = -1;
    // Aliases, references and needs ask for an entity an earlier contribution defined.
    const missing = (load: number) => node === null || definedAt >= load;
    for (const record of records) {
      if (record[0] === 0) {
        const [, load, caseId, owner, kind, props] = record;
        if (node === null) {
          node = { labels: ['Entity'], props: {} };
          book = newNodeBook();
          definedAt = load;
        } else if (conflictOf(node, book!, caseId, { id, kind: kind as never, props })) this.problems += 1;
        defineNode(node, book!, owner, nodeStatement(props), storedStatement(props), props.passageIds as string[]);
        if (!node.labels.includes(kind)) node.labels.push(kind);
      } else if (missing(record[1])) this.problems += 1;
      else if (record[0] === 1) {
        const [, , , owner, aliases, passageIds] = record;
        const statement = { aliases };
        defineNode(node!, book!, owner, statement, statement, passageIds);
      } else if (record[0] === 2) {
        touchNode(book!, record[3]);
      }
    }
    if (node === null) return;
    const states = settleNode(id, node, book!);
    this.emit({ space: 'Entity', node });
    for (const relationship of states) this.emit({ space: 'relationship', relationship });
  }

  /** One passage (upsertPassages): created by its first contribution with one QUOTED_FROM, then each adds itself. */
  private passage(records: PassageRecord[]): void {
    let node: MergedNode | null = null;
    for (const [caseId, owner, passage] of records) {
      if (node) {
        setAll(node.props, passage as unknown as Record<string, unknown>);
        node.props.owners = withItem(node.props.owners, owner);
        node.props.caseIds = withItem(node.props.caseIds, caseId);
        continue;
      }
      const props = stored(passage as unknown as Record<string, unknown>);
      props.owners = [owner];
      props.caseIds = [caseId];
      node = { labels: ['Passage'], props };
      const quotedFrom: MergedRelationship = { type: PASSAGE_TYPE, from: passage.id, to: passage.documentId, fromGroup: 'Passage', toGroup: 'Entity', props: {} };
      this.emit({ space: 'relationship', relationship: quotedFrom });
    }
    if (node) this.emit({ space: 'Passage', node });
  }

  /**
   * The relationships of one key (upsertRelationships): a contribution of a case no earlier
   * contribution states creates its own; a sibling's merges into the one there is.
   */
  private relationship(records: RelationshipRecord[]): void {
    let current: { relationship: MergedRelationship; book: RelationshipBook } | null = null;
    for (const [, owner, siblings, r] of records) {
      if (siblings === 1 && current) mergeRelationship(current, owner, r.props);
      else {
        if (current) this.emitRelationship(current);
        current = newRelationship(r, owner);
      }
    }
    if (current) this.emitRelationship(current);
  }

  private emitRelationship(found: { relationship: MergedRelationship; book: RelationshipBook }): void {
    settleRelationship(found.relationship, found.book);
    this.emit({ space: 'relationship', relationship: found.relationship });
  }
}
