import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Resident memory of one process, from Linux's /proc/<pid>/status, in KiB. */
export interface ProcessMemory {
  /** Resident now (VmRSS). */
  rssKiB: number;
  /** The most it has been resident since it started (VmHWM, the high-water mark). */
  peakKiB: number;
}

/** VmRSS and VmHWM out of the text of /proc/<pid>/status; null when either is missing (not Linux, or a kernel thread). */
export function parseProcStatus(text: string): ProcessMemory | null {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB$`, 'm').exec(text);
    return match ? Number(match[1]) : null;
  };
  const [rssKiB, peakKiB] = [field('VmRSS'), field('VmHWM')];
  return rssKiB === null || peakKiB === null ? null : { rssKiB, peakKiB };
}

/** The process's memory now, or null when it is gone (or this is not Linux). */
export function processMemory(pid: number): ProcessMemory | null {
  try {
    return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Sets the process's high-water mark (VmHWM) back to what it holds now (writing 5 to
 * /proc/<pid>/clear_refs, Linux 4.0 and later, the process's owner or root), so that VmHWM read
 * later is the peak since this moment. False when it cannot (then VmHWM stays the peak since the
 * process started).
 */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** What a process of the offline import is, from its command line (NUL-separated in /proc). */
export type ProcessRole = 'importer' | 'neo4j' | 'loader' | 'other';

export function roleOf(argv: string[]): ProcessRole {
  // The importer's JVM (the launcher's OfflineImport, which also makes the finishing start; AdminTool when run alone).
  if (argv.includes('casegraph.neo4j.OfflineImport') || argv.includes('org.neo4j.cli.AdminTool')) return 'importer';
  if (argv.includes('casegraph.neo4j.EmbeddedNeo4j')) return 'neo4j';
  if (argv.some((arg) => /src[/\\]ingest[/\\]cli[/\\]main\.[tj]s$/.test(arg))) return 'loader';
  return 'other';
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** Parent pid out of the text of /proc/<pid>/stat. */
export function parentOf(stat: string): number {
  return Number(statFields(stat)[1]);
}

/** Linux reports process times in USER_HZ ticks, 100 per second on every common platform. */
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) out of the text of /proc/<pid>/stat. */
export function cpuSecondsOf(stat: string): number {
  const fields = statFields(stat);
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function cpuSeconds(pid: number): number | null {
  try {
    return cpuSecondsOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** Every live process descended from `root`, with its command line (Linux; empty elsewhere). */
export function descendants(root: number): { pid: number; argv: string[] }[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
  const parent = new Map<number, number>();
  for (const pid of pids) {
    try {
      parent.set(pid, parentOf(readFileSync(`/proc/${pid}/stat`, 'utf8')));
    } catch {
      // Ended while the list was read.
    }
  }
  const isBelow = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 64; p = parent.get(p), hops += 1) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter(isBelow).flatMap((pid) => {
    try {
      return [{ pid, argv: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean) }];
    } catch {
      return [];
    }
  });
}

/** Peak resident memory per role over a run, in MiB (null: no such process was seen). */
export type PeaksByRole = Record<Exclude<ProcessRole, 'other'>, number | null>;

/** What a process was seen to use: its role, its peak resident memory, its CPU seconds at the last sample. */
export interface SeenProcess {
  role: ProcessRole;
  peakKiB: number;
  cpuSeconds: number;
}

const SAMPLE_MS = 500;

/**
 * Watches the processes this one starts (and theirs) while `work` runs, every half second, and
 * keeps each one's high-water mark (VmHWM): the peak resident memory of the loader, of Neo4j's
 * importer and of the Neo4j started to finish the import. A process's last sample comes at most
 * half a second before it ends; its VmHWM only grows, so what it reached before is kept.
 */
export async function peaksWhile<T>(work: () => Promise<T>): Promise<{ result: T; peaks: PeaksByRole; cpuSeconds: PeaksByRole }> {
  const byPid = new Map<number, SeenProcess>();
  const sample = () => {
    for (const { pid, argv } of descendants(process.pid)) {
      const memory = processMemory(pid);
      if (!memory) continue;
      const seen = byPid.get(pid);
      byPid.set(pid, { role: seen?.role ?? roleOf(argv), peakKiB: Math.max(seen?.peakKiB ?? 0, memory.peakKiB), cpuSeconds: cpuSeconds(pid) ?? seen?.cpuSeconds ?? 0 });
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  try {
    const result = await work();
    const seen = [...byPid.values()];
    return { result, peaks: peaksByRole(seen), cpuSeconds: cpuByRole(seen) };
  } catch (error) {
    // What the processes had reached when the work failed (running out of memory, say) belongs in its report.
    const peaks = peaksByRole([...byPid.values()]);
    (error as Error).message += `\n(peak resident memory seen: loader ${peaks.loader ?? '?'} MiB, importer ${peaks.importer ?? '?'} MiB, Neo4j ${peaks.neo4j ?? '?'} MiB)`;
    throw error;
  } finally {
    clearInterval(timer);
  }
}

/** CPU seconds per role, summed over its processes (at their last sample), one decimal. */
export function cpuByRole(processes: SeenProcess[]): PeaksByRole {
  const sum = (role: ProcessRole) => {
    const of = processes.filter((p) => p.role === role);
    return of.length ? Number(of.reduce((total, p) => total + p.cpuSeconds, 0).toFixed(1)) : null;
  };
  return { loader: sum('loader'), importer: sum('importer'), neo4j: sum('neo4j') };
}

/** The largest peak per role, in MiB. */
export function peaksByRole(processes: SeenProcess[]): PeaksByRole {
  const peak = (role: ProcessRole) => {
    const of = processes.filter((p) => p.role === role);
    return of.length ? Math.round(Math.max(...of.map((p) => p.peakKiB)) / 1024) : null;
  };
  return { loader: peak('loader'), importer: peak('importer'), neo4j: peak('neo4j') };
}
