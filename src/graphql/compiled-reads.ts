import { isObjectType, type FieldNode, type GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { fieldValue } from '../graph/translate/project.js';
import { COMPILED_ROOTS } from '../graph/translate/roots.js';
import { translate, type Translation } from '../graph/translate/index.js';
import { encodeCursor } from '../model/pages.js';
import { highlight } from '../search/highlight.js';
import type { Context } from './context.js';

/** A page as the statement returns it (graph/translate/project.ts `page`). */
interface PageValue {
  items: unknown[];
  offset: number;
  limit: number;
  total?: number;
  /** The items are the page itself (not one more): the total tells whether another page follows. */
  exact?: boolean;
}

/** Errors of nested fields found while translating, per request; markers in the answer point into it. */
const fieldErrors = new WeakMap<object, GraphQLError[]>();
const errorsOf = (ctx: object) => {
  let errors = fieldErrors.get(ctx);
  if (!errors) fieldErrors.set(ctx, (errors = []));
  return errors;
};

/**
 * Translations of a root field, by its field node and the variables. The server caches parsed
 * documents, so a client sending the same operation again gets the same field node, and its
 * statement is not built again. Only translations without field errors are kept, a few
 * variable sets per field node.
 */
const translations = new WeakMap<FieldNode, Map<string, Translation>>();
const VARIANTS_PER_FIELD = 64;

function translated(info: GraphQLResolveInfo, args: Record<string, unknown>, errors: GraphQLError[]): Translation {
  const variants = translations.get(info.fieldNodes[0]!) ?? new Map<string, Translation>();
  // A root field may merge field nodes of several places (a fragment spread in two operations).
  const key = `${info.fieldNodes.map((n) => n.loc?.start ?? -1).join(',')}|${JSON.stringify(info.variableValues)}`;
  const known = variants.get(key);
  if (known) return known;
  const before = errors.length;
  const translation = translate(info, args, errors);
  if (errors.length === before) {
    if (variants.size >= VARIANTS_PER_FIELD) variants.clear();
    variants.set(key, translation);
    translations.set(info.fieldNodes[0]!, variants);
  }
  return translation;
}

/** A root read: translate the field, run its one statement, hand back the answer. */
const rootResolver: GraphQLFieldResolver<unknown, Context> = async (_, args, ctx, info) => {
  const { query, answer } = translated(info, args, errorsOf(ctx));
  return answer(await ctx.executor.read(query));
};

/** Fields of compiled objects are keyed by response key (alias), so two aliases of one field keep their own arguments. */
const byResponseKey: GraphQLFieldResolver<Record<string, unknown>, Context> = (parent, _, ctx, info) => fieldValue(parent, String(info.path.key), errorsOf(ctx));

/** The Relay envelope of a page: cursors are base64, which Cypher cannot write, so they are made here. */
const CONNECTION_FIELDS: Record<string, GraphQLFieldResolver<PageValue, Context>> = {
  edges: (c) => c.items.slice(0, c.limit).map((node, i) => ({ cursor: encodeCursor(c.offset + i), node })),
  totalCount: (c) => c.total,
  pageInfo: (c) => {
    const shown = Math.min(c.items.length, c.limit);
    return {
      hasNextPage: c.exact ? c.offset + c.limit < (c.total ?? 0) : c.items.length > c.limit,
      hasPreviousPage: c.offset > 0,
      startCursor: shown ? encodeCursor(c.offset) : null,
      endCursor: shown ? encodeCursor(c.offset + shown - 1) : null,
    };
  },
};

/** Types whose values the statements return keyed by response key. */
const PLAIN = new Set(['Query', 'Mutation', 'PageInfo', 'Highlight', 'ImportReport', 'KindChanges', 'ChangeCounts', 'CaseFileProblem', 'DeleteReport', 'DraftCaseResult', 'DraftItem', 'DraftCount', 'DraftReport']);

/**
 * Puts the compiled read path on a schema: every root read runs its one statement; the fields of
 * what it returns read their response key; connections build their envelope. Only the fields of
 * plain JavaScript values (page info, highlights, the import reports) keep the default resolver.
 */
export function useCompiledReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = type.getFields();
    if (type.name === 'Query') {
      for (const [name, field] of Object.entries(fields)) if (COMPILED_ROOTS.has(name)) field.resolve = rootResolver as GraphQLFieldResolver<unknown, unknown>;
    } else if (type.name.endsWith('Connection') && fields.edges) {
      for (const [name, field] of Object.entries(fields)) field.resolve = CONNECTION_FIELDS[name] as GraphQLFieldResolver<unknown, unknown>;
    } else if (type.name.endsWith('Edge') && fields.cursor && fields.node) {
      for (const field of Object.values(fields)) field.resolve = undefined;
    } else if (!PLAIN.has(type.name)) {
      for (const field of Object.values(fields)) field.resolve = byResponseKey as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  const hit = schema.getType('SearchHit');
  if (isObjectType(hit)) {
    hit.getFields().highlights!.resolve = (h: { __highlight: Record<string, unknown>; __query: string }) => highlight(h.__highlight, h.__query);
  }
  const entity = schema.getType('Entity') as { resolveType?: unknown } | undefined;
  if (entity) entity.resolveType = (v: { __typename: string }) => v.__typename;
  return schema;
}
