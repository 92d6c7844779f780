import { readFileSync } from 'node:fs';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadHttpConfig, type QueryLimits } from '../../src/config/env.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { limitRules } from '../../src/http/limits.js';

const schema = buildSchema();
const defaults = loadHttpConfig({}).limits;
const unlimited: QueryLimits = { maxDepth: 1e6, maxAliases: 1e6, maxTokens: 1e6, maxDirectives: 1e6, maxCost: 1e9 };

function errors(query: string | DocumentNode, limits: Partial<QueryLimits> = {}) {
  return validate(schema, typeof query === 'string' ? parse(query) : query, limitRules({ ...unlimited, ...limits }));
}

/** The cost the rule computes, read from the error it gives with a limit of 0. */
function cost(query: string | DocumentNode): number {
  const [error] = errors(query, { maxCost: 0 });
  return Number(/found ([\d.]+?)\.?( |$)/.exec(error!.message)![1]);
}

const examples = parse(readFileSync('docs/examples.graphql', 'utf8'));
const operations = examples.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

describe('query limits', () => {
  it('let every example of docs/examples.graphql through with the default limits', () => {
    for (const operation of operations) {
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation] };
      expect(validate(schema, document, limitRules(defaults)), operation.name?.value).toEqual([]);
    }
  });

  it('name the limit and its value, with code QUERY_TOO_COMPLEX', () => {
    const [error] = errors('{ a: ok b: ok c: ok }', { maxAliases: 2 });
    expect(error!.message).toBe('Aliases limit of 2 exceeded, found 3. The limit is MAX_ALIASES=2; ask for less, or split the query.');
    expect(error!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'MAX_ALIASES', max: 2 });
    expect(errors('{ ok @skip(if: false) @include(if: true) }', { maxDirectives: 1 })[0]!.extensions).toMatchObject({ limit: 'MAX_DIRECTIVES', max: 1 });
    expect(errors('{ cases { edges { node { id } } } }', { maxDepth: 3 })[0]!.message).toMatch(/^Query depth limit of 3 exceeded, found 4\. The limit is MAX_DEPTH=3;/);
    expect(errors('{ cases(first: 100) { totalCount } }', { maxCost: 100 })[0]!.extensions).toMatchObject({ limit: 'MAX_COST', max: 100 });
  });

  it('count a page at its largest size: written, the schema default when left out, the cap when a variable', () => {
    const page = (first: string) => `query($n: Int) { cases${first} { edges { node { id } } } }`;
    expect(cost(page('(first: 7)'))).toBe(7 * 4);
    expect(cost(page(''))).toBe(20 * 4);
    expect(cost(page('(first: $n)'))).toBe(100 * 4);
    // The variable bypass: without the worst case, `first: $n` would cost as a page of 1.
    expect(errors(page('(first: $n)'), { maxCost: 399 })).toHaveLength(1);
    expect(errors(page('(first: 99)'), { maxCost: 399 })).toHaveLength(0);
  });

  it('add up aliased copies, so aliases cannot multiply a query past the limit', () => {
    const one = 'cases(first: 100) { edges { node { id caption status } } }';
    const aliased = `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: ${one}`).join(' ')} }`;
    expect(cost(`{ ${one} }`)).toBe(100 * 6);
    expect(cost(aliased)).toBe(10 * 100 * 6);
    expect(errors(aliased, { maxCost: 5999 }).map((e) => e.extensions.limit)).toEqual(['MAX_COST']);
    expect(errors(aliased, { maxCost: 6000 })).toEqual([]);
  });
});
