import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';

import { App } from './app';
import { appConfig } from './app.config';

describe('App', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
  });

  it('frames every page as an NHS service', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;

    expect(shell.querySelector('.nhsuk-skip-link')?.getAttribute('href')).toBe('#maincontent');
    expect(shell.querySelector('header .nhsuk-header__service-name')?.textContent?.trim()).toBe('Leadership portfolio');
    expect(shell.querySelector('header svg[aria-label="NHS"]')).not.toBeNull();
    expect(shell.querySelector('main')?.id).toBe('maincontent');
    expect(shell.querySelector('footer.nhsuk-footer')).not.toBeNull();
  });

  it('moves focus to the main content from the skip link', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;

    shell.querySelector<HTMLAnchorElement>('.nhsuk-skip-link')?.click();
    expect(document.activeElement).toBe(shell.querySelector('main'));
  });

  it('shows the page not found page for an unknown address', async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/no/such/page');
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;

    expect(shell.querySelector('main h1')?.textContent?.trim()).toBe('Page not found');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found – Leadership portfolio');
  });
});
