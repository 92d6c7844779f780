/**
 * What an extractor finds in an article, before it becomes a case file. Every item carries the
 * span of the text that supports it (offsets in UTF-16 units of the article's text, as
 * JavaScript indexes strings; the case file gets Unicode code points from verify.ts).
 */
export interface Span {
  quote: string;
  start: number;
  end: number;
}

/** What is guessed rather than stated, and why. */
export interface Guess {
  inferred?: boolean;
  reason?: string;
}

export const ENTITY_KINDS = ['Person', 'Organization', 'Court', 'Place', 'Work'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface FoundEntity {
  /** The extractor's key for the entity; references use it. */
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** Every place the text names it; the first is its main citation. */
  mentions: Span[];
  age?: number;
  occupation?: string;
}

export const ROLE_NAMES = ['defendant', 'judge', 'prosecutor', 'district_attorney', 'defence_counsel', 'plaintiff', 'victim', 'injured_party', 'witness', 'juror', 'agency'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface FoundRole extends Guess {
  who: string;
  role: RoleName;
  span: Span;
}

export interface FoundCharge {
  defendant: string;
  /** Set when the sentence does not name the defendant and the article's only one is taken. */
  defendantGuess?: Guess;
  /** The words of the offence itself. */
  offenceSpan?: Span;
  offence: string;
  span: Span;
  maximumPenalty?: string;
  penaltySpan?: Span;
}

export const OUTCOME_KINDS = ['convicted', 'acquitted', 'dismissed', 'sentenced', 'settled', 'pleaded', 'mistrial'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface FoundTime {
  /** The text's own words for the time. */
  text: string;
  date?: string;
  month?: number;
  weekday?: string;
  approximate?: boolean;
  /** Why the time is approximate: what it was resolved against. */
  note?: string;
}

export interface FoundOutcome {
  kind: OutcomeKind;
  span: Span;
  /** Who it concerns, when the sentence names them. */
  defendant?: string;
  /** The judge who ruled, when the sentence names one; `judgeGuess` when it is only implied. */
  judge?: string;
  judgeGuess?: Guess;
  /** The words of a sentence: "four years in prison". */
  sentence?: string;
  time?: FoundTime;
}

export interface FoundEvent {
  name: string;
  eventType: string;
  span: Span;
  time: FoundTime;
}

export const RELATION_TYPES = ['SPOUSE_OF', 'FRIEND_OF', 'STEPFATHER_OF', 'FAMILY_OF', 'EMPLOYED_BY', 'REPRESENTS', 'MEMBER_OF'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface FoundRelation extends Guess {
  type: RelationType;
  from: string;
  to: string;
  span: Span;
}

export interface Findings {
  entities: FoundEntity[];
  roles: FoundRole[];
  charges: FoundCharge[];
  outcomes: FoundOutcome[];
  events: FoundEvent[];
  relations: FoundRelation[];
  /** Criminal or civil, with the words that tell. */
  caseType?: { value: 'criminal' | 'civil'; span: Span };
  /** A caption the text gives ("State v. Example"). */
  caption?: Span;
  /** What the extractor noticed and left out. */
  notes: string[];
}

/** An article as every extractor gets it: its text and, when known, its own date. */
export interface Article {
  text: string;
  title?: string;
  /** YYYY-MM-DD: relative dates ("On Friday") are resolved against it. */
  published?: string;
  url?: string;
}

/** An extractor: the offline rules or a language model, behind one interface. */
export interface Extractor {
  readonly name: string;
  extract(article: Article): Promise<Findings>;
}

export const emptyFindings = (): Findings => ({ entities: [], roles: [], charges: [], outcomes: [], events: [], relations: [], notes: [] });
