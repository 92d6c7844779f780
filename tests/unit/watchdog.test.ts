import { describe, expect, it } from 'vitest';
import { isOutage } from '../../src/neo4j/errors.js';
import { Watchdog } from '../../src/neo4j/watchdog.js';

const never = () => new Promise<never>(() => {});
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('Watchdog', () => {
  it('fails a waiting statement as an outage when the check gets no answer, within slowMs + pingTimeoutMs', async () => {
    const watchdog = new Watchdog(never, { slowMs: 100, pingTimeoutMs: 200 });
    const started = performance.now();
    const error = await watchdog.watch(never()).catch((e: unknown) => e);
    const ms = performance.now() - started;
    expect(isOutage(error)).toBe(true);
    expect((error as Error).message).toMatch(/Neo4j stopped answering: .* within 200 ms \(NEO4J_PING_TIMEOUT_MS\)/);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1_500);
  });

  it('leaves a slow statement alone while the database answers the check', async () => {
    let pings = 0;
    const watchdog = new Watchdog(async () => void (pings += 1), { slowMs: 50, pingTimeoutMs: 100 });
    expect(await watchdog.watch(after(400, 'done'))).toBe('done');
    expect(pings).toBeGreaterThanOrEqual(2);
  });

  it('sends no check while statements answer quickly, and passes their errors on unchanged', async () => {
    let pings = 0;
    const watchdog = new Watchdog(async () => void (pings += 1), { slowMs: 200, pingTimeoutMs: 100 });
    for (let i = 0; i < 5; i += 1) expect(await watchdog.watch(after(5, i))).toBe(i);
    const failure = new Error('syntax');
    await expect(watchdog.watch(Promise.reject(failure))).rejects.toBe(failure);
    await after(300, null);
    expect(pings).toBe(0);
  });
});
