import path from 'node:path';

/** Everything the service reads from its environment, parsed once at start-up. */
export interface Config {
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  seedOnStart: boolean;
  /** Bearer token that mutations need; unset means writes are off. */
  writeToken: string | undefined;
  neo4j: {
    /** Set when the service should use an existing Neo4j (Docker, Aura, a cluster). */
    uri: string | undefined;
    user: string;
    password: string;
    database: string;
    /** Embedded Neo4j only: Bolt port (0 picks a free one), JVM heap and page cache. */
    boltPort: number;
    heap: string;
    pageCache: string;
  };
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is not valid: use a whole number from ${min} to ${max}.`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}=${env[name]} is not valid: use true or false.`);
}

function size(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^[0-9]+[kmg]$/i.test(raw)) throw new ConfigError(`${name}=${raw} is not valid: use a size such as 512m or 1g.`);
  return raw.toLowerCase();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || 'info',
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    seedOnStart: flag(env, 'SEED_ON_START', true),
    writeToken: env.API_WRITE_TOKEN || undefined,
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || '',
      database: env.NEO4J_DATABASE || 'neo4j',
      boltPort: integer(env, 'NEO4J_BOLT_PORT', 0, 0, 65535),
      heap: size(env, 'NEO4J_HEAP', '512m'),
      pageCache: size(env, 'NEO4J_PAGECACHE', '256m'),
    },
  };
}
