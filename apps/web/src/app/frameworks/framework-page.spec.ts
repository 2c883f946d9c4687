import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { apiRoutes } from '@portfolio/contracts';

import { hlmFixture, mlcfFixture, notFoundBody } from '../testing/framework-fixtures';
import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { FrameworkPage } from './framework-page';

describe('FrameworkPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
  });

  afterEach(() => http.verify());

  async function openPage(url: string, key: string, body: object | null, status = 200): Promise<HTMLElement> {
    await harness.navigateByUrl(url, FrameworkPage);
    expect(textOf(harness.routeNativeElement as HTMLElement, 'h1')).toEqual(['Loading framework']);
    http
      .expectOne(apiRoutes.framework(key))
      .flush(body, status === 200 ? {} : { status, statusText: status === 404 ? 'Not Found' : 'Server Error' });
    await settle(harness);
    return harness.routeNativeElement as HTMLElement;
  }

  const domainHeadings = (page: HTMLElement) => textOf(page, 'section h2');
  const elementHeadings = (page: HTMLElement) => textOf(page, 'app-element-card h3');

  async function chooseStage(page: HTMLElement, label: string): Promise<void> {
    const radio = Array.from(page.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
      (input) => page.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() === label,
    );
    if (!radio) {
      throw new Error(`No radio labelled ${label}`);
    }
    radio.click();
    await settle(harness);
  }

  it('shows the framework with the domains and elements of the stage in the address', async () => {
    const page = await openPage('/frameworks/mlcf?stage=postgraduate', 'mlcf', mlcfFixture());

    expect(textOf(page, 'h1')).toEqual(['Medical Leadership Competency Framework']);
    expect(page.textContent).toContain('Third edition');
    expect(page.querySelector<HTMLInputElement>('#stage-postgraduate')?.checked).toBe(true);
    expect(domainHeadings(page)).toEqual([
      'Domain 1 – Demonstrating Personal Qualities',
      'Domain 2 – Working with Others',
    ]);
    expect(elementHeadings(page)).toEqual([
      '1.1 Developing Self Awareness',
      '1.2 Managing Yourself',
      '2.1 Developing Networks',
    ]);
    expect(textOf(page, 'app-element-card li')).toContain('1.1 at postgraduate: first outcome');
    expect(textOf(page, '.nhsuk-inset-text p')).toContain(
      '2 of the 4 domains and 3 of the 6 elements apply at this stage.',
    );
    expect(page.querySelector('app-element-card a')?.getAttribute('href')).toBe('/frameworks/mlcf/elements/1.1');
  });

  it('shows domains 6 and 7 at senior leadership only, and puts the stage in the address', async () => {
    const page = await openPage('/frameworks/mlcf?stage=postgraduate', 'mlcf', mlcfFixture());

    await chooseStage(page, 'Senior leadership');
    expect(TestBed.inject(Router).url).toBe('/frameworks/mlcf?stage=senior-leadership');
    expect(domainHeadings(page)).toEqual([
      'Domain 1 – Demonstrating Personal Qualities',
      'Domain 2 – Working with Others',
      'Domain 6 – Creating the Vision',
      'Domain 7 – Delivering the Strategy',
    ]);
    expect(elementHeadings(page)).toContain('7.2 Developing the Strategy');
    expect(textOf(page, 'app-element-card li')).toContain('7.2 at senior-leadership: first outcome');

    await chooseStage(page, 'Postgraduate');
    expect(TestBed.inject(Router).url).toBe('/frameworks/mlcf?stage=postgraduate');
    expect(domainHeadings(page)).toEqual([
      'Domain 1 – Demonstrating Personal Qualities',
      'Domain 2 – Working with Others',
    ]);
    expect(elementHeadings(page)).not.toContain('6.1 Developing the Vision for the Organisation');
    // The framework is fetched once; changing stage only changes the address.
    http.expectNone(apiRoutes.framework('mlcf'));
  });

  it('starts at the first stage when the address names none', async () => {
    const page = await openPage('/frameworks/mlcf', 'mlcf', mlcfFixture());

    expect(page.querySelector<HTMLInputElement>('#stage-undergraduate')?.checked).toBe(true);
    expect(textOf(page, 'app-element-card h4')[0]).toBe('Outcomes for Undergraduate');
  });

  it('lists the elements and rating scale of a framework without domains', async () => {
    const page = await openPage('/frameworks/healthcare-leadership-model', 'healthcare-leadership-model', hlmFixture());

    expect(page.querySelector('app-stage-picker')).toBeNull();
    expect(textOf(page, '.nhsuk-inset-text p')).toContain('All 2 elements apply at this stage.');
    expect(textOf(page, 'h2')).toEqual(['Elements', 'Rating scale']);
    expect(elementHeadings(page)).toEqual(['1 Inspiring shared purpose', '2 Leading with care']);
    expect(textOf(page, 'app-rating-scale dt')).toEqual(['Essential', 'Proficient', 'Strong', 'Exemplary']);
  });

  it('says so when there is no such framework', async () => {
    const page = await openPage('/frameworks/nope', 'nope', notFoundBody, 404);

    expect(textOf(page, 'h1')).toEqual(['Framework not found']);
    expect(page.textContent).toContain('There is no framework with the key “nope”.');
  });

  it('explains a server failure and tries again when asked', async () => {
    const page = await openPage('/frameworks/mlcf', 'mlcf', null, 500);

    expect(textOf(page, 'h1')).toEqual(['Sorry, there is a problem with the service']);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('The framework could not be loaded');

    page.querySelector<HTMLButtonElement>('app-service-problem button')?.click();
    http.expectOne(apiRoutes.framework('mlcf')).flush(mlcfFixture());
    await settle(harness);
    expect(textOf(page, 'h1')).toEqual(['Medical Leadership Competency Framework']);
  });
});
