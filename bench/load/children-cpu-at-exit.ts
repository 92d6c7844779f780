import { readFileSync } from 'node:fs';

/**
 * Preloaded into an offline import the bench runs (`--import`): at exit, writes the CPU seconds
 * of the child processes it waited for (the importer's and Neo4j's JVMs: `cutime` + `cstime` of
 * /proc/self/stat, in clock ticks of 1/100 s) to stderr as `CHILDREN_CPU <seconds>`. Linux only;
 * elsewhere it writes nothing.
 */
process.on('exit', () => {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) are the 14th and 15th after the command name.
    const ticks = Number(fields[13]) + Number(fields[14]);
    process.stderr.write(`\nCHILDREN_CPU ${(ticks / 100).toFixed(2)}\n`);
  } catch {
    // No /proc: no figure.
  }
});
