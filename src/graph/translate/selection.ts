import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** What a translation reads besides the field itself: the schema, the document's fragments, the variables. */
export interface Operation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** One response key of a selection: the field it asks for, its arguments, and what is selected under it. */
export interface Selected {
  /** The alias, or the field's name: the key of the answer. */
  key: string;
  name: string;
  field: GraphQLField<unknown, unknown>;
  /** The named type of the field (the type under lists and non-null). */
  type: GraphQLNamedType;
  args: Record<string, unknown>;
  /** Every field node of this key (one per place it is asked), for their sub-selections. */
  nodes: readonly FieldNode[];
}

/** The selection sets under the nodes of a key. */
export const subSelections = (nodes: readonly FieldNode[]): SelectionSetNode[] =>
  nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

function skipped(node: { directives?: readonly import('graphql').DirectiveNode[] }, variables: Record<string, unknown>): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = directive.arguments?.find((a) => a.name.value === 'if');
    if (!arg) continue;
    const value = arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : arg.value.kind === Kind.BOOLEAN ? arg.value.value : false;
    if (name === 'skip' && value === true) return true;
    if (name === 'include' && value !== true) return true;
  }
  return false;
}

function applies(op: Operation, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = op.schema.getType(condition);
  return conditionType !== undefined && isAbstractType(conditionType) && op.schema.isSubType(conditionType, type);
}

/**
 * The fields selected on an object of `type`, by response key, as GraphQL's own executor
 * collects them: fragments and inline fragments whose type condition the type meets,
 * `@skip`/`@include` applied, fields of one key merged. `__typename` is left to the executor.
 */
export function collectFields(op: Operation, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, Selected> {
  const byKey = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (skipped(selection, op.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = byKey.get(key);
        if (list) list.push(selection);
        else byKey.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(op, selection.typeCondition?.name.value, type)) walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = op.fragments[name];
        if (!fragment || visited.has(name)) continue;
        visited.add(name);
        if (applies(op, fragment.typeCondition.name.value, type)) walk(fragment.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  const fields = type.getFields();
  const out = new Map<string, Selected>();
  for (const [key, nodes] of byKey) {
    const name = nodes[0]!.name.value;
    if (name.startsWith('__')) continue;
    const field = fields[name];
    if (!field) throw new Error(`${type.name} has no field ${name}`);
    out.set(key, { key, name, field, type: getNamedType(field.type), args: getArgumentValues(field, nodes[0]!, op.variables), nodes });
  }
  return out;
}
