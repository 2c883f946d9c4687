import type { Page } from 'playwright-core';

/** Fails if the page is wider than the window, so that a reader would have to scroll sideways. */
export async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.content).toBeLessThanOrEqual(widths.window);
}

export const phone = { width: 390, height: 844 };
