import { CITES_TYPE, REFERENCE_FIELDS, REPORTED_AS_TYPE, ROLE_TYPE, type NodeKind, type ReferenceField } from '../model/kinds.js';
import { nearestRoles, roleKey, roleKeyCypher } from './role-names.js';
import { badInput } from '../shared/errors.js';
import { Cypher, cypher } from './cypher.js';
import { casesOf } from './membership.js';
import { bestSortKey, chronological, dateRange, type DateRangeArgs } from './time.js';

/** The variables of one list: the parent node, each item, and the relationship for relationship lists. */
export interface ListVars {
  parent: Cypher.Node;
  item: Cypher.Node;
  rel: Cypher.Relationship;
  /** The item's sort key, when the list computes one (`sortKey`). */
  key: Cypher.Variable;
}

export type Args = Record<string, any>;

/**
 * A list of the API as the graph holds it: how items hang off the parent, the conditions its
 * arguments add, and its documented stable sort (which ends in a unique key). Every value from
 * a request enters as a parameter; the text holds only the model's labels and types.
 */
export interface ListSpec {
  /** Type and field, e.g. Case.events. */
  name: string;
  /** Clauses binding `item` (and `rel`) from `parent`. */
  match(v: ListVars, args: Args): Cypher.Raw;
  /** Conditions from the arguments; null when an argument is not used. Throws BAD_USER_INPUT. */
  where?(v: ListVars, args: Args): (Cypher.Raw | null)[];
  /**
   * What makes an item distinct: the node, the relationship and its other end, or the node and
   * its key; `none` when the pattern gives each item once already (one relationship, one row).
   */
  distinct?: 'item' | 'rel' | 'key' | 'none';
  /**
   * The total when no argument filters the list, read from the parent's degree (a count Neo4j
   * keeps per node and type) instead of walking the list: for lists whose every relationship
   * of the pattern is an item.
   */
  degree?(v: ListVars): Cypher.Raw;
  /** An expression of `item` bound to `key` before sorting (computed once per item). */
  sortKey?(v: ListVars): Cypher.Expr;
  order(v: ListVars): Cypher.Raw;
  /** What each item is: a node, or a relationship seen from the parent (Role, Relationship). */
  items: 'node' | 'relationship';
  /** Page size when the client gives no `first`. */
  defaultSize?: number;
}

/** A reference field of the model (kinds.ts): how `kind.field` is stored. */
export function reference(kind: NodeKind, field: string): ReferenceField {
  const ref = REFERENCE_FIELDS[kind].find((r) => r.field === field);
  if (!ref) throw new Error(`${kind} has no reference ${field}`);
  return ref;
}

/**
 * The arrow of a reference, read from the node that has the field (`forward`) or from the node
 * it points at: actor PERFORMED act is `<-[:PERFORMED]-` from the act, `-[:PERFORMED]->` from the actor.
 */
export function arrow(ref: ReferenceField, forward: boolean): string {
  const out = ref.inbound !== true ? forward : !forward;
  return out ? `-[:${ref.type}]->` : `<-[:${ref.type}]-`;
}

/** Items that point at the parent through their `field` (the charges of a case are the charges whose case it is). */
const referrers = (kind: NodeKind, field: string) => {
  const ref = reference(kind, field);
  return (v: ListVars) => cypher`MATCH (${v.parent})${arrow(ref, false)}(${v.item}:${kind})`;
};

/** Items the parent points at through its many-valued `field`. */
const referenced = (kind: NodeKind, field: string, label = 'Entity') => {
  const ref = reference(kind, field);
  return (v: ListVars) => cypher`MATCH (${v.parent})${arrow(ref, true)}(${v.item}:${label})`;
};

const FILE_ORDER = (v: ListVars) => cypher`${v.item}.seq, ${v.item}.id`;
const BY_NAME = (v: ListVars) => cypher`${v.item}.name, ${v.item}.id`;
const BY_ID = (v: ListVars) => cypher`${v.item}.id`;

const param = (value: unknown) => new Cypher.Param(value);

/** `kinds`: only entities of these kinds (the EntityKind enum arrives as model kinds, e.g. Person). */
const kinds = (v: ListVars, args: Args) => (args.kinds?.length ? cypher`${v.item}.kind IN ${param([...new Set(args.kinds as string[])].sort())}` : null);
/** `inferred`: false for only what the sources state, true for only what they imply. */
const inferred = (v: ListVars, args: Args) => (typeof args.inferred === 'boolean' ? cypher`coalesce(${v.rel}.inferred, false) = ${param(args.inferred)}` : null);
const dates = (v: ListVars, args: Args) => dateRange(v.item, args as DateRangeArgs);
/** Stance and status arrive as the stored lower-case values (the enums map them). */
const stance = (v: ListVars, args: Args) => (args.stance ? cypher`${v.item}.stance = ${param(args.stance)}` : null);
const status = (v: ListVars, args: Args) => (args.status ? cypher`${v.item}.status = ${param(args.status)}` : null);

/** In date order by the best-known time (time.ts). */
const dated = { sortKey: (v: ListVars) => bestSortKey(v.item), order: (v: ListVars) => chronological(v.item, v.key) };

const entityList = (name: string, match: ListSpec['match']): ListSpec => ({ name, match, where: (v, a) => [kinds(v, a)], order: BY_NAME, items: 'node' });
const eventList = (name: string, match: ListSpec['match']): ListSpec => ({ name, match, where: (v, a) => [dates(v, a)], ...dated, items: 'node' });
const actList = eventList;
const claimList = (name: string, match: ListSpec['match'], extra?: (v: ListVars) => Cypher.Raw): ListSpec => ({
  name,
  match,
  where: (v, a) => [extra ? extra(v) : null, stance(v, a), status(v, a)],
  ...dated,
  items: 'node',
});

/**
 * Roles: HAS_ROLE relationships, by role name, then the name at the other end, then id. The
 * loader writes HAS_ROLE only between entities, so neither end needs its label checked, each
 * relationship is one item, and the total is the parent's HAS_ROLE degree: a judge's thousands
 * of roles are counted without being read.
 */
const roleList = (name: string, forward: boolean): ListSpec => ({
  name,
  match: (v) => (forward ? cypher`MATCH (${v.parent})-[${v.rel}:${ROLE_TYPE}]->(${v.item})` : cypher`MATCH (${v.parent})<-[${v.rel}:${ROLE_TYPE}]-(${v.item})`),
  where: (v, a) => [roleFilter(v, a.role), inferred(v, a)],
  distinct: 'none',
  degree: (v) => (forward ? cypher`COUNT { (${v.parent})-[:${ROLE_TYPE}]->() }` : cypher`COUNT { (${v.parent})<-[:${ROLE_TYPE}]-() }`),
  order: (v) => cypher`${v.rel}.role, ${v.item}.name, ${v.rel}.id`,
  items: 'relationship',
});

/**
 * `role`: the filter as a role key. A filter that is no known role but a few typing mistakes
 * from one ("prosecuter") is refused with the nearest ones, rather than matching nothing.
 */
function roleFilter(v: ListVars, role: string | null | undefined): Cypher.Raw | null {
  if (!role) return null;
  const near = nearestRoles(role);
  if (near.length) throw badInput(`role: no role "${role}"; did you mean ${near.map((r) => `"${r}"`).join(' or ')}?`, 'role', { suggestions: near });
  return cypher`${new Cypher.Raw((env) => roleKeyCypher(`${env.compile(v.rel)}.role`))} = ${param(roleKey(role))}`;
}

/** How each part in an act is stored: actor PERFORMED act; act TARGETED / ACTED_ON / USED it. */
const PARTICIPATION: Record<string, string> = { ACTOR: 'actor', TARGET: 'target', OBJECT: 'object', INSTRUMENT: 'instrument' };

const RELATIONSHIP_ARROWS: Record<string, [string, string]> = { OUTGOING: ['-', '->'], INCOMING: ['<-', '-'], BOTH: ['-', '-'] };

export const LISTS = {
  'Entity.cases': {
    name: 'Entity.cases',
    match: (v) => {
      const id = new Cypher.Variable();
      return cypher`UNWIND ${casesOf(v.parent)} AS ${id} MATCH (${v.item}:Case {id: ${id}})`;
    },
    order: BY_ID,
    items: 'node',
  },
  'Entity.mentionedIn': {
    name: 'Entity.mentionedIn',
    match: (v) => {
      const id = new Cypher.Variable();
      const x = new Cypher.Node();
      const c = new Cypher.Variable();
      return cypher`UNWIND COLLECT { MATCH (${v.parent})<-[:STATES]-(${x}:CaseManifest) WHERE ${x}.case <> ${v.parent}.id RETURN DISTINCT ${x}.case AS ${c} } AS ${id} MATCH (${v.item}:Case {id: ${id}})`;
    },
    order: BY_ID,
    items: 'node',
  },
  'Entity.roles': roleList('Entity.roles', true),
  'Entity.participants': roleList('Entity.participants', false),
  'Entity.acts': actList('Entity.acts', (v, a) => {
    const ref = reference('Act', PARTICIPATION[a.as ?? 'ACTOR']!);
    return cypher`MATCH (${v.parent})${arrow(ref, false)}(${v.item}:Act)`;
  }),
  'Entity.claims': claimList('Entity.claims', (v) => cypher`MATCH (${v.parent})${arrow(reference('Claim', 'claimant'), false)}(${v.item}:Claim)`),
  'Entity.relationships': {
    name: 'Entity.relationships',
    match: (v, a) => {
      const [left, right] = RELATIONSHIP_ARROWS[a.direction ?? 'BOTH']!;
      return cypher`MATCH (${v.parent})${left}[${v.rel}]${right}(${v.item}:Entity)`;
    },
    where: (v, a) => [a.types?.length ? cypher`type(${v.rel}) IN ${param([...new Set(a.types as string[])].sort())}` : null, inferred(v, a)],
    distinct: 'rel',
    order: (v) => cypher`type(${v.rel}), ${v.item}.name, ${v.rel}.id`,
    items: 'relationship',
  },
  'Case.charges': { name: 'Case.charges', match: referrers('Charge', 'case'), order: FILE_ORDER, items: 'node' },
  'Case.evidence': {
    name: 'Case.evidence',
    match: referrers('Evidence', 'case'),
    where: (v, a) => [typeof a.disclosed === 'boolean' ? cypher`${v.item}.disclosed = ${param(a.disclosed)}` : null],
    order: FILE_ORDER,
    items: 'node',
  },
  'Case.rulings': {
    name: 'Case.rulings',
    match: referrers('Ruling', 'case'),
    where: (v, a) => [a.disposition ? cypher`${v.item}.dispositionKind = ${param(a.disposition)}` : null],
    ...dated,
    items: 'node',
  },
  'Case.events': eventList('Case.events', referrers('Event', 'case')),
  'Case.caseActs': actList('Case.caseActs', referrers('Act', 'case')),
  'Case.caseClaims': claimList('Case.caseClaims', referrers('Claim', 'case')),
  'Case.documents': {
    name: 'Case.documents',
    match: (v) => {
      const id = new Cypher.Variable();
      return cypher`UNWIND coalesce(${v.parent}.documentIds, []) AS ${id} MATCH (${v.item}:SourceDocument {id: ${id}})`;
    },
    order: (v) => cypher`${v.item}.title, ${v.item}.id`,
    items: 'node',
  },
  'Case.opinions': { name: 'Case.opinions', match: referrers('Opinion', 'case'), order: FILE_ORDER, items: 'node' },
  'Case.cites': { name: 'Case.cites', match: (v) => cypher`MATCH (${v.parent})-[:${CITES_TYPE}]->(${v.item}:Authority)`, order: (v) => cypher`${v.item}.citation, ${v.item}.id`, items: 'node' },
  'Case.citedBy': {
    name: 'Case.citedBy',
    match: (v) => cypher`MATCH (${v.parent})-[:${REPORTED_AS_TYPE}]->(:Authority)<-[:${CITES_TYPE}]-(${v.item}:Case) WHERE ${v.item} <> ${v.parent}`,
    order: BY_ID,
    items: 'node',
  },
  'Case.citingSameAuthorities': {
    name: 'Case.citingSameAuthorities',
    match: (v) =>
      cypher`MATCH (${v.parent})-[:${CITES_TYPE}]->(:Authority)<-[:${CITES_TYPE}]-(${v.item}:Case) WHERE ${v.item} <> ${v.parent}
WITH DISTINCT ${v.item}
WITH ${v.item}, COUNT { (${v.parent})-[:${CITES_TYPE}]->(:Authority)<-[:${CITES_TYPE}]-(${v.item}) } AS ${v.key}`,
    distinct: 'key',
    order: (v) => cypher`${v.key} DESC, ${v.item}.id`,
    items: 'node',
  },
  'Opinion.cites': { name: 'Opinion.cites', match: (v) => cypher`MATCH (${v.parent})-[:${CITES_TYPE}]->(${v.item}:Authority)`, order: (v) => cypher`${v.item}.citation, ${v.item}.id`, items: 'node' },
  'Opinion.citesOpinions': { name: 'Opinion.citesOpinions', match: (v) => cypher`MATCH (${v.parent})-[:${CITES_TYPE}]->(${v.item}:Opinion)`, order: BY_ID, items: 'node' },
  'Opinion.citedByOpinions': { name: 'Opinion.citedByOpinions', match: (v) => cypher`MATCH (${v.parent})<-[:${CITES_TYPE}]-(${v.item}:Opinion)`, order: BY_ID, items: 'node' },
  'Authority.citedBy': { name: 'Authority.citedBy', match: (v) => cypher`MATCH (${v.parent})<-[:${CITES_TYPE}]-(${v.item}:Case)`, order: BY_ID, items: 'node' },
  'Court.casesHeard': { name: 'Court.casesHeard', match: referrers('Case', 'court'), order: BY_ID, items: 'node' },
  'Evidence.withheldFrom': entityList('Evidence.withheldFrom', referenced('Evidence', 'withheldFrom')),
  'Place.events': eventList('Place.events', referrers('Event', 'place')),
  'Event.subEvents': eventList('Event.subEvents', referrers('Event', 'partOf')),
  'Event.involved': entityList('Event.involved', referenced('Event', 'participants')),
  'Event.eventActs': actList('Event.eventActs', referrers('Act', 'event')),
  'Claim.about': entityList('Claim.about', referenced('Claim', 'about')),
  'Claim.disputes': claimList('Claim.disputes', referenced('Claim', 'disputes', 'Claim')),
  'Claim.disputedBy': claimList('Claim.disputedBy', referrers('Claim', 'disputes')),
  /** The claims of a case that some claim disputes. */
  'Query.contestedClaims': claimList('Query.contestedClaims', referrers('Claim', 'case'), (v) => {
    const other = new Cypher.Node();
    return cypher`EXISTS { (${v.item})${arrow(reference('Claim', 'disputes'), false)}(${other}:Claim) }`;
  }),
  /** Entities that take part in both the parent case and `otherCaseId` (membership.ts). */
  'Query.sharedBetween': {
    name: 'Query.sharedBetween',
    match: (v) => cypher`MATCH (${v.item}:Entity)`,
    where: (v, a) => {
      const other = param(a.otherCaseId);
      return [
        cypher`${v.item}.id <> ${v.parent}.id AND ${v.parent}.id IN ${casesOf(v.item)}`,
        cypher`${v.item}.id <> ${other} AND ${other} IN ${casesOf(v.item)}`,
        kinds(v, a),
      ];
    },
    order: BY_NAME,
    items: 'node',
  },
} satisfies Record<string, ListSpec>;

export type ListName = keyof typeof LISTS;
