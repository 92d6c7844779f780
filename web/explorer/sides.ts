import type { Role } from './queries.js';

/**
 * The sides of a case, in the order a reader meets them, and the roles (as the data writes
 * them, any spelling) that belong to each. A role of none of them is shown under its own name.
 */
const SIDES: [string, RegExp][] = [
  ['Defendants', /defendant|accused/],
  ['Judges', /judge|justice|magistrate/],
  ['Prosecution', /prosecut|district.attorney|attorney.general|solicitor.general|state.attorney/],
  ['Defence', /defen[cs]e|public.defender/],
  ['Plaintiffs', /plaintiff|claimant/],
  ['Victims', /victim|injured|deceased/],
  ['Witnesses', /witness|expert/],
];

export const roleWords = (role: string) => role.toLowerCase().replace(/[_-]+/g, ' ');

/** The side a role belongs to, or the role itself with a capital ("Armorer"). */
export function sideOf(role: string): string {
  const words = roleWords(role);
  const side = SIDES.find(([, pattern]) => pattern.test(words));
  if (side) return side[0];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The roles held in a case grouped by side, the sides in SIDES' order, then the others by name; each side in the API's order. */
export function bySide(roles: readonly Role[]): [string, Role[]][] {
  const sides = new Map<string, Role[]>();
  for (const role of roles) sides.set(sideOf(role.role), [...(sides.get(sideOf(role.role)) ?? []), role]);
  const order = (side: string) => {
    const i = SIDES.findIndex(([name]) => name === side);
    return i < 0 ? SIDES.length : i;
  };
  return [...sides.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
}


/** A side's heading for how many it holds: "Defendant", "Defendants"; "Prosecution" either way. */
export function sideHeading(side: string, count: number): string {
  if (count !== 1 || !SIDES.some(([name]) => name === side)) return side;
  return side.endsWith('sses') ? side.slice(0, -2) : side.endsWith('s') ? side.slice(0, -1) : side;
}
