import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { OptionError, parseReadArgs, readOptions } from './reads/options.js';
import { toConsoleRows, toMarkdown } from './reads/report.js';
import { loadResults, saveResults } from './reads/results-file.js';
import type { LoadResult } from './reads/results.js';
import { runReads } from './reads/run.js';

/**
 * `npm run bench`: load throughput of generated cases, then the read benchmark at every corpus
 * size, into one results file (bench-results/) and one report. Options are those of
 * `npm run bench:reads` plus --load-cases (default 1000) and --skip-load; --markdown prints the
 * report of the newest results file (or --from <file>) without running anything.
 */
const say = (message: string) => console.error(message);

/** The load benchmark runs as its own program (it starts its own throwaway Neo4j); its JSON line is kept. */
async function measureLoad(cases: number): Promise<LoadResult> {
  const script = fileURLToPath(new URL(`./load-throughput${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, script, '--cases', String(cases)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load benchmark exited with code ${code}`);
  const line = output.split('\n').find((l) => l.startsWith('{') && l.includes('"benchmark"'));
  if (!line) throw new Error('the load benchmark printed no JSON line with its figures');
  return JSON.parse(line) as LoadResult;
}

try {
  const extra = { 'load-cases': { type: 'string' }, 'skip-load': { type: 'boolean' }, markdown: { type: 'boolean' }, from: { type: 'string' } } as const;
  const values = parseReadArgs(process.argv.slice(2), extra);
  const options = readOptions(values);
  if (values.markdown) {
    console.log(toMarkdown(loadResults(options.outDir, values.from as string | undefined).results));
  } else {
    const loadCases = String(values['load-cases'] ?? '1000');
    if (!/^\d+$/.test(loadCases) || Number(loadCases) < 1) throw new OptionError(`--load-cases ${loadCases}: use a whole number of cases, e.g. 1000.`);
    const load = values['skip-load'] ? null : await measureLoad(Number(loadCases));
    const results = { ...(await runReads(options, say)), load };
    console.table(toConsoleRows(results));
    console.log(toMarkdown(results));
    say(`Results: ${saveResults(options.outDir, results)}`);
  }
} catch (error) {
  if (!(error instanceof OptionError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
