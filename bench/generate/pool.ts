import { personName, slug, surname, townName, uniqueName } from './names.js';
import { deriveSeed, Random } from './prng.js';

/** A person many cases share: a judge, a prosecutor, a defence lawyer, an expert. */
export interface PoolPerson {
  id: string;
  name: string;
  /** How cases refer to them; a case may declare its own entity by one of these sameAs this one. */
  aliases: string[];
  occupation: string;
  /** Their role in `memberOf` (judge in a court, prosecutor in an office, partner in a firm). */
  role: string;
  memberOf: string;
}

export interface PoolOrganization {
  id: string;
  name: string;
  kind: 'Court' | 'Organization';
  orgType?: string;
  jurisdiction?: string;
}

/** One court with the people and offices its cases draw on. */
export interface CourtCircle {
  court: PoolOrganization;
  judges: PoolPerson[];
  prosecution: PoolOrganization;
  prosecutors: PoolPerson[];
  police: PoolOrganization;
}

/** What the generated cases share, by the same ids: it is what makes cross-case queries work. */
export interface Pool {
  prefix: string;
  region: string;
  circles: CourtCircle[];
  firms: PoolOrganization[];
  lawyers: PoolPerson[];
  experts: PoolPerson[];
  newspapers: PoolOrganization[];
}

/** Sizes of the pool; fixed, so that case n does not depend on how many cases are generated. */
export const POOL_SIZES = { courts: 12, judgesPerCourt: 4, prosecutorsPerCourt: 5, firms: 10, lawyersPerFirm: 3, experts: 20, newspapers: 8 } as const;

const EXPERT_FIELDS = ['forensic accountant', 'pathologist', 'fire investigator', 'handwriting examiner', 'digital forensics analyst'];

/** The pool for a seed. Pure. */
export function buildPool(seed: number, prefix: string): Pool {
  const rng = new Random(deriveSeed(seed, 0xb001));
  const names = new Set<string>();
  const towns = new Set<string>();
  const region = townName(rng).replace(/(bury|field|ford|haven|mere|port|stead|vale)$/, 'shire');
  const person = (role: string, occupation: string, memberOf: string, aliasesOf: (first: string, last: string) => string[]): PoolPerson => {
    const name = uniqueName(rng, names, personName);
    const [first, last] = name.split(' ') as [string, string];
    return { id: `${prefix}-${slug(name)}`, name, aliases: aliasesOf(first, last), occupation, role, memberOf };
  };

  const circles: CourtCircle[] = [];
  for (let c = 0; c < POOL_SIZES.courts; c += 1) {
    const town = uniqueName(rng, towns, townName);
    const court: PoolOrganization = { id: `${prefix}-${slug(town)}-district-court`, name: `${town} District Court`, kind: 'Court', jurisdiction: `${region}, ${town} district` };
    const prosecution: PoolOrganization = { id: `${prefix}-${slug(town)}-prosecution-office`, name: `${town} Prosecution Office`, kind: 'Organization', orgType: 'prosecution' };
    const police: PoolOrganization = { id: `${prefix}-${slug(town)}-police`, name: `${town} Police`, kind: 'Organization', orgType: 'law enforcement' };
    const judges = Array.from({ length: POOL_SIZES.judgesPerCourt }, () =>
      person('judge', 'judge', court.id, (first, last) => [`Judge ${last}`, `Judge ${first} ${last}`]));
    const prosecutors = Array.from({ length: POOL_SIZES.prosecutorsPerCourt }, () =>
      person('prosecutor', 'prosecutor', prosecution.id, (_, last) => [`prosecutor ${last}`]));
    circles.push({ court, judges, prosecution, prosecutors, police });
  }
  const firms: PoolOrganization[] = [];
  const lawyers: PoolPerson[] = [];
  const firmNames = new Set<string>();
  for (let f = 0; f < POOL_SIZES.firms; f += 1) {
    const [a, b] = uniqueName(rng, firmNames, (r) => `${surname(r)} ${surname(r)}`).split(' ') as [string, string];
    const firm: PoolOrganization = { id: `${prefix}-${slug(a)}-${slug(b)}-llp`, name: `${a} & ${b} LLP`, kind: 'Organization', orgType: 'law firm' };
    firms.push(firm);
    for (let l = 0; l < POOL_SIZES.lawyersPerFirm; l += 1) lawyers.push(person('partner', 'defence lawyer', firm.id, (_, last) => [`counsel ${last}`]));
  }
  const experts = Array.from({ length: POOL_SIZES.experts }, (_, i) => {
    const field = EXPERT_FIELDS[i % EXPERT_FIELDS.length]!;
    const circle = circles[i % circles.length]!;
    return person('consultant', field, circle.police.id, (_, last) => [`Dr ${last}`]);
  });
  const newspapers = Array.from({ length: POOL_SIZES.newspapers }, (_, i): PoolOrganization => {
    const town = circles[i % circles.length]!.court.name.replace(/ District Court$/, '');
    const title = ['Courier', 'Gazette', 'Herald', 'Ledger'][i % 4]!;
    return { id: `${prefix}-${slug(town)}-${title.toLowerCase()}`, name: `The ${town} ${title}`, kind: 'Organization', orgType: 'newspaper' };
  });
  return { prefix, region, circles, firms, lawyers, experts, newspapers };
}
