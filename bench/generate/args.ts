import { parseArgs } from 'node:util';
import type { CorpusOptions } from './corpus.js';

export interface GenerateOptions extends CorpusOptions {
  out: string;
  /** Replace the files of an earlier corpus with the same prefix in `out`. */
  force: boolean;
}

export const GENERATE_USAGE = `Usage: npm run generate -- --cases N [--seed S] [--out DIR] [--prefix P] [--format yaml|json] [--force]

Writes N FICTIONAL case files (DIR/P-c000001.case.yaml, ...), their source texts (DIR/texts/),
and DIR/P-000-directory.case.yaml, which defines the judges, prosecutors, courts, offices, law
firms, experts and newspapers the cases share. The same seed always gives the same bytes.

  --cases N       how many cases (1 to 1000000)
  --seed S        an integer from 0 to 4294967295 (default 1)
  --out DIR       output folder (default generated/cases); must be empty unless --force
  --prefix P      first part of every id and file name (default gen), so corpora can share a graph
  --format F      yaml (default) or json
  --force         first delete the files a corpus with this prefix left in DIR

Load them with: npm run load -- DIR --batch 50
`;

/** Parses the command line. Pure: returns a message instead of exiting. */
export function parseGenerateArgs(argv: readonly string[]): { ok: true; options: GenerateOptions } | { ok: false; message: string; help?: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        cases: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: 'generated/cases' },
        prefix: { type: 'string', default: 'gen' }, format: { type: 'string', default: 'yaml' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, message: GENERATE_USAGE, help: true };
  const whole = (raw: string | undefined, max: number) => (raw !== undefined && /^\d+$/.test(raw) && Number(raw) <= max ? Number(raw) : null);
  const cases = whole(values.cases, 1_000_000);
  if (cases === null || cases < 1) return { ok: false, message: `--cases needs a whole number from 1 to 1000000${values.cases === undefined ? '' : `, not "${values.cases}"`}` };
  const seed = whole(values.seed, 0xffffffff);
  if (seed === null) return { ok: false, message: `--seed needs a whole number from 0 to 4294967295, not "${values.seed}"` };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.prefix) || values.prefix.length > 20) {
    return { ok: false, message: `--prefix "${values.prefix}" must be lower-case letters, digits and single hyphens, at most 20 characters` };
  }
  if (values.format !== 'yaml' && values.format !== 'json') return { ok: false, message: `--format must be yaml or json, not "${values.format}"` };
  return { ok: true, options: { cases, seed, out: values.out, prefix: values.prefix, format: values.format, force: values.force === true } };
}
