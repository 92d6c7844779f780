import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';

/**
 * With INTROSPECTION off, `__schema` and `__type` are refused (graphql-js's own rule) and
 * validation errors stop suggesting field names ("Did you mean …"), which would otherwise
 * let a client rebuild the schema one guess at a time. `__typename` stays allowed.
 */
export function introspectionPlugins(enabled: boolean): Plugin[] {
  if (enabled) return [];
  return [
    { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) },
    blockFieldSuggestionsPlugin({ mask: '' }),
  ] as Plugin[];
}
