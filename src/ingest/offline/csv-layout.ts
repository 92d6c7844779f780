import { cellProblem, cellType, EMPTY_LIST, encodeCell, FIELD_DELIMITER, isMultiline, type CellType } from './csv-format.js';
import type { GraphElement, MergedGraph, MergedNode, MergedRelationship } from './merged-graph.js';
import { caseOf } from '../write/merge.js';

/**
 * Marks of what needs empty lists set after the import: a node gets a label naming its empty
 * lists (`OfflineEmptyLists__aliases`), so that one statement per label sets them
 * without reading anything; a relationship gets the property EMPTY_LISTS_PROPERTY listing them.
 */
export const EMPTY_LISTS_LABEL = 'OfflineEmptyLists';
export const EMPTY_LISTS_PROPERTY = 'offlineEmptyLists';
export const emptyListsLabel = (names: string[]) => [EMPTY_LISTS_LABEL, ...names].join('__');

/** One CSV file of the import (or several, for a multi-line group): its rows share labels (or a type) and typed columns. */
export interface CsvGroup {
  name: string;
  kind: 'nodes' | 'relationships';
  /** Node labels, or the relationship type. */
  labels: string[];
  /** Nodes: `id:ID(Entity)`, ...; relationships: the start and end id columns. */
  idColumns: string[];
  columns: Map<string, CellType>;
  /** Every row of the group has a value with a line break (and no row of another group has one). */
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

/** A data line of a group's file (without its line break). */
export interface CsvLine {
  group: CsvGroup;
  line: string;
}

/** An element of the merged graph as the files take it. */
interface Element {
  kind: CsvGroup['kind'];
  labels: string[];
  idColumns: string[];
  ids: string[];
  props: Record<string, unknown>;
  /** The property the id column carries (not a column of its own). */
  idProperty: string | null;
  where: string;
  caseIds: string[];
}

const ID_GROUPS: Record<string, { space: string; property: string }> = {
  Entity: { space: 'Entity', property: 'id' },
  Passage: { space: 'Passage', property: 'id' },
  CaseManifest: { space: 'CaseManifest', property: 'caseId' },
};

function nodeElement(node: MergedNode, space: keyof typeof ID_GROUPS): Element {
  const { property } = ID_GROUPS[space]!;
  const id = String(node.props[property]);
  const caseIds = node.cases ?? (node.props.caseIds as string[] | undefined) ?? [String(node.props.caseId)];
  return { kind: 'nodes', labels: node.labels, idColumns: [`${property}:ID(${space})`], ids: [id], props: node.props, idProperty: property, where: `${space} "${id}"`, caseIds };
}

function relationshipElement(r: MergedRelationship): Element {
  const caseIds = typeof r.props.caseId === 'string' ? [r.props.caseId] : r.fromGroup === 'CaseManifest' ? [caseOf(r.from)] : [];
  return {
    kind: 'relationships', labels: [r.type], idColumns: [`:START_ID(${r.fromGroup})`, `:END_ID(${r.toGroup})`], ids: [r.from, r.to], props: r.props, idProperty: null,
    where: `${r.type} relationship from "${r.from}" to "${r.to}"`, caseIds,
  };
}

const elementOf = (element: GraphElement): Element => (element.space === 'relationship' ? relationshipElement(element.relationship) : nodeElement(element.node, element.space));

/** Every element of a held graph, in the order the files take them (the same order on every pass). */
function* elements(graph: MergedGraph): Generator<Element> {
  for (const node of graph.entities.values()) yield nodeElement(node, 'Entity');
  for (const node of graph.passages.values()) yield nodeElement(node, 'Passage');
  for (const node of graph.manifestNodes()) yield nodeElement(node, 'CaseManifest');
  for (const r of graph.relationships) yield relationshipElement(r);
}

/** A placed element's data line, encoded when its group had `columns` columns (those added later are empty cells for it). */
export interface PlacedLine {
  group: CsvGroup;
  line: string;
  columns: number;
}

/** The names of the properties holding an empty list, in the element's order. */
const emptyListsOf = (props: Record<string, unknown>) => Object.keys(props).filter((key) => Array.isArray(props[key]) && (props[key] as unknown[]).length === 0);

/**
 * Sorts every element of the merged graph into CSV groups, then gives their lines, in two passes
 * over the graph so that no row is held in memory: `scan` places each element in a group (one
 * per node label set, or relationship type, column types, and whether a value holds a line
 * break: the importer reads multi-line files apart; a value whose type clashes with its group's
 * column starts another group), `lines` encodes each element's line once every column is known
 * (a streamed graph: `placeLine` does both at once, see there).
 * Empty lists (which an importer cell cannot hold) are left out and listed in
 * EMPTY_LISTS_PROPERTY, to be set once the store runs. Pure.
 */
export class CsvLayout {
  readonly groups: CsvGroup[] = [];
  readonly problems: LayoutProblem[] = [];
  private readonly byKey = new Map<string, CsvGroup[]>();
  /** Each element's group, in the order of `elements` (set by `scan`). */
  private readonly placed: CsvGroup[] = [];
  /** Per marking label, the empty lists of the nodes that have it; per relationship type, the properties some relationship holds as an empty list. */
  readonly emptyLists = { nodes: new Map<string, string[]>(), relationships: new Map<string, Set<string>>() };
  /** Rows of all groups. */
  rows = 0;
  /** The largest value, in UTF-16 units (a list: its items and delimiters). */
  largestValue = 0;

  /** Pass 1: places every element of the graph in its group; records problems and empty lists. */
  scan(graph: MergedGraph): this {
    for (const element of elements(graph)) this.placed.push(this.place(element));
    this.rows = this.placed.length;
    return this;
  }

  /**
   * Pass 1 for a streamed graph: places one element in its group (as `scan` does) and encodes
   * its line with the group's columns known so far. A group's columns are only added to, in
   * order, so the final line is this one with an empty cell per column added later
   * (`PlacedLines`): no element is kept to be encoded in a second pass.
   */
  placeLine(graphElement: GraphElement): PlacedLine {
    const element = elementOf(graphElement);
    const problems = this.problems.length;
    const group = this.place(element);
    this.rows += 1;
    // An element with a value the files cannot carry is not encoded: the import stops before writing any file.
    const line = this.problems.length > problems ? '' : dataLine(group, element.ids, element.props);
    return { group, line, columns: group.columns.size };
  }

  /**
   * The groups as the files list them: entities, passages, manifests, then relationships (each
   * in the order they were first met), whatever order a streamed merge gave the elements in.
   */
  groupsInOrder(): CsvGroup[] {
    const rank = (g: CsvGroup) => (g.kind === 'relationships' ? 3 : g.labels.includes('Entity') ? 0 : g.labels.includes('Passage') ? 1 : 2);
    return [...this.groups].sort((a, b) => rank(a) - rank(b));
  }

  /** Pass 2 (after `scan`, on the same graph): every element's data line, in the order of `scan`. */
  *lines(graph: MergedGraph): Generator<CsvLine> {
    let i = 0;
    for (const element of elements(graph)) {
      const group = this.placed[i++]!;
      yield { group, line: dataLine(group, element.ids, element.props) };
    }
  }

  private place(element: Element): CsvGroup {
    const types = new Map<string, CellType>();
    const empty: string[] = [];
    let multiline = false;
    for (const [key, value] of Object.entries(element.props)) {
      if (key === element.idProperty) continue;
      const type = cellType(value);
      const problem = type === null || type === 'string[]' ? cellProblem(value) : null;
      if (problem) this.problems.push({ caseIds: element.caseIds, where: element.where, property: key, message: problem });
      else if (type === EMPTY_LIST) empty.push(key);
      else {
        types.set(key, type!);
        this.measure(value);
        if (!multiline && isMultiline(value)) multiline = true;
      }
    }
    let labels = element.labels;
    if (empty.length > 0) {
      if (element.kind === 'nodes') {
        empty.sort();
        const label = emptyListsLabel(empty);
        labels = [...labels, label];
        if (!this.emptyLists.nodes.has(label)) this.emptyLists.nodes.set(label, empty);
      } else {
        const names = this.emptyLists.relationships.get(labels[0]!) ?? this.emptyLists.relationships.set(labels[0]!, new Set()).get(labels[0]!)!;
        for (const name of empty) names.add(name);
        types.set(EMPTY_LISTS_PROPERTY, 'string[]');
      }
    }
    return this.group(element, labels, types, multiline);
  }

  private measure(value: unknown): void {
    const size = typeof value === 'string' ? value.length : Array.isArray(value) ? value.reduce((n: number, v) => n + String(v).length + 1, 0) : 0;
    if (size > this.largestValue) this.largestValue = size;
  }

  private group(element: Element, labels: string[], types: Map<string, CellType>, multiline: boolean): CsvGroup {
    const key = `${element.kind}|${labels.join(':')}|${multiline ? 'multiline' : ''}`;
    const candidates = this.byKey.get(key) ?? this.byKey.set(key, []).get(key)!;
    const fits = (group: CsvGroup) => {
      for (const [name, type] of types) {
        const column = group.columns.get(name);
        if (column !== undefined && column !== type) return false;
      }
      return true;
    };
    let group = candidates.find(fits);
    if (!group) {
      const name = `${element.kind}-${labels.join('-')}${multiline ? '-multiline' : ''}-${candidates.length}`;
      group = { name, kind: element.kind, labels, idColumns: element.idColumns, columns: new Map(), multiline, rows: 0 };
      candidates.push(group);
      this.groups.push(group);
    }
    for (const [name, type] of types) if (!group.columns.has(name)) group.columns.set(name, type);
    group.rows += 1;
    return group;
  }
}

/** One data line: the id cells, then a cell per column of the group (empty where the element has no such property, or an empty list). */
export function dataLine(group: CsvGroup, ids: string[], props: Record<string, unknown>): string {
  let line = ids.map((id) => encodeCell(id, 'string')).join(FIELD_DELIMITER);
  for (const [name, type] of group.columns) {
    let value = props[name];
    if (name === EMPTY_LISTS_PROPERTY && group.kind === 'relationships') {
      const empty = emptyListsOf(props);
      value = empty.length > 0 ? empty : null;
    } else if (Array.isArray(value) && value.length === 0) value = null;
    line += FIELD_DELIMITER + encodeCell(value, type);
  }
  return line;
}
