/**
 * Who filed a docket entry, when its text says so: "… filed by West American Insurance
 * Company." The name must be one of the docket's parties, written right after "filed by"
 * (capitals aside); the longest such name wins. Returns the UTF-16 span of "filed by <name>".
 */
export function filedBy(description: string, parties: string[]): { name: string; from: number; to: number } | undefined {
  const pattern = /\bfiled\s*by\s*/gi;
  for (let match = pattern.exec(description); match; match = pattern.exec(description)) {
    const start = match.index + match[0].length;
    const rest = description.slice(start).toLowerCase();
    const name = [...parties]
      .sort((a, b) => b.length - a.length)
      .find((party) => rest.startsWith(party.toLowerCase()) && !/[a-z0-9]/i.test(rest.charAt(party.length)));
    if (name) return { name, from: match.index, to: start + name.length };
  }
  return undefined;
}
