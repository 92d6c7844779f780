/**
 * The article as given: HTML is stripped to its text, line ends made \n, and text that cannot
 * be an English article about a legal case is refused with the reason, before any extraction.
 */

export type ArticleText = { ok: true; text: string; title?: string } | { ok: false; reason: string };

const BLOCK_TAGS = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|section|article|header|footer|blockquote|tr|table|title)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };

export const looksLikeHtml = (text: string) => /<(?:html|body|p|div|article|h1|br)\b[^>]*>/i.test(text);

/** The visible text of an HTML page: scripts, styles and tags out, blocks as paragraphs. */
export function stripHtml(html: string): { text: string; title?: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const text = html
    .replace(/<(script|style|noscript|template|svg|nav|aside|form)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<head\b[\s\S]*?<\/head>/i, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(BLOCK_TAGS, '\n\n')
    .replace(/<[^>]+>/g, '');
  const decoded = decodeEntities(text).replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text: decoded, title: title ? decodeEntities(title).replace(/\s+/g, ' ').trim() : undefined };
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const ENGLISH = new Set(['the', 'of', 'and', 'to', 'a', 'in', 'was', 'that', 'for', 'on', 'he', 'she', 'with', 'his', 'her', 'by', 'is', 'said', 'as', 'at', 'from', 'had', 'after', 'has', 'be', 'it', 'an', 'were', 'who', 'been', 'not']);
const LEGAL = /\b(?:charged?|charges|convict(?:ed|ion)|acquitt(?:ed|al)|sentenced?|prison|jail|jury|jurors?|judge|court(?:room|house)?|trial|prosecut(?:or|ors|ion|ed)|district attorney|defen[cs]e (?:attorney|lawyer|team)|lawsuit|sued|plaintiff|defendant|pleaded|guilty|indict(?:ed|ment)|verdict|dismiss(?:ed|al)|settle(?:d|ment)|manslaughter|murder|fraud)\b/gi;

/** Reads what was given: refuses empty, binary, non-English and non-legal text with the reason. */
export function readArticle(raw: string | Buffer): ArticleText {
  if (typeof raw !== 'string') {
    if (raw.includes(0)) return { ok: false, reason: 'the input is binary (it holds NUL bytes), not an article: give the article as plain text or HTML' };
    const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
    if ((text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100) return { ok: false, reason: 'the input is not UTF-8 text: save the article as UTF-8 plain text or HTML' };
    raw = text;
  }
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let title: string | undefined;
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { ok: false, reason: 'the input holds control characters: it looks binary, not an article; give the article as plain text or HTML' };
  if (looksLikeHtml(text)) ({ text, title } = stripHtml(text));
  text = text.trim() ? text.replace(/\s+$/, '\n') : '';
  if (!text) return { ok: false, reason: 'the article is empty: give the text of a news article about a legal case' };
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 12) return { ok: false, reason: `the article has ${words.length} words: too short to say anything about a case; give the whole article` };
  const english = words.filter((w) => ENGLISH.has(w)).length / words.length;
  if (english < 0.12) return { ok: false, reason: 'the article does not read as English (too few common English words): the drafter reads English articles only' };
  const legal = text.match(LEGAL)?.length ?? 0;
  if (legal < 2) return { ok: false, reason: 'the article says nothing about a legal case (no charge, court, trial, verdict, sentence or lawsuit): nothing to draft' };
  return { ok: true, text, title };
}
