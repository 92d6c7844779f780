import * as chrono from 'chrono-node';
import type { FoundEvent, FoundTime, Span } from '../findings.js';
import { sentenceAt, type Sentence } from './sentences.js';

export interface FoundDate {
  span: Span;
  time: FoundTime;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number) => String(n).padStart(2, '0');
const FUTURE = /\b(?:will|scheduled|set (?:a|for)|sets?|plans?|when (?:he|she|they)['’]?(?:s| is| are) sentenced|upcoming|next)\b/i;
const RELATIVE = /\b(?:(?:nearly|about|almost|more than|some|roughly|just over|just under) )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|few) (?:years?|months?|weeks?|days?) (?:after|later|before|earlier|ago|since)\b/gi;

/**
 * Dates with their offsets: chrono-node reads them, and each keeps only what the text says. A
 * part the text leaves out (the year of "October 21", the date of "On Friday") is taken from the
 * article's own date when it has one, and the time is then marked approximate with the reason.
 */
export function findDates(text: string, published?: string): FoundDate[] {
  const ref = published ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const found: FoundDate[] = [];
  const relative = [...text.matchAll(RELATIVE)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const result of chrono.casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    if (relative.some(([s, e]) => result.index >= s && result.index < e)) continue;
    const words = result.text.replace(/[\s,.]+$/, '');
    const start = result.index;
    const before = text.slice(Math.max(0, start - 30), start);
    // "The Hunt for Red October": a month inside a title or a name is no date.
    if (/[\p{Lu}][\p{L}]+ $/u.test(before) && !/\b(?:On|In|Since|By|Until|From|Last|Next|This|Before|After|Through)\s$/.test(before)) continue;
    if (/[“"][^”"]*$/.test(text.slice(Math.max(0, start - 40), start)) && /^[^“”"]*[”"]/.test(text.slice(start, start + 60))) continue;
    if (!published && /\b(?:this|last|next) (?:year|month|week)\b|\b(?:today|yesterday|tomorrow|tonight)\b/i.test(words)) continue;
    const time = toTime(result.start, words, published, yearBefore(text, start) ?? published, FUTURE.test(sentenceText(text, start)));
    if (time) found.push({ span: { quote: words, start, end: start + words.length }, time });
  }
  for (const m of text.matchAll(RELATIVE)) {
    if (found.some((f) => f.span.start <= m.index && f.span.end >= m.index)) continue;
    found.push({ span: { quote: m[0], start: m.index, end: m.index + m[0].length }, time: { text: m[0], approximate: true, note: 'a time relative to another event; the draft does not compute it' } });
  }
  for (const m of text.matchAll(/\b(?:in|since|of|until|from|by|the) ((?:19|20)\d{2})\b(?![,.]?\d)/g)) {
    const start = m.index + m[0].length - 4;
    if (found.some((f) => f.span.start <= start && f.span.end >= start + 4)) continue;
    found.push({ span: { quote: m[1]!, start, end: start + 4 }, time: { text: m[1]!, date: m[1]! } });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The year a month and day without one most likely belong to: the last year the text gives in
 * the 300 characters before it ("the 2021 incident … on October 21"), as a date for yearFor.
 */
function yearBefore(text: string, at: number): string | undefined {
  const years = [...text.slice(Math.max(0, at - 300), at).matchAll(/\b(?:19|20)\d{2}\b/g)];
  const year = years.at(-1)?.[0];
  return year ? `${year}-12-31` : undefined;
}

function sentenceText(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at), 0);
  const end = text.indexOf('.', at);
  return text.slice(start, end === -1 ? undefined : end);
}

function toTime(c: chrono.ParsedComponents, words: string, published: string | undefined, yearHint: string | undefined, future: boolean): FoundTime | null {
  const has = (part: 'year' | 'month' | 'day' | 'weekday') => c.isCertain(part);
  const weekday = has('weekday') ? WEEKDAYS[c.get('weekday') ?? 0] : undefined;
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (has('year') && has('month') && has('day')) return { text: words, date: `${y}-${pad(m!)}-${pad(d!)}`, ...(weekday ? { weekday } : {}) };
  if (has('year') && has('month')) return { text: words, date: `${y}-${pad(m!)}` };
  if (has('month') && has('day')) {
    if (!yearHint) return { text: words, month: m! };
    const year = yearFor(m!, d!, yearHint, future);
    return { text: words, date: `${year}-${pad(m!)}-${pad(d!)}`, approximate: true, note: yearNote(yearHint) };
  }
  if (has('month')) {
    if (!yearHint) return { text: words, month: m! };
    const year = yearFor(m!, 1, yearHint, future);
    return { text: words, date: `${year}-${pad(m!)}`, approximate: true, note: yearNote(yearHint) };
  }
  if (has('year') && !has('day')) return { text: words, date: String(y) };
  if (weekday) {
    if (!published) return { text: words, weekday };
    const date = weekdayNear(published, c.get('weekday') ?? 0, future);
    return { text: words, date, weekday, approximate: true, note: `only the weekday is in the text; the ${future ? 'next' : 'last'} ${weekday} ${future ? 'after' : 'on or before'} the article's date (${published})` };
  }
  if (/\b(?:today|yesterday|this (?:morning|afternoon|evening)|tonight|last night)\b/i.test(words) && published && published.length === 10) {
    const back = /yesterday|last night/i.test(words) ? 1 : 0;
    const at = new Date(`${published}T12:00:00Z`);
    at.setUTCDate(at.getUTCDate() - back);
    return { text: words, date: at.toISOString().slice(0, 10), approximate: true, note: `"${words}" taken against the article's date (${published})` };
  }
  return null;
}

const yearNote = (ref: string) => ref.endsWith('-12-31')
  ? `the year is not in the text; taken from the year the text gives just before it (${ref.slice(0, 4)})`
  : `the year is not in the text; taken from the article's date (${ref})`;

/** The year of a month and day the text gives without one: the article's, or the one before when that would be after it (the one after, for what is to come). */
function yearFor(month: number, day: number, published: string, future: boolean): number {
  const [py, pm = 12, pd = 31] = published.split('-').map(Number) as [number, number?, number?];
  const after = month > pm || (month === pm && day > pd);
  if (future) return after || month === pm ? py : py + 1;
  return after ? py - 1 : py;
}

function weekdayNear(published: string, weekday: number, future: boolean): string {
  const at = new Date(`${published.slice(0, 10)}T12:00:00Z`);
  for (let i = 0; i < 7; i += 1) {
    if (at.getUTCDay() === weekday && (i > 0 || !future)) break;
    at.setUTCDate(at.getUTCDate() + (future ? 1 : -1));
  }
  return at.toISOString().slice(0, 10);
}

const EVENT_CUES: [RegExp, string][] = [
  [/\bsentencing hearing\b/i, 'sentencing hearing'],
  [/\bsentenced?\b/i, 'sentencing'],
  [/\b(?:convicted|found (?:\w+ ){0,4}guilty|verdict)\b/i, 'verdict'],
  [/\bacquitt\w*\b/i, 'acquittal'],
  [/\bdismiss\w*\b/i, 'dismissal'],
  [/\bpleaded|pled\b/i, 'plea'],
  [/\b(?:shooting|shot)\b/i, 'shooting'],
  [/\b(?:killed|killing|death|died|murdered)\b/i, 'death'],
  [/\barrest\w*\b/i, 'arrest'],
  [/\b(?:charged|indicted|indictment)\b/i, 'charge'],
  [/\b(?:sued|lawsuit|filed)\b/i, 'lawsuit'],
  [/\bsettle\w*\b/i, 'settlement'],
  [/\bhearing\b/i, 'hearing'],
  [/\btrial\b/i, 'trial'],
  [/\b(?:raid|searched)\b/i, 'raid'],
  [/\b(?:received|delivered)\b/i, 'delivery'],
  [/\b(?:rehearsal|incident|accident|crash|fire|attack)\b/i, 'incident'],
  [/\bappeal\w*\b/i, 'appeal'],
  [/\b(?:concluded|ruled|determined|declared)\b/i, 'ruling'],
  [/\b(?:testified|testimony)\b/i, 'testimony'],
  [/\bapologi[sz]ed\b/i, 'statement'],
];

/** An event for each date in a sentence that says what happened then; dates of nothing are left out. */
export function datedEvents(dates: FoundDate[], sentences: Sentence[]): { events: FoundEvent[]; notes: string[] } {
  const events: FoundEvent[] = [];
  const notes: string[] = [];
  for (const { span, time } of dates) {
    const sentence = sentenceAt(sentences, span.start);
    if (!sentence) continue;
    const cue = nearestCue(sentence, span.start);
    if (!cue) {
      notes.push(`the date "${span.quote}" at ${span.start} is in a sentence that names no event the rules know: left out`);
      continue;
    }
    if (events.some((e) => e.span.start === sentence.start && e.eventType === cue && e.time.text === time.text)) continue;
    events.push({ name: `${cue[0]!.toUpperCase()}${cue.slice(1)} (${time.text})`, eventType: cue, span: { quote: sentence.quote, start: sentence.start, end: sentence.end }, time });
  }
  return { events, notes };
}

/** The event word nearest the date in its sentence, within 90 characters. */
function nearestCue(sentence: Sentence, at: number): string | undefined {
  let best: { cue: string; distance: number } | undefined;
  for (const [words, cue] of EVENT_CUES) {
    for (const m of sentence.quote.matchAll(new RegExp(words.source, 'gi'))) {
      const distance = Math.abs(sentence.start + m.index - at);
      if (distance <= 90 && (!best || distance < best.distance)) best = { cue, distance };
    }
  }
  return best?.cue;
}

/** The article's own date from a dateline near its top ("Published July 12, 2024"), when it has one. */
export function articleDate(text: string): string | undefined {
  const head = text.slice(0, 400);
  const m = /(?:\b(?:published|updated|posted)(?: on)?:?\s*|^\s*)((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})/im.exec(head);
  if (!m) return undefined;
  // A date alone on a line is the article's; a date in a sentence or a caption is not.
  const lineEnd = head.indexOf('\n', m.index + m[0].length);
  if (!/published|updated|posted/i.test(m[0]) && head.slice(m.index + m[0].length, lineEnd === -1 ? undefined : lineEnd).trim() !== '') return undefined;
  const parsed = chrono.casual.parse(m[1]!, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })[0]?.start;
  if (!parsed?.isCertain('year') || !parsed.isCertain('day')) return undefined;
  return `${parsed.get('year')}-${pad(parsed.get('month')!)}-${pad(parsed.get('day')!)}`;
}
