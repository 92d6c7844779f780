import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_WRITE_TOKEN, type TestApi } from '../support/api.js';
import { post } from '../support/http.js';
import { captureLog, type CapturedLog } from '../support/log-capture.js';

const READ_TOKEN = 'test-read-token-request-log';
let api: TestApi;
let logs: CapturedLog;

beforeAll(async () => {
  logs = captureLog();
  api = await startTestApi({ log: logs.log, http: { readToken: READ_TOKEN } });
});
afterAll(() => api?.close());

async function logLineOf(requestId: string | null) {
  await logs.waitFor((l) => l.requestId === requestId && l.msg === 'request');
  const lines = logs.lines().filter((l) => l.requestId === requestId && l.msg === 'request');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('request log', () => {
  it('writes one JSON line per request: id, operation, status, duration and round trips', async () => {
    const read = await post(api.url, { query: 'query CasesPage { cases(first: 2) { totalCount edges { node { id } } } }' }, { authorization: `Bearer ${READ_TOKEN}` });
    expect(read.status).toBe(200);
    const line = await logLineOf(read.requestId);
    expect(line).toMatchObject({ level: 30, service: 'case-graph', method: 'POST', path: '/graphql', status: 200, operation: 'CasesPage' });
    expect(line.roundTrips).toBeGreaterThanOrEqual(1);
    expect(line.ms).toBeGreaterThanOrEqual(0);

    const write = await post(api.url, { query: 'mutation DeleteNothing { deleteCase(id: "http-request-log-nothing") { caseId } }' }, { authorization: `Bearer ${TEST_WRITE_TOKEN}` });
    expect(write.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await logLineOf(write.requestId)).toMatchObject({ status: 200, operation: 'DeleteNothing' });

    const refused = await post(api.url, { query: '{ ok }', operationName: null }, { authorization: 'Bearer wrong-token-value' });
    expect(await logLineOf(refused.requestId)).toMatchObject({ status: 403, operation: null, roundTrips: 0 });
  });

  it('never contains the Authorization header or a token, even for refused requests', async () => {
    await post(api.url, { query: '{ ok }' }, { authorization: `Bearer ${READ_TOKEN}` });
    await post(api.url, { query: 'mutation { deleteCase(id: "http-request-log-nothing") { caseId } }' }, { authorization: `Bearer ${TEST_WRITE_TOKEN}` });
    const guess = await post(api.url, { query: '{ ok }' }, { authorization: 'Bearer guessed-token-7781' });
    await logLineOf(guess.requestId);
    const text = logs.text();
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [READ_TOKEN, TEST_WRITE_TOKEN, 'guessed-token-7781', 'Bearer', 'authorization']) expect(text).not.toContain(secret);
  });
});
