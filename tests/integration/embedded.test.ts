import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { syntheticCaseFile, syntheticJudgeFile } from '../../bench/synthetic.js';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const homes: string[] = [];
const children: ChildProcess[] = [];

function scratchHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'case-graph-embedded-'));
  homes.push(home);
  return home;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

/** Runs a TypeScript entry point with tsx and collects what it prints. */
function run(entry: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const out = { text: '' };
  child.stdout!.on('data', (chunk) => (out.text += chunk));
  child.stderr!.on('data', (chunk) => (out.text += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exit };
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

describe('the embedded Neo4j launcher', () => {
  it('never leaves the JVM behind when its parent is killed outright', async () => {
    const { child, out } = run('tests/support/embedded-child.ts', [scratchHome()], process.env);
    expect(await waitUntil(() => out.text.includes('READY'), 150_000), out.text).toBe(true);
    const jvm = Number(/JVM_PID (\d+)/.exec(out.text)![1]);
    expect(alive(jvm)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntil(() => !alive(jvm), 60_000)).toBe(true);
  }, 240_000);

  it('stops Neo4j with the service on SIGTERM, leaving no Java process', async () => {
    const env = { ...process.env, PORT: '0', DATA_DIR: scratchHome(), SEED_ON_START: 'false', NEO4J_URI: '', LOG_LEVEL: 'info' };
    const { child, out, exit } = run('src/main.ts', [], env);
    expect(await waitUntil(() => out.text.includes('GraphiQL:'), 150_000), out.text).toBe(true);
    const jvm = Number(/pid (\d+)/.exec(out.text)![1]);
    expect(alive(jvm)).toBe(true);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(alive(jvm)).toBe(false);
    expect(out.text).toContain('"msg":"stopped"');
  }, 240_000);

  it('has authentication on: a random password per store in a 0600 file, used by the service and the loader; running.json holds no secret', async () => {
    const dataDir = scratchHome();
    const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, SEED_ON_START: 'false', NEO4J_URI: '', LOG_LEVEL: 'info', NEO4J_HEAP: '256m', NEO4J_PAGECACHE: '64m' };
    const { child, out, exit } = run('src/main.ts', [], env);
    expect(await waitUntil(() => out.text.includes('GraphiQL:'), 200_000), out.text).toBe(true);
    const bolt = /ready at (bolt:\/\/\S+)/.exec(out.text)![1]!;
    const passwordPath = path.join(dataDir, 'neo4j', 'password');
    const runningPath = path.join(dataDir, 'neo4j', 'running.json');
    expect(statSync(passwordPath).mode & 0o777).toBe(0o600);
    expect(statSync(runningPath).mode & 0o777).toBe(0o600);
    const password = readFileSync(passwordPath, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(40);
    const running = readFileSync(runningPath, 'utf8');
    expect(Object.keys(JSON.parse(running)).sort()).toEqual(['pid', 'startedAt', 'uri']);
    expect(running).not.toContain(password);

    const attempt = async (auth?: ReturnType<typeof neo4j.auth.basic>) => {
      const driver = neo4j.driver(bolt, auth);
      try {
        await driver.executeQuery('RETURN 1');
        return 'ok';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await driver.close();
      }
    };
    expect(await attempt()).toMatch(/only allowed when auth is disabled/);
    expect(await attempt(neo4j.auth.basic('neo4j', 'neo4j'))).toMatch(/unauthorized/);
    expect(await attempt(neo4j.auth.basic('neo4j', password))).toBe('ok');

    // The loader finds the service's Neo4j through running.json and logs in with the store's password.
    const cases = path.join(scratchHome(), 'cases');
    mkdirSync(cases);
    writeFileSync(path.join(cases, 'judge.case.yaml'), syntheticJudgeFile('embedded-auth'));
    writeFileSync(path.join(cases, 'one.case.yaml'), syntheticCaseFile('embedded-auth', 1));
    const load = run('src/ingest/cli/main.ts', [cases], env);
    expect(await load.exit, load.out.text).toBe(0);
    expect(load.out.text).toContain("the running service's embedded Neo4j");
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 240_000);

  it('names the three ways to reach Neo4j when none is possible', async () => {
    // A PATH with node and nothing else: no java, no mvn, no docker.
    const bin = path.join(scratchHome(), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const env = { PATH: bin, HOME: os.tmpdir(), PORT: '0', DATA_DIR: scratchHome() };
    const { out, exit } = run('src/main.ts', [], env);
    expect(await exit).toBe(1);
    expect(out.text).toContain('No Neo4j to connect to');
    expect(out.text).toContain('NEO4J_URI');
    expect(out.text).toContain('docker compose up');
    expect(out.text).toContain('Java 17+ and Maven');
  }, 60_000);
});
