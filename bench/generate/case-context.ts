import type { Citation, EntityInput, FactInput, RelationInput, RoleInput } from '../../src/ingest/casefile/case-file.js';
import type { TimeInput } from '../../src/model/time.js';
import type { CourtCircle, Pool } from './pool.js';
import type { Random } from './prng.js';
import type { DocumentWriter } from './text.js';
import { MONTHS, WEEKDAYS } from './vocabulary.js';

/** Someone or something a generated sentence can name, by its id in the graph. */
export interface Actor {
  id: string;
  /** How the text names it. */
  name: string;
}

/** Who and what one generated case involves. */
export interface Cast {
  judge: Actor;
  prosecutor: Actor;
  police: Actor;
  lawyers: Actor[];
  expert: Actor | null;
  defendants: Actor[];
  victims: Actor[];
  witnesses: Actor[];
  /** Relatives, neighbours, colleagues: people without a part in the case. */
  others: Actor[];
  places: Actor[];
  items: Actor[];
  companies: Actor[];
  groups: Actor[];
}

/** The state of one case being generated: its random stream, documents and sections. */
export interface CaseContext {
  rng: Random;
  pool: Pool;
  circle: CourtCircle;
  /** Prefix of this case's own ids, e.g. gen-c000042. */
  key: string;
  caseId: string;
  town: string;
  /** The year the story happens in. */
  year: number;
  writers: DocumentWriter[];
  names: Set<string>;
  cast: Cast;
  entities: EntityInput[];
  facts: { charges: FactInput[]; evidence: FactInput[]; rulings: FactInput[]; events: FactInput[]; acts: FactInput[]; claims: FactInput[] };
  roles: RoleInput[];
  relations: RelationInput[];
  /** Derived role and relation ids already used (they must be unique in a file). */
  linkIds: Set<string>;
  /** Counter for fact ids. */
  serial: number;
}

/** A sentence in one of the case's documents (mostly the first), citing the given phrases. */
export function say(ctx: CaseContext, sentence: string, ...phrases: string[]): Citation[] {
  const writer = ctx.writers.length > 1 && ctx.rng.chance(0.35) ? ctx.rng.pick(ctx.writers.slice(1)) : ctx.writers[0]!;
  return writer.say(sentence, ...phrases);
}

export function nextId(ctx: CaseContext, what: string): string {
  ctx.serial += 1;
  return `${ctx.key}-${what}-${ctx.serial}`;
}

/** A time as precise as a source might give it, and the words that say it. */
export function someTime(ctx: CaseContext): { time: TimeInput; words: string } {
  const { rng, year } = ctx;
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (rng.weighted({ day: 5, month: 2, monthOnly: 1, year: 1, weekday: 1, words: 1 })) {
    case 'day':
      return { time: { date: `${year}-${pad(month)}-${pad(day)}` }, words: `on ${day} ${MONTHS[month - 1]} ${year}` };
    case 'month':
      return { time: { date: `${year}-${pad(month)}` }, words: `in ${MONTHS[month - 1]} ${year}` };
    case 'monthOnly':
      return { time: { text: `in ${MONTHS[month - 1]}`, month }, words: `in ${MONTHS[month - 1]}` };
    case 'year':
      return { time: { date: String(year), approximate: true }, words: `at some point in ${year}` };
    case 'weekday': {
      const weekday = rng.pick(WEEKDAYS);
      return { time: { text: `on a ${weekday}`, weekday }, words: `on a ${weekday}` };
    }
    default:
      return { time: { text: 'a few weeks later', approximate: true }, words: 'a few weeks later' };
  }
}

/** Everyone in the cast who can act, claim or be named in a relation. */
export function people(cast: Cast): Actor[] {
  return [...cast.defendants, ...cast.victims, ...cast.witnesses, ...cast.others];
}
