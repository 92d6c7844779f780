import { getNamedType, type GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { CypherQuery } from '../../neo4j/executor.js';
import type { Scope } from './project.js';
import { rootStatement } from './roots.js';
import type { Selected } from './selection.js';

/** A root field translated: the one statement that answers it, and how its rows become the answer. */
export interface Translation {
  query: CypherQuery;
  answer(rows: readonly Record<string, unknown>[]): unknown;
}

/**
 * Translates one root field of an operation, with its selection (fragments, aliases, `@skip` and
 * `@include` resolved), arguments and variables, into one Cypher statement that returns the
 * selected shape. Pure: nothing runs here. Errors of nested fields are added to `errors` (see
 * project.ts); an error of the root field itself is thrown.
 */
export function translate(info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues' | 'fieldNodes' | 'fieldName' | 'parentType' | 'returnType' | 'path'>, args: Record<string, unknown>, errors: GraphQLError[]): Translation {
  const scope: Scope = { schema: info.schema, fragments: info.fragments, variables: info.variableValues, errors };
  const field = info.parentType.getFields()[info.fieldName]!;
  const sel: Selected = { key: String(info.path.key), name: info.fieldName, field, type: getNamedType(info.returnType), args, nodes: info.fieldNodes };
  const { clause, answer } = rootStatement(scope, sel);
  const { cypher, params } = clause.build();
  return { query: { text: cypher, params }, answer };
}
