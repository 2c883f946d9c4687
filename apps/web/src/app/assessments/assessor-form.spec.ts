import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import { type AssessmentView, CSRF_HEADER, IDEMPOTENCY_KEY_HEADER, apiRoutes } from '@portfolio/contracts';

import { caseDiscussionTemplate, requestedAssessment } from '../testing/assessment-fixtures';
import { textOf } from '../testing/page-harness';
import { AssessorForm } from './assessor-form';
import { type JudgementTarget, externalJudgementTarget, signedInJudgementTarget } from './judgement-target';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Lets the promises that follow an answer, and the re-render after them, run. */
async function settle(fixture: ComponentFixture<AssessorForm>): Promise<void> {
  for (let turn = 0; turn < 10; turn++) {
    await Promise.resolve();
  }
  await fixture.whenStable();
}

describe('AssessorForm', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(assessment: AssessmentView, target?: JudgementTarget) {
    const fixture = TestBed.createComponent(AssessorForm);
    fixture.componentRef.setInput('assessment', assessment);
    fixture.componentRef.setInput(
      'target',
      target ?? signedInJudgementTarget(TestBed.inject(HttpClient), assessment.id),
    );
    fixture.componentRef.setInput('elementTitles', { '3.2': 'Managing Resources', '4.2': 'Critically Evaluating' });
    const decisions: string[] = [];
    const changes: AssessmentView[] = [];
    fixture.componentInstance.decided.subscribe((decided) => decisions.push(decided.decision));
    fixture.componentInstance.changed.subscribe((changed) => changes.push(changed));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const check = async (id: string) => {
      const radio = element.querySelector<HTMLInputElement>(`#${id}`);
      if (!radio) {
        throw new Error(`No radio ${id}`);
      }
      radio.checked = true;
      radio.dispatchEvent(new Event('change'));
      await fixture.whenStable();
    };
    const type = async (id: string, text: string) => {
      const field = element.querySelector<HTMLTextAreaElement>(`#${id}`);
      if (!field) {
        throw new Error(`No field ${id}`);
      }
      field.value = text;
      field.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const press = async (name: string) => {
      const button = Array.from(element.querySelectorAll('button')).find(
        (candidate) => candidate.textContent?.trim() === name,
      );
      if (!button) {
        throw new Error(`No button ${name}`);
      }
      button.click();
      await settle(fixture);
    };
    return { fixture, element, decisions, changes, check, type, press };
  }

  async function fillIn(form: Awaited<ReturnType<typeof render>>): Promise<void> {
    await form.check('rating-problem-above');
    await form.check('rating-resources');
    await form.check('overall-judgement-satisfactory');
    await form.type('feedback', '  A clear plan.  ');
  }

  it('shows each criterion with what the trainee wrote for it and the elements it evidences', async () => {
    const { element } = await render(requestedAssessment());

    expect(textOf(element, '.app-criterion__title')).toEqual([
      'Problem statement and context',
      'Resources, costs and savings',
    ]);
    expect(textOf(element, '.app-criterion__answer .app-markdown')).toEqual([
      'Letters take three days.',
      'Two hours of a pharmacist a week.',
    ]);
    expect(element.querySelector('.app-criterion__answer strong')?.textContent).toBe('three days');
    expect(textOf(element, '.app-criterion__elements')[1]).toBe('Evidences 3.2 Managing Resources');
  });

  it('signs off with every rating, the overall judgement and the feedback, under an Idempotency-Key', async () => {
    const form = await render(requestedAssessment());
    await fillIn(form);

    await form.press('Sign off');
    const signOff = http.expectOne({ method: 'POST', url: apiRoutes.assessmentSignOff('assessment-1') });
    expect(signOff.request.body).toEqual({
      ratings: { problem: 'above', resources: 'below' },
      overallJudgement: 'satisfactory',
      feedback: 'A clear plan.',
      version: 3,
    });
    expect(signOff.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(uuidPattern);
    signOff.flush(requestedAssessment({ status: 'signed-off', version: 4 }));
    await settle(form.fixture);

    expect(form.decisions).toEqual(['signed-off']);
  });

  it('sends the same Idempotency-Key again when a sign-off got no answer, and a new one for a changed judgement', async () => {
    const form = await render(requestedAssessment());
    await fillIn(form);

    await form.press('Sign off');
    const first = http.expectOne(apiRoutes.assessmentSignOff('assessment-1'));
    const firstKey = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await settle(form.fixture);
    expect(textOf(form.element, '.nhsuk-error-summary li')).toEqual([
      'The portfolio did not confirm the sign-off. Press Sign off again: the assessment will be signed once only.',
    ]);

    await form.press('Sign off');
    const retry = http.expectOne(apiRoutes.assessmentSignOff('assessment-1'));
    expect(retry.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(firstKey);
    retry.flush({ statusCode: 502, message: 'Bad gateway' }, { status: 502, statusText: 'Bad Gateway' });
    await settle(form.fixture);

    await form.type('feedback', 'A clear plan, with costs.');
    await form.press('Sign off');
    const changed = http.expectOne(apiRoutes.assessmentSignOff('assessment-1'));
    expect(changed.request.headers.get(IDEMPOTENCY_KEY_HEADER)).not.toBe(firstKey);
    changed.flush(requestedAssessment({ status: 'signed-off', version: 4 }));
    await settle(form.fixture);

    expect(form.decisions).toEqual(['signed-off']);
  });

  it('says what is missing before signing off, each problem linked to its question', async () => {
    const form = await render(requestedAssessment());
    await form.check('rating-problem');

    await form.press('Sign off');

    http.expectNone(apiRoutes.assessmentSignOff('assessment-1'));
    const links = Array.from(form.element.querySelectorAll<HTMLAnchorElement>('.nhsuk-error-summary a'));
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Rate Resources, costs and savings', '#rating-resources'],
      ['Choose the overall judgement of the plan', '#overall-judgement'],
      ['Write the feedback for the trainee', '#feedback'],
    ]);
  });

  it('returns the work only with comments, and sends them with the judgement so far', async () => {
    const form = await render(requestedAssessment());
    await form.check('rating-problem');
    await form.press('Return for revision');
    expect(document.activeElement).toBe(form.element.querySelector('#return-comments'));

    await form.press('Return for revision');
    http.expectNone(apiRoutes.assessmentReturn('assessment-1'));
    expect(textOf(form.element, '.nhsuk-error-summary li')).toEqual([
      'Write what the trainee should change before you return it',
    ]);

    await form.type('return-comments', 'Add baseline data.');
    await form.press('Return for revision');
    const returned = http.expectOne({ method: 'POST', url: apiRoutes.assessmentReturn('assessment-1') });
    expect(returned.request.body).toEqual({
      ratings: { problem: 'below' },
      overallJudgement: null,
      feedback: '',
      comments: 'Add baseline data.',
      version: 3,
    });
    returned.flush(requestedAssessment({ status: 'returned', version: 4 }));
    await settle(form.fixture);
    expect(form.decisions).toEqual(['returned']);
  });

  it('saves a draft and hands on the assessment with its new version', async () => {
    const form = await render(requestedAssessment());
    await form.check('rating-problem-meets');

    await form.press('Save draft');
    const draft = http.expectOne({ method: 'PUT', url: apiRoutes.assessmentJudgement('assessment-1') });
    expect(draft.request.body).toEqual({
      ratings: { problem: 'meets' },
      overallJudgement: null,
      feedback: '',
      version: 3,
    });
    draft.flush(requestedAssessment({ status: 'in-progress', version: 4 }));
    await settle(form.fixture);

    expect(form.changes.map((change) => change.version)).toEqual([4]);
    expect(textOf(form.element, '[role="status"]')[0]).toMatch(/^Draft saved at \d\d:\d\d\.$/);
  });

  it('rates each element the trainee listed when the template rates linked elements', async () => {
    const assessment = requestedAssessment({
      template: caseDiscussionTemplate(),
      answers: {
        episode: { summary: 'I chaired the meeting.', setting: 'ward' },
        discussion: { elements: ['4.2', '3.2'] },
      },
    });
    const form = await render(assessment);
    expect(textOf(form.element, '.app-criterion__title')).toEqual([
      '4.2 Critically Evaluating',
      '3.2 Managing Resources',
    ]);

    await form.check('rating-element-4-2-meets');
    await form.check('rating-element-3-2-above');
    await form.check('overall-judgement-meets');
    await form.type('feedback', 'Agreed: lead the next audit.');
    await form.press('Sign off');

    const signOff = http.expectOne(apiRoutes.assessmentSignOff('assessment-1'));
    expect(signOff.request.body.ratings).toEqual({ 'element:4.2': 'meets', 'element:3.2': 'above' });
    signOff.flush(requestedAssessment({ status: 'signed-off' }));
    await settle(form.fixture);
  });

  it("sends an external assessor's writes with their session's CSRF token", async () => {
    const target = externalJudgementTarget(TestBed.inject(HttpClient), 'csrf-from-session');
    const form = await render(requestedAssessment(), target);
    await fillIn(form);

    await form.press('Sign off');
    const signOff = http.expectOne({ method: 'POST', url: apiRoutes.externalSignOff });
    expect(signOff.request.headers.get(CSRF_HEADER)).toBe('csrf-from-session');
    expect(signOff.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(uuidPattern);
    signOff.flush(requestedAssessment({ status: 'signed-off' }));
    await settle(form.fixture);
  });
});
