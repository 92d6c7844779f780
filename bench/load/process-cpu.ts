import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of another process, from Linux's /proc (null elsewhere). The bench reads the embedded
 * Neo4j's JVM this way: on a machine shared with other work, wall-clock rates vary with the
 * neighbours, CPU seconds much less, so both are reported.
 */
export function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces); utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Linux reports process times in USER_HZ ticks, 100 per second on every common platform. */
const CLOCK_TICKS = 100;

/** The pid of the process whose command line holds every one of `parts` (e.g. the JVM of one store). */
export function findProcess(...parts: string[]): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of entries) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (parts.every((part) => cmdline.includes(part))) return Number(pid);
    } catch {
      // The process ended while the list was read.
    }
  }
  return null;
}
