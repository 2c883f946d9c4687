import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type TodoList, type WaitingAssessment, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { HomePage } from './home-page';

function waiting(id: string, title: string, waitingDays: number): WaitingAssessment {
  return {
    id,
    title,
    templateTitle: 'Case-based discussion',
    traineeId: 'trainee-1',
    traineeName: 'Dr Aisha Khan',
    status: 'requested',
    since: '2026-03-02T09:00:00.000Z',
    waitingDays,
  };
}

const nothing: TodoList = { toAssess: [], returned: [], expiringTickets: [], quietTrainees: [] };

describe('Waiting for you, on the home page', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  async function openHome(todo: TodoList): Promise<void> {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['supervisor'], 'Dr Tom Evans'));
    await harness.navigateByUrl('/', HomePage);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.frameworks).flush([]);
    expect(textOf(page, '.app-todo [role="status"]')).toEqual(['Checking what is waiting for you…']);
    http.expectOne(apiRoutes.todo).flush(todo);
    await settle(harness);
  }

  afterEach(() => http.verify());

  const groupHeadings = () => textOf(page, '.app-todo h3');

  it('lists each kind of work waiting, linking to it, and leaves out the kinds with none', async () => {
    await openHome({
      ...nothing,
      toAssess: [
        waiting('a1', 'Handover audit', 9),
        waiting('a2', 'Rota redesign', 1),
        waiting('a3', 'Case-based discussion', 0),
      ],
      quietTrainees: [
        { id: 'trainee-2', displayName: 'Dr Ben Ode', lastActivityAt: '2026-01-05T10:00:00.000Z' },
        { id: 'trainee-3', displayName: 'Dr Cara Lee', lastActivityAt: null },
      ],
    });

    expect(groupHeadings()).toEqual(['Requests to assess', 'Trainees with no recent activity']);
    const requests = Array.from(page.querySelectorAll('.app-todo .nhsuk-task-list')[0].querySelectorAll('li'));
    expect(requests.map((item) => textOf(item, 'a')[0])).toEqual([
      'Handover audit',
      'Rota redesign',
      'Case-based discussion',
    ]);
    expect(requests.map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual([
      '/assessments/a1',
      '/assessments/a2',
      '/assessments/a3',
    ]);
    // The kind of assessment is left out when it is also the title.
    expect(requests.map((item) => textOf(item, '.nhsuk-task-list__hint')[0])).toEqual([
      'Case-based discussion from Dr Aisha Khan',
      'Case-based discussion from Dr Aisha Khan',
      'From Dr Aisha Khan',
    ]);
    expect(requests.map((item) => textOf(item, '.nhsuk-tag')[0])).toEqual([
      'Waiting 9 days',
      'Waiting 1 day',
      'Waiting since today',
    ]);
    // Past the reminder period a request stands out.
    expect(requests[0].querySelector('.nhsuk-tag')?.classList).toContain('nhsuk-tag--orange');
    expect(requests[1].querySelector('.nhsuk-tag')?.classList).toContain('nhsuk-tag--blue');
    // The link's description is the hint and the status, as in the NHS task list.
    expect(requests[0].querySelector('a')?.getAttribute('aria-describedby')).toBe(
      'to-assess-0-hint to-assess-0-status',
    );

    const quiet = Array.from(page.querySelectorAll('.app-todo .nhsuk-task-list')[1].querySelectorAll('li'));
    expect(quiet.map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual([
      '/trainees/trainee-2',
      '/trainees/trainee-3',
    ]);
    expect(quiet.map((item) => textOf(item, '.nhsuk-task-list__status')[0])).toEqual([
      'Last active 5 January 2026',
      'No activity yet',
    ]);
    expect(page.textContent).not.toContain('Nothing is waiting for you');
  });

  it("shows a trainee their returned work and assessors' links about to expire", async () => {
    await openHome({
      ...nothing,
      returned: [{ ...waiting('a3', 'Leading the huddle', 2), status: 'returned' }],
      expiringTickets: [
        {
          assessmentId: 'a4',
          title: 'Teaching session',
          assessorName: 'Jo Smith',
          expiresAt: '2026-03-09T12:00:00.000Z',
        },
      ],
    });

    expect(groupHeadings()).toEqual(['Returned to you for revision', "Assessors' links about to expire"]);
    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('.app-todo a'));
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Leading the huddle', '/assessments/a3'],
      ['Teaching session', '/assessments/a4'],
    ]);
    expect(textOf(page, '.app-todo .nhsuk-task-list__hint')).toEqual([
      'Case-based discussion, returned 2 March 2026',
      'Jo Smith has not opened the link yet',
    ]);
    expect(textOf(page, '.app-todo .nhsuk-tag')[1]).toMatch(/^Expires 9 March, \d\d:\d\d$/);
  });

  it('says so when nothing is waiting', async () => {
    await openHome(nothing);

    expect(textOf(page, '.app-todo h2')).toEqual(['Waiting for you']);
    expect(groupHeadings()).toEqual([]);
    expect(textOf(page, '.app-todo p')).toEqual(['Nothing is waiting for you.']);
  });

  it('offers to try again when the list cannot be loaded', async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['trainee']));
    await harness.navigateByUrl('/', HomePage);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.frameworks).flush([]);
    http.expectOne(apiRoutes.todo).flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle(harness);

    expect(textOf(page, '.app-todo [role="alert"]')).toEqual(['Error: What is waiting for you could not be loaded.']);
    page.querySelector<HTMLButtonElement>('.app-todo button')?.click();
    http.expectOne(apiRoutes.todo).flush(nothing);
    await settle(harness);
    expect(textOf(page, '.app-todo p')).toEqual(['Nothing is waiting for you.']);
  });
});
