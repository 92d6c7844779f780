import type { EntityInput } from '../../casefile/case-file.js';
import type { CaseBuild } from '../build.js';
import { courtId } from '../identity.js';
import { text, type RecordPath } from '../record.js';
import type { CourtListenerJoins } from './joins.js';

/**
 * The Court node of a CourtListener court id (`azd`), named as readably as the run allows: the
 * court's full name from the run's court records (the bulk `courts` table, an API court object),
 * else a name the record itself gives (`court_citation_string`, or `court` written as a name, as
 * CourtListener's search results give them), else the id as it stands: no table of names is
 * built in, so an id no record of the run names stays an id.
 */
export function courtEntity(build: CaseBuild, id: string, idField: RecordPath, joins?: CourtListenerJoins, record: Record<string, unknown> = {}): EntityInput {
  const known = joins?.courts.get(id);
  const ownField = known ? undefined : ['court_citation_string', 'court'].find((f) => isCourtName(text(record[f]), id));
  const name = known ?? (ownField ? text(record[ownField])!.trim() : id);
  return build.entity({
    id: courtId('courtlistener', id),
    kind: 'Court',
    shared: true,
    name,
    description: `The court CourtListener identifies as "${id}".`,
    sources: [build.cite.whole(idField), ...(ownField ? [build.cite.whole([ownField])] : [])],
  });
}

/** A value that names a court in words (not its id, not an API URL). */
const isCourtName = (value: string | undefined, id: string) => value !== undefined && /\s/.test(value.trim()) && !/^https?:/.test(value.trim()) && value.trim() !== id;
