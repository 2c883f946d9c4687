import type { Page } from 'playwright-core';

import { unusedAuthenticatorCode, whileSigningIn } from './authenticator-codes';
import { appUrl } from './browser';

/** The password of every demo account the server seeds (DEMO_PASSWORD's default). */
export const demoPassword = process.env['DEMO_PASSWORD'] ?? 'demo-portfolio-2026';

/**
 * One demo account per role, as the server seeds them (apps/api/src/demo/demo-accounts.ts, which
 * journeys cannot import): supervisors, deanery admins and admins with their published
 * authenticator secrets.
 */
export const demoAccounts = {
  trainee: { email: 'trainee@demo.test', name: 'Dr Aisha Khan', authenticatorSecret: null },
  supervisor: {
    email: 'supervisor@demo.test',
    name: 'Dr Tom Evans',
    authenticatorSecret: 'DEMOSUPERVISORTOTPSECRETKEYTWO22',
  },
  assessor: { email: 'assessor@demo.test', name: 'Sam Patel', authenticatorSecret: null },
  deanery: {
    email: 'deanery@demo.test',
    name: 'Rachel Moore',
    authenticatorSecret: 'DEMODEANERYADMINTOTPSECRETKEY234',
  },
  admin: {
    email: 'admin@demo.test',
    name: 'Portfolio administrator',
    authenticatorSecret: 'DEMOADMINISTRATORTOTPSECRETKEY23',
  },
} as const;

export type DemoRole = keyof typeof demoAccounts;

function demoSecretOf(email: string): string | null {
  const account = Object.values(demoAccounts).find((candidate) => candidate.email === email.toLowerCase());
  return account?.authenticatorSecret ?? null;
}

/** Fills in and sends the password step of the sign-in form on the page already open. */
export async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Fills in and sends the sign-in form. For a demo account with an authenticator app and its
 * right password, it goes on to enter a code from the app, as the person would.
 */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const secret = demoSecretOf(email);
  if (!secret || password !== demoPassword) {
    await submitPassword(page, email, password);
    return;
  }
  await whileSigningIn(email, async () => {
    await submitPassword(page, email, password);
    await submitAuthenticatorCode(page, await unusedAuthenticatorCode(email.toLowerCase(), secret));
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  });
}

/** On the code page that follows the password: enters the code and continues. */
export async function submitAuthenticatorCode(page: Page, code: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Enter the code from your authenticator app' }).waitFor();
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Signs in through the sign-in page (and its code page, where the role has one) and waits for the header to greet the user. */
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
