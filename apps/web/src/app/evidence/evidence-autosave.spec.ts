import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { type PatientIdentifierWarning, apiRoutes } from '@portfolio/contracts';

import { evidenceView } from '../testing/evidence-fixtures';
import { DraftStorage } from './draft-storage';
import { AUTOSAVE_DELAY_MS, EvidenceAutosave } from './evidence-autosave';

const userId = 'trainee-1';

/** Lets the promises that follow an HTTP answer run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) {
    await Promise.resolve();
  }
}

describe('EvidenceAutosave', () => {
  let autosave: EvidenceAutosave;
  let http: HttpTestingController;
  let storage: DraftStorage;

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        EvidenceAutosave,
        { provide: AUTOSAVE_DELAY_MS, useValue: 3000 },
      ],
    });
    autosave = TestBed.inject(EvidenceAutosave);
    http = TestBed.inject(HttpTestingController);
    storage = TestBed.inject(DraftStorage);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function openExisting(version = 1): Promise<void> {
    const opening = autosave.open(userId, 'item-1');
    http.expectOne(apiRoutes.evidenceItem('item-1')).flush(evidenceView({ version }));
    await opening;
  }

  it('creates a new item only once it has a title, three seconds after typing stops', async () => {
    await autosave.open(userId, 'new');
    expect(autosave.draft().visibility).toBe('private');

    autosave.edit({ body: 'What I learnt' });
    jest.advanceTimersByTime(3000);
    await settle();
    http.expectNone(apiRoutes.evidence);
    expect(autosave.state()).toEqual({ kind: 'waiting', message: 'Your draft will be saved once it has a title.' });

    autosave.edit({ title: 'Hand' });
    jest.advanceTimersByTime(2000);
    autosave.edit({ title: 'Handover' });
    jest.advanceTimersByTime(2999);
    http.expectNone(apiRoutes.evidence);
    expect(autosave.state().kind).toBe('pending');

    jest.advanceTimersByTime(1);
    const create = http.expectOne({ method: 'POST', url: apiRoutes.evidence });
    expect(autosave.state().kind).toBe('saving');
    expect(create.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f]{32}$/);
    expect(create.request.body).toEqual({
      type: 'reflection',
      title: 'Handover',
      occurredOn: autosave.draft().occurredOn,
      body: 'What I learnt',
      visibility: 'private',
      links: [],
    });
    create.flush(evidenceView({ id: 'item-9', title: 'Handover' }));
    await settle();

    expect(autosave.itemId()).toBe('item-9');
    expect(autosave.state().kind).toBe('saved');
    expect(autosave.hasUnsavedChanges).toBe(false);
  });

  it('lets the visibility follow the type until the trainee chooses one', async () => {
    await autosave.open(userId, 'new');
    autosave.edit({ type: 'teaching' });
    expect(autosave.draft().visibility).toBe('supervisor');

    autosave.chooseVisibility('panel');
    autosave.edit({ type: 'reflection' });
    expect(autosave.draft().visibility).toBe('panel');
    jest.clearAllTimers();
  });

  it('saves an item with the version it last read, and what was typed meanwhile next', async () => {
    await openExisting(4);

    autosave.edit({ body: 'First change', links: [stageLink('1.1')] });
    jest.advanceTimersByTime(3000);
    const first = http.expectOne({ method: 'PATCH', url: apiRoutes.evidenceItem('item-1') });
    expect(first.request.body).toMatchObject({
      version: 4,
      body: 'First change',
      links: [{ elementKey: '1.1', stageKey: 'postgraduate' }],
    });

    autosave.edit({ body: 'Second change' });
    jest.advanceTimersByTime(3000);
    await settle();
    // Still waiting for the first answer: no second request yet.
    http.expectNone({ method: 'PATCH', url: apiRoutes.evidenceItem('item-1') });

    first.flush(evidenceView({ version: 5, body: 'First change' }));
    await settle();
    const second = http.expectOne({ method: 'PATCH', url: apiRoutes.evidenceItem('item-1') });
    expect(second.request.body).toMatchObject({ version: 5, body: 'Second change' });
    second.flush(evidenceView({ version: 6, body: 'Second change' }));
    await settle();

    expect(autosave.state().kind).toBe('saved');
    expect(autosave.draft().body).toBe('Second change');
  });

  it('shows both versions on a 409, stops saving, and keeps mine with the current version', async () => {
    await openExisting(2);
    autosave.edit({ title: 'Mine' });
    jest.advanceTimersByTime(3000);
    const current = evidenceView({
      version: 3,
      title: 'Changed in another tab',
      updatedAt: '2026-03-02T10:15:00.000Z',
    });
    http
      .expectOne(apiRoutes.evidenceItem('item-1'))
      .flush(
        { statusCode: 409, message: 'This item was changed elsewhere', yours: { version: 2, title: 'Mine' }, current },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    const state = autosave.state();
    expect(state).toEqual({ kind: 'conflict', yours: { version: 2, title: 'Mine' }, current });
    // Nothing more is sent until the trainee chooses.
    autosave.edit({ body: 'More typing' });
    jest.advanceTimersByTime(10_000);
    http.expectNone(apiRoutes.evidenceItem('item-1'));

    const keeping = autosave.keepMine();
    const resend = http.expectOne(apiRoutes.evidenceItem('item-1'));
    expect(resend.request.body).toMatchObject({ version: 3, title: 'Mine', body: 'More typing' });
    resend.flush(evidenceView({ version: 4, title: 'Mine', body: 'More typing' }));
    expect(await keeping).toBe(true);
    expect(autosave.state().kind).toBe('saved');
  });

  it('takes the current version after a 409 when asked', async () => {
    await openExisting(2);
    autosave.edit({ title: 'Mine' });
    jest.advanceTimersByTime(3000);
    const current = evidenceView({ version: 3, title: 'Theirs', body: 'Their words' });
    http
      .expectOne(apiRoutes.evidenceItem('item-1'))
      .flush({ statusCode: 409, message: 'Changed elsewhere', current }, { status: 409, statusText: 'Conflict' });
    await settle();

    autosave.takeCurrent();

    expect(autosave.draft().title).toBe('Theirs');
    expect(autosave.draft().body).toBe('Their words');
    expect(autosave.hasUnsavedChanges).toBe(false);
    expect(storage.read(userId, 'item-1')).toBeNull();
    autosave.edit({ body: 'Next' });
    jest.advanceTimersByTime(3000);
    const next = http.expectOne(apiRoutes.evidenceItem('item-1'));
    expect(next.request.body).toMatchObject({ version: 3 });
    next.flush(evidenceView({ version: 4 }));
    await settle();
  });

  it('treats a 409 without a current version as a lock', async () => {
    await openExisting(2);
    autosave.edit({ title: 'Mine' });
    jest.advanceTimersByTime(3000);
    http
      .expectOne(apiRoutes.evidenceItem('item-1'))
      .flush({ statusCode: 409, message: 'This item is locked.' }, { status: 409, statusText: 'Conflict' });
    await settle();

    expect(autosave.state()).toEqual({ kind: 'locked', message: 'This item is locked.' });
  });

  it('keeps the draft in this browser when the session has expired, and restores it when the editor opens again', async () => {
    await autosave.open(userId, 'new');
    autosave.edit({ title: 'Night shift', body: 'Written on the ward' });
    jest.advanceTimersByTime(3000);
    http
      .expectOne({ method: 'POST', url: apiRoutes.evidence })
      .flush({ statusCode: 401, message: 'Sign in' }, { status: 401, statusText: 'Unauthorized' });
    await settle();

    expect(autosave.state()).toEqual({ kind: 'kept-locally', reason: 'signed-out' });
    const stored = storage.read(userId, 'new');
    expect(stored?.draft.title).toBe('Night shift');
    expect(stored?.itemId).toBeNull();
    // Another user signing in on the same computer finds nothing.
    expect(storage.read('someone-else', 'new')).toBeNull();

    // After signing in again, a fresh editor finds it and saves it.
    const reopened = TestBed.runInInjectionContext(() => new EvidenceAutosave());
    await reopened.open(userId, 'new');
    expect(reopened.restoredAt()).toBe(stored?.storedAt);
    expect(reopened.draft().body).toBe('Written on the ward');
    jest.advanceTimersByTime(3000);
    http
      .expectOne({ method: 'POST', url: apiRoutes.evidence })
      .flush(evidenceView({ id: 'item-2', title: 'Night shift' }));
    await settle();

    expect(reopened.state().kind).toBe('saved');
    expect(storage.read(userId, 'new')).toBeNull();
  });

  it('restores changes to a saved item against the version they were made to', async () => {
    storage.write(userId, 'item-1', {
      itemId: 'item-1',
      version: 2,
      draft: { ...evidenceDraftOf('Offline edit'), links: [] },
      storedAt: '2026-03-02T11:00:00.000Z',
    });
    const opening = autosave.open(userId, 'item-1');
    http.expectOne(apiRoutes.evidenceItem('item-1')).flush(evidenceView({ version: 5 }));
    await opening;

    expect(autosave.draft().title).toBe('Offline edit');
    jest.advanceTimersByTime(3000);
    const save = http.expectOne(apiRoutes.evidenceItem('item-1'));
    // Version 2, so a change made since is shown as a conflict rather than overwritten.
    expect(save.request.body).toMatchObject({ version: 2, title: 'Offline edit' });
    save.flush(evidenceView({ version: 6, title: 'Offline edit' }));
    await settle();
  });

  it('keeps the draft in this browser when the network is down, and tries again when asked', async () => {
    await openExisting(1);
    autosave.edit({ body: 'On the ward without signal' });
    jest.advanceTimersByTime(3000);
    http.expectOne(apiRoutes.evidenceItem('item-1')).error(new ProgressEvent('error'));
    await settle();

    expect(autosave.state()).toEqual({ kind: 'kept-locally', reason: 'offline' });
    expect(storage.read(userId, 'item-1')?.draft.body).toBe('On the ward without signal');

    const retrying = autosave.saveNow();
    http.expectOne(apiRoutes.evidenceItem('item-1')).flush(evidenceView({ version: 2 }));
    expect(await retrying).toBe(true);
    expect(storage.read(userId, 'item-1')).toBeNull();
  });

  it('asks for confirmation when the API finds patient identifiers on submitting, then submits with it', async () => {
    await openExisting(3);
    const warnings: PatientIdentifierWarning[] = [{ kind: 'nhs-number', field: 'body', text: '943 476 5919' }];

    const first = autosave.submit();
    await settle();
    const refused = http.expectOne(apiRoutes.evidenceItem('item-1'));
    expect(refused.request.body).toEqual({ version: 3, status: 'submitted' });
    refused.flush(
      { statusCode: 400, message: 'This reflection may identify a patient.', patientIdentifierWarnings: warnings },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await first).toEqual({ outcome: 'needs-acknowledgement', warnings });

    const second = autosave.submit(true);
    await settle();
    const accepted = http.expectOne(apiRoutes.evidenceItem('item-1'));
    expect(accepted.request.body).toEqual({ version: 3, status: 'submitted', acknowledgePatientIdentifiers: true });
    accepted.flush(evidenceView({ version: 4, status: 'submitted' }));
    expect(await second).toMatchObject({ outcome: 'submitted' });
    expect(autosave.item()?.status).toBe('submitted');
  });

  it('sends what was typed in one item before opening another, and keeps the answers apart', async () => {
    await openExisting(1);
    autosave.edit({ body: 'Unsaved in the first item' });

    const opening = autosave.open(userId, 'item-2');
    const firstSave = http.expectOne({ method: 'PATCH', url: apiRoutes.evidenceItem('item-1') });
    expect(firstSave.request.body).toMatchObject({ version: 1, body: 'Unsaved in the first item' });
    http.expectOne(apiRoutes.evidenceItem('item-2')).flush(evidenceView({ id: 'item-2', title: 'Second item' }));
    await opening;
    firstSave.flush(evidenceView({ version: 2, body: 'Unsaved in the first item' }));
    await settle();

    expect(autosave.itemId()).toBe('item-2');
    expect(autosave.draft().title).toBe('Second item');
    expect(autosave.hasUnsavedChanges).toBe(false);
    expect(storage.read(userId, 'item-1')).toBeNull();
  });

  it('keeps unsaved changes in this browser when the editor closes', async () => {
    await openExisting(1);
    autosave.edit({ body: 'Closing the tab' });

    autosave.ngOnDestroy();

    expect(storage.read(userId, 'item-1')?.draft.body).toBe('Closing the tab');
    http.expectOne(apiRoutes.evidenceItem('item-1')).flush(evidenceView({ version: 2 }));
    await settle();
    expect(storage.read(userId, 'item-1')).toBeNull();
  });
});

function stageLink(elementKey: string) {
  return { elementKey, stageKey: 'postgraduate', note: '', elementCode: elementKey, elementTitle: 'Element' };
}

function evidenceDraftOf(title: string) {
  return {
    type: 'reflection' as const,
    title,
    occurredOn: '2026-03-01',
    body: '',
    visibility: 'private' as const,
    links: [],
  };
}
