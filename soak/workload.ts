import { readFileSync } from 'node:fs';
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { syntheticCaseFile } from '../bench/synthetic.js';

const IMPORT = 'mutation Import($file: String!) { importCase(file: $file) { caseId applied existed changed } }';

/** One request of the mix, as autocannon sends it, and what the soak expects back. */
export interface Planned {
  /** `race`: the same case as an import still in flight, as a client retrying too early would send. */
  kind: 'read' | 'import' | 'reimport' | 'race';
  /** Operation name for reads, case number for imports. */
  what: string | number;
  body: string;
}

/** The query operations of docs/examples.graphql, each as its own document (with any fragments). */
export function exampleReads(file = 'docs/examples.graphql'): { name: string; body: string }[] {
  const definitions = parse(readFileSync(file, 'utf8')).definitions;
  const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return definitions.flatMap((d: DefinitionNode) =>
    d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' && d.name
      ? [{ name: d.name.value, body: JSON.stringify({ query: print({ kind: Kind.DOCUMENT, definitions: [d, ...fragments] }), operationName: d.name.value }) }]
      : [],
  );
}

/** Share of imports that repeat a case whose first import has not answered yet. */
export const RACE_SHARE = 0.1;

/**
 * Chooses each next request and keeps count of what came back. A re-import loads a case whose
 * first load has answered, so it must report no change; a race sends a case whose first load
 * is still running, which may or may not apply but must not fail. Any GraphQL error or non-200
 * answer counts as an error, as does a re-import that changed anything.
 */
export class Workload {
  private nextCase = 1;
  private readonly loaded: number[] = [];
  private readonly loading = new Set<number>();
  readonly counts = { read: 0, import: 0, reimport: 0, race: 0 };
  readonly errors = { http: 0, graphql: 0, changedOnReimport: 0 };
  /** A few distinct error messages, for the report. */
  readonly samples = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly reads: { name: string; body: string }[],
    private readonly shares: { importShare: number; reimportShare: number },
    private readonly random: () => number = Math.random,
  ) {}

  next(): Planned {
    if (this.random() >= this.shares.importShare) {
      const read = this.reads[Math.floor(this.random() * this.reads.length)]!;
      return { kind: 'read', what: read.name, body: read.body };
    }
    const pick = (cases: number[]) => cases[Math.floor(this.random() * cases.length)]!;
    const roll = this.random();
    let kind: Planned['kind'] = 'import';
    let n: number;
    if (this.loading.size > 0 && roll < RACE_SHARE) [kind, n] = ['race', pick([...this.loading])];
    else if (this.loaded.length > 0 && roll < RACE_SHARE + this.shares.reimportShare) [kind, n] = ['reimport', pick(this.loaded)];
    else this.loading.add((n = this.nextCase++));
    return { kind, what: n, body: JSON.stringify({ query: IMPORT, variables: { file: syntheticCaseFile(this.prefix, n) } }) };
  }

  record(sent: Planned, status: number, text: string): void {
    this.counts[sent.kind] += 1;
    if (sent.kind === 'import') this.loading.delete(sent.what as number);
    let body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } = {};
    try {
      body = JSON.parse(text);
    } catch {}
    if (status !== 200) {
      this.errors.http += 1;
      this.sample(`${sent.kind} ${sent.what}: HTTP ${status} ${text.slice(0, 200)}`);
    } else if (body.errors?.length) {
      this.errors.graphql += 1;
      this.sample(`${sent.kind} ${sent.what}: ${body.errors[0]!.extensions?.code ?? ''} ${body.errors[0]!.message.slice(0, 200)}`);
    } else if (sent.kind === 'import') {
      this.loaded.push(sent.what as number);
    } else if (sent.kind === 'reimport' && (body.data?.importCase?.applied || body.data?.importCase?.changed)) {
      this.errors.changedOnReimport += 1;
      this.sample(`reimport ${sent.what}: loading the same file again changed the graph: ${JSON.stringify(body.data.importCase)}`);
    }
  }

  get loadedCases(): number {
    return this.loaded.length;
  }

  private sample(message: string): void {
    if (this.samples.size < 5) this.samples.add(message);
  }
}
