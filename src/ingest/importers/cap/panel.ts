/**
 * The judges of a panel line of CAP head matter: "Before CAYTON, Chief Judge, and HOOD and
 * QUINN, Associate Judges." gives CAYTON (Chief Judge), HOOD and QUINN (Associate Judge).
 * Also "Before SMITH, C. J., and JONES and BROWN, JJ.", "Before Smith, Jones and Brown,
 * Circuit Judges", "Present: …" and lines without titles. Spans are UTF-16 indices into the line.
 */
export interface PanelJudge {
  name: string;
  from: number;
  to: number;
  /** The title as the line writes it, in the singular when the line's is plural. */
  title?: string;
  titleFrom?: number;
  titleTo?: number;
}

/** A piece of the line that is a title rather than a name. */
const TITLE = /\b(judges?|justices?|chancellor|commissioners?|magistrates?|presiding|sitting|retired)\b|(^|\s)(J|JJ|C\.\s*J|P\.\s*J)\.?$/i;
/** Words that join names or end the line, not names themselves. */
const FILLER = /^(and|&|before|present|per curiam|all|concur|concurring|dissenting|the|of the court)$/i;

export function parsePanel(line: string): PanelJudge[] {
  const judges: PanelJudge[] = [];
  let pending: PanelJudge[] = [];
  const lead = /^\s*(before|present|argued before|heard before)\s*:?\s*/i.exec(line);
  const offset = lead ? lead[0].length : 0;
  const body = line.slice(offset);
  const pieces = /[^,;]+/g;
  for (let match = pieces.exec(body); match; match = pieces.exec(body)) {
    for (const part of splitAnd(match[0], offset + match.index)) {
      const words = withoutFinalPeriod(part.text.trim());
      if (words === '' || FILLER.test(words)) continue;
      const from = part.from + part.text.indexOf(words);
      if (TITLE.test(words)) {
        for (const judge of pending) Object.assign(judge, { title: singular(words), titleFrom: from, titleTo: from + words.length });
        pending = [];
        continue;
      }
      if (!/^[A-Z\u00C0-\u024F]/.test(words) || /\d/.test(words)) continue;
      const judge: PanelJudge = { name: words, from, to: from + words.length };
      judges.push(judge);
      pending.push(judge);
    }
  }
  return judges;
}

/** "Judges." and "QUINN." end the sentence; "J.", "C. J." and "JJ." are abbreviations. */
function withoutFinalPeriod(words: string): string {
  return /[\p{L}]{3,}\.$/u.test(words) ? words.slice(0, -1) : words;
}

/** Splits "HOOD and QUINN" into its names, keeping their places. */
function splitAnd(piece: string, at: number): { text: string; from: number }[] {
  const parts: { text: string; from: number }[] = [];
  const separator = /\s+(?:and|&)\s+|^\s*(?:and|&)\s+/gi;
  let last = 0;
  for (let match = separator.exec(piece); match; match = separator.exec(piece)) {
    parts.push({ text: piece.slice(last, match.index), from: at + last });
    last = match.index + match[0].length;
  }
  parts.push({ text: piece.slice(last), from: at + last });
  return parts;
}

const PLURALS: [RegExp, string][] = [
  [/Judges$/i, 'Judge'],
  [/Justices$/i, 'Justice'],
  [/^JJ$/i, 'J.'],
  [/Commissioners$/i, 'Commissioner'],
  [/Magistrates$/i, 'Magistrate'],
];

function singular(title: string): string {
  for (const [plural, one] of PLURALS) if (plural.test(title)) return title.replace(plural, (m) => (m === m.toUpperCase() && m.length > 2 ? one.toUpperCase() : one));
  return title;
}

/**
 * The author of an opinion from CAP's `author` ("HOOD, Associate Judge.", "CAYTON, Chief
 * Judge", "Mr. Justice BLACK"): the name and its span; none for "PER CURIAM".
 */
export function parseAuthor(author: string): { name: string; from: number; to: number } | undefined {
  if (/per\s+curiam/i.test(author)) return undefined;
  const lead = /^\s*(mr\.|mrs\.|ms\.)?\s*((chief\s+)?justice|judge)?\s*/i.exec(author)!;
  const from = lead[0].length;
  const comma = author.indexOf(',', from);
  let to = comma < 0 ? author.length : comma;
  while (to > from && /[\s.]/.test(author[to - 1]!)) to -= 1;
  const name = author.slice(from, to);
  if (name === '' || TITLE.test(name) || !/^[A-Z\u00C0-\u024F]/.test(name)) return undefined;
  return { name, from, to };
}
