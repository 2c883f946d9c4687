import type { Page } from 'playwright-core';

/**
 * How the app learns that nobody is signed in: `GET /api/auth/me` answers 401. Every page
 * opened while signed out asks it, so that 401 is never a problem.
 */
const signedOutAnswer = /\/api\/auth\/me$/;

/** An HTTP error a journey provokes on purpose, such as a 409 from a stale change. */
export interface ExpectedHttpError {
  status: number;
  url: RegExp;
}

/**
 * Collects what would show up as red in the browser's console: errors, uncaught exceptions,
 * failed requests and HTTP errors, except the ones the journey expects and the 401s that say
 * nobody is signed in.
 */
export function watchForPageProblems(page: Page, expectedErrors: ExpectedHttpError[]): () => string[] {
  const problems: string[] = [];
  const expected = [{ status: 401, url: signedOutAnswer }, ...expectedErrors];
  const isExpected = (status: number, url: string) =>
    expected.some((error) => error.status === status && error.url.test(url));

  page.on('response', (response) => {
    if (response.status() >= 400 && !isExpected(response.status(), response.url())) {
      problems.push(`HTTP ${response.status()} from ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    // A request cancelled because the journey moved on to another page, or because the app no
    // longer wanted the answer, has not failed.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') {
      return;
    }
    problems.push(
      `Request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`,
    );
  });
  page.on('pageerror', (error) => problems.push(`Uncaught exception: ${error.message}`));
  page.on('console', (message) => {
    // Chromium also reports every HTTP error in the console; the expected ones are not problems.
    const status = Number(/status of (\d{3})/.exec(message.text())?.[1] ?? 0);
    const isExpectedHttpError = status > 0 && isExpected(status, message.location().url);
    if (message.type() === 'error' && !isExpectedHttpError) {
      problems.push(`Console error: ${message.text()} (${message.location().url})`);
    }
  });

  return () => [...problems];
}
