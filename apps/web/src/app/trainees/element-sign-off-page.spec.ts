import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import {
  type AssessmentSummary,
  type ElementSignOffView,
  type EvidenceSummary,
  type TraineeView,
  apiRoutes,
} from '@portfolio/contracts';

import { evidenceSummary, progressFixture } from '../testing/evidence-fixtures';
import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { ElementSignOffPage } from './element-sign-off-page';

const supervisor = userWithRoles(['supervisor'], 'Dr Tom Evans');

function traineeView(supervisorId = supervisor.id): TraineeView {
  return {
    id: 'trainee-1',
    displayName: 'Dr Aisha Khan',
    email: 'trainee@demo.test',
    gmcNumber: null,
    trainingRecords: [],
    supervisors: [{ id: supervisorId, displayName: 'Dr Tom Evans', startsOn: '2020-01-01', endsOn: null }],
  };
}

const signedAssessment: AssessmentSummary = {
  id: 'a1',
  traineeId: 'trainee-1',
  traineeName: 'Dr Aisha Khan',
  templateKey: 'case-based-discussion',
  templateTitle: 'Case-based discussion',
  title: 'Night handover',
  status: 'signed-off',
  assessorName: 'Dr Tom Evans',
  requestedAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-03T09:00:00.000Z',
  amendedBy: null,
};

function signOffRecord(overrides: Partial<ElementSignOffView> = {}): ElementSignOffView {
  return {
    id: 'sign-off-1',
    traineeId: 'trainee-1',
    elementKey: '1.1',
    elementCode: '1.1',
    elementTitle: 'Developing Self Awareness',
    stageKey: 'postgraduate',
    kind: 'sign-off',
    recordedBy: { id: supervisor.id, displayName: 'Dr Tom Evans' },
    recordedAt: '2026-03-02T09:00:00.000Z',
    evidenceIds: ['e1'],
    assessmentIds: ['a1'],
    note: 'Well shown.',
    supersedes: null,
    ...overrides,
  };
}

describe('ElementSignOffPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  afterEach(() => http.verify());

  async function openPage(
    options: {
      trainee?: TraineeView;
      history?: ElementSignOffView[];
      evidence?: EvidenceSummary[];
      assessments?: AssessmentSummary[];
    } = {},
  ): Promise<TestRequest> {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, supervisor);
    await harness.navigateByUrl('/trainees/trainee-1/elements/1.1/sign-off', ElementSignOffPage);
    page = harness.routeNativeElement as HTMLElement;
    expect(textOf(page, 'h1')).toEqual(['Loading the element']);
    http.expectOne(apiRoutes.trainee('trainee-1')).flush(options.trainee ?? traineeView());
    http.expectOne(apiRoutes.traineeProgress('trainee-1')).flush(progressFixture());
    http.expectOne(apiRoutes.traineeSignOffs('trainee-1')).flush(options.history ?? []);
    await settle(harness);
    const evidence = http.expectOne((request) => request.url === apiRoutes.evidence);
    evidence.flush({
      items: options.evidence ?? [
        { ...evidenceSummary('e1', 'Leading the night handover'), status: 'submitted', visibility: 'supervisor' },
        { ...evidenceSummary('e2', 'Rota course'), type: 'course-or-event', status: 'submitted' },
      ],
      nextCursor: null,
    });
    http
      .expectOne((request) => request.url === apiRoutes.assessments)
      .flush({ items: options.assessments ?? [signedAssessment], nextCursor: null });
    await settle(harness);
    return evidence;
  }

  function textAreaOf(id: string): HTMLTextAreaElement {
    const field = page.querySelector<HTMLTextAreaElement>(`textarea#${id}`);
    if (!field) {
      throw new Error(`No text area with id ${id}`);
    }
    return field;
  }

  async function submit(formIndex = 0): Promise<void> {
    page.querySelectorAll('form')[formIndex]?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
  }

  it('lists the evidence linked to the element at the stage, and signed assessments, to cite', async () => {
    const evidence = await openPage();

    expect(evidence.request.params.get('traineeId')).toBe('trainee-1');
    expect(evidence.request.params.get('elementKey')).toBe('1.1');
    expect(evidence.request.params.get('stageKey')).toBe('postgraduate');
    expect(textOf(page, '.nhsuk-caption-l')).toEqual(['Dr Aisha Khan, postgraduate stage']);
    expect(textOf(page, 'h1')).toEqual(['1.1 Developing Self Awareness']);
    expect(textOf(page, 'legend')).toEqual(['What does your sign-off rest on?']);
    expect(textOf(page, '.nhsuk-checkboxes__label')).toEqual([
      'Leading the night handover',
      'Rota course',
      'Night handover',
    ]);
    expect(textOf(page, '.nhsuk-checkboxes__hint')).toEqual([
      'Reflection, 2 March 2026',
      'Course or event, 2 March 2026',
      'Case-based discussion, signed 3 February 2026',
    ]);
    expect(textOf(page, 'form button')).toEqual(['Sign off element 1.1']);
  });

  it('asks for at least one citation before sending anything', async () => {
    await openPage();
    await submit();

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual([
      'Select the evidence or assessments your sign-off rests on',
    ]);
    expect(page.querySelector('.nhsuk-error-summary a')?.getAttribute('href')).toBe('#evidence-e1');
    expect(textOf(page, '#cite-error')).toEqual(['Error: Select the evidence or assessments your sign-off rests on']);
    http.expectNone(apiRoutes.traineeSignOffs('trainee-1'));
  });

  it('signs the element off with what was cited, then shows who signed it off and when', async () => {
    await openPage();
    fieldOf(page, 'evidence-e1').click();
    fieldOf(page, 'assessment-a1').click();
    textAreaOf('note').value = '  Well shown.  ';
    await submit();

    const request = http.expectOne(apiRoutes.traineeSignOffs('trainee-1'));
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      elementKey: '1.1',
      stageKey: 'postgraduate',
      evidenceIds: ['e1'],
      assessmentIds: ['a1'],
      note: 'Well shown.',
    });
    request.flush(signOffRecord(), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['Element 1.1 is signed off']);
    expect(document.activeElement?.classList).toContain('app-outcome');
    const summary = Array.from(page.querySelectorAll('.app-sign-off-summary .nhsuk-summary-list__row')).map((row) => [
      textOf(row, 'dt')[0],
      textOf(row, 'dd')[0],
    ]);
    expect(summary).toEqual([
      ['Status', 'Signed off'],
      ['Signed off by', 'Dr Tom Evans'],
      ['When', expect.stringMatching(/^2 March 2026 at \d\d:\d\d$/)],
      ['Evidence cited', 'Leading the night handover'],
      ['Assessments cited', 'Night handover'],
      ['Note', 'Well shown.'],
    ]);
    expect(page.querySelector('.app-sign-off-summary a')?.getAttribute('href')).toBe('/evidence/e1');
    expect(textOf(page, 'h2')).toContain('Withdraw this sign-off');
  });

  it("shows the API's objection to what was cited in the error summary", async () => {
    await openPage();
    fieldOf(page, 'evidence-e2').click();
    await submit();

    http.expectOne(apiRoutes.traineeSignOffs('trainee-1')).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'evidenceIds', message: 'Cite evidence of this trainee that has been shared with you' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual([
      'Cite evidence of this trainee that has been shared with you',
    ]);
    expect(page.querySelector('.nhsuk-error-summary a')?.getAttribute('href')).toBe('#evidence-e1');
    expect(fieldOf(page, 'evidence-e2').checked).toBe(true);
  });

  it('withdraws a sign-off only with a reason, and can then sign it off again', async () => {
    await openPage({ history: [signOffRecord()] });
    expect(textOf(page, 'h1')).toEqual(['1.1 Developing Self Awareness']);
    expect(page.querySelector('.nhsuk-checkboxes')).toBeNull();

    await submit();
    expect(textOf(page, '.nhsuk-error-summary a')).toEqual(['Say why you are withdrawing the sign-off']);
    http.expectNone(apiRoutes.signOffWithdrawal('trainee-1', 'sign-off-1'));

    textAreaOf('reason').value = 'Signed off the wrong element';
    await submit();
    const request = http.expectOne(apiRoutes.signOffWithdrawal('trainee-1', 'sign-off-1'));
    expect(request.request.body).toEqual({ reason: 'Signed off the wrong element' });
    request.flush(
      signOffRecord({
        id: 'withdrawal-1',
        kind: 'withdrawal',
        evidenceIds: [],
        assessmentIds: [],
        note: 'Signed off the wrong element',
        supersedes: 'sign-off-1',
        recordedAt: '2026-03-03T09:00:00.000Z',
      }),
      { status: 201, statusText: 'Created' },
    );
    await settle(harness);

    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual([
      'The sign-off of element 1.1 has been withdrawn',
    ]);
    expect(textOf(page, '.nhsuk-inset-text p')).toEqual([
      'Signed off by Dr Tom Evans on 2 March 2026, then withdrawn by Dr Tom Evans on 3 March 2026.',
      'Reason: Signed off the wrong element',
    ]);
    expect(textOf(page, 'form button')).toEqual(['Sign off element 1.1']);
  });

  it("lets no one but the trainee's educational supervisor of today sign off", async () => {
    await openPage({ trainee: traineeView('someone-else'), history: [signOffRecord()] });

    expect(textOf(page, '.app-sign-off-summary dd')[1]).toBe('Dr Tom Evans');
    expect(page.querySelector('form')).toBeNull();
  });

  it('says when there is nothing to cite yet', async () => {
    await openPage({ evidence: [], assessments: [] });

    expect(page.querySelector('form')).toBeNull();
    expect(page.textContent).toContain(
      'There is nothing to cite yet: Dr Aisha Khan has shared no evidence linked to this element at this stage',
    );
  });
});
