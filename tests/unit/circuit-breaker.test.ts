import { Neo4jError, error as driverCodes } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/neo4j/circuit-breaker.js';

const outage = () => new Neo4jError('connect ECONNREFUSED', driverCodes.SERVICE_UNAVAILABLE, '08000', 'connection exception');
const syntaxError = () => new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42000', 'syntax error');

function clocked() {
  const clock = { now: 0 };
  return { clock, breaker: new CircuitBreaker(1_000, () => clock.now) };
}

describe('CircuitBreaker', () => {
  it('passes calls through while Neo4j answers', async () => {
    const { breaker } = clocked();
    expect(await breaker.run(async () => 42)).toBe(42);
    expect(breaker.state).toBe('closed');
  });

  it('after an outage, fails calls at once without running them until the cooldown passes', async () => {
    const { clock, breaker } = clocked();
    await expect(breaker.run(async () => Promise.reject(outage()))).rejects.toThrow('ECONNREFUSED');
    clock.now = 999;
    let ran = false;
    const refused = await breaker.run(async () => (ran = true)).catch((error) => error);
    expect(ran).toBe(false);
    expect(refused).toBeInstanceOf(Neo4jError);
    expect(refused.code).toBe(driverCodes.SERVICE_UNAVAILABLE);
    expect(refused.message).toMatch(/out of reach 999 ms ago; the next request tries again in 1 ms/);
  });

  it('lets one probe through after the cooldown; others still fail fast while it runs; success closes it', async () => {
    const { clock, breaker } = clocked();
    await breaker.run(async () => Promise.reject(outage())).catch(() => {});
    clock.now = 1_000;
    expect(breaker.state).toBe('half-open');
    let finishProbe!: (value: string) => void;
    const probe = breaker.run(() => new Promise<string>((resolve) => (finishProbe = resolve)));
    await expect(breaker.run(async () => 'second')).rejects.toThrow(/one request is checking whether it is back/);
    finishProbe('back');
    expect(await probe).toBe('back');
    expect(breaker.state).toBe('closed');
    expect(await breaker.run(async () => 'after')).toBe('after');
  });

  it('opens again when the probe finds Neo4j still gone', async () => {
    const { clock, breaker } = clocked();
    await breaker.run(async () => Promise.reject(outage())).catch(() => {});
    clock.now = 1_500;
    await expect(breaker.run(async () => Promise.reject(outage()))).rejects.toThrow('ECONNREFUSED');
    clock.now = 2_000;
    await expect(breaker.run(async () => 'too soon')).rejects.toThrow(/out of reach 500 ms ago/);
  });

  it('is not opened by errors of the query itself', async () => {
    const { breaker } = clocked();
    await expect(breaker.run(async () => Promise.reject(syntaxError()))).rejects.toThrow('Invalid input');
    expect(breaker.state).toBe('closed');
    expect(await breaker.run(async () => 'fine')).toBe('fine');
  });
});
