import { readFileSync, writeFileSync } from 'node:fs';
import { draftCase } from './draft.js';
import { extractorFromEnv } from './llm/extract.js';

const USAGE = `usage: npm run draft -- article.txt [--out case.yaml] [--date YYYY-MM-DD] [--title "…"] [--url URL] [--llm]
  Reads a news article (plain text or HTML) and writes a draft case file that loads as it is.
  --date   the article's own date, against which "On Friday" or "in March" are resolved
  --llm    use the language model at DRAFT_LLM_URL (model DRAFT_LLM_MODEL, key DRAFT_LLM_KEY)`;

interface Args {
  file: string;
  out?: string;
  date?: string;
  title?: string;
  url?: string;
  llm: boolean;
}

export function parseArgs(argv: string[]): Args | string {
  const args: Partial<Args> = { llm: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (a === '--out' || a === '-o') args.out = value();
    else if (a === '--date') args.date = value();
    else if (a === '--title') args.title = value();
    else if (a === '--url') args.url = value();
    else if (a === '--llm') args.llm = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('-')) return `unknown option ${a}\n${USAGE}`;
    else if (args.file) return `one article at a time (got ${args.file} and ${a})\n${USAGE}`;
    else args.file = a;
  }
  return args.file ? (args as Args) : `no article given\n${USAGE}`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  let raw: Buffer;
  try {
    raw = readFileSync(args.file);
  } catch (error) {
    console.error(`${args.file}: cannot read it (${(error as Error).message})`);
    return 2;
  }
  const extractor = args.llm ? extractorFromEnv() : undefined;
  if (typeof extractor === 'string') {
    console.error(extractor);
    return 2;
  }
  const result = await draftCase(raw, { extractor, published: args.date, title: args.title, url: args.url, file: args.out ?? args.file });
  const { report } = result;
  for (const line of report.dropped) console.error(`dropped: ${line}`);
  if (!result.yaml) {
    console.error(`${args.file}: no draft: ${report.refused}`);
    return 1;
  }
  for (const line of report.notes) console.error(`note: ${line}`);
  console.error(`${args.file}: drafted by the ${report.extractor} extractor in ${report.milliseconds} ms: ${Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ')}; every quote verified at its offsets`);
  if (args.out) {
    writeFileSync(args.out, result.yaml);
    console.error(`written to ${args.out}; check it with: npm run load -- ${args.out} --dry-run`);
  } else process.stdout.write(result.yaml);
  return 0;
}

process.exitCode = await main();
