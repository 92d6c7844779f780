import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type GraphQLSchema } from 'graphql';
import { actResolvers } from '../acts/resolvers.js';
import { caseResolvers } from '../cases/resolvers.js';
import { citationResolvers } from '../citations/resolvers.js';
import { claimResolvers } from '../claims/resolvers.js';
import { entityResolvers } from '../entities/resolvers.js';
import { eventResolvers } from '../events/resolvers.js';
import { ingestResolvers } from '../ingest/resolvers.js';
import { provenanceResolvers } from '../provenance/resolvers.js';
import { roleResolvers } from '../roles/resolvers.js';
import { searchResolvers } from '../search/resolvers.js';
import { traversalResolvers } from '../traversal/resolvers.js';
import { schemaDir } from '../shared/paths.js';
import { inheritInterfaceFields } from './interface-fields.js';
import { useCompiledReads } from './compiled-reads.js';

/** The SDL of every schema/*.graphql file, in name order, as one document. */
export function loadTypeDefs(dir = schemaDir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  const sdl = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
  return inheritInterfaceFields(parse(sdl));
}

/**
 * `compiled` (the service): each root read is one Cypher statement (src/graph/translate).
 * `resolvers`: the earlier path, a resolver and DataLoader per field, kept only to compare answers.
 */
export function buildSchema(reads: 'compiled' | 'resolvers' = 'compiled'): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [entityResolvers, caseResolvers, eventResolvers, actResolvers, claimResolvers, roleResolvers, provenanceResolvers, searchResolvers, ingestResolvers, traversalResolvers, citationResolvers],
    inheritResolversFromInterfaces: false,
  });
  return reads === 'compiled' ? useCompiledReads(schema) : schema;
}
