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

/** Lets signals, effects and the router settle after a response or an event. */
export async function settle(harness: RouterTestingHarness): Promise<void> {
  await harness.fixture.whenStable();
  harness.detectChanges();
}

export function textOf(root: Element, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector)).map((element) =>
    (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}
