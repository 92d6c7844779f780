import type { Citation, EdgeInput, EntityInput, FactInput, RelationInput, RoleInput } from '../../ingest/casefile/case-file.js';
import type { SourceText } from '../../ingest/casefile/quotes.js';
import type { TimeInput } from '../../model/time.js';
import type { Findings, FoundOutcome, FoundTime, Guess, Span } from '../findings.js';
import { citation } from '../verify.js';
import { IdPool, slug } from './ids.js';

/** What every section builder shares: the text's citations, ids and the entities' ids by key. */
export interface BuildContext {
  source: SourceText;
  ids: IdPool;
  entityId: Map<string, string>;
  names: Map<string, string>;
  caseId: string;
}

/** A citation of at least 3 characters (the format's least), the sentence's when the name is shorter. */
export const cite = (ctx: BuildContext, span: Span): Citation[] => [citation(ctx.source, span)];

const guess = (g?: Guess) => (g?.inferred ? { inferred: true, reason: g.reason ?? 'implied, not stated' } : {});

export function buildEntities(ctx: BuildContext, findings: Findings): EntityInput[] {
  return findings.entities.map((e) => {
    const id = ctx.ids.take(slug(e.name), e.kind);
    ctx.entityId.set(e.key, id);
    ctx.names.set(e.key, e.name);
    const mentions = e.mentions.filter((m) => [...m.quote].length >= 3);
    const sources = (mentions.length > 0 ? mentions : e.mentions).slice(0, 3).map((m) => citation(ctx.source, m));
    const aliases = [...new Set(e.aliases.filter((a) => a !== e.name))];
    return {
      id,
      kind: e.kind,
      name: e.name,
      ...(aliases.length ? { aliases } : {}),
      ...(e.kind === 'Person' && e.age !== undefined ? { age: e.age } : {}),
      ...(e.kind === 'Person' && e.occupation ? { occupation: e.occupation } : {}),
      sources,
    };
  }).filter((e) => e.sources.every((s) => (s.quote?.length ?? 0) >= 3));
}

export function buildRoles(ctx: BuildContext, findings: Findings): RoleInput[] {
  const seen = new Set<string>();
  const roles: RoleInput[] = [];
  for (const r of findings.roles) {
    const who = ctx.entityId.get(r.who);
    if (!who || seen.has(`${who}/${r.role}`)) continue;
    seen.add(`${who}/${r.role}`);
    roles.push({ who, role: r.role, in: ctx.caseId, ...guess(r), sources: cite(ctx, r.span) });
  }
  return roles;
}

export function buildCharges(ctx: BuildContext, findings: Findings): FactInput[] {
  return findings.charges.flatMap((c) => {
    const defendant = ctx.entityId.get(c.defendant);
    if (!defendant) return [];
    const ref: string | EdgeInput = c.defendantGuess?.inferred ? { id: defendant, ...guess(c.defendantGuess) } : defendant;
    return [{
      id: ctx.ids.take(`charge-${slug(c.offence, 40)}-${defendant}`.slice(0, 110)),
      offence: c.offence,
      defendant: ref,
      ...(c.maximumPenalty ? { maximumPenalty: c.maximumPenalty } : {}),
      sources: [citation(ctx.source, c.span), ...(c.penaltySpan && !within(c.penaltySpan, c.span) ? [citation(ctx.source, c.penaltySpan)] : [])],
    }];
  });
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

const DISPOSITION: Record<string, string> = { convicted: 'convicted', acquitted: 'acquitted', sentenced: 'sentenced', settled: 'settled', mistrial: 'mistrial' };

export function timeInput(time: FoundTime): TimeInput {
  return {
    text: time.text.slice(0, 200),
    ...(time.date ? { date: time.date } : {}),
    ...(time.month && !time.date ? { month: time.month } : {}),
    ...(time.weekday ? { weekday: time.weekday } : {}),
    ...(time.approximate ? { approximate: true } : {}),
  };
}

/** An outcome with a judge is a ruling; without one, an event of the case. */
export function buildOutcomes(ctx: BuildContext, findings: Findings, text: string): { rulings: FactInput[]; events: FactInput[] } {
  const rulings: FactInput[] = [];
  const events: FactInput[] = [];
  for (const o of findings.outcomes) {
    const judge = o.judge ? ctx.entityId.get(o.judge) : undefined;
    const who = o.defendant ? ctx.names.get(o.defendant) : undefined;
    if (judge && o.kind !== 'pleaded') {
      rulings.push({
        id: ctx.ids.take(`ruling-${o.kind}${o.defendant ? `-${ctx.entityId.get(o.defendant)}` : ''}`.slice(0, 110)),
        judge: { id: judge, sources: cite(ctx, o.span), ...guess(o.judgeGuess) },
        finding: o.span.quote.slice(0, 4000),
        disposition: outcomeWords(o, who),
        dispositionKind: o.kind === 'dismissed' ? dismissalKind(text) : (DISPOSITION[o.kind] ?? 'other'),
        ...(o.time ? { time: timeInput(o.time) } : {}),
        sources: cite(ctx, o.span),
      });
    } else {
      events.push({
        id: ctx.ids.take(`event-${o.kind}${o.defendant ? `-${ctx.entityId.get(o.defendant)}` : ''}`.slice(0, 110)),
        name: outcomeWords(o, who),
        eventType: o.kind,
        ...(o.time ? { time: timeInput(o.time) } : {}),
        sources: cite(ctx, o.span),
      });
    }
  }
  return { rulings, events };
}

export function outcomeWords(o: FoundOutcome, who?: string): string {
  const subject = who ?? 'The defendant';
  const verb = { convicted: 'convicted', acquitted: 'acquitted', dismissed: 'case dismissed', sentenced: 'sentenced', settled: 'case settled', pleaded: 'pleaded guilty', mistrial: 'mistrial declared' }[o.kind];
  return `${subject}: ${verb}${o.sentence ? ` to ${o.sentence}` : ''}`;
}

function dismissalKind(text: string): string {
  if (/\bwithout prejudice\b/i.test(text)) return 'dismissed_without_prejudice';
  if (/\bwith prejudice\b|\bcannot be (?:re-?filed|filed again|brought again|retried)\b/i.test(text)) return 'dismissed_with_prejudice';
  return 'other';
}

export function buildEvents(ctx: BuildContext, findings: Findings, outcomeEvents: FactInput[]): FactInput[] {
  const events: FactInput[] = [];
  for (const e of findings.events) {
    // A dated outcome sentence is already an event of the outcome: give it the date instead.
    const same = outcomeEvents.find((o) => (o.sources[0]?.start ?? -1) === ctx.source.toCodePoint(e.span.start) && OUTCOME_TYPE[String(o.eventType)] === e.eventType);
    if (same) {
      if (!same.time || (same.time as TimeInput).text === e.time.text) {
        same.time = timeInput(e.time);
        if (e.time.note) same.description = `Time: ${e.time.note}.`;
      }
      continue;
    }
    events.push({
      id: ctx.ids.take(`event-${slug(e.eventType, 30)}-${slug(e.time.text, 30)}`),
      name: e.name.slice(0, 4000),
      eventType: e.eventType,
      ...(e.time.note ? { description: `Time: ${e.time.note}.` } : {}),
      time: timeInput(e.time),
      sources: cite(ctx, e.span),
    });
  }
  return events;
}

const OUTCOME_TYPE: Record<string, string> = { convicted: 'verdict', acquitted: 'acquittal', sentenced: 'sentencing', dismissed: 'dismissal', pleaded: 'plea', settled: 'settlement', mistrial: 'mistrial' };

export function buildRelations(ctx: BuildContext, findings: Findings): RelationInput[] {
  const out: RelationInput[] = [];
  for (const r of findings.relations) {
    const from = ctx.entityId.get(r.from);
    const to = ctx.entityId.get(r.to);
    if (!from || !to || from === to) continue;
    const description = r.inferred ? undefined : r.reason;
    out.push({ type: r.type, from, to, ...(description ? { description } : {}), ...guess(r), sources: cite(ctx, r.span) });
  }
  return out;
}
