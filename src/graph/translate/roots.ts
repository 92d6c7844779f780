import { label } from '../../model/kinds.js';
import { readPage } from '../../model/pages.js';
import { SEARCH_INDEX, SEARCH_PROPERTIES } from '../../neo4j/migrations.js';
import { searchInputProblem, toLuceneQuery } from '../../search/lucene.js';
import { badInput, notFound } from '../../shared/errors.js';
import { Cypher, cypher, expr, join } from '../cypher.js';
import { LISTS, type ListSpec } from '../lists.js';
import { casesOf } from '../membership.js';
import { bestSortKey, dateRange } from '../time.js';
import { chronology, ORDER_TYPES, type OrderItem } from '../chronology.js';
import { neighborhood } from './neighborhood.js';
import { paths, pathSearch } from './paths.js';
import { connection, connectionParts, node, page, readLimit, type Scope } from './project.js';
import { collectFields, subSelections, type Selected } from './selection.js';
import type { GraphQLObjectType } from 'graphql';

type Row = Record<string, unknown>;

/** One root field compiled: its statement, and how its one row becomes the field's answer. */
export interface RootStatement {
  clause: Cypher.Clause;
  /** The answer from the statement's rows; throws NOT_FOUND where the field promises it. */
  answer(rows: readonly Row[]): unknown;
}

const param = (value: unknown) => new Cypher.Param(value);
const value = (rows: readonly Row[]) => rows[0]?.value ?? null;

/** One node by id, as the field's type; NOT_FOUND when there is none of that label. */
const byId =
  (nodeLabel: string, what: string) =>
  (scope: Scope, sel: Selected): RootStatement => {
    const v = new Cypher.Node();
    const id = String(sel.args.id);
    return {
      clause: cypher`MATCH (${v}:${nodeLabel} {id: ${param(id)}})\nRETURN ${node(scope, sel.type.name, v, subSelections(sel.nodes))} AS value`,
      answer: (rows) => {
        if (rows.length === 0) throw notFound(what, id);
        return value(rows);
      },
    };
  };

/**
 * A top-level list: one page in its stable order, fetched with one item more than asked (which
 * only tells whether a next page exists), and its total only when `totalCount` is asked.
 */
function topList(scope: Scope, sel: Selected, list: { match: (m: Cypher.Node, key: Cypher.Variable) => Cypher.Raw; order: (m: Cypher.Node, key: Cypher.Variable) => Cypher.Raw; sortKey?: (m: Cypher.Node) => Cypher.Expr; defaultSize?: number }) {
  const { offset, limit } = readPage(sel.args.first as number | null, sel.args.after as string | null, list.defaultSize);
  const parts = connectionParts(scope, sel);
  const m = new Cypher.Node();
  const key = new Cypher.Variable();
  const keyed = list.sortKey ? cypher`\nWITH ${m}, ${list.sortKey(m)} AS ${key}` : '';
  const items = parts.needItems
    ? expr(cypher`COLLECT {
${list.match(m, key)}${keyed}
WITH * ORDER BY ${list.order(m, key)} SKIP ${param(offset)} LIMIT ${readLimit(parts, limit)}
RETURN ${parts.itemSets.length ? node(scope, parts.itemType, m, parts.itemSets) : Cypher.true} }`)
    : new Cypher.List([]);
  const total = parts.needTotal ? expr(cypher`COUNT {
${list.match(m, key)}
RETURN ${m} }`) : null;
  return page(items, offset, limit, total);
}

/** A list under one node given by id (timeline, contestedClaims): NOT_FOUND when there is no case with that id. */
function underCase(listName: keyof typeof LISTS) {
  return (scope: Scope, sel: Selected): RootStatement => {
    const c = new Cypher.Node();
    const id = String(sel.args.caseId);
    return {
      clause: cypher`MATCH (${c}:Case {id: ${param(id)}})\nRETURN ${connection(scope, sel, LISTS[listName] as ListSpec, c)} AS value`,
      answer: (rows) => {
        if (rows.length === 0) throw notFound('case', id);
        return value(rows);
      },
    };
  };
}

const exists = (nodeLabel: string, id: unknown) => {
  const x = new Cypher.Node();
  return cypher`EXISTS { MATCH (${x}:${nodeLabel} {id: ${param(id)}}) }`;
};

/**
 * A case's events in the order its sources tell (graph/chronology.ts). The order needs every
 * event's dates and order relationships, so the statement returns all of them, each with its
 * projection, and the page is cut here; `from`/`to` filter after ordering.
 */
function timeline(scope: Scope, sel: Selected): RootStatement {
  const { offset, limit } = readPage(sel.args.first as number | null, sel.args.after as string | null);
  const parts = connectionParts(scope, sel);
  const [c, e, o, r] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Node(), new Cypher.Relationship()];
  const id = String(sel.args.caseId);
  const range = dateRange(e, sel.args) ?? Cypher.true;
  const projection = parts.needItems && parts.itemSets.length ? node(scope, parts.itemType, e, parts.itemSets) : Cypher.true;
  return {
    clause: cypher`MATCH (${c}:Case {id: ${param(id)}})
RETURN COLLECT {
  MATCH (${c})<-[:IN_CASE]-(${e}:Event)
  WITH DISTINCT ${e}
  RETURN {id: ${e}.id, key: ${e}.time_sortKey, seq: ${e}.seq, inRange: ${range},
    links: [(${e})-[${r}:${ORDER_TYPES.join('|')}]->(${o}:Event) | {type: type(${r}), other: ${o}.id}],
    value: ${projection}}
} AS value`,
    answer: (rows) => {
      if (rows.length === 0) throw notFound('case', id);
      const all = (rows[0]!.value as (OrderItem & { inRange: boolean; value: unknown })[]) ?? [];
      const byId = new Map(all.map((item) => [item.id, item]));
      const kept = chronology(all).map((x) => byId.get(x)!).filter((item) => item.inRange);
      const readCount = parts.needPageInfo ? limit + 1 : limit;
      return { items: kept.slice(offset, offset + readCount).map((item) => item.value), offset, limit, total: kept.length };
    },
  };
}

/**
 * Entities of a case, by kind then id: those that take part in it (`part`: casesOf, the one
 * notion of membership), or those its files mention (`mentioned`). Candidates are the nodes its
 * files mention and the holders of its roles; taking part is then checked on each.
 */
function caseEntities(notion: 'part' | 'mentioned') {
  return (scope: Scope, sel: Selected): RootStatement => {
    const caseId = (sel.args.caseId as string | null) ?? null;
    const kind = (sel.args.kind as string | null) ?? null;
    const nodeLabel = kind ? label(kind) : 'Entity';
    const c = param(caseId);
    const match = (m: Cypher.Node) => {
      if (!caseId) return cypher`MATCH (${m}:${nodeLabel})`;
      const x = new Cypher.Node();
      const stated = cypher`MATCH (${x}:CaseManifest {case: ${c}})-[:STATES]->(${m}:${nodeLabel})`;
      if (notion === 'mentioned') return cypher`${stated} WHERE ${m}.id <> ${c}\nWITH DISTINCT ${m}`;
      return cypher`CALL () {\n${stated} RETURN ${m}\nUNION\nMATCH (${m}:${nodeLabel})-[:HAS_ROLE]->(:Case {id: ${c}}) RETURN ${m}\n}\nWITH ${m} WHERE ${c} IN ${casesOf(m)}`;
    };
    const list = topList(scope, sel, { match, order: (m) => cypher`${m}.kind, ${m}.id` });
    return {
      clause: caseId ? cypher`RETURN ${list} AS value, ${exists('Case', caseId)} AS found` : cypher`RETURN ${list} AS value`,
      answer: (rows) => {
        if (caseId && rows[0]?.found !== true) throw notFound('case', caseId);
        return value(rows);
      },
    };
  };
}

/** The first (by id) of the cases whose contributions define node `m`: how facts of several cases are grouped in a list. */
function firstCase(m: Cypher.Node): Cypher.Raw {
  const x = new Cypher.Node();
  const s = new Cypher.Relationship();
  const id = new Cypher.Variable();
  return cypher`COLLECT { MATCH (${m})<-[${s}:STATES]-(${x}:CaseManifest) WHERE ${s}.defines RETURN ${x}.case AS ${id} ORDER BY ${id} LIMIT 1 }[0]`;
}

const objectType = (scope: Scope, name: string) => scope.schema.getType(name) as GraphQLObjectType;

const ROOTS: Record<string, (scope: Scope, sel: Selected) => RootStatement> = {
  entity: byId('Entity', 'entity'),
  case: byId('Case', 'case'),
  document: byId('SourceDocument', 'source document'),

  /** All cases, by id. */
  cases: (scope, sel) => ({
    clause: cypher`RETURN ${topList(scope, sel, { match: (m) => cypher`MATCH (${m}:Case)`, order: (m) => cypher`${m}.id` })} AS value`,
    answer: value,
  }),

  /** Entities, optionally of one kind or case, by kind then id. In a case: they take part in it (membership.ts), as `Entity.cases` and `sharedBetween` count it. */
  entities: caseEntities('part'),
  /** Entities a case's files state or mention, whether or not they take part in it (`Entity.mentionedIn` the other way). */
  entitiesMentioned: caseEntities('mentioned'),

  /** Rulings by best-known time, undated last; ties by case, case-file order, id. */
  rulings: (scope, sel) => {
    const caseId = (sel.args.caseId as string | null) ?? null;
    const disposition = (sel.args.disposition as string | null) ?? null;
    const match = (m: Cypher.Node) => {
      const c = new Cypher.Node();
      const from = caseId ? cypher`MATCH (${c}:Case {id: ${param(caseId)}})<-[:RULING_IN]-(${m}:Ruling)` : cypher`MATCH (${m}:Ruling)`;
      return disposition ? cypher`${from} WHERE ${m}.dispositionKind = ${param(disposition)}` : from;
    };
    const list = topList(scope, sel, {
      match,
      sortKey: (m) => bestSortKey(m),
      order: (m, k) => cypher`${k} IS NULL, ${k}, ${m}.time_sortKey IS NULL, ${firstCase(m)}, ${m}.seq, ${m}.id`,
    });
    return {
      clause: caseId ? cypher`RETURN ${list} AS value, ${exists('Case', caseId)} AS found` : cypher`RETURN ${list} AS value`,
      answer: (rows) => {
        if (caseId && rows[0]?.found !== true) throw notFound('case', caseId);
        return value(rows);
      },
    };
  },

  /** Who did what: acts, by case, then case-file order. Starts from the most selective anchor, so each filter uses an index. */
  whoDidWhat: (scope, sel) => {
    const caseId = (sel.args.caseId as string | null) ?? null;
    const actorId = (sel.args.actorId as string | null) ?? null;
    const [c, a] = [param(caseId), param(actorId)];
    const match = (m: Cypher.Node) => {
      const x = new Cypher.Node();
      const from = actorId ? cypher`MATCH (${x}:Entity {id: ${a}})-[:PERFORMED]->(${m}:Act)` : caseId ? cypher`MATCH (${x}:Case {id: ${c}})<-[:IN_CASE]-(${m}:Act)` : cypher`MATCH (${m}:Act)`;
      const conditions = [actorId && caseId ? cypher`EXISTS { (${m})-[:IN_CASE]->(:Case {id: ${c}}) }` : null, dateRange(m, sel.args)].filter((w): w is Cypher.Raw => w !== null);
      return conditions.length ? cypher`${from}\nWHERE ${join(conditions.map((w) => cypher`(${w})`), ' AND ')}` : from;
    };
    // Checked once, before the statement is built, so a bad date is refused even when no act matches.
    dateRange(new Cypher.Node(), sel.args);
    const list = topList(scope, sel, { match, order: (m) => cypher`${firstCase(m)}, ${m}.seq, ${m}.id` });
    const checks = [caseId ? cypher`, ${exists('Case', caseId)} AS caseFound` : '', actorId ? cypher`, ${exists('Entity', actorId)} AS actorFound` : ''];
    return {
      clause: cypher`RETURN ${list} AS value${checks[0]!}${checks[1]!}`,
      answer: (rows) => {
        if (caseId && rows[0]?.caseFound !== true) throw notFound('case', caseId);
        if (actorId && rows[0]?.actorFound !== true) throw notFound('entity', actorId);
        return value(rows);
      },
    };
  },

  /** Entities that take part in more than one case, the most shared first. */
  sharedEntities: (scope, sel) => ({
    clause: cypher`RETURN ${topList(scope, sel, {
      match: (m, k) => cypher`MATCH (${m}:Entity) WITH ${m}, ${casesOf(m)} AS ${k} WHERE size(${k}) > 1`,
      order: (m, k) => cypher`size(${k}) DESC, ${m}.id`,
    })} AS value`,
    answer: value,
  }),

  timeline,
  contestedClaims: underCase('Query.contestedClaims'),

  /** Entities two cases share; NOT_FOUND naming the first id that is not a case. */
  sharedBetween: (scope, sel) => {
    const [caseId, otherCaseId] = [String(sel.args.caseId), String(sel.args.otherCaseId)];
    const c = new Cypher.Node();
    return {
      clause: cypher`OPTIONAL MATCH (${c}:Case {id: ${param(caseId)}})
RETURN ${c} IS NOT NULL AS found, ${exists('Case', otherCaseId)} AS otherFound,
  CASE WHEN ${c} IS NOT NULL THEN ${connection(scope, sel, LISTS['Query.sharedBetween'], c)} END AS value`,
      answer: (rows) => {
        if (rows[0]?.found !== true) throw notFound('case', caseId);
        if (rows[0]?.otherFound !== true) throw notFound('case', otherCaseId);
        return value(rows);
      },
    };
  },

  /** Full-text search: best hits first, ties by id; the kinds filter applies before paging. */
  search: (scope, sel) => {
    const { offset, limit } = readPage(sel.args.first as number | null, sel.args.after as string | null, 10);
    const text = String(sel.args.query);
    const problem = searchInputProblem(text);
    if (problem) throw badInput(problem, 'query');
    const lucene = toLuceneQuery(text);
    if (!lucene) throw badInput('query has no words to search for (an exclusion alone finds nothing): give at least one word or "phrase" to find.', 'query');
    const kinds = (sel.args.kinds as string[] | null)?.length ? (sel.args.kinds as string[]) : null;
    const parts = connectionParts(scope, sel);
    const [hit, score, items, total] = [new Cypher.Node(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
    const hits = cypher`CALL db.index.fulltext.queryNodes(${param(SEARCH_INDEX)}, ${param(lucene)}) YIELD node AS ${hit}, score AS ${score}
WHERE ${param(kinds)} IS NULL OR ${hit}.kind IN ${param(kinds)}`;
    const hitMap = new Cypher.Map();
    for (const f of collectFields(scope, objectType(scope, 'SearchHit'), parts.itemSets).values()) {
      if (f.name === 'entity') hitMap.set(f.key, node(scope, 'Entity', hit, subSelections(f.nodes)));
      else if (f.name === 'kind') hitMap.set(f.key, hit.property('kind'));
      else if (f.name === 'score') hitMap.set(f.key, score);
      else {
        // Highlights are cut from the indexed fields in JavaScript (search/highlight.ts).
        hitMap.set('__highlight', new Cypher.Map(Object.fromEntries(SEARCH_PROPERTIES.map((p) => [p, hit.property(p)]))));
        hitMap.set('__query', param(text));
      }
    }
    const pageOf = cypher`CALL () {
${hits}
WITH ${hit}, ${score} ORDER BY ${score} DESC, ${hit}.id SKIP ${param(offset)} LIMIT ${readLimit(parts, limit)}
RETURN collect(${hitMap}) AS ${items}
}`;
    const countOf = cypher`CALL () {
${hits}
RETURN count(${hit}) AS ${total}
}`;
    // Both asked: the index is read once, its hits sorted and counted together, rather than a
    // second query for the count (a word every case holds has as many hits as cases).
    const [all, rows, row] = [new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
    const pageAndCount = cypher`CALL () {
${hits}
WITH ${hit}, ${score} ORDER BY ${score} DESC, ${hit}.id
WITH collect([${hit}, ${score}]) AS ${all}
WITH size(${all}) AS ${total}, ${all}[${param(offset)}..${param(offset)} + ${readLimit(parts, limit)}] AS ${rows}
CALL (${rows}) {
UNWIND ${rows} AS ${row}
WITH ${row}[0] AS ${hit}, ${row}[1] AS ${score}
RETURN collect(${hitMap}) AS ${items}
}
RETURN ${items}, ${total}
}`;
    const statement = parts.needItems && parts.needTotal ? pageAndCount : cypher`${parts.needItems ? pageOf : ''}
${parts.needTotal ? countOf : ''}`;
    return {
      clause: cypher`${statement}
RETURN ${page(parts.needItems ? items : new Cypher.List([]), offset, limit, parts.needTotal ? total : null)} AS value`,
      answer: value,
    };
  },

  neighborhood,
  paths,
  pathSearch,
};

export const COMPILED_ROOTS: ReadonlySet<string> = new Set(Object.keys(ROOTS));

export function rootStatement(scope: Scope, sel: Selected): RootStatement {
  const compile = ROOTS[sel.name];
  if (!compile) throw new Error(`Query.${sel.name} is not compiled`);
  return compile(scope, sel);
}

