import { locateQuote, SourceText } from '../ingest/casefile/quotes.js';
import type { Citation } from '../ingest/casefile/case-file.js';
import type { Findings, Span } from './findings.js';

/**
 * Every item's quote is checked against the text at its offsets before it goes into a draft: a
 * span whose words are not the text's at those offsets is dropped, and so is whatever depends
 * on it (an entity with no mention left, the roles, charges, outcomes and relations that
 * name it). Each drop is reported.
 */
export function verifyFindings(text: string, findings: Findings): { findings: Findings; dropped: string[] } {
  const dropped: string[] = [];
  const ok = (span: Span | undefined, what: string): boolean => {
    if (!span) return false;
    const good = span.start >= 0 && span.end <= text.length && span.end > span.start && text.slice(span.start, span.end) === span.quote;
    if (!good) dropped.push(`${what}: the quote "${short(span.quote)}" is not in the text at ${span.start}-${span.end}; dropped`);
    return good;
  };
  const entities = findings.entities
    .map((e) => ({ ...e, mentions: e.mentions.filter((m, i) => ok(m, `${e.kind} ${e.name}, mention ${i + 1}`)) }))
    .filter((e) => e.mentions.length > 0 || (dropped.push(`${e.kind} ${e.name}: no quote of it is in the text; dropped with what names it`), false));
  const known = new Set(entities.map((e) => e.key));
  const named = (key: string | undefined, what: string) => key === undefined || known.has(key) || (dropped.push(`${what}: it names "${key}", which is not in the draft; dropped`), false);
  const out: Findings = {
    ...findings,
    entities,
    roles: findings.roles.filter((r) => named(r.who, `role ${r.role}`) && ok(r.span, `role ${r.role} of ${r.who}`)),
    charges: findings.charges
      .filter((c) => named(c.defendant, `charge ${c.offence}`) && ok(c.span, `charge ${c.offence}`))
      .map((c) => (c.penaltySpan && !ok(c.penaltySpan, `maximum penalty of ${c.offence}`) ? { ...c, maximumPenalty: undefined, penaltySpan: undefined } : c))
      .map((c) => (c.offenceSpan && !ok(c.offenceSpan, `offence ${c.offence}`) ? { ...c, offenceSpan: undefined } : c)),
    outcomes: findings.outcomes.filter((o) => named(o.defendant, `outcome ${o.kind}`) && named(o.judge, `outcome ${o.kind}`) && ok(o.span, `outcome ${o.kind}`)),
    events: findings.events.filter((e) => ok(e.span, `event ${e.name}`)),
    relations: findings.relations.filter((r) => named(r.from, `relation ${r.type}`) && named(r.to, `relation ${r.type}`) && ok(r.span, `relation ${r.type}`)),
    caseType: findings.caseType && ok(findings.caseType.span, 'case type') ? findings.caseType : undefined,
    caption: findings.caption && ok(findings.caption, 'caption') ? findings.caption : undefined,
  };
  return { findings: out, dropped };
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/**
 * A verified span as a case-file citation: the quote with its offsets in Unicode code points,
 * checked once more by the loader's own quote check.
 */
export function citation(source: SourceText, span: Span): Citation {
  const start = source.toCodePoint(span.start);
  const end = source.toCodePoint(span.end);
  const check = locateQuote(source, span.quote, start, end);
  if (!check.ok) throw new Error(`a verified quote failed the loader's check: ${check.message}`);
  return { quote: span.quote, start, end };
}
