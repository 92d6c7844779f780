import { GraphQLError, isAbstractType, isObjectType, type FieldNode, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { ATTRIBUTE_FIELDS, REFERENCE_FIELDS, REPORTED_AS_TYPE, TIME_FIELDS, isNodeKind, type NodeKind, type ReferenceField } from '../../model/kinds.js';
import { readPage } from '../../model/pages.js';
import { Cypher, cypher, expr, flag, join } from '../cypher.js';
import { arrow, LISTS, type ListSpec, type ListVars } from '../lists.js';
import { placingMatch } from '../time.js';
import { sentenceOf } from '../sentences.js';
import { collectFields, subSelections, type Operation, type Selected } from './selection.js';

/**
 * The translation of one root field: the operation it reads, and the errors of fields that
 * cannot be answered (a bad `first:` three levels down). Such a field compiles to a marker
 * holding the error's index; its resolver throws the error there, so it lands at the same path
 * as GraphQL's executor would put it, and the rest of the answer stands.
 */
export interface Scope extends Operation {
  errors: GraphQLError[];
}

const ERROR_KEY = '__error';

/** The field's own value, or the error it compiled to. */
export function fieldValue(parent: Record<string, unknown>, key: string, errors: readonly GraphQLError[]): unknown {
  const value = parent[key];
  if (value !== null && typeof value === 'object' && ERROR_KEY in value) throw errors[(value as Record<string, number>)[ERROR_KEY]!];
  return value;
}

function guarded(scope: Scope, compile: () => Cypher.Expr): Cypher.Expr {
  try {
    return compile();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    scope.errors.push(error);
    return new Cypher.Map({ [ERROR_KEY]: new Cypher.Literal(scope.errors.length - 1) });
  }
}

const objectType = (scope: Scope, name: string): GraphQLObjectType => {
  const type = scope.schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type;
};

function mapOf(scope: Scope, fields: Iterable<Selected>, compile: (sel: Selected) => Cypher.Expr, extra: Record<string, Cypher.Expr> = {}): Cypher.Map {
  const map = new Cypher.Map(extra);
  for (const sel of fields) map.set(sel.key, guarded(scope, () => compile(sel)));
  return map;
}

// ---- nodes ----------------------------------------------------------------------------------

type NodeField = (scope: Scope, v: Cypher.Node, sel: Selected) => Cypher.Expr;

const prop = (v: Cypher.Variable, name: string) => v.property(name);

/** The fields every node has (the Entity interface). */
const ENTITY_FIELDS: Record<string, NodeField> = {
  id: (_, v) => prop(v, 'id'),
  kind: (_, v) => prop(v, 'kind'),
  name: (_, v) => prop(v, 'name'),
  aliases: (_, v) => Cypher.coalesce(prop(v, 'aliases'), new Cypher.List([])),
  description: (_, v) => prop(v, 'description'),
  unnamed: (_, v) => flag(prop(v, 'unnamed')),
  sources: (scope, v, sel) => sources(scope, sel, statedPassages(v)),
};

/** A node's passages: those its contributions cite for it, on their STATES (write-queries.ts). */
function statedPassages(v: Cypher.Variable): Cypher.Expr {
  const s = new Cypher.Relationship();
  const x = new Cypher.Variable();
  return expr(cypher`COLLECT { MATCH (${v})<-[${s}:STATES]-(:CaseManifest) UNWIND ${s}.passageIds AS ${x} RETURN ${x} }`);
}

/** Fields a kind shows differently from the property of its name, or that are not in the model's tables. */
const KIND_FIELDS: Record<string, NodeField> = {
  'Case.caption': (_, v) => Cypher.coalesce(prop(v, 'caption'), prop(v, 'name')),
  'Case.citations': (_, v) => Cypher.coalesce(prop(v, 'citations'), new Cypher.List([])),
  'Authority.citation': (_, v) => Cypher.coalesce(prop(v, 'citation'), prop(v, 'name')),
  'Authority.reportedCase': (scope, v, sel) => single(scope, sel, v, { field: 'reportedCase', type: REPORTED_AS_TYPE, inbound: true }),
  'Ruling.timeOrder': (scope, v, sel) => timeOrder(scope, v, sel),
  'Event.timeOrder': (scope, v, sel) => timeOrder(scope, v, sel),
  'Event.placedBy': (scope, v, sel) => placedBy(scope, v, sel),
  'Act.timeOrder': (scope, v, sel) => timeOrder(scope, v, sel),
};

/** How `type.field` of a node is read: the same function for every kind that shares it, so kinds can share a projection. */
function nodeField(kind: string, field: string): { id: string; compile: NodeField } {
  if (field in ENTITY_FIELDS) return { id: `Entity.${field}`, compile: ENTITY_FIELDS[field]! };
  const own = KIND_FIELDS[`${kind}.${field}`];
  if (own) return { id: `${kind}.${field}`, compile: own };
  const list = (LISTS as Record<string, ListSpec>)[`${kind}.${field}`] ?? (LISTS as Record<string, ListSpec>)[`Entity.${field}`];
  if (list) return { id: list.name, compile: (scope, v, sel) => connection(scope, sel, list, v) };
  if (!isNodeKind(kind)) throw new Error(`${kind} is not a node kind`);
  const ref = REFERENCE_FIELDS[kind].find((r) => r.field === field && !r.many);
  if (ref) return { id: `${kind}.${field}`, compile: (scope, v, sel) => single(scope, sel, v, ref) };
  if (TIME_FIELDS[kind]?.includes(field)) return { id: `${kind}.${field}`, compile: (scope, v, sel) => time(scope, sel, v, field) };
  if (ATTRIBUTE_FIELDS[kind].includes(field)) return { id: `${kind}.${field}`, compile: (_, v) => prop(v, field) };
  throw new Error(`no projection for ${kind}.${field}`);
}

/** Field nodes numbered by identity: kinds that ask for the same nodes can share a projection. */
const fieldIds = new WeakMap<FieldNode, number>();
let nextFieldId = 0;
function fieldId(node: FieldNode): number {
  let id = fieldIds.get(node);
  if (id === undefined) fieldIds.set(node, (id = ++nextFieldId));
  return id;
}

/**
 * A node as the selection asks for it. Under an interface (Entity) each kind may ask for more
 * (`... on Person { age }`): kinds that ask for the same fields share one map, and the others
 * get theirs through `CASE v.kind`. Maps under an interface carry `__typename` for the executor.
 */
export function node(scope: Scope, typeName: string, v: Cypher.Node, sets: readonly SelectionSetNode[]): Cypher.Expr {
  const declared = scope.schema.getType(typeName);
  if (!declared) throw new Error(`no type ${typeName}`);
  const wrapper = WRAPPERS[typeName];
  if (wrapper) return mapOf(scope, collectFields(scope, declared as GraphQLObjectType, sets).values(), (sel) => wrapper[sel.name]!(scope, v, sel));
  if (!isAbstractType(declared)) return nodeMap(scope, declared as GraphQLObjectType, v, sets, false);
  const groups = new Map<string, GraphQLObjectType[]>();
  for (const type of scope.schema.getPossibleTypes(declared)) {
    const fields = collectFields(scope, type, sets);
    const signature = [...fields.values()].map((f) => `${f.key}=${nodeField(type.name, f.name).id}#${f.nodes.map(fieldId).join(',')}`).join('|');
    const group = groups.get(signature);
    if (group) group.push(type);
    else groups.set(signature, [type]);
  }
  const branches = [...groups.values()].sort((a, b) => b.length - a.length);
  if (branches.length === 1) return nodeMap(scope, branches[0]![0]!, v, sets, true);
  const [most, ...others] = branches;
  const whens = others.map((types) => cypher`WHEN ${join(types.map((t) => `'${t.name}'`), ', ')} THEN ${nodeMap(scope, types[0]!, v, sets, true)}`);
  return expr(cypher`CASE ${v}.kind ${join(whens, ' ')} ELSE ${nodeMap(scope, most![0]!, v, sets, true)} END`);
}

/** Types that wrap a node with fields of their own: a contested claim is the claim and the claims against it. */
const WRAPPERS: Record<string, Record<string, NodeField>> = {
  ContestedClaim: {
    claim: (scope, v, sel) => node(scope, 'Claim', v, subSelections(sel.nodes)),
    disputedBy: (scope, v, sel) => connection(scope, sel, LISTS['Claim.disputedBy'], v),
  },
};

function nodeMap(scope: Scope, type: GraphQLObjectType, v: Cypher.Node, sets: readonly SelectionSetNode[], typed: boolean): Cypher.Map {
  return mapOf(scope, collectFields(scope, type, sets).values(), (sel) => nodeField(type.name, sel.name).compile(scope, v, sel), typed ? { __typename: prop(v, 'kind') } : {});
}

/** A single reference (Act.actor, Case.court…): the first node it points at, in case-file order. */
function single(scope: Scope, sel: Selected, v: Cypher.Node, ref: ReferenceField): Cypher.Expr {
  const x = new Cypher.Node();
  return expr(cypher`COLLECT { MATCH (${v})${arrow(ref, true)}(${x}:Entity) WITH ${x} ORDER BY ${x}.seq, ${x}.id LIMIT 1 RETURN ${node(scope, sel.type.name, x, subSelections(sel.nodes))} }[0]`);
}

/** The node with the id in `id`, as `typeName` (a relationship's case). */
function byId(scope: Scope, sel: Selected, id: Cypher.Expr): Cypher.Expr {
  const x = new Cypher.Node();
  return expr(cypher`COLLECT { MATCH (${x}:Entity {id: ${id}}) RETURN ${node(scope, sel.type.name, x, subSelections(sel.nodes))} }[0]`);
}

// ---- times ----------------------------------------------------------------------------------

const TIME_PARTS: Record<string, (v: Cypher.Variable, field: string) => Cypher.Expr> = {
  text: (v, f) => prop(v, `${f}_text`),
  year: (v, f) => prop(v, `${f}_year`),
  month: (v, f) => prop(v, `${f}_month`),
  day: (v, f) => prop(v, `${f}_day`),
  weekday: (v, f) => prop(v, `${f}_weekday`),
  precision: (v, f) => prop(v, `${f}_precision`),
  approximate: (v, f) => flag(prop(v, `${f}_approximate`)),
  // The sort key is the ISO date of the known part when the year is known (model/time.ts).
  iso: (v, f) => expr(cypher`CASE WHEN ${v}.${f}_sortKey IS NOT NULL THEN ${v}.${f}_sortKey WHEN ${v}.${f}_month IS NOT NULL THEN '--' + right('0' + toString(${v}.${f}_month), 2) END`),
};

/** A time field (`time`, `received`), stored flattened as `<field>_<part>`; null when the node has none. */
function time(scope: Scope, sel: Selected, v: Cypher.Variable, field: string): Cypher.Expr {
  const map = mapOf(scope, collectFields(scope, objectType(scope, 'Time'), subSelections(sel.nodes)).values(), (part) => TIME_PARTS[part.name]!(v, field));
  return expr(cypher`CASE WHEN ${v}.${field}_precision IS NULL THEN null ELSE ${map} END`);
}

/**
 * Where a ruling, event or act sits in time: its own time when it has a year; else that of the
 * event that places it (time.ts), marked inferred; else its own time, which places nothing.
 */
function timeOrder(scope: Scope, v: Cypher.Node, sel: Selected): Cypher.Expr {
  const fields = [...collectFields(scope, objectType(scope, 'TimeOrder'), subSelections(sel.nodes)).values()];
  const own = mapOf(scope, fields, (f) =>
    f.name === 'time' ? time(scope, f, v, 'time') : f.name === 'inferred' ? Cypher.false : f.name === 'from' ? Cypher.Null : new Cypher.List([]),
  );
  const path = new Cypher.Variable();
  const x = new Cypher.Node();
  const r = new Cypher.Variable();
  const placed = mapOf(scope, fields, (f) =>
    f.name === 'time'
      ? time(scope, f, x, 'time')
      : f.name === 'inferred'
        ? Cypher.true
        : f.name === 'from'
          ? node(scope, 'Event', x, subSelections(f.nodes))
          : expr(cypher`[${r} IN relationships(${path}) | type(${r})]`),
  );
  return expr(cypher`CASE WHEN ${v}.time_sortKey IS NOT NULL THEN ${own} ELSE coalesce(COLLECT {
${placingMatch(v, path, x)}
RETURN ${placed} }[0], ${own}) END`);
}

/** How an event stands to another through an order relationship: [seen from its start, seen from its end]. */
const ORDER_WORDS: Record<string, [string, string]> = {
  BEFORE: ['before', 'after'],
  AFTER: ['after', 'before'],
  DURING: ['during', 'includes'],
  SAME_DAY_AS: ['on the same day as', 'on the same day as'],
  PART_OF: ['part of', 'includes'],
  CAUSED_BY: ['caused by', 'led to'],
};
const SENTENCE_VERBS: Record<string, [string, string]> = {
  BEFORE: ['happened before', 'happened after'],
  AFTER: ['happened after', 'happened before'],
  DURING: ['happened during', 'included'],
  SAME_DAY_AS: ['happened on the same day as', 'happened on the same day as'],
  PART_OF: ['was part of', 'included'],
  CAUSED_BY: ['was caused by', 'led to'],
};

/** The event's order relationships with other events, both ways, each read from the event (chronology.ts). */
function placedBy(scope: Scope, v: Cypher.Node, sel: Selected): Cypher.Expr {
  const [r, o, out] = [new Cypher.Relationship(), new Cypher.Node(), new Cypher.Variable()];
  const pick = (table: Record<string, [string, string]>) =>
    expr(cypher`CASE type(${r}) ${join(Object.entries(table).map(([t, [f, b]]) => cypher`WHEN '${t}' THEN CASE WHEN ${out} THEN '${f}' ELSE '${b}' END`), ' ')} END`);
  const fields = collectFields(scope, objectType(scope, 'Placement'), subSelections(sel.nodes)).values();
  const map = mapOf(scope, fields, (f) => {
    switch (f.name) {
      case 'relation':
        return Cypher.type(r);
      case 'direction':
        return expr(cypher`CASE WHEN ${out} THEN 'OUTGOING' ELSE 'INCOMING' END`);
      case 'order':
        return pick(ORDER_WORDS);
      case 'sentence':
        return expr(cypher`${v}.name + ' ' + ${pick(SENTENCE_VERBS)} + ' ' + ${o}.name + '.'`);
      case 'other':
        return node(scope, 'Event', o, subSelections(f.nodes));
      case 'inferred':
        return flag(r.property('inferred'));
      case 'sources':
        return sources(scope, f, r.property('passageIds'));
      default:
        return r.property(f.name);
    }
  });
  return expr(cypher`COLLECT {
MATCH (${v})-[${r}:${Object.keys(ORDER_WORDS).join('|')}]-(${o}:Event)
WITH ${r}, ${o}, startNode(${r}) = ${v} AS ${out}
ORDER BY ${o}.seq, ${o}.id, type(${r})
RETURN ${map} }`);
}

// ---- relationships --------------------------------------------------------------------------

/**
 * A relationship `r` between the parent `self` and `other`, seen from the parent (Relationship,
 * Role), with its ends bound as `start` and `end`: each end is projected once, whichever way
 * the relationship points.
 */
export interface RelationshipSubject {
  r: Cypher.Relationship | Cypher.Variable;
  self: Cypher.Node;
  other: Cypher.Node;
  start: Cypher.Node;
  end: Cypher.Node;
}

type RelationshipField = (scope: Scope, s: RelationshipSubject, sel: Selected) => Cypher.Expr;

const fromEnd: RelationshipField = (scope, s, sel) => node(scope, sel.type.name, s.start, subSelections(sel.nodes));
const toEnd: RelationshipField = (scope, s, sel) => node(scope, sel.type.name, s.end, subSelections(sel.nodes));

const RELATIONSHIP_COMMON: Record<string, RelationshipField> = {
  id: (_, s) => prop(s.r, 'id'),
  description: (_, s) => prop(s.r, 'description'),
  inferred: (_, s) => flag(prop(s.r, 'inferred')),
  reason: (_, s) => prop(s.r, 'reason'),
  sources: (scope, s, sel) => sources(scope, sel, prop(s.r, 'passageIds')),
  case: (scope, s, sel) => byId(scope, sel, prop(s.r, 'caseId')),
};

const RELATIONSHIP_FIELDS: Record<string, Record<string, RelationshipField>> = {
  Relationship: {
    ...RELATIONSHIP_COMMON,
    type: (_, s) => Cypher.type(s.r as Cypher.Relationship),
    direction: (_, s) => expr(cypher`CASE WHEN ${s.start} = ${s.self} THEN 'OUTGOING' ELSE 'INCOMING' END`),
    from: fromEnd,
    to: toEnd,
    other: (scope, s, sel) => node(scope, sel.type.name, s.other, subSelections(sel.nodes)),
    role: (_, s) => prop(s.r, 'role'),
    inherited: (_, s) => flag(prop(s.r, 'inherited')),
    sentence: (_, s) => sentenceOf(s.r, s.start, s.end),
  },
  Role: {
    ...RELATIONSHIP_COMMON,
    role: (_, s) => prop(s.r, 'role'),
    holder: fromEnd,
    within: toEnd,
    terminated: (_, s) => prop(s.r, 'terminated'),
    sentence: (_, s) => sentenceOf(s.r, s.start, s.end),
  },
};

export function relationship(scope: Scope, typeName: string, s: RelationshipSubject, sets: readonly SelectionSetNode[]): Cypher.Map {
  const fields = RELATIONSHIP_FIELDS[typeName];
  if (!fields) throw new Error(`${typeName} is not a relationship type`);
  return mapOf(scope, collectFields(scope, objectType(scope, typeName), sets).values(), (sel) => fields[sel.name]!(scope, s, sel));
}

// ---- connections ----------------------------------------------------------------------------

/** What a connection's selection asks for: the items' type and selection, and whether it needs the items and the total. */
export interface ConnectionParts {
  itemType: string;
  itemSets: SelectionSetNode[];
  /** Edges or page info are asked, so the page's items are read. */
  needItems: boolean;
  /** Page info is asked: one item more than the page is read, to tell whether another page follows. */
  needPageInfo: boolean;
  needTotal: boolean;
}

export function connectionParts(scope: Scope, sel: Selected): ConnectionParts {
  const connectionType = objectType(scope, sel.type.name);
  const fields = [...collectFields(scope, connectionType, subSelections(sel.nodes)).values()];
  const edgeType = objectType(scope, connectionType.getFields().edges!.type.toString().replace(/[[\]!]/g, ''));
  const itemType = edgeType.getFields().node!.type.toString().replace(/[[\]!]/g, '');
  const itemSets: SelectionSetNode[] = [];
  let hasEdges = false;
  for (const f of fields.filter((f) => f.name === 'edges')) {
    hasEdges = true;
    for (const e of collectFields(scope, edgeType, subSelections(f.nodes)).values()) if (e.name === 'node') itemSets.push(...subSelections(e.nodes));
  }
  const needPageInfo = fields.some((f) => f.name === 'pageInfo');
  return { itemType, itemSets, needItems: hasEdges || needPageInfo, needPageInfo, needTotal: fields.some((f) => f.name === 'totalCount') };
}

/**
 * The page of a connection as the statement returns it; the Relay envelope is built from it
 * (graphql/compiled-reads.ts). `items` holds one item more than the page when page info is
 * asked, except for an `exact` page, whose next page is told by its total.
 */
export function page(items: Cypher.Expr, offset: number, limit: number, total: Cypher.Expr | null, exact = false): Cypher.Map {
  const map = new Cypher.Map({ items, offset: new Cypher.Param(offset), limit: new Cypher.Param(limit) });
  if (total) map.set('total', total);
  if (exact) map.set('exact', Cypher.true);
  return map;
}

/** How many items to read for a page: one more when page info must tell whether another page follows. */
export const readLimit = (parts: ConnectionParts, limit: number) => new Cypher.Param(parts.needPageInfo ? limit + 1 : limit);

export function itemOf(scope: Scope, parts: ConnectionParts, spec: Pick<ListSpec, 'items'>, v: ListVars, ends: { start: Cypher.Node; end: Cypher.Node }): Cypher.Expr {
  if (parts.itemSets.length === 0) return Cypher.true;
  return spec.items === 'node' ? node(scope, parts.itemType, v.item, parts.itemSets) : relationship(scope, parts.itemType, { r: v.rel, self: v.parent, other: v.item, ...ends }, parts.itemSets);
}

/** The clauses that bind a list's distinct items, filtered: shared by its page and its count. */
export function listBody(spec: ListSpec, v: ListVars, args: Record<string, unknown>): { body: Cypher.Raw; distinct: Cypher.Raw; filtered: boolean } {
  const conditions = (spec.where?.(v, args) ?? []).filter((c): c is Cypher.Raw => c !== null);
  const where = conditions.length ? cypher`\nWHERE ${join(conditions.map((c) => cypher`(${c})`), ' AND ')}` : '';
  const distinct = spec.distinct === 'rel' || spec.distinct === 'none' ? cypher`${v.rel}, ${v.item}` : spec.distinct === 'key' ? cypher`${v.item}, ${v.key}` : cypher`${v.item}`;
  const withClause = spec.distinct === 'none' ? cypher`WITH ${distinct}` : cypher`WITH DISTINCT ${distinct}`;
  return { body: cypher`${spec.match(v, args)}${where}\n${withClause}`, distinct, filtered: conditions.length > 0 };
}

/**
 * A list under a node: its page in the documented order (one item more than asked, to tell
 * whether another page follows) and, when asked, its total. Both are subqueries of the
 * parent's map, so the whole tree stays one statement.
 */
export function connection(scope: Scope, sel: Selected, spec: ListSpec, parent: Cypher.Node): Cypher.Expr {
  const { offset, limit } = readPage(sel.args.first as number | null, sel.args.after as string | null, spec.defaultSize);
  const parts = connectionParts(scope, sel);
  const v: ListVars = { parent, item: new Cypher.Node(), rel: new Cypher.Relationship(), key: new Cypher.Variable() };
  const { body, distinct, filtered } = listBody(spec, v, sel.args);
  const ends = { start: new Cypher.Node(), end: new Cypher.Node() };
  const keyed = spec.sortKey ? cypher`\nWITH ${distinct}, ${spec.sortKey(v)} AS ${v.key}` : '';
  // A relationship's ends are taken after the page is cut: under a hub the sort reads thousands of rows, the page ten.
  const endsOf = spec.items === 'relationship' ? cypher`\nWITH *, startNode(${v.rel}) AS ${ends.start}, endNode(${v.rel}) AS ${ends.end}` : '';
  const items = parts.needItems
    ? expr(cypher`COLLECT {
${body}${keyed}
ORDER BY ${spec.order(v)} SKIP ${new Cypher.Param(offset)} LIMIT ${readLimit(parts, limit)}${endsOf}
RETURN ${itemOf(scope, parts, spec, v, ends)} }`)
    : new Cypher.List([]);
  const counted = spec.degree && !filtered ? expr(spec.degree(v)) : expr(cypher`COUNT {
${body}
RETURN ${v.item} }`);
  return page(items, offset, limit, parts.needTotal ? counted : null);
}

/** The fields of a passage `p` quoted from document `d`. */
function source(scope: Scope, p: Cypher.Node, d: Cypher.Node, sets: readonly SelectionSetNode[]): Cypher.Map {
  return mapOf(scope, collectFields(scope, objectType(scope, 'Source'), sets).values(), (f) =>
    f.name === 'document' ? node(scope, 'SourceDocument', d, subSelections(f.nodes)) : prop(p, f.name),
  );
}

/**
 * The passages supporting a node or relationship (its `passageIds`), a page at a time, by
 * document and then offset. The ids are sorted and paged before any passage is read: a shared
 * entity can gather thousands, and only the page's passages are loaded. Passage ids are
 * `<document id>:<start>-<end>`, or `<document id>:<pointer>:<start>-<end>` in a JSON record
 * (a pointer sorts with its document).
 */
export function sources(scope: Scope, sel: Selected, ids: Cypher.Expr): Cypher.Expr {
  const { offset, limit } = readPage(sel.args.first as number | null, sel.args.after as string | null);
  const parts = connectionParts(scope, sel);
  const [pid, tail, doc, start, end] = [new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
  const p = new Cypher.Node();
  const d = new Cypher.Node();
  const items = parts.needItems
    ? expr(cypher`COLLECT {
UNWIND coalesce(${ids}, []) AS ${pid}
WITH DISTINCT ${pid}
WITH ${pid}, last(split(${pid}, ':')) AS ${tail}
WITH ${pid}, left(${pid}, size(${pid}) - size(${tail}) - 1) AS ${doc}, toInteger(split(${tail}, '-')[0]) AS ${start}, toInteger(split(${tail}, '-')[1]) AS ${end}
ORDER BY ${doc}, ${start}, ${end} SKIP ${new Cypher.Param(offset)} LIMIT ${new Cypher.Param(limit)}
MATCH (${p}:Passage {id: ${pid}})-[:QUOTED_FROM]->(${d}:SourceDocument)
WITH ${p}, ${d}, ${doc}, ${start}, ${end} ORDER BY ${doc}, ${start}, ${end}
RETURN ${parts.itemSets.length ? source(scope, p, d, parts.itemSets) : Cypher.true} }`)
    : new Cypher.List([]);
  const x = new Cypher.Variable();
  const total = expr(cypher`COUNT { UNWIND coalesce(${ids}, []) AS ${x} WITH DISTINCT ${x} RETURN ${x} }`);
  return page(items, offset, limit, parts.needTotal || parts.needPageInfo ? total : null, true);
}

