import { checkDate } from '../../model/time.js';
import {
  emptyFindings, OUTCOME_KINDS, RELATION_TYPES, ROLE_NAMES, type EntityKind, type Findings, type FoundEntity, type OutcomeKind, type RelationType, type RoleName, type Span,
} from '../findings.js';
import { slug } from '../build/ids.js';

/** Thrown when the model's answer cannot be read; says what was wrong with it. */
export class LlmAnswerError extends Error {}

/** The JSON object in a chat answer (a ```json fence around it is allowed). */
export function parseAnswer(content: unknown): Record<string, unknown> {
  if (typeof content !== 'string' || !content.trim()) throw new LlmAnswerError('the model gave no answer text');
  const body = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new LlmAnswerError(`the model's answer is not JSON (${(error as Error).message}): "${body.slice(0, 80)}${body.length > 80 ? '…' : ''}"`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new LlmAnswerError('the model\'s answer is not a JSON object');
  return data as Record<string, unknown>;
}

const list = (data: Record<string, unknown>, key: string): Record<string, unknown>[] =>
  Array.isArray(data[key]) ? (data[key] as unknown[]).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The model's answer as findings. Each quote is looked up in the text; one that is not there
 * keeps offsets -1, so verification drops it and reports it. Names are matched to the people
 * and things the answer lists; an item naming someone it does not list is dropped with a note.
 */
export function answerToFindings(text: string, data: Record<string, unknown>): Findings {
  const findings = emptyFindings();
  const locate = (quote: string | undefined): Span => {
    const q = quote ?? '';
    const at = q ? text.indexOf(q) : -1;
    return { quote: q, start: at, end: at === -1 ? -1 : at + q.length };
  };
  const byName = new Map<string, FoundEntity>();
  const groups: [string, EntityKind][] = [['people', 'Person'], ['organisations', 'Organization'], ['organizations', 'Organization'], ['courts', 'Court'], ['places', 'Place'], ['works', 'Work']];
  for (const [key, kind] of groups) {
    for (const item of list(data, key)) {
      const name = str(item.name);
      if (!name) continue;
      const aliases = Array.isArray(item.aliases) ? item.aliases.map(str).filter((a): a is string => Boolean(a)) : [];
      const mentions = [name, ...aliases].flatMap((n) => occurrences(text, n)).slice(0, 3);
      const entity: FoundEntity = { key: slug(name), kind, name, aliases, mentions: mentions.length > 0 ? mentions : [locate(str(item.quote))] };
      byName.set(name, entity);
      for (const a of aliases) byName.set(a, entity);
      findings.entities.push(entity);
    }
  }
  const who = (name: unknown, what: string): string | undefined => {
    const n = str(name);
    if (!n) return undefined;
    const e = byName.get(n);
    if (!e) findings.notes.push(`${what} names "${n}", whom the answer does not list: left out`);
    return e?.key;
  };
  for (const r of list(data, 'roles')) {
    const role = str(r.role)?.toLowerCase().replace(/[\s-]+/g, '_').replace('defense', 'defence') as RoleName | undefined;
    const key = who(r.person, `the role ${role}`);
    if (!role || !ROLE_NAMES.includes(role)) findings.notes.push(`a role "${String(r.role)}" the format's common roles do not have: left out`);
    else if (key) findings.roles.push({ who: key, role, span: locate(str(r.quote)) });
  }
  for (const c of list(data, 'charges')) {
    const key = who(c.defendant, 'a charge');
    const offence = str(c.offence);
    if (key && offence) findings.charges.push({ defendant: key, offence: offence.toLowerCase(), span: locate(str(c.quote)), ...(str(c.maximumPenalty) ? { maximumPenalty: str(c.maximumPenalty) } : {}) });
  }
  for (const o of list(data, 'outcomes')) {
    const kind = str(o.kind)?.toLowerCase() as OutcomeKind | undefined;
    if (!kind || !OUTCOME_KINDS.includes(kind)) continue;
    findings.outcomes.push({ kind, span: locate(str(o.quote)), defendant: who(o.defendant, 'an outcome'), judge: who(o.judge, 'an outcome'), ...(str(o.sentence) ? { sentence: str(o.sentence) } : {}) });
  }
  for (const e of list(data, 'events')) {
    const date = str(e.date);
    const dateText = str(e.dateText) ?? date;
    if (!dateText) continue;
    const good = date && checkDate(date) === null ? date : undefined;
    findings.events.push({ name: str(e.name) ?? 'Event', eventType: str(e.type) ?? 'event', span: locate(str(e.quote)), time: { text: dateText, ...(good ? { date: good } : {}), ...(good && !text.includes(good.slice(0, 4)) ? { approximate: true, note: 'the model gave a year the article does not write' } : {}) } });
  }
  for (const r of list(data, 'relations')) {
    const type = str(r.type)?.toUpperCase() as RelationType | undefined;
    const from = who(r.from, `a relation ${type}`);
    const to = who(r.to, `a relation ${type}`);
    if (type && RELATION_TYPES.includes(type) && from && to) findings.relations.push({ type, from, to, span: locate(str(r.quote)) });
  }
  const caseType = str(data.caseType);
  if (caseType === 'criminal' || caseType === 'civil') {
    const word = caseType === 'criminal' ? /\b(?:charged|convicted|prosecutors?|prison|guilty|criminal)\b/i.exec(text) : /\b(?:lawsuit|sued|civil|plaintiffs?)\b/i.exec(text);
    if (word) findings.caseType = { value: caseType, span: { quote: word[0], start: word.index, end: word.index + word[0].length } };
  }
  return findings;
}

function occurrences(text: string, name: string): Span[] {
  const out: Span[] = [];
  if (name.length < 2) return out;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) out.push({ quote: name, start: at, end: at + name.length });
  return out;
}
