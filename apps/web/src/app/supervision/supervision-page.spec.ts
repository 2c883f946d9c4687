import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type SupervisedTrainee, type SupervisorDashboard, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { SupervisionPage } from './supervision-page';

function supervised(overrides: Partial<SupervisedTrainee> = {}): SupervisedTrainee {
  return {
    id: 'trainee-1',
    displayName: 'Dr Aisha Khan',
    programmeName: 'Foundation Programme',
    stageKey: 'postgraduate',
    grade: 'FY2',
    frameworkKey: 'mlcf',
    totals: { 'not-started': 18, evidenced: 5, assessed: 2, 'signed-off': 3 },
    elementCount: 28,
    pendingAssessments: 1,
    lastActivityAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

function dashboard(overrides: Partial<SupervisorDashboard> = {}): SupervisorDashboard {
  return {
    trainees: [supervised()],
    pendingRequests: [
      {
        id: 'a1',
        title: 'Handover audit',
        templateTitle: 'Case-based discussion',
        traineeId: 'trainee-1',
        traineeName: 'Dr Aisha Khan',
        status: 'in-progress',
        since: '2026-02-20T09:00:00.000Z',
        waitingDays: 10,
      },
    ],
    recentSignOffs: [
      {
        id: 'sign-off-1',
        kind: 'element',
        traineeId: 'trainee-1',
        traineeName: 'Dr Aisha Khan',
        title: '3.2 Managing Resources',
        signedAt: '2026-03-01T15:00:00.000Z',
      },
      {
        id: 'a0',
        kind: 'assessment',
        traineeId: 'trainee-1',
        traineeName: 'Dr Aisha Khan',
        title: 'Rota redesign',
        signedAt: '2026-02-27T15:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** Each row's cells as read at desktop width, without the headings repeated in cells for phones. */
function rowsOf(root: Element, selector: string): string[][] {
  return Array.from(root.querySelectorAll(selector)).map((row) =>
    Array.from(row.querySelectorAll('td')).map((cell) => {
      const copy = cell.cloneNode(true) as Element;
      copy.querySelectorAll('.nhsuk-table__heading').forEach((heading) => heading.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}

describe('SupervisionPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['supervisor'], 'Dr Tom Evans'));
    await harness.navigateByUrl('/supervision', SupervisionPage);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  const tables = () => Array.from(page.querySelectorAll('table'));

  it("shows each trainee's training, progress, waiting assessments and last activity", async () => {
    expect(textOf(page, '[role="status"]')).toEqual(['Loading your trainees…']);
    http.expectOne(apiRoutes.supervision).flush(dashboard());
    await settle(harness);

    expect(textOf(page, 'h2')).toEqual(['Your trainees', 'Requests waiting for you', 'Your recent sign-offs']);
    const [trainees] = tables();
    expect(rowsOf(trainees, 'tbody tr')).toEqual([
      [
        'Dr Aisha Khan',
        'Foundation Programme, Postgraduate (FY2)',
        '3 signed off 2 assessed 5 evidenced 18 not started of 28 elements',
        '1',
        '2 March 2026',
      ],
    ]);
    expect(trainees.querySelector('tbody a')?.getAttribute('href')).toBe('/trainees/trainee-1');
    // The bar is a picture of the counts under it, so only the counts are read out.
    const bar = trainees.querySelector('.app-progress-bar');
    expect(bar?.getAttribute('aria-hidden')).toBe('true');
    const widths = Array.from(bar?.querySelectorAll<HTMLElement>('.app-progress-bar__segment') ?? []).map(
      (segment) => segment.style.width,
    );
    expect(widths.map((width) => Math.round(parseFloat(width)))).toEqual([11, 7, 18, 64]);
  });

  it('lists the requests waiting, oldest first, and the recent sign-offs, each linking to its page', async () => {
    http.expectOne(apiRoutes.supervision).flush(dashboard());
    await settle(harness);

    const [, requests, signOffs] = tables();
    expect(rowsOf(requests, 'tbody tr')).toEqual([
      ['Handover audit, Case-based discussion', 'Dr Aisha Khan', 'Being assessed', 'Waiting 10 days'],
    ]);
    expect(requests.querySelector('tbody a')?.getAttribute('href')).toBe('/assessments/a1');
    expect(rowsOf(signOffs, 'tbody tr')).toEqual([
      ['3.2 Managing Resources, Element', 'Dr Aisha Khan', '1 March 2026'],
      ['Rota redesign, Assessment', 'Dr Aisha Khan', '27 February 2026'],
    ]);
    expect(Array.from(signOffs.querySelectorAll('tbody a')).map((link) => link.getAttribute('href'))).toEqual([
      '/trainees/trainee-1',
      '/assessments/a0',
    ]);
  });

  it('says so when there are no trainees, requests or sign-offs', async () => {
    http.expectOne(apiRoutes.supervision).flush({ trainees: [], pendingRequests: [], recentSignOffs: [] });
    await settle(harness);

    expect(tables()).toEqual([]);
    expect(page.textContent).toContain('No trainees are assigned to you at the moment.');
    expect(page.textContent).toContain('No assessments are waiting for you.');
    expect(page.textContent).toContain('You have not signed anything off yet.');
  });

  it('shows a trainee with no stage yet without a bar', async () => {
    http.expectOne(apiRoutes.supervision).flush(
      dashboard({
        trainees: [
          supervised({
            programmeName: null,
            stageKey: null,
            grade: null,
            elementCount: 0,
            totals: { 'not-started': 0, evidenced: 0, assessed: 0, 'signed-off': 0 },
            lastActivityAt: null,
          }),
        ],
      }),
    );
    await settle(harness);

    expect(rowsOf(tables()[0], 'tbody tr')).toEqual([
      ['Dr Aisha Khan', 'No programme, No stage', 'No elements at this stage', '1', 'None yet'],
    ]);
    expect(page.querySelector('.app-progress-bar')).toBeNull();
  });

  it('offers to try again when the dashboard cannot be loaded', async () => {
    http.expectOne(apiRoutes.supervision).flush(null, { status: 500, statusText: 'Server Error' });
    await settle(harness);

    expect(textOf(page, 'h1')).toEqual(['Sorry, there is a problem with the service']);
    page.querySelector<HTMLButtonElement>('button')?.click();
    http.expectOne(apiRoutes.supervision).flush(dashboard());
    await settle(harness);
    expect(textOf(page, 'h1')).toEqual(['Supervision']);
  });
});
