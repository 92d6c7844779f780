import type { BulkTable } from '../../src/ingest/importers/courtlistener/bulk/tables.js';
import { neo4jMemoryColumns, type Neo4jMemory } from '../memory/neo4j.js';
import type { CliFigures } from './cli-run.js';

/** One bulk file of a run of `npm run load`, as its report line says. */
export interface BulkFileFigures {
  table: BulkTable;
  rows: number;
  loaded: number;
  unchanged: number;
  /** Rows used only for names (courts, people). */
  names: number;
  refused: number;
  seconds: number;
  rowsPerSecond: number;
}

/** A bulk row of the bench: one run of `npm run load DIR` on a bulk CSV corpus. */
export interface BulkRow extends Omit<CliFigures, 'stdout'> {
  path: string;
  dockets: number;
  /** Rows of every table together. */
  rows: number;
  rowsPerSecond: number;
  docketsPerSecond: number;
  tables: BulkFileFigures[];
  databaseCpuSeconds: number | null;
  /** Neo4j's memory during the run (heap in use sampled, its JVM's resident peak since the run's start). */
  neo4jMemory: Neo4jMemory | null;
  loadPerCore: { start: number; end: number };
}

const LINE = /^.*: ([a-z-]+): (\d+) rows: (\d+) loaded, (\d+) unchanged, (\d+) used for names, (\d+) refused \(([\d.]+) s\)$/gm;

/** The per-file lines of the bulk loader's report (`<file>: dockets: 1000 rows: 1000 loaded, … (2.1 s)`), in the order printed. */
export function parseBulkLines(stdout: string): BulkFileFigures[] {
  return [...stdout.matchAll(LINE)].map((m) => {
    const [rows, loaded, unchanged, names, refused, seconds] = m.slice(2).map(Number) as [number, number, number, number, number, number];
    return { table: m[1] as BulkTable, rows, loaded, unchanged, names, refused, seconds, rowsPerSecond: Math.round(rows / Math.max(seconds, 0.05)) };
  });
}

/** A bulk row from a run's figures: throws when a row was refused or a table is missing, so the figures count what loaded. */
export function bulkRow(path: string, dockets: number, figures: CliFigures & { databaseCpuSeconds: number | null; neo4jMemory: Neo4jMemory | null }, loadPerCore: BulkRow['loadPerCore']): BulkRow {
  const { stdout, ...rest } = figures;
  const tables = parseBulkLines(stdout);
  if (tables.length !== 8) throw new Error(`${path}: the loader reported ${tables.length} bulk files, not the 8 tables:\n${stdout.slice(-2000)}`);
  const refused = tables.filter((t) => t.refused > 0);
  if (refused.length > 0) throw new Error(`${path}: rows refused in ${refused.map((t) => `${t.table} (${t.refused})`).join(', ')}:\n${stdout.slice(-2000)}`);
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  const seconds = Math.max(rest.workSeconds, 0.05);
  return { path, dockets, rows, rowsPerSecond: Math.round(rows / seconds), docketsPerSecond: Number((dockets / seconds).toFixed(1)), tables, ...rest, loadPerCore };
}

/** The bulk rows as a table for the console: one line a run, rows/s of each table in columns of their own. */
export function bulkTable(rows: BulkRow[]) {
  return rows.map((r) => ({
    path: r.path, dockets: r.dockets, rows: r.rows, elements: r.elements, 'work s': r.workSeconds, 'rows/s': r.rowsPerSecond, 'dockets/s': r.docketsPerSecond, 'elements/s': r.elementsPerSecond,
    ...Object.fromEntries(r.tables.filter((t) => t.names < t.rows).map((t) => [`${t.table} rows/s`, t.rowsPerSecond])),
    'loader CPU s': r.cpuSeconds, 'Neo4j CPU s': r.databaseCpuSeconds, 'loader peak RSS MiB': r.peakRssMiB, ...neo4jMemoryColumns(r.neo4jMemory), 'load/core': `${r.loadPerCore.start}-${r.loadPerCore.end}`,
  }));
}
