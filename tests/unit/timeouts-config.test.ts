import { describe, expect, it } from 'vitest';
import { ConfigError, loadTimeouts } from '../../src/config/env.js';

describe('loadTimeouts', () => {
  it('has documented defaults', () => {
    expect(loadTimeouts({})).toEqual({ transactionMs: 10_000, connectMs: 1_000, shutdownGraceMs: 10_000, pingMs: 2_000, healthUnreachableMs: 30_000 });
  });

  it('reads NEO4J_TX_TIMEOUT_MS (0 turns it off), NEO4J_CONNECT_TIMEOUT_MS and SHUTDOWN_GRACE_MS', () => {
    expect(loadTimeouts({ NEO4J_TX_TIMEOUT_MS: '2500', NEO4J_CONNECT_TIMEOUT_MS: '3000', SHUTDOWN_GRACE_MS: '0', NEO4J_PING_TIMEOUT_MS: '500', HEALTH_UNREACHABLE_MS: '5000' })).toEqual({ transactionMs: 2_500, connectMs: 3_000, shutdownGraceMs: 0, pingMs: 500, healthUnreachableMs: 5_000 });
    expect(loadTimeouts({ NEO4J_TX_TIMEOUT_MS: '0' }).transactionMs).toBe(0);
  });

  it.each([
    ['NEO4J_TX_TIMEOUT_MS', '10s', 'from 0 to 3600000'],
    ['NEO4J_CONNECT_TIMEOUT_MS', '50', 'from 100 to 60000'],
    ['SHUTDOWN_GRACE_MS', '-1', 'from 0 to 600000'],
  ])('refuses %s=%s, naming the range', (name, value, range) => {
    expect(() => loadTimeouts({ [name]: value })).toThrow(ConfigError);
    expect(() => loadTimeouts({ [name]: value })).toThrow(`${name}=${value} is not valid: use a whole number ${range}.`);
  });
});
