import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { launchChromium, recordingPage } from '../support/browser.js';

/**
 * The service's two pages in a real browser (Debian's Chromium through playwright-core), on the
 * seed: GraphiQL and the explorer. Every request a page makes is recorded, and all must go to
 * the service itself: the pages have to work on a machine with no internet.
 */
let api: TestApi;
let secured: TestApi;
let browser: Browser;
let origin: string;
const READ_TOKEN = 'browser-read-token';

beforeAll(async () => {
  [api, secured, browser] = await Promise.all([startTestApi({ seeds: true }), startTestApi({ http: { readToken: READ_TOKEN } }), launchChromium()]);
  origin = new URL(api.url).origin;
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([api?.close(), secured?.close()]);
});

/**
 * The explorer's drawing as drawn: the nodes under the legend, the folded groups, the names
 * written (a node's label as rendered, empty when left out) and every pair of them whose boxes
 * intersect.
 */
async function drawing(page: Page): Promise<{ depth: string; count: number; named: number; names: string[]; groups: string[]; overlapping: string[]; underLegend: string[]; legendHeight: number }> {
  return page.evaluate(() => {
    const graph = document.getElementById('graph')!.getBoundingClientRect();
    const legend = document.getElementById('legend')!.getBoundingClientRect();
    const cy = (window as any).explorerGraph;
    const onPage = (b: any) => ({ x1: graph.left + b.x1, x2: graph.left + b.x2, y1: graph.top + b.y1, y2: graph.top + b.y2 });
    const meets = (a: any, b: any) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const legendBox = { x1: legend.left, x2: legend.right, y1: legend.top, y2: legend.bottom };
    const named = cy.nodes().filter((n: any) => n.style('label') !== '').map((n: any) => ({
      id: n.id(),
      text: n.style('label') as string,
      box: onPage(n.renderedBoundingBox({ useCache: false, includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false })),
    }));
    const overlapping: string[] = [];
    named.forEach((a: any, i: number) => named.slice(i + 1).forEach((b: any) => meets(a.box, b.box) && overlapping.push(`${a.text} / ${b.text}`)));
    const underLegend = cy.nodes().filter((n: any) => meets(onPage(n.renderedBoundingBox({ includeLabels: false })), legendBox)).map((n: any) => n.id());
    return {
      depth: (document.getElementById('depth') as HTMLSelectElement).value,
      count: cy.nodes().length,
      named: named.length,
      names: named.map((n: any) => n.text),
      groups: cy.nodes('[place = "group"]').map((n: any) => n.data('short')),
      overlapping,
      underLegend,
      legendHeight: legend.height,
    };
  });
}

/** Requests that left the service: anything but its own origin (data: and blob: URLs never reach a network). */
const outside = (requests: string[], from: string) => requests.filter((url) => !url.startsWith(`${from}/`) && !/^(data|blob):/.test(url));

describe('GraphiQL in the browser', () => {
  it('opens from / and runs the default query, with every request to the service itself', async () => {
    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(`${origin}/`);
    expect(new URL(page.url()).pathname).toBe('/graphql');
    const story = page.waitForResponse((response) => response.url() === `${origin}/graphql` && Boolean(response.request().postData()?.includes('BaldwinStory')), { timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
    const answer = JSON.stringify(await (await story).json());
    for (const part of ['involuntary manslaughter', 'the revolver fatally hit Halyna Hutchins', 'Troy Teske delivered live rounds', 'Mary Marlowe Sommer', 'fundamental fairness', 'pending']) {
      expect(answer).toContain(part);
    }
    // The answer is drawn in the result pane (an editor that renders only its visible lines).
    // Its top-level keys come in the order the query asks (case, then civil), so the pane opens on the case.
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 10_000 }).toContain('"caption"');
    expect(requests.some((url) => url === `${origin}/graphql`)).toBe(true);
    expect(requests.filter((url) => url.includes('/assets/graphiql/')).length).toBeGreaterThanOrEqual(3);
    expect(outside(requests, origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a stray brace as the server’s syntax error with its place, never a JavaScript stack trace', async () => {
    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(`${origin}/graphql`);
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ cases(first: 2) { totalCount } }}');
    const sent = page.waitForRequest((request) => request.url() === `${origin}/graphql` && Boolean(request.postData()?.includes('totalCount')), { timeout: 10_000 });
    await page.locator('.graphiql-execute-button').click();
    // The document goes to the service, which answers with the error and where it is.
    expect(JSON.parse((await sent).postData()!).query).toBe('{ cases(first: 2) { totalCount } }}');
    // The result pane is an editor that renders spaces as non-breaking ones.
    const pane = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(pane, { timeout: 10_000 }).toContain('Syntax Error: Unexpected');
    const shown = await pane();
    expect(shown).toContain('GRAPHQL_PARSE_FAILED');
    expect(shown).toContain('"column": 35');
    expect(shown).not.toContain('"stack"');
    expect(shown).not.toMatch(/\bat \S+ \(|\.js:\d+/);
    expect(outside(requests, origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the explorer in the browser', () => {
  it('opens on Alec Baldwin from a link and lists his neighbours as text', async () => {
    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(`${origin}/explore?entity=alec-baldwin`);
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 30_000 }).toBe('Alec Baldwin');
    const neighbours = await page.locator('#neighbours').innerText();
    for (const name of ['Halyna Hutchins', 'Joel Souza', 'Hilaria Baldwin', 'Mary Marlowe Sommer', 'Rust']) expect(neighbours).toContain(name);
    // The drawing holds the same nodes as the list.
    const drawn = await page.evaluate(() => document.querySelectorAll('#graph canvas').length);
    expect(drawn).toBeGreaterThan(0);
    expect(await page.locator('#roles').innerText()).toContain('defendant in Alec Baldwin\'s involuntary manslaughter case');
    const graphql = requests.filter((url) => url === `${origin}/graphql`);
    expect(graphql.length).toBeGreaterThanOrEqual(2);
    expect(outside(requests, origin)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a fact’s quote when it is clicked, marked at its offsets in the source document', async () => {
    const { data } = await api.gql(`{ entity(id: "alec-baldwin") { relationships(types: ["SPOUSE_OF"]) { edges { node {
      sources(first: 1) { edges { node { quote start end } } } } } } } }`);
    const passage = data.entity.relationships.edges[0].node.sources.edges[0].node;
    const { page, requests } = await recordingPage(browser);
    await page.goto(`${origin}/explore?entity=alec-baldwin`);
    const fact = page.locator('#facts-list details', { hasText: 'Hilaria Baldwin is the spouse of Alec Baldwin.' });
    await expect.poll(() => fact.count(), { timeout: 30_000 }).toBe(1);
    expect(await fact.locator('blockquote').isVisible()).toBe(false);
    await fact.locator('summary').click();
    expect(await fact.locator('blockquote').isVisible()).toBe(true);
    expect(await fact.locator('blockquote').innerText()).toBe(`“${passage.quote}”`);
    const mark = page.locator('#document mark');
    await expect.poll(() => mark.textContent(), { timeout: 10_000 }).toBe(passage.quote);
    expect(await mark.getAttribute('title')).toBe(`characters ${passage.start} to ${passage.end}`);
    expect(outside(requests, origin)).toEqual([]);
    await page.context().close();
  });

  it('re-centres when a node of the drawing is clicked', async () => {
    const { page } = await recordingPage(browser);
    await page.goto(`${origin}/explore?entity=alec-baldwin&depth=1`);
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 30_000 }).toBe('Alec Baldwin');
    const box = (await page.locator('#graph').boundingBox())!;
    const at = await page.evaluate(() => {
      const graph = (window as any).explorerGraph;
      return graph.getElementById('hilaria-baldwin').renderedPosition() as { x: number; y: number };
    });
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 10_000 }).toBe('Hilaria Baldwin');
    expect(new URL(page.url()).searchParams.get('entity')).toBe('hilaria-baldwin');
    await page.context().close();
  });

  it('searches, re-centres on a neighbour, keeps a shareable link and goes back', async () => {
    const { page } = await recordingPage(browser);
    await page.goto(`${origin}/explore?entity=alec-baldwin&depth=1`);
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 30_000 }).toBe('Alec Baldwin');
    await page.locator('#search').fill('Hutchins');
    await page.locator('#search-form button').click();
    await page.locator('#results button[data-entity="halyna-hutchins"]').click({ timeout: 10_000 });
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 10_000 }).toBe('Halyna Hutchins');
    expect(new URL(page.url()).searchParams.get('entity')).toBe('halyna-hutchins');
    await page.locator('#neighbours button', { hasText: /^Rust set shooting$/ }).first().click();
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 10_000 }).toBe('Rust set shooting');
    await page.goBack();
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 10_000 }).toBe('Halyna Hutchins');
    await page.context().close();
  });

  it('shows a case as a timeline in order of time, each event with its acts, each date as precise as the source', async () => {
    const { page } = await recordingPage(browser);
    await page.goto(`${origin}/explore?entity=baldwin-involuntary-manslaughter-case&depth=1`);
    const items = page.locator('#timeline-list > li');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const texts = await items.allInnerTexts();
    // Each entry's own event is its first button; placements name other events in the same entry.
    const names = await page.locator('#timeline-list > li > div > button').allInnerTexts();
    const shooting = names.indexOf('Rust set shooting');
    const dismissal = names.indexOf("Dismissal of Alec Baldwin's involuntary manslaughter case");
    expect(texts[shooting]).toMatch(/^2021-10-21/);
    expect(texts[dismissal]).toMatch(/^(about )?2024 \(year only\)/);
    expect(shooting).toBeGreaterThanOrEqual(0);
    expect(dismissal).toBeGreaterThan(shooting);
    expect(texts[shooting]).toContain('the revolver fatally hit Halyna Hutchins');
    expect(texts[dismissal]).toContain('Mary Marlowe Sommer dismissed');
    expect(texts.some((t) => t.startsWith('March, year not given') && t.includes('Troy Teske delivered live rounds'))).toBe(true);
    expect(texts.some((t) => t.startsWith('a Friday'))).toBe(true);
    expect(texts.at(-1)).toMatch(/^date not given/);
    // The page shows the API's order, never its own: the sources' order, the death before the dismissal.
    const { data } = await api.gql<any>(`{ timeline(caseId: "baldwin-involuntary-manslaughter-case", first: 100) { edges { node { name } } } }`);
    const shown = await page.locator('#timeline-list > li > div > button').allInnerTexts();
    expect(shown).toEqual(data.timeline.edges.map((e: any) => e.node.name));
    expect(shown.indexOf('Death of Halyna Hutchins')).toBeLessThan(shown.indexOf("Dismissal of Alec Baldwin's involuntary manslaughter case"));
    expect(shown.indexOf("Live rounds given to the Santa Fe County Sheriff's Office")).toBeLessThan(shown.indexOf("Dismissal of Alec Baldwin's involuntary manslaughter case"));
    // Each placement is shown with what it says: the dismissal came after the death.
    expect(texts[dismissal]).toContain('after Death of Halyna Hutchins');
    await page.context().close();
  });

  it('opens a case as a story: its people by role, then its timeline in the API’s order', async () => {
    const { page, errors } = await recordingPage(browser);
    await page.goto(`${origin}/explore?entity=baldwin-involuntary-manslaughter-case`);
    await expect.poll(() => page.locator('#timeline-list > li').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    // The story comes first in the panel: who is who, then what happened.
    const order = await page.evaluate(() => {
      const ids = ['entity', 'people', 'timeline', 'facts'];
      const panel = [...document.querySelectorAll('#panel > section')].filter((s) => !(s as HTMLElement).hidden).map((s) => s.id);
      return ids.map((id) => panel.indexOf(id));
    });
    expect(order).toEqual([0, 1, 2, 3]);
    const sides = await page.evaluate(() => {
      const out: [string, string[]][] = [];
      for (const child of document.querySelectorAll('#people-list > *')) {
        if (child.tagName === 'DT') out.push([child.textContent!, []]);
        else out.at(-1)![1].push(child.querySelector('button')!.textContent!);
      }
      return out;
    });
    expect(sides).toEqual([
      ['Defendant', ['Alec Baldwin']],
      ['Judge', ['Mary Marlowe Sommer']],
      ['Prosecution', expect.arrayContaining(['Mary Carmack-Altwies', 'the prosecutors'])],
      ['Defence', ["Baldwin's defense team"]],
      ['Victim', ['Halyna Hutchins']],
      ['Witness', ['the witnesses']],
    ]);
    // Everyone the API gives a role in the case is there, once.
    const { data } = await api.gql<any>(`{ entity(id: "baldwin-involuntary-manslaughter-case") { participants(first: 50) { edges { node { holder { name } } } } } }`);
    expect(sides.flatMap(([, names]) => names).sort()).toEqual(data.entity.participants.edges.map((e: any) => e.node.holder.name).sort());
    // The timeline beside them, in the API's order (see the timeline test for the dates).
    const timeline = await api.gql<any>(`{ timeline(caseId: "baldwin-involuntary-manslaughter-case", first: 100) { edges { node { name } } } }`);
    expect(await page.locator('#timeline-list > li > div > button').allInnerTexts()).toEqual(timeline.data.timeline.edges.map((e: any) => e.node.name));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws a case legibly at 1280x720 and at 820 px wide: depth 1, kinds grouped, no node under the legend, no two names overlapping', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 820, height: 900 }]) {
      for (const entity of ['baldwin-involuntary-manslaughter-case', 'alec-baldwin']) {
        const label = `${entity} at ${viewport.width}x${viewport.height}`;
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${origin}/explore?entity=${entity}`);
        await expect.poll(() => page.evaluate(() => (window as any).explorerGraph?.nodes().length ?? 0), { timeout: 30_000 }).toBeGreaterThan(3);
        await page.waitForTimeout(300);
        const first = await drawing(page);
        expect(first.underLegend, label).toEqual([]);
        expect(first.legendHeight, label).toBeGreaterThan(0);
        // Rendered names: their boxes never intersect, and most nodes keep theirs.
        expect(first.overlapping, label).toEqual([]);
        expect(first.named / first.count, label).toBeGreaterThanOrEqual(0.7);
        if (entity !== 'alec-baldwin') {
          // A case opens at depth 1, its many acts, events and claims each folded into one node with its count.
          expect(first.depth, label).toBe('1');
          expect(first.count, label).toBeLessThanOrEqual(20);
          expect(first.groups, label).toEqual(expect.arrayContaining(['21 acts', '13 events', '11 claims']));
          expect(first.names, label).toEqual(expect.arrayContaining(['Alec Baldwin', 'Mary Marlowe Sommer', 'the prosecutors']));
          // A click on a group opens it: its members are drawn, still with no names overlapping or under the legend.
          const graphBox = (await page.locator('#graph').boundingBox())!;
          const at = await page.evaluate(() => (window as any).explorerGraph.getElementById('group:ACT').renderedPosition());
          await page.mouse.click(graphBox.x + at.x, graphBox.y + at.y);
          await expect.poll(() => page.evaluate(() => (window as any).explorerGraph.nodes().length), { timeout: 10_000 }).toBe(first.count + 21);
          const opened = await drawing(page);
          expect(opened.overlapping, `${label}, acts open`).toEqual([]);
          expect(opened.underLegend, `${label}, acts open`).toEqual([]);
          // Zoomed in, names are written whole, and still none overlap.
          await page.evaluate(() => {
            const cy = (window as any).explorerGraph;
            cy.zoom({ level: 2.2, renderedPosition: cy.getElementById('baldwin-involuntary-manslaughter-case').renderedPosition() });
          });
          await page.waitForTimeout(400);
          const zoomed = await drawing(page);
          expect(zoomed.overlapping, `${label}, zoomed: ${JSON.stringify(zoomed.overlapping)}`).toEqual([]);
          expect(zoomed.names, `${label}, zoomed`).toContain("Alec Baldwin's involuntary manslaughter case");
          expect(zoomed.names.some((name: string) => name.endsWith('…')), `${label}, zoomed`).toBe(false);
        }
        await context.close();
      }
    }
  });

  it('asks for the read token when the service needs one, and uses it', async () => {
    const { page, errors } = await recordingPage(browser);
    const securedOrigin = new URL(secured.url).origin;
    await page.goto(`${securedOrigin}/explore?entity=alec-baldwin`);
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 30_000 }).toContain('needs a read token');
    expect(await page.locator('#token').isVisible()).toBe(true);
    await page.locator('#token').fill('wrong');
    await page.locator('#token-form button').click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toContain('not accepted');
    await page.locator('#token').fill(READ_TOKEN);
    await page.locator('#token-form button').click();
    // This server has no seed of its own loaded, but reads the run's graph, where the seed is.
    await expect.poll(() => page.locator('#entity-name').textContent(), { timeout: 10_000 }).toBe('Alec Baldwin');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
