import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { apiRoutes } from '@portfolio/contracts';

import { evidenceSummary, evidenceView, progressFixture } from '../testing/evidence-fixtures';
import { mlcfFixture } from '../testing/framework-fixtures';
import {
  filtersFromParams,
  filtersToHttpParams,
  filtersToQueryParams,
  hasNarrowingFilters,
  noEvidenceFilters,
} from './evidence-filters';
import { EvidenceStore } from './evidence-store';

/** Lets the promises that follow an HTTP answer run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) {
    await Promise.resolve();
  }
}

describe('evidence filters', () => {
  it('reads the filters from query parameters, dropping what the API would refuse', () => {
    expect(
      filtersFromParams({
        q: '  handover  ',
        type: 'reflection',
        elementKey: '4.2',
        stageKey: 'postgraduate',
        status: 'submitted',
        visibility: 'panel',
        from: '2026-01-01',
        to: '2026-02-30',
        sort: 'title-asc',
      }),
    ).toEqual({
      q: 'handover',
      type: 'reflection',
      elementKey: '4.2',
      stageKey: 'postgraduate',
      status: 'submitted',
      visibility: 'panel',
      from: '2026-01-01',
      to: null,
      sort: 'title-asc',
    });
    expect(filtersFromParams({ type: 'essay', elementKey: 'DROP TABLE', status: 'lost', sort: 'random' })).toEqual(
      noEvidenceFilters(),
    );
  });

  it('writes them back as query parameters, leaving out the default sort', () => {
    const filters = { ...noEvidenceFilters(), q: 'rota', elementKey: '2.1' };
    expect(filtersToQueryParams(filters)).toEqual({
      q: 'rota',
      type: null,
      elementKey: '2.1',
      stageKey: null,
      status: null,
      visibility: null,
      from: null,
      to: null,
      sort: null,
    });
    expect(filtersToQueryParams({ ...filters, sort: 'occurred-asc' }).sort).toBe('occurred-asc');
    expect(filtersFromParams(filtersToQueryParams(filters))).toEqual(filters);
  });

  it('asks the API for only the filters in use, with the cursor and trainee when given', () => {
    const params = filtersToHttpParams({ ...noEvidenceFilters(), type: 'teaching' }, 'cursor-2', 'trainee-9');
    expect(params.toString()).toBe('type=teaching&sort=occurred-desc&traineeId=trainee-9&cursor=cursor-2');
  });

  it('says whether anything narrows the list', () => {
    expect(hasNarrowingFilters(noEvidenceFilters())).toBe(false);
    expect(hasNarrowingFilters({ ...noEvidenceFilters(), sort: 'title-asc' })).toBe(false);
    expect(hasNarrowingFilters({ ...noEvidenceFilters(), from: '2026-01-01' })).toBe(true);
  });
});

describe('EvidenceStore', () => {
  let store: EvidenceStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(EvidenceStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const listRequest = () => http.expectOne((request) => request.url === apiRoutes.evidence);

  it('loads the first page with the filters, then the next pages with the cursor', () => {
    store.openList({ ...noEvidenceFilters(), q: 'handover', status: 'draft' });
    expect(store.list().status).toBe('loading');
    const first = listRequest();
    expect(first.request.params.get('q')).toBe('handover');
    expect(first.request.params.get('status')).toBe('draft');
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({ items: [evidenceSummary('a'), evidenceSummary('b')], nextCursor: 'after-b' });

    expect(store.list().items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(store.hasMore()).toBe(true);

    store.loadMore();
    store.loadMore();
    const second = listRequest();
    expect(second.request.params.get('cursor')).toBe('after-b');
    expect(second.request.params.get('q')).toBe('handover');
    expect(store.list().loadingMore).toBe(true);
    second.flush({ items: [evidenceSummary('c')], nextCursor: null });

    expect(store.list().items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(store.hasMore()).toBe(false);
    store.loadMore();
    http.expectNone(() => true);
  });

  it('keeps what was loaded when a further page fails', () => {
    store.openList(noEvidenceFilters());
    listRequest().flush({ items: [evidenceSummary('a')], nextCursor: 'after-a' });
    store.loadMore();
    listRequest().flush(null, { status: 500, statusText: 'Server Error' });

    expect(store.list().moreFailed).toBe(true);
    expect(store.list().items.map((item) => item.id)).toEqual(['a']);
  });

  it('starts again from the first page when the filters change', () => {
    store.openList(noEvidenceFilters());
    const stale = listRequest();
    store.openList({ ...noEvidenceFilters(), type: 'teaching' }, 'trainee-2');
    expect(stale.cancelled).toBe(true);
    const fresh = listRequest();
    expect(fresh.request.params.get('type')).toBe('teaching');
    expect(fresh.request.params.get('traineeId')).toBe('trainee-2');
    fresh.flush({ items: [], nextCursor: null });

    expect(store.list().status).toBe('loaded');
    expect(store.filters().type).toBe('teaching');
  });

  it('fails the list as a whole when the first page fails', () => {
    store.openList(noEvidenceFilters());
    listRequest().error(new ProgressEvent('error'));
    expect(store.list().status).toBe('failed');
  });

  it('opens an item, and reports one it may not see as not found', () => {
    store.openItem('item-1');
    http.expectOne(apiRoutes.evidenceItem('item-1')).flush(evidenceView());
    expect(store.item()?.title).toBe('Handover redesign');

    store.openItem('hidden');
    http
      .expectOne(apiRoutes.evidenceItem('hidden'))
      .flush({ statusCode: 404, message: 'No such item' }, { status: 404, statusText: 'Not Found' });
    expect(store.itemStatus()).toBe('not-found');
  });

  it("finds the trainee's framework and current stage from their progress, once", async () => {
    store.loadContext('trainee-1');
    http.expectOne(apiRoutes.traineeProgress('trainee-1')).flush(progressFixture());
    await settle();
    http.expectOne(apiRoutes.framework('mlcf')).flush(mlcfFixture());
    await settle();

    expect(store.context()?.currentStageKey).toBe('postgraduate');
    expect(store.context()?.stages.map((stage) => stage.key)).toEqual([
      'undergraduate',
      'postgraduate',
      'continuing-practice',
      'senior-leadership',
    ]);
    store.loadContext('trainee-1');
    http.expectNone(apiRoutes.traineeProgress('trainee-1'));
  });
});
