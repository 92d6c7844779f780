import type { FileStatus } from './report.js';

/** What the loader's exit status means; scripts can rely on these. */
export const EXIT_CODES = {
  /** Every file was loaded or was already in the graph as it is (on a dry run: no file is invalid). */
  OK: 0,
  /** At least one file is invalid; its problems were printed and it was not loaded (with --batch, no file was). */
  INVALID: 1,
  /** Bad option or argument, bad environment setting, or no case file matched. */
  USAGE: 2,
  /** No file was invalid, but at least one case is in the graph, differs from its file, and --replace was not given. */
  REFUSED: 3,
  /** Neo4j could not be reached, or the connection was lost. */
  NEO4J_UNAVAILABLE: 4,
  /** A valid file could not be written for another reason (the error was printed). */
  FAILED: 5,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM before every file was handled. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** One line per code, for --help. */
export const EXIT_CODE_HELP: [ExitCode, string][] = [
  [EXIT_CODES.OK, 'all files loaded or unchanged (dry run: no file is invalid)'],
  [EXIT_CODES.INVALID, 'at least one file is invalid (the valid ones were still loaded, except with --batch)'],
  [EXIT_CODES.USAGE, 'usage error: bad option, bad NEO4J_*/DATA_DIR setting, no file matched'],
  [EXIT_CODES.REFUSED, 'no file invalid, but a case in the graph differs from its file and --replace was not given'],
  [EXIT_CODES.NEO4J_UNAVAILABLE, 'Neo4j unavailable: it could not be started or reached, or the connection was lost'],
  [EXIT_CODES.FAILED, 'a valid file could not be written for another reason, or the loader failed unexpectedly'],
  [EXIT_CODES.INTERRUPTED, 'interrupted (Ctrl-C); the file being written was rolled back or committed whole'],
];

export interface RunOutcome {
  /** Per file, what happened. */
  statuses: readonly FileStatus[];
  dryRun: boolean;
  interrupted: boolean;
  connectionLost: boolean;
}

/** The exit code of a finished run: the most serious thing that happened wins. */
export function chooseExitCode(outcome: RunOutcome): ExitCode {
  const any = (status: FileStatus) => outcome.statuses.includes(status);
  if (outcome.interrupted) return EXIT_CODES.INTERRUPTED;
  if (outcome.connectionLost) return EXIT_CODES.NEO4J_UNAVAILABLE;
  if (any('invalid')) return EXIT_CODES.INVALID;
  if (any('refused') && !outcome.dryRun) return EXIT_CODES.REFUSED;
  if (any('failed')) return EXIT_CODES.FAILED;
  return EXIT_CODES.OK;
}
