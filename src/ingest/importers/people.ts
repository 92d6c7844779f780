/**
 * What a name in a court record stands for, by rules over its words (never lists of names):
 * a person's name without the titles and capacities written around it, the other names it is
 * "also known as", whether it is a person, an organisation (an office, an agency, a trustee's
 * office, a company) or nobody at all (a sealed or "In re" caption, an assignment label).
 * Spans are UTF-16 indices into the string given, so importers can cite the words kept.
 */

export interface Span {
  text: string;
  from: number;
  to: number;
}

export interface CleanName extends Span {
  /** The capacity written after the name ("Attorney General", "Assistant U.S. Attorney"), if any. */
  capacity?: Span;
  /** Other names it goes by: "a/k/a", "also known as", "f/k/a", "d/b/a"… */
  aliases: Span[];
}

/** Honorifics written before a name. */
const LEADING = /^\s*(?:(?:mr|mrs|ms|miss|dr|sir|hon|honorable|the\s+honorable|judge|justice)\.?\s+)+/i;
/** Words of a capacity or an office held: what follows a name after a comma, not part of it. */
const CAPACITY_WORD =
  /\b(attorneys?|counsel|counsellor|ausa|sausa|prosecutor|solicitor|general|defender|trustee|receiver|examiner|administrat(or|rix)|executor|executrix|guardian|conservator|director|secretary|commissioner|officer|agent|warden|sheriff|chief|deputy|assistant|acting|special|senior|trial|litigation|clerk|judge|magistrate|justice|president|chairman|chair|member|partner|esq|esquire|in\s+(his|her|their)\s+(official|individual)|official|individual|capacity|chapter\s+\d+)\b/i;
/** Generational suffixes and degrees kept with the name. */
const SUFFIX = /^(jr|sr|ii|iii|iv|v|2nd|3rd)\.?$/i;
/** Words that introduce another name of the same party. */
const ALIAS = /\s*,?\s*\(?\b(?:also\s+known\s+as|formerly\s+known\s+as|now\s+known\s+as|doing\s+business\s+as|a\/k\/a|f\/k\/a|n\/k\/a|d\/b\/a|aka|fka|nka|dba)\b\.?:?\s*/gi;
/** Abbreviations of capacities written after a name without a comma ("Christopher Clark AUSA"). */
const TRAILING_ABBREVIATION = /\s+(AUSA|SAUSA|Esq\.?|ESQ\.?)\s*$/;

/** Trims a span's whitespace and stray punctuation at both ends, keeping its place. */
function trimSpan(value: string, from: number, to: number): Span {
  while (from < to && /[\s,;:\-–(]/.test(value[from]!)) from += 1;
  while (to > from && /[\s,;:\-–)]/.test(value[to - 1]!) && !(value[to - 1] === ')' && value.slice(from, to).includes('('))) to -= 1;
  // keep the period of an initial or an abbreviation ("Jr.", "Inc.")
  return { text: value.slice(from, to), from, to };
}

/**
 * A name as written in a record, cleaned: honorifics before it and capacities after it
 * ("LORETTA E. LYNCH, Attorney General", "Mr. Anthony Payne, Senior Litigation Counsel",
 * "James A. Walden, -", "James D. Durham, AUSA") are set apart, and "X a/k/a Y" gives X with
 * the alias Y. Suffixes (Jr., III) stay. A name whose words are all a capacity stays as it is.
 */
export function cleanName(raw: string): CleanName {
  const aliases: Span[] = [];
  let end = raw.length;
  const parts: { from: number; to: number }[] = [];
  let last = 0;
  for (const match of raw.matchAll(ALIAS)) {
    parts.push({ from: last, to: match.index! });
    last = match.index! + match[0].length;
  }
  parts.push({ from: last, to: end });
  for (const part of parts.slice(1)) {
    const alias = trimSpan(raw, part.from, part.to);
    if (/\p{L}/u.test(alias.text)) aliases.push(alias);
  }
  end = parts[0]!.to;
  let from = LEADING.exec(raw.slice(0, end))?.[0].length ?? 0;
  if (from >= end) from = 0;
  let capacity: Span | undefined;
  // Comma-separated tails: a suffix stays, a capacity (or nothing but punctuation) goes.
  for (;;) {
    const comma = raw.lastIndexOf(',', end - 1);
    if (comma <= from) break;
    const tail = trimSpan(raw, comma + 1, end);
    if (SUFFIX.test(tail.text)) break;
    if (tail.text === '' || !/\p{L}/u.test(tail.text)) {
      end = comma;
      continue;
    }
    if (!CAPACITY_WORD.test(tail.text) || isOrganisationName(raw.slice(from, comma))) break;
    capacity = capacity ? { text: raw.slice(tail.from, capacity.to), from: tail.from, to: capacity.to } : tail;
    end = comma;
  }
  const abbreviation = TRAILING_ABBREVIATION.exec(raw.slice(from, end));
  if (abbreviation && !capacity) {
    const at = from + abbreviation.index + abbreviation[0].indexOf(abbreviation[1]!);
    capacity = { text: abbreviation[1]!, from: at, to: at + abbreviation[1]!.length };
    end = from + abbreviation.index;
  }
  const name = trimSpan(raw, from, end);
  // ", Jr." written " , Jr." keeps its place; a name reduced to nothing keeps the original.
  if (!/\p{L}/u.test(name.text)) return { ...trimSpan(raw, 0, raw.length), aliases };
  return { ...name, ...(capacity ? { capacity } : {}), aliases };
}

/** Words that make a name an organisation's: companies, offices, agencies, public bodies. */
const ORGANISATION =
  /\b(inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|pllc|lp|l\.p|ltd|limited|corp|corporation|co|company|companies|bank|bancorp|association|assn|fund|funds|foundation|university|school|academy|hospital|clinic|insurance|partners|partnership|group|holdings|services?|systems?|wireless|financial|finance|funding|lending|loans?|mortgage|credit\s+union|capital|portfolio|products|advisors|consulting|engineers|management|revenue|treasury|sarl|p\.s\.c|p\.a|apc|dac|department|dept|office|offices|agency|administration|commission|board|authority|bureau|county|commonwealth|government|republic|kingdom|usa|u\.s\.a|u\.\s?s\.|united\s+states|district|committee|council|institute|gp|plc|n\.a|s\.a|ag|gmbh|estate|trustees|administrator|receiver|enterprises|industries|international|associates|coalition|alliance|league|federation|cooperative|organi[sz]ation|ministry|police|prison|correctional|facility|registry|attorney\s+general|the\s+people|people\s+of|(state|city|town|village)\s+of|trust\s+(company|fund)|(the|of)\s+(trust|state|city|union|court|church|college|society|center|centre|club|network|project))\b\.?/i;
const ACRONYM = /^\s*(?:\p{Lu}\.){2,}\s*$/u;
/** Words of organisations that are also people's surnames (Trust, States, Church, Court…): an organisation's only when the name is not shaped as a person's. */
const WEAK = /\b(trust|state|states|city|union|center|centre|court|clerk|club|project|network|church|college|society|trustee|bay|lofts)\b/i;
/** "Given [M.] Surname[-Surname] [Jr.]": the shape of a person's name. */
const PERSON_SHAPE = /^(?:[A-Z][\p{L}'’]+|[A-Z]\.)(?:\s+(?:[A-Z]\.|[A-Z][\p{L}'’]+))?\s+[A-Z][\p{L}'’]+(?:-[A-Z][\p{L}'’]+)?(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?$/u;

/** Whether a name, by its words, is an organisation's (a company, an office, an agency). */
export function isOrganisationName(name: string): boolean {
  if (ORGANISATION.test(name) || /\s&\s|^&|&$/.test(name)) return true;
  // Dotted initials alone ("M.U.F.C.U."): a body known by its initials. (A word in capitals alone is not: old
  // captions write surnames so, "ROE".)
  if (ACRONYM.test(name)) return true;
  return WEAK.test(name) && !isPersonShaped(name);
}

/** Whether a name is written as a person's is ("Alan S. Trust", "KATHY SURRATT-STATES"). */
export function isPersonShaped(name: string): boolean {
  const title = name.trim().replace(/\p{Lu}+/gu, (w) => (w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w));
  return PERSON_SHAPE.test(title);
}

/** Captions and placeholders that are not a party: "In re: Sealed Case", "In the Matter of …", "Sealed Defendant". */
const NO_PARTY = /^\s*(in\s+re\b|in\s+the\s+matter\s+of\b|matter\s+of\b|re:|sealed\b|under\s+seal\b|\[?sealed\]?$|unknown\s+party|none$|n\/a$)/i;

export type PartyKind = 'Person' | 'Organization' | 'none';

/**
 * What a party's name stands for: nobody (a sealed or "In re" caption), an organisation (by its
 * words: "Inc.", "Office", "U.S. Trustee", "Administrator", "Department"…, or a party type that
 * is an office such as "U.S. Trustee"), else a person.
 */
export function partyKind(name: string, type?: string): PartyKind {
  if (NO_PARTY.test(name)) return 'none';
  const cleaned = cleanName(name).text;
  if (isOrganisationName(cleaned)) return 'Organization';
  if (type && !isPersonShaped(cleaned) && /\b(u\.?\s?s\.?|united\s+states)\s+trustee\b|\bcommittee\b|\bagency\b|\boffice\b/i.test(type)) return 'Organization';
  return 'Person';
}

/**
 * Whether a name can be a person's (an attorney's, a judge's): at least two words of letters,
 * none an organisation's; "Oil" (a mailbox) or "U S Attorney CR" (an office) cannot.
 */
export function looksLikePersonName(name: string): boolean {
  const cleaned = cleanName(name).text;
  const words = cleaned.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  return !isOrganisationName(cleaned) && !/\b(attorneys?|counsel|defenders?|prosecutors?|trustees?|clerk|ausa|solicitor|internal\s+use|correspondence|mailbox|unit|division|section|team|docket)\b/i.test(cleaned);
}

/** Words of an assignment that names no judge: "Part One", "Not Assigned", "Duty Magistrate", "Pool". */
const ASSIGNMENT_LABEL = /\b(not\s+assigned|unassigned|to\s+be\s+assigned|part|pool|duty|calendar|chambers|vacant|none|unknown|tbd|n\/a|panel|division|clerk|court|emergency|motions?)\b/i;

/**
 * Whether a judge field (assigned_to_str, referred_to_str, a lower court's assigned_to) names
 * a judge: a person's name of at least two words, not an assignment label ("Part One", "Not
 * Assigned") nor initials alone ("Mp").
 */
export function isJudgeName(name: string): boolean {
  const cleaned = cleanName(name).text;
  if (ASSIGNMENT_LABEL.test(cleaned)) return false;
  const words = cleaned.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  return words.length >= 2 && !isOrganisationName(cleaned);
}
