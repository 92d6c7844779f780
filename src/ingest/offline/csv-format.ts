/**
 * How property values become cells of the CSV files Neo4j's importer reads (pure). Cells are
 * separated by TAB; every string is quoted (a quote doubled inside); array elements are
 * separated by U+001F (the ASCII unit separator), which no element may hold. Numbers keep the
 * types the driver gives them on the normal path (toDriverParams: whole numbers are integers,
 * the rest floats).
 */
export const FIELD_DELIMITER = '\t';
export const ARRAY_DELIMITER = '\u001f';
/** The importer's spelling of ARRAY_DELIMITER. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export type CellType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]' | 'boolean[]';

/** A value the importer cannot carry as it is: an empty list (an empty cell means no property). */
export const EMPTY_LIST = 'empty-list' as const;

const scalarType = (value: unknown): CellType | null => {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isSafeInteger(value) ? 'long' : 'double';
  return null;
};

/** The column type a value needs; EMPTY_LIST for []; null for what Neo4j cannot store as a property. */
export function cellType(value: unknown): CellType | typeof EMPTY_LIST | null {
  if (!Array.isArray(value)) return scalarType(value);
  if (value.length === 0) return EMPTY_LIST;
  let type: CellType | null = null;
  let numbers = false;
  for (const item of value) {
    const itemType = scalarType(item);
    if (itemType === null) return null;
    if (type === itemType) continue;
    const both = (type === 'long' && itemType === 'double') || (type === 'double' && itemType === 'long');
    // Whole and fractional numbers mixed: Neo4j keeps such a list as floats.
    if (type !== null && !both) return null;
    numbers ||= both;
    type = itemType;
  }
  return `${numbers ? 'double' : type}[]` as CellType;
}

const quote = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

/** The cell for a value of the given column type (the value has that type, or is null: an empty cell). */
export function encodeCell(value: unknown, type: CellType): string {
  if (value === null || value === undefined) return '';
  if (type === 'string') return quote(value as string);
  if (!type.endsWith('[]')) return String(value);
  const items = value as unknown[];
  return type === 'string[]' ? quote((items as string[]).join(ARRAY_DELIMITER)) : items.map(String).join(ARRAY_DELIMITER);
}

/** Why a value cannot go into a cell as it is, or null when it can. */
export function cellProblem(value: unknown): string | null {
  const type = cellType(value);
  if (type === null) return 'is a value Neo4j cannot store as a property (a map, or a list of mixed types)';
  if (type === 'string[]' && (value as string[]).some((item) => item.includes(ARRAY_DELIMITER))) {
    return 'holds a list item with the character U+001F, which the import uses between list items';
  }
  if (type === 'string[]' && (value as string[]).length === 1 && (value as string[])[0] === '') {
    return 'is a list of one empty string, which the import cannot tell from an empty list';
  }
  return null;
}

/** True when a value holds a line break: its file must be read with multi-line fields. */
export function isMultiline(value: unknown): boolean {
  if (typeof value === 'string') return hasLineBreak(value);
  return Array.isArray(value) && value.some((item) => typeof item === 'string' && hasLineBreak(item));
}

const hasLineBreak = (text: string) => text.includes('\n') || text.includes('\r');

/** Header cell of a property column, e.g. `age:long`, `aliases:string[]`. */
export const headerCell = (name: string, type: CellType) => `${name}:${type}`;
