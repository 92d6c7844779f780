import { badInput, notFound } from '../../shared/errors.js';
import { Cypher, cypher, expr, flag, join } from '../cypher.js';
import { sentenceOf } from '../sentences.js';
import { inRange } from './arguments.js';
import { degree, maxDegreeOf } from './hubs.js';
import { STATES_TYPE } from '../../model/kinds.js';
import { node, sources, type Scope } from './project.js';
import { collectFields, subSelections, type Selected } from './selection.js';
import type { GraphQLObjectType, SelectionSetNode } from 'graphql';

type Row = Record<string, unknown>;

/**
 * The k shortest paths between two entities (GQL SHORTEST), and the hubs the search did not
 * cross (hubs.ts): a node of more than `maxDegree` relationships is not passed through, so the
 * search stays bounded around it. The two ends are always allowed, whatever their degree.
 */
interface PathArgs {
  fromId: string;
  toId: string;
  maxHops: number;
  first: number;
  exclude: string[];
  statedOnly: boolean;
  /** Null: no bound (every node may be crossed). */
  maxDegree: number | null;
  /** The parameters the statement shares wherever they appear. */
  excluded: Cypher.Param;
  bound: Cypher.Param;
}

/** Cypher takes k and the hop bound only as literals, so both are checked to be small integers before they reach the text. */
function pathArgs(sel: Selected): PathArgs {
  const exclude = (sel.args.excludeTypes as string[] | null) ?? [];
  const bad = exclude.find((t) => !/^[A-Z][A-Z0-9_]*$/.test(t));
  if (bad !== undefined) throw badInput(`excludeTypes: "${bad}" is not a relationship type (UPPER_SNAKE_CASE).`, 'excludeTypes');
  const maxDegree = maxDegreeOf(sel.args);
  return {
    fromId: String(sel.args.fromId),
    toId: String(sel.args.toId),
    maxHops: inRange(sel.args.maxHops as number, 1, 8, 'maxHops'),
    first: inRange(sel.args.first as number, 1, 20, 'first'),
    exclude,
    statedOnly: sel.args.statedOnly === true,
    maxDegree,
    excluded: new Cypher.Param(exclude),
    bound: new Cypher.Param(maxDegree),
  };
}

const param = (value: unknown) => new Cypher.Param(value);
const objectType = (scope: Scope, name: string) => scope.schema.getType(name) as GraphQLObjectType;

/** The relationships a path may cross. */
function crossable(r: Cypher.Relationship, args: PathArgs): Cypher.Raw {
  return cypher`type(${r}) <> '${STATES_TYPE}' AND NOT type(${r}) IN ${args.excluded}${args.statedOnly ? cypher` AND NOT coalesce(${r}.inferred, false)` : ''}`;
}

/** The search's pattern from a to b: hops into the end, or into a node of at most maxDegree relationships. */
function pathPattern(args: PathArgs, a: Cypher.Node, b: Cypher.Node): Cypher.Raw {
  const r = new Cypher.Relationship();
  if (args.maxDegree === null) return cypher`(${a})-[${r} WHERE ${crossable(r, args)}]-{1,${args.maxHops}}(${b})`;
  const [x, y] = [new Cypher.Node(), new Cypher.Node()];
  return cypher`(${a})((${x})-[${r} WHERE ${crossable(r, args)}]-(${y} WHERE ${y}.id = ${param(args.toId)} OR ${degree(y)} <= ${args.bound})){1,${args.maxHops}}(${b})`;
}

/** One path as a map of what is selected: its length and its hops, each hop a subquery over the path's positions. */
function pathMap(scope: Scope, sets: readonly SelectionSetNode[], p: Cypher.Variable): { calls: Cypher.Raw[]; map: Cypher.Map } {
  const calls: Cypher.Raw[] = [];
  const map = new Cypher.Map();
  for (const f of collectFields(scope, objectType(scope, 'Path'), sets).values()) {
    if (f.name === 'length') {
      map.set(f.key, expr(cypher`length(${p})`));
      continue;
    }
    const out = new Cypher.Variable();
    calls.push(hopsOf(scope, f, p, out));
    map.set(f.key, out);
  }
  return { calls, map };
}

/** The hops of path p, in order, as `out`. */
function hopsOf(scope: Scope, f: Selected, p: Cypher.Variable, out: Cypher.Variable): Cypher.Raw {
  const [i, x, rel, y, hs, he] = [new Cypher.Variable(), new Cypher.Node(), new Cypher.Relationship(), new Cypher.Node(), new Cypher.Node(), new Cypher.Node()];
  const hop = new Cypher.Map();
  const hopFields = [...collectFields(scope, objectType(scope, 'PathHop'), subSelections(f.nodes)).values()];
  const ends = hopFields.some((g) => g.name === 'sentence') ? cypher`, startNode(relationships(${p})[${i}]) AS ${hs}, endNode(relationships(${p})[${i}]) AS ${he}` : '';
  for (const g of hopFields) {
    const field: Record<string, () => Cypher.Expr> = {
      from: () => node(scope, 'Entity', x, subSelections(g.nodes)),
      to: () => node(scope, 'Entity', y, subSelections(g.nodes)),
      relationship: () => Cypher.type(rel),
      sentence: () => sentenceOf(rel, hs, he),
      direction: () => expr(cypher`CASE WHEN startNode(${rel}) = ${x} THEN 'OUTGOING' ELSE 'INCOMING' END`),
      inherited: () => flag(rel.property('inherited')),
      inferred: () => flag(rel.property('inferred')),
      sources: () => sources(scope, g, rel.property('passageIds')),
    };
    hop.set(g.key, field[g.name]!());
  }
  return cypher`CALL (${p}) {
  UNWIND range(0, length(${p}) - 1) AS ${i}
  WITH ${i}, nodes(${p})[${i}] AS ${x}, relationships(${p})[${i}] AS ${rel}, nodes(${p})[${i} + 1] AS ${y}${ends} ORDER BY ${i}
  RETURN collect(${hop}) AS ${out}
}`;
}

/** The k shortest paths from a to b, shortest first, collected as `out` (one row, an empty list when there is none). */
function shortestPaths(scope: Scope, sets: readonly SelectionSetNode[], args: PathArgs, a: Cypher.Node, b: Cypher.Node, out: Cypher.Variable): Cypher.Raw {
  const [p, n] = [new Cypher.Variable(), new Cypher.Variable()];
  const { calls, map } = pathMap(scope, sets, p);
  return cypher`MATCH ${p} = SHORTEST ${args.first} ${pathPattern(args, a, b)}
  WHERE all(${n} IN nodes(${p}) WHERE ${n}:Entity)
  ${join(calls, '\n')}
  WITH * ORDER BY length(${p})
  RETURN collect(${map}) AS ${out}`;
}

/**
 * The hubs a path of at most maxHops hops could have crossed: every node of more than maxDegree
 * relationships (other than the two ends) within maxHops/2 hops (rounded down) of either end,
 * reached through crossable relationships and nodes that are not hubs. A path through hubs has
 * its first hub from one end or its last hub from the other within that distance, so every
 * hub the search left out is among them (some may lead nowhere near the other end). Most
 * relationships first, then by id; collected as `out`.
 */
function hubsNotCrossed(scope: Scope, sel: Selected, args: PathArgs, a: Cypher.Node, b: Cypher.Node, out: Cypher.Variable): Cypher.Raw {
  const reach = Math.floor(args.maxHops / 2);
  if (args.maxDegree === null || reach === 0) return cypher`RETURN [] AS ${out}`;
  const bound = args.bound;
  const [e, x, y, m, h, d] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Node(), new Cypher.Node(), new Cypher.Node(), new Cypher.Variable()];
  const [r, r2] = [new Cypher.Relationship(), new Cypher.Relationship()];
  const hub = new Cypher.Map();
  for (const f of collectFields(scope, objectType(scope, 'PathHub'), subSelections(sel.nodes)).values()) {
    hub.set(f.key, f.name === 'entity' ? node(scope, 'Entity', h, subSelections(f.nodes)) : d);
  }
  return cypher`UNWIND [${a}, ${b}] AS ${e}
  CALL (${e}, ${a}, ${b}) {
    MATCH ANY SHORTEST (${e})((${x})-[${r} WHERE ${crossable(r, args)}]-(${y}:Entity WHERE ${degree(y)} <= ${bound})){0,${reach - 1}}(${m})
    MATCH (${m})-[${r2} WHERE ${crossable(r2, args)}]-(${h}:Entity)
    WHERE ${degree(h)} > ${bound} AND ${h} <> ${a} AND ${h} <> ${b}
    RETURN DISTINCT ${h}
  }
  WITH DISTINCT ${h}
  WITH ${h}, ${degree(h)} AS ${d} ORDER BY ${d} DESC, ${h}.id
  RETURN collect(${hub}) AS ${out}`;
}

const exists = (id: string) => {
  const x = new Cypher.Node();
  return cypher`EXISTS { MATCH (${x}:Entity {id: ${param(id)}}) }`;
};

/** The statement's row: the answer, or NOT_FOUND naming the end that is not an entity. */
function answerOf(args: PathArgs, empty: (value: unknown) => boolean) {
  return (rows: readonly Row[]) => {
    const row = rows[0] ?? {};
    if (!empty(row.value)) return row.value;
    if (row.fromFound !== true) throw notFound('entity', args.fromId);
    if (row.toFound !== true) throw notFound('entity', args.toId);
    return row.value;
  };
}

const ends = (args: PathArgs, a: Cypher.Node, b: Cypher.Node) => cypher`MATCH (${a}:Entity {id: ${param(args.fromId)}}), (${b}:Entity {id: ${param(args.toId)}})`;
const found = (args: PathArgs) => cypher`${exists(args.fromId)} AS fromFound, ${exists(args.toId)} AS toFound`;

/** `Query.paths`: the paths alone, shortest first. */
export function paths(scope: Scope, sel: Selected) {
  const args = pathArgs(sel);
  const [a, b, value] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Variable()];
  return {
    clause: cypher`CALL () {
  ${ends(args, a, b)}
  ${shortestPaths(scope, subSelections(sel.nodes), args, a, b, value)}
}
RETURN ${value} AS value, ${found(args)}`,
    answer: answerOf(args, (v) => !(v as unknown[] | undefined)?.length),
  };
}

/** `Query.pathSearch`: the paths, the bound they kept to, and the hubs they did not cross. */
export function pathSearch(scope: Scope, sel: Selected) {
  const args = pathArgs(sel);
  const [a, b, result] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Variable()];
  const calls: Cypher.Raw[] = [];
  const map = new Cypher.Map();
  for (const f of collectFields(scope, objectType(scope, 'PathSearch'), subSelections(sel.nodes)).values()) {
    if (f.name === 'maxDegree') {
      map.set(f.key, args.bound);
      continue;
    }
    const out = new Cypher.Variable();
    const body = f.name === 'paths' ? shortestPaths(scope, subSelections(f.nodes), args, a, b, out) : hubsNotCrossed(scope, f, args, a, b, out);
    calls.push(cypher`CALL (${a}, ${b}) {
  ${body}
}`);
    map.set(f.key, out);
  }
  return {
    clause: cypher`CALL () {
  ${ends(args, a, b)}
  ${join(calls, '\n')}
  RETURN collect(${map}) AS ${result}
}
RETURN ${result}[0] AS value, ${found(args)}`,
    answer: answerOf(args, (v) => v === null || v === undefined),
  };
}
