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
