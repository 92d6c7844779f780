import { toMarkdown, toConsoleRows } from './report.js';
import { loadResults, saveResults } from './results-file.js';
import { OptionError, parseReadArgs, readOptions } from './options.js';
import { runReads } from './run.js';

/**
 * `npm run bench:reads`: the read benchmark alone (see README.md here for the options);
 * `--markdown` prints the tables of the newest results file (or `--from <file>`) instead.
 */
const say = (message: string) => console.error(message);
try {
  const values = parseReadArgs(process.argv.slice(2), { markdown: { type: 'boolean' }, from: { type: 'string' } });
  const options = readOptions(values);
  if (values.markdown) {
    console.log(toMarkdown(loadResults(options.outDir, values.from as string | undefined).results));
  } else {
    const results = { ...(await runReads(options, say)), load: null };
    console.table(toConsoleRows(results));
    console.log(toMarkdown(results));
    say(`Results: ${saveResults(options.outDir, results)}`);
  }
} catch (error) {
  if (!(error instanceof OptionError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
