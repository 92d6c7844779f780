/** One thing wrong with a case file: where it is, what is wrong, and how to fix it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Field path inside the file, e.g. acts[3].actor. Empty for the file as a whole. */
  path: string;
  message: string;
  hint: string;
}

/** Thrown when a case file cannot be loaded; carries every problem found, not just the first. */
export class CaseFileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'CaseFileError';
  }
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const field = p.path ? ` ${p.path}:` : '';
  return `${where}${field} ${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}`;
}

export function formatProblems(problems: Problem[]): string {
  const n = problems.length;
  return `${n} problem${n === 1 ? '' : 's'} found; nothing was written.\n` + problems.map(formatProblem).join('\n');
}

/** Renders a path array as people read it: ['acts', 3, 'actor'] -> acts[3].actor */
export function pathToString(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}
