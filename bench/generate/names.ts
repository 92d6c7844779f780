import type { Random } from './prng.js';

/**
 * Invented names. Every name is built from syllables rather than taken from a list of real
 * first names and surnames, so the corpus names nobody: "Brelin Corwick", "Velhaven", not a
 * plausible real person. Only ASCII letters, so code-point offsets equal string indices.
 */
const ONSETS = ['b', 'br', 'c', 'd', 'dr', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'th', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'ia', 'ou'];
const CODAS = ['', '', 'l', 'n', 'r', 's', 'th', 'v', 'x'];
const FIRST_ENDINGS = ['a', 'el', 'en', 'ia', 'in', 'is', 'o', 'on', 'yn'];
const SURNAME_ENDINGS = ['ard', 'dane', 'holm', 'ick', 'ley', 'more', 'ridge', 'ski', 'ton', 'vik', 'wick', 'worth'];
const TOWN_ENDINGS = ['bury', 'field', 'ford', 'haven', 'mere', 'port', 'stead', 'vale'];

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const syllable = (rng: Random) => rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);

export function firstName(rng: Random): string {
  return capital(syllable(rng) + rng.pick(FIRST_ENDINGS));
}

export function surname(rng: Random): string {
  return capital(syllable(rng) + (rng.chance(0.4) ? syllable(rng) : '') + rng.pick(SURNAME_ENDINGS));
}

export function personName(rng: Random): string {
  return `${firstName(rng)} ${surname(rng)}`;
}

export function townName(rng: Random): string {
  return capital(syllable(rng) + rng.pick(TOWN_ENDINGS));
}

/** An id-safe slug of a name: lower case, single hyphens. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** "a" or "an" before a word. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** A name not yet in `taken` (which it joins), made by `make`. */
export function uniqueName(rng: Random, taken: Set<string>, make: (rng: Random) => string): string {
  for (;;) {
    const name = make(rng);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
