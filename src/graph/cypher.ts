import Cypher from '@neo4j/cypher-builder';

export { Cypher };

/** Anything the builder can compile: a variable, a parameter, an expression, a clause. */
export type Compilable = Cypher.Expr | Cypher.Clause | Cypher.Variable | Cypher.Param;

/**
 * A fragment of Cypher written as text, with builder values in its holes: variables and
 * parameters get the statement's generated names, expressions and clauses compile in place.
 * Strings in the holes go in verbatim, so only the model's constants (labels, relationship
 * types, checked identifiers) may be strings; a value from a request is always a `Cypher.Param`.
 */
export function cypher(strings: TemplateStringsArray, ...holes: (Compilable | string | number)[]): Cypher.Raw {
  return new Cypher.Raw((env) =>
    strings.reduce((text, part, i) => {
      if (i === 0) return part;
      const hole = holes[i - 1]!;
      return text + (typeof hole === 'string' || typeof hole === 'number' ? String(hole) : env.compile(hole)) + part;
    }, ''),
  );
}

/** A raw fragment used where the builder wants an expression. */
export const expr = (fragment: Cypher.Raw) => fragment as unknown as Cypher.Expr;

/** `coalesce(<value> = true, false)`: a flag that is false when the property is missing. */
export const flag = (value: Cypher.Expr) => expr(cypher`coalesce(${value} = true, false)`);

/** Fragments joined with a separator, each compiled in place. */
export function join(parts: readonly (Compilable | string)[], separator: string): Cypher.Raw {
  return new Cypher.Raw((env) => parts.map((part) => (typeof part === 'string' ? part : env.compile(part))).join(separator));
}
