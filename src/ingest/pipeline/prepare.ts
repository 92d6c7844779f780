import type { CaseFile } from '../casefile/case-file.js';
import { detectShape, IMPORTERS, type InputFormat } from '../importers/detect.js';
import type { RecordProblem } from '../importers/record.js';
import type { ImportNote } from '../importers/build.js';
import type { CourtListenerJoins } from '../importers/courtlistener/joins.js';
import { parseCaseFile } from '../casefile/parse.js';
import { isJsonLinesFile, splitJson, splitJsonLines, type FileRecord } from '../importers/records.js';
export type { FileRecord } from '../importers/records.js';
import { planCaseFile, type GraphPlan } from '../casefile/plan.js';
import { pathToString, type Problem } from '../casefile/problems.js';
import { MAX_CASE_FILE_BYTES, validateCaseData, validateCaseFile, type ValidationEnv } from '../casefile/validate.js';

export type { InputFormat } from '../importers/detect.js';

/** One file to load, as every entry point (seeds, the command line, importCase) has it. */
export interface Input {
  /** The file's name as reports show it. */
  file: string;
  text: string;
  /** Forces a format; without it a JSON file's shape tells. */
  format?: InputFormat;
  /** For a file of several records (a JSON list, an API list page, JSON lines): which one, by its index in the split. */
  record?: number;
  /** What the run's records say of CourtListener's ids, for its API objects (see importers/courtlistener/joins.ts). */
  joins?: CourtListenerJoins;
}

/** A file's verdict: its plan, an empty export (nothing to load), or every problem found. */
export type Prepared =
  | { plan: GraphPlan; format: InputFormat; /** The case file an imported record became. */ imported?: CaseFile; /** What the importer guessed and left out. */ notes?: ImportNote[]; problems?: undefined; empty?: undefined }
  | { empty: string; plan?: undefined; problems?: undefined }
  | { problems: Problem[]; plan?: undefined; empty?: undefined };

/**
 * The one way in: a case file is validated; a CourtListener docket or CAP case is first made
 * into the case file it stands for, then validated the same way; then planned. Nothing here
 * writes: the plan goes to `importPlans` (write/import.ts) or to the offline import.
 */
export async function prepareInput(input: Input, env: ValidationEnv): Promise<Prepared> {
  const { file, text } = input;
  const looksLikeJson = /\.(json|jsonl|ndjson)$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\uFEFF?\s*[[{]/.test(text));
  if (input.format === 'case-file' || (input.format === undefined && !looksLikeJson)) return validated(await validateCaseFile(file, text, env), 'case-file');
  // (A file of several records whose split is kept passed this check with its first record.)
  if (!isSplitKept(input) && Buffer.byteLength(text) > MAX_CASE_FILE_BYTES) {
    return { problems: [problem(file, 1, 1, '', `the file is larger than ${MAX_CASE_FILE_BYTES / 1024 / 1024} MiB`, 'split it into several files, or give it as JSON lines (.jsonl), one record a line')] };
  }
  const split = splitOnce(input);
  if ('syntax' in split) {
    // A file cut short says so; otherwise a file that may be a case file keeps the case-file
    // reader's report (YAML's positions and wording).
    if (input.format === undefined && !isTruncated(text, split.syntax)) return validated(await validateCaseFile(file, text, env), 'case-file');
    return { problems: [jsonSyntaxProblem(file, text, split.syntax)] };
  }
  if ('problems' in split) return { problems: split.problems };
  if ('empty' in split) return { empty: split.empty };
  const { records } = split;
  if (input.record === undefined && records.length > 1) {
    return { problems: [problem(file, 1, 1, '', `the file holds ${records.length} records`, 'load it with npm run load, which loads and reports each record on its own')] };
  }
  const chosen = records[input.record ?? 0];
  if (!chosen) return { problems: [problem(file, 1, 1, '', `the file has no record ${input.record}`, 'the file changed since it was listed; run the load again')] };
  // A split kept for the file's other records: the importer gets a record of its own.
  return prepareRecord(input, input.record === undefined ? chosen : { ...chosen, record: structuredClone(chosen.record) }, env);
}

/** The last file of several records split: its records come one after another, each prepared on its own. */
let lastSplit: { file: string; text: string; split: ReturnType<typeof splitFile> } | undefined;

/** `splitFile`, once per file of several records (the same name and text) rather than once per record. */
function splitOnce(input: Input): ReturnType<typeof splitFile> {
  if (input.record === undefined) return splitFile(input);
  if (!isSplitKept(input)) lastSplit = { file: input.file, text: input.text, split: splitFile(input) };
  return lastSplit!.split;
}

function isSplitKept(input: Input): boolean {
  return input.record !== undefined && lastSplit?.file === input.file && lastSplit.text === input.text;
}

/** The records of a JSON or JSON-lines file; a JSON syntax error or a bad line is a problem of the file. */
export function splitFile(input: Input): { records: FileRecord[] } | { empty: string } | { problems: Problem[] } | { syntax: Error } {
  const { file, text } = input;
  if (isJsonLinesFile(file)) {
    const split = splitJsonLines(text);
    return split;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { syntax: error as Error };
  }
  const split = splitJson(data, text);
  return 'empty' in split ? split : { records: split.records };
}

/** One record: made into the case file it stands for, validated and planned. */
async function prepareRecord(input: Input, chosen: FileRecord, env: ValidationEnv): Promise<Prepared> {
  const file = input.file;
  const text = chosen.text;
  const where = chosen.place === 'the record' ? '' : `${chosen.place}: `;
  if (chosen.problem) return { problems: [problem(file, chosen.problem.line, 1, '', chosen.problem.message, chosen.problem.hint)] };
  const shape = detectShape(chosen.record);
  if ('empty' in shape) return { empty: `${where}an empty record ({}), nothing to load` };
  if ('reference' in shape && !input.format) return { empty: `${where}${shape.reference}` };
  const format = input.format ?? ('format' in shape ? shape.format : undefined);
  if (!format) {
    return {
      problems: [problem(file, chosen.line, 1, pathToString(chosen.base), where === '' ? 'the file is neither a case file, a CourtListener docket nor a CAP case' : `${where}the record is neither a case file, a CourtListener docket nor a CAP case`,
        'a case file has formatVersion, documents and case; a docket has docket_number and court_id; a CAP case has name and casebody; or force one with --format')],
    };
  }
  if (format === 'case-file') {
    if (chosen.base.length === 0 && chosen.text === input.text) return validated(await validateCaseFile(file, text, env), 'case-file');
    return { problems: [problem(file, chosen.line, 1, pathToString(chosen.base), `${where}a case file inside a list of records`, 'give each case file a file of its own')] };
  }
  const result = IMPORTERS[format]({ record: chosen.record, text, base: chosen.base, ...(input.joins ? { joins: input.joins } : {}) });
  if (result.problems) return { problems: locate(file, text, result.problems, chosen.line - 1) };
  const checked = await validateCaseData(file, result.caseFile, env);
  if (!checked.valid) {
    // The importer's own mistake or a record it cannot represent: say where in the case file made of it.
    return { problems: checked.problems.map((p) => ({ ...p, message: `in the case file made from this ${format} record: ${p.message}`, hint: `${p.hint} (see it with --emit)` })) };
  }
  return { plan: planCaseFile(checked.valid), format, imported: result.caseFile, notes: result.notes ?? [] };
}

function validated(result: Awaited<ReturnType<typeof validateCaseFile>>, format: InputFormat): Prepared {
  return result.valid ? { plan: planCaseFile(result.valid), format } : { problems: result.problems };
}

const problem = (file: string, line: number, column: number, path: string, message: string, hint: string): Problem => ({ file, line, column, path, message, hint });

/** Line and column of each record problem, from the record's text (read again only when something is wrong). */
function locate(file: string, text: string, problems: RecordProblem[], lineOffset = 0): Problem[] {
  const { parsed } = parseCaseFile(file.replace(/\.(json|jsonl|ndjson)$/i, '') + '.json', text);
  return problems.map((p) => {
    const pos = parsed?.position(p.path) ?? { line: 1, column: 1 };
    return problem(file, pos.line + lineOffset, pos.column, pathToString(p.path), p.message, p.hint);
  });
}

/** Whether JSON.parse stopped at the end of the text: a download or export cut short. */
function isTruncated(text: string, error: Error): boolean {
  const at = /position (\d+)/.exec(error.message);
  return /end of (JSON )?input|Unterminated|Unexpected end/i.test(error.message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
}

/** Where JSON.parse stopped: a truncated download ends in the middle of a value. */
function jsonSyntaxProblem(file: string, text: string, error: Error): Problem {
  const at = /position (\d+)/.exec(error.message);
  const offset = at ? Number(at[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  const truncated = isTruncated(text, error);
  return problem(file, before.length, (before.at(-1)?.length ?? 0) + 1, '', `the file is not valid JSON: ${error.message.replace(/ in JSON at position \d+.*$/s, '')}`,
    truncated ? 'the file ends in the middle of a value: it looks truncated; download or export it again' : 'fix the JSON at this position, or export the record again');
}
