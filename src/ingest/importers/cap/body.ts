import type { Citation } from '../../casefile/case-file.js';
import { isObject, RecordCitations, text, type RecordPath, type RecordProblem } from '../record.js';

/**
 * A string of a CAP casebody as the importer reads it, and how to cite part of it. In the JSON
 * shapes it is a string of the record (cited at its pointer); in the old API shape it is the
 * words of an element of `casebody.data` (XML or HTML), cited at /casebody/data with the
 * offsets of the words in that string (a quote spanning markup keeps the markup, as published).
 */
export interface BodyText {
  text: string;
  /** The words from `from` to `to` (UTF-16 indices into `text`). */
  cite(from: number, to: number): Citation;
  whole(): Citation;
}

export interface CapOpinion {
  type?: BodyText;
  author?: BodyText;
  text?: BodyText;
}

export interface CapBody {
  judges: BodyText[];
  parties: BodyText[];
  attorneys: BodyText[];
  headMatter?: BodyText;
  opinions: CapOpinion[];
}

/** The casebody of a record, in whichever shape it comes; a problem when it cannot be read. */
export function readBody(record: Record<string, unknown>, cite: RecordCitations, base: RecordPath): { body: CapBody } | { problem: RecordProblem } {
  const casebody = record.casebody;
  if (!isObject(casebody)) return { body: { judges: [], parties: [], attorneys: [], opinions: [] } };
  const status = text(casebody.status);
  if (status && status !== 'ok') {
    return { problem: { path: [...base, 'casebody', 'status'], message: `the casebody's status is "${status}": CAP gave no text for this case`, hint: 'download the case again with its casebody (full_case=true), or leave casebody out to load the metadata alone' } };
  }
  if (typeof casebody.data === 'string') {
    const markup = readMarkupBody(casebody.data, cite, [...base, 'casebody', 'data']);
    if (markup) return { body: markup };
    return { problem: { path: [...base, 'casebody', 'data'], message: 'casebody.data is a string, but neither CAP\'s XML (<casebody>…) nor its HTML (<section class="casebody">…)', hint: 'download the case as JSON (body_format=text) or XML/HTML as CAP gives it' } };
  }
  const data = isObject(casebody.data) ? casebody.data : casebody;
  const path: RecordPath = isObject(casebody.data) ? ['casebody', 'data'] : ['casebody'];
  const at = (value: unknown, p: RecordPath): BodyText | undefined => {
    const s = text(value);
    return s === undefined ? undefined : { text: s, cite: (from, to) => cite.part(p, s, from, to), whole: () => cite.whole(p) };
  };
  const list = (field: string) => (Array.isArray(data[field]) ? (data[field] as unknown[]) : []).flatMap((v, i) => at(v, [...path, field, i]) ?? []);
  const opinions = (Array.isArray(data.opinions) ? data.opinions : []).map((o, i): CapOpinion => {
    if (!isObject(o)) return {};
    const p = [...path, 'opinions', i];
    return { type: at(o.type, [...p, 'type']), author: at(o.author, [...p, 'author']), text: at(o.text, [...p, 'text']) };
  });
  return { body: { judges: list('judges'), parties: list('parties'), attorneys: list('attorneys'), headMatter: at(data.head_matter, [...path, 'head_matter']), opinions } };
}

/** An element of the markup: its name (the tag, or for HTML its class), and its words with where each came from. */
interface Element {
  name: string;
  /** UTF-16 index in the markup of the opening tag and of the end of the closing tag. */
  start: number;
  end: number;
  attributes: Map<string, { value: string; from: number }>;
  children: Element[];
  /** Inner start and end. */
  innerStart: number;
  innerEnd: number;
}

const NAMES = new Set(['parties', 'docketnumber', 'decisiondate', 'otherdate', 'attorneys', 'judges', 'opinion', 'author', 'p', 'blockquote', 'headnotes', 'summary', 'syllabus', 'disposition', 'citation', 'court', 'article', 'section', 'casebody', 'footnote']);

/**
 * CAP's old API casebody: XML (`<casebody …><parties>…</parties>…<opinion type="majority">
 * <author>…</author><p>…</p></opinion></casebody>`) or HTML (`<section class="casebody">` with
 * `class="parties"`, `class="judges"`, `<article class="opinion" data-type="majority">`). Only
 * the elements CAP names are read; words are the element's text without tags, entities decoded,
 * and each cites its place in the markup.
 */
export function readMarkupBody(markup: string, cite: RecordCitations, path: RecordPath): CapBody | undefined {
  if (!/^\s*(<\?xml[^>]*>\s*)?<(casebody|section)\b/i.test(markup)) return undefined;
  const root = parseMarkup(markup);
  if (!root) return undefined;
  const words = (el: Element): BodyText | undefined => {
    const { plain, map } = plainText(markup, el.innerStart, el.innerEnd);
    const trimmed = plain.trim();
    if (trimmed === '') return undefined;
    const lead = plain.indexOf(trimmed);
    const textOf = trimmed;
    const rawAt = (i: number) => map[lead + i]!;
    return {
      text: textOf,
      cite: (from, to) => cite.part(path, markup, rawAt(from), to > from ? rawAt(to - 1) + 1 : rawAt(from)),
      whole: () => cite.part(path, markup, rawAt(0), map[lead + textOf.length - 1]! + 1),
    };
  };
  const all = flatten(root);
  const named = (name: string) => all.filter((el) => el.name === name && !insideOpinion(el, all)).flatMap((el) => words(el) ?? []);
  const opinions = all.filter((el) => el.name === 'opinion').map((el): CapOpinion => {
    const author = flatten(el).find((c) => c.name === 'author');
    const type = el.attributes.get('type') ?? el.attributes.get('data-type');
    return {
      ...(type && type.value !== '' ? { type: { text: type.value, cite: (f, t) => cite.part(path, markup, type.from + f, type.from + t), whole: () => cite.part(path, markup, type.from, type.from + type.value.length) } } : {}),
      ...(author && words(author) ? { author: words(author)! } : {}),
      ...(words(el) ? { text: words(el)! } : {}),
    };
  });
  return { judges: named('judges'), parties: named('parties'), attorneys: named('attorneys'), opinions };
}

function flatten(el: Element): Element[] {
  return [el, ...el.children.flatMap(flatten)];
}

function insideOpinion(el: Element, all: Element[]): boolean {
  return all.some((o) => o.name === 'opinion' && o !== el && o.start < el.start && o.end >= el.end);
}

/**
 * A small reader for the markup CAP publishes: tags, attributes, text; comments and processing
 * instructions skipped. Unclosed elements close at their parent's end.
 */
function parseMarkup(markup: string): Element | undefined {
  const root: Element = { name: '#root', start: 0, end: markup.length, attributes: new Map(), children: [], innerStart: 0, innerEnd: markup.length };
  const stack: { el: Element; tag: string }[] = [{ el: root, tag: '#root' }];
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  for (let match = tag.exec(markup); match; match = tag.exec(markup)) {
    if (!match[2]) continue;
    const [whole, closing, tagName, attrs, selfClosing] = match;
    const name = tagName!.toLowerCase();
    if (closing) {
      const open = stack.map((s) => s.tag).lastIndexOf(name);
      if (open <= 0) continue;
      while (stack.length > open) {
        const { el } = stack.pop()!;
        el.innerEnd = match.index;
        el.end = match.index + whole.length;
      }
      continue;
    }
    const attributes = readAttributes(attrs ?? '', match.index + 1 + tagName!.length);
    const cls = attributes.get('class')?.value.split(/\s+/).find((c) => NAMES.has(c));
    const el: Element = { name: cls ?? name, start: match.index, end: match.index + whole.length, attributes, children: [], innerStart: match.index + whole.length, innerEnd: match.index + whole.length };
    stack[stack.length - 1]!.el.children.push(el);
    if (!selfClosing && !/^(br|hr|img|meta|link|input)$/.test(name)) stack.push({ el, tag: name });
  }
  while (stack.length > 1) {
    const { el } = stack.pop()!;
    el.innerEnd = markup.length;
    el.end = markup.length;
  }
  return root.children.length > 0 ? root : undefined;
}

function readAttributes(attrs: string, offset: number): Map<string, { value: string; from: number }> {
  const found = new Map<string, { value: string; from: number }>();
  for (const m of attrs.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const valueAt = m.index! + m[0].length - value.length - (m[2] !== undefined || m[3] !== undefined ? 1 : 0);
    found.set(m[1]!.toLowerCase(), { value, from: offset + valueAt });
  }
  return found;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', sect: '§', para: '¶' };

/**
 * The text of markup[from, to) without tags, entities decoded, with for each character of the
 * text the index in the markup it comes from. Block elements (p, br, headings) end a line.
 */
function plainText(markup: string, from: number, to: number): { plain: string; map: number[] } {
  let plain = '';
  const map: number[] = [];
  let i = from;
  while (i < to) {
    const c = markup[i]!;
    if (c === '<') {
      const close = markup.indexOf('>', i);
      if (close < 0 || close >= to) break;
      const tagText = markup.slice(i, close + 1);
      if (/^<\/?(p|br|div|h\d|blockquote|li|tr|author|parties|attorneys|judges|footnote)\b/i.test(tagText) && plain !== '' && !plain.endsWith('\n')) {
        if (/\s$/.test(plain)) {
          plain = plain.slice(0, -1);
          map.pop();
        }
        plain += '\n';
        map.push(i);
      }
      i = close + 1;
      continue;
    }
    if (c === '&') {
      const entity = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(markup.slice(i, i + 12));
      if (entity) {
        const name = entity[1]!;
        const decoded = name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name.toLowerCase()];
        if (decoded !== undefined) {
          for (const unit of decoded.split('')) {
            plain += unit;
            map.push(i);
          }
          i += entity[0].length;
          continue;
        }
      }
    }
    if (/\s/.test(c) && (plain === '' || /\s$/.test(plain))) {
      i += 1;
      continue;
    }
    plain += c;
    map.push(i);
    i += 1;
  }
  return { plain, map };
}
