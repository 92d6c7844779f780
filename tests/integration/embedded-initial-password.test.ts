import { mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePassword, passwordFile } from '../../src/neo4j/embedded/credentials.js';
import { startEmbedded, type RunningNeo4j } from '../../src/neo4j/embedded/process.js';

/**
 * A new store never has the default neo4j/neo4j login, not even for the moment between Bolt
 * opening and the launcher setting the store's password: a client tries it as fast as it can
 * from before the JVM starts until after it is ready.
 */
let running: RunningNeo4j | undefined;
let home: string | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Outcome = 'taken' | 'unauthorized' | 'locked' | 'closed' | 'other';

/** Logs in as neo4j/neo4j and, as an attacker would, makes the password its own. */
async function tryDefault(bolt: string): Promise<{ outcome: Outcome; message?: string }> {
  const driver = neo4j.driver(bolt, neo4j.auth.basic('neo4j', 'neo4j'), { connectionTimeout: 2_000, maxConnectionPoolSize: 1 });
  try {
    await driver.executeQuery("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'taken-over-password'", {}, { database: 'system' });
    return { outcome: 'taken' };
  } catch (error) {
    const message = (error as Error).message;
    if (/unauthorized|authentication failure/i.test(message)) return { outcome: 'unauthorized' };
    // Neo4j locks the user for 5 s after 3 wrong passwords in a row.
    if (/incorrect authentication details too many times/i.test(message)) return { outcome: 'locked' };
    if (/ECONNREFUSED|Failed to connect/i.test(message)) return { outcome: 'closed' };
    return { outcome: 'other', message };
  } finally {
    await driver.close();
  }
}

describe('the embedded Neo4j on a new store', () => {
  it('never accepts the default neo4j/neo4j: the password is set before the database first starts', async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'case-graph-initial-password-'));
    const password = ensurePassword(home);
    const port = await freePort();
    const bolt = `bolt://127.0.0.1:${port}`;
    const outcomes: { outcome: Outcome; message?: string }[] = [];
    let ready = false;
    const probe = (async () => {
      // Until a little after the ready line: the old launcher set the password only after it.
      let after = 0;
      while (after < 5) {
        outcomes.push(await tryDefault(bolt));
        if (ready) after += 1;
      }
    })();
    running = await startEmbedded({ homeDir: home, boltPort: port, heap: '256m', pageCache: '16m', passwordFile: passwordFile(home) });
    ready = true;
    await probe;

    const taken = outcomes.filter((o) => o.outcome === 'taken').length;
    const refused = outcomes.filter((o) => o.outcome === 'unauthorized' || o.outcome === 'locked').length;
    const other = outcomes.filter((o) => o.outcome === 'other');
    expect(taken, `neo4j/neo4j worked ${taken} times of ${outcomes.length}`).toBe(0);
    expect(other, JSON.stringify(other)).toEqual([]);
    expect(refused).toBeGreaterThanOrEqual(5);

    const initialUsers = path.join(home, 'data', 'dbms', 'auth.ini');
    expect(statSync(initialUsers).mode & 0o777).toBe(0o600);
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // the probe's lock-out passes
    const owner = neo4j.driver(bolt, neo4j.auth.basic('neo4j', password));
    try {
      const { records } = await owner.executeQuery('SHOW CURRENT USER YIELD user, passwordChangeRequired', {}, { database: 'system' });
      expect(records.map((r) => r.toObject())).toEqual([{ user: 'neo4j', passwordChangeRequired: false }]);
    } finally {
      await owner.close();
    }
  }, 240_000);
});
