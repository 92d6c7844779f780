import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readBulkFile } from '../../src/ingest/importers/courtlistener/bulk/read.js';
import { TABLE_ORDER, type BulkTable } from '../../src/ingest/importers/courtlistener/bulk/tables.js';
import { CourtListenerJoins } from '../../src/ingest/importers/courtlistener/joins.js';

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

/** What the bulk loader's joins hold after a corpus: heap bytes in all, per docket and per row, and the entries of each map. */
export interface JoinsMemory {
  rows: number;
  dockets: number;
  bytes: number;
  bytesPerDocket: number;
  bytesPerRow: number;
  entries: Record<string, number>;
}

/**
 * The heap the bulk loader's joins (`CourtListenerJoins`) keep after reading a corpus: every row
 * of the files, in table order, learnt as `npm run load` learns it (cli/bulk.ts: each row,
 * before it is imported), measured as the V8 heap in use after a full collection, before and
 * after (nothing else is held meanwhile: rows are read one at a time). The loader holds the
 * joins until its last file is read, so this is what its memory grows by with the corpus.
 */
export async function joinsMemoryHere(files: readonly string[]): Promise<JoinsMemory> {
  const ordered: { table: BulkTable; file: string }[] = [];
  for (const file of files) {
    for await (const item of readBulkFile(file)) {
      if (item.kind === 'header' && item.table) ordered.push({ table: item.table, file });
      break;
    }
  }
  ordered.sort((a, b) => TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table));
  gc();
  const before = process.memoryUsage().heapUsed;
  const joins = new CourtListenerJoins();
  let rows = 0;
  let dockets = 0;
  for (const { table, file } of ordered) {
    for await (const item of readBulkFile(file)) {
      if (item.kind !== 'row') continue;
      rows += 1;
      if (table === 'dockets') dockets += 1;
      joins.learn(item.row);
    }
  }
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  const entries = { dockets: joins.dockets.size, clusters: joins.clusters.size, opinions: joins.opinions.size, people: joins.people.size, positions: joins.positions.size, courts: joins.courts.size };
  return { rows, dockets, bytes, bytesPerDocket: Math.round(bytes / Math.max(dockets, 1)), bytesPerRow: Math.round(bytes / Math.max(rows, 1)), entries };
}

/**
 * joinsMemoryHere in a process of its own (a heap holding nothing else, so that what other work
 * frees meanwhile does not hide what the joins keep).
 */
export async function joinsMemory(files: readonly string[]): Promise<JoinsMemory> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, ...files], { cwd: path.resolve(path.dirname(self), '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`measuring the joins' memory failed (exit ${code})`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as JoinsMemory;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.stdout.write(`${JSON.stringify(await joinsMemoryHere(process.argv.slice(2)))}\n`);
}
