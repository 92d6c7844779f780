/**
 * Who argued for whom, from a CAP attorneys line: "William C. Gardner, Washington, D. C., with
 * whom Joseph C. Waddy, Washington, D. C., was on the brief, for appellant." gives Gardner and
 * Waddy for appellant. A line may hold several sentences, each ending "for <side>." Names are
 * the pieces (between commas and "and") that look like a person's name; places and titles
 * (Washington, D. C., Asst. Corporation Counsel) are left out; "Name (of Firm)" gives the name
 * and the firm. Spans are UTF-16 indices.
 */
export interface Appearance {
  name: string;
  from: number;
  to: number;
  side?: { words: string; from: number; to: number };
  /** A firm named alone ("Pell & Orme, for defendant."), not a person. */
  firm?: boolean;
}

/** Words of titles, offices and places that are not names. */
const NOT_NAME = /\b(counsel|corporation|atty|attys|attorney|attorneys|asst|assistant|general|solicitor|principal|special|district|county|city|office|department|state|states|united|brief|whom|appearance|also|entered|washington|arlington|baltimore|virginia|maryland|york|chicago|boston|philadelphia|alexandria|bethesda|silver|spring|richmond|esq|amicus|curiae|for)\b/i;
/** A firm's name: partners joined by "&", or a firm's words. */
const FIRM = /\s&\s|\b(llp|llc|firm|associates|attorneys\s+at\s+law)\b/i;
/** One capitalised word: a surname as older reporters give counsel. */
const SURNAME = /^[A-Z][\p{L}‘’'-]{2,}$/u;
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;
const NAME = /^[A-Z\u00C0-\u024F‘’'][\p{L}‘’'.-]*(\s+[A-Z\u00C0-\u024F‘’'(][\p{L}‘’'.()-]*){1,4}$/u;

export function parseAttorneys(line: string): Appearance[] {
  const found: Appearance[] = [];
  const clause = /\bfor\s+((?!(?:him|her|them|it|us|me)\b)[^.,;]+?(?:\s+et\s+al)?)(?=\s*[,;]|\.(?=\s+[A-Z])|\.?\s*$)/g;
  let start = 0;
  for (let match = clause.exec(line); match; match = clause.exec(line)) {
    // Only a "for" after which the clause ends counts ("for the United States." is fine; "for him, and" is not).
    const sideFrom = match.index;
    const words = match[1]!;
    const sideTo = match.index + match[0].replace(/\.$/, '').length;
    const names = namesIn(line, start, sideFrom);
    for (const name of names) found.push({ ...name, side: { words, from: sideFrom, to: sideTo } });
    start = match.index + match[0].length;
    if (line[start] === '.') start += 1;
  }
  if (start < line.length) found.push(...namesIn(line, start, line.length));
  return found;
}

function namesIn(line: string, from: number, to: number): Appearance[] {
  const names: Appearance[] = [];
  const surnames: Appearance[] = [];
  // Parentheses and brackets set apart more counsel ("X (Y with him on the brief)", "X, District Attorney
  // (Y, of counsel)") or the firm ("X (of Firm)"): their contents are pieces of their own.
  const piece = /[^,;()[\]]+/g;
  const part = line.slice(from, to);
  for (let match = piece.exec(part); match; match = piece.exec(part)) {
    for (const bit of match[0].split(/\s+and\s+|\s+with\s+whom\s+/)) {
      const bare = bit.trim().replace(/\s+(was|were)(\s+on\s+the\s+brief)?$/i, '').replace(/\s+with\s+(him|her|them)(\s+on\s+the\s+briefs?)?$/i, '').replace(/\s+of\s+counsel$/i, '');
      if (/^of\s+counsel$/i.test(bare)) continue;
      const inParens = /[([]\s*$/.test(line.slice(0, from + match.index));
      const firmOf = inParens ? /^of\s+(.+)$/i.exec(bare) : null;
      const words = firmOf ? firmOf[1]!.trim() : bare;
      if (words === '') continue;
      const at = from + match.index + match[0].indexOf(words);
      if (firmOf) {
        // "(of Firm)": the firm of the attorney named before it.
        names.push({ name: words, from: at, to: at + words.length, firm: true });
        continue;
      }
      if (SUFFIX.test(words) && names.length > 0) {
        const last = names[names.length - 1]!;
        if (line.slice(last.to, at).trim() === ',') {
          last.to = at + words.length;
          last.name = line.slice(last.from, last.to);
        }
        continue;
      }
      if (FIRM.test(words) && /^[A-Z]/.test(words)) {
        names.push({ name: words, from: at, to: at + words.length, firm: true });
        continue;
      }
      if (SURNAME.test(words) && !NOT_NAME.test(words)) surnames.push({ name: words, from: at, to: at + words.length });
      if (!NAME.test(words) || NOT_NAME.test(words) || !/\p{L}{2,}/u.test(words)) continue;
      names.push({ name: words, from: at, to: at + words.length });
    }
  }
  // Older reporters name counsel by surname alone ("Tayloe, Robinson and Bird, for defendant."): taken when no fuller name is given.
  return names.length > 0 ? names : surnames;
}
