import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { apiRoutes, trainingYearOf } from '@portfolio/contracts';

import { mlcfFixture } from '../testing/framework-fixtures';
import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { cohortPageFixture } from '../testing/progression-fixtures';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { CohortCharts } from './cohort-charts';
import { CohortPage } from './cohort-page';
import {
  type CohortFilters,
  batchRequestOf,
  defaultCohortFilters,
  exportQuery,
  filtersFromParams,
  filtersToHttpParams,
  filtersToQueryParams,
  pageLinks,
  sortedBy,
} from './cohort-query';
import { CohortStore } from './cohort-store';

const november2026 = new Date('2026-11-23T12:00:00Z');

function filters(overrides: Partial<CohortFilters> = {}): CohortFilters {
  return { ...defaultCohortFilters(november2026), ...overrides };
}

describe('cohort query', () => {
  it('reads the filters from the address, putting defaults in place of what the API would refuse', () => {
    expect(
      filtersFromParams(
        {
          programmeId: '0f9a3c1e-5b2d-4e8f-9a1b-2c3d4e5f6a7b',
          stageKey: 'postgraduate',
          grade: '  ST3 ',
          period: '2025-26',
          sort: 'outcome',
          direction: 'desc',
          page: '4',
        },
        november2026,
      ),
    ).toEqual({
      programmeId: '0f9a3c1e-5b2d-4e8f-9a1b-2c3d4e5f6a7b',
      stageKey: 'postgraduate',
      grade: 'ST3',
      period: '2025-26',
      sort: 'outcome',
      direction: 'desc',
      page: 4,
    });
    expect(
      filtersFromParams(
        {
          programmeId: 'not-a-programme',
          stageKey: 'DROP TABLE',
          period: '2025-27',
          sort: 'random',
          direction: 'sideways',
          page: '-1',
        },
        november2026,
      ),
    ).toEqual(filters());
    expect(filtersFromParams({ page: '2.5' }, november2026).page).toBe(1);
  });

  it('shows the current training year by default: training years start in August', () => {
    expect(defaultCohortFilters(november2026).period).toBe('2026-27');
    expect(defaultCohortFilters(new Date('2027-03-01T12:00:00Z')).period).toBe('2026-27');
    expect(defaultCohortFilters(new Date('2026-07-31T12:00:00Z')).period).toBe('2025-26');
  });

  it('writes the filters into the address, leaving out the default order and the first page', () => {
    expect(filtersToQueryParams(filters({ grade: 'ST3' }))).toEqual({
      programmeId: null,
      stageKey: null,
      grade: 'ST3',
      period: '2026-27',
      sort: null,
      direction: null,
      page: null,
    });
    const sortedAndPaged = filters({ stageKey: 'postgraduate', sort: 'signed-off', direction: 'desc', page: 3 });
    expect(filtersToQueryParams(sortedAndPaged)).toEqual({
      programmeId: null,
      stageKey: 'postgraduate',
      grade: null,
      period: '2026-27',
      sort: 'signed-off',
      direction: 'desc',
      page: '3',
    });
    expect(filtersFromParams(filtersToQueryParams(sortedAndPaged), november2026)).toEqual(sortedAndPaged);
    // Name from Z to A is not the default order, so both parts are kept.
    expect(filtersToQueryParams(filters({ direction: 'desc' }))).toMatchObject({ sort: 'name', direction: 'desc' });
  });

  it('asks the API for one page, and for the CSV and the batch with the same filters', () => {
    const chosen = filters({ grade: 'ST3', sort: 'outcome', direction: 'desc', page: 2 });
    expect(filtersToHttpParams(chosen).toString()).toBe(
      'period=2026-27&grade=ST3&sort=outcome&direction=desc&page=2&pageSize=25',
    );
    expect(exportQuery(chosen)).toBe('period=2026-27&grade=ST3&sort=outcome&direction=desc');
    expect(batchRequestOf(chosen)).toEqual({ period: '2026-27', grade: 'ST3' });
  });

  it('sorts by a new column from A to Z, reverses the order of the same column, and goes back to page 1', () => {
    const byName = filters({ page: 5 });
    expect(sortedBy(byName, 'outcome')).toMatchObject({ sort: 'outcome', direction: 'asc', page: 1 });
    expect(sortedBy(byName, 'name')).toMatchObject({ sort: 'name', direction: 'desc', page: 1 });
    expect(sortedBy(filters({ direction: 'desc' }), 'name')).toMatchObject({ direction: 'asc' });
  });

  it('numbers the pages around the current one, with gaps for the rest', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(2, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(1, 200)).toEqual([1, 2, null, 200]);
    expect(pageLinks(10, 200)).toEqual([1, null, 9, 10, 11, null, 200]);
    // A gap of one page shows the page rather than "⋯".
    expect(pageLinks(4, 8)).toEqual([1, 2, 3, 4, 5, null, 8]);
  });
});

describe('CohortStore', () => {
  let store: CohortStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(CohortStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads a page, keeping the last one on screen while the next one loads', () => {
    store.open(filters());
    const first = http.expectOne((request) => request.url === apiRoutes.cohort);
    expect(first.request.params.get('page')).toBe('1');
    first.flush(cohortPageFixture());
    expect(store.cohortStatus()).toBe('loaded');

    store.open(filters({ page: 2 }));
    expect(store.cohortStatus()).toBe('loading');
    expect(store.cohort()?.page).toBe(1);
    http.expectOne((request) => request.params.get('page') === '2').flush(cohortPageFixture({ page: 2 }));
    expect(store.cohort()?.page).toBe(2);
  });

  it('drops a page that is overtaken by a newer request', () => {
    store.open(filters({ sort: 'outcome' }));
    const older = http.expectOne((request) => request.params.get('sort') === 'outcome');
    store.open(filters({ sort: 'stage' }));
    expect(older.cancelled).toBe(true);
    http.expectOne((request) => request.params.get('sort') === 'stage').flush(cohortPageFixture({ total: 3 }));
    expect(store.cohort()?.total).toBe(3);
  });

  it('starts a batch of reports for the filters shown', async () => {
    const started = store.startBatch(filters({ stageKey: 'postgraduate' }));
    const request = http.expectOne(apiRoutes.reportBatches);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ period: '2026-27', stageKey: 'postgraduate' });
    request.flush({ id: 'batch-9', status: 'queued' }, { status: 202, statusText: 'Accepted' });
    expect((await started).id).toBe('batch-9');
  });
});

describe('CohortPage', () => {
  const deaneryAdmin = userWithRoles(['deanery_admin'], 'Rachel Moore');
  // Loaded up front: the route and its charts are lazy, and loading them inside a test is slow.
  expect(CohortPage && CohortCharts).toBeTruthy();

  it('shows the page of the cohort the address asks for, and sorts and pages through the address', async () => {
    const { harness, http } = await createPageHarness();
    await answerWhoIsSignedIn(http, deaneryAdmin);
    await harness.navigateByUrl('/cohort?period=2026-27&sort=outcome&direction=desc&page=2', CohortPage);
    const page = harness.routeNativeElement as HTMLElement;

    const request = http.expectOne((candidate) => candidate.url === apiRoutes.cohort);
    expect(request.request.params.toString()).toBe('period=2026-27&sort=outcome&direction=desc&page=2&pageSize=25');
    request.flush(cohortPageFixture({ page: 2, rows: cohortPageFixture().rows }));
    http.expectOne(apiRoutes.framework('mlcf')).flush(mlcfFixture());
    await settle(harness);
    await settle(harness);

    expect(textOf(page, '.app-cohort-table caption')[0]).toContain('Trainees 26 to 27 of 60');
    const header = (sort: string) => page.querySelector(`[data-sort="${sort}"]`)?.closest('th');
    expect(header('outcome')?.getAttribute('aria-sort')).toBe('descending');
    expect(header('name')?.getAttribute('aria-sort')).toBe('none');
    expect(textOf(page, '[data-trainee="trainee-1"] td')).toEqual([
      'Trainee Dr Aisha Khan, GMC 7654321',
      'Programme Core Medical Training',
      'Stage and grade Postgraduate, CT2',
      expect.stringContaining(
        'Domain 1, Demonstrating Personal Qualities: 2 signed off, 1 assessed, 1 evidenced, of 4',
      ),
      'Elements signed off 2 of 8',
      'Assessments 3 signed, 1 pending',
      'Outcome Outcome 1: Satisfactory progress',
    ]);
    expect(page.querySelector('[data-trainee="trainee-1"] a')?.getAttribute('href')).toBe('/cohort/trainees/trainee-1');
    expect(textOf(page, '[data-trainee="trainee-2"] td').at(-1)).toBe('Outcome None yet');

    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/cohort/export?period=2026-27&sort=outcome&direction=desc',
    );
    const pageLink = (label: string) => page.querySelector(`.nhsuk-pagination a[aria-label="${label}"]`);
    expect(pageLink('Page 2')?.getAttribute('aria-current')).toBe('page');
    expect(pageLink('Page 3')?.getAttribute('href')).toBe('/cohort?period=2026-27&sort=outcome&direction=desc&page=3');
    expect(pageLink('Page 1')?.getAttribute('href')).toBe('/cohort?period=2026-27&sort=outcome&direction=desc');
    const outcomeRows = Array.from(page.querySelectorAll('.app-outcome-table tbody tr')).map((row) =>
      textOf(row, 'th, td'),
    );
    expect(outcomeRows).toEqual([
      ['Outcome 1: Satisfactory progress', '40'],
      ['Outcome 5: Incomplete evidence presented', '3'],
      ['No outcome yet', '17'],
      ['All trainees', '60'],
    ]);
    expect(page.querySelector('ngx-charts-heat-map')).not.toBeNull();

    page.querySelector<HTMLButtonElement>('[data-sort="outcome"]')?.click();
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/cohort?period=2026-27&sort=outcome&direction=asc');
    const resorted = http.expectOne((candidate) => candidate.url === apiRoutes.cohort);
    expect(resorted.request.params.get('direction')).toBe('asc');
    expect(resorted.request.params.get('page')).toBe('1');
    resorted.flush(cohortPageFixture());
    http.verify();
  });

  it('starts with the current training year, and will not filter by a period that is not one', async () => {
    const { harness, http } = await createPageHarness();
    await answerWhoIsSignedIn(http, deaneryAdmin);
    await harness.navigateByUrl('/cohort', CohortPage);
    const page = harness.routeNativeElement as HTMLElement;
    const period = trainingYearOf(new Date());
    http.expectOne((candidate) => candidate.params.get('period') === period).flush(cohortPageFixture());
    http.expectOne(apiRoutes.framework('mlcf')).flush(mlcfFixture());
    await settle(harness);

    expect(page.querySelector<HTMLInputElement>('#period')?.value).toBe(period);
    expect(Array.from(page.querySelectorAll('#stageKey option')).map((option) => option.textContent?.trim())).toEqual([
      'All stages',
      'Undergraduate',
      'Postgraduate',
      'Continuing practice',
      'Senior leadership',
    ]);
    const periodField = page.querySelector<HTMLInputElement>('#period');
    if (periodField) {
      periodField.value = '2026-28';
    }
    page.querySelector<HTMLFormElement>('.app-cohort-filters')?.requestSubmit();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual([
      'Enter a review period as a training year, such as 2026-27',
    ]);
    http.verify();
  });
});
