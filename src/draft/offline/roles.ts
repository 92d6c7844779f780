import type { FoundEntity, FoundRole, RoleName } from '../findings.js';
import type { Mention } from './context.js';

/**
 * Legal roles from the words around a name: a title before it ("Judge", "District Attorney",
 * "defense attorney"), what it does after it ("was convicted", "testified", "sued"), or what was
 * done to it ("killing", "death of"). Patterns over words; no names.
 */
interface RoleRule {
  role: RoleName;
  /** Matches the end of the sentence's words before the name (title included). */
  pre?: RegExp;
  /** Matches the start of the sentence's words after the name. */
  post?: RegExp;
}

const OCC = String.raw`(?:(?:[a-z-]+|\d+-year-old) ){0,2}`;
const APPOSITIVE = String.raw`(?:,? \d{1,3},|,[^,.;]{1,90},)?`;

export const ROLE_RULES: RoleRule[] = [
  { role: 'judge', pre: /\b(?:judge|justice|magistrate)\s+$/i },
  { role: 'prosecutor', pre: /\b(?:(?:deputy|assistant|chief deputy|senior deputy) (?:district|county|state|u\.s\.) attorney|prosecutors?|prosecuting attorney|state['’]s attorney|u\.s\. attorney|attorney general|solicitor general)\s+$/i },
  { role: 'district_attorney', pre: /\b(?:district attorney|\bDA)\s+$/i },
  { role: 'defence_counsel', pre: /\b(?:defen[cs]e (?:attorney|lawyer|counsel)s?|(?:his|her|their) (?:attorney|lawyer)s?,?|public defender)\s+$/i },
  { role: 'defence_counsel', post: /^,? (?:one of |an? |the )?(?:[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)?['’]s? |(?:his|her|their) )(?:defen[cs]e )?(?:lawyers?|attorneys?|counsel)\b/u },
  { role: 'defence_counsel', post: /^,? (?:who )?represent(?:s|ed|ing)\b/ },
  { role: 'juror', pre: /\bjurors?\s+$/i },
  { role: 'witness', pre: /\b(?:witness(?:es)?|eyewitness(?:es)?)\s+$/i },
  { role: 'witness', post: new RegExp(String.raw`^${APPOSITIVE} (?:also )?(?:testified|took the stand|told (?:the )?(?:jury|jurors|court))\b`, 'i') },
  { role: 'plaintiff', pre: /\b(?:plaintiffs?|lawsuit (?:filed )?by|suit (?:filed )?by)\s+$/i },
  { role: 'plaintiff', post: new RegExp(String.raw`^${APPOSITIVE} (?:has |have |had )?(?:sued|filed (?:a|the) (?:civil |wrongful[- ]death )?(?:lawsuit|suit|complaint))\b`, 'i') },
  { role: 'defendant', pre: /\b(?:defendant|convicted|sentenced|acquitted|indicted|charged|found|verdict on|case against|trial of|prosecution of|prosecuting|charges against)\s+$/i },
  { role: 'defendant', post: new RegExp(String.raw`^${APPOSITIVE} (?:(?:was|is|has been|had been|were|will be|has|had) )?(?:later |also |then |previously |initially |originally )?(?:been )?(?:charged|convicted|sentenced|acquitted|indicted|arrested|found (?:\w+ )?(?:not )?guilty|pleaded|pled|faces|is facing|was facing|faced|admitted|stood trial|went on trial|was tried|perpetrated|accused)\b`, 'i') },
  { role: 'defendant', post: /^['’]s? (?:[\w-]+ ){0,3}(?:case|trial|conviction|sentence|sentencing|indictment|defen[cs]e team|lawyers|attorneys|charges?)\b/i },
  { role: 'injured_party', pre: new RegExp(String.raw`\b(?:injur(?:ed|ing)|wound(?:ed|ing))\s+${OCC}$`, 'i') },
  { role: 'victim', pre: new RegExp(String.raw`\b(?:kill(?:ed|ing)|murder(?:ed|ing)?(?: of)?|deaths? of|killing of|shot|shooting|stabb(?:ed|ing)|fatally (?:hitting|shooting|striking|wounding)|assault(?:ed|ing)?|rap(?:ed|ing)|abus(?:ed|ing)|defraud(?:ed|ing)?|robb(?:ed|ing)|victims?,?)\s+${OCC}$`, 'i') },
  { role: 'victim', post: /^,? (?:\d{1,3}, )?(?:who )?(?:was|were) (?:shot|killed|stabbed|found dead|murdered|beaten|assaulted)\b/i },
];

/** Legal words that tie a sentence to the case, so a role read in it is stated of the case. */
const CASE_WORDS = /\b(?:case|trial|charged?|charges|convict\w*|guilty|sentenced?|jury|court|verdict|prosecut\w*|acquitt\w*|indict\w*|lawsuit|sued|plea\w*|dismiss\w*|hearing|testif\w*)\b/i;

// A name inside an appositive about someone else ("Steve Bannon, a longtime ally of former
// President Donald Trump, was convicted") does not take the verb after it.
const INSIDE_APPOSITIVE = /,\s*(?:a|an|the|who|whose|which|one of)\b[^,]*$/i;

export function findRoles(mentions: Mention[]): FoundRole[] {
  const roles: FoundRole[] = [];
  for (const m of mentions) {
    if (m.kind !== 'Person') continue;
    for (const rule of ROLE_RULES) {
      const byPre = rule.pre?.test(m.pre) ?? false;
      const byPost = (rule.post?.test(m.post) ?? false) && !(rule.role === 'defendant' && INSIDE_APPOSITIVE.test(m.pre) && !/^['’]/.test(m.post));
      if (!byPre && !byPost) continue;
      if (roles.some((r) => r.who === m.key && r.role === rule.role)) break;
      const stated = rule.role === 'judge' || rule.role === 'district_attorney' || rule.role === 'prosecutor' ? CASE_WORDS.test(m.sentence.quote) : CASE_WORDS.test(m.sentence.quote) || rule.role === 'defence_counsel';
      roles.push({
        who: m.key,
        role: rule.role,
        span: { quote: m.sentence.quote, start: m.sentence.start, end: m.sentence.end },
        ...(stated ? {} : { inferred: true, reason: `The sentence gives ${m.run.quote} as ${rule.role.replace(/_/g, ' ')} but does not name the case or a step of it; that the role is in this case is implied.` }),
      });
      break;
    }
  }
  return keepStrongest(roles);
}

/** A person is a defendant or a victim, not both: a stated role wins over an inferred one, a title over a verb. */
function keepStrongest(roles: FoundRole[]): FoundRole[] {
  const byWho = new Map<string, FoundRole[]>();
  for (const r of roles) byWho.set(r.who, [...(byWho.get(r.who) ?? []), r]);
  const out: FoundRole[] = [];
  const titled: RoleName[] = ['judge', 'district_attorney', 'prosecutor', 'defence_counsel', 'juror'];
  for (const list of byWho.values()) {
    const official = list.find((r) => titled.includes(r.role));
    if (official) {
      out.push(official);
      continue;
    }
    const defendant = list.find((r) => r.role === 'defendant');
    out.push(...list.filter((r) => !defendant || r === defendant || !['victim', 'injured_party'].includes(r.role)));
  }
  return out;
}

const AGENCY = /\b(?:police|sheriff|bureau|fbi|dea|atf|justice department|department of justice|prosecutor|attorney['’]?s office|marshals?|patrol|investigat)/i;

/** Law-enforcement and prosecuting bodies named in the article: an agency of the case, implied. */
export function agencyRoles(entities: FoundEntity[]): FoundRole[] {
  return entities
    .filter((e) => e.kind === 'Organization' && AGENCY.test(e.name) && e.mentions[0])
    .map((e) => ({
      who: e.key,
      role: 'agency' as const,
      span: e.mentions[0]!,
      inferred: true,
      reason: `${e.name} is a law-enforcement or prosecuting body named in the article; that it acted in this case is implied, not stated.`,
    }));
}
