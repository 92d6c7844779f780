import { Document, visit } from 'yaml';
import type { CaseFile } from '../ingest/casefile/case-file.js';
import type { Problem } from '../ingest/casefile/problems.js';
import { SourceText } from '../ingest/casefile/quotes.js';
import { validateCaseData, validateCaseFile, type ValidationEnv } from '../ingest/casefile/validate.js';
import { buildCaseFile } from './build/case-file.js';
import { slug } from './build/ids.js';
import type { Article, Extractor, Findings } from './findings.js';
import { readArticle } from './input.js';
import { offlineExtractor } from './offline/extract.js';
import { verifyFindings } from './verify.js';

/** One thing found, as the explorer page highlights it: offsets in code points. */
export interface DraftItem {
  kind: 'person' | 'organization' | 'court' | 'place' | 'work' | 'offence' | 'date';
  label: string;
  start: number;
  end: number;
  inferred: boolean;
  reason?: string;
  /** The entity's id in the draft, for people and things. */
  ref?: string;
}

export interface DraftReport {
  extractor: string;
  /** Items whose quote was not in the text at its offsets, and what went with them. */
  dropped: string[];
  /** What the extractor left out on purpose (photo credits, dates of no event …). */
  notes: string[];
  counts: Record<string, number>;
  /** Why there is no draft, when there is none. */
  refused?: string;
  milliseconds: number;
}

export interface DraftResult {
  caseFile?: CaseFile;
  yaml?: string;
  items: DraftItem[];
  report: DraftReport;
}

export interface DraftOptions {
  extractor?: Extractor;
  title?: string;
  published?: string;
  url?: string;
  /** The name the validation report gives the draft. */
  file?: string;
  /**
   * Which ids the graph already holds (the loader's lookup): the draft then takes no id the
   * graph holds for another kind, and is validated against the graph as importCase will.
   */
  lookupIds?: ValidationEnv['lookupIds'];
}

/** Validation of a draft: its text is inline, and ids are checked within the file only. */
const offlineEnv: ValidationEnv = {
  readDocument: async (p) => {
    throw new Error(`a draft has no document files (${p})`);
  },
  lookupIds: async () => new Map(),
};

/**
 * From an article to a draft case file: read and check the text, extract, verify every quote
 * at its offsets, build the case file and validate it with the loader's own checks, as data
 * and again as the YAML text written. A draft that does not validate is never returned.
 */
export async function draftCase(raw: string | Buffer, options: DraftOptions = {}): Promise<DraftResult> {
  const started = performance.now();
  const extractor = options.extractor ?? offlineExtractor;
  const report: DraftReport = { extractor: extractor.name, dropped: [], notes: [], counts: {}, milliseconds: 0 };
  const done = (result: Omit<DraftResult, 'report'>): DraftResult => ({ ...result, report: { ...report, milliseconds: Math.round(performance.now() - started) } });
  const input = readArticle(raw);
  if (!input.ok) {
    report.refused = input.reason;
    return done({ items: [] });
  }
  if (options.published && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(options.published)) {
    report.refused = `the article's date "${options.published}" is not YYYY, YYYY-MM or YYYY-MM-DD`;
    return done({ items: [] });
  }
  const article: Article = { text: input.text, title: options.title ?? input.title, published: options.published, url: options.url };
  let extracted: Findings;
  try {
    extracted = await extractor.extract(article);
  } catch (error) {
    report.refused = `the ${extractor.name} extractor failed, so there is no draft: ${(error as Error).message}`;
    return done({ items: [] });
  }
  const { findings, dropped } = verifyFindings(article.text, extracted);
  report.dropped = dropped;
  report.notes = findings.notes;
  const env: ValidationEnv = options.lookupIds ? { ...offlineEnv, lookupIds: options.lookupIds } : offlineEnv;
  const built = buildCaseFile(article, findings, await graphKinds(findings, options.lookupIds));
  if ('none' in built) {
    report.refused = built.none;
    return done({ items: [] });
  }
  const file = options.file ?? 'draft.case.yaml';
  const problems = await checkDraft(file, built.caseFile, env);
  if (problems.length > 0) {
    report.refused = `the draft did not pass validation, so none is given: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    return done({ items: [] });
  }
  const yaml = toYaml(built.caseFile, article);
  const again = await validateCaseFile(file, yaml, env);
  if (!again.valid) {
    report.refused = `the draft's YAML did not pass validation: ${again.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    return done({ items: [] });
  }
  report.counts = countsOf(built.caseFile);
  return done({ caseFile: built.caseFile, yaml, items: itemsOf(article.text, findings, built.caseFile) });
}

export async function checkDraft(file: string, caseFile: CaseFile, env: ValidationEnv = offlineEnv): Promise<Problem[]> {
  const checked = await validateCaseData(file, structuredClone(caseFile), env);
  return checked.valid ? [] : checked.problems;
}

export { offlineEnv as draftValidationEnv };

function toYaml(caseFile: CaseFile, article: Article): string {
  const header = [
    '# yaml-language-server: $schema=../schema/case-file.schema.json',
    '#',
    `# DRAFT made by the case drafter from "${(article.title ?? caseFile.documents[0]!.title).replace(/\n/g, ' ')}".`,
    '# Every quote was checked at its offsets; what is guessed says `inferred: true` and why,',
    '# and approximate times say `approximate: true`. Review every item before loading.',
    '',
  ].join('\n');
  const doc = new Document(caseFile);
  // Dates are quoted, as the format asks, so no YAML 1.1 reader takes them for timestamps.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{4}(?:-\d{2}){0,2}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return header + doc.toString({ lineWidth: 0, blockQuote: 'literal' });
}

/** The kinds the graph holds for the ids the draft's entities would take (and their next few suffixes). */
async function graphKinds(findings: Findings, lookupIds?: ValidationEnv['lookupIds']): Promise<Map<string, string>> {
  if (!lookupIds || findings.entities.length === 0) return new Map();
  const candidates = findings.entities.flatMap((e) => [slug(e.name), `${slug(e.name)}-2`, `${slug(e.name)}-3`]);
  const found = await lookupIds([...new Set(candidates)]);
  return new Map([...found].map(([id, info]) => [id, info.kind]));
}

function countsOf(caseFile: CaseFile): Record<string, number> {
  const people = caseFile.entities?.filter((e) => e.kind === 'Person').length ?? 0;
  return {
    people,
    entities: caseFile.entities?.length ?? 0,
    roles: caseFile.roles?.length ?? 0,
    charges: caseFile.charges?.length ?? 0,
    rulings: caseFile.rulings?.length ?? 0,
    events: caseFile.events?.length ?? 0,
    relations: caseFile.relations?.length ?? 0,
    inferred: (caseFile.roles ?? []).filter((r) => r.inferred).length + (caseFile.relations ?? []).filter((r) => r.inferred).length,
  };
}

function itemsOf(text: string, findings: Findings, caseFile: CaseFile): DraftItem[] {
  const source = new SourceText(text);
  const cp = (n: number) => source.toCodePoint(n);
  const idByName = new Map((caseFile.entities ?? []).map((e) => [e.name, e.id]));
  const items: DraftItem[] = [];
  for (const e of findings.entities) {
    const id = idByName.get(e.name);
    const role = findings.roles.find((r) => r.who === e.key);
    for (const m of e.mentions) {
      items.push({ kind: e.kind.toLowerCase() as DraftItem['kind'], label: `${e.name}${role ? ` (${role.role.replace(/_/g, ' ')})` : ''}`, start: cp(m.start), end: cp(m.end), inferred: Boolean(role?.inferred), ...(role?.inferred ? { reason: role.reason } : {}), ...(id ? { ref: id } : {}) });
    }
  }
  for (const c of findings.charges) if (c.offenceSpan) items.push({ kind: 'offence', label: `charge: ${c.offence}`, start: cp(c.offenceSpan.start), end: cp(c.offenceSpan.end), inferred: Boolean(c.defendantGuess?.inferred), ...(c.defendantGuess?.reason ? { reason: c.defendantGuess.reason } : {}) });
  for (const ev of findings.events) {
    const at = ev.span.quote.indexOf(ev.time.text);
    if (at === -1) continue;
    const start = ev.span.start + at;
    items.push({ kind: 'date', label: `${ev.name}${ev.time.date ? `: ${ev.time.date}` : ''}`, start: cp(start), end: cp(start + ev.time.text.length), inferred: Boolean(ev.time.approximate), ...(ev.time.note ? { reason: ev.time.note } : {}) });
  }
  // Overlapping marks cannot both be drawn: the first (earliest, then longest) wins.
  items.sort((a, b) => a.start - b.start || b.end - a.end);
  return items.filter((item, i) => !items.slice(0, i).some((o) => o.end > item.start && o.start < item.end));
}
