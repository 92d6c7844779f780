/**
 * Who filed a docket entry, when its text says so: "… filed by West American Insurance
 * Company.", "… filed by Petitioner Jo Roe.", "NOTICE … on behalf of Respondent Jo Roe". The
 * name must be one of the docket's parties (as written, cleaned of its capacity, or an alias),
 * right after "filed by" / "on behalf of" and an optional party role (capitals aside); the
 * longest such name wins. Returns the UTF-16 span of the words from "filed by" to the name's end.
 */
const LEAD = /\b(?:filed\s*by|on\s+behalf\s+of)\s*(?:(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|debtors?|creditors?|movants?|intervenors?|claimants?|interested\s+part(?:y|ies)|counter[\s-](?:plaintiff|defendant)s?|third[\s-]party\s+(?:plaintiff|defendant)s?)\s+)?/gi;

export function filedBy(description: string, parties: string[]): { name: string; from: number; to: number } | undefined {
  const names = [...new Set(parties)].filter((p) => p.trim() !== '').sort((a, b) => b.length - a.length);
  for (let match = LEAD.exec(description); match; match = LEAD.exec(description)) {
    const start = match.index + match[0].length;
    const rest = description.slice(start).toLowerCase();
    const name = names.find((party) => rest.startsWith(party.toLowerCase()) && !/[a-z0-9]/i.test(rest.charAt(party.length)));
    if (name) {
      LEAD.lastIndex = 0;
      return { name, from: match.index, to: start + name.length };
    }
  }
  LEAD.lastIndex = 0;
  return undefined;
}
