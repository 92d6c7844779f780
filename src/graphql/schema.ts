import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type GraphQLSchema } from 'graphql';
import { draftResolvers } from '../draft/resolvers.js';
import { ingestResolvers } from '../ingest/api/resolvers.js';
import { schemaDir } from '../shared/paths.js';
import { useCompiledReads } from './compiled-reads.js';
import { enumResolvers } from './enums.js';
import { inheritInterfaceFields } from './interface-fields.js';

/** The SDL of every schema/*.graphql file, in name order, as one document. */
export function loadTypeDefs(dir = schemaDir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  const sdl = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
  return inheritInterfaceFields(parse(sdl));
}

/**
 * The executable schema: each root read is one Cypher statement (src/graph/translate, run by
 * compiled-reads.ts); the mutations and `exportCase` are the loader's (src/ingest).
 */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [enumResolvers, { Query: { ok: () => true } }, ingestResolvers, draftResolvers],
    inheritResolversFromInterfaces: false,
  });
  return useCompiledReads(schema);
}
