import {
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
} from 'graphql';

type Composite = GraphQLObjectType | GraphQLInterfaceType;

/** Fields a query can select without inventing arguments. */
export function freeFields(type: Composite): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined));
}

/** Types from which a chain of free object fields can go on for ever (the graph has cycles). */
function endlessTypes(schema: GraphQLSchema): Set<string> {
  const composite = Object.values(schema.getTypeMap()).filter((t): t is Composite => (isObjectType(t) || isInterfaceType(t)) && !t.name.startsWith('__'));
  const endless = new Set(composite.map((t) => t.name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of composite) {
      if (endless.has(type.name) && !freeFields(type).some((f) => endless.has(getNamedType(f.type).name))) {
        endless.delete(type.name);
        changed = true;
      }
    }
  }
  return endless;
}

/** `first: 1` on fields that page, so a deep query stays cheap when it does run. */
function argsOf(field: GraphQLField<unknown, unknown>): string {
  return field.args.some((arg) => arg.name === 'first') ? '(first: 1)' : '';
}

/**
 * A query `depth` levels deep, built from whatever schema is served: `cases` and then, level
 * after level, the first free field that can keep going, ending with `__typename`.
 */
export function deepQuery(schema: GraphQLSchema, depth: number): string {
  const endless = endlessTypes(schema);
  const root = schema.getQueryType()!.getFields()['cases']!;
  let type = getNamedType(root.type) as GraphQLNamedType;
  let open = `cases${argsOf(root)} {`;
  let close = '}';
  for (let level = 2; level < depth; level++) {
    const next = freeFields(type as Composite).find((f) => endless.has(getNamedType(f.type).name))!;
    open += ` ${next.name}${argsOf(next)} {`;
    close += ' }';
    type = getNamedType(next.type);
  }
  return `{ ${open} __typename ${close} }`;
}

/** `count` aliased copies of a cheap root field. */
export function aliasedQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ok`).join(' ')} }`;
}

