/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring
 * (or a sliced string) as a view on its parent, so a short id or name taken from a large text
 * (what the YAML reader gives ids and names) may keep that whole text alive while it lives; what
 * a long run keeps (ids, names, errors per file) is copied with this so that no file's text stays.
 */
export const ownString = (text: string): string => (text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le'));
