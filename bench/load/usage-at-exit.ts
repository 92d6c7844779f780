/**
 * Preloaded into a loader the bench runs (`--import`): at exit, writes the process's own peak
 * resident memory (KiB) and CPU seconds (user, system) to stderr as `TIME <maxRSS> <user> <system>`.
 */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nTIME ${usage.maxRSS} ${(usage.userCPUTime / 1e6).toFixed(2)} ${(usage.systemCPUTime / 1e6).toFixed(2)}\n`);
});
