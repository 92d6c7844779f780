import { createServer } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Executor, type CypherQuery, type QueryStats } from '../../src/neo4j/executor.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { post } from '../support/http.js';
import { captureLog, type CapturedLog } from '../support/log-capture.js';

/** Sends every read to the real Neo4j with a syntax error at the end, as a bug in a query builder would. */
class BrokenCypher extends Executor {
  constructor(
    private readonly target: Driver,
    private readonly db: string,
    stats?: QueryStats,
  ) {
    super(target, db, stats);
  }
  override withStats(stats: QueryStats): Executor {
    return new BrokenCypher(this.target, this.db, stats);
  }
  override read<T>(query: CypherQuery): Promise<T[]> {
    return super.read<T>({ ...query, text: `${query.text} RETURN n.secretProperty AS oops ORDER BY` });
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const QUERY = { query: '{ case(id: "baldwin-involuntary-manslaughter-case") { id caption } }' };
let broken: { api: TestApi; logs: CapturedLog };
let down: { api: TestApi; logs: CapturedLog; driver: Driver };
let plain: TestApi;

beforeAll(async () => {
  const brokenLogs = captureLog();
  const downLogs = captureLog();
  const unreachable = neo4j.driver(`bolt://127.0.0.1:${await closedPort()}`, neo4j.auth.basic('neo4j', 'x'), { maxTransactionRetryTime: 0, connectionTimeout: 2000 });
  const [brokenApi, downApi, plainApi] = await Promise.all([
    startTestApi({ log: brokenLogs.log, executor: (driver, db) => new BrokenCypher(driver, db) }),
    startTestApi({ log: downLogs.log, executor: (_, db) => new Executor(unreachable, db) }),
    startTestApi(),
  ]);
  broken = { api: brokenApi, logs: brokenLogs };
  down = { api: downApi, logs: downLogs, driver: unreachable };
  plain = plainApi;
});
afterAll(() => Promise.all([broken?.api.close(), down?.api.close(), down?.driver.close(), plain?.close()]));

describe('unexpected errors', () => {
  it('reach the client as "Unexpected error." with a request id, never their message, stack or Cypher', async () => {
    const { status, body, requestId } = await post(broken.api.url, QUERY);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { case: null },
      errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['case'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
    });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const text = JSON.stringify(body);
    for (const leak of ['secretProperty', 'MATCH', 'RETURN', 'Neo', 'SyntaxError', 'Invalid input', 'at ', '.ts']) expect(text).not.toContain(leak);
  });

  it('are logged in full under the same request id', async () => {
    const { requestId } = await post(broken.api.url, QUERY);
    const line = await broken.logs.waitFor((l) => l.requestId === requestId && l.msg === 'unexpected error');
    expect(line.level).toBe(50);
    expect(line.path).toEqual(['case']);
    expect(line.err.message).toContain('secretProperty');
    expect(line.err.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(line.err.stack).toBeTruthy();
    // Logged once: yoga's own report of the same error is dropped.
    expect(broken.logs.lines().filter((l) => l.requestId === requestId && JSON.stringify(l).includes('secretProperty'))).toHaveLength(1);
  });

  it('keep the id of each request when many fail at once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `concurrent-${i}`);
    const responses = await Promise.all(ids.map((id) => post(broken.api.url, QUERY, { 'x-request-id': id })));
    for (const [i, response] of responses.entries()) {
      expect(response.requestId).toBe(ids[i]);
      expect(response.body.errors[0].extensions.requestId).toBe(ids[i]);
      const line = await broken.logs.waitFor((l) => l.requestId === ids[i] && l.msg === 'unexpected error');
      expect(line.path).toEqual(['case']);
    }
  });

  it('from an unreachable Neo4j answer 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const { status, headers, body, requestId } = await post(down.api.url, QUERY);
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('5');
    expect(body.errors).toEqual([
      { message: 'The database is unavailable; try again in a moment.', locations: [{ line: 1, column: 3 }], path: ['case'], extensions: { code: 'SERVICE_UNAVAILABLE', requestId } },
    ]);
    const line = await down.logs.waitFor((l) => l.requestId === requestId && l.msg === 'database unavailable');
    expect(line.err.code).toBe('ServiceUnavailable');
  });
});

describe('request ids', () => {
  it('keep a sane incoming x-request-id and echo it', async () => {
    const { requestId } = await post(plain.url, { query: '{ ok }' }, { 'x-request-id': 'edge-7f3a:42' });
    expect(requestId).toBe('edge-7f3a:42');
  });

  it('replace an id that is too long or could forge log lines, and give one to every request', async () => {
    for (const given of ['a'.repeat(129), 'two words', 'x"} {"level":60', '']) {
      const { requestId } = await post(plain.url, { query: '{ ok }' }, given ? { 'x-request-id': given } : {});
      expect(requestId, given).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const refused = await fetch(plain.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
