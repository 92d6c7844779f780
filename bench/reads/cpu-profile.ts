import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a V8 CPU profile (.cpuprofile, as the inspector's Profiler.stop returns it) the summary reads. */
interface CpuProfile {
  nodes: { id: number; hitCount?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
}

export interface SelfTime {
  function: string;
  location: string;
  selfPercent: number;
}

/** A file's place for a reader: `pkg/...` inside node_modules, else relative to the checkout. */
function where(url: string, line: number): string {
  if (!url) return '';
  const file = url.replace(/^file:\/\//, '');
  const inModules = file.lastIndexOf('node_modules/');
  const shown = inModules >= 0 ? file.slice(inModules + 'node_modules/'.length) : path.relative(process.cwd(), file);
  return `${shown}:${line + 1}`;
}

/**
 * Functions by self time (share of all samples), merged by name and place; idle time is one
 * entry like any other, so a service waiting on Neo4j shows as mostly "(idle)".
 */
export function topSelfTime(profile: CpuProfile, count = 15): SelfTime[] {
  const totals = new Map<string, SelfTime & { hits: number }>();
  let all = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    all += hits;
    if (hits === 0) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const location = where(node.callFrame.url, node.callFrame.lineNumber);
    const key = `${name}@${location}`;
    const entry = totals.get(key) ?? { function: name, location, selfPercent: 0, hits: 0 };
    entry.hits += hits;
    totals.set(key, entry);
  }
  return [...totals.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, count)
    .map(({ hits, ...entry }) => ({ ...entry, selfPercent: Number(((100 * hits) / all).toFixed(1)) }));
}

export const readCpuProfile = (file: string): CpuProfile => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
