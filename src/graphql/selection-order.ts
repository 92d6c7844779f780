import { getOperationAST, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The response keys of a selection set in the order the document asks for them, through inline
 * fragments and fragment spreads (each key once, at its first place). Directives are not
 * evaluated: a key skipped by `@skip` is simply absent from the answer.
 */
export function selectionOrder(document: DocumentNode, set: SelectionSetNode, seen = new Set<string>(), out: string[] = []): string[] {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(key);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      selectionOrder(document, selection.selectionSet, seen, out);
    } else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) selectionOrder(document, fragment.selectionSet, seen, out);
    }
  }
  return out;
}

/** `data` with its keys in `order` (keys not listed keep their place after them). */
export function inOrder(data: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of order) if (key in data) sorted[key] = data[key];
  for (const key of Object.keys(data)) if (!(key in sorted)) sorted[key] = data[key];
  return sorted;
}

/**
 * Root fields run at the same time, and the executor assembles the answer's top level in the
 * order they finish; GraphQL requires the order of the selection ("Ordering of results"). This
 * puts the top-level keys back in the order asked. Nested objects are built synchronously from
 * each root field's one statement, so they keep their order already.
 */
export function selectionOrderPlugin(): Plugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || !result.data) return;
          const operation = getOperationAST(args.document, args.operationName);
          if (!operation) return;
          setResult({ ...result, data: inOrder(result.data, selectionOrder(args.document, operation.selectionSet)) });
        },
      };
    },
  };
}
