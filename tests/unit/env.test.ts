import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', logLevel: 'info', seedOnStart: true });
    expect(config.dataDir).toBe(path.resolve(process.cwd(), '.data'));
    expect(config.neo4j).toEqual({ uri: undefined, user: 'neo4j', password: '', database: 'neo4j', boltPort: 0, heap: '512m', pageCache: '256m' });
  });

  it('reads values, resolving DATA_DIR to an absolute path', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: 'var/graph', SEED_ON_START: 'No', NEO4J_URI: 'bolt://db:7687', NEO4J_HEAP: '2G', PORT_UNUSED: 'x' });
    expect(config.port).toBe(8080);
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(path.join(process.cwd(), 'var', 'graph'));
    expect(config.seedOnStart).toBe(false);
    expect(config.neo4j).toMatchObject({ uri: 'bolt://db:7687', heap: '2g' });
    expect(loadConfig({ SEED_ON_START: 'on' }).seedOnStart).toBe(true);
    expect(loadConfig({ PORT: '' }).port).toBe(4000);
  });

  it('names the variable when a number, flag or size is invalid', () => {
    for (const port of ['abc', '70000', '-1', '80.5']) {
      expect(configError({ PORT: port }).message).toBe(`PORT=${port} is not valid: use a whole number from 0 to 65535.`);
    }
    expect(configError({ NEO4J_BOLT_PORT: '99999' }).message).toMatch(/^NEO4J_BOLT_PORT=99999 is not valid/);
    expect(configError({ SEED_ON_START: 'maybe' }).message).toBe('SEED_ON_START=maybe is not valid: use true or false.');
    expect(configError({ NEO4J_HEAP: '1.5g' }).message).toBe('NEO4J_HEAP=1.5g is not valid: use a size such as 512m or 1g.');
    expect(configError({ NEO4J_PAGECACHE: 'lots' }).message).toMatch(/^NEO4J_PAGECACHE=lots is not valid/);
  });

  it('rejects numbers that are not written as plain digits', () => {
    // Number(' ') is 0 and Number('0x1F90') is 8080: neither is "a whole number from 0 to 65535" as written.
    for (const port of [' ', '0x1F90', '1e3']) {
      expect(() => loadConfig({ PORT: port }), JSON.stringify(port)).toThrow(ConfigError);
    }
  });
});
