import { type Browser, type Locator, type Page, type ViewportSize, chromium } from 'playwright-core';

import { type ExpectedHttpError, watchForPageProblems } from './page-problems';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The address of a page of the server that the global setup started. */
export function appUrl(path: string): string {
  const baseUrl = process.env['E2E_BASE_URL'];
  if (!baseUrl) {
    throw new Error('E2E_BASE_URL is not set: run the journeys with `npx nx run web-e2e:e2e`.');
  }
  return new URL(path, baseUrl).toString();
}

export interface JourneyPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  problems: () => string[];
}

export interface JourneyPageOptions {
  viewport?: ViewportSize;
  /** Requests that a journey expects to answer 404, such as an unknown framework's. */
  expectedNotFound?: RegExp[];
  /** Other HTTP errors the journey provokes, such as a wrong password's 401. */
  expectedErrors?: ExpectedHttpError[];
}

/** A page in a fresh browser context (no shared storage), watched for problems. */
export async function openPage(browser: Browser, options: JourneyPageOptions = {}): Promise<JourneyPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const expectedErrors = [
    ...(options.expectedNotFound ?? []).map((url) => ({ status: 404, url })),
    ...(options.expectedErrors ?? []),
  ];
  return { page, problems: watchForPageProblems(page, expectedErrors) };
}

/** Text as it reads on screen, without the template's line breaks and indentation. */
export async function visibleTexts(locator: Locator): Promise<string[]> {
  return (await locator.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}
