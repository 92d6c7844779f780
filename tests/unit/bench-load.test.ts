import { describe, expect, it } from 'vitest';
import { parseLoadBenchArgs } from '../../bench/load/args.js';
import { scheduleBatches } from '../../bench/load/schedule.js';

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
});
