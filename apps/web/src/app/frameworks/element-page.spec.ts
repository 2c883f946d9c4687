import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import type { RouterTestingHarness } from '@angular/router/testing';

import { apiRoutes } from '@portfolio/contracts';

import { BreadcrumbTrail } from '../shared/breadcrumbs';
import { hlmFixture, mlcfFixture, notFoundBody } from '../testing/framework-fixtures';
import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { ElementPage } from './element-page';

describe('ElementPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
  });

  afterEach(() => http.verify());

  async function openPage(url: string, key: string, body: object | null, status = 200): Promise<HTMLElement> {
    await harness.navigateByUrl(url, ElementPage);
    http.expectOne(apiRoutes.framework(key)).flush(body, status === 200 ? {} : { status, statusText: 'Not Found' });
    await settle(harness);
    return harness.routeNativeElement as HTMLElement;
  }

  it('shows the element, its domain and its outcomes at every stage', async () => {
    const page = await openPage('/frameworks/mlcf/elements/1.2', 'mlcf', mlcfFixture());

    expect(textOf(page, 'h1')).toEqual(['Element 1.2 – Managing Yourself']);
    expect(page.textContent).toContain('About managing yourself.');
    expect(page.textContent).toContain('1 Demonstrating Personal Qualities');
    expect(textOf(page, 'h2')).toEqual(['Outcomes by stage']);
    const outcomeRows = Array.from(page.querySelectorAll('h2 + dl .nhsuk-summary-list__row'));
    expect(outcomeRows.map((row) => textOf(row, 'dt')[0])).toEqual([
      'Undergraduate',
      'Postgraduate',
      'Continuing practice',
      'Senior leadership',
    ]);
    expect(textOf(outcomeRows[3], 'li')).toEqual([
      '1.2 at senior-leadership: first outcome',
      '1.2 at senior-leadership: second outcome',
    ]);
    expect(
      TestBed.inject(BreadcrumbTrail)
        .crumbs()
        .map((crumb) => crumb.label),
    ).toEqual(['Home', 'Medical Leadership Competency Framework']);
    expect(TestBed.inject(Title).getTitle()).toBe(
      '1.2 Managing Yourself: Medical Leadership Competency Framework – Leadership portfolio',
    );
  });

  it('names the stages a senior leadership element does not apply at', async () => {
    const page = await openPage('/frameworks/mlcf/elements/6.1', 'mlcf', mlcfFixture());

    expect(textOf(page, 'h2 + dl dt')).toEqual(['Senior leadership']);
    expect(page.textContent).toContain('Undergraduate, Postgraduate, Continuing practice');
  });

  it('shows level descriptors in rating scale order', async () => {
    const page = await openPage(
      '/frameworks/healthcare-leadership-model/elements/leading-with-care',
      'healthcare-leadership-model',
      hlmFixture(),
    );

    expect(textOf(page, 'h2')).toEqual(['Outcomes by stage', 'Level descriptors']);
    expect(textOf(page, 'h2:last-of-type + dl dd')).toEqual([
      'Leading with care when essential.',
      'Leading with care when proficient.',
      'Leading with care when strong.',
      'Leading with care when exemplary.',
    ]);
  });

  it('says so when the framework has no such element', async () => {
    const page = await openPage('/frameworks/mlcf/elements/9.9', 'mlcf', mlcfFixture());

    expect(textOf(page, 'h1')).toEqual(['Element not found']);
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/frameworks/mlcf');
  });

  it('says so when there is no such framework', async () => {
    const page = await openPage('/frameworks/nope/elements/1.1', 'nope', notFoundBody, 404);

    expect(textOf(page, 'h1')).toEqual(['Framework not found']);
  });
});
