import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDuplicates } from '../../soak/duplicates.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  // Labels no constraint covers, so the duplicates can exist: what the check must find.
  await api.executor.write({
    text: `UNWIND range(1, 5) AS i CREATE (:SoakDuplicateProbe {id: 'soak-dup-node'})
           WITH count(*) AS made
           CREATE (a:SoakDuplicateProbe {id: 'soak-dup-from'}), (b:SoakDuplicateProbe {id: 'soak-dup-to'})
           WITH a, b UNWIND range(1, 5) AS i CREATE (a)-[:SOAK_DUPLICATE_PROBE {id: 'soak-dup-rel'}]->(b)`,
  });
});
afterAll(async () => {
  await api?.executor.write({ text: 'MATCH (n:SoakDuplicateProbe) DETACH DELETE n' });
  await api?.close();
});

describe("the soak's duplicate check", () => {
  it('finds nodes sharing an id and relationships sharing ends, type and id', async () => {
    const report = await findDuplicates(api.executor);
    expect(report.duplicateNodes).toContainEqual({ kind: 'SoakDuplicateProbe', key: 'soak-dup-node', copies: 5 });
    expect(report.duplicateRelationships).toContainEqual({ from: 'soak-dup-from', type: 'SOAK_DUPLICATE_PROBE', id: 'soak-dup-rel', to: 'soak-dup-to', copies: 5 });
    expect(report.nodes).toBeGreaterThanOrEqual(7);
  });
});
