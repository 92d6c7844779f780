import { Cypher, cypher, expr, join } from './cypher.js';

/**
 * Every relationship read as an English sentence, made from the names at its ends (never their
 * ids): `{from}` and `{to}` stand for the start's and the end's names, `{role}` for a role's
 * name. An act or a claim is named by what it says ("Troy Teske delivered live rounds…"), so it
 * is quoted as a whole. Types not listed read "{from} is linked to {to} (<type in words>)."
 */
export const SENTENCES: Readonly<Record<string, string>> = {
  HAS_ROLE: '{from} holds the role of {role} in {to}.',
  PERFORMED: '{from} is the actor of {to}.',
  TARGETED: '{from} was aimed at {to}.',
  ACTED_ON: '{from} acted on {to}.',
  USED: '{from} used {to}.',
  OCCURRED_AT: '{from} took place at {to}.',
  PART_OF: '{from} was part of {to}.',
  CAUSED_BY: '{from} was caused by {to}.',
  PARTICIPATED_IN: '{from} took part in {to}.',
  IN_CASE: '{from} belongs to {to}.',
  HEARD_IN: '{from} is heard in {to}.',
  CHARGED_IN: 'The charge of {from} is brought in {to}.',
  CHARGED_WITH: '{from} is charged: {to}.',
  EVIDENCE_IN: '{from} is evidence in {to}.',
  RECEIVED_BY: '{to} received {from}.',
  RECEIVED_FROM: '{from} came from {to}.',
  WITHHELD_FROM: '{to} was not given {from}.',
  RULING_IN: '{from} is a ruling in {to}.',
  ISSUED: '{from} issued {to}.',
  ASSERTED: '{from} made the claim {to}.',
  ABOUT: '{from} is about {to}.',
  DISPUTES: '{from} disputes {to}.',
  OPINION_IN: '{from} is an opinion in {to}.',
  AUTHORED: '{from} wrote {to}.',
  CITES: '{from} cites {to}.',
  REPORTED_AS: '{from} is reported as {to}.',
  SPOUSE_OF: '{from} is the spouse of {to}.',
  FRIEND_OF: '{from} is a friend of {to}.',
  STEPFATHER_OF: '{from} is the stepfather of {to}.',
  MEMBER_OF: '{from} is a member of {to}.',
  REPRESENTS: '{from} represents {to}.',
  FAMILY_OF: '{from} is family of {to}.',
  PRODUCED_BY: '{from} was produced by {to}.',
  SET_OF: '{from} is the set of {to}.',
  BEFORE: '{from} happened before {to}.',
  AFTER: '{from} happened after {to}.',
  DURING: '{from} happened during {to}.',
  SAME_DAY_AS: '{from} happened on the same day as {to}.',
};

/** Kinds whose names are sentences of their own, quoted inside another sentence. */
export const QUOTED_KINDS = ['Act', 'Claim'] as const;

/** The sentence of a relationship from plain values (the same rules as `sentenceOf`, for tests and the page). */
export function sentence(type: string, from: { name: string; kind: string }, to: { name: string; kind: string }, role?: string | null): string {
  const named = (n: { name: string; kind: string }) => ((QUOTED_KINDS as readonly string[]).includes(n.kind) ? `“${n.name}”` : n.name);
  const template = SENTENCES[type] ?? `{from} is linked to {to} (${type.toLowerCase().replace(/_/g, ' ')}).`;
  const text = template.replace('{from}', named(from)).replace('{to}', named(to)).replace('{role}', (role ?? '').replace(/_/g, ' '));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The same sentence as a Cypher expression of relationship `r` from `start` to `end`. */
export function sentenceOf(r: Cypher.Variable, start: Cypher.Variable, end: Cypher.Variable): Cypher.Expr {
  const kinds = `[${QUOTED_KINDS.map((k) => `'${k}'`).join(', ')}]`;
  const named = (n: Cypher.Variable) => cypher`CASE WHEN ${n}.kind IN ${kinds} THEN '“' + ${n}.name + '”' ELSE ${n}.name END`;
  const piece = (part: string) => (part === '{from}' ? named(start) : part === '{to}' ? named(end) : part === '{role}' ? cypher`replace(coalesce(${r}.role, ''), '_', ' ')` : cypher`${new Cypher.Literal(part)}`);
  const capital = (x: Cypher.Raw) => cypher`toUpper(left(${x}, 1)) + substring(${x}, 1)`;
  const compile = (template: string) =>
    join(
      template
        .split(/(\{from\}|\{to\}|\{role\})/)
        .filter(Boolean)
        .map((part, i) => (i === 0 && part.startsWith('{') ? capital(piece(part)) : piece(part))),
      ' + ',
    );
  const whens = Object.entries(SENTENCES).map(([type, template]) => cypher`WHEN '${type}' THEN ${compile(template)}`);
  const fallback = cypher`${capital(named(start))} + ' is linked to ' + ${named(end)} + ' (' + toLower(replace(type(${r}), '_', ' ')) + ').'`;
  return expr(cypher`CASE type(${r}) ${join(whens, ' ')} ELSE ${fallback} END`);
}
