import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_SECTIONS } from '../../src/ingest/casefile/case-file.js';
import { ATTRIBUTE_FIELDS, ENTITY_KINDS, FACT_KINDS, REFERENCE_FIELDS, RESERVED_TYPES, TIME_FIELDS } from '../../src/model/kinds.js';

interface JsonSchemaObject {
  properties: Record<string, { $ref?: string; enum?: string[] }>;
}
const schema = JSON.parse(readFileSync(new URL('../../schema/case-file.schema.json', import.meta.url), 'utf8')) as {
  $defs: Record<string, JsonSchemaObject>;
  properties: Record<string, { items?: { $ref: string } }>;
};

/** The $defs entry each fact kind is written with, found through the file's sections. */
const factDefs = Object.fromEntries(
  Object.entries(FACT_SECTIONS).map(([section, kind]) => [kind, schema.properties[section]!.items!.$ref.replace('#/$defs/', '')]),
) as Record<(typeof FACT_KINDS)[number], string>;

describe('the model and the case-file JSON Schema agree', () => {
  it('maps each fact kind to its $defs entry', () => {
    expect(factDefs).toEqual({ Charge: 'charge', Evidence: 'evidence', Ruling: 'ruling', Event: 'event', Act: 'act', Claim: 'claim' });
  });

  it('lets a case file write every reference, attribute and time field of each fact kind', () => {
    const missing: string[] = [];
    for (const kind of FACT_KINDS) {
      const properties = schema.$defs[factDefs[kind]]!.properties;
      const fields = [...REFERENCE_FIELDS[kind].map((r) => r.field), ...ATTRIBUTE_FIELDS[kind], ...(TIME_FIELDS[kind] ?? [])];
      for (const field of fields) if (!(field in properties)) missing.push(`${kind}.${field}`);
      for (const ref of REFERENCE_FIELDS[kind]) {
        const expected = ref.many ? '#/$defs/edgeRefs' : '#/$defs/edgeRef';
        if (properties[ref.field]?.$ref !== expected) missing.push(`${kind}.${ref.field} as ${expected}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lets an entity carry every attribute of the entity kinds, and the case section every Case field', () => {
    const entity = schema.$defs.entity!.properties;
    expect(entity.kind!.enum).toEqual([...ENTITY_KINDS]);
    const missing = ENTITY_KINDS.flatMap((kind) =>
      [...ATTRIBUTE_FIELDS[kind], ...REFERENCE_FIELDS[kind].map((r) => r.field)]
        .filter((field) => !(kind === 'Case' && field === 'caption'))
        .filter((field) => !(field in entity))
        .map((field) => `${kind}.${field}`),
    );
    expect(missing).toEqual([]);
    const caseSection = schema.$defs.case!.properties;
    expect([...ATTRIBUTE_FIELDS.Case, ...REFERENCE_FIELDS.Case.map((r) => r.field)].filter((f) => !(f in caseSection))).toEqual([]);
  });

  it('reserves HAS_ROLE, QUOTED_FROM and every reference relationship type', () => {
    const referenceTypes = Object.values(REFERENCE_FIELDS).flatMap((fields) => fields.map((f) => f.type));
    expect(referenceTypes.length).toBeGreaterThan(15);
    for (const type of ['HAS_ROLE', 'QUOTED_FROM', 'PERFORMED', 'CHARGED_WITH', 'HEARD_IN', ...referenceTypes]) {
      expect(RESERVED_TYPES.has(type), type).toBe(true);
    }
    expect(RESERVED_TYPES.has('FRIEND_OF')).toBe(false);
  });
});
