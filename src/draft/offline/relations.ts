import type { FoundRelation, RelationType } from '../findings.js';
import type { Mention } from './context.js';

interface PairRule {
  type: RelationType;
  /** Matches the words between the two names: `a` comes first in the text. */
  between: RegExp;
  /** Which of the two the relation starts from. */
  from: 'a' | 'b';
  description?: (m: RegExpExecArray) => string;
  kinds?: [string, string];
}

const REL = String.raw`(son|daughter|stepson|stepdaughter|brother|sister|mother|father|stepmother|grandson|granddaughter|uncle|aunt|nephew|niece|cousin)`;

/** Relations between two names of one sentence, read from the words between them. */
const PAIR_RULES: PairRule[] = [
  { type: 'SPOUSE_OF', between: /^[^.;]{0,80}?\b(?:his|her) (?:wife|husband),? $/i, from: 'b' },
  { type: 'SPOUSE_OF', between: /^['’]s? (?:wife|husband),? $/i, from: 'b' },
  { type: 'SPOUSE_OF', between: /^,? (?:his|her) (?:wife|husband)(?:,| and) $/i, from: 'a' },
  { type: 'STEPFATHER_OF', between: /^[^.;]{0,80}?\b(?:his|her) stepfather,? $/i, from: 'b' },
  { type: 'STEPFATHER_OF', between: /^,? (?:the |a )?stepfather of $/i, from: 'a' },
  { type: 'FAMILY_OF', between: new RegExp(String.raw`^[^.;]{0,80}?\b(?:his|her) (?:[\w-]+ ){0,2}${REL},? $`, 'i'), from: 'b', description: (m) => m[1]!.toLowerCase() },
  { type: 'FAMILY_OF', between: new RegExp(String.raw`^['’]s? (?:[\w-]+ ){0,2}${REL},? $`, 'i'), from: 'b', description: (m) => m[1]!.toLowerCase() },
  { type: 'FRIEND_OF', between: /^[^.;]{0,60}?\b(?:a |an |the )?(?:close |longtime |old )?friend of $/i, from: 'a' },
  { type: 'FRIEND_OF', between: /^[^.;]{0,80}?\b(?:his|her) friend,? $/i, from: 'b' },
  { type: 'REPRESENTS', between: /^,? (?:one of |an? |the )?$/i, from: 'a', kinds: ['Person', 'Person'] },
  { type: 'REPRESENTS', between: /^['’]s? (?:defen[cs]e )?(?:lawyers?|attorneys?|counsel),? $/i, from: 'b' },
  { type: 'REPRESENTS', between: /^,? (?:who )?represent(?:s|ed|ing) $/i, from: 'a' },
  { type: 'REPRESENTS', between: /^,? (?:an? |the )?(?:defen[cs]e )?(?:lawyer|attorney) (?:for|representing) $/i, from: 'a' },
  { type: 'EMPLOYED_BY', between: /^,? (?:an? |the )?(?:[a-z-]+ ){0,3}(?:of|at|for|with) (?:the )?$/i, from: 'a', kinds: ['Person', 'Organization'] },
  { type: 'EMPLOYED_BY', between: /^,? who (?:works|worked) (?:for|at) (?:the )?$/i, from: 'a', kinds: ['Person', 'Organization'] },
];

/** "X, one of Y’s lawyers": the lawyer after a comma, the client's name then "'s lawyers". */
const LAWYER_OF = /^['’]s? (?:defen[cs]e )?(?:lawyers?|attorneys?|counsel)\b/i;

export function findRelations(text: string, mentions: Mention[]): FoundRelation[] {
  const relations: FoundRelation[] = [];
  const add = (type: RelationType, from: Mention, to: Mention, span: { start: number; end: number }, description?: string) => {
    if (from.key === to.key || relations.some((r) => r.type === type && r.from === from.key && r.to === to.key)) return;
    relations.push({ type, from: from.key, to: to.key, span: { quote: text.slice(span.start, span.end), start: span.start, end: span.end }, ...(description ? { reason: description } : {}) });
  };
  for (let i = 0; i < mentions.length; i += 1) {
    const a = mentions[i]!;
    for (let j = i + 1; j < mentions.length && mentions[j]!.sentence === a.sentence; j += 1) {
      const b = mentions[j]!;
      const between = text.slice(a.run.end, b.run.start - (b.run.title ? b.run.title.length + 1 : 0));
      for (const rule of PAIR_RULES) {
        const m = rule.between.exec(between);
        if (!m) continue;
        if (rule.kinds && (a.kind !== rule.kinds[0] || b.kind !== rule.kinds[1])) continue;
        if (!rule.kinds && (a.kind !== 'Person' || b.kind !== 'Person')) continue;
        // "X, one of Y’s lawyers": the client must be followed by "'s lawyers".
        if (rule.type === 'REPRESENTS' && rule.kinds && !LAWYER_OF.test(text.slice(b.run.end, b.run.end + 20))) continue;
        const [from, to] = rule.from === 'a' ? [a, b] : [b, a];
        const end = rule.type === 'REPRESENTS' && rule.kinds ? b.run.end + (LAWYER_OF.exec(text.slice(b.run.end, b.run.end + 20))?.[0].length ?? 0) : b.run.end;
        add(rule.type, from, to, { start: a.run.start - (a.run.title && rule.from === 'a' ? 0 : 0), end }, rule.description?.(m));
        break;
      }
    }
  }
  // Descriptions ride on `reason` only as a carrier; the builder moves them to `description`.
  return relations;
}
