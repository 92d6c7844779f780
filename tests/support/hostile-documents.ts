import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** A node id that only an executed injection could create. */
export const INJECTED_ID = 'graphql-fuzz-injected';

/** Strings that would do harm if any argument reached Cypher or Lucene as text. */
export const CYPHER_PAYLOADS = [
  '") MATCH (n) DETACH DELETE n //',
  "') MATCH (n) DETACH DELETE n //",
  '`) MATCH (n) DETACH DELETE n //',
  `"}) CREATE (:Entity {id: "${INJECTED_ID}"}) //`,
  `'}) MERGE (:Entity {id: '${INJECTED_ID}'}) WITH 1 AS x MATCH (n) RETURN n //`,
  `x' OR 1=1 WITH 1 AS x CREATE (:Entity {id: '${INJECTED_ID}'}) //`,
  'baldwin-involuntary-manslaughter-case" OR true //',
  '*) DETACH DELETE n RETURN count(*) UNION MATCH (n',
  'CALL db.index.fulltext.drop("entityText")',
  "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})",
  '$id', '{id}', '${id}', '\\', '"', "'", '`', '//', '/*', '*/', 'name:(*)', '*', '~', '?', '[', '{', 'NOT', 'AND OR', '\u0000', '\u2028',
];

const IDS = ['baldwin-involuntary-manslaughter-case', 'troy-teske', 'alec-baldwin', 'civil-lawsuits', 'baldwin-case-dismissed-article'];
const HUGE = ['x'.repeat(300_000), 'é'.repeat(60_000), ')'.repeat(20_000), CYPHER_PAYLOADS[0]!.repeat(2_000), '🏃'.repeat(30_000)];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...CYPHER_PAYLOADS), weight: 4 },
    { arbitrary: fc.constantFrom(...IDS), weight: 2 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
    { arbitrary: fc.constantFrom(...HUGE), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...CYPHER_PAYLOADS)).map(([id, p]) => id + p), weight: 2 },
  );

const hostileInt = () => fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 3, 100, 101, 500, 501, 2147483647, -2147483648), fc.integer({ min: -3, max: 25 }));

/** A JS value of the wrong type for any argument. */
const wrongValue = () => fc.oneof(fc.integer(), fc.double(), fc.boolean(), hostileString(), fc.constant({ a: 1 }), fc.constant([[1]]), fc.constant(null), fc.constant(2 ** 53));

function valueOf(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return fc.oneof(fc.array(valueOf(inner.ofType), { maxLength: 4 }), fc.constant(Array.from({ length: 300 }, (_, i) => CYPHER_PAYLOADS[i % CYPHER_PAYLOADS.length])));
  if (isEnumType(inner)) return fc.oneof(fc.constantFrom(...inner.getValues().map((v) => v.name)), fc.constantFrom('NOPE', 'Person', '__typename'));
  if (isInputObjectType(inner)) return fc.constant({});
  switch (inner.name) {
    case 'Int':
      return hostileInt();
    case 'Float':
      return fc.double();
    case 'Boolean':
      return fc.boolean();
    default:
      return hostileString();
  }
}

/** The value as a GraphQL literal; enum names bare, everything else as JSON-compatible syntax. */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const list = isNonNullType(type) ? type.ofType : type;
    return `[${value.map((v) => literal(v, isListType(list) ? list.ofType : type)).join(', ')}]`;
  }
  if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v, type)}`).join(', ')} }`;
  if (typeof value === 'string' && isEnumType(getNamedType(type)) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

export interface HostileRequest {
  query: string;
  variables: Record<string, unknown>;
}

type Pick = <T>(arb: () => fc.Arbitrary<T>) => T;

/**
 * A document built from the served schema: one root field of `root` with hostile arguments
 * (inline or as variables, sometimes of the wrong type), and a random selection a few levels
 * deep whose nested arguments are hostile too.
 */
export function hostileDocument(schema: GraphQLSchema, root: GraphQLObjectType, g: fc.GeneratorValue, inline: boolean): HostileRequest {
  const pick: Pick = (arb) => g(arb);
  const declared: string[] = [];
  const variables: Record<string, unknown> = {};

  const argument = (arg: GraphQLArgument): string | null => {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && !pick(() => fc.boolean())) return null;
    const value = pick(() => fc.oneof({ arbitrary: valueOf(arg.type), weight: 5 }, { arbitrary: wrongValue(), weight: 1 }));
    if (inline) return `${arg.name}: ${literal(value, arg.type)}`;
    const name = `v${declared.length}`;
    declared.push(`$${name}: ${String(arg.type)}`);
    variables[name] = value;
    return `${arg.name}: $${name}`;
  };

  const field = (f: GraphQLField<unknown, unknown>, depth: number): string => {
    const args = f.args.map(argument).filter((a): a is string => a !== null);
    const call = `${f.name}${args.length ? `(${args.join(', ')})` : ''}`;
    return isLeafType(getNamedType(f.type)) ? call : `${call} { ${selection(f.type, depth + 1)} }`;
  };

  const selection = (type: GraphQLOutputType, depth: number): string => {
    const named = getNamedType(type) as GraphQLObjectType;
    const fields = Object.values(named.getFields()).filter((f) => depth < 4 || isLeafType(getNamedType(f.type)));
    if (fields.length === 0) return '__typename';
    const count = pick(() => fc.integer({ min: 1, max: 3 }));
    return Array.from({ length: count }, () => field(pick(() => fc.constantFrom(...fields)), depth)).join(' ');
  };

  const top = field(pick(() => fc.constantFrom(...Object.values(root.getFields()))), 0);
  const kind = root === schema.getMutationType() ? 'mutation' : 'query';
  return { query: `${kind}${declared.length ? `(${declared.join(', ')})` : ''} { ${top} }`, variables };
}
