import { cellProblem, cellType, EMPTY_LIST, isMultiline, type CellType } from './csv-format.js';
import type { MergedGraph, MergedNode, MergedRelationship } from './merged-graph.js';

/** Label (nodes) and property (nodes and relationships) marking what needs empty lists set after the import. */
export const EMPTY_LISTS_LABEL = 'OfflineEmptyLists';
export const EMPTY_LISTS_PROPERTY = 'offlineEmptyLists';

/** One CSV file of the import: its rows share labels (or a type) and typed columns. */
export interface CsvGroup {
  name: string;
  kind: 'nodes' | 'relationships';
  /** Node labels, or the relationship type. */
  labels: string[];
  /** Nodes: `id:ID(Entity)`, ...; relationships: the start and end id columns. */
  idColumns: string[];
  columns: Map<string, CellType>;
  multiline: boolean;
  rows: number;
}

/** A value the import cannot carry, with the node or relationship it belongs to. */
export interface LayoutProblem {
  caseIds: string[];
  where: string;
  property: string;
  message: string;
}

/** The element ready for a row: its group, id cells and properties (the id property left to the id column). */
export interface CsvRow {
  group: CsvGroup;
  ids: string[];
  props: Record<string, unknown>;
}

const ID_GROUPS: Record<string, { space: string; property: string }> = {
  Entity: { space: 'Entity', property: 'id' },
  Passage: { space: 'Passage', property: 'id' },
  CaseManifest: { space: 'CaseManifest', property: 'caseId' },
};

/**
 * Sorts every element of the merged graph into CSV groups: one per node label set (or
 * relationship type) and column types; a value whose type clashes with its group's column starts
 * another group. Empty lists (which an importer cell cannot hold) are left out and listed in
 * EMPTY_LISTS_PROPERTY, to be set once the store runs. Pure.
 */
export class CsvLayout {
  readonly groups: CsvGroup[] = [];
  readonly problems: LayoutProblem[] = [];
  private readonly byKey = new Map<string, CsvGroup[]>();
  /** Properties some node holds as an empty list; per relationship type, those some relationship does. */
  readonly emptyLists = { nodes: new Set<string>(), relationships: new Map<string, Set<string>>() };

  /** Places a node; returns its row. */
  node(node: MergedNode, space: keyof typeof ID_GROUPS): CsvRow {
    const { property } = ID_GROUPS[space]!;
    const { props, empty } = this.checked(node.props, `${space} "${String(node.props[property])}"`, (node.props.caseIds as string[] | undefined) ?? [String(node.props.caseId)]);
    delete props[property];
    const labels = empty.length > 0 ? [...node.labels, EMPTY_LISTS_LABEL] : node.labels;
    if (empty.length > 0) props[EMPTY_LISTS_PROPERTY] = empty;
    for (const name of empty) this.emptyLists.nodes.add(name);
    const group = this.place('nodes', labels, [`${property}:ID(${space})`], props);
    return { group, ids: [String(node.props[property])], props };
  }

  /** Places a relationship; returns its row. */
  relationship(r: MergedRelationship): CsvRow {
    const caseIds = typeof r.props.caseId === 'string' ? [r.props.caseId] : [];
    const { props, empty } = this.checked(r.props, `${r.type} relationship from "${r.from}" to "${r.to}"`, caseIds);
    if (empty.length > 0) props[EMPTY_LISTS_PROPERTY] = empty;
    for (const name of empty) (this.emptyLists.relationships.get(r.type) ?? this.emptyLists.relationships.set(r.type, new Set()).get(r.type)!).add(name);
    const group = this.place('relationships', [r.type], [`:START_ID(${r.fromGroup})`, `:END_ID(${r.toGroup})`], props);
    return { group, ids: [r.from, r.to], props };
  }

  /** Every element of the graph, in the order the files take them. */
  *rows(graph: MergedGraph): Generator<CsvRow> {
    for (const node of graph.entities.values()) yield this.node(node, 'Entity');
    for (const node of graph.passages.values()) yield this.node(node, 'Passage');
    for (const node of graph.manifestNodes()) yield this.node(node, 'CaseManifest');
    for (const r of graph.relationships) yield this.relationship(r);
  }

  private checked(source: Record<string, unknown>, where: string, caseIds: string[]) {
    const props: Record<string, unknown> = {};
    const empty: string[] = [];
    for (const [key, value] of Object.entries(source)) {
      const type = cellType(value);
      const problem = type === null || type === 'string[]' ? cellProblem(value) : null;
      if (problem) this.problems.push({ caseIds, where, property: key, message: problem });
      else if (type === EMPTY_LIST) empty.push(key);
      else props[key] = value;
    }
    return { props, empty };
  }

  private place(kind: CsvGroup['kind'], labels: string[], idColumns: string[], props: Record<string, unknown>): CsvGroup {
    const key = `${kind}|${labels.join(':')}`;
    const candidates = this.byKey.get(key) ?? this.byKey.set(key, []).get(key)!;
    const types = new Map(Object.entries(props).map(([name, value]) => [name, cellType(value) as CellType]));
    const fits = (group: CsvGroup) => [...types].every(([name, type]) => {
      const column = group.columns.get(name);
      return column === undefined || column === type;
    });
    let group = candidates.find(fits);
    if (!group) {
      group = { name: `${kind}-${labels.join('-')}-${candidates.length}`, kind, labels, idColumns, columns: new Map(), multiline: false, rows: 0 };
      candidates.push(group);
      this.groups.push(group);
    }
    for (const [name, type] of types) if (!group.columns.has(name)) group.columns.set(name, type);
    if (!group.multiline) group.multiline = Object.values(props).some(isMultiline);
    group.rows += 1;
    return group;
  }
}
