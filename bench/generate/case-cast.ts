import type { Actor, CaseContext, Cast } from './case-context.js';
import { say } from './case-context.js';
import { personName, slug, surname, uniqueName } from './names.js';
import { COMPANY_KINDS, GROUPS, ITEMS, OCCUPATIONS, PLACE_KINDS } from './vocabulary.js';

type Part = 'defendant' | 'victim' | 'witness' | 'other' | 'place' | 'item' | 'company' | 'group' | 'sameAsJudge';
const LISTS = { defendant: 'defendants', victim: 'victims', witness: 'witnesses', other: 'others' } as const;
const COLOURS = ['black', 'grey', 'red', 'blue', 'green', 'white', 'silver', 'brown'];

/**
 * Picks the people, places and things of a case, `count` entities in all (10 to 60), writes a
 * sentence introducing each, and takes the judge, prosecutor, police, lawyers and maybe an expert
 * from the shared pool. One case in seven names its judge by a short name and declares that
 * entity sameAs the pool's judge, as a researcher would when an article says only "Judge Okafor".
 */
export function castCase(ctx: CaseContext, count: number): Cast {
  const { rng, circle, pool } = ctx;
  const judge = rng.pick(circle.judges);
  const parts: Part[] = [
    ...repeat('defendant', count >= 30 ? rng.int(1, 3) : rng.int(1, 2)),
    ...repeat('sameAsJudge', rng.chance(0.15) ? 1 : 0),
    ...repeat('witness', rng.int(1, 4)), ...repeat('place', rng.int(2, 5)), ...repeat('item', rng.int(1, 5)),
    ...repeat('victim', rng.int(0, 3)), ...repeat('company', rng.int(0, 3)), ...repeat('group', rng.int(0, 2)),
  ].slice(0, count);
  while (parts.length < count) parts.push(rng.weighted({ other: 4, item: 2, place: 1, company: 1, witness: 1, victim: 1 }));

  const prosecutor = rng.pick(circle.prosecutors);
  const cast: Cast = {
    judge: { id: judge.id, name: judge.aliases[0]! },
    prosecutor: { id: prosecutor.id, name: prosecutor.name },
    police: { id: circle.police.id, name: `the ${circle.police.name}` },
    lawyers: rng.sample(pool.lawyers, rng.int(1, 2)).map((l) => ({ id: l.id, name: l.name })),
    expert: rng.chance(0.4) ? (({ id, aliases }) => ({ id, name: aliases[0]! }))(rng.pick(pool.experts)) : null,
    defendants: [], victims: [], witnesses: [], others: [], places: [], items: [], companies: [], groups: [],
  };
  for (const part of parts) {
    if (part === 'sameAsJudge') cast.judge = sameAsJudge(ctx, judge.id, judge.aliases[0]!);
    else if (part === 'place') cast.places.push(place(ctx));
    else if (part === 'item') cast.items.push(item(ctx));
    else if (part === 'company') cast.companies.push(company(ctx));
    else if (part === 'group') cast.groups.push(group(ctx));
    else cast[LISTS[part]].push(person(ctx, part));
  }
  return cast;
}

const repeat = (value: Part, n: number): Part[] => Array.from({ length: n }, () => value);

function person(ctx: CaseContext, part: 'defendant' | 'victim' | 'witness' | 'other'): Actor {
  const { rng } = ctx;
  const name = uniqueName(rng, ctx.names, personName);
  const age = rng.int(19, 78);
  const occupation = rng.pick(OCCUPATIONS);
  const sentence = {
    defendant: `${name}, ${age}, a ${occupation} from ${ctx.town}, was arrested after a long investigation.`,
    victim: `${name}, ${age}, a ${occupation}, reported the matter to the police.`,
    witness: `${name}, a ${occupation} who was there at the time, gave a statement.`,
    other: `${name}, ${age}, lives in ${ctx.town} and works as a ${occupation}.`,
  }[part];
  const cited = part === 'witness' ? `${name}, a ${occupation}` : `${name}, ${age}`;
  const last = name.split(' ')[1]!;
  ctx.entities.push({
    id: `${ctx.key}-${slug(name)}`, kind: 'Person', name, aliases: [last],
    ...(part === 'witness' ? {} : { age }), occupation, sources: say(ctx, sentence, cited),
  });
  return { id: `${ctx.key}-${slug(name)}`, name };
}

function sameAsJudge(ctx: CaseContext, judgeId: string, shortName: string): Actor {
  const id = `${ctx.key}-the-judge`;
  ctx.entities.push({ id, kind: 'Person', name: shortName, sameAs: judgeId, sources: say(ctx, `${shortName} presided over the trial.`, shortName) });
  return { id, name: shortName };
}

function place(ctx: CaseContext): Actor {
  const name = uniqueName(ctx.rng, ctx.names, (r) => `${r.pick(PLACE_KINDS)} on ${surname(r)} Street`);
  ctx.entities.push({ id: `${ctx.key}-${slug(name)}`, kind: 'Place', name, sources: say(ctx, `The ${name} is in the east of ${ctx.town}.`, name) });
  return { id: `${ctx.key}-${slug(name)}`, name: `the ${name}` };
}

function item(ctx: CaseContext): Actor {
  const { rng } = ctx;
  const kind = rng.pick(ITEMS);
  const name = uniqueName(rng, ctx.names, (r) => `${r.pick(COLOURS)} ${kind.name}`);
  ctx.entities.push({ id: `${ctx.key}-${slug(name)}`, kind: 'Item', name: `the ${name}`, itemType: kind.itemType, sources: say(ctx, `Officers later recovered the ${name}.`, `the ${name}`) });
  return { id: `${ctx.key}-${slug(name)}`, name: `the ${name}` };
}

function company(ctx: CaseContext): Actor {
  const kind = ctx.rng.pick(COMPANY_KINDS);
  const name = uniqueName(ctx.rng, ctx.names, (r) => `${surname(r)} ${kind.suffix}`);
  ctx.entities.push({ id: `${ctx.key}-${slug(name)}`, kind: 'Organization', name, orgType: kind.orgType, sources: say(ctx, `${name} has offices in ${ctx.town}.`, name) });
  return { id: `${ctx.key}-${slug(name)}`, name };
}

function group(ctx: CaseContext): Actor {
  const name = uniqueName(ctx.rng, ctx.names, (r) => r.pick(GROUPS));
  ctx.entities.push({ id: `${ctx.key}-${slug(name)}`, kind: 'Group', name, unnamed: true, sources: say(ctx, `The police also spoke to ${name}.`, name) });
  return { id: `${ctx.key}-${slug(name)}`, name };
}
