import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { apiRoutes } from '@portfolio/contracts';

import { AUTOSAVE_DELAY_MS } from '../evidence/evidence-autosave';
import { assessmentView, businessPlanTemplate, caseDiscussionTemplate } from '../testing/assessment-fixtures';
import { answerInputIds } from './assessment-answers';
import { AssessmentAutosave } from './assessment-autosave';
import { AssessmentDraftStorage } from './assessment-draft-storage';
import { assessorInputIds } from './assessor-choice-form';

const userId = 'trainee-1';

/** Lets the promises that follow an HTTP answer run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) {
    await Promise.resolve();
  }
}

describe('AssessmentAutosave', () => {
  let autosave: AssessmentAutosave;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        AssessmentAutosave,
        { provide: AUTOSAVE_DELAY_MS, useValue: 3000 },
      ],
    });
    autosave = TestBed.inject(AssessmentAutosave);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('starts with an empty answer for every field, of the kind its type takes', () => {
    autosave.open(userId, caseDiscussionTemplate(), null);

    expect(autosave.answers()).toEqual({
      episode: { summary: '', setting: '', size: null },
      discussion: { elements: [] },
    });
    expect(autosave.state()).toEqual({ kind: 'idle' });
  });

  it('creates the draft on the first change, then saves later changes with the version it last read', async () => {
    const template = businessPlanTemplate();
    autosave.open(userId, template, null);

    autosave.answer('project', 'title', 'Faster');
    jest.advanceTimersByTime(2000);
    autosave.answer('project', 'title', 'Faster discharge letters');
    jest.advanceTimersByTime(2999);
    http.expectNone(apiRoutes.assessments);
    expect(autosave.state().kind).toBe('pending');

    jest.advanceTimersByTime(1);
    const create = http.expectOne({ method: 'POST', url: apiRoutes.assessments });
    expect(create.request.body).toEqual({
      templateKey: 'service-improvement-business-plan',
      answers: {
        project: { title: 'Faster discharge letters', start: '' },
        problem: { text: '' },
        resources: { text: '' },
      },
      evidenceIds: [],
    });
    create.flush(assessmentView({ id: 'assessment-9', version: 1 }));
    await settle();
    expect(autosave.assessmentId()).toBe('assessment-9');
    expect(autosave.state().kind).toBe('saved');

    autosave.answer('problem', 'text', 'Letters take three days.');
    jest.advanceTimersByTime(3000);
    const update = http.expectOne({ method: 'PATCH', url: apiRoutes.assessment('assessment-9') });
    expect(update.request.body).toEqual({
      answers: {
        project: { title: 'Faster discharge letters', start: '' },
        problem: { text: 'Letters take three days.' },
        resources: { text: '' },
      },
      evidenceIds: [],
      version: 1,
    });
    update.flush(assessmentView({ id: 'assessment-9', version: 2 }));
    await settle();

    expect(autosave.state().kind).toBe('saved');
    expect(autosave.hasUnsavedChanges).toBe(false);
  });

  it('keeps the saved answers of a returned assessment and fills in fields the template has since gained', () => {
    const saved = assessmentView({ answers: { problem: { text: 'As sent' } } });
    autosave.open(userId, businessPlanTemplate(), saved);

    expect(autosave.answers()).toEqual({
      project: { title: '', start: '' },
      problem: { text: 'As sent' },
      resources: { text: '' },
    });
    expect(autosave.state().kind).toBe('saved');
  });

  it('stops on a 409 and, when the trainee keeps their version, saves it over the current one', async () => {
    autosave.open(userId, businessPlanTemplate(), assessmentView({ version: 2 }));
    autosave.answer('problem', 'text', 'Mine');
    jest.advanceTimersByTime(3000);
    const current = assessmentView({ version: 3, answers: { problem: { text: 'Theirs' } } });
    http
      .expectOne(apiRoutes.assessment('assessment-1'))
      .flush({ statusCode: 409, message: 'Changed elsewhere', current }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(autosave.state()).toEqual({ kind: 'conflict', current });

    // Nothing more is sent until the trainee chooses.
    autosave.answer('resources', 'text', 'More');
    jest.advanceTimersByTime(10_000);
    http.expectNone(apiRoutes.assessment('assessment-1'));

    const kept = autosave.keepMine();
    await settle();
    const again = http.expectOne({ method: 'PATCH', url: apiRoutes.assessment('assessment-1') });
    expect(again.request.body).toMatchObject({ version: 3, answers: { problem: { text: 'Mine' } } });
    again.flush(assessmentView({ version: 4 }));
    expect(await kept).toBe(true);
  });

  it('keeps the answers in this browser when the session has ended, and restores them next time', async () => {
    autosave.open(userId, businessPlanTemplate(), assessmentView({ version: 5 }));
    autosave.answer('problem', 'text', 'Written as the session ended');
    jest.advanceTimersByTime(3000);
    http
      .expectOne(apiRoutes.assessment('assessment-1'))
      .flush({ statusCode: 401, message: 'Sign in' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(autosave.state()).toEqual({ kind: 'kept-locally', reason: 'signed-out' });

    const reopened = TestBed.runInInjectionContext(() => new AssessmentAutosave());
    reopened.open(userId, businessPlanTemplate(), assessmentView({ version: 5 }));
    expect(reopened.answers()['problem']).toEqual({ text: 'Written as the session ended' });
    expect(reopened.restoredAt()).not.toBeNull();
    jest.advanceTimersByTime(3000);
    const save = http.expectOne({ method: 'PATCH', url: apiRoutes.assessment('assessment-1') });
    expect(save.request.body).toMatchObject({ version: 5 });
    save.flush(assessmentView({ version: 6 }));
    await settle();
    expect(TestBed.inject(AssessmentDraftStorage).read(userId, 'assessment-1')).toBeNull();
  });

  it('saves what is left before sending, and puts the API’s field errors on the form’s inputs', async () => {
    const template = businessPlanTemplate();
    autosave.open(userId, template, assessmentView({ version: 2 }));
    autosave.answer('project', 'title', 'Letters');
    const fieldIds = { ...answerInputIds(template.sections), ...assessorInputIds };

    const sending = autosave.send({ kind: 'supervisor' }, fieldIds);
    await settle();
    http
      .expectOne({ method: 'PATCH', url: apiRoutes.assessment('assessment-1') })
      .flush(assessmentView({ version: 3 }));
    await settle();
    const send = http.expectOne({ method: 'POST', url: apiRoutes.assessmentSend('assessment-1') });
    expect(send.request.body).toEqual({ assessor: { kind: 'supervisor' }, version: 3 });
    send.flush(
      {
        statusCode: 400,
        message: 'Some answers are missing',
        errors: [
          { field: 'answers.problem.text', message: 'Fill in the problem statement and context' },
          { field: 'assessor.email', message: 'Enter an email address' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );

    expect(await sending).toEqual({
      outcome: 'refused',
      problems: [
        { field: 'answer-problem-text', message: 'Fill in the problem statement and context' },
        { field: 'assessor-email', message: 'Enter an email address' },
      ],
    });
  });

  it('sends a new assessment only once it has been created', async () => {
    autosave.open(userId, businessPlanTemplate(), null);
    expect(await autosave.send({ kind: 'supervisor' }, {})).toEqual({ outcome: 'not-saved' });
  });
});
