import type { Browser, Page } from 'playwright-core';
export { launchChromium } from '../../src/screenshots/chromium.js';

/** A page at 1,400 × 900 that records every request it makes and every script error it hits. */
export async function recordingPage(browser: Browser): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  // Workers' requests go through the context, not the page.
  context.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, requests, errors };
}
