import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type UserView, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { EditUserPage } from './edit-user-page';

const deaneryId = '6c1f6d5e-8a55-4f0e-9d64-1b1bd7b8a001';

function trainee(version: number, profession: string): UserView {
  return {
    id: 'u1',
    email: 'trainee@demo.test',
    displayName: 'Dr Aisha Khan',
    roles: ['trainee'],
    deaneryId,
    gmcNumber: '7654321',
    profession,
    disabled: false,
    authenticatorEnabled: true,
    version,
  };
}

describe('EditUserPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['admin']));
    await harness.navigateByUrl('/admin/users/u1', EditUserPage);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.adminDeaneries).flush([{ id: deaneryId, code: 'NW', name: 'North West', programmes: [] }]);
    answerUserList(trainee(3, 'Doctor (FY2)'));
    await settle(harness);
  });

  afterEach(() => http.verify());

  function answerUserList(user: UserView): void {
    http.expectOne((request) => request.url === apiRoutes.adminUsers).flush({ items: [user], nextCursor: null });
  }

  async function save(): Promise<void> {
    page.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await settle(harness);
  }

  it('sends the changes with the version it was read at', async () => {
    expect(fieldOf(page, 'displayName').value).toBe('Dr Aisha Khan');
    expect(fieldOf<HTMLSelectElement>(page, 'deaneryId').value).toBe(deaneryId);
    fieldOf(page, 'roles-assessor').click();
    await save();

    const request = http.expectOne(apiRoutes.adminUser('u1'));
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      version: 3,
      displayName: 'Dr Aisha Khan',
      roles: ['trainee', 'assessor'],
      deaneryId,
      gmcNumber: '7654321',
      profession: 'Doctor (FY2)',
      disabled: false,
    });
    request.flush({ ...trainee(4, 'Doctor (FY2)'), roles: ['trainee', 'assessor'] });
    await settle(harness);

    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['Your changes have been saved']);
  });

  it('says someone else changed the user first (409), and reloads them on request', async () => {
    fieldOf(page, 'displayName').value = 'Dr Aisha Khan-Patel';
    await save();
    http.expectOne(apiRoutes.adminUser('u1')).flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Someone else has changed this user since you opened it. Reload to see their change.',
        errors: [{ field: 'version', message: 'Someone else has changed this user since you opened it.' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary li')).toEqual([
      'Someone else has changed this user since you opened this page. Reload the user to see their changes, then make yours again.',
    ]);
    const reload = Array.from(page.querySelectorAll('button')).find((button) => button.textContent?.includes('Reload'));
    reload?.click();
    answerUserList(trainee(5, 'Doctor (ST1)'));
    await settle(harness);

    expect(page.querySelector('.nhsuk-error-summary')).toBeNull();
    expect(fieldOf(page, 'profession').value).toBe('Doctor (ST1)');
    expect(fieldOf(page, 'displayName').value).toBe('Dr Aisha Khan');
  });

  it('checks the GMC number and password before sending', async () => {
    fieldOf(page, 'gmcNumber').value = '12345';
    fieldOf(page, 'password').value = 'short';
    await save();

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual([
      'GMC number must be 7 digits',
      'Password must be at least 12 characters',
    ]);
    http.expectNone(apiRoutes.adminUser('u1'));
  });

  it('resets a lost authenticator app only with a reason, then says so', async () => {
    const resetButton = () =>
      Array.from(page.querySelectorAll('button')).find((button) => button.textContent?.includes('Reset authenticator'));
    resetButton()?.click();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary a')).toEqual(['Say why, and how you checked who they are']);
    http.expectNone(apiRoutes.adminUserAuthenticatorReset('u1'));

    (page.querySelector('#reset-reason') as HTMLTextAreaElement).value = 'Lost phone; checked by video call';
    resetButton()?.click();
    const request = http.expectOne(apiRoutes.adminUserAuthenticatorReset('u1'));
    expect(request.request.body).toEqual({ reason: 'Lost phone; checked by video call' });
    request.flush({ ...trainee(3, 'Doctor (FY2)'), authenticatorEnabled: false });
    await settle(harness);

    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual([
      'Their authenticator app has been reset and they have been signed out everywhere',
    ]);
    expect(page.textContent).toContain('has no authenticator app set up');
  });
});
