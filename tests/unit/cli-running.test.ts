import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRunningNeo4j, removeRunningNeo4j, runningFile, writeRunningNeo4j } from '../../src/neo4j/running.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'cli-running-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** The pid of a process that has already ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the running-Neo4j record', () => {
  it('gives the uri while the process that wrote it lives, and nothing once it is removed', () => {
    expect(readRunningNeo4j(dataDir)).toBeNull();
    writeRunningNeo4j(dataDir, 'bolt://127.0.0.1:7777');
    expect(runningFile(dataDir)).toBe(path.join(dataDir, 'neo4j', 'running.json'));
    expect(readRunningNeo4j(dataDir)).toBe('bolt://127.0.0.1:7777');
    removeRunningNeo4j(dataDir);
    expect(existsSync(runningFile(dataDir))).toBe(false);
    expect(readRunningNeo4j(dataDir)).toBeNull();
  });

  it('ignores and removes a record whose process is gone, or that cannot be read', () => {
    writeRunningNeo4j(dataDir, 'bolt://127.0.0.1:7777', deadPid());
    expect(readRunningNeo4j(dataDir)).toBeNull();
    expect(existsSync(runningFile(dataDir))).toBe(false);

    mkdirSync(path.dirname(runningFile(dataDir)), { recursive: true });
    writeFileSync(runningFile(dataDir), '{"uri": 42');
    expect(readRunningNeo4j(dataDir)).toBeNull();
    expect(existsSync(runningFile(dataDir))).toBe(false);
  });

  it('is removed only by the process that wrote it', () => {
    writeRunningNeo4j(dataDir, 'bolt://127.0.0.1:7777', process.ppid);
    removeRunningNeo4j(dataDir);
    expect(readRunningNeo4j(dataDir)).toBe('bolt://127.0.0.1:7777');
  });
});
