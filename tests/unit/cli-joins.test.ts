import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandRecords } from '../../src/ingest/cli/records.js';
import { sourceHashOf } from '../../src/ingest/cli/unchanged.js';
import type { CaseFileRef } from '../../src/ingest/cli/files.js';

/**
 * The run's joins travel with each file ref as plain data too (`joinsDigest`), so a ref sent to
 * a worker thread (the offline import hashes files there; a thread gets a copy without the
 * joins' methods) hashes the same as in the loader's own thread. Records written here (court tcjx).
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'case-graph-joins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const API = 'https://www.courtlistener.com/api/rest/v4';
const write = (name: string, record: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(record));
  return { path: file, display: name } as CaseFileRef;
};
const party = write('party.json', { resource_uri: `${API}/parties/81/`, id: 81, name: 'Ivo Brandt', docket_id: 601, attorneys: [], party_types: [{ docket_id: 601, name: 'Plaintiff' }] });
const docket = write('docket.json', { resource_uri: `${API}/dockets/601/`, id: 601, court_id: 'tcjx', docket_number: '1:22-cv-00001', case_name: 'Brandt v. Cole' });

describe('the run\'s joins on file refs', () => {
  it('hash a record the same from a copy without the joins (a worker thread\'s), and differently once joined otherwise', async () => {
    const withDocket = await expandRecords([party, docket]);
    const alone = await expandRecords([party]);
    const ref = withDocket.find((f) => f.display === 'party.json')!;
    expect(ref.joinsDigest).toMatch(/^[0-9a-f]{16}$/);
    const { joins: _, ...plain } = ref;
    const copy = structuredClone(plain) as CaseFileRef;
    expect(await sourceHashOf(copy)).toBe(await sourceHashOf(ref));
    expect(await sourceHashOf(alone[0]!)).not.toBe(await sourceHashOf(ref));
  });
});
