import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describes, type EdgeEnd } from '../support/edge-quotes.js';

/**
 * Nothing beyond the source: every act's actor and every claim's claimant in the seed is named
 * (by name, alias or the article's word for it) in every passage the attribution quotes, or the
 * attribution is marked inferred with its reason. Passages of the reference's own long form are
 * what it quotes; a short-form reference quotes the fact's own passages, so each of them must name
 * the actor: a passage that tells the act without its actor does not attribute it.
 */
const seed = parse(readFileSync(new URL('../../seeds/baldwin-rust.case.yaml', import.meta.url), 'utf8'));

type Ref = string | { id: string; inferred?: boolean; reason?: string; sources?: { quote: string }[] };
const things = new Map<string, any>([...(seed.entities ?? []), ...(seed.acts ?? []), ...(seed.events ?? []), ...(seed.evidence ?? [])].map((e: any) => [e.id, e]));

const end = (id: string): EdgeEnd => {
  const thing = things.get(id) ?? {};
  return { id, kind: String(thing.kind ?? 'ENTITY').toUpperCase(), name: thing.name ?? id, aliases: thing.aliases ?? [], sources: [] };
};
const passage = (quote: string) => ({ documentId: 'article', quote, start: 0, end: 0 });

/** What is wrong with one attribution, or null. */
function unsupported(factId: string, field: string, ref: Ref | undefined, factSources: { quote: string }[]): string | null {
  if (ref === undefined) return null;
  const long = typeof ref === 'string' ? { id: ref } : ref;
  if (long.inferred) return long.reason ? null : `${factId}.${field}: inferred without a reason`;
  const quotes = (long.sources ?? factSources).map((s) => s.quote);
  const silent = quotes.filter((q) => !describes(passage(q), end(long.id)));
  if (quotes.length > 0 && silent.length === 0) return null;
  return `${factId}.${field} = ${long.id}: a quoted passage does not name it (${silent.map((q) => `"${q}"`).join(', ')}); quote the passage that does, or mark it inferred with a reason`;
}

describe('the seed attributes acts and claims only where the article does', () => {
  it('names every actor and claimant in a quoted passage, or marks the attribution inferred with its reason', () => {
    const problems = [
      ...(seed.acts ?? []).map((act: any) => unsupported(act.id, 'actor', act.actor, act.sources ?? [])),
      ...(seed.claims ?? []).map((claim: any) => unsupported(claim.id, 'claimant', claim.claimant, claim.sources ?? [])),
    ].filter((p): p is string => p !== null);
    expect(problems).toEqual([]);
  });

  it('marks the allegations of misconduct, which the article credits to no one, as inferred', () => {
    const claim = seed.claims.find((c: any) => c.id === 'claim-misconduct-alleged');
    expect(claim.claimant).toMatchObject({ id: 'baldwin-defense-team', inferred: true });
    expect(claim.claimant.reason).toMatch(/allegations of misconduct/);
  });

  it('catches an actor the passage does not name', () => {
    expect(unsupported('act-x', 'actor', 'baldwin-defense-team', [{ quote: 'leading to allegations of misconduct by the police and prosecutors' }])).toMatch(/does not name it/);
    expect(unsupported('act-x', 'actor', { id: 'baldwin-defense-team', inferred: true }, [])).toMatch(/without a reason/);
    expect(unsupported('act-x', 'actor', 'troy-teske', [{ quote: 'from former police officer Troy Teske' }])).toBeNull();
    // The seed's claim as it was: one quote names the defence team, the one that states the allegation does not.
    const before = [{ quote: 'The defense team also highlighted an important piece of evidence' }, { quote: 'leading to allegations of misconduct by the police and prosecutors.' }];
    expect(unsupported('claim-misconduct-alleged', 'claimant', 'baldwin-defense-team', before)).toMatch(/allegations of misconduct/);
  });
});
