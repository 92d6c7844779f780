import { isDeepStrictEqual } from 'node:util';
import { NODE_KINDS, RESERVED_TYPES, type NodeKind } from '../../model/kinds.js';
import { checkDate } from '../../model/time.js';
import { refId, relationId, roleId, type CaseFile, type Citation } from './case-file.js';
import { parseCaseFile, type FieldPath, type ParsedFile } from './parse.js';
import { quickParse } from './quick-parse.js';
import { pathToString, type Problem } from './problems.js';
import { resolvePointer } from './json-pointer.js';
import { locateQuote, SourceText } from './quotes.js';
import { checkStructure } from './validate-structure.js';
import { BROKEN, indexCaseFile } from './walk.js';

/** What validation needs from outside: document texts and the ids already in the graph. */
export interface ValidationEnv {
  /** Text of a document given by `path`, relative to the case file; throws with a reason. */
  readDocument(relativePath: string): Promise<string>;
  /** Kind and name of those ids that already exist in the graph. */
  lookupIds(ids: string[]): Promise<Map<string, GraphNodeInfo>>;
}

export interface GraphNodeInfo {
  kind: NodeKind;
  name: string;
  /** Cases whose files state or mention it. */
  caseIds?: string[];
  /** For a source document: its text, which other cases' offsets point into. */
  text?: string | null;
}

export interface LocatedCitation {
  documentId: string;
  /** JSON Pointer to the string value of the document the offsets count in; absent for the whole text. */
  pointer?: string;
  quote: string;
  start: number;
  end: number;
}

/** A case file that passed every check, with its documents read and its quotes located. */
export interface ValidCaseFile {
  file: string;
  data: CaseFile;
  texts: Map<string, string>;
  located: Map<Citation, LocatedCitation>;
  /** Ids the file refers to that are defined by other cases already in the graph. */
  external: Map<string, GraphNodeInfo>;
}

export const MAX_CASE_FILE_BYTES = 5 * 1024 * 1024;

/** Validates everything before anything is written, and reports every problem at once. */
export async function validateCaseFile(file: string, text: string, env: ValidationEnv): Promise<{ problems: Problem[]; valid?: ValidCaseFile }> {
  if (Buffer.byteLength(text) > MAX_CASE_FILE_BYTES) {
    return { problems: [{ file, line: 1, column: 1, path: '', message: `the file is larger than ${MAX_CASE_FILE_BYTES / 1024 / 1024} MiB`, hint: 'split it into one file per case, and keep long documents in their own text files' }] };
  }
  // Most files are well formed: read fast, without positions; anything else is read and validated again with them.
  const quick = quickParse(file, text);
  if (quick) {
    const result = await validateParsed(quick, env);
    if (result.valid) return result;
  }
  const { parsed, problems } = parseCaseFile(file, text);
  if (!parsed) return { problems };
  return validateParsed(parsed, env);
}

/**
 * Validates a case file already read, e.g. the one an importer made from a record: positions
 * then come from `position` (the record's), or are left at the top of the file.
 */
export async function validateCaseData(file: string, data: CaseFile, env: ValidationEnv, position: ParsedFile['position'] = () => ({ line: 1, column: 1 })) {
  return validateParsed({ file, data, position }, env);
}

async function validateParsed(parsed: ParsedFile, env: ValidationEnv): Promise<{ problems: Problem[]; valid?: ValidCaseFile }> {
  const structural = checkStructure(parsed);
  if (structural.length === 0) return checkSemantics(parsed, parsed.data as CaseFile, env);
  // Schema problems inside list items: check the meaning of the rest too, so one run reports all.
  const screened = screenBrokenItems(parsed.data, structural);
  if (!screened) return { problems: structural };
  const { problems: semantic } = await checkSemantics(parsed, screened, env);
  const seen = new Set(structural.map((p) => `${p.path}|${p.message}`));
  return { problems: [...structural, ...semantic.filter((p) => !seen.has(`${p.path}|${p.message}`))] };
}

const LIST_SECTIONS = new Set(['entities', 'charges', 'evidence', 'rulings', 'events', 'acts', 'claims', 'roles', 'relations']);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A copy of the file in which list items with schema problems keep only a well-formed id and
 * kind (so references to them are not reported as unknown). Null when a problem lies outside
 * such items (the documents, the case, the file's shape): then only schema problems are reported.
 */
function screenBrokenItems(data: unknown, problems: Problem[]): CaseFile | null {
  const broken = new Map<string, Set<number>>();
  for (const problem of problems) {
    const match = /^([a-z]+)\[(\d+)\]/.exec(problem.path);
    if (!match || !LIST_SECTIONS.has(match[1]!)) return null;
    (broken.get(match[1]!) ?? broken.set(match[1]!, new Set()).get(match[1]!)!).add(Number(match[2]));
  }
  const copy = { ...(data as Record<string, unknown>) };
  for (const [section, indices] of broken) {
    const items = copy[section];
    if (!Array.isArray(items)) return null;
    copy[section] = items.map((item, i) => {
      if (!indices.has(i)) return item;
      const { id, kind } = (typeof item === 'object' && item !== null ? item : {}) as { id?: unknown; kind?: unknown };
      return {
        [BROKEN]: true,
        ...(typeof id === 'string' && SLUG.test(id) ? { id } : {}),
        ...(typeof kind === 'string' && (NODE_KINDS as readonly string[]).includes(kind) ? { kind } : {}),
      };
    });
  }
  return copy as unknown as CaseFile;
}

/** What every section check reads, and where it reports. */
interface Checking {
  parsed: ParsedFile;
  data: CaseFile;
  index: ReturnType<typeof indexCaseFile>;
  report: (at: FieldPath, message: string, hint: string) => void;
}

/** Everything validation checks beyond the schema, section by section, all problems at once. */
async function checkSemantics(parsed: ParsedFile, data: CaseFile, env: ValidationEnv): Promise<{ problems: Problem[]; valid?: ValidCaseFile }> {
  const problems: Problem[] = [];
  const report = (at: FieldPath, message: string, hint: string) => {
    const pos = parsed.position(at);
    problems.push({ file: parsed.file, line: pos.line, column: pos.column, path: pathToString(at), message, hint });
  };
  const c: Checking = { parsed, data, index: indexCaseFile(data), report };
  const texts = await readTexts(c, env);
  const defined = checkIds(c);
  const external = await checkAgainstGraph(c, env, defined, texts);
  checkLocalRules(c);
  checkTimes(c);
  const located = locateCitations(c, texts);
  if (problems.length > 0) return { problems };
  return { problems, valid: { file: parsed.file, data, texts, located, external } };
}

/** Each document's text, from the file or read beside it. */
async function readTexts({ data, report }: Checking, env: ValidationEnv): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const [i, doc] of data.documents.entries()) {
    if ((doc.path === undefined) === (doc.text === undefined)) {
      report(['documents', i], 'a document needs either path or text, not both or neither', 'give path: <file beside the case file> or text: <the document text>');
      continue;
    }
    try {
      texts.set(doc.id, doc.text ?? (await env.readDocument(doc.path!)));
    } catch (error) {
      report(['documents', i, 'path'], `cannot read "${doc.path}": ${(error as Error).message}`, 'give a path relative to the case file, to a UTF-8 text file in its folder (or a folder below it)');
    }
  }

  return texts;
}

/** Every id defined once. */
function checkIds({ parsed, index, report }: Checking): Map<string, { kind: NodeKind; at: FieldPath }> {
  const defined = new Map<string, { kind: NodeKind; at: FieldPath }>();
  for (const node of index.nodes) {
    const first = defined.get(node.id);
    if (first) {
      report(node.at, `duplicate id "${node.id}"`, `it is already used at ${pathToString(first.at)} (line ${parsed.position(first.at).line}); give each entity and fact its own id`);
    } else {
      defined.set(node.id, { kind: node.kind, at: node.at });
    }
  }
  for (const item of index.misplaced) {
    report(item.at, `field "${item.field}" does not apply to kind ${item.kind}`, 'remove it, or check the kind (see docs/case-file-format.md for the fields of each kind)');
  }

  return defined;
}

/**
 * Whether two answers of `lookupIds` to the same question are the same to validation and
 * planning, which read of each id found its kind, name and text, and its cases only for a
 * source document (whose text other cases' quotes point into). Keep in step with
 * `checkAgainstGraph` and `planCaseFile`'s use of `external`.
 */
export function sameAnswers(a: ReadonlyMap<string, GraphNodeInfo>, b: ReadonlyMap<string, GraphNodeInfo>): boolean {
  if (a.size !== b.size) return false;
  const bs = [...b];
  return [...a].every(([id, x], i) => {
    const [otherId, y] = bs[i]!;
    if (id !== otherId || x.kind !== y.kind || x.name !== y.name || (x.text ?? null) !== (y.text ?? null)) return false;
    return x.kind !== 'SourceDocument' || isDeepStrictEqual(x.caseIds ?? [], y.caseIds ?? []);
  });
}

/** Ids against what the graph already holds: kinds, documents' texts, sameAs and references. */
async function checkAgainstGraph(
  { data, index, report }: Checking,
  env: ValidationEnv,
  defined: Map<string, { kind: NodeKind; at: FieldPath }>,
  texts: Map<string, string>,
): Promise<Map<string, GraphNodeInfo>> {
  const inGraph = await env.lookupIds([...new Set([...defined.keys(), ...index.refs.map((r) => r.id), ...index.sameAs.map((r) => r.id)])]);
  for (const [id, site] of defined) {
    const existing = inGraph.get(id);
    if (existing && existing.kind !== site.kind) {
      report(site.at, `id "${id}" is already ${a(existing.kind)} in the graph ("${existing.name}"), not ${a(site.kind)}`, 'use another id for this one, or the same kind to mean the same thing');
    }
  }
  // Another case's quotes point into a document's text: it cannot change under them.
  for (const [i, doc] of data.documents.entries()) {
    const existing = inGraph.get(doc.id);
    const text = texts.get(doc.id);
    const others = (existing?.caseIds ?? []).filter((c) => c !== data.case.id);
    if (existing?.kind === 'SourceDocument' && text !== undefined && existing.text !== text && others.length > 0) {
      report(['documents', i, 'id'], `document "${doc.id}" is already in the graph with another text, cited by ${others.join(', ')}`,
        'give this document an id of its own, or use exactly the same text');
    }
  }
  for (const alias of index.sameAs) {
    const target = inGraph.get(alias.id);
    if (defined.has(alias.id)) {
      report(alias.at, `sameAs "${alias.id}" names an entity of this same file`, 'within one file, use one id for one entity; sameAs is for entities of other cases already in the graph');
    } else if (!target) {
      report(alias.at, `sameAs "${alias.id}" is not in the graph`, 'load the case that defines it first, or remove sameAs to make a new entity');
    } else if (target.kind !== alias.targetKind) {
      report(alias.at, `sameAs "${alias.id}" is ${a(target.kind)}, not ${a(alias.targetKind!)}`, 'sameAs must name an entity of the same kind');
    }
  }
  const external = new Map([...inGraph].filter(([id]) => !defined.has(id)));
  for (const ref of index.refs) {
    const kind = defined.get(ref.id)?.kind ?? external.get(ref.id)?.kind;
    if (kind === undefined) {
      const near = closest(ref.id, [...defined.keys()]);
      report(ref.at, `unknown id "${ref.id}"`, `define it in this file or load the case that defines it first${near ? `; did you mean "${near}"?` : ''}`);
    } else if (ref.targetKind && kind !== ref.targetKind) {
      report(ref.at, `"${ref.id}" is ${a(kind)}, but this field needs ${a(ref.targetKind)}`, `refer to ${a(ref.targetKind)} here`);
    }
  }
  return external;
}

/** The id of the element a reference is a field of (`case`, or an item of a section), if it has one. */
function ownerId(data: CaseFile, at: FieldPath): string | undefined {
  const [section, index] = at;
  const owner = section === 'case' ? data.case : typeof index === 'number' ? (data as unknown as Record<string, unknown[]>)[section as string]?.[index] : undefined;
  const id = (owner as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * No element refers to itself (an event caused by itself, a claim disputing or about itself, a
 * case heard in itself): such a relationship states nothing, and a node's relationships to
 * itself are what reads around hubs never look up (graph/translate/neighborhood.ts).
 */
function checkSelfReferences(data: CaseFile, index: ReturnType<typeof indexCaseFile>, report: (at: FieldPath, message: string, hint: string) => void): void {
  const sites = new Map<string, number>();
  for (const node of index.nodes) sites.set(node.id, (sites.get(node.id) ?? 0) + 1);
  for (const ref of index.refs) {
    if (ref.at[2] === 'partOf') continue; // checkPartOfCycles says it, with the loop
    if (sites.get(ref.id) !== 1) continue; // an id defined twice is reported as such
    if (ownerId(data, ref.at) === ref.id) report(ref.at, `"${ref.id}" refers to itself`, 'an element cannot refer to itself; name another id here or remove the field');
  }
}

/** Rules within the file: relations, roles, local ids, cycles, version, repeats, inferences. */
function checkLocalRules({ data, index, report }: Checking): void {
  (data.relations ?? []).forEach((relation, i) => {
    if (BROKEN in relation) return;
    if (RESERVED_TYPES.has(relation.type)) report(['relations', i, 'type'], `relation type ${relation.type} is reserved`, 'use the dedicated field or section for it (see docs/case-file-format.md), or another type');
    if (relation.from === relation.to) report(['relations', i], 'a relation cannot go from an entity to itself', 'check from and to');
  });
  (data.roles ?? []).forEach((role, i) => {
    if (BROKEN in role) return;
    if (role.who === role.in) report(['roles', i], 'a role cannot be held in itself', 'set in: to the case, work or organisation');
  });
  checkLocalIds(data, report);
  checkSelfReferences(data, index, report);
  checkPartOfCycles(data, report);
  if (data.formatVersion === 1) {
    for (const { field, at } of index.newerFields) {
      report(at, `${field} needs formatVersion: 2`, 'write formatVersion: 2 at the top of the file; version 2 reads every version 1 file the same way (docs/case-file-format.md, Versions)');
    }
  }
  for (const { id, at } of index.repeated) report(at, `"${id}" is named twice in this list`, 'name each id once; give one entry all the sources of both');
  for (const { of, at } of index.inferences) {
    if (of.reason !== undefined && of.inferred !== true) report([...at, 'reason'], 'a reason is given, but inferred is not true', 'add inferred: true if the sources only imply this, or remove reason');
    if (of.inferred === true && of.reason === undefined) report([...at, 'inferred'], 'inferred: true needs a reason', 'add reason: why this is taken to hold although no source states it');
  }

}

/** Times and dates that are real. */
function checkTimes({ index, report }: Checking): void {
  for (const { time, at } of index.times) {
    if (time.date !== undefined) {
      const wrong = checkDate(time.date);
      if (wrong) report([...at, 'date'], wrong, 'give a real calendar date');
      if (time.month !== undefined) report([...at, 'month'], 'give month only when the year is unknown', 'put the month in date (YYYY-MM) instead');
    }
    if (Object.keys(time).length === 0) report(at, 'an empty time says nothing', 'give text, date, month or weekday, or remove the field');
  }
  for (const { date, at } of index.dates) {
    const wrong = checkDate(date);
    if (wrong) report(at, wrong, 'give a real calendar date');
  }

}

/** Every quote found in its document (or string of a JSON document), with its offsets. */
function locateCitations({ data, index, report }: Checking, texts: Map<string, string>): Map<Citation, LocatedCitation> {
  const located = new Map<Citation, LocatedCitation>();
  const pointerSources = new JsonDocuments();
  const sources = new Map([...texts].map(([id, t]) => [id, new SourceText(t)]));
  const defaultDocument = data.documents[0]?.id;
  for (const { citation, at } of index.citations) {
    const documentId = citation.document ?? defaultDocument!;
    const source = sources.get(documentId);
    if (!source) {
      if (!data.documents.some((d) => d.id === documentId)) report([...at, 'document'], `unknown document "${documentId}"`, `use one of: ${data.documents.map((d) => d.id).join(', ')}`);
      continue;
    }
    if (citation.pointer !== undefined) {
      const value = pointerSources.in(documentId, texts.get(documentId)!, citation.pointer);
      if (typeof value === 'string') {
        if (value.length === 0) {
          report([...at, 'pointer'], `the string at ${citation.pointer} is empty`, 'cite a string that holds the words');
          continue;
        }
        const quote = citation.quote ?? value;
        const check = locateQuote(new SourceText(value), quote, citation.start, citation.end);
        if (check.ok) located.set(citation, { documentId, pointer: citation.pointer, quote, start: check.start, end: check.end });
        else report([...at, 'quote'], `${check.message} at ${citation.pointer}`.replace('in the document at', 'in the string at'), check.hint);
      } else {
        report([...at, 'pointer'], value.problem, 'give the JSON Pointer (RFC 6901) of a string value of the document, e.g. /parties/0/name');
      }
      continue;
    }
    if (citation.quote === undefined) {
      report(at, 'missing required field "quote"', 'add quote: the exact words of the source');
      continue;
    }
    if (Array.from(citation.quote).length < 3) {
      report([...at, 'quote'], `the quote "${citation.quote}" is shorter than 3 characters`, 'quote a longer passage, so that it identifies the place');
      continue;
    }
    const check = locateQuote(source, citation.quote, citation.start, citation.end);
    if (check.ok) located.set(citation, { documentId, quote: citation.quote, start: check.start, end: check.end });
    else report([...at, 'quote'], check.message, check.hint);
  }

  return located;
}

/** Documents read as JSON, once each, for citations that give a pointer. */
class JsonDocuments {
  private readonly parsed = new Map<string, { data?: unknown; error?: string }>();

  /** The string at `pointer`, or why there is none. */
  in(documentId: string, text: string, pointer: string): string | { problem: string } {
    let doc = this.parsed.get(documentId);
    if (!doc) {
      try {
        doc = { data: JSON.parse(text) };
      } catch {
        doc = { error: `document "${documentId}" is not JSON, so a pointer cannot name a place in it` };
      }
      this.parsed.set(documentId, doc);
    }
    if (doc.error) return { problem: doc.error };
    let value: unknown;
    try {
      value = resolvePointer(doc.data, pointer);
    } catch (error) {
      return { problem: `"${pointer}" is not a JSON Pointer: ${(error as Error).message}` };
    }
    if (value === undefined) return { problem: `nothing is at ${pointer} in document "${documentId}"` };
    // A number is cited as JSON writes it (an entry number of 4 is the text "4").
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') return { problem: `the value at ${pointer} is not a string` };
    return value;
  }
}

/** "a Person", "an Event". */
const a = (word: string) => `${/^[AEIOU]/i.test(word) ? 'an' : 'a'} ${word}`;

/**
 * Role and relation ids must be unique among themselves, including the ids derived for those
 * written without one: two identical roles would silently become one relationship.
 */
function checkLocalIds(data: CaseFile, report: (at: FieldPath, message: string, hint: string) => void): void {
  const seen = new Map<string, string>();
  const check = (section: 'roles' | 'relations', i: number, id: string, given: boolean) => {
    const first = seen.get(`${section}|${id}`);
    if (!first) return void seen.set(`${section}|${id}`, `${section}[${i}]`);
    report(given ? [section, i, 'id'] : [section, i], given ? `duplicate id "${id}"` : `duplicate id "${id}" (derived, as no id is given): this ${section === 'roles' ? 'role' : 'relation'} repeats ${first}`,
      given ? `it is already used at ${first}` : `it is the same as ${first}: remove the repetition, or give each its own id`);
  };
  (data.roles ?? []).forEach((role, i) => !(BROKEN in role) && check('roles', i, roleId(role), role.id !== undefined));
  (data.relations ?? []).forEach((relation, i) => !(BROKEN in relation) && check('relations', i, relationId(relation), relation.id !== undefined));
}

/**
 * An event cannot be part of itself, directly (`partOf` its own id) or through others (a part
 * of b, b part of a): timelines and the PART_OF hierarchy would loop. Each cycle is reported
 * once, at the `partOf` of its first event in the file, with the whole loop named.
 */
function checkPartOfCycles(data: CaseFile, report: (at: FieldPath, message: string, hint: string) => void): void {
  const events = (data.events ?? []).map((event, i) => ({ event, i })).filter(({ event }) => !(BROKEN in event));
  const parentOf = new Map<string, string>();
  const indexOf = new Map<string, number>();
  for (const { event, i } of events) {
    const parent = (event as { partOf?: { id?: unknown } }).partOf?.id;
    if (typeof event.id === 'string' && typeof parent === 'string') parentOf.set(event.id, parent);
    if (typeof event.id === 'string' && !indexOf.has(event.id)) indexOf.set(event.id, i);
  }
  const reported = new Set<string>();
  for (const [start] of parentOf) {
    const loop = [start];
    for (let next = parentOf.get(start); next !== undefined && loop.length <= parentOf.size; next = parentOf.get(next)) {
      if (next === start) {
        if (loop.some((id) => reported.has(id))) break;
        loop.forEach((id) => reported.add(id));
        const message = loop.length === 1 ? `event "${start}" is partOf itself` : `partOf makes a loop: ${[...loop, start].map((id) => `"${id}"`).join(' → ')}`;
        report(['events', indexOf.get(start)!, 'partOf', 'id'], message, 'an event cannot be part of itself, directly or through others; remove or change one of these partOf');
        break;
      }
      if (loop.includes(next)) break;
      loop.push(next);
    }
  }
}

/** The nearest id by edit distance, to suggest a fix for a typo. */
function closest(id: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
