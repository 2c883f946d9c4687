import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type CurrentUser, type ElementSignOffView, type TraineeView, apiRoutes } from '@portfolio/contracts';

import { FileDownloader } from '../cohort/file-downloader';
import { progressFixture } from '../testing/evidence-fixtures';
import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { TraineePage } from './trainee-page';

const supervisor = userWithRoles(['supervisor'], 'Dr Tom Evans');

const trainee: TraineeView = {
  id: 'trainee-1',
  displayName: 'Dr Aisha Khan',
  email: 'trainee@demo.test',
  gmcNumber: '7654321',
  trainingRecords: [],
  supervisors: [{ id: supervisor.id, displayName: 'Dr Tom Evans', startsOn: '2020-01-01', endsOn: null }],
};

const signOff: ElementSignOffView = {
  id: 'sign-off-1',
  traineeId: 'trainee-1',
  elementKey: '1.2',
  elementCode: '1.2',
  elementTitle: 'Managing Yourself',
  stageKey: 'postgraduate',
  kind: 'sign-off',
  recordedBy: { id: supervisor.id, displayName: 'Dr Tom Evans' },
  recordedAt: '2026-03-02T09:00:00.000Z',
  evidenceIds: ['e1'],
  assessmentIds: [],
  note: '',
  supersedes: null,
};

describe('TraineePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  afterEach(() => http.verify());

  async function openAs(user: CurrentUser, view: TraineeView = trainee): Promise<void> {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, user);
    await harness.navigateByUrl('/trainees/trainee-1', TraineePage);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.trainee('trainee-1')).flush(view);
    await settle(harness);
  }

  async function answerElements(history: ElementSignOffView[]): Promise<void> {
    http.expectOne(apiRoutes.traineeProgress('trainee-1')).flush(progressFixture());
    http.expectOne(apiRoutes.traineeSignOffs('trainee-1')).flush(history);
    await settle(harness);
  }

  it("shows the trainee's supervisor each element at the stage, who signed it off, and a way to sign off", async () => {
    await openAs(supervisor);
    await answerElements([signOff]);

    expect(textOf(page, 'h2')).toEqual(['Training', 'Educational supervisors', 'Elements at the postgraduate stage']);
    expect(textOf(page, '.app-progress-key li')).toEqual([
      '0 signed off',
      '1 assessed',
      '1 evidenced',
      '2 not started',
    ]);
    const tile = (key: string) => page.querySelector(`[data-element="${key}"]`) as HTMLElement;
    expect(textOf(tile('1.2'), '.app-element-tile__sign-off')).toEqual(['Signed off by Dr Tom Evans on 2 March 2026']);
    expect(textOf(tile('1.1'), '.app-element-tile__sign-off')).toEqual([]);
    expect(textOf(tile('1.1'), '.app-element-tile__action a')).toEqual(['Sign off element 1.1']);
    expect(textOf(tile('1.2'), '.app-element-tile__action a')).toEqual([
      'Review or withdraw the sign-off of element 1.2',
    ]);
    expect(tile('1.1').querySelector('.app-element-tile__action a')?.getAttribute('href')).toBe(
      '/trainees/trainee-1/elements/1.1/sign-off',
    );
    // With no evidence or assessment there is nothing to cite, so nothing to sign off yet.
    expect(tile('2.1').querySelector('.app-element-tile__action')).toBeNull();
  });

  it('shows a supervisor who no longer supervises the trainee the sign-offs, with nothing to act on', async () => {
    await openAs(supervisor, {
      ...trainee,
      supervisors: [{ id: supervisor.id, displayName: 'Dr Tom Evans', startsOn: '2020-01-01', endsOn: '2021-01-01' }],
    });
    await answerElements([signOff]);

    expect(textOf(page, '.app-element-tile__sign-off')).toEqual(['Signed off by Dr Tom Evans on 2 March 2026']);
    expect(page.querySelector('.app-element-tile__action')).toBeNull();
  });

  it('leaves the elements out for those who do not sign off, such as the deanery', async () => {
    await openAs(userWithRoles(['deanery_admin'], 'Rachel Moore'));

    expect(textOf(page, 'h1')).toEqual(['Dr Aisha Khan']);
    expect(page.querySelector('app-trainee-elements')).toBeNull();
    http.expectNone(apiRoutes.traineeProgress('trainee-1'));
  });

  it('lets a deanery administrator export the portfolio for a subject access request, once they give a reason', async () => {
    const download = jest.spyOn(FileDownloader.prototype, 'download').mockImplementation(() => undefined);
    await openAs(userWithRoles(['deanery_admin'], 'Rachel Moore'));
    const form = page.querySelector('app-portfolio-export-request form') as HTMLFormElement;
    const reason = page.querySelector('#export-reason') as HTMLTextAreaElement;
    expect(textOf(page, 'h2')).toContain('Export portfolio (subject access request)');

    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(harness);
    expect(textOf(page, '#export-reason-error')).toEqual(['Error: Enter the reason for the export']);
    expect(reason.getAttribute('aria-describedby')).toBe('export-reason-hint export-reason-error');
    expect(document.activeElement).toBe(reason);
    expect(download).not.toHaveBeenCalled();

    reason.value = 'x'.repeat(501);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(harness);
    expect(textOf(page, '#export-reason-error')).toEqual(['Error: The reason must be 500 characters or fewer']);

    reason.value = '  SAR 2026/041 & follow-up  ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(harness);
    expect(page.querySelector('#export-reason-error')).toBeNull();
    expect(download).toHaveBeenCalledWith(
      '/api/trainees/trainee-1/portfolio.zip?reason=SAR%202026%2F041%20%26%20follow-up',
    );
    expect(textOf(page, '[role="status"]')).toContain('The export has started: your browser saves the ZIP file.');
    download.mockRestore();
  });

  it('offers the subject access export to no one but the deanery', async () => {
    await openAs(supervisor);
    await answerElements([]);
    expect(page.querySelector('app-portfolio-export-request')).toBeNull();
  });
});
