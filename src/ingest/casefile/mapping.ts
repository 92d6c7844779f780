import { ATTRIBUTE_FIELDS, REFERENCE_FIELDS, TIME_FIELDS, type FactKind, type NodeKind, type ReferenceField } from '../../model/kinds.js';
import { flattenTime, normalizeTime, readTime, type TimeInput, type TimeValue } from '../../model/time.js';

/**
 * What each case-file field of a node becomes in the graph, and back: one table per kind, read
 * by plan.ts (file → graph) and export.ts (graph → file), so the two directions cannot drift.
 * A field is a node property (`property`), a time flattened into `<field>_<part>` properties
 * (`time`), or a relationship (`reference`). The order of a kind's rules is the order export
 * writes the fields in. `id`, `name` and `sources` are not in the table: every node has them.
 */
export type FieldRule =
  | { field: string; store: 'property'; property: string; empty: null | false | readonly [] }
  | { field: string; store: 'time' }
  | { field: string; store: 'reference'; ref: ReferenceField };

/** Fields every node has, after its name. A value equal to `empty` is what "not stated" looks like. */
const COMMON_RULES: readonly FieldRule[] = [
  { field: 'unnamed', store: 'property', property: 'unnamed', empty: false },
  { field: 'shared', store: 'property', property: 'shared', empty: false },
  { field: 'aliases', store: 'property', property: 'aliases', empty: [] },
  { field: 'description', store: 'property', property: 'description', empty: null },
];

/** Case-file fields whose property has another name in the graph. */
const RENAMED: Partial<Record<NodeKind, Record<string, string>>> = {
  SourceDocument: { kind: 'documentType' },
};

/** Where the format documents a kind's fields, when not in the order of model/kinds.ts. */
const FIELD_ORDER: Partial<Record<NodeKind, readonly string[]>> = {
  SourceDocument: ['title', 'kind', 'publisher', 'published', 'url', 'text'],
  Case: ['caption', 'aliases', 'description', 'caseType', 'jurisdiction', 'status', 'outcome', 'court'],
  Charge: ['offence', 'defendant', 'maximumPenalty', 'description', 'case'],
  Evidence: ['description', 'received', 'receivedBy', 'receivedFrom', 'disclosed', 'withheldFrom', 'case'],
  Ruling: ['judge', 'finding', 'disposition', 'dispositionKind', 'words', 'time', 'event', 'case'],
  Event: ['description', 'eventType', 'time', 'place', 'partOf', 'causedBy', 'participants', 'case'],
  Act: ['actor', 'action', 'target', 'object', 'instrument', 'time', 'place', 'event', 'case'],
  Claim: ['claimant', 'statement', 'stance', 'status', 'about', 'disputes', 'time', 'case'],
};

/** Properties the loader computes from the file; export does not write them back. */
const COMPUTED: Partial<Record<NodeKind, readonly string[]>> = { SourceDocument: ['length'] };

/** Facts whose `name` the file gives; the others get a name made by the loader (plan.ts factName). */
export const NAMED_FACTS: ReadonlySet<FactKind> = new Set(['Evidence', 'Event', 'Ruling']);

function rulesOf(kind: NodeKind): FieldRule[] {
  const renamed = RENAMED[kind] ?? {};
  const propertyOf = new Map(Object.entries(renamed).map(([field, property]) => [property, field]));
  const computed = COMPUTED[kind] ?? [];
  const rules: FieldRule[] = [
    ...COMMON_RULES,
    ...ATTRIBUTE_FIELDS[kind]
      .filter((property) => !computed.includes(property))
      .map((property): FieldRule => ({ field: propertyOf.get(property) ?? property, store: 'property', property, empty: null })),
    ...(TIME_FIELDS[kind] ?? []).map((field): FieldRule => ({ field, store: 'time' })),
    ...REFERENCE_FIELDS[kind].map((ref): FieldRule => ({ field: ref.field, store: 'reference', ref })),
  ];
  const order = FIELD_ORDER[kind] ?? [];
  const rank = (rule: FieldRule) => (order.includes(rule.field) ? order.indexOf(rule.field) : order.length);
  // Common fields first (unnamed, shared), then the documented order, then the rest as kinds.ts lists them.
  return rules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => commonFirst(a.rule) - commonFirst(b.rule) || rank(a.rule) - rank(b.rule) || a.i - b.i)
    .map(({ rule }) => rule);
}

const commonFirst = (rule: FieldRule) => (rule.field === 'unnamed' || rule.field === 'shared' ? 0 : 1);

/** The table: every kind's field rules. */
export const NODE_FIELDS: Readonly<Record<NodeKind, readonly FieldRule[]>> = Object.fromEntries(
  (Object.keys(ATTRIBUTE_FIELDS) as NodeKind[]).map((kind) => [kind, rulesOf(kind)]),
) as Record<NodeKind, FieldRule[]>;

/** File → graph: the properties of a node of this kind from the fields the file gives. */
export function toProperties(kind: NodeKind, fields: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const rule of NODE_FIELDS[kind]) {
    if (rule.store === 'property') {
      const value = fields[rule.field];
      props[rule.property] = rule.empty === false ? value === true : value ?? rule.empty;
    } else if (rule.store === 'time') {
      const value = fields[rule.field];
      Object.assign(props, flattenTime(rule.field, value ? normalizeTime(value as TimeInput) : null));
    }
  }
  for (const [property, compute] of Object.entries(COMPUTED_VALUES[kind] ?? {})) props[property] = compute(fields);
  return props;
}

const COMPUTED_VALUES: Partial<Record<NodeKind, Record<string, (fields: Record<string, unknown>) => unknown>>> = {
  SourceDocument: { length: (fields) => (typeof fields.text === 'string' ? Array.from(fields.text).length : 0) },
};

/**
 * Graph → file: the fields of a node as the file wrote them, in the table's order, leaving out
 * what was not stated. `reference` gives a reference field's targets (export reads them from the
 * node's relationships).
 */
export function toFields(
  kind: NodeKind,
  props: Record<string, unknown>,
  reference: (rule: Extract<FieldRule, { store: 'reference' }>) => unknown,
  options: { skip?: readonly string[] } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of NODE_FIELDS[kind]) {
    if (options.skip?.includes(rule.field)) continue;
    const value = fieldValue(rule, props, reference);
    if (stated(value, rule)) out[rule.field] = value;
  }
  return out;
}

function fieldValue(rule: FieldRule, props: Record<string, unknown>, reference: (rule: Extract<FieldRule, { store: 'reference' }>) => unknown): unknown {
  if (rule.store === 'reference') return reference(rule);
  if (rule.store === 'time') {
    const time = readTime(rule.field, props);
    return time ? timeToInput(time) : undefined;
  }
  return props[rule.property];
}

/** A value worth writing: not the rule's empty value, and not null, an empty string or an empty list. */
function stated(value: unknown, rule: FieldRule): boolean {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return false;
  return !(rule.store === 'property' && rule.empty === false && value === false);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The time as the file wrote it, from its normalised form: `date` when the year is known,
 * `month` only without a year, `weekday` only when the date does not imply it (normalizeTime
 * fills it in), `approximate` only when true. Null when nothing is left.
 */
export function timeToInput(value: TimeValue): TimeInput | null {
  const out: TimeInput = {};
  if (value.text !== null) out.text = value.text;
  if (value.year !== null) {
    out.date = pad(value.year, 4);
    if (value.month !== null) {
      out.date += `-${pad(value.month, 2)}`;
      if (value.day !== null) out.date += `-${pad(value.day, 2)}`;
    }
  } else if (value.month !== null) {
    out.month = value.month;
  }
  if (value.weekday !== null) {
    const implied = value.day !== null && out.date !== undefined ? normalizeTime({ date: out.date }).weekday : null;
    if (implied !== value.weekday) out.weekday = value.weekday;
  }
  if (value.approximate) out.approximate = true;
  return Object.keys(out).length > 0 ? out : null;
}
