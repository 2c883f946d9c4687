import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { apiRoutes } from '@portfolio/contracts';

import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { batchFixture } from '../testing/progression-fixtures';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { BatchProgressPage } from './batch-progress-page';
import { batchProgressText, durationText } from './batch-views';
import { BATCH_POLL_INTERVAL_MS, CohortStore } from './cohort-store';

describe('batch progress in words', () => {
  it('rounds the time left as a person would say it', () => {
    expect(durationText(3)).toBe('a few seconds');
    expect(durationText(31)).toBe('30 seconds');
    expect(durationText(58)).toBe('1 minute');
    expect(durationText(61)).toBe('1 minute');
    expect(durationText(150)).toBe('3 minutes');
    expect(durationText(3600)).toBe('1 hour');
    expect(durationText(4260)).toBe('1 hour 11 minutes');
    expect(durationText(7260)).toBe('2 hours 1 minute');
  });

  it('counts the reports made and failed, says how long is left, and when it is over', () => {
    expect(batchProgressText(batchFixture())).toBe('412 of 1,000 reports, about 30 seconds left');
    expect(batchProgressText(batchFixture({ done: 400, failed: 12, estimatedSecondsLeft: null }))).toBe(
      '412 of 1,000 reports, working out how long is left',
    );
    expect(batchProgressText(batchFixture({ status: 'queued', done: 0, estimatedSecondsLeft: null }))).toBe(
      '0 of 1,000 reports, waiting to start',
    );
    expect(batchProgressText(batchFixture({ status: 'finished', done: 1000, total: 1000 }))).toBe(
      '1,000 of 1,000 reports, finished',
    );
    expect(batchProgressText(batchFixture({ status: 'finished', done: 1, total: 1 }))).toBe('1 of 1 report, finished');
  });
});

describe('CohortStore following a batch', () => {
  let store: CohortStore;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(CohortStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks again while the batch runs, and stops once it has finished', () => {
    store.watchBatch('batch-1');
    http.expectOne(apiRoutes.reportBatch('batch-1')).flush(batchFixture({ status: 'queued', done: 0 }));
    expect(store.batch()?.status).toBe('queued');

    jest.advanceTimersByTime(BATCH_POLL_INTERVAL_MS - 1);
    http.expectNone(apiRoutes.reportBatch('batch-1'));
    jest.advanceTimersByTime(1);
    http.expectOne(apiRoutes.reportBatch('batch-1')).flush(batchFixture());
    expect(store.batch()?.done).toBe(412);

    jest.advanceTimersByTime(BATCH_POLL_INTERVAL_MS);
    http
      .expectOne(apiRoutes.reportBatch('batch-1'))
      .flush(batchFixture({ status: 'finished', done: 1000, estimatedSecondsLeft: 0, downloadReady: true }));
    expect(store.batch()?.status).toBe('finished');

    jest.advanceTimersByTime(BATCH_POLL_INTERVAL_MS * 10);
    http.expectNone(apiRoutes.reportBatch('batch-1'));
  });

  it('keeps going after a failed check, and stops when the page is left', () => {
    store.watchBatch('batch-1');
    http.expectOne(apiRoutes.reportBatch('batch-1')).flush(batchFixture());
    jest.advanceTimersByTime(BATCH_POLL_INTERVAL_MS);
    http.expectOne(apiRoutes.reportBatch('batch-1')).flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(store.batchCheckProblem()).toBe(true);
    expect(store.batch()?.done).toBe(412);

    jest.advanceTimersByTime(BATCH_POLL_INTERVAL_MS);
    http.expectOne(apiRoutes.reportBatch('batch-1')).flush(batchFixture({ done: 500 }));
    expect(store.batchCheckProblem()).toBe(false);

    store.stopWatchingBatch();
    jest.advanceTimersByTime(BATCH_POLL_INTERVAL_MS * 10);
    http.expectNone(apiRoutes.reportBatch('batch-1'));
  });

  it('says a batch that is not there is not found', () => {
    store.watchBatch('batch-404');
    http.expectOne(apiRoutes.reportBatch('batch-404')).flush(null, { status: 404, statusText: 'Not Found' });
    expect(store.batchStatus()).toBe('not-found');
    jest.advanceTimersByTime(BATCH_POLL_INTERVAL_MS * 10);
    http.expectNone(apiRoutes.reportBatch('batch-404'));
  });
});

describe('BatchProgressPage', () => {
  const deaneryAdmin = userWithRoles(['deanery_admin'], 'Rachel Moore');

  it('shows the progress as a bar with its numbers, then the failures and the ZIP when finished', async () => {
    const { harness, http } = await createPageHarness();
    await answerWhoIsSignedIn(http, deaneryAdmin);
    await harness.navigateByUrl('/cohort/batches/batch-1', BatchProgressPage);
    const page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.reportBatch('batch-1')).flush(batchFixture());
    await settle(harness);

    expect(textOf(page, 'h1')).toEqual(['Producing progression reports']);
    const bar = page.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuemin')).toBe('0');
    expect(bar?.getAttribute('aria-valuemax')).toBe('1000');
    expect(bar?.getAttribute('aria-valuenow')).toBe('412');
    expect(bar?.getAttribute('aria-valuetext')).toBe('412 of 1,000 reports, about 30 seconds left');
    expect(textOf(page, '.app-batch-progress__text')).toEqual(['412 of 1,000 reports, about 30 seconds left']);
    expect(page.querySelector('a[download]')).toBeNull();

    // Leaving the page stops the checks; coming back to a finished batch shows the ZIP.
    TestBed.inject(CohortStore).stopWatchingBatch();
    TestBed.inject(CohortStore).watchBatch('batch-1');
    http.expectOne(apiRoutes.reportBatch('batch-1')).flush(
      batchFixture({
        status: 'finished',
        done: 998,
        failed: 2,
        failures: [
          { traineeId: 'trainee-7', traineeName: 'Dr Cara Jones', error: 'No training record' },
          { traineeId: 'trainee-8', traineeName: 'Dr Dev Shah', error: 'No training record' },
        ],
        finishedAt: '2027-06-11T10:05:00.000Z',
        estimatedSecondsLeft: 0,
        downloadReady: true,
      }),
    );
    await settle(harness);

    expect(textOf(page, 'h1')).toEqual(['Progression reports ready']);
    expect(page.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('1000');
    expect(textOf(page, '.app-batch-progress__text')).toEqual(['1,000 of 1,000 reports, finished']);
    expect(textOf(page, '[role="status"]')).toEqual(['The reports are ready to download.']);
    expect(textOf(page, 'h2')).toContain('2 reports could not be produced');
    expect(textOf(page, '.nhsuk-list--bullet li')).toEqual([
      'Dr Cara Jones: No training record',
      'Dr Dev Shah: No training record',
    ]);
    const zip = page.querySelector('a[download]');
    expect(zip?.textContent?.trim()).toBe('Download ZIP');
    expect(zip?.getAttribute('href')).toBe(apiRoutes.reportBatchZip('batch-1'));
    http.verify();
  });
});
