import { readdirSync, readFileSync } from 'node:fs';

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

/** What a process of the offline import is, from its command line (NUL-separated in /proc). */
export type ProcessRole = 'importer' | 'neo4j' | 'loader' | 'other';

export function roleOf(argv: string[]): ProcessRole {
  if (argv.includes('org.neo4j.cli.AdminTool')) return 'importer';
  if (argv.includes('casegraph.neo4j.EmbeddedNeo4j')) return 'neo4j';
  if (argv.some((arg) => /src[/\\]ingest[/\\]cli[/\\]main\.[tj]s$/.test(arg))) return 'loader';
  return 'other';
}

/** Parent pid out of the text of /proc/<pid>/stat (the field after the command name, which may hold spaces). */
export function parentOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
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

const SAMPLE_MS = 500;

/**
 * Watches the processes this one starts (and theirs) while `work` runs, every half second, and
 * keeps each one's high-water mark (VmHWM): the peak resident memory of the loader, of Neo4j's
 * importer and of the Neo4j started to finish the import. A process's last sample comes at most
 * half a second before it ends; its VmHWM only grows, so what it reached before is kept.
 */
export async function peaksWhile<T>(work: () => Promise<T>): Promise<{ result: T; peaks: PeaksByRole }> {
  const peakByPid = new Map<number, { role: ProcessRole; peakKiB: number }>();
  const sample = () => {
    for (const { pid, argv } of descendants(process.pid)) {
      const memory = processMemory(pid);
      if (!memory) continue;
      const seen = peakByPid.get(pid);
      peakByPid.set(pid, { role: seen?.role ?? roleOf(argv), peakKiB: Math.max(seen?.peakKiB ?? 0, memory.peakKiB) });
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  try {
    const result = await work();
    return { result, peaks: peaksByRole([...peakByPid.values()]) };
  } finally {
    clearInterval(timer);
  }
}

/** The largest peak per role, in MiB. */
export function peaksByRole(processes: { role: ProcessRole; peakKiB: number }[]): PeaksByRole {
  const peak = (role: ProcessRole) => {
    const of = processes.filter((p) => p.role === role);
    return of.length ? Math.round(Math.max(...of.map((p) => p.peakKiB)) / 1024) : null;
  };
  return { loader: peak('loader'), importer: peak('importer'), neo4j: peak('neo4j') };
}
