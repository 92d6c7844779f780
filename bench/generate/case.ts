import type { CaseInput, DocumentInput } from '../../src/ingest/casefile/case-file.js';
import { act, charge, claim, event, evidence, relation, role, ruling } from './case-facts.js';
import { castCase } from './case-cast.js';
import type { CaseContext } from './case-context.js';
import { documentsOf, type GeneratedCase } from './generated-case.js';
import { slug, townName } from './names.js';
import type { Pool } from './pool.js';
import { deriveSeed, Random } from './prng.js';
import { DocumentWriter } from './text.js';
import { STATUSES } from './vocabulary.js';

/** Entities and facts per case, as the benchmark issue asks for realistic cases. */
export const ENTITY_RANGE = [10, 60] as const;
export const FACT_RANGE = [20, 150] as const;

/**
 * Case number `n` of the corpus for `seed`. Pure, and independent of the other cases: the same
 * seed and number give the same file whatever the corpus size.
 */
export function generateCase(seed: number, n: number, pool: Pool, extension: string): GeneratedCase {
  const rng = new Random(deriveSeed(seed, 0xca5e, n));
  const key = `${pool.prefix}-c${String(n).padStart(6, '0')}`;
  const circle = rng.pick(pool.circles);
  const writers = [new DocumentWriter(`${key}-record`, true)];
  if (rng.chance(0.7)) writers.push(new DocumentWriter(`${key}-article`, false));
  if (rng.chance(0.3)) writers.push(new DocumentWriter(`${key}-release`, false));
  const ctx: CaseContext = {
    rng, pool, circle, key, caseId: '', town: circle.court.name.replace(/ District Court$/, ''), year: rng.int(2012, 2024), writers,
    names: new Set(), entities: [], facts: { charges: [], evidence: [], rulings: [], events: [], acts: [], claims: [] },
    roles: [], relations: [], linkIds: new Set(), serial: 0, cast: undefined as never,
  };
  ctx.town = rng.chance(0.3) ? townName(rng) : ctx.town;
  const entityCount = rng.int(...ENTITY_RANGE);
  ctx.cast = castCase(ctx, entityCount);
  const lead = ctx.cast.defendants[0]!;
  ctx.caseId = `${key}-state-v-${slug(lead.name)}`;
  const caption = `State v. ${lead.name}`;
  const status = rng.pick(STATUSES);
  const caseInput: CaseInput = {
    id: ctx.caseId, caption, aliases: [`the ${lead.name.split(' ')[1]} case`], caseType: 'criminal', jurisdiction: circle.court.jurisdiction!,
    status, court: circle.court.id,
    sources: writers[0]!.say(`${caption} was heard at the ${circle.court.name}.`, caption),
  };

  const factCount = Math.min(FACT_RANGE[1], Math.max(FACT_RANGE[0], Math.round(entityCount * 2.5 + rng.int(-15, 15))));
  let facts = 0;
  const add = (added: boolean) => void (facts += added ? 1 : 0);
  const { cast } = ctx;
  add(role(ctx, cast.judge, 'judge', `The trial was heard by ${cast.judge.name}.`));
  add(role(ctx, cast.prosecutor, 'prosecutor', `${cast.prosecutor.name} led the prosecution.`));
  add(role(ctx, cast.police, 'investigator', `The case was investigated by ${cast.police.name}.`));
  for (const d of cast.defendants) add(role(ctx, d, 'defendant', `${d.name} appeared in court as a defendant.`));
  for (const l of cast.lawyers) add(role(ctx, l, 'defence_counsel', `${l.name} appeared for the defence.`));
  for (const v of cast.victims) add(role(ctx, v, 'victim', `${v.name} is named in the indictment as a victim.`));
  for (const w of cast.witnesses) add(role(ctx, w, 'witness', `${w.name} was called as a witness.`));
  if (cast.expert) add(role(ctx, cast.expert, 'expert_witness', `${cast.expert.name} gave expert evidence.`));
  for (const d of cast.defendants) for (let c = rng.int(1, 2); c > 0; c -= 1) add(charge(ctx, d));
  if (!['open', 'pending'].includes(status)) add(ruling(ctx));
  // Every case has at least one of each kind of fact, whatever its size.
  for (const make of [event, evidence, act, claim, relation]) add(make(ctx));
  while (facts < factCount) {
    const kind = rng.weighted({ event: 3, act: 4, claim: 3, evidence: 2, relation: 2, ruling: 0.3 });
    add({ event, act, claim, evidence, relation, ruling }[kind](ctx));
  }

  const { documents, texts } = documentsOf(writers.map((writer, i) => ({ writer, fields: documentFields(ctx, i) })));
  const { charges, evidence: evidenceFacts, rulings, events, acts, claims } = ctx.facts;
  return {
    name: `${key}.case.${extension}`,
    data: {
      formatVersion: 1, documents, case: caseInput, entities: ctx.entities,
      charges, evidence: evidenceFacts, rulings, events, acts, claims, roles: ctx.roles, relations: ctx.relations,
    },
    texts,
  };
}

function documentFields(ctx: CaseContext, i: number): Omit<DocumentInput, 'id' | 'path' | 'text'> {
  const lead = ctx.cast.defendants[0]!.name;
  const paper = ctx.pool.newspapers[ctx.year % ctx.pool.newspapers.length]!;
  return [
    { title: `Court record: State v. ${lead} (fictional)`, kind: 'court record', publisher: ctx.circle.court.name, published: String(ctx.year + 1) },
    { title: `${lead} in court (fictional)`, kind: 'news article', publisher: paper.name, published: String(ctx.year + 1) },
    { title: `Statement on State v. ${lead} (fictional)`, kind: 'press release', publisher: ctx.circle.prosecution.name },
  ][i]!;
}
