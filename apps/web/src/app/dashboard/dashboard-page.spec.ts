import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { type CurrentUser, type TraineeView, apiRoutes } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { progressFixture } from '../testing/evidence-fixtures';
import { settle, textOf } from '../testing/page-harness';
import { DashboardPage } from './dashboard-page';

const trainee: CurrentUser = {
  id: 'trainee-1',
  email: 'trainee@demo.test',
  displayName: 'Dr Aisha Khan',
  roles: ['trainee'],
  permissions: ['account:read', 'trainees:read', 'evidence:read', 'evidence:write'],
};

const supervisor: CurrentUser = {
  id: 'supervisor-1',
  email: 'supervisor@demo.test',
  displayName: 'Dr Tom Evans',
  roles: ['supervisor'],
  permissions: ['account:read', 'trainees:read', 'evidence:read'],
};

/** Each row's cells as read at desktop width, without the headings repeated in cells for phones. */
function rowsOf(page: HTMLElement, selector: string): string[][] {
  return Array.from(page.querySelectorAll(selector)).map((row) =>
    Array.from(row.querySelectorAll('th, td')).map((cell) => {
      const copy = cell.cloneNode(true) as Element;
      copy.querySelectorAll('.nhsuk-table__heading').forEach((heading) => heading.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}

describe('DashboardPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      // The page's deferred parts (the chart on scrolling to it) are drawn by answer() below.
      deferBlockBehavior: DeferBlockBehavior.Manual,
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter(
          [
            { path: 'dashboard', component: DashboardPage },
            { path: 'trainees/:traineeId/dashboard', component: DashboardPage },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    harness = await RouterTestingHarness.create();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function signIn(user: CurrentUser): Promise<void> {
    const signingIn = TestBed.inject(SessionStore).signIn({ email: user.email, password: 'x' });
    http.expectOne(apiRoutes.login).flush(user);
    await signingIn;
  }

  async function answer(): Promise<void> {
    for (let turn = 0; turn < 10; turn++) {
      await Promise.resolve();
    }
    await settle(harness);
    // What the browser draws later (the chart once in view, the lists once idle), drawn now.
    for (const block of await harness.fixture.getDeferBlocks()) {
      await block.render(DeferBlockState.Complete);
    }
  }

  it("shows a trainee's own coverage at their current stage, with the chart's numbers in a table", async () => {
    await signIn(trainee);
    await harness.navigateByUrl('/dashboard');
    const page = harness.routeNativeElement as HTMLElement;
    expect(textOf(page, 'h1')).toEqual(['Your progress']);

    const progress = http.expectOne((request) => request.url === apiRoutes.traineeProgress('trainee-1'));
    expect(progress.request.params.has('stage')).toBe(false);
    progress.flush(progressFixture());
    await answer();

    expect(textOf(page, '.nhsuk-lede-text')).toEqual(['2 of 4 elements at the postgraduate stage have evidence.']);
    expect(page.querySelector<HTMLSelectElement>('#stage')?.value).toBe('postgraduate');
    expect(page.querySelector('figure')?.getAttribute('aria-labelledby')).toBe('coverage-chart-caption');
    expect(page.querySelector('.app-coverage-chart__canvas')?.getAttribute('aria-hidden')).toBe('true');
    expect(page.querySelector('ngx-charts-bar-horizontal-stacked')).not.toBeNull();
    expect(rowsOf(page, '.app-coverage-table tbody tr:not(.app-coverage-table__totals)')).toEqual([
      ['1 Demonstrating Personal Qualities', '0', '1', '1', '0', '2'],
      ['2 Working with Others', '0', '0', '0', '2', '2'],
    ]);
    expect(rowsOf(page, '.app-coverage-table__totals')).toEqual([['All domains', '0', '1', '1', '2', '4']]);
    expect(textOf(page, '.app-gap-list li')).toEqual([
      '2.1 Developing Networks',
      '2.2 Building and Maintaining Relationships',
    ]);
    expect(textOf(page, '[data-element="1.1"] .app-element-tile__status')).toEqual(['Evidenced 2 pieces of evidence']);
    expect(page.querySelector('[data-element="1.1"] a')?.getAttribute('href')).toBe(
      '/evidence?elementKey=1.1&stageKey=postgraduate',
    );
    expect(page.querySelector('[data-element="2.1"] a')).toBeNull();
  });

  it("shows a supervisor a trainee's coverage by name, at the stage chosen", async () => {
    await signIn(supervisor);
    await harness.navigateByUrl('/trainees/trainee-1/dashboard?stage=undergraduate');
    const page = harness.routeNativeElement as HTMLElement;

    const progress = http.expectOne((request) => request.url === apiRoutes.traineeProgress('trainee-1'));
    expect(progress.request.params.get('stage')).toBe('undergraduate');
    progress.flush({ ...progressFixture(), stage: 'undergraduate' });
    http.expectOne(apiRoutes.trainee('trainee-1')).flush({
      id: 'trainee-1',
      displayName: 'Dr Aisha Khan',
      email: 'trainee@demo.test',
      gmcNumber: null,
      trainingRecords: [],
      supervisors: [],
    } satisfies TraineeView);
    await answer();

    expect(textOf(page, 'h1')).toEqual(['Progress of Dr Aisha Khan']);
    expect(page.querySelector('[data-element="1.1"] a')?.getAttribute('href')).toBe(
      '/evidence?elementKey=1.1&stageKey=undergraduate&traineeId=trainee-1',
    );
    expect(page.textContent).not.toContain('Add evidence');

    const select = page.querySelector<HTMLSelectElement>('#stage');
    if (!select) {
      throw new Error('No stage select');
    }
    select.value = 'continuing-practice';
    page.querySelector<HTMLFormElement>('.app-stage-form')?.requestSubmit();
    await answer();
    expect(TestBed.inject(Router).url).toBe('/trainees/trainee-1/dashboard?stage=continuing-practice');
    http.expectOne((request) => request.params.get('stage') === 'continuing-practice').flush(progressFixture());
    http.expectOne(apiRoutes.trainee('trainee-1')).flush({
      id: 'trainee-1',
      displayName: 'Dr Aisha Khan',
      email: 'trainee@demo.test',
      gmcNumber: null,
      trainingRecords: [],
      supervisors: [],
    } satisfies TraineeView);
    await answer();
  });
  it("shows evidence counting through a crosswalk apart from the element's own, and offers the other framework", async () => {
    await signIn(trainee);
    await harness.navigateByUrl('/dashboard');
    const page = harness.routeNativeElement as HTMLElement;
    const fixture = progressFixture();
    const progress = http.expectOne((request) => request.url === apiRoutes.traineeProgress('trainee-1'));
    expect(progress.request.params.get('includeCrosswalks')).toBe('true');
    progress.flush({
      ...fixture,
      crosswalks: [
        {
          key: 'mlcf-2010--hlm-2013',
          title: 'MLCF and HLM',
          frameworkKey: 'healthcare-leadership-model',
          frameworkVersion: '2013',
          frameworkTitle: 'Healthcare Leadership Model',
        },
      ],
      elements: fixture.elements.map((element) =>
        element.key === '2.1'
          ? {
              ...element,
              crosswalk: {
                evidenceCount: 2,
                sources: [
                  {
                    frameworkKey: 'healthcare-leadership-model',
                    frameworkVersion: '2013',
                    elementKey: 'connecting-our-service',
                    elementCode: '4',
                    elementTitle: 'Connecting our service',
                    relation: 'isRelatedTo',
                    evidenceCount: 2,
                  },
                ],
              },
            }
          : { ...element, crosswalk: { evidenceCount: 0, sources: [] } },
      ),
    });
    await answer();
    // Every title the page needs comes with the progress: no framework is fetched.
    http.expectNone((request) => request.url.startsWith('/api/frameworks'));

    // The element keeps its own status and count; the crosswalked evidence is marked and apart.
    expect(textOf(page, '[data-element="2.1"] .app-element-tile__status')).toEqual([
      'Not started 0 pieces of evidence',
    ]);
    expect(textOf(page, '[data-element="2.1"] .app-element-tile__crosswalk p')).toEqual([
      'Through a crosswalk 2 more pieces of evidence, not counted above, linked to:',
    ]);
    expect(textOf(page, '[data-element="2.1"] .app-element-tile__crosswalk li')).toEqual([
      '4 Connecting our service (related): 2 pieces',
    ]);
    expect(page.querySelector('[data-element="1.1"] .app-element-tile__crosswalk')).toBeNull();

    const other = Array.from(page.querySelectorAll('a')).find((link) =>
      link.textContent?.includes('against the Healthcare Leadership Model'),
    );
    expect(other?.getAttribute('href')).toBe('/dashboard?framework=healthcare-leadership-model');
  });
});
