import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';
import { inheritInterfaceFields } from '../../src/graphql/interface-fields.js';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';

// graphql's instanceof predicates can see two copies of graphql under vitest (see
// interface-fields.test.ts); Symbol.toStringTag names the class in either.
const tag = (type: unknown) => Object.prototype.toString.call(type).slice(8, -1);

/** Every type, field, argument, enum value and input field of a schema that has no description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(where);
  };
  const types = Object.values(schema.getTypeMap()).filter((t: GraphQLNamedType) => !t.name.startsWith('__'));
  for (const type of types) {
    if (['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    check(type.name, type.description);
    const kind = tag(type);
    if (kind === 'GraphQLObjectType' || kind === 'GraphQLInterfaceType') {
      for (const field of Object.values((type as import('graphql').GraphQLObjectType).getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (kind === 'GraphQLInputObjectType') {
      for (const field of Object.values((type as import('graphql').GraphQLInputObjectType).getFields())) check(`${type.name}.${field.name}`, field.description);
    }
    if (kind === 'GraphQLEnumType') {
      for (const value of (type as import('graphql').GraphQLEnumType).getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

const schemaOf = (sdl: string) => makeExecutableSchema({ typeDefs: inheritInterfaceFields(parse(sdl)) });

describe('the docs pane', () => {
  it('finds a description on every type, field, argument and enum value of the API', () => {
    expect(undocumented(buildSchema())).toEqual([]);
  });

  it('would name whatever lacks one', () => {
    const sdl = `
      "Root." type Query {
        "A list." things("Page size." first: Int, after: String): [Thing!]!
        bare: Int
      }
      "A thing." type Thing { "Its colour." colour: Colour }
      "Colours." enum Colour { "Red." RED BLUE }
      "Input." input Filter { "Named." named: String unnamed: String }
      type Extra { "X." x(f: Filter): Int }
      "Used." type Mutation { "Use." use("The filter." f: Filter): Extra }`;
    expect(undocumented(schemaOf(sdl)).sort()).toEqual(['Colour.BLUE', 'Extra', 'Extra.x(f)', 'Filter.unnamed', 'Query.bare', 'Query.things(after)'].sort());
  });
});
