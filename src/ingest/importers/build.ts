import type { Citation, EntityInput, FactInput, RelationInput, RoleInput } from '../casefile/case-file.js';
import { RecordCitations, type RecordPath } from './record.js';

/** Something the importer decided without the record saying it, or a field it left out: the import report lists them. */
export interface ImportNote {
  kind: 'guessed' | 'dropped';
  /** Path inside the file (record index first for a file of several records). */
  path: RecordPath;
  message: string;
}

/**
 * The parts of a case file an importer fills in, one node or relationship per id: a second
 * mention of the same id adds its sources instead of a second node. Shared by the importers'
 * sections (parties, entries, the appeal's lower court…), which each add what they read.
 */
export class CaseBuild {
  readonly entities: EntityInput[] = [];
  readonly roles: RoleInput[] = [];
  readonly relations: RelationInput[] = [];
  readonly events: FactInput[] = [];
  readonly charges: FactInput[] = [];
  readonly claims: FactInput[] = [];
  readonly notes: ImportNote[] = [];
  private readonly byId = new Map<string, EntityInput>();
  readonly cite: RecordCitations;

  constructor(readonly caseId: string, readonly base: RecordPath) {
    this.cite = new RecordCitations(base);
  }

  entity(fields: EntityInput): EntityInput {
    const known = this.byId.get(fields.id);
    if (known) {
      addSources(known.sources, fields.sources);
      for (const alias of fields.aliases ?? []) if (!(known.aliases ??= []).includes(alias) && alias !== known.name) known.aliases.push(alias);
      return known;
    }
    this.byId.set(fields.id, fields);
    this.entities.push(fields);
    return fields;
  }

  role(fields: RoleInput & { id: string }): void {
    const known = this.roles.find((r) => r.id === fields.id);
    if (known) addSources(known.sources, fields.sources);
    else this.roles.push(fields);
  }

  relation(fields: RelationInput & { id: string }): void {
    const known = this.relations.find((r) => r.id === fields.id);
    if (known) addSources(known.sources, fields.sources);
    else this.relations.push(fields);
  }

  guessed(path: RecordPath, message: string): void {
    this.notes.push({ kind: 'guessed', path: [...this.base, ...path], message });
  }

  dropped(path: RecordPath, message: string): void {
    this.notes.push({ kind: 'dropped', path: [...this.base, ...path], message });
  }
}

/** Adds citations not already there (the same pointer and span). */
export function addSources(into: Citation[], more: Citation[]): void {
  for (const c of more) if (!into.some((k) => k.pointer === c.pointer && k.start === c.start && k.end === c.end && k.quote === c.quote)) into.push(c);
}
