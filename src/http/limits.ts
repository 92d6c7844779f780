import { validate, type GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { QueryLimits } from '../config/env.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../model/pages.js';
import { tooComplex } from '../shared/errors.js';
import { costliestList, costliestListAdvice, listCosts, subtreeCost } from './cost-breakdown.js';
import { withWorstCasePageSizes } from './page-sizes.js';

/** graphql-armor says which limit and by how much; this adds the setting that raises it. */
function limitError(armorError: GraphQLError, setting: string, max: number): GraphQLError {
  const what = armorError.message.replace(/^Syntax Error: /, '');
  return tooComplex(`${what} The limit is ${setting}=${max}; ask for less, or split the query.`, setting, max);
}

/** Validation-time limits join the other validation errors (status 400, nothing executed). */
function report(setting: string, max: number) {
  return {
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(error, setting, max))],
    propagateOnRejection: false,
    exposeLimits: true,
  };
}

/**
 * Cost as the most field values an answer can hold: every field counts 1 (objects too, and no
 * extra weight for depth, which MAX_DEPTH bounds), times the page sizes of the lists above it,
 * each at its largest possible size (see page-sizes.ts). `{ cases(first: 100) { edges { node
 * { id } } } }` costs 100 × 4 = 400.
 */
function worstCaseCostRule(maxCost: number): ValidationRule {
  return (context) => ({
    Document(document) {
      const schema = context.getSchema();
      const costed = withWorstCasePageSizes(document, schema, MAX_PAGE_SIZE);
      const onReject = (_: unknown, armorError: GraphQLError) => {
        const error = limitError(armorError, 'MAX_COST', maxCost);
        const shares = listCosts(costed);
        const list = costliestList(shares);
        const total = Number(/found (\d+)/.exec(armorError.message)?.[1]);
        if (!list || !Number.isFinite(total)) return context.reportError(error);
        const message = error.message.replace(/; ask for less, or split the query\.$/, '.');
        const advice = costliestListAdvice(list, subtreeCost(shares, list), total, maxCost, DEFAULT_PAGE_SIZE);
        context.reportError(tooComplex(`${message} ${advice}`, 'MAX_COST', maxCost, { costliestList: list.path, pageSizes: list.pageSizes }));
      };
      const rule = costLimitRule({ maxCost, objectCost: 1, scalarCost: 1, depthCostFactor: 1, onReject: [onReject], propagateOnRejection: false, exposeLimits: true });
      for (const error of validate(schema, costed, [rule])) context.reportError(error);
    },
  });
}

/** The limits checked on the parsed document: depth, aliases, directives and cost. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...report('MAX_DEPTH', limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...report('MAX_ALIASES', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...report('MAX_DIRECTIVES', limits.maxDirectives) }),
    worstCaseCostRule(limits.maxCost),
  ] as ValidationRule[];
}

/**
 * graphql-armor's limits, each set from its env variable. All of them act before execution,
 * so a refused document never reaches Neo4j; the token limit even stops the parser early.
 */
export function limitPlugins(limits: QueryLimits): Plugin[] {
  const tokens = maxTokensPlugin({
    n: limits.maxTokens,
    exposeLimits: true,
    onReject: [
      (_: unknown, error: GraphQLError) => {
        throw limitError(error, 'MAX_TOKENS', limits.maxTokens);
      },
    ],
  });
  const rules = limitRules(limits);
  return [tokens, { onValidate: ({ addValidationRule }) => rules.forEach((rule) => addValidationRule(rule)) }] as Plugin[];
}
