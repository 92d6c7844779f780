import type { TestProject } from 'vitest/node';
import { connect } from '../../src/neo4j/connection.js';
import { Executor } from '../../src/neo4j/executor.js';
import { applySchema } from '../../src/neo4j/migrations.js';
import { startTestNeo4j } from './neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string; mode: string };
  }
}

/** Starts one real Neo4j for the whole run and applies the schema; stops it at the end. */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const target = await startTestNeo4j((message) => console.log(message));
  const driver = await connect(target);
  await applySchema(new Executor(driver, target.database));
  await driver.close();
  console.log(`Neo4j for tests (${target.mode}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${target.uri}`);
  project.provide('neo4j', { uri: target.uri, user: target.user, password: target.password, database: target.database, mode: target.mode });
  return async () => {
    await target.release();
  };
}

