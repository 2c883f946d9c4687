import type { Page } from 'playwright-core';

/**
 * Collects what would show up as red in the browser's console: errors, uncaught exceptions,
 * failed requests and HTTP errors, except 404s from addresses the journey expects to be missing.
 */
export function watchForPageProblems(page: Page, expectedNotFound: RegExp[]): () => string[] {
  const problems: string[] = [];
  const isExpectedNotFound = (url: string) => expectedNotFound.some((pattern) => pattern.test(url));

  page.on('response', (response) => {
    const expected = response.status() === 404 && isExpectedNotFound(response.url());
    if (response.status() >= 400 && !expected) {
      problems.push(`HTTP ${response.status()} from ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    problems.push(
      `Request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`,
    );
  });
  page.on('pageerror', (error) => problems.push(`Uncaught exception: ${error.message}`));
  page.on('console', (message) => {
    // Chromium also reports every HTTP error in the console; the expected 404s are not problems.
    const isExpected404 = message.text().includes('status of 404') && isExpectedNotFound(message.location().url);
    if (message.type() === 'error' && !isExpected404) {
      problems.push(`Console error: ${message.text()} (${message.location().url})`);
    }
  });

  return () => [...problems];
}
