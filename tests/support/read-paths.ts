import { execute, parse, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import { createContext } from '../../src/graphql/context.js';
import { buildSchema } from '../../src/graphql/schema.js';
import type { Executor } from '../../src/neo4j/executor.js';

/**
 * Runs one document through both read paths, the resolvers with DataLoader and the compiled
 * statements, over the same database, and returns both answers in a comparable form (errors by
 * path, with their message and code). For as long as both paths exist.
 */
let schemas: { old: GraphQLSchema; compiled: GraphQLSchema } | undefined;

const comparable = (result: ExecutionResult) => ({
  data: result.data ?? null,
  errors: (result.errors ?? [])
    .map((e: GraphQLError) => ({ path: (e.path ?? []).join('.'), message: e.message, code: e.extensions?.code ?? null }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.message.localeCompare(b.message)),
});

export async function bothPaths(executor: Executor, document: string, variables: Record<string, unknown> = {}, operationName?: string) {
  schemas ??= { old: buildSchema('resolvers'), compiled: buildSchema('compiled') };
  const doc = parse(document);
  const run = async (schema: GraphQLSchema) => {
    const ctx = createContext(executor, new Request('http://test.invalid/graphql'));
    const result = await execute({ schema, document: doc, variableValues: variables, contextValue: ctx, operationName });
    return { ...comparable(result), roundTrips: ctx.stats.roundTrips };
  };
  return { old: await run(schemas.old), compiled: await run(schemas.compiled) };
}

/**
 * For `COMPARE_READ_PATHS=<file> npm test`: runs a query a test sent through both paths right
 * after it, and appends a line to `file` for each (same or not), so a whole run of the suite
 * compares every query its tests ask. Mutations and documents the schema refuses are left out.
 */
export async function compareReadPaths(file: string, executor: Executor, query: string, variables: Record<string, unknown> = {}) {
  const { appendFileSync } = await import('node:fs');
  const { isDeepStrictEqual } = await import('node:util');
  const { validate, Kind } = await import('graphql');
  schemas ??= { old: buildSchema('resolvers'), compiled: buildSchema('compiled') };
  let doc;
  try {
    doc = parse(query);
  } catch {
    return;
  }
  if (validate(schemas.old, doc).length > 0) return;
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length !== 1 || ops[0]!.kind !== Kind.OPERATION_DEFINITION || ops[0]!.operation !== 'query') return;
  try {
    const { old, compiled } = await bothPaths(executor, query, variables);
    const same = isDeepStrictEqual(old.data, compiled.data) && isDeepStrictEqual(old.errors, compiled.errors);
    appendFileSync(file, `${JSON.stringify(same ? { same, query, variables } : { same, query, variables, old, compiled })}\n`);
  } catch (error) {
    appendFileSync(file, `${JSON.stringify({ same: false, query, variables, failed: String(error) })}\n`);
  }
}
