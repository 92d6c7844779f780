import { notFound } from '../../shared/errors.js';
import { Cypher, cypher, flag, join } from '../cypher.js';
import { sentenceOf } from '../sentences.js';
import { inRange } from './arguments.js';
import { degree, FACTS, maxDegreeOf } from './hubs.js';
import { STATES_TYPE } from '../../model/kinds.js';
import { node, sources, type Scope } from './project.js';
import { collectFields, subSelections, type Selected } from './selection.js';
import type { GraphQLObjectType } from 'graphql';

type Row = Record<string, unknown>;

const param = (value: unknown) => new Cypher.Param(value);
const objectType = (scope: Scope, name: string) => scope.schema.getType(name) as GraphQLObjectType;

/**
 * The entities within `depth` hops, by id, at most `limit` with the centre (plus one, to tell
 * whether the limit cut it), as `found`. With a bound, the walk does not go on from a node of
 * more than `maxDegree` relationships (hubs.ts): such a node is in the neighbourhood, its other
 * cases are not. The centre is always expanded.
 */
function reached(start: Cypher.Node, depth: number, limit: number, maxDegree: number | null, found: Cypher.Variable): Cypher.Raw {
  const m = new Cypher.Node();
  const page = cypher`WITH DISTINCT ${m} ORDER BY ${m}.id LIMIT ${param(limit)}
  RETURN collect(${m}) AS ${found}`;
  if (maxDegree === null || depth === 1) {
    // A variable-length pattern takes no type expression: its relationships are filtered (inline, as it expands).
    const [rs, r] = [new Cypher.Variable(), new Cypher.Variable()];
    return cypher`MATCH (${start})-[${rs}*1..${depth}]-(${m}:Entity) WHERE ${m} <> ${start} AND all(${r} IN ${rs} WHERE type(${r}) <> '${STATES_TYPE}')
  ${page}`;
  }
  const [x, y, s] = [new Cypher.Node(), new Cypher.Node(), new Cypher.Node()];
  return cypher`MATCH ANY SHORTEST (${start})((${x})-[:${FACTS}]-(${y} WHERE ${degree(y)} <= ${param(maxDegree)})){0,${depth - 1}}(${s})
  MATCH (${s})-[:${FACTS}]-(${m}:Entity) WHERE ${m} <> ${start}
  ${page}`;
}

/** The kept nodes as GraphNodes, in order (the centre first). */
function nodesOf(scope: Scope, f: Selected, kept: Cypher.Variable, out: Cypher.Variable): Cypher.Raw {
  const [i, x] = [new Cypher.Variable(), new Cypher.Node()];
  const map = new Cypher.Map();
  for (const g of collectFields(scope, objectType(scope, 'GraphNode'), subSelections(f.nodes)).values()) {
    const field: Record<string, () => Cypher.Expr> = {
      entity: () => node(scope, 'Entity', x, subSelections(g.nodes)),
      label: () => x.property('name'),
      relationships: () => degree(x),
    };
    map.set(g.key, (field[g.name] ?? (() => x.property(g.name)))());
  }
  return cypher`CALL (${kept}) { UNWIND range(0, size(${kept}) - 1) AS ${i} WITH ${i}, ${kept}[${i}] AS ${x} ORDER BY ${i} RETURN collect(${map}) AS ${out} }`;
}

/**
 * Every relationship between two kept nodes. A node with fewer outgoing relationships than there
 * are kept nodes has them read; a hub instead looks up each other kept node (an expansion into a
 * known pair reads the side with fewer relationships), so its thousands of cases are never read.
 * The hub's pair with itself is not looked up: both sides would be the hub, and the expansion
 * would read all its relationships. A hub has no relationship to itself: validation refuses
 * every reference of an element to itself (`checkSelfReferences` in casefile/validate.ts).
 */
function edgesOf(scope: Scope, f: Selected, kept: Cypher.Variable, out: Cypher.Variable): Cypher.Raw {
  const [a, r, b] = [new Cypher.Node(), new Cypher.Relationship(), new Cypher.Node()];
  const map = new Cypher.Map();
  for (const g of collectFields(scope, objectType(scope, 'GraphEdge'), subSelections(f.nodes)).values()) {
    const field: Record<string, () => Cypher.Expr> = {
      id: () => r.property('id'),
      type: () => Cypher.type(r),
      from: () => a.property('id'),
      to: () => b.property('id'),
      label: () => Cypher.coalesce(r.property('role'), Cypher.type(r)),
      sentence: () => sentenceOf(r, a, b),
      inherited: () => flag(r.property('inherited')),
      inferred: () => flag(r.property('inferred')),
      sources: () => sources(scope, g, r.property('passageIds')),
    };
    map.set(g.key, field[g.name]!());
  }
  return cypher`CALL (${kept}) {
  UNWIND ${kept} AS ${a}
  CALL (${a}, ${kept}) {
    WITH ${a}, ${kept} WHERE COUNT { (${a})-->() } <= size(${kept})
    MATCH (${a})-[${r}]->(${b}) WHERE ${b} IN ${kept}
    RETURN ${r}, ${b}
    UNION ALL
    WITH ${a}, ${kept} WHERE COUNT { (${a})-->() } > size(${kept})
    UNWIND ${kept} AS ${b}
    WITH ${a}, ${b} WHERE ${b} <> ${a}
    MATCH (${a})-[${r}]->(${b})
    RETURN ${r}, ${b}
  }
  RETURN collect(${map}) AS ${out}
}`;
}

/**
 * `Query.neighborhood`: entities up to `depth` hops away, at most `limit` with the centre, plus
 * one to tell whether the limit cut it; then every relationship among the kept nodes.
 */
export function neighborhood(scope: Scope, sel: Selected) {
  const depth = inRange(sel.args.depth as number, 1, 3, 'depth');
  const limit = inRange(sel.args.limit as number, 1, 500, 'limit');
  const maxDegree = maxDegreeOf(sel.args);
  const [start, found, truncated, kept] = [new Cypher.Node(), new Cypher.Variable(), new Cypher.Variable(), new Cypher.Variable()];
  const calls: Cypher.Raw[] = [];
  const result = new Cypher.Map();
  for (const f of collectFields(scope, objectType(scope, 'Subgraph'), subSelections(sel.nodes)).values()) {
    if (f.name === 'truncated') {
      result.set(f.key, truncated);
      continue;
    }
    const out = new Cypher.Variable();
    calls.push(f.name === 'nodes' ? nodesOf(scope, f, kept, out) : edgesOf(scope, f, kept, out));
    result.set(f.key, out);
  }
  const id = String(sel.args.id);
  return {
    clause: cypher`MATCH (${start}:Entity {id: ${param(id)}})
CALL (${start}) {
  ${reached(start, depth, limit, maxDegree, found)}
}
WITH ${start}, ${found}, size(${found}) >= ${param(limit)} AS ${truncated}
WITH ${truncated}, [${start}] + ${found}[0..${param(limit - 1)}] AS ${kept}
${join(calls, '\n')}
RETURN ${result} AS value`,
    answer: (rows: readonly Row[]) => {
      if (rows.length === 0) throw notFound('entity', id);
      return rows[0]?.value ?? null;
    },
  };
}
