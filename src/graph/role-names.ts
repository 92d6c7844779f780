import { distance } from 'fastest-levenshtein';
/**
 * Role names are stored in lower_snake_case as case files give them (`defence_counsel`), but
 * people ask as they write: `Defense counsel`, `defense-counsel`, `JUDGE`. Both sides of a
 * role filter are brought to one key, so a guess in another case or spelling still matches:
 * lower case, spaces and hyphens as underscores, American spellings as British.
 */
const SPELLINGS: [string, string][] = [
  ['defense', 'defence'],
  ['offense', 'offence'],
  ['counselor', 'counsellor'],
];

export function roleKey(role: string): string {
  let key = role.trim().toLowerCase().replace(/[\s-]+/g, '_');
  for (const [american, british] of SPELLINGS) key = key.replaceAll(american, british);
  return key;
}

/** The same key in Cypher, for the stored role `expression`. */
export function roleKeyCypher(expression: string): string {
  let key = `replace(replace(toLower(trim(${expression})), ' ', '_'), '-', '_')`;
  for (const [american, british] of SPELLINGS) key = `replace(${key}, '${american}', '${british}')`;
  return key;
}

/**
 * The roles the documented vocabulary and the importers use (docs/case-file-format.md, Roles):
 * a filter a few typing mistakes from one of them, and equal to none, is taken for a misspelling.
 */
export const KNOWN_ROLES = [
  'defendant', 'judge', 'district_attorney', 'prosecutor', 'defence_counsel', 'victim', 'injured_party', 'witness', 'plaintiff',
  'actor', 'producer', 'director', 'cinematographer', 'armorer', 'crew_member', 'attorney', 'party', 'appellant', 'appellee', 'petitioner', 'respondent',
] as const;

/**
 * The known roles nearest a role filter that matches none of them, nearest first (at most 3,
 * each at most 2 edits away, or 3 for long names); empty when the filter is a known role or
 * near none, so a role of the data's own is never refused.
 */
export function nearestRoles(role: string): string[] {
  const key = roleKey(role);
  if ((KNOWN_ROLES as readonly string[]).includes(key)) return [];
  return KNOWN_ROLES.map((known) => ({ known, d: distance(key, known) }))
    .filter(({ known, d }) => d > 0 && d <= (known.length > 8 ? 3 : 2))
    .sort((a, b) => a.d - b.d || a.known.localeCompare(b.known))
    .slice(0, 3)
    .map(({ known }) => known);
}
