/**
 * How the statements of several contributions about one node (or relationship) become its
 * fields. Pure, and independent of the order the contributions were loaded in: the graph is a
 * function of the set of contributions in it.
 *
 * - a scalar field takes the value of the contribution with the smallest id among those that
 *   give it a non-null value (a contribution never blanks what another stated);
 * - a list field is the union of every contribution's list (sorted once two or more state it);
 * - `shared` is true only while every contribution that defines the node says so;
 * - a case's own contributions come before other cases' for its Case node: an appeal that states
 *   the lower court's docket (a shared Case) fills only the fields that docket's reports leave out.
 * One statement alone is taken as it is.
 */

/** A contribution's statement of one node or relationship: its fields, as its plan gives them. */
export type Statement = Record<string, unknown>;

/**
 * Properties kept by the write path itself, never part of a statement (the lists are those of
 * stores written before STATES; a node's passages are its STATES' `passageIds`; a
 * relationship's are a stated list).
 */
export const BOOKKEEPING = ['sourceKeys', 'caseIds', 'owners', 'definers', 'fieldOwners', 'fieldsFrom', 'definedBy'] as const;
const BOOK = new Set<string>(BOOKKEEPING);

/** Fields two definitions may differ in without one changing what the other says. */
const NOT_COMPARED = new Set<string>([...BOOKKEEPING, 'passageIds', 'seq', 'shared']);

export interface Merged {
  props: Record<string, unknown>;
  /** Which contribution each scalar field came from; null when one statement gives them all. */
  fieldOwners: Record<string, string> | null;
}

const present = (value: unknown) => value !== null && value !== undefined;

/** Whether `a`'s value of a field of node `nodeId` wins over `b`'s: the node's own case first, then the smaller id. */
function before(a: string, b: string, nodeId: unknown): boolean {
  const own = (owner: string) => (caseOf(owner) === nodeId ? 0 : 1);
  return own(a) !== own(b) ? own(a) < own(b) : a < b;
}

function union(lists: unknown[][]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const list of lists) for (const item of list) if (present(item)) seen.set(JSON.stringify(item), item);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item);
}

/**
 * The fields of a node from every statement about it, by contribution id. `clear` names fields
 * the node holds now that no statement may give any more: they come back null (removed).
 */
export function mergeStatements(statements: ReadonlyMap<string, Statement>, clear: Iterable<string> = []): Merged {
  const nodeId = [...statements.values()].find((statement) => present(statement.id))?.id;
  const owners = [...statements.keys()].sort((a, b) => (a === b ? 0 : before(a, b, nodeId) ? -1 : 1));
  const props: Record<string, unknown> = {};
  for (const field of clear) if (!BOOK.has(field) && field !== 'id') props[field] = null;
  if (owners.length === 1) return { props: { ...props, ...withoutBookkeeping(statements.get(owners[0]!)!) }, fieldOwners: null };
  const fieldOwners: Record<string, string> = {};
  const fields = new Set(owners.flatMap((owner) => Object.keys(statements.get(owner)!)).filter((f) => !BOOK.has(f)));
  for (const field of fields) {
    const values = owners.map((owner) => statements.get(owner)![field]);
    if (field === 'shared') {
      // A sameAs statement (names and sources only) has no say in it.
      props.shared = owners.filter((owner) => 'shared' in statements.get(owner)!).every((owner) => statements.get(owner)!.shared === true);
    } else if (field === 'id') {
      props.id = values.find(present) ?? null;
    } else if (values.some(Array.isArray)) {
      props[field] = union(values.filter(Array.isArray) as unknown[][]);
    } else {
      const at = values.findIndex(present);
      props[field] = at < 0 ? null : values[at];
      if (at >= 0) fieldOwners[field] = owners[at]!;
    }
  }
  return { props, fieldOwners };
}

/**
 * The fields after one more contribution states the node, from its current fields alone (no
 * other statement is read): equal to mergeStatements over all of them. `fieldOwners` null means
 * every field came from `soleOwner`.
 */
export function addStatement(current: { props: Record<string, unknown>; fieldOwners: Record<string, string> | null; soleOwner: string | null }, owner: string, statement: Statement): Merged {
  if (current.soleOwner === null && current.fieldOwners === null) return mergeStatements(new Map([[owner, statement]]));
  const from = (field: string) => current.fieldOwners ? current.fieldOwners[field] : present(current.props[field]) ? current.soleOwner! : undefined;
  const props: Record<string, unknown> = {};
  const fieldOwners: Record<string, string> = {};
  const fields = new Set([...Object.keys(current.props), ...Object.keys(statement)].filter((f) => !BOOK.has(f)));
  for (const field of fields) {
    const mine = statement[field];
    const theirs = current.props[field];
    if (field === 'shared') {
      props.shared = 'shared' in statement ? theirs === true && mine === true : theirs === true;
    } else if (field === 'id') {
      props.id = theirs ?? mine;
    } else if (Array.isArray(mine) || Array.isArray(theirs)) {
      props[field] = union([Array.isArray(theirs) ? theirs : [], Array.isArray(mine) ? mine : []]);
    } else {
      const was = from(field);
      const takeMine = present(mine) && (!present(theirs) || was === undefined || before(owner, was, current.props.id ?? statement.id));
      props[field] = takeMine ? mine : theirs ?? null;
      const by = takeMine ? owner : was;
      if (present(props[field]) && by !== undefined) fieldOwners[field] = by;
    }
  }
  return { props, fieldOwners };
}

/** The fields in which a definition differs from a node's current ones (what it would change). */
export function differingFields(current: Record<string, unknown>, statement: Statement): string[] {
  const fields = new Set([...Object.keys(current), ...Object.keys(statement)].filter((f) => !NOT_COMPARED.has(f)));
  return [...fields].filter((f) => JSON.stringify(current[f] ?? null) !== JSON.stringify(statement[f] ?? null)).sort();
}

export function withoutBookkeeping(props: Record<string, unknown>): Statement {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !BOOK.has(key)));
}

/** A contribution's id: its case, or `<case id>#<key>` for one of several contributions to it. */
export function contributionId(caseId: string, key?: string | null): string {
  return key ? `${caseId}#${key}` : caseId;
}

/** The case a contribution belongs to. */
export function caseOf(contribution: string): string {
  const at = contribution.indexOf('#');
  return at < 0 ? contribution : contribution.slice(0, at);
}

/** A node's statement: the fields its plan gives (its passages are kept apart, per contribution). */
export function nodeStatement(props: Record<string, unknown>): Statement {
  const { passageIds: _, ...statement } = props;
  return statement;
}

/** A statement as a manifest keeps it: without a text (a document's, an opinion's), which no merge changes. */
export function storedStatement(props: Record<string, unknown>): Statement {
  const { text: _, ...statement } = nodeStatement(props);
  return statement;
}
