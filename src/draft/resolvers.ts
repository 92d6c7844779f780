import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context.js';
import { graphLookup } from '../ingest/pipeline/load.js';
import { draftCase } from './draft.js';
import type { Extractor } from './findings.js';
import { extractorFromEnv } from './llm/extract.js';

/** The longest article draftCase takes, in characters. */
export const MAX_DRAFT_TEXT = 200_000;

interface DraftArgs {
  text: string;
  title?: string | null;
  published?: string | null;
  url?: string | null;
  extractor: 'OFFLINE' | 'LLM';
}

/** The `draftCase` query: the drafter behind the API. It reads only which ids the graph holds, and writes nothing. */
export const draftResolvers = {
  Query: {
    draftCase: async (_: unknown, args: DraftArgs, ctx: Context) => {
      if (args.text.length > MAX_DRAFT_TEXT) {
        throw new GraphQLError(`The article is ${args.text.length} characters long; draftCase takes at most ${MAX_DRAFT_TEXT}. Give one article.`, { extensions: { code: 'BAD_USER_INPUT', argument: 'text' } });
      }
      let extractor: Extractor | undefined;
      if (args.extractor === 'LLM') {
        const configured = extractorFromEnv();
        if (typeof configured === 'string') throw new GraphQLError(`The LLM extractor is not configured: ${configured}.`, { extensions: { code: 'BAD_USER_INPUT', argument: 'extractor' } });
        extractor = configured;
      }
      const result = await draftCase(args.text, { extractor, title: args.title ?? undefined, published: args.published ?? undefined, url: args.url ?? undefined, lookupIds: graphLookup(ctx.executor) });
      return {
        yaml: result.yaml ?? null,
        json: result.caseFile ? JSON.stringify(result.caseFile) : null,
        caseId: result.caseFile?.case.id ?? null,
        items: result.items,
        report: { ...result.report, refused: result.report.refused ?? null, counts: Object.entries(result.report.counts).map(([kind, count]) => ({ kind, count })) },
      };
    },
  },
};
