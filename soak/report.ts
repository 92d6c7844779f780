import type { DuplicateReport } from './duplicates.js';

export interface SoakFigures {
  seconds: number;
  concurrency: number;
  requests: number;
  perSecond: number;
  reads: number;
  imports: number;
  reimports: number;
  /** Imports sent again while their first load was still running. */
  races: number;
  errors: number;
  errorKinds: { http: number; graphql: number; changedOnReimport: number; socket: number; timeouts: number };
  latencyMs: { p50: number; p99: number; max: number };
  memory: { start: Memory | null; end: Memory | null };
  graph: DuplicateReport | null;
  samples: string[];
}

type Memory = { rssBytes: number; heapUsedBytes: number };

const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

/** The figures as lines for people; `main.ts` also prints them as one JSON line for scripts. */
export function describe(f: SoakFigures): string[] {
  const lines = [
    `Soak: ${f.seconds} s, ${f.concurrency} connections`,
    `requests   ${f.requests} (${f.perSecond}/s): ${f.reads} reads, ${f.imports} imports of new cases, ${f.reimports} re-imports of loaded ones, ${f.races} repeats of imports still running`,
    `errors     ${f.errors} (HTTP ${f.errorKinds.http}, GraphQL ${f.errorKinds.graphql}, re-imports that changed the graph ${f.errorKinds.changedOnReimport}, socket ${f.errorKinds.socket}, timeouts ${f.errorKinds.timeouts})`,
    `latency    p50 ${f.latencyMs.p50} ms, p99 ${f.latencyMs.p99} ms, max ${f.latencyMs.max} ms`,
    `memory     service RSS ${mb(f.memory.start?.rssBytes)} -> ${mb(f.memory.end?.rssBytes)}, heap used ${mb(f.memory.start?.heapUsedBytes)} -> ${mb(f.memory.end?.heapUsedBytes)}`,
  ];
  if (f.graph) {
    lines.push(
      `graph      ${f.graph.nodes} nodes, ${f.graph.relationships} relationships; duplicate nodes ${f.graph.duplicateNodes.length}, duplicate relationships ${f.graph.duplicateRelationships.length}`,
      ...f.graph.duplicateNodes.map((d) => `  duplicate ${d.kind} ${d.key} x${d.copies}`),
      ...f.graph.duplicateRelationships.map((d) => `  duplicate (${d.from})-[${d.type} ${d.id ?? ''}]->(${d.to}) x${d.copies}`),
    );
  } else {
    lines.push('graph      not checked: set NEO4J_URI to the Neo4j of the service given by --url');
  }
  lines.push(...f.samples.map((s) => `  e.g. ${s}`));
  return lines;
}

/** Zero errors, zero duplicates, and the duplicate check actually ran. */
export function passed(f: SoakFigures): boolean {
  return f.errors === 0 && f.graph !== null && f.graph.duplicateNodes.length === 0 && f.graph.duplicateRelationships.length === 0;
}
