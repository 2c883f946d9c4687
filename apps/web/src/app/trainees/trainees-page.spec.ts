import { HttpParams } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type TraineeSummary, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { TraineesPage } from './trainees-page';

function trainee(id: string, displayName: string): TraineeSummary {
  return {
    id,
    displayName,
    gmcNumber: '7654321',
    programmeName: 'Foundation Programme',
    stageKey: 'continuing-practice',
    grade: 'FY2',
  };
}

describe('TraineesPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['supervisor']));
    await harness.navigateByUrl('/trainees', TraineesPage);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  const names = () => textOf(page, 'tbody tr td:first-child a');

  it('lists the trainees a page at a time, loading more on request', async () => {
    expect(textOf(page, '[role="status"]')).toEqual(['Loading trainees…']);
    http.expectOne(apiRoutes.trainees).flush({ items: [trainee('t1', 'Dr Aisha Khan')], nextCursor: 'after-t1' });
    await settle(harness);

    expect(names()).toEqual(['Dr Aisha Khan']);
    expect(textOf(page, 'tbody tr td')).toEqual([
      'Name Dr Aisha Khan',
      'GMC number 7654321',
      'Programme Foundation Programme',
      'Stage Continuing practice',
      'Grade FY2',
    ]);
    expect(page.querySelector('tbody a')?.getAttribute('href')).toBe('/trainees/t1');

    page.querySelector<HTMLButtonElement>('button')?.click();
    const next = http.expectOne((request) => request.url === apiRoutes.trainees);
    expect((next.request.params as HttpParams).get('cursor')).toBe('after-t1');
    next.flush({ items: [trainee('t2', 'Dr Ben Ode')], nextCursor: null });
    await settle(harness);

    expect(names()).toEqual(['Dr Aisha Khan', 'Dr Ben Ode']);
    expect(page.querySelector('button')).toBeNull();
    expect(textOf(page, '[role="status"]')).toEqual(['Showing 2 trainees, all there are.']);
  });

  it('says so when there are no trainees to see', async () => {
    http.expectOne(apiRoutes.trainees).flush({ items: [], nextCursor: null });
    await settle(harness);

    expect(page.querySelector('table')).toBeNull();
    expect(page.textContent).toContain('There are no trainees for you to see yet.');
  });
});
