import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftCase } from '../../src/draft/draft.js';
import { emptyFindings, type Extractor, type Findings } from '../../src/draft/findings.js';
import { readArticle, stripHtml } from '../../src/draft/input.js';
import { llmExtractor, extractorFromEnv } from '../../src/draft/llm/extract.js';
import { verifyFindings } from '../../src/draft/verify.js';
import { locateQuote, SourceText } from '../../src/ingest/casefile/quotes.js';
import type { CaseFile } from '../../src/ingest/casefile/case-file.js';

/**
 * Verification and bad input: a quote not at its offsets is dropped and reported with what
 * depends on it; offsets are code points; empty, binary, non-English and non-legal input gives
 * no draft; the language-model extractor's answers (against a fake server on loopback) go
 * through the same checks, invented quotes dropped, malformed JSON refused.
 */
const ARTICLE = 'Quillon Ashe was convicted of arson on Friday 🔥. Judge Petra Lund sentenced Quillon Ashe to four years in prison. Prosecutor Ned Farrow said the verdict was fair.';

/** Every citation in a case file, checked at its offsets in the first document. */
function allCitations(file: CaseFile): { quote: string; start: number; end: number }[] {
  const out: { quote: string; start: number; end: number }[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.sources)) out.push(...(o.sources as { quote: string; start: number; end: number }[]));
    for (const [k, c] of Object.entries(o)) if (k !== 'sources') visit(c);
  };
  visit({ ...file, documents: [] });
  return out;
}

describe('verification', () => {
  it('drops a span whose words are not at its offsets, and what names the entity it leaves empty', () => {
    const text = 'Mina Roe was charged with theft.';
    const f: Findings = { ...emptyFindings(), entities: [{ key: 'mina', kind: 'Person', name: 'Mina Roe', aliases: [], mentions: [{ quote: 'Mina Rowe', start: 0, end: 9 }] }] };
    f.roles.push({ who: 'mina', role: 'defendant', span: { quote: text, start: 0, end: text.length } });
    const { findings, dropped } = verifyFindings(text, f);
    expect(findings.entities).toEqual([]);
    expect(findings.roles).toEqual([]);
    expect(dropped.join('\n')).toMatch(/"Mina Rowe" is not in the text at 0-9/);
    expect(dropped.join('\n')).toMatch(/role defendant: it names "mina", which is not in the draft/);
  });

  it('writes offsets in code points: every quote of a draft is at its offsets after an emoji', async () => {
    const result = await draftCase(ARTICLE, { published: '2024-05-10' });
    expect(result.report.refused).toBeUndefined();
    const source = new SourceText(result.caseFile!.documents[0]!.text!);
    const citations = allCitations(result.caseFile!);
    expect(citations.length).toBeGreaterThan(5);
    for (const c of citations) expect(locateQuote(source, c.quote, c.start, c.end).ok, c.quote).toBe(true);
    const after = citations.find((c) => c.quote.startsWith('Judge Petra Lund'));
    expect(after!.start).toBe(Array.from(ARTICLE).indexOf('J'));
    expect(after!.start).not.toBe(ARTICLE.indexOf('Judge'));
  });

  it('gives YAML that parses back to the same case file', async () => {
    const result = await draftCase(ARTICLE, { published: '2024-05-10' });
    expect(parse(result.yaml!)).toEqual(JSON.parse(JSON.stringify(result.caseFile)));
    expect(result.yaml).toMatch(/^# yaml-language-server/);
  });
});

describe('bad input: no draft, a clear reason, nothing invented', () => {
  it.each([
    ['empty', '   \n ', /empty/],
    ['binary', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10, 0xff]), /binary/],
    ['non-English', 'El juez desestimó el caso contra el acusado el viernes porque la fiscalía ocultó pruebas importantes durante todo el juicio penal en la ciudad.', /English/],
    ['non-legal', 'The bakery on Main Street opened a second shop this spring. Its owner said the sourdough sells out by noon every day, and a third shop may follow next year.', /nothing about a legal case/],
    ['too short', 'Court ruled.', /too short/],
  ])('%s', async (_name, input, reason) => {
    const result = await draftCase(input);
    expect(result.yaml).toBeUndefined();
    expect(result.caseFile).toBeUndefined();
    expect(result.items).toEqual([]);
    expect(result.report.refused).toMatch(reason);
  });

  it('legal words but no party, charge or outcome: no draft, no invented case', async () => {
    const result = await draftCase('The court calendar for next week lists several trials and hearings. Lawyers say the jury pool is larger this year, and the court will open earlier.');
    expect(result.yaml).toBeUndefined();
    expect(result.report.refused).toMatch(/no case to draft/);
  });

  it('strips HTML to its text', () => {
    const { text, title } = stripHtml('<html><head><title>Verdict &amp; more</title><script>var x = "Judge";</script></head><body><p>A jury convicted Rhea Tamm of fraud.</p><p>She faces&nbsp;prison.</p></body></html>');
    expect(title).toBe('Verdict & more');
    expect(text).toBe('A jury convicted Rhea Tamm of fraud.\n\nShe faces prison.');
    expect(readArticle('<p>a</p>')).toMatchObject({ ok: false });
  });
});

describe('the language-model extractor, against a fake server on loopback', () => {
  let server: Server;
  let url: string;
  let answer: () => { status: number; body: string };
  const requests: { authorization?: string; body: { model: string; response_format: unknown; messages: { content: string }[] } }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        requests.push({ authorization: req.headers.authorization, body: JSON.parse(raw) });
        const { status, body } = answer();
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const chat = (content: string) => () => ({ status: 200, body: JSON.stringify({ choices: [{ message: { content } }] }) });
  const extractor = (): Extractor => llmExtractor({ url, model: 'fake-model', key: 'k-123' });

  it('keeps what the text says and drops, with a report, a quote that is not in it', async () => {
    answer = chat(JSON.stringify({
      caseType: 'criminal',
      people: [{ name: 'Quillon Ashe', quote: 'Quillon Ashe was convicted' }, { name: 'Petra Lund', quote: 'Judge Petra Lund' }, { name: 'Imra Vos', quote: 'Imra Vos confessed to the arson' }],
      roles: [{ person: 'Quillon Ashe', role: 'defendant', quote: 'Quillon Ashe was convicted of arson' }, { person: 'Petra Lund', role: 'judge', quote: 'Judge Petra Lund sentenced' }, { person: 'Imra Vos', role: 'witness', quote: 'Imra Vos confessed to the arson' }],
      charges: [{ defendant: 'Quillon Ashe', offence: 'arson', quote: 'convicted of arson' }, { defendant: 'Quillon Ashe', offence: 'murder', quote: 'convicted of murder' }],
      outcomes: [{ kind: 'sentenced', defendant: 'Quillon Ashe', judge: 'Petra Lund', sentence: 'four years in prison', quote: 'Judge Petra Lund sentenced Quillon Ashe to four years in prison.' }],
      events: [{ name: 'Conviction', type: 'verdict', dateText: 'on Friday', date: null, quote: 'convicted of arson on Friday' }],
      relations: [],
    }));
    const result = await draftCase(ARTICLE, { extractor: extractor() });
    expect(result.report.extractor).toBe('llm (fake-model)');
    const file = result.caseFile!;
    expect(file.entities!.map((e) => e.name)).toEqual(['Quillon Ashe', 'Petra Lund']);
    expect(file.charges!.map((c) => c.offence)).toEqual(['arson']);
    expect(file.rulings![0]).toMatchObject({ dispositionKind: 'sentenced' });
    expect(result.report.dropped.join('\n')).toMatch(/Imra Vos/);
    expect(result.report.dropped.join('\n')).toMatch(/"convicted of murder" is not in the text/);
    expect(JSON.stringify(file)).not.toMatch(/Imra|murder/);
    const last = requests.at(-1)!;
    expect(last.authorization).toBe('Bearer k-123');
    expect(last.body.model).toBe('fake-model');
    expect(last.body.response_format).toEqual({ type: 'json_object' });
    expect(last.body.messages.at(-1)!.content).toContain('Quillon Ashe');
  });

  it('refuses malformed JSON with the reason and gives no draft', async () => {
    answer = chat('{"people": [ {"name": "Quillon Ashe"');
    const result = await draftCase(ARTICLE, { extractor: extractor() });
    expect(result.yaml).toBeUndefined();
    expect(result.report.refused).toMatch(/llm \(fake-model\) extractor failed.*not JSON/);
  });

  it('reads an answer in a ```json fence, and says so when the server fails', async () => {
    answer = chat('```json\n{"people": [{"name": "Quillon Ashe", "quote": "Quillon Ashe"}], "charges": [{"defendant": "Quillon Ashe", "offence": "arson", "quote": "convicted of arson"}], "roles": [{"person": "Quillon Ashe", "role": "defendant", "quote": "Quillon Ashe was convicted"}]}\n```');
    expect((await draftCase(ARTICLE, { extractor: extractor() })).caseFile?.charges?.length).toBe(1);
    answer = () => ({ status: 500, body: 'overloaded' });
    expect((await draftCase(ARTICLE, { extractor: extractor() })).report.refused).toMatch(/HTTP 500: overloaded/);
  });

  it('is configured from the environment, and says what is missing', () => {
    expect(extractorFromEnv({})).toMatch(/DRAFT_LLM_URL/);
    expect(extractorFromEnv({ DRAFT_LLM_URL: 'ftp://x', DRAFT_LLM_MODEL: 'm' })).toMatch(/not an http/);
    expect(typeof extractorFromEnv({ DRAFT_LLM_URL: url, DRAFT_LLM_MODEL: 'm' })).toBe('object');
  });
});
