import path from 'node:path';

/** Everything the service reads from its environment, parsed once at start-up. */
export interface Config {
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  seedOnStart: boolean;
  /** Run the example operations once at start, so Neo4j has planned them before the first request. */
  warmUp: boolean;
  /** Bearer token that mutations need; unset means writes are off. */
  writeToken: string | undefined;
  /** What the HTTP layer accepts: read token, query limits, introspection, CORS, body size. */
  http: HttpConfig;
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
  /** How long the service waits: on Neo4j, and for requests in flight when it stops. */
  timeouts: Timeouts;
}

/** Every one has an env variable and a default; the README's "Running in production" explains them. */
export interface Timeouts {
  /** NEO4J_TX_TIMEOUT_MS: Neo4j stops a request's transaction after this long; 0 leaves it to the server. */
  transactionMs: number;
  /** NEO4J_CONNECT_TIMEOUT_MS: one attempt to open a connection to Neo4j. */
  connectMs: number;
  /** SHUTDOWN_GRACE_MS: on SIGTERM/SIGINT, how long requests in flight may take to finish. */
  shutdownGraceMs: number;
  /** NEO4J_PING_TIMEOUT_MS: a check of a slow statement's Neo4j unanswered this long means it stopped answering. */
  pingMs: number;
  /** HEALTH_UNREACHABLE_MS: an embedded Neo4j whose JVM runs but does not answer this long fails /health. */
  healthUnreachableMs: number;
}

/** Settings of the GraphQL HTTP endpoint; every one has an env variable and a default. */
export interface HttpConfig {
  /** When set, every GraphQL request needs this token (or the write token) as a bearer token. */
  readToken: string | undefined;
  /** Schema introspection and field suggestions in error messages; GraphiQL's docs need it. */
  introspection: boolean;
  /** Origins allowed to call the API from a browser; empty means same-origin only, `*` any. */
  corsOrigins: string[];
  maxBodyBytes: number;
  limits: QueryLimits;
}

/**
 * The default MAX_COST: three lists nested in one another at the default page size of 20
 * (20 × 20 × 20 = 8,000 items) with 25 fields each. A plain query that leaves out `first:`
 * three lists deep passes; a fourth level at the defaults (160,000 items) needs `first:`.
 */
export const DEFAULT_MAX_COST = 200_000;

/** Limits checked before a query runs, so an expensive document never reaches Neo4j. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
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

function origins(env: NodeJS.ProcessEnv, name: string): string[] {
  const list = (env[name] ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  for (const origin of list) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`${name} has "${origin}", which is not an origin: use scheme://host[:port] without a path or trailing slash, e.g. https://analysts.example.org, or * for any.`);
    }
  }
  return list;
}

export function loadHttpConfig(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  return {
    readToken: env.API_READ_TOKEN || undefined,
    introspection: flag(env, 'INTROSPECTION', true),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    // Room for the largest case file importCase takes (5 MiB) even when JSON escaping doubles it.
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 12_000_000, 1_000, 1_000_000_000),
    limits: {
      maxDepth: integer(env, 'MAX_DEPTH', 15, 1, 1_000),
      maxAliases: integer(env, 'MAX_ALIASES', 15, 0, 10_000),
      maxTokens: integer(env, 'MAX_TOKENS', 2_000, 10, 1_000_000),
      maxDirectives: integer(env, 'MAX_DIRECTIVES', 10, 0, 10_000),
      maxCost: integer(env, 'MAX_COST', DEFAULT_MAX_COST, 1, 1_000_000_000),
    },
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    logLevel: env.LOG_LEVEL || 'info',
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    seedOnStart: flag(env, 'SEED_ON_START', true),
    warmUp: flag(env, 'WARM_UP', true),
    writeToken: env.API_WRITE_TOKEN || undefined,
    http: loadHttpConfig(env),
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || '',
      database: env.NEO4J_DATABASE || 'neo4j',
      boltPort: integer(env, 'NEO4J_BOLT_PORT', 0, 0, 65535),
      heap: size(env, 'NEO4J_HEAP', '512m'),
      pageCache: size(env, 'NEO4J_PAGECACHE', '256m'),
    },
    timeouts: loadTimeouts(env),
  };
}

export function loadTimeouts(env: NodeJS.ProcessEnv = process.env): Timeouts {
  return {
    transactionMs: integer(env, 'NEO4J_TX_TIMEOUT_MS', 10_000, 0, 3_600_000),
    connectMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', 1_000, 100, 60_000),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    pingMs: integer(env, 'NEO4J_PING_TIMEOUT_MS', 2_000, 100, 60_000),
    healthUnreachableMs: integer(env, 'HEALTH_UNREACHABLE_MS', 30_000, 1_000, 3_600_000),
  };
}
