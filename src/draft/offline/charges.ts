import type { FoundCharge, FoundRole, Span } from '../findings.js';
import { peopleIn, type Mention } from './context.js';
import type { Sentence } from './sentences.js';

/** Offence words of criminal law; an offence the rules read must hold one of them. */
export const OFFENCE_WORDS = /\b(?:murder|manslaughter|homicide|assault|battery|theft|robbery|burglary|larceny|fraud|conspiracy|contempt|corruption|bribery|abuse|rape|kidnapping|trafficking|possession|weapons?|firearms?|embezzlement|perjury|obstruction|extortion|racketeering|laundering|dui|dwi|arson|vandalism|stalking|harassment|sexual|molestation|tax evasion|false statements?|insider trading|treason|terrorism|endangerment|negligence|cruelty|trespass(?:ing)?|forgery|misconduct|smuggling|espionage|solicitation|distribution|child pornography|identity theft|driving|reckless|involuntary|voluntary|felony|misdemeanou?r|illegal acts?)\b/i;

const LEAD = /\b(?:charged with|convicted (?:\w+ ){0,2}of|found (?:\w+ ){0,3}guilty (?:\w+ ){0,2}of|pleaded (?:guilty|no contest|not guilty) to|pled (?:guilty|no contest|not guilty) to|indicted (?:on charges of|for|on)|accused of|acquitted (?:\w+ ){0,2}of|guilty of|counts? of|charges? of|conviction (?:for|on))\s+/gi;
const STOP = /\s(?:in|at|after|against|when|that|who|which|under|from|last|during|before|since|while|but|because|to|by|on|for|as)\s|[.,;:()“”"—]|$/i;
const COUNT = /^(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|all|multiple|several|additional|the|a|an|his|her|their|remaining|related) )*(?:counts?|charges?) (?:of |related to )?/i;
const FOLLOWING_CHARGES = /\b((?:[a-z-]+ ){0,4}[a-z-]+) (?:charges?|counts?)\b/g;
const NOT_OFFENCE = new Set(['of', 'on', 'with', 'after', 'his', 'her', 'their', 'the', 'a', 'an', 'other', 'unrelated', 'remaining', 'new', 'all', 'related', 'additional', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'one', 'multiple', 'several', 'federal', 'state', 'criminal', 'the', 'dropped', 'faces', 'facing', 'filed', 'against', 'for', 'from', 'to', 'in', 'at', 'was', 'were', 'been', 'is']);

/**
 * Charges: the offence after "charged with", "convicted of", "pleaded guilty to" … or before
 * "charges" ("contempt charges"), holding an offence word. The defendant is the person the
 * sentence gives a defendant role, else the article's only defendant (inferred).
 */
export function findCharges(text: string, sentences: Sentence[], mentions: Mention[], roles: FoundRole[]): { charges: FoundCharge[]; notes: string[] } {
  const charges: FoundCharge[] = [];
  const notes: string[] = [];
  const defendants = new Set(roles.filter((r) => r.role === 'defendant').map((r) => r.who));
  for (const sentence of sentences) {
    for (const offence of offencesIn(sentence)) {
      const named = peopleIn(mentions, sentence).filter((m) => defendants.has(m.key)).at(0)?.key;
      const defendant = named ?? (defendants.size === 1 ? [...defendants][0] : undefined);
      if (!defendant) {
        notes.push(`the offence "${offence.quote}" at ${offence.start} names no defendant the draft could tell: left out`);
        continue;
      }
      const name = offence.quote.toLowerCase();
      if (charges.some((c) => c.offence === name && c.defendant === defendant)) continue;
      charges.push({
        defendant,
        offence: name,
        offenceSpan: offence,
        span: { quote: sentence.quote, start: sentence.start, end: sentence.end },
        ...(named ? {} : { defendantGuess: { inferred: true, reason: 'The sentence does not name who is charged; the article has one defendant, taken to be the one.' } }),
      });
    }
  }
  attachPenalties(text, sentences, charges);
  return { charges, notes };
}

function offencesIn(sentence: Sentence): Span[] {
  const found: Span[] = [];
  const push = (start: number, words: string) => {
    let phrase = words.replace(COUNT, '');
    start += words.length - phrase.length;
    phrase = phrase.replace(/\s+(?:charges?|counts?)$/i, '').replace(/ and (?:other|related)$/, '').replace(/^(?:the|a|an) /i, '').trim();
    if (phrase.length < 3 || !OFFENCE_WORDS.test(phrase) || phrase.split(' ').length > 8) return;
    const at = sentence.quote.indexOf(phrase, start);
    if (at === -1) return;
    if (!found.some((f) => f.start <= sentence.start + at && f.end >= sentence.start + at + phrase.length)) {
      found.push({ quote: phrase, start: sentence.start + at, end: sentence.start + at + phrase.length });
    }
  };
  for (const m of sentence.quote.matchAll(LEAD)) {
    const from = m.index + m[0].length;
    const rest = sentence.quote.slice(from);
    const stop = STOP.exec(rest);
    push(from, rest.slice(0, stop ? stop.index : rest.length));
  }
  for (const m of sentence.quote.matchAll(FOLLOWING_CHARGES)) {
    // Back from "charges" over offence words: "convicted on Friday of contempt charges" → "contempt".
    const words = m[1]!.replace(/ and (?:other|related)$/, '').split(' ');
    let from = words.length;
    while (from > 0 && !NOT_OFFENCE.has(words[from - 1]!) && (words[from - 1] !== 'and' || from < words.length)) from -= 1;
    while (words[from] === 'and') from += 1;
    const phrase = words.slice(from).join(' ');
    if (phrase) push(m.index + m[1]!.lastIndexOf(phrase), phrase);
  }
  // "murder and weapons" are two offences.
  return found.flatMap((f) => splitOffences(f));
}

function splitOffences(span: Span): Span[] {
  const parts = span.quote.split(/,? and |, /);
  if (parts.length < 2 || !parts.every((p) => OFFENCE_WORDS.test(p))) return [span];
  let at = span.start;
  return parts.map((quote) => {
    const start = span.start + span.quote.indexOf(quote, at - span.start);
    at = start + quote.length;
    return { quote, start, end: start + quote.length };
  });
}

const PENALTY = /\b(?:faces?|facing|faced|could (?:have )?face[sd]?|could get|carries|carry|punishable by|maximum (?:sentence |penalty )?of)\s+((?:up to |a maximum of |as much as |at least |a minimum (?:sentence )?of |a possible |possible )?(?:life in prison(?: without (?:the possibility of )?parole)?|life|the death penalty|(?:\w+|\d+) (?:years?|months?|days?)(?: (?:in|of) (?:federal |state )?(?:prison|jail))?))/i;

/** The maximum penalty a sentence states, put on the charges of the defendant it concerns (or all, when one). */
function attachPenalties(text: string, sentences: Sentence[], charges: FoundCharge[]): void {
  for (const sentence of sentences) {
    if (/\b(?:was|were|been) sentenced\b|\bsentenced (?:\w+ ){0,3}to\b/i.test(sentence.quote)) continue;
    const m = PENALTY.exec(sentence.quote);
    if (!m || charges.length === 0) continue;
    const start = sentence.start + m.index + m[0].length - m[1]!.length;
    const words = m[1]!;
    for (const charge of charges) {
      if (charge.maximumPenalty) continue;
      charge.maximumPenalty = words;
      charge.penaltySpan = { quote: text.slice(start, start + words.length), start, end: start + words.length };
    }
  }
}
