import type { FoundOutcome, FoundRole, OutcomeKind } from '../findings.js';
import { peopleIn, type Mention } from './context.js';
import type { Sentence } from './sentences.js';

/** Words that say how a case or a charge ended, as it happened (not as it might, or will). */
const OUTCOME_RULES: { kind: OutcomeKind; words: RegExp }[] = [
  { kind: 'acquitted', words: /\bacquitt(?:ed|al)\b|\bfound (?:\w+ ){0,4}not guilty\b|\bnot guilty verdicts?\b/i },
  { kind: 'mistrial', words: /\bdeclared a mistrial\b|\bended in a mistrial\b/i },
  { kind: 'sentenced', words: /\b(?:was|were|been|is|has|have) sentenced\b|\bsentenced (?:\w+ ){0,5}to\b|\bgets? (?:\w+ ){0,2}(?:years?|months?) in (?:prison|jail)\b/i },
  { kind: 'convicted', words: /\b(?:was|were|been|is) convicted\b|\b(?:jury|court|judge) (?:has |had )?convicted\b|\bconvicted (?:him|her|them)\b|\bfound (?:\w+ ){0,4}guilty\b|\bguilty verdicts?\b/i },
  { kind: 'pleaded', words: /\b(?:pleaded|pled|pleads) (?:guilty|no contest)\b|\bguilty plea\b/i },
  { kind: 'dismissed', words: /\b(?:case|charges?|indictment|lawsuit|suit|trial)\b[^.]{0,60}\b(?:(?:been|was|were|is) dismissed|thrown out|tossed)\b|\bdismiss(?:ed)? (?:the|all) (?:case|charges?|indictment|lawsuit)\b|\bdecided to dismiss\b/i },
  { kind: 'settled', words: /\b(?:settled|reached a settlement|agreed to settle|settlement was reached)\b/i },
];

const HYPOTHETICAL = /\b(?:had (?:he|she|they) been|if|would|could|might|may|will|plans? to|scheduled|expected to|set to|whether|when (?:he|she|they)['’]?s)\b[^.]{0,25}$/i;
const SENTENCE_WORDS = /\bsentenced (?:\w+ ){0,5}?to ((?:life|death|\S+ (?:years?|months?|days?)(?: and \S+ (?:years?|months?))?)(?: (?:in|of) (?:federal |state )?(?:prison|jail|probation))?)|\bgets? ((?:\S+ ){1,2}(?:years?|months?) in (?:prison|jail))/i;

/**
 * Rulings and outcomes, one per kind and sentence: who it concerns (a defendant the sentence
 * names, or the only one), the judge the sentence names (or "the judge", when the article
 * has one judge: inferred), and the sentence imposed.
 */
export function findOutcomes(sentences: Sentence[], mentions: Mention[], roles: FoundRole[]): FoundOutcome[] {
  const outcomes: FoundOutcome[] = [];
  const defendants = roles.filter((r) => r.role === 'defendant').map((r) => r.who);
  const judges = [...new Set(roles.filter((r) => r.role === 'judge').map((r) => r.who))];
  for (const sentence of sentences) {
    for (const rule of OUTCOME_RULES) {
      const m = rule.words.exec(sentence.quote);
      if (!m || HYPOTHETICAL.test(sentence.quote.slice(0, m.index))) continue;
      if (/\bnot (?:\w+ )?$/.test(sentence.quote.slice(Math.max(0, m.index - 8), m.index)) && rule.kind !== 'acquitted') continue;
      if (rule.kind === 'convicted' && outcomes.some((o) => o.span.start === sentence.start && o.kind === 'acquitted')) continue;
      const people = peopleIn(mentions, sentence);
      const outcome: FoundOutcome = { kind: rule.kind, span: { quote: sentence.quote, start: sentence.start, end: sentence.end } };
      outcome.defendant = people.find((p) => defendants.includes(p.key))?.key ?? (new Set(defendants).size === 1 ? defendants[0] : undefined);
      const judge = people.find((p) => judges.includes(p.key))?.key;
      if (judge) outcome.judge = judge;
      else if (judges.length === 1 && /\b(?:the|a) judge\b|\bjudge\b/i.test(sentence.quote)) {
        outcome.judge = judges[0];
        outcome.judgeGuess = { inferred: true, reason: 'The sentence says "the judge"; the article names one judge, taken to be the one who ruled.' };
      }
      const imposed = rule.kind === 'sentenced' ? SENTENCE_WORDS.exec(sentence.quote) : null;
      if (imposed) outcome.sentence = imposed[1] ?? imposed[2];
      const same = outcomes.find((o) => o.kind === outcome.kind && o.defendant === outcome.defendant);
      if (!same) outcomes.push(outcome);
      // One outcome per kind and defendant: the sentence that names the judge tells most.
      else if (outcome.judge && (!same.judge || (same.judgeGuess && !outcome.judgeGuess))) outcomes.splice(outcomes.indexOf(same), 1, outcome);
    }
  }
  return outcomes;
}

/** The case's status: the furthest step the article reports. */
export function caseStatus(outcomes: FoundOutcome[]): string {
  const order: [OutcomeKind, string][] = [['sentenced', 'sentenced'], ['convicted', 'convicted'], ['pleaded', 'pleaded guilty'], ['acquitted', 'acquitted'], ['dismissed', 'dismissed'], ['settled', 'settled'], ['mistrial', 'mistrial']];
  return order.find(([kind]) => outcomes.some((o) => o.kind === kind))?.[1] ?? 'unknown';
}
