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

  it('let a plain query three lists deep through with the defaults, leaving out every `first:`', () => {
    const plain = `{ cases { edges { node { id caption status participants { edges { node { role holder {
      id name kind roles { edges { node { role within { id name kind } } } } } } } } } } } }`;
    expect(cost(plain)).toBeGreaterThan(50_000);
    expect(errors(plain, defaults)).toEqual([]);
  });

  it('name the list that costs most in a refusal and suggest `first:` for it', () => {
    const deep = `{ cases { edges { node { caption participants { edges { node { holder { name roles { edges { node {
      role sources { edges { node { quote } } } } } } } } } } } } } }`;
    const [error] = errors(deep, defaults);
    expect(error!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'MAX_COST',
      costliestList: 'cases.participants.holder.roles.sources',
      pageSizes: [20, 20, 20, 20],
    });
    expect(error!.message).toMatch(/^Query Cost limit of 200000 exceeded, found \d+\. The limit is MAX_COST=200000\. Most of it \([\d,]+\) is the list cases\.participants\.holder\.roles\.sources, up to 20 × 20 × 20 × 20 = 160,000 items/);
    const suggested = /`sources\(first: (\d+)\)`/.exec(error!.message)![1]!;
    // Paging the costliest list as suggested is enough, and the largest page that is.
    expect(errors(deep.replace('sources {', `sources(first: ${suggested}) {`), defaults)).toEqual([]);
    expect(errors(deep.replace('sources {', `sources(first: ${Number(suggested) + 1}) {`), defaults)).toHaveLength(1);
  });

  it('suggest paging several lists when even `first: 1` on the costliest would not do', () => {
    const copy = (i: number) => `c${i}: cases(first: 100) { edges { node { participants(first: 100) { edges { node { role } } } } } }`;
    const aliased = `{ ${Array.from({ length: 10 }, (_, i) => copy(i)).join(' ')} }`;
    const [error] = errors(aliased, defaults);
    expect(error!.extensions).toMatchObject({ costliestList: 'c0.participants', pageSizes: [100, 100] });
    expect(error!.message).toContain('give `first:` to several lists, or split the query.');
  });

  it('follow fragments and aliases when naming the costliest list', () => {
    const withFragment = `{ all: cases(first: 3) { edges { node { ...Facts } } } } fragment Facts on Case {
      caption caseActs(first: 50) { edges { node { name } } } charges { edges { node { name } } } }`;
    const [error] = errors(withFragment, { maxCost: 10 });
    expect(error!.extensions).toMatchObject({ costliestList: 'all.caseActs', pageSizes: [3, 50] });
  });
});
