import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadHttpConfig } from '../../src/config/env.js';
import { MAX_CASE_FILE_BYTES } from '../../src/ingest/casefile/validate.js';

function message(env: NodeJS.ProcessEnv): string {
  try {
    loadHttpConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('HTTP settings from the environment', () => {
  it('have documented defaults: reads open, introspection on, same-origin only, 12 MB bodies', () => {
    expect(loadHttpConfig({})).toEqual({
      readToken: undefined,
      introspection: true,
      corsOrigins: [],
      maxBodyBytes: 12_000_000,
      limits: { maxDepth: 15, maxAliases: 15, maxTokens: 2000, maxDirectives: 10, maxCost: 200_000 },
    });
    expect(loadConfig({}).http).toEqual(loadHttpConfig({}));
  });

  it('take the largest case file importCase accepts, even JSON-escaped to twice its size', () => {
    expect(loadHttpConfig({}).maxBodyBytes).toBeGreaterThan(2 * MAX_CASE_FILE_BYTES);
  });

  it('read every setting', () => {
    const config = loadHttpConfig({
      API_READ_TOKEN: 'r-token',
      INTROSPECTION: 'off',
      CORS_ORIGINS: 'https://analysts.example.org, http://localhost:5173',
      MAX_BODY_BYTES: '50000',
      MAX_DEPTH: '12',
      MAX_ALIASES: '0',
      MAX_TOKENS: '5000',
      MAX_DIRECTIVES: '3',
      MAX_COST: '1000',
    });
    expect(config).toEqual({
      readToken: 'r-token',
      introspection: false,
      corsOrigins: ['https://analysts.example.org', 'http://localhost:5173'],
      maxBodyBytes: 50_000,
      limits: { maxDepth: 12, maxAliases: 0, maxTokens: 5000, maxDirectives: 3, maxCost: 1000 },
    });
    expect(loadHttpConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });

  it('name the variable and the accepted values when one is invalid', () => {
    expect(message({ MAX_DEPTH: '0' })).toBe('MAX_DEPTH=0 is not valid: use a whole number from 1 to 1000.');
    expect(message({ MAX_COST: 'lots' })).toMatch(/^MAX_COST=lots is not valid/);
    expect(message({ MAX_BODY_BYTES: '10' })).toMatch(/^MAX_BODY_BYTES=10 is not valid: use a whole number from 1000/);
    expect(message({ INTROSPECTION: 'sometimes' })).toBe('INTROSPECTION=sometimes is not valid: use true or false.');
    for (const origin of ['analysts.example.org', 'https://analysts.example.org/', 'https://a.example/path', 'ftp://a.example']) {
      expect(message({ CORS_ORIGINS: origin }), origin).toMatch(new RegExp(`^CORS_ORIGINS has "${origin.replace(/[./]/g, '\\$&')}", which is not an origin`));
    }
  });
});
