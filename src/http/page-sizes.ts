import { Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';

/** Arguments that bound how many items a field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

/**
 * graphql-armor's cost rule multiplies a field's cost by its `first` only when `first` is
 * written in the document as a number: given as a variable, or left to the schema's default,
 * a page of 100 counts as 1, and `limit` is not read at all. This copy of the document, made
 * only to be costed, gives every such field a literal `first`: the number written, the
 * schema's default when the argument is left out, `maxPageSize` when it is a variable or has
 * no default.
 */
export function withWorstCasePageSizes(document: DocumentNode, schema: GraphQLSchema, maxPageSize: number): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const sizeArgs = typeInfo.getFieldDef()?.args.filter((arg) => SIZE_ARGUMENTS.includes(arg.name)) ?? [];
        if (sizeArgs.length === 0) return undefined;
        const sizes = sizeArgs.map((arg) => {
          const value = node.arguments?.find((given) => given.name.value === arg.name)?.value;
          if (value === undefined) return typeof arg.defaultValue === 'number' ? arg.defaultValue : maxPageSize;
          if (value.kind === Kind.INT) return Number(value.value);
          return maxPageSize;
        });
        const first = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(Math.max(1, ...sizes)) } } as const;
        const others = (node.arguments ?? []).filter((arg) => !SIZE_ARGUMENTS.includes(arg.name.value));
        return { ...node, arguments: [...others, first] } satisfies FieldNode;
      },
    }),
  );
}
