import type { Browser } from 'playwright-core';

import { appUrl, launchBrowser, openPage } from './support/browser';

/** Inline scripts and inline event handlers: what `script-src 'self'` refuses to run. */
function inlineScriptsIn(html: string): string[] {
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/gi)]
    .filter(([, attributes = '']) => !/\ssrc\s*=/i.test(attributes))
    .map(([tag]) => tag);
  const handlers = [...html.matchAll(/<[a-z][^>]*\s(on\w+)\s*=/gi)].map(([, handler = '']) => handler);
  return [...inlineScripts, ...handlers];
}

describe('The built app under its Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('serves an index.html with no inline script or handler, under a policy with no unsafe script source', async () => {
    const response = await fetch(appUrl('/'));
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(policy).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
    expect(policy).not.toContain('unsafe-eval');
    const html = await response.text();
    expect(html).toContain('<app-root>');
    expect(inlineScriptsIn(html)).toEqual([]);
  });

  it('runs the app without the browser refusing anything under the policy', async () => {
    const { page, problems } = await openPage(browser);
    // Installed by the browser itself, before the page's own scripts, so every refusal is counted.
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });

    await page.goto(appUrl('/sign-in'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(appUrl('/frameworks/mlcf'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(problems()).toEqual([]);
  });
});
