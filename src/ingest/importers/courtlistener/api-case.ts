import type { CaseFile } from '../../casefile/case-file.js';
import type { CaseBuild } from '../build.js';
import { contributionKey, type ImportResult } from '../record.js';
import { documentId } from './docket.js';
import { courtEntity } from './court.js';
import type { CourtListenerJoins, DocketRef } from './joins.js';

/**
 * The case file one CourtListener object (a party, an attorney, a cluster, an opinion) becomes:
 * a contribution of its own to the case of its docket. The case's caption, number and court are
 * the docket's as the run's docket record gives them (so every contribution states the same);
 * its sources are the record's own reference to the docket.
 */
export function apiCaseFile(
  build: CaseBuild,
  target: DocketRef & { known: boolean },
  docket: number | undefined,
  record: Record<string, unknown>,
  published: string,
  kind: string,
  title: string,
  caseFields: Partial<CaseFile['case']> = {},
  refField = 'docket_id',
  joins?: CourtListenerJoins,
): ImportResult {
  const court = target.court ? courtEntity(build, target.court, [refField], joins) : undefined;
  const caseFile: CaseFile = {
    formatVersion: 1,
    contribution: contributionKey(record, kind),
    documents: [{ id: documentId(build.caseId, published), title: `${title} (CourtListener${docket !== undefined ? `, docket ${docket}` : ''})`.slice(0, 4000), kind: `${kind.replace(/^api-/, '')} (CourtListener REST API)`, text: published }],
    case: {
      id: build.caseId,
      caption: target.caption,
      status: target.status,
      shared: true,
      ...(target.known ? { docketNumber: target.number } : {}),
      ...(court ? { court: court.id } : {}),
      ...caseFields,
      sources: [build.cite.whole([refField]), ...(caseFields.sources ?? [])],
    },
    entities: build.entities,
    ...(build.charges.length > 0 ? { charges: build.charges } : {}),
    events: build.events,
    roles: build.roles,
    relations: build.relations,
  };
  return { caseFile, notes: build.notes };
}
