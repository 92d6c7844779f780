import nlp from 'compromise';
import type { EntityKind, FoundEntity, Span } from '../findings.js';
import { ROLE_RULES } from './roles.js';
import { spanOf } from './sentences.js';
import { COURT_HEADS, CREDIT_CUES, NOT_NAMES, OCCUPATION_CUES, ORG_HEADS, PERSON_TITLES, PLACE_HEADS, RELATIVES } from './vocabulary.js';

/** A run of capitalised words, with the title words in front of the name split off. */
export interface NameRun extends Span {
  /** Title words inside the run ("District Attorney"), empty when none. */
  title: string;
  /** The lower-case words just before it, where occupations are ("director", "defense attorney"). */
  before: string;
  words: string[];
}

const WORD = String.raw`(?:(?:[A-Z]\.){1,3}|III|II|IV|Jr\.|Sr\.|[A-Z][\p{Ll}\p{Lu}]*(?:[-'’][A-Z]?[\p{Ll}]+)*\.?)`;
const RUN = new RegExp(String.raw`${WORD}(?: (?:(?:de|van|von|del|da|di|la|le|bin|al)-? )?${WORD})*`, 'gu');

/** Tags compromise gives each word, by its offset in the text. */
export type TagIndex = Map<number, Set<string>>;

export function tagWords(text: string): TagIndex {
  const index: TagIndex = new Map();
  const terms = nlp(text).terms().json({ offset: true }) as { terms: { tags: string[] }[]; offset: { start: number } }[];
  for (const term of terms) index.set(term.offset.start, new Set(term.terms[0]?.tags ?? []));
  return index;
}

/** Every run of capitalised words, the title split off and a possessive ending removed. */
export function nameRuns(text: string): NameRun[] {
  const runs: NameRun[] = [];
  for (const m of segments(text)) {
    let start = m.index;
    let words = m.run.split(' ');
    let title = '';
    // Leading words up to the last title or non-name word go ("Acting Essex Prosecutor Robert
    // Laurino"), and trailing words that are never names ("Alec Baldwin Freed").
    while (words.length > 1 && NOT_NAMES.has(words.at(-1)!.toLowerCase())) words.pop();
    // A possessive belongs to the sentence, not the name; a sentence's full stop is not an initial.
    const last = words.length - 1;
    words[last] = words[last]!.replace(/(?:['’]s|['’])$/, '');
    if (words[last]!.length > 2 && /[a-z]\.$/.test(words[last]!) && !/^(?:Jr|Sr|Inc|Corp|Co)\.$/.test(words[last]!)) words[last] = words[last]!.slice(0, -1);
    const head = words.at(-1)!.replace(/\.$/, '').toLowerCase();
    const headed = ORG_HEADS.has(head) || COURT_HEADS.has(head) || PLACE_HEADS.has(head);
    const cut = headed ? leadingNotNames(words) : leadingCut(words);
    if (cut > 0) {
      title = words.slice(0, cut).join(' ');
      start += words.slice(0, cut).join(' ').length + 1;
      words = words.slice(cut);
    }
    words = words.filter((w) => w.length > 0);
    if (words.length === 0) continue;
    const quote = words.join(' ');
    const end = start + quote.length;
    if (text.slice(start, end) !== quote) continue;
    runs.push({ quote, start, end, title, words, before: text.slice(Math.max(0, start - title.length - 40), start - (title ? title.length + 1 : 0)) });
  }
  return runs;
}

const ABBREVIATIONS = /^(?:Mt|St|Jr|Sr|Dr|Mr|Mrs|Ms|Rep|Sen|Gov|Lt|Sgt|Det|Capt|Gen|Col|Ft|Inc|Corp|Co)\.$/;

/** The runs of the text, cut where a word ends a sentence ("Office. The"). */
function* segments(text: string): Generator<{ run: string; index: number }> {
  for (const m of text.matchAll(RUN)) {
    let index = m.index;
    let part: string[] = [];
    for (const word of m[0].split(' ')) {
      part.push(word);
      if (/[a-z]{2}\.$/.test(word) && !ABBREVIATIONS.test(word)) {
        yield { run: part.join(' '), index };
        index += part.join(' ').length + 1;
        part = [];
      }
    }
    if (part.length > 0) yield { run: part.join(' '), index };
  }
}

/** How many leading words are never names ("The" of "The Butte County Superior Court"). */
function leadingNotNames(words: string[]): number {
  let cut = 0;
  while (cut < words.length - 1 && NOT_NAMES.has(words[cut]!.toLowerCase())) cut += 1;
  return cut;
}

/** How many leading words are titles or never names: the name starts after the last of them. */
function leadingCut(words: string[]): number {
  let cut = 0;
  for (let i = 0; i < words.length - 1; i += 1) {
    const w = words[i]!.toLowerCase();
    if (PERSON_TITLES.has(w) || NOT_NAMES.has(w)) cut = i + 1;
  }
  // A run made only of titles or never-names is no name at all.
  if (words.every((w) => PERSON_TITLES.has(w.toLowerCase()) || NOT_NAMES.has(w.toLowerCase()))) return words.length;
  return cut;
}

const isCredit = (text: string, run: Span) => {
  const open = text.lastIndexOf('(', run.start);
  const close = text.indexOf(')', run.end);
  const inParens = open !== -1 && text.lastIndexOf(')', run.start) < open && close !== -1 && close - run.end < 60;
  const line = text.slice(text.lastIndexOf('\n', run.start) + 1, run.start);
  const creditAfter = /^\s*(?:[-/]\s*)(?:AP|Reuters|Getty|AFP|Pool)\b/.test(text.slice(run.end, run.end + 15));
  return (inParens && CREDIT_CUES.test(text.slice(open, close))) || creditAfter || /^\s*(?:By|Photo:|Credit:)\s*$/i.test(line);
};

const lower = (w: string) => w.toLowerCase();

/** Whether the words around a run are those of a person's legal role, or of someone speaking. */
function inPersonContext(run: NameRun, text: string): boolean {
  const from = Math.max(text.lastIndexOf('. ', run.start), text.lastIndexOf('\n', run.start), 0);
  const to = text.indexOf('. ', run.end);
  const pre = text.slice(from, run.start);
  const post = text.slice(run.end, to === -1 ? undefined : to);
  return /^,?(?: \d{1,3},)? (?:said|says|told|testified|denied|admitted)\b/.test(post) || ROLE_RULES.some((rule) => (rule.pre?.test(pre) ?? false) || (rule.post?.test(post) ?? false));
}
const slug = (name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'unnamed';

export interface NamedThings {
  entities: FoundEntity[];
  /** Each mention of an entity: its key and span, in text order. */
  mentions: { key: string; run: NameRun }[];
  notes: string[];
}

/** What kind of thing a run names, or null when it names nothing the draft keeps. */
function kindOf(run: NameRun, text: string, tags: TagIndex): EntityKind | 'maybe-person' | null {
  const words = run.words.map(lower);
  const head = words.at(-1)!;
  if (COURT_HEADS.has(head)) return 'Court';
  if (ORG_HEADS.has(head) && (words.length > 1 || ['congress', 'senate'].includes(head))) return 'Organization';
  if (run.words.length === 1 && /^[A-Z]{2,5}$/.test(run.words[0]!)) {
    const lineStart = text.lastIndexOf('\n', run.start) + 1;
    return text.slice(lineStart, run.start).trim() === '' && run.start - lineStart < 2 ? null : 'Organization';
  }
  if (PLACE_HEADS.has(head) && words.length > 1) return 'Place';
  if (run.words.every((w) => /^[A-Z]{3,}$/.test(w))) return null;
  const wordTags = wordTagsOf(run, tags);
  const personTagged = wordTags.some((t) => t.has('Person') || t.has('FirstName') || t.has('LastName') || t.has('Honorific'));
  const placeTagged = wordTags.length > 0 && wordTags.every((t) => t.has('Place') || t.has('Country') || t.has('City') || t.has('Region'));
  const personCue = isPersonCue(run, text);
  if (placeTagged && !personCue) return 'Place';
  if (personTagged || personCue) return 'Person';
  const plainNoun = wordTags.every((t) => (t.has('ProperNoun') || t.has('Noun')) && !t.has('Adjective') && !t.has('Verb') && !t.has('Plural') && !t.has('Date') && !t.has('Month') && !t.has('Value'));
  if (run.words.length >= 2 && run.words.length <= 4 && plainNoun && !words.some((w) => NOT_NAMES.has(w))) return 'maybe-person';
  return null;
}

function wordTagsOf(run: NameRun, tags: TagIndex): Set<string>[] {
  const out: Set<string>[] = [];
  let at = run.start;
  for (const w of run.words) {
    out.push(tags.get(at) ?? new Set());
    at += w.length + 1;
  }
  return out;
}

/** Words around a run that say it is a person: a title, an occupation, an age, a relative. */
function isPersonCue(run: NameRun, text: string): boolean {
  const titled = run.title.split(' ').some((w) => PERSON_TITLES.has(lower(w)) && !['former', 'federal', 'state', 'county', 'district', 'superior', 'circuit', 'u.s.', 'us'].includes(lower(w)));
  const after = text.slice(run.end, run.end + 12);
  return titled || OCCUPATION_CUES.test(run.before) || /^['’]?s?,? (?:\d{1,3}),/.test(after) || new RegExp(`${RELATIVES.source},?\\s*$`, 'i').test(run.before);
}

/**
 * People, organisations, courts and places named in the text. A person needs a sign (compromise
 * tags a word as a name, or a title, occupation, age or relative goes with it); a run of proper
 * nouns with no sign is kept as a person only when the text later calls them by a part of it.
 * Photo credits and bylines are left out and noted.
 */
export function findNames(text: string, tags: TagIndex = tagWords(text)): NamedThings {
  const runs = nameRuns(text);
  const entities = new Map<string, FoundEntity>();
  const mentions: { key: string; run: NameRun }[] = [];
  const notes: string[] = [];
  const pending: NameRun[] = [];
  const shortRuns: NameRun[] = [];
  for (const run of runs) {
    if (isCredit(text, run)) {
      notes.push(`left out "${run.quote}" at ${run.start}: a photo credit or byline, not a party`);
      continue;
    }
    const kind = kindOf(run, text, tags);
    if (!kind) continue;
    if (kind === 'Person' && run.words.length === 1) shortRuns.push(run);
    else if (kind === 'maybe-person') pending.push(run);
    else add(entities, mentions, kind, run, text);
  }
  // Proper nouns with no sign count as a person when a part of them names a person later ("Halyna Hutchins" ... "Hutchins").
  // So do proper nouns in a legal role's words ("… was convicted", "defrauding …", "… testified").
  for (const run of pending) {
    const partsUsed = runs.some((r) => r !== run && r.words.length === 1 && run.words.includes(r.words[0]!) && (r.title || isPersonCue(r, text) || /^['’]?s?,? (?:\d{1,3}),|^ (?:said|says|told|testified|pleaded|was|is|had|has)\b/.test(text.slice(r.end, r.end + 14))));
    if (partsUsed || inPersonContext(run, text)) add(entities, mentions, 'Person', run, text);
  }
  for (const run of runs.filter((r) => r.words.length === 1)) linkShort(entities, mentions, run, text, shortRuns.includes(run));
  findWorks(text, entities, mentions);
  mentions.sort((a, b) => a.run.start - b.run.start);
  return { entities: [...entities.values()], mentions, notes };
}

function add(entities: Map<string, FoundEntity>, mentions: NamedThings['mentions'], kind: EntityKind, run: NameRun, text: string): void {
  const name = run.words.join(' ');
  const existing = [...entities.values()].find((e) => e.kind === kind && (e.name === name || e.aliases.includes(name)));
  let entity = existing ?? [...entities.values()].find((e) => kind === 'Person' && e.kind === 'Person' && (sameSurnameLonger(e.name, name) || endsWith(e.name, name)));
  if (!entity) {
    let key = slug(name);
    while (entities.has(key)) key += '-2';
    entity = { key, kind, name, aliases: [], mentions: [] };
    entities.set(key, entity);
  }
  if (entity.name !== name && !entity.aliases.includes(name)) entity.aliases.push(name);
  if (run.title && kind === 'Person') {
    const titled = `${run.title} ${name}`.replace(/^(?:the|a|an|in|on|after|and)\s+/i, '');
    if (!entity.aliases.includes(titled)) entity.aliases.push(titled);
  }
  entity.mentions.push(spanOf(text, run.start, run.end));
  const age = /^['’]?s?,? (\d{1,3}),/.exec(text.slice(run.end, run.end + 8))?.[1];
  if (kind === 'Person' && age && entity.age === undefined && Number(age) <= 120) entity.age = Number(age);
  const occupation = OCCUPATION_CUES.exec(run.before)?.[1] ?? (/\b(judge|district attorney|prosecutor|lawyer|attorney)\b/i.exec(run.title)?.[1]);
  if (kind === 'Person' && occupation && !entity.occupation) entity.occupation = occupation.toLowerCase();
  mentions.push({ key: entity.key, run });
}

/** "Ellen Huvelle" and "Ellen Segal Huvelle" are one person: same first and last word. */
function sameSurnameLonger(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  return x.length >= 2 && y.length >= 2 && x[0] === y[0] && x.at(-1) === y.at(-1);
}

/** "Marlowe Sommer" is the end of "Mary Marlowe Sommer". */
const endsWith = (long: string, short: string) => short.includes(' ') && long.endsWith(` ${short}`);

/** A one-word mention: a person already named whose name has this word, or (with a sign) a new person. */
function linkShort(entities: Map<string, FoundEntity>, mentions: NamedThings['mentions'], run: NameRun, text: string, personSign: boolean): void {
  const word = run.words[0]!;
  const people = [...entities.values()].filter((e) => e.kind === 'Person' && e.name.split(' ').length > 1);
  const bySurname = people.filter((e) => e.name.split(' ').at(-1) === word || e.name.split(' ').slice(1).includes(word));
  const match = bySurname.length === 1 ? bySurname[0] : bySurname.length === 0 ? undefined : bySurname.find((e) => e.name.split(' ').at(-1) === word);
  if (match && bySurname.length >= 1) {
    if (match.mentions.some((m) => m.start === run.start)) return;
    if (!match.aliases.includes(word)) match.aliases.push(word);
    match.mentions.push(spanOf(text, run.start, run.end));
    mentions.push({ key: match.key, run });
    return;
  }
  // A single name with a relative before it ("his son, Cooper") is a person of its own.
  if (personSign && new RegExp(`${RELATIVES.source},?\\s*$`, 'i').test(run.before)) add(entities, mentions, 'Person', run, text);
}

const WORK = /\b(?:film|movie|movies|series|show|book|documentary|album|novel|play)\s+(?:like\s+|called\s+|titled\s+)?(?:“([^”]{2,80})”|"([^"]{2,80})"|((?:[A-Z][\p{L}'’-]*)(?: [A-Z][\p{L}'’-]*){0,4}))/gu;

/** Works: a title in quotation marks, or capitalised words, after "film", "series", "book"… */
function findWorks(text: string, entities: Map<string, FoundEntity>, mentions: NamedThings['mentions']): void {
  for (const m of text.matchAll(WORK)) {
    const raw = (m[1] ?? m[2] ?? m[3])!;
    const name = raw.replace(/[\s,.;:]+$/, '');
    const start = m.index + m[0].lastIndexOf(raw);
    if (name.length < 2) continue;
    const run: NameRun = { quote: name, start, end: start + name.length, title: '', before: '', words: name.split(' ') };
    add(entities, mentions, 'Work', run, text);
  }
}
