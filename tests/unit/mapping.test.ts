import { describe, expect, it } from 'vitest';
import { NODE_FIELDS, toFields, toProperties } from '../../src/ingest/casefile/mapping.js';
import { ATTRIBUTE_FIELDS, NODE_KINDS, REFERENCE_FIELDS, TIME_FIELDS } from '../../src/model/kinds.js';

describe('the case-file <-> graph table', () => {
  it('has a rule for every attribute, time and reference field of every kind, once', () => {
    for (const kind of NODE_KINDS) {
      const fields = NODE_FIELDS[kind].map((r) => r.field);
      expect(new Set(fields).size, kind).toBe(fields.length);
      const properties = NODE_FIELDS[kind].flatMap((r) => (r.store === 'property' ? [r.property] : []));
      for (const attribute of ATTRIBUTE_FIELDS[kind].filter((a) => a !== 'length')) expect(properties, `${kind}.${attribute}`).toContain(attribute);
      for (const time of TIME_FIELDS[kind] ?? []) expect(fields, `${kind}.${time}`).toContain(time);
      for (const ref of REFERENCE_FIELDS[kind]) expect(fields, `${kind}.${ref.field}`).toContain(ref.field);
    }
  });

  it('reads back what it writes, leaving out what the file did not state', () => {
    const fields = { description: 'Found on set', received: { date: '2024-03-06' }, disclosed: false, aliases: ['rounds'] };
    const props = toProperties('Evidence', fields);
    expect(props).toMatchObject({ description: 'Found on set', disclosed: false, aliases: ['rounds'], unnamed: false, shared: false, received_year: 2024 });
    expect(toFields('Evidence', props, () => undefined)).toEqual({ aliases: ['rounds'], description: 'Found on set', received: { date: '2024-03-06' }, disclosed: false });
  });

  it('renames a document kind to documentType and computes its length in code points', () => {
    const props = toProperties('SourceDocument', { title: 'T', kind: 'news', text: 'a😀b' });
    expect(props).toMatchObject({ title: 'T', documentType: 'news', length: 3 });
    expect(toFields('SourceDocument', props, () => undefined)).toEqual({ title: 'T', kind: 'news', text: 'a😀b' });
  });

  it('writes fields in the order the format documents them', () => {
    const props = toProperties('Charge', { offence: 'manslaughter', maximumPenalty: '18 months', description: 'd' });
    expect(Object.keys(toFields('Charge', props, (rule) => (rule.field === 'defendant' ? 'x' : undefined)))).toEqual(['offence', 'defendant', 'maximumPenalty', 'description']);
  });
});
