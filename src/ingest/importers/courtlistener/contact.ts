/**
 * The firm or office in a PACER attorney's contact block: its first line, unless that line is
 * an address, a phone number or the attorney's own name (a lawyer on their own gives no firm).
 */
const NOT_A_FIRM = /^(\d|\(?\d{3}\)|p\.?\s*o\.?\s+box|suite|room|floor|email|e-mail|fax|phone|tel|pro se|designation|bar status|\[)/i;

export function firmOf(contact: string, attorney: string): { name: string; from: number; to: number } | undefined {
  const from = contact.search(/\S/);
  if (from < 0) return undefined;
  const lineEnd = contact.indexOf('\n', from);
  let to = lineEnd < 0 ? contact.length : lineEnd;
  while (to > from && /\s/.test(contact[to - 1]!)) to -= 1;
  const name = contact.slice(from, to);
  if (name.length < 3 || NOT_A_FIRM.test(name)) return undefined;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  if (squash(name) === squash(attorney)) return undefined;
  return { name, from, to };
}
