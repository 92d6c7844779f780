import type { CaseFile } from './case-file.js';
import { detectShape, IMPORTERS, type InputFormat } from './importers/detect.js';
import type { RecordProblem } from './importers/record.js';
import { parseCaseFile } from './parse.js';
import { planCaseFile, type GraphPlan } from './plan.js';
import { pathToString, type Problem } from './problems.js';
import { MAX_CASE_FILE_BYTES, validateCaseData, validateCaseFile, type ValidationEnv } from './validate.js';

export type { InputFormat } from './importers/detect.js';

/** One file to load, as every entry point (seeds, the command line, importCase) has it. */
export interface Input {
  /** The file's name as reports show it. */
  file: string;
  text: string;
  /** Forces a format; without it a JSON file's shape tells. */
  format?: InputFormat;
}

/** A file's verdict: its plan, an empty export (nothing to load), or every problem found. */
export type Prepared =
  | { plan: GraphPlan; format: InputFormat; /** The case file an imported record became. */ imported?: CaseFile; problems?: undefined; empty?: undefined }
  | { empty: string; plan?: undefined; problems?: undefined }
  | { problems: Problem[]; plan?: undefined; empty?: undefined };

/**
 * The one way in: a case file is validated; a CourtListener docket or CAP case is first made
 * into the case file it stands for, then validated the same way; then planned. Nothing here
 * writes: the plan goes to importPlan(s), one transaction per case.
 */
export async function prepareInput(input: Input, env: ValidationEnv): Promise<Prepared> {
  const { file, text } = input;
  const looksLikeJson = /\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\uFEFF?\s*[[{]/.test(text));
  if (input.format === 'case-file' || (input.format === undefined && !looksLikeJson)) return validated(await validateCaseFile(file, text, env), 'case-file');
  if (Buffer.byteLength(text) > MAX_CASE_FILE_BYTES) {
    return { problems: [problem(file, 1, 1, '', `the file is larger than ${MAX_CASE_FILE_BYTES / 1024 / 1024} MiB`, 'give one record per file')] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // A file cut short says so; otherwise a file that may be a case file keeps the case-file
    // reader's report (YAML's positions and wording).
    if (input.format === undefined && !isTruncated(text, error as Error)) return validated(await validateCaseFile(file, text, env), 'case-file');
    return { problems: [jsonSyntaxProblem(file, text, error as Error)] };
  }
  const shape = detectShape(data);
  if ('empty' in shape) return { empty: `an empty export (${Array.isArray(data) ? '[]' : '{}'}), nothing to load` };
  if ('several' in shape) {
    return { problems: [problem(file, 1, 1, '', `the file holds ${shape.several} records`, 'give one record per file (split the list)')] };
  }
  const format = input.format ?? ('format' in shape ? shape.format : undefined);
  if (!format) {
    return {
      problems: [problem(file, 1, 1, '', 'the file is neither a case file, a CourtListener docket nor a CAP case',
        'a case file has formatVersion, documents and case; a docket has docket_number and court_id; a CAP case has name and casebody; or force one with --format')],
    };
  }
  if (format === 'case-file') return validated(await validateCaseFile(file, text, env), 'case-file');
  const base = 'format' in shape && shape.format === format ? shape.base : [];
  const result = IMPORTERS[format]({ record: base.length > 0 ? (data as unknown[])[0] : data, text, base });
  if (result.problems) return { problems: locate(file, text, result.problems) };
  const checked = await validateCaseData(file, result.caseFile, env);
  if (!checked.valid) {
    // The importer's own mistake or a record it cannot represent: say where in the case file made of it.
    return { problems: checked.problems.map((p) => ({ ...p, message: `in the case file made from this ${format} record: ${p.message}`, hint: `${p.hint} (see it with --emit)` })) };
  }
  return { plan: planCaseFile(checked.valid), format, imported: result.caseFile };
}

function validated(result: Awaited<ReturnType<typeof validateCaseFile>>, format: InputFormat): Prepared {
  return result.valid ? { plan: planCaseFile(result.valid), format } : { problems: result.problems };
}

const problem = (file: string, line: number, column: number, path: string, message: string, hint: string): Problem => ({ file, line, column, path, message, hint });

/** Line and column of each record problem, from the record's text (read again only when something is wrong). */
function locate(file: string, text: string, problems: RecordProblem[]): Problem[] {
  const { parsed } = parseCaseFile(file.replace(/\.json$/i, '') + '.json', text);
  return problems.map((p) => {
    const pos = parsed?.position(p.path) ?? { line: 1, column: 1 };
    return problem(file, pos.line, pos.column, pathToString(p.path), p.message, p.hint);
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
