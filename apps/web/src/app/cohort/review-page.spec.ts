import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type EvidenceSummary, type ProgressionReviewView, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { reportFixture, reviewFixture, traineeFixture } from '../testing/progression-fixtures';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { CohortTraineePage } from './cohort-trainee-page';
import { FileDownloader } from './file-downloader';
import { ReviewPage } from './review-page';

const deaneryAdmin = userWithRoles(['deanery_admin'], 'Rachel Moore');

const panelEvidence: EvidenceSummary = {
  id: 'evidence-1',
  type: 'reflection',
  title: 'Leading the night handover',
  occurredOn: '2027-02-01',
  visibility: 'panel',
  status: 'submitted',
  elementCodes: ['4.2'],
  updatedAt: '2027-02-01T10:00:00.000Z',
};

describe('progression reviews', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  afterEach(() => http.verify());

  async function open(url: string, reviews: ProgressionReviewView[] = []): Promise<void> {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, deaneryAdmin);
    await harness.navigateByUrl(url, ReviewPage);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.trainee('trainee-1')).flush(traineeFixture());
    http.expectOne(apiRoutes.traineeReviews('trainee-1')).flush(reviews);
    http.expectOne(apiRoutes.traineeReports('trainee-1')).flush([]);
    const evidence = http.expectOne((request) => request.url === apiRoutes.evidence);
    expect(evidence.request.params.get('traineeId')).toBe('trainee-1');
    expect(evidence.request.params.get('visibility')).toBe('panel');
    evidence.flush({ items: [panelEvidence], nextCursor: null });
    await settle(harness);
    await settle(harness);
  }

  function type(id: string, value: string): void {
    const field = fieldOf<HTMLInputElement>(page, id);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function button(name: string): HTMLButtonElement {
    const found = Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === name,
    );
    if (!found) {
      throw new Error(`No button ${name}`);
    }
    return found;
  }

  async function answer(): Promise<void> {
    for (let turn = 0; turn < 3; turn++) {
      await settle(harness);
    }
  }

  it('records a new review: the request holds what the form says, and the draft gets its own address', async () => {
    await open('/cohort/trainees/trainee-1/reviews/new');
    expect(textOf(page, 'h1')).toEqual(['Record a review']);
    expect(textOf(page, '.nhsuk-radios__label')).toHaveLength(15);
    expect(textOf(page, '.nhsuk-radios__label')[0]).toBe('Outcome 1: Satisfactory progress');
    expect(textOf(page, '#outcomeCode-hint')).toEqual(['Achieving progress and the competences at the expected rate.']);

    type('period', '2026-27');
    type('reviewDate', '2027-06-10');
    type('panel-member-0', '  Dr Ruth Green, chair ');
    button('Add another panel member').click();
    await settle(harness);
    type('panel-member-1', 'Mr Sam Lee, lay member');
    button('Add another panel member').click();
    await settle(harness);
    type('panel-member-2', 'Someone added by mistake');
    button('Remove panel member 3').click();
    await settle(harness);
    expect(fieldOf(page, 'panel-member-1').value).toBe('Mr Sam Lee, lay member');
    fieldOf(page, 'outcomeCode-7-2').click();
    fieldOf<HTMLInputElement>(page, 'reasons').value = 'Leadership elements are behind for this stage.';
    fieldOf<HTMLInputElement>(page, 'requiredActions').value = 'Lead a quality improvement project.';
    fieldOf(page, 'evidence-evidence-1').click();

    button('Save draft').click();
    await settle(harness);
    const created = http.expectOne(apiRoutes.traineeReviews('trainee-1'));
    expect(created.request.method).toBe('POST');
    expect(created.request.body).toEqual({
      period: '2026-27',
      reviewDate: '2027-06-10',
      panelMembers: ['Dr Ruth Green, chair', 'Mr Sam Lee, lay member'],
      evidenceIds: ['evidence-1'],
      assessmentIds: [],
      outcomeCode: '7.2',
      reasons: 'Leadership elements are behind for this stage.',
      requiredActions: 'Lead a quality improvement project.',
    });
    created.flush(
      reviewFixture({
        id: 'review-9',
        panelMembers: ['Dr Ruth Green, chair', 'Mr Sam Lee, lay member'],
        evidenceIds: ['evidence-1'],
        outcomeCode: '7.2',
        reasons: 'Leadership elements are behind for this stage.',
      }),
      { status: 201, statusText: 'Created' },
    );
    await answer();

    expect(TestBed.inject(Router).url).toBe('/cohort/trainees/trainee-1/reviews/review-9');
    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['Draft saved']);
    expect(textOf(page, 'h1')).toEqual(['Draft review for 2026-27']);
    expect(fieldOf(page, 'panel-member-1').value).toBe('Mr Sam Lee, lay member');
  });

  it('checks the period and date before saving anything', async () => {
    await open('/cohort/trainees/trainee-1/reviews/new');
    type('period', '2026');
    type('reviewDate', '2027-02-30');
    button('Save draft').click();
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary li')).toEqual([
      'Enter the review period as a training year, such as 2026-27',
      'Enter the date of the review panel',
    ]);
    http.expectNone(apiRoutes.traineeReviews('trainee-1'));
  });

  it('saves, then finalises; what the API says is missing is shown on the fields, and the draft stays', async () => {
    await open('/cohort/trainees/trainee-1/reviews/review-1', [reviewFixture({ panelMembers: [] })]);
    expect(textOf(page, '.nhsuk-warning-callout__label')).toEqual(['Important: A final review cannot be changed']);

    button('Save and finalise').click();
    await settle(harness);
    const saved = http.expectOne(apiRoutes.review('review-1'));
    expect(saved.request.method).toBe('PATCH');
    expect(saved.request.body).toMatchObject({ version: 1, outcomeCode: null, panelMembers: [] });
    saved.flush(reviewFixture({ panelMembers: [], version: 2 }));
    await answer();

    const finalisation = http.expectOne(apiRoutes.reviewFinalisation('review-1'));
    expect(finalisation.request.body).toEqual({ version: 2 });
    finalisation.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'The review cannot be finalised yet',
        errors: [
          { field: 'outcomeCode', message: 'Choose the outcome' },
          { field: 'reasons', message: 'Give the reasons for the outcome' },
          { field: 'panelMembers', message: 'Name the panel members' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await answer();

    expect(textOf(page, '.nhsuk-error-summary__heading')).toEqual([
      'The review was saved as a draft but could not be finalised',
    ]);
    const links = Array.from(page.querySelectorAll('.nhsuk-error-summary a'));
    expect(links.map((link) => [link.textContent?.trim(), link.getAttribute('href')])).toEqual([
      ['Choose the outcome', '#outcomeCode'],
      ['Give the reasons for the outcome', '#reasons'],
      ['Name the panel members', '#panel-member-0'],
    ]);
    expect(textOf(page, '.nhsuk-error-message')).toEqual([
      'Error: Name the panel members',
      'Error: Choose the outcome',
      'Error: Give the reasons for the outcome',
    ]);
    expect(textOf(page, '.nhsuk-tag')).toEqual(['Draft']);
  });

  it('keeps what was typed when saving fails, and says a stale draft can be saved over', async () => {
    await open('/cohort/trainees/trainee-1/reviews/review-1', [reviewFixture()]);
    fieldOf<HTMLInputElement>(page, 'reasons').value = 'Typed before the connection dropped.';
    type('panel-member-0', 'Dr Ruth Green, chair and dean');

    button('Save draft').click();
    await settle(harness);
    http
      .expectOne(apiRoutes.review('review-1'))
      .flush(
        { statusCode: 500, error: 'Internal Server Error', message: 'Boom' },
        { status: 500, statusText: 'Error' },
      );
    await answer();
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual([
      'Sorry, there is a problem with the service. Try again later.',
    ]);
    expect(fieldOf<HTMLInputElement>(page, 'reasons').value).toBe('Typed before the connection dropped.');
    expect(fieldOf(page, 'panel-member-0').value).toBe('Dr Ruth Green, chair and dean');

    button('Save draft').click();
    await settle(harness);
    http.expectOne(apiRoutes.review('review-1')).flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'This review was changed elsewhere after you opened it.',
        current: reviewFixture({ version: 4, reasons: 'Theirs' }),
      },
      { status: 409, statusText: 'Conflict' },
    );
    await answer();
    expect(textOf(page, '.nhsuk-error-summary__heading')).toEqual(['Your changes have not been saved']);
    expect(fieldOf<HTMLInputElement>(page, 'reasons').value).toBe('Typed before the connection dropped.');

    button('Save draft').click();
    await settle(harness);
    const again = http.expectOne(apiRoutes.review('review-1'));
    expect(again.request.body).toMatchObject({ version: 4, reasons: 'Typed before the connection dropped.' });
    again.flush(reviewFixture({ version: 5, reasons: 'Typed before the connection dropped.' }));
    await answer();
    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['Draft saved']);
  });

  it('shows a final review as recorded, and corrects it with a new draft', async () => {
    const final = reviewFixture({
      status: 'final',
      outcomeCode: '1',
      reasons: 'All elements on track.',
      evidenceIds: ['evidence-1'],
      finalisedAt: '2027-06-10T15:00:00.000Z',
      finalisedBy: 'Rachel Moore',
    });
    await open('/cohort/trainees/trainee-1/reviews/review-1', [final]);
    expect(textOf(page, 'h1')).toEqual(['Review for 2026-27']);
    expect(page.querySelector('app-review-form')).toBeNull();
    expect(textOf(page, '.app-review-summary app-outcome-tag')).toEqual(['Outcome 1: Satisfactory progress']);
    expect(textOf(page, '.app-outcome-meaning')).toEqual([
      'Achieving progress and the competences at the expected rate.',
    ]);
    expect(textOf(page, '.app-review-summary li')).toContain('Leading the night handover');

    button('Start a correction').click();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual(['Say what is wrong with the review']);

    fieldOf<HTMLInputElement>(page, 'reason').value = 'Wrong review date';
    button('Start a correction').click();
    await settle(harness);
    const correction = http.expectOne(apiRoutes.reviewCorrections('review-1'));
    expect(correction.request.body).toEqual({ reason: 'Wrong review date' });
    correction.flush(
      { ...final, id: 'review-2', status: 'draft', amends: { id: 'review-1', reason: 'Wrong review date' } },
      { status: 201, statusText: 'Created' },
    );
    await answer();

    expect(TestBed.inject(Router).url).toBe('/cohort/trainees/trainee-1/reviews/review-2');
    expect(textOf(page, 'h1')).toEqual(['Correct the review for 2026-27']);
    expect(textOf(page, '.nhsuk-inset-text p')).toEqual([
      'This review corrects an earlier final review.',
      'Why: Wrong review date',
    ]);
  });
});

describe('CohortTraineePage', () => {
  it("lists the trainee's reviews, and issues a report: the PDF downloads and its code is shown", async () => {
    const { harness, http } = await createPageHarness();
    const downloads: string[] = [];
    TestBed.inject(FileDownloader).download = (url: string) => downloads.push(url);
    await answerWhoIsSignedIn(http, deaneryAdmin);
    await harness.navigateByUrl('/cohort/trainees/trainee-1', CohortTraineePage);
    const page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.trainee('trainee-1')).flush(traineeFixture());
    http
      .expectOne(apiRoutes.traineeReviews('trainee-1'))
      .flush([reviewFixture({ id: 'review-2' }), reviewFixture({ status: 'final', outcomeCode: '2', amendedBy: 'x' })]);
    http.expectOne(apiRoutes.traineeReports('trainee-1')).flush([]);
    http.expectOne((request) => request.url === apiRoutes.evidence).flush({ items: [], nextCursor: null });
    await settle(harness);
    await settle(harness);

    expect(textOf(page, 'h1')).toEqual(['Dr Aisha Khan']);
    const rows = Array.from(page.querySelectorAll('.app-review-table tbody tr')).map((row) => textOf(row, 'td'));
    expect(rows).toEqual([
      ['Period 2026-27 review, draft', 'Panel date 10 June 2027', 'Outcome Not decided', 'Status Draft'],
      [
        'Period 2026-27 review, corrected',
        'Panel date 10 June 2027',
        'Outcome Outcome 2: Specific competences to develop',
        'Status Corrected',
      ],
    ]);
    expect(page.querySelector<HTMLInputElement>('#reportPeriod')?.value).toBe('2026-27');

    page.querySelector<HTMLFormElement>('.app-report-form')?.requestSubmit();
    await settle(harness);
    const issue = http.expectOne(apiRoutes.traineeReports('trainee-1'));
    expect(issue.request.method).toBe('POST');
    expect(issue.request.body).toEqual({ period: '2026-27' });
    issue.flush(reportFixture(), { status: 201, statusText: 'Created' });
    for (let turn = 0; turn < 3; turn++) {
      await settle(harness);
    }

    expect(downloads).toEqual([apiRoutes.reportPdf('report-1')]);
    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['Progression report issued']);
    expect(textOf(page, '[data-testid="verification-code"]')).toEqual(['K7M2-Q9XR-4T8B']);
    expect(textOf(page, '.app-report-table tbody td')).toContain('Verification code K7M2-Q9XR-4T8B');
    http.verify();
  });
});
