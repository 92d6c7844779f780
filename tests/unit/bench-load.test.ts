import { describe, expect, it } from 'vitest';
import { parseLoadBenchArgs } from '../../bench/load/args.js';
import { scheduleBatches } from '../../bench/load/schedule.js';
import { bulkRow, parseBulkLines } from '../../bench/load/bulk-rows.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('scheduleBatches', () => {
  it('writes every item once, in batches of the given size', async () => {
    const written: number[][] = [];
    await scheduleBatches([1, 2, 3, 4, 5], 2, 1, () => [], async (batch) => void written.push(batch));
    expect(written).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('keeps up to `loaders` batches in flight, but starts a batch only after the batches it depends on', async () => {
    const events: string[] = [];
    let inFlight = 0;
    let most = 0;
    // 0 is the directory every case refers to; 5 refers to 3 as well.
    const deps = (n: number) => (n === 0 ? [] : n === 5 ? [0, 3] : [0]);
    await scheduleBatches([0, 1, 2, 3, 4, 5, 6], 1, 3, deps, async ([n]) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      events.push(`start ${n}`);
      await tick();
      if (n === 3) await tick();
      events.push(`end ${n}`);
      inFlight -= 1;
    });
    expect(events.indexOf('start 1')).toBeGreaterThan(events.indexOf('end 0'));
    expect(events.indexOf('start 5')).toBeGreaterThan(events.indexOf('end 3'));
    expect(events.filter((e) => e.startsWith('end'))).toHaveLength(7);
    expect(most).toBe(3);
  });

  it('stops starting batches after a failure and throws it once the others settle', async () => {
    const started: number[] = [];
    const failing = scheduleBatches([1, 2, 3, 4, 5, 6], 1, 2, () => [], async ([n]) => {
      started.push(n!);
      await tick();
      if (n === 2) throw new Error('batch 2 failed');
    });
    await expect(failing).rejects.toThrow('batch 2 failed');
    expect(started.length).toBeLessThan(6);
  });
});

describe('parseLoadBenchArgs', () => {
  it('reads the rows as batch x loaders, with defaults', () => {
    expect(parseLoadBenchArgs([])).toMatchObject({ ok: true, options: { cases: 1000, seed: 1, warmup: 300, heap: '2g', configs: [{ batch: 200, loaders: 1 }, { batch: 50, loaders: 2 }] } });
    expect(parseLoadBenchArgs(['--cases', '20', '--configs', '10x1, 100x4', '--heap', '2g'])).toMatchObject({ ok: true, options: { cases: 20, configs: [{ batch: 10, loaders: 1 }, { batch: 100, loaders: 4 }], heap: '2g' } });
  });

  it('takes another checkout for A/B rows of the command-line loader', () => {
    expect(parseLoadBenchArgs([])).toMatchObject({ ok: true, options: { cliBase: null } });
    expect(parseLoadBenchArgs(['--cli', '100,100', '--cli-base', '../before'])).toMatchObject({ ok: true, options: { cli: [100, 100], cliBase: '../before' } });
  });

  it('refuses malformed rows, sizes and counts', () => {
    expect(parseLoadBenchArgs(['--configs', '50'])).toMatchObject({ ok: false, message: expect.stringContaining('--configs "50"') });
    expect(parseLoadBenchArgs(['--configs', '0x1'])).toMatchObject({ ok: false });
    expect(parseLoadBenchArgs(['--cases', 'lots'])).toMatchObject({ ok: false, message: '--cases needs a whole number from 1 to 100000, not "lots"' });
    expect(parseLoadBenchArgs(['--heap', '1 gig'])).toMatchObject({ ok: false, message: expect.stringContaining('--heap') });
  });

  it('takes the bulk CSV corpora as sizes in dockets, offline rows unless told not to', () => {
    expect(parseLoadBenchArgs([])).toMatchObject({ ok: true, options: { bulk: [500], bulkOffline: true } });
    expect(parseLoadBenchArgs(['--bulk', '2000, 10000', '--bulk-offline-skip'])).toMatchObject({ ok: true, options: { bulk: [2000, 10000], bulkOffline: false } });
    expect(parseLoadBenchArgs(['--bulk', '0'])).toMatchObject({ ok: true, options: { bulk: [] } });
    expect(parseLoadBenchArgs(['--bulk', '10,x'])).toMatchObject({ ok: false, message: '--bulk needs a whole number from 1 to 899999, not "x"' });
    expect(parseLoadBenchArgs(['--bulk', '900000'])).toMatchObject({ ok: false });
    expect(parseLoadBenchArgs(['--help'])).toMatchObject({ ok: false, help: true, message: expect.stringContaining('--bulk L') });
  });
});

describe('the bulk rows of npm run bench:load', () => {
  const stdout = [
    '/tmp/b/courts-2099-01-31.csv: courts: 2 rows: 0 loaded, 0 unchanged, 2 used for names, 0 refused (0.0 s)',
    'Loading 0 files into Neo4j at bolt://localhost:7687.',
    '/tmp/b/dockets-2099-01-31.csv: dockets: 400 rows: 398 loaded, 2 unchanged, 0 used for names, 0 refused (8.0 s)',
    '/tmp/b/citation-map-2099-01-31.csv: citation-map: 300 rows: 300 loaded, 0 unchanged, 0 used for names, 0 refused (2.5 s)',
  ].join('\n');

  it("reads each table's rows and seconds from the loader's per-file lines", () => {
    expect(parseBulkLines(stdout)).toEqual([
      { table: 'courts', rows: 2, loaded: 0, unchanged: 0, names: 2, refused: 0, seconds: 0, rowsPerSecond: 40 },
      { table: 'dockets', rows: 400, loaded: 398, unchanged: 2, names: 0, refused: 0, seconds: 8, rowsPerSecond: 50 },
      { table: 'citation-map', rows: 300, loaded: 300, unchanged: 0, names: 0, refused: 0, seconds: 2.5, rowsPerSecond: 120 },
    ]);
  });

  it('refuses a run that did not read the eight tables, or refused rows', () => {
    const figures = { elements: 10, workSeconds: 2, elementsPerSecond: 5, peakRssMiB: 100, cpuSeconds: 3, files: { loaded: 3, unchanged: 0, other: 0 }, databaseCpuSeconds: null, neo4jMemory: null };
    expect(() => bulkRow('default', 200, { ...figures, stdout }, { start: 1, end: 1 })).toThrow(/3 bulk files, not the 8 tables/);
    const eight = Array.from({ length: 8 }, (_, i) => `f${i}.csv: dockets: 10 rows: 9 loaded, 0 unchanged, 0 used for names, ${i === 3 ? 1 : 0} refused (1.0 s)`).join('\n');
    expect(() => bulkRow('default', 80, { ...figures, stdout: eight }, { start: 1, end: 1 })).toThrow(/rows refused in dockets \(1\)/);
    const good = eight.replace('1 refused', '0 refused');
    expect(bulkRow('default', 80, { ...figures, stdout: good }, { start: 1, end: 1 })).toMatchObject({ rows: 80, rowsPerSecond: 40, docketsPerSecond: 40, dockets: 80 });
  });
});
