import { ensureBuilt } from './build.js';

/** `npm run neo4j:build`: fetches Neo4j from Maven Central and compiles the launcher ahead of time. */
await ensureBuilt((message) => console.error(message));
console.error('Embedded Neo4j launcher is up to date.');
