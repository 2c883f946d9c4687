import type { Page } from 'playwright-core';

import { appUrl } from './browser';

/** The password of every demo account the server seeds (DEMO_PASSWORD's default). */
export const demoPassword = process.env['DEMO_PASSWORD'] ?? 'demo-portfolio-2026';

/** One demo account per role, as the server seeds them. */
export const demoAccounts = {
  trainee: { email: 'trainee@demo.test', name: 'Dr Aisha Khan' },
  supervisor: { email: 'supervisor@demo.test', name: 'Dr Tom Evans' },
  assessor: { email: 'assessor@demo.test', name: 'Sam Patel' },
  deanery: { email: 'deanery@demo.test', name: 'Rachel Moore' },
  admin: { email: 'admin@demo.test', name: 'Portfolio administrator' },
} as const;

export type DemoRole = keyof typeof demoAccounts;

/** Fills in and sends the sign-in form on the page already open. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the sign-in page and waits for the header to greet the user. */
export async function signInAs(page: Page, role: DemoRole, returnUrl?: string): Promise<void> {
  const account = demoAccounts[role];
  const query = returnUrl ? `?returnUrl=${encodeURIComponent(returnUrl)}` : '';
  await page.goto(appUrl(`/sign-in${query}`));
  await submitSignIn(page, account.email, demoPassword);
  await page.getByRole('navigation', { name: 'Account' }).getByText(account.name).waitFor();
}

/** The links of the header's main navigation, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Menu' }).getByRole('link');
  return (await links.allInnerTexts()).map((text) => text.trim());
}
