import { cleanName, partyKind, type PartyKind } from '../people.js';
import { roleName } from '../record.js';

/**
 * The parties of a CAP caption ("THE PEOPLE v. THOMAS FALASCO.", "Commonwealth vs. John
 * Fisher.", "Appeal of ALFRED B. DAY."): each side of "v." / "vs." / "against" is one party;
 * a side written with its role ("…, Appellant", "…, Defendant in Error") takes that role, else
 * the role is `party` and the description says which side. "Appeal of X" makes X the appellant;
 * "In re …", "Ex parte …" and "In the Matter of …" name a matter, not parties, unless each
 * person it names is given a role (matterParties). "et al." is not
 * part of a name. Spans are UTF-16 indices into the line.
 */
export interface CaptionParty {
  name: string;
  from: number;
  to: number;
  kind: Exclude<PartyKind, 'none'>;
  role: string;
  side: 'first' | 'second';
}

const SIDES = /\s+(?:v\.|vs\.?|versus|against)\s+/i;
const ROLE = /,?\s+(appellants?|appellees?|respondents?|petitioners?|plaintiffs?|defendants?|complainants?|relators?|libell?ants?|claimants?|intervenors?)(\s+in\s+error|\s+below)?\s*$/i;
const ET_AL = /,?\s+et\s+(al|ux|vir)\.?\s*$/i;

export function parseCaption(line: string): CaptionParty[] {
  const matter = /^\s*(?:in\s+re\b:?|ex\s+parte\b|in\s+the\s+matter\s+of\b|matter\s+of\b)\s*(?:the\s+[\p{L}\s]+?\s+of\s+)?/iu.exec(line);
  if (matter) {
    // "Matter of A ex rel. B v. C": the matter is a suit between sides; "In re X Estate. Appeal of Y." / "… A v. B.":
    // the sentence after the matter's names the parties.
    const rest = line.slice(matter[0].length);
    const next = /(?<!\b(?:rel|ex|co|inc|jr|sr|st|bros|corp|\p{L}))\.\s+(?=(?:appeal\s+of\s+|[\p{Lu}][^.]*\s(?:v\.|vs\.?|versus)\s))/iu.exec(rest);
    if (next) return shift(parseCaption(rest.slice(next.index + next[0].length)), matter[0].length + next.index + next[0].length);
    if (SIDES.test(rest)) return shift(parseCaption(rest), matter[0].length);
    return matterParties(line, matter[0].length);
  }
  const appeal = /^\s*appeal\s+of\s+/i.exec(line);
  if (appeal) {
    const party = side(line, appeal[0].length, line.length, 'first');
    return party ? [{ ...party, role: 'appellant' }] : [];
  }
  const split = SIDES.exec(line);
  if (!split) return [];
  return [side(line, 0, split.index, 'first'), side(line, split.index + split[0].length, line.length, 'second')].filter((p): p is CaptionParty => p !== undefined);
}

/**
 * A matter's caption names parties only with their roles ("In the Matter of the Marriage of
 * A, Respondent, and B, Appellant."): each piece between "and"s that ends in a role is a party
 * in that role; a caption with a piece of no role ("In re Estate of A") names no party.
 */
function matterParties(line: string, from: number): CaptionParty[] {
  const pieces: [number, number][] = [];
  const and = /,?\s+and\s+/gi;
  let start = from;
  for (let m = and.exec(line); m; m = and.exec(line)) {
    if (m.index < from) continue;
    pieces.push([start, m.index]);
    start = m.index + m[0].length;
  }
  pieces.push([start, line.length]);
  const withRoles = pieces.map(([a, b]) => ({ a, b, role: ROLE.test(line.slice(a, b).replace(/[\s.;,]+$/, '')) }));
  if (!withRoles.every((p) => p.role)) return [];
  return withRoles.map((p, k) => side(line, p.a, p.b, k === 0 ? 'first' : 'second')).filter((p): p is CaptionParty => p !== undefined);
}

/** Parties found in a part of the line, with their spans in the whole line. */
const shift = (parties: CaptionParty[], by: number) => parties.map((p) => ({ ...p, from: p.from + by, to: p.to + by }));

function side(line: string, from: number, to: number, which: 'first' | 'second'): CaptionParty | undefined {
  let end = to;
  while (end > from && /[\s.;,]/.test(line[end - 1]!)) end -= 1;
  // keep the period of a final initial or abbreviation ("Co.", "Jr.")
  if (line[end] === '.' && /\b[A-Z][a-z]?$|\b(co|inc|ltd|jr|sr|corp)$/i.test(line.slice(from, end))) end += 1;
  let role: string | undefined;
  for (;;) {
    const piece = line.slice(from, end);
    const etAl = ET_AL.exec(piece);
    if (etAl) {
      end = from + etAl.index;
      continue;
    }
    const named = ROLE.exec(piece);
    if (named && !role) {
      role = roleName(`${named[1]!.replace(/s$/i, '')}${named[2] ?? ''}`, 'party');
      end = from + named.index;
      continue;
    }
    break;
  }
  while (from < end && /\s/.test(line[from]!)) from += 1;
  const raw = line.slice(from, end);
  if (!/\p{L}{2,}/u.test(raw)) return undefined;
  const kind = partyKind(raw);
  if (kind === 'none') return undefined;
  const clean = cleanName(raw);
  return { name: clean.text, from: from + clean.from, to: from + clean.to, kind, role: role ?? 'party', side: which };
}
