import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_WRITE_TOKEN, type TestApi } from '../support/api.js';
import { launchChromium, recordingPage } from '../support/browser.js';

/**
 * The drafting page in Chromium: paste a fictional article, see what was found marked in the
 * text (kind by class, inferred dashed), correct a role, load with the write token, and find
 * the corrected role in the graph. Every request goes to the service itself.
 */
let api: TestApi;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  [api, browser] = await Promise.all([startTestApi(), launchChromium()]);
  origin = new URL(api.url).origin;
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const ARTICLE = `A jury convicted Tobin Mereweather of fraud on Monday. Judge Alys Penrose sentenced Mereweather to two years in prison.
Carys Wendell testified that she lost her savings. The fire spread, injuring guard Idris Vaughn.`;

describe('the drafting page', () => {
  it('drafts, marks what it found, takes a corrected role and loads with the write token', async () => {
    const { page, requests, errors } = await recordingPage(browser);
    await page.goto(`${origin}/draft`);
    await page.fill('#article', ARTICLE);
    await page.fill('#published', '2024-03-20');
    await page.click('#draft-button');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 30_000 }).toContain('Drafted case-tobin-mereweather');

    const marks = page.locator('#marked mark');
    expect(await page.locator('#marked').innerText()).toBe(ARTICLE);
    expect(await page.locator('#marked mark.kind-person', { hasText: 'Tobin Mereweather' }).count()).toBe(1);
    expect(await page.locator('#marked mark.kind-person', { hasText: 'Alys Penrose' }).getAttribute('title')).toBe('Alys Penrose (judge)');
    expect(await page.locator('#marked mark.kind-offence').first().innerText()).toBe('fraud');
    const monday = page.locator('#marked mark.kind-date', { hasText: 'Monday' });
    expect(await monday.getAttribute('class')).toContain('inferred');
    expect(await monday.getAttribute('title')).toContain('2024-03-18');
    const injured = page.locator('#marked mark.kind-person.inferred', { hasText: 'Idris Vaughn' });
    expect(await injured.getAttribute('title')).toMatch(/inferred\. .*implied/);
    expect(await marks.count()).toBeGreaterThanOrEqual(6);

    // Carys Wendell testified: a witness; the analyst corrects her to victim and loads.
    const wendell = page.locator('#roles-table tr[data-who="carys-wendell"] select');
    expect(await wendell.inputValue()).toBe('witness');
    await wendell.selectOption('victim');
    await page.click('#load-button');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 10_000 }).toContain('Loading needs the write token');
    await page.fill('#token', TEST_WRITE_TOKEN);
    await page.click('#load-button');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 30_000 }).toMatch(/^Loaded case-tobin-mereweather: \d+ created/);
    expect(await page.locator('#open-link').getAttribute('href')).toBe('./explore?entity=case-tobin-mereweather');

    const { data } = await api.gql(`{ entity(id: "carys-wendell") { roles(first: 5) { edges { node { role inferred } } } } }`);
    expect(data.entity.roles.edges.map((e: { node: { role: string } }) => e.node.role)).toEqual(['victim']);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says why there is no draft', async () => {
    const { page } = await recordingPage(browser);
    await page.goto(`${origin}/draft`);
    await page.fill('#article', 'The garden club met on Tuesday to plan the spring show and chose roses as its theme for the year ahead, members said.');
    await page.click('#draft-button');
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 30_000 }).toMatch(/^No draft: .*nothing about a legal case/);
    expect(await page.locator('#load-button').isDisabled()).toBe(true);
    await page.context().close();
  });
});
