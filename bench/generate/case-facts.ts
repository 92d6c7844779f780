import type { Actor, CaseContext } from './case-context.js';
import { nextId, people, say, someTime } from './case-context.js';
import { ACTIONS, CLAIM_VERBS, DISPOSITIONS, EVENT_KINDS, OBJECT_ACTIONS, OFFENCES, RELATION_TYPES } from './vocabulary.js';

/**
 * The facts of a generated case, one sentence each in its documents. Each function adds one
 * fact (or role, or relation) and returns false when the case has nothing it could be about.
 */
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const FINDINGS = ['the evidence was unreliable', 'the delay was not justified', 'there was no case to answer', 'the search was lawful', 'the main witness was credible'];

/** A role, unless the same person already holds it there (derived role ids must be unique). */
export function role(ctx: CaseContext, who: Actor, name: string, sentence: string): boolean {
  const id = `role-${who.id}-${name}-${ctx.caseId}`;
  if (ctx.linkIds.has(id)) return false;
  ctx.linkIds.add(id);
  ctx.roles.push({ who: who.id, role: name, in: ctx.caseId, sources: say(ctx, sentence) });
  return true;
}

export function relation(ctx: CaseContext): boolean {
  const { rng, cast } = ctx;
  const choice = rng.weighted({ personal: 3, represents: 1, employed: 1 });
  let from: Actor, to: Actor, type: string, words: string;
  if (choice === 'represents') [from, to, type, words] = [rng.pick(cast.lawyers), rng.pick(cast.defendants), 'REPRESENTS', 'acts for'];
  else if (choice === 'employed' && cast.companies.length > 0) [from, to, type, words] = [rng.pick(people(cast)), rng.pick(cast.companies), 'EMPLOYED_BY', 'is employed by'];
  else {
    const pair = rng.sample(people(cast), 2);
    if (pair.length < 2) return false;
    ({ type, words } = rng.pick(RELATION_TYPES));
    [from, to] = pair as [Actor, Actor];
  }
  const id = `${type.toLowerCase()}-${from.id}-${to.id}`;
  if (ctx.linkIds.has(id)) return false;
  ctx.linkIds.add(id);
  ctx.relations.push({ type, from: from.id, to: to.id, sources: say(ctx, `${capital(from.name)} ${words} ${to.name}.`) });
  return true;
}

export function charge(ctx: CaseContext, defendant: Actor): boolean {
  const { offence, years } = ctx.rng.pick(OFFENCES);
  const penalty = `up to ${years} years in prison`;
  ctx.facts.charges.push({
    id: nextId(ctx, 'charge'), offence, defendant: defendant.id, maximumPenalty: penalty,
    sources: say(ctx, `${defendant.name} was charged with ${offence}, which carries ${penalty}.`, `${defendant.name} was charged with ${offence}`, penalty),
  });
  return true;
}

export function ruling(ctx: CaseContext): boolean {
  const { rng, cast } = ctx;
  const { time, words } = someTime(ctx);
  const disposition = rng.pick(DISPOSITIONS);
  const finding = rng.pick(FINDINGS);
  ctx.facts.rulings.push({
    id: nextId(ctx, 'ruling'), judge: cast.judge.id, finding: capital(`${finding}.`), disposition, time,
    sources: say(ctx, `${capital(words)}, ${cast.judge.name} ${disposition}, finding that ${finding}.`),
  });
  return true;
}

export function event(ctx: CaseContext): boolean {
  const { rng, cast } = ctx;
  const kind = rng.pick(EVENT_KINDS);
  const place = cast.places.length > 0 && rng.chance(0.8) ? rng.pick(cast.places) : null;
  const participants = rng.sample(people(cast), rng.int(0, 3));
  const partOf = ctx.facts.events.length > 0 && rng.chance(0.2) ? (rng.pick(ctx.facts.events).id as string) : null;
  const { time, words } = someTime(ctx);
  const where = place ? ` at ${place.name}` : ` in ${ctx.town}`;
  const who = participants.length > 0 ? `, involving ${participants.map((p) => p.name).join(' and ')}` : '';
  ctx.facts.events.push({
    id: nextId(ctx, 'event'), name: `${capital(kind.name)}${where}`, eventType: kind.eventType, time,
    ...(place ? { place: place.id } : {}), ...(participants.length > 0 ? { participants: participants.map((p) => p.id) } : {}),
    ...(partOf ? { partOf } : {}),
    sources: say(ctx, `${capital(words)} there was a ${kind.name}${where}${who}.`),
  });
  return true;
}

export function act(ctx: CaseContext): boolean {
  const { rng, cast } = ctx;
  const actor = rng.pick([...people(cast), cast.prosecutor, ...cast.lawyers]);
  const others = [...people(cast), ...cast.companies, cast.police].filter((a) => a.id !== actor.id);
  const things = [...cast.items, ...ctx.facts.evidence.map((e) => ({ id: e.id, name: String(e.name) }))];
  const onThing = things.length > 0 && rng.chance(0.4);
  const action = onThing ? rng.pick(OBJECT_ACTIONS) : rng.pick(ACTIONS);
  const other = onThing ? rng.pick(things) : rng.pick(others);
  const place = cast.places.length > 0 && rng.chance(0.3) ? rng.pick(cast.places) : null;
  const partOf = ctx.facts.events.length > 0 && rng.chance(0.3) ? (rng.pick(ctx.facts.events).id as string) : null;
  const { time, words } = someTime(ctx);
  ctx.facts.acts.push({
    id: nextId(ctx, 'act'), actor: actor.id, action, [onThing ? 'object' : 'target']: other.id, time,
    ...(place ? { place: place.id } : {}), ...(partOf ? { event: partOf } : {}),
    sources: say(ctx, `${capital(actor.name)} ${action} ${other.name}${place ? ` at ${place.name}` : ''} ${words}.`),
  });
  return true;
}

export function evidence(ctx: CaseContext): boolean {
  const { rng, cast } = ctx;
  const source = rng.pick([
    ...cast.places.map((p) => `CCTV footage from ${p.name}`), ...cast.items.map((i) => `fingerprints on ${i.name}`),
    ...cast.companies.map((c) => `bank records of ${c.name}`), ...cast.witnesses.map((w) => `a written statement by ${w.name}`), 'a recorded telephone call',
  ]);
  const from = cast.witnesses.length > 0 && rng.chance(0.5) ? rng.pick(cast.witnesses) : null;
  const disclosed = rng.weighted({ yes: 5, no: 2, unknown: 3 });
  const { time, words } = someTime(ctx);
  const sentence = `${capital(cast.police.name)} received ${source}${from ? ` from ${from.name}` : ''} ${words}.`;
  const withheld = disclosed === 'no' ? ' It was not disclosed to the defence.' : '';
  ctx.facts.evidence.push({
    id: nextId(ctx, 'evidence'), name: source, received: time, receivedBy: cast.police.id, ...(from ? { receivedFrom: from.id } : {}),
    ...(disclosed === 'unknown' ? {} : { disclosed: disclosed === 'yes' }),
    ...(withheld ? { withheldFrom: cast.lawyers.map((l) => l.id) } : {}),
    sources: say(ctx, `${sentence}${withheld}`),
  });
  return true;
}

export function claim(ctx: CaseContext): boolean {
  const { rng, cast } = ctx;
  const stance = rng.weighted({ asserts: 3, denies: 2, argues: 2, finds: 1 });
  const claimant = stance === 'finds' ? cast.judge : stance === 'denies' ? rng.pick(cast.defendants)
    : stance === 'argues' ? rng.pick([cast.prosecutor, ...cast.lawyers]) : rng.pick([...cast.witnesses, ...cast.victims]);
  const subject = rng.pick(cast.defendants);
  const target = rng.pick([...cast.items, ...cast.victims, ...cast.companies, ...cast.places].filter((a) => a.id !== subject.id).concat(cast.police));
  const statement = `${subject.name} ${rng.pick([...ACTIONS, ...OBJECT_ACTIONS])} ${target.name}`;
  const earlier = ctx.facts.claims.filter((c) => c.claimant !== claimant.id);
  const disputes = earlier.length > 0 && rng.chance(0.4) ? [rng.pick(earlier).id] : [];
  ctx.facts.claims.push({
    id: nextId(ctx, 'claim'), claimant: claimant.id, statement: `${capital(statement)}.`, stance,
    status: stance === 'finds' ? 'adjudicated' : 'alleged', about: [...new Set([subject.id, target.id])],
    ...(disputes.length > 0 ? { disputes } : {}),
    sources: say(ctx, `${capital(claimant.name)} ${CLAIM_VERBS[stance]} that ${statement}.`),
  });
  return true;
}
