import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type AssessmentSummary, type Role, apiRoutes } from '@portfolio/contracts';

import { NotFoundPage } from '../not-found/not-found-page';
import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { AssessmentListPage } from './assessment-list-page';

function summary(id: string, title: string, overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    id,
    traineeId: 'trainee-1',
    traineeName: 'Dr Aisha Khan',
    templateKey: 'service-improvement-business-plan',
    templateTitle: 'Service-improvement project business plan',
    title,
    status: 'requested',
    assessorName: 'Dr Tom Evans',
    requestedAt: '2026-03-03T09:00:00.000Z',
    updatedAt: '2026-03-03T09:00:00.000Z',
    amendedBy: null,
    ...overrides,
  };
}

describe('AssessmentListPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function openAs(roles: Role[]): Promise<HTMLElement> {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(roles));
    await harness.navigateByUrl('/assessments');
    await settle(harness);
    return harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows a trainee their assessments and the kinds they can start', async () => {
    const page = await openAs(['trainee']);
    http
      .expectOne((request) => request.url === apiRoutes.assessments && request.params.get('scope') === 'mine')
      .flush({ items: [summary('a1', 'Faster discharge letters', { status: 'returned' })], nextCursor: null });
    http.expectOne(apiRoutes.assessmentTemplates).flush([
      {
        key: 'service-improvement-business-plan',
        version: '1',
        title: 'Service-improvement project business plan',
        description: 'A business plan.',
        assessorKinds: ['supervisor'],
      },
    ]);
    await settle(harness);

    expect(textOf(page, 'h2')).toEqual(['Your assessments', 'Start an assessment']);
    expect(textOf(page, 'tbody tr td')).toEqual([
      'Assessment Faster discharge letters, Service-improvement project business plan',
      'Status Returned for revision',
      'Assessor Dr Tom Evans',
      'Last changed 3 Mar 2026',
    ]);
    expect(page.querySelector('.app-template-card a')?.getAttribute('href')).toBe(
      '/assessments/new/service-improvement-business-plan',
    );
  });

  it('shows a supervisor what waits for them, and nothing to start', async () => {
    const page = await openAs(['supervisor']);
    http
      .expectOne((request) => request.url === apiRoutes.assessments && request.params.get('scope') === 'to-assess')
      .flush({ items: [summary('a2', 'Faster discharge letters')], nextCursor: null });
    await settle(harness);

    expect(textOf(page, 'h2')).toEqual(['Waiting for you to assess']);
    expect(page.querySelector('tbody a')?.getAttribute('href')).toBe('/assessments/a2');
  });

  it('is not there for someone who neither requests nor gives assessments', async () => {
    await openAs(['deanery_admin']);
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(NotFoundPage);
    expect(harness.routeDebugElement?.componentInstance).not.toBeInstanceOf(AssessmentListPage);
  });
});
