import { Kind, parse, print, type DocumentNode, type GraphQLInterfaceType, type GraphQLNamedType, type GraphQLObjectType, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inheritInterfaceFields } from '../../src/graphql/interface-fields.js';
import { buildSchema } from '../../src/graphql/schema.js';

const SDL = `
"Anything with an id."
interface Node {
  "The id."
  id: ID!
  "The name, optionally shortened."
  name(short: Boolean = false): String!
}
"Something with a date."
interface Dated {
  "When."
  date: String
  "The id (again)."
  id: ID!
}
"A person."
type Person implements Node & Dated {
  "Their own name field."
  name: String!
  "Age."
  age: Int
}
"Not a node."
type Other {
  "X."
  x: Int
}
`;

function objectType(document: DocumentNode, name: string): ObjectTypeDefinitionNode {
  const found = document.definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name);
  if (!found) throw new Error(`no type ${name}`);
  return found as ObjectTypeDefinitionNode;
}

describe('inheritInterfaceFields', () => {
  const original = parse(SDL);
  const result = inheritInterfaceFields(original);
  const person = objectType(result, 'Person');

  it('copies interface fields, with descriptions, before the type’s own fields', () => {
    expect(person.fields!.map((f) => f.name.value)).toEqual(['id', 'date', 'name', 'age']);
    const id = person.fields!.find((f) => f.name.value === 'id')!;
    expect(id.description?.value).toBe('The id.'); // the first interface wins
    expect(print(id.type)).toBe('ID!');
    expect(person.fields!.find((f) => f.name.value === 'date')!.description?.value).toBe('When.');
  });

  it('keeps a field the type redefines itself', () => {
    const name = person.fields!.find((f) => f.name.value === 'name')!;
    expect(name.description?.value).toBe('Their own name field.');
    expect(name.arguments ?? []).toHaveLength(0);
  });

  it('copies arguments, and leaves other types and the input document alone', () => {
    const withoutOwnName = inheritInterfaceFields(parse(SDL.replace('"Their own name field."\n  name: String!\n', '')));
    const name = objectType(withoutOwnName, 'Person').fields!.find((f) => f.name.value === 'name')!;
    expect(name.arguments!.map((a) => `${a.name.value}: ${print(a.type)} = ${print(a.defaultValue!)}`)).toEqual(['short: Boolean = false']);

    expect(print(objectType(result, 'Other'))).toBe(print(objectType(original, 'Other')));
    expect(objectType(original, 'Person').fields!.map((f) => f.name.value)).toEqual(['name', 'age']);
  });
});

// Vitest loads graphql's ESM build for tests while @graphql-tools loads its CommonJS build, so
// graphql's instanceof-based predicates (isObjectType, …) would refuse the schema's types.
// Symbol.toStringTag names the class in either build.
const tag = (type: unknown) => Object.prototype.toString.call(type).slice(8, -1);
const isObjectType = (type: GraphQLNamedType | undefined | null): type is GraphQLObjectType => tag(type) === 'GraphQLObjectType';
const isInterfaceType = (type: GraphQLNamedType | undefined | null): type is GraphQLInterfaceType => tag(type) === 'GraphQLInterfaceType';

describe('the API schema', () => {
  it('builds, and describes every type and every field for the docs pane', () => {
    const schema = buildSchema();
    const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
    expect(types.length).toBeGreaterThan(20);
    const undocumented: string[] = [];
    let fields = 0;
    for (const type of types) {
      if (!type.description?.trim()) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          fields += 1;
          if (!field.description?.trim()) undocumented.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(isObjectType(schema.getType('Person'))).toBe(true);
    expect(fields).toBeGreaterThan(100);
    expect(undocumented).toEqual([]);
  });

  it('shows Entity fields on every implementing type', () => {
    const schema = buildSchema();
    const entity = schema.getType('Entity');
    expect(isInterfaceType(entity)).toBe(true);
    if (!isInterfaceType(entity)) return;
    const implementations = schema.getImplementations(entity).objects;
    expect(implementations.map((t) => t.name)).toEqual(expect.arrayContaining(['Person', 'Case', 'Act', 'SourceDocument']));
    for (const type of implementations) {
      for (const field of Object.values(entity.getFields())) {
        expect(type.getFields()[field.name]?.description, `${type.name}.${field.name}`).toBeTruthy();
      }
    }
  });
});
