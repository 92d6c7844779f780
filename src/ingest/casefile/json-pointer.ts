/**
 * JSON Pointers (RFC 6901): how a citation names the string value of a JSON document (an
 * imported record) that its quote and offsets are in.
 */

/** The pointer of a path of keys and indices: ['parties', 0, 'name'] -> /parties/0/name. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The keys and indices a pointer names, unescaped; the root is the empty pointer. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error('a JSON Pointer starts with "/"');
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a pointer names, or undefined when there is none. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of parsePointer(pointer)) {
    if (Array.isArray(value)) {
      if (!/^(0|[1-9][0-9]*)$/.test(part)) return undefined;
      value = value[Number(part)];
    } else if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, part)) {
      value = (value as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return value;
}
