import neo4j from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import { Kind, parse, print } from 'graphql';
import { Executor } from './src/neo4j/executor.js';
import { bothPaths } from './tests/support/read-paths.js';
import { isDeepStrictEqual } from 'node:util';
const d = neo4j.driver('bolt://127.0.0.1:7690');
const ex = new Executor(d, 'neo4j');
const file = process.argv[2] ?? 'docs/examples.graphql';
const only = process.argv[3];
const ops = parse(readFileSync(file, 'utf8')).definitions.filter((x: any) => x.kind === Kind.OPERATION_DEFINITION) as any[];
for (const op of ops) {
  if (only && op.name.value !== only) continue;
  try {
    const r = await bothPaths(ex, print(op), {});
    const same = isDeepStrictEqual(r.old.data, r.compiled.data) && isDeepStrictEqual(r.old.errors, r.compiled.errors);
    console.log(same ? 'SAME' : 'DIFF', op.name.value, 'rt', r.old.roundTrips, '->', r.compiled.roundTrips);
    if (!same && only) { console.log(JSON.stringify(r.old).slice(0, 3000)); console.log(JSON.stringify(r.compiled).slice(0, 3000)); }
    else if (!same) console.log('  ', JSON.stringify(r.compiled.errors).slice(0, 600));
  } catch (e) { console.log('FAIL', op.name.value, String(e).slice(0, 1500)); }
}
await d.close();
