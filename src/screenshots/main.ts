import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../shared/paths.js';
import { launchChromium } from './chromium.js';

/**
 * `npm run screenshots [-- URL]`: pictures of the service's pages for the README, taken in
 * Chromium from a running service (default http://localhost:4000, started with `npm start`),
 * into docs/screenshots/. Each page is shown as a reader first meets it, at 1,400 × 900 (the
 * narrow explorer at 820 × 1,100).
 */
const base = (process.argv[2] ?? process.env.SCREENSHOT_URL ?? 'http://localhost:4000').replace(/\/$/, '');
const out = path.join(projectRoot, 'docs', 'screenshots');

const shots: [string, (page: Page) => Promise<void>][] = [
  [
    'graphiql.png',
    async (page) => {
      await page.goto(`${base}/`);
      const answer = page.waitForResponse((r) => r.url().endsWith('/graphql') && Boolean(r.request().postData()?.includes('BaldwinStory')));
      await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
      await answer;
      await page.waitForTimeout(800);
    },
  ],
  [
    'explorer.png',
    async (page) => {
      await page.goto(`${base}/explore?entity=alec-baldwin`);
      await page.locator('#facts-list details', { hasText: 'Hilaria Baldwin is the spouse of Alec Baldwin.' }).locator('summary').click({ timeout: 30_000 });
      await page.locator('#document mark').waitFor();
      await page.waitForTimeout(500);
    },
  ],
  [
    'explorer-case.png',
    async (page) => {
      await page.goto(`${base}/explore?entity=baldwin-involuntary-manslaughter-case`);
      await page.locator('#timeline-list').waitFor({ timeout: 30_000 });
      await page.locator('#people-list dd[data-side="Judges"] summary').click();
      await page.locator('#document mark').waitFor();
      await page.waitForTimeout(500);
    },
  ],
  [
    'explorer-narrow.png',
    async (page) => {
      await page.setViewportSize({ width: 820, height: 1100 });
      await page.goto(`${base}/explore?entity=baldwin-involuntary-manslaughter-case`);
      await page.locator('#timeline-list').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
    },
  ],
];

async function main(): Promise<void> {
  const health = await fetch(`${base}/health`).catch(() => null);
  if (!health?.ok) throw new Error(`No service answers at ${base}: start it with \`npm start\`, or pass its URL: npm run screenshots -- http://host:port`);
  mkdirSync(out, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const [file, show] of shots) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await show(page);
      await page.screenshot({ path: path.join(out, file) });
      await page.close();
      console.log(`docs/screenshots/${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
