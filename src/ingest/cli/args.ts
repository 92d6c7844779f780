import { parseArgs } from 'node:util';
import { INPUT_FORMATS, type InputFormat } from '../importers/detect.js';
import { EXIT_CODE_HELP } from './exit-codes.js';

export interface CliOptions {
  /** Case files, folders or globs, as given. */
  inputs: string[];
  dryRun: boolean;
  replace: boolean;
  json: boolean;
  quiet: boolean;
  /** Cases per transaction, all or nothing; null when --batch is not given (the default path: BATCH_ELEMENTS graph elements per transaction, invalid files skipped, a failed batch retried file by file). */
  batch: number | null;
  /** Read every file as this format; null: a JSON file's shape tells. */
  format: InputFormat | null;
  /** Where to write the case file each imported record becomes; null: nowhere. */
  emit: string | null;
  /** Offline bulk import into an empty embedded store (src/ingest/offline). */
  offline: boolean;
  /** With --offline: only write the CSV files and the importer's command line to this folder. */
  csvOnly: string | null;
  /** With --offline: plan every file again instead of resuming a stopped import's planning. */
  fresh: boolean;
  help: boolean;
}

/** More cases per transaction than this gain nothing and make a rollback costly. */
export const MAX_BATCH = 1000;

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; message: string };

const OPTIONS = {
  'dry-run': { type: 'boolean', short: 'n' },
  replace: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  batch: { type: 'string', short: 'b' },
  format: { type: 'string', short: 'f' },
  emit: { type: 'string' },
  offline: { type: 'boolean' },
  'csv-only': { type: 'string' },
  fresh: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses the command line (without `node` and the script). Pure: never exits, never prints. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    inputs: positionals,
    dryRun: values['dry-run'] === true,
    replace: values.replace === true,
    json: values.json === true,
    quiet: values.quiet === true,
    batch: null,
    format: null,
    emit: null,
    offline: values.offline === true,
    csvOnly: null,
    fresh: values.fresh === true,
    help: values.help === true,
  };
  if (values.format !== undefined) {
    if (!(INPUT_FORMATS as readonly string[]).includes(values.format)) return { ok: false, message: `--format must be one of ${INPUT_FORMATS.join(', ')}, not "${values.format}"` };
    options.format = values.format as InputFormat;
  }
  if (values.emit !== undefined) {
    if (values.emit.trim() === '') return { ok: false, message: '--emit needs a folder to write the case files to' };
    options.emit = values.emit;
  }
  if (values.batch !== undefined) {
    const batch = /^\d+$/.test(values.batch) ? Number(values.batch) : NaN;
    if (!(batch >= 1 && batch <= MAX_BATCH)) return { ok: false, message: `--batch needs a whole number of cases from 1 to ${MAX_BATCH}, not "${values.batch}"` };
    options.batch = batch;
  }
  if (values['csv-only'] !== undefined) {
    if (!options.offline) return { ok: false, message: '--csv-only goes with --offline' };
    if (values['csv-only'].trim() === '') return { ok: false, message: '--csv-only needs a folder to write the CSV files to' };
    options.csvOnly = values['csv-only'];
  }
  if (options.fresh && !options.offline) return { ok: false, message: '--fresh goes with --offline' };
  if (options.offline) {
    const clash = (['dry-run', 'replace', 'batch', 'emit'] as const).filter((name) => values[name] !== undefined);
    if (clash.length > 0) return { ok: false, message: `--offline fills an empty store in one go; it does not take ${clash.map((c) => `--${c}`).join(', ')}` };
  }
  if (!options.help && options.inputs.length === 0) {
    return { ok: false, message: 'no case files given: name files, folders or globs to load' };
  }
  return { ok: true, options };
}

export const USAGE = `Usage: npm run load -- <files, folders or globs>... [options]
   or: case-graph-load <files, folders or globs>... [options]

Validates case files (*.case.yaml, *.case.yml, *.case.json), CourtListener / PACER docket
JSON, CourtListener API objects and Caselaw Access Project case JSON (*.json, *.jsonl,
*.ndjson, told apart by their shape) and CourtListener bulk CSV files (*.csv, *.csv.bz2), and
loads them into the graph. A docket or CAP case is first made into the case file it stands
for; an empty export ([] or {}) is reported and skipped. Every problem is printed with
file:line:column, the field and a hint. Invalid files are not loaded; the valid ones are.
Loading a file that is already in the graph as it is changes nothing.

Arguments:
  a file          a case file
  a folder        every case file and *.json record inside it, recursively
  a glob          e.g. 'cases/**/*.case.yaml' (quote it so the shell leaves it alone)

Options:
  -n, --dry-run   validate and report, per file, what would be created, updated,
                  unchanged and removed (per node kind, relationship type and for
                  passages); touches nothing
      --replace   allow changing a case that is already in the graph, to make it match
                  its file; without it such a case is refused and the next file goes on
      --json      print one JSON report per file, one per line, on stdout, instead of
                  tables (for scripts); messages and the summary go to stderr
  -q, --quiet     print only problems, refusals and errors
  -b, --batch N   all-or-nothing bulk mode: N cases per transaction (--batch 1: one
                  transaction per case). Nothing is written unless EVERY file is valid;
                  then each batch is committed whole or, on an error, rolled back whole
                  (its files are reported failed) and the next batch goes on.
                  Without --batch (the fast default), invalid files are reported and the
                  others written about 20,000 graph elements (at most 1,000 files) per
                  transaction, bulk CSV rows 200 per transaction; a batch that fails is
                  written again file by file, so only the file at fault is reported failed
                  (and absent). Either way each file is reported (and refused without
                  --replace) on its own, and a file already in (the same bytes and
                  documents as its last load: its source hash) is skipped unread, so a
                  load stopped halfway and started again finishes the rest
  -f, --format F  read every file as F: case-file, courtlistener-docket, cap-case, or a
                  CourtListener API object: courtlistener-party, -attorney, -cluster,
                  -opinion (default: a case file by its name, a JSON file by its shape;
                  .csv and .csv.bz2 files are CourtListener bulk tables, by their header)
      --offline   bulk import into an EMPTY store (DATA_DIR, embedded Neo4j only): plans
                  every file as the normal path does, writes CSV files and runs Neo4j's
                  importer, then applies the schema. Nothing is imported unless every
                  file is valid. Afterwards npm start serves the graph and the normal
                  path adds to it. Refuses a store that holds a graph. Stopped (Ctrl-C,
                  SIGTERM, killed), it keeps its planning: the same command again
                  reuses the plans of the files unchanged and plans the rest
      --fresh     with --offline: plan every file again (removes a stopped import's
                  planning instead of resuming it)
      --csv-only DIR  with --offline: only write the CSV files, the importer's command
                  line and the statements to run after it to DIR (for a Neo4j server's
                  own neo4j-admin database import full)
      --emit DIR  also write the case file each docket or CAP case becomes to DIR, as
                  <case id>.case.yaml, to review, correct and keep (it loads the same)
  -h, --help      print this help

Exit codes:
${EXIT_CODE_HELP.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join('\n')}

Neo4j, as for the service:
  NEO4J_URI       use this Neo4j (bolt://, neo4j://, neo4j+s://), with
  NEO4J_USER      (default neo4j), NEO4J_PASSWORD (default empty) and
  NEO4J_DATABASE  (default neo4j)
  DATA_DIR        without NEO4J_URI: if the service is running with its embedded Neo4j
                  on this DATA_DIR (default ./.data), the loader uses that one; otherwise
                  it starts the embedded Neo4j on DATA_DIR itself and stops it at the end
                  (NEO4J_HEAP, NEO4J_PAGECACHE and NEO4J_BOLT_PORT apply)

Examples:
  npm run load -- seeds --dry-run
  npm run load -- dockets/*.json opinions/*.json
  npm run load -- docket.json --emit cases/ --dry-run
  npm run load -- generated/cases --batch 50
  npm run load -- cases/state-v-example.case.yaml --replace
  DATA_DIR=./big npm run load -- --offline dockets/ opinions/
  NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret npm run load -- 'cases/**/*.case.yaml' --json
`;
