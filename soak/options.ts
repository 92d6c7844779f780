import { parseArgs } from 'node:util';

export interface SoakOptions {
  seconds: number;
  /** Concurrent HTTP connections, each sending its next request when the last one answers. */
  concurrency: number;
  /** A running service to soak instead of starting one (its Neo4j for the duplicate check: NEO4J_URI). */
  url: string | null;
  /** Share of requests that import a case; the rest are reads. */
  importShare: number;
  /** Share of imports that load again a case already loaded, which must change nothing. */
  reimportShare: number;
}

export class OptionError extends Error {}

export const USAGE = `npm run soak -- [--seconds 60] [--concurrency 8] [--import-share 0.2] [--reimport-share 0.3] [--url http://host:port/graphql]

Runs concurrent mixed reads (the operations of docs/examples.graphql) and imports (generated
fictional cases, some loaded twice) for a fixed time, then checks the graph for duplicates.
Without --url it starts the service on loopback with a throwaway store (NEO4J_URI is used when
set). With --url, set API_WRITE_TOKEN to its write token and NEO4J_URI to its Neo4j.
Exit code 0 only with zero errors and zero duplicates.
`;

function number(raw: string, name: string, min: number, max: number, integer: boolean): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new OptionError(`--${name} ${raw} is not valid: use ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
  }
  return value;
}

/** Null with --help. */
export function parseSoakOptions(argv: string[]): SoakOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        seconds: { type: 'string', default: '60' },
        concurrency: { type: 'string', default: '8' },
        'import-share': { type: 'string', default: '0.2' },
        'reimport-share': { type: 'string', default: '0.3' },
        url: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new OptionError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return null;
  const url = values.url ?? null;
  if (url !== null && !/^https?:\/\/[^/]+\/graphql$/.test(url)) throw new OptionError(`--url ${url} is not valid: give the GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql.`);
  return {
    seconds: number(values.seconds, 'seconds', 1, 86_400, true),
    concurrency: number(values.concurrency, 'concurrency', 1, 1_000, true),
    importShare: number(values['import-share'], 'import-share', 0, 1, false),
    reimportShare: number(values['reimport-share'], 'reimport-share', 0, 1, false),
    url,
  };
}
