import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { appConfig } from '../app.config';

/** The app's real providers and routes, with the HTTP backend replaced by a test double. */
export async function createPageHarness(): Promise<{
  harness: RouterTestingHarness;
  http: HttpTestingController;
}> {
  TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create();
  return { harness, http: TestBed.inject(HttpTestingController) };
}

/**
 * Lets signals, effects and the router settle after a response or an event, including the
 * promise chains (await a response, then navigate) that pages run after a response.
 */
export async function settle(harness: RouterTestingHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await harness.fixture.whenStable();
  harness.detectChanges();
}

export function textOf(root: Element, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector)).map((element) =>
    (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** The form field with this id; fails the test if the page has none. */
export function fieldOf<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(
  root: Element,
  id: string,
): T {
  const field = root.querySelector<T>(`#${id}`);
  if (!field) {
    throw new Error(`No field with id ${id}`);
  }
  return field;
}
