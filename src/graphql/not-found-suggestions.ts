import { distance } from 'fastest-levenshtein';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CypherQuery } from '../neo4j/executor.js';
import { notFoundWhat } from '../shared/errors.js';
import type { Context } from './context.js';

/** The label each kind of NOT_FOUND looks in. */
const LABELS: Record<string, string> = { case: 'Case', entity: 'Entity', 'source document': 'SourceDocument' };
const MAX_SUGGESTIONS = 3;

/** The parts of an id worth matching: `alec-baldwn` → `alec`, `baldwn`. */
export function idWords(id: string): string[] {
  return [...new Set(id.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3))];
}

/** Ids of that label sharing a word with the one asked for: the candidates to rank. */
export function candidateIds(label: string, words: string[]): CypherQuery {
  return {
    text: `MATCH (n:${label}) WHERE any(word IN $words WHERE toLower(n.id) CONTAINS word) RETURN n.id AS id LIMIT 1000`,
    params: { words },
  };
}

/**
 * The ids nearest to a mistaken one, best first: those holding every word of it (`baldwin-case`
 * → `baldwin-involuntary-manslaughter-case`), then those within a few typing mistakes of it
 * (at most 40 % of its length), by edit distance, then id. The id itself is never suggested.
 */
export function nearestIds(id: string, candidates: readonly string[], max = MAX_SUGGESTIONS): string[] {
  const asked = id.toLowerCase();
  const words = idWords(id);
  return candidates
    .filter((candidate) => candidate !== id)
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      return { candidate, all: words.length > 0 && words.every((word) => lower.includes(word)), edits: distance(asked, lower) };
    })
    .filter((c) => c.all || c.edits <= Math.max(1, Math.floor(asked.length * 0.4)))
    .sort((a, b) => Number(b.all) - Number(a.all) || a.edits - b.edits || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, max)
    .map((c) => c.candidate);
}

/**
 * A NOT_FOUND for a mistyped id names the nearest ids that exist, in the message ("Did you
 * mean …?") and in `extensions.suggestions`, so a wrong guess leads somewhere. The lookup runs
 * only for requests that already failed to find something.
 */
export function notFoundSuggestionsPlugin(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.errors?.length) return;
          const ctx = args.contextValue;
          const errors = await Promise.all(result.errors.map((error) => withSuggestions(ctx, error)));
          if (errors.some((error, i) => error !== result.errors![i])) setResult({ ...result, errors } as ExecutionResult);
        },
      };
    },
  };
}

async function withSuggestions(ctx: Context, error: GraphQLError): Promise<GraphQLError> {
  const original = error.originalError instanceof GraphQLError ? error.originalError : error;
  const what = notFoundWhat.get(original);
  const id = original.extensions.id;
  const label = what && LABELS[what];
  if (!label || typeof id !== 'string') return error;
  const words = idWords(id);
  if (words.length === 0) return error;
  let rows: { id: string }[];
  try {
    rows = await ctx.executor.read<{ id: string }>(candidateIds(label, words));
  } catch {
    return error; // The suggestions are a courtesy; the NOT_FOUND stands without them.
  }
  const suggestions = nearestIds(id, rows.map((row) => row.id));
  if (suggestions.length === 0) return error;
  const hint = ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', or ')}?`;
  return new GraphQLError(error.message + hint, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: original,
    extensions: { ...error.extensions, suggestions },
  });
}
