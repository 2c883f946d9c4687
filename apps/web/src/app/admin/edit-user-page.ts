import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';

import type { UpdateUserRequest, UserView } from '@portfolio/contracts';

import { statusOf } from '../shared/api-errors';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { type FormProblem, problemsFromApi, submittedForm } from '../shared/form-problems';
import { type LoadState, failedLoad, loadedValue } from '../shared/load-state';
import { NotificationBanner } from '../shared/notification-banner';
import { usePageTitle } from '../shared/page-title';
import { ServiceProblem } from '../shared/service-problem';
import { AdminStore } from './admin-store';
import { ResetAuthenticatorForm } from './reset-authenticator-form';
import { readUserDetails, userFields } from './user-details';
import { UserDetailsFields } from './user-details-fields';

export const STALE_USER_MESSAGE =
  'Someone else has changed this user since you opened this page. Reload the user to see their changes, then make yours again.';

@Component({
  selector: 'app-edit-user-page',
  imports: [ErrorSummary, NotificationBanner, ResetAuthenticatorForm, ServiceProblem, UserDetailsFields],
  templateUrl: './edit-user-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditUserPage {
  /** From the route, /admin/users/:userId. */
  readonly userId = input.required<string>();

  private readonly store = inject(AdminStore);

  private readonly userState = signal<LoadState<UserView>>({ status: 'idle' });
  protected readonly status = computed(() => this.userState().status);
  protected readonly user = computed(() => loadedValue(this.userState()));
  protected readonly userVersions = computed(() => {
    const user = this.user();
    return user ? [user] : [];
  });
  protected readonly deaneries = computed(() => loadedValue(this.store.deaneries()) ?? []);
  protected readonly problems = signal<FormProblem[]>([]);
  /** Someone else saved a change first (409): the form offers to reload rather than overwrite it. */
  protected readonly isStale = signal(false);
  protected readonly saved = signal(false);
  protected readonly saving = signal(false);
  protected readonly authenticatorReset = signal(false);

  constructor() {
    this.store.loadDeaneries();
    effect(() => {
      const id = this.userId();
      untracked(() => void this.load(id, false));
    });
    usePageTitle(() => {
      const user = this.user();
      return user ? `Change ${user.displayName}` : this.status() === 'not-found' ? 'User not found' : null;
    });
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
      { label: 'Users', link: ['/admin/users'] },
    ]);
  }

  protected async save(event: Event): Promise<void> {
    const { details, problems } = readUserDetails(submittedForm(event), 'edit');
    const user = this.user();
    if (!user || this.saving() || this.isStale()) {
      return;
    }
    this.saved.set(false);
    this.problems.set(problems);
    if (problems.length > 0) {
      return;
    }
    const request: UpdateUserRequest = {
      version: user.version,
      displayName: details.displayName,
      roles: details.roles,
      deaneryId: details.deaneryId,
      gmcNumber: details.gmcNumber,
      profession: details.profession,
      disabled: details.disabled,
      ...(details.password ? { password: details.password } : {}),
    };
    this.saving.set(true);
    try {
      // The new version redraws the form, which also clears the password field.
      this.userState.set({ status: 'loaded', value: await this.store.updateUser(user.id, request) });
      this.saved.set(true);
    } catch (error: unknown) {
      if (statusOf(error) === 409 && problemsFromApi(error, userFields).every((problem) => problem.field === null)) {
        this.isStale.set(true);
        this.problems.set([{ field: null, message: STALE_USER_MESSAGE }]);
      } else {
        this.problems.set(problemsFromApi(error, userFields));
      }
    } finally {
      this.saving.set(false);
    }
  }

  protected onAuthenticatorReset(user: UserView): void {
    this.userState.set({ status: 'loaded', value: user });
    this.saved.set(false);
    this.authenticatorReset.set(true);
  }

  /** Fetches the user as they are now; the form is drawn afresh with their values. */
  protected async reload(): Promise<void> {
    await this.load(this.userId(), true);
  }

  protected retry(): void {
    void this.load(this.userId(), true);
  }

  private async load(id: string, fresh: boolean): Promise<void> {
    this.userState.set({ status: 'loading' });
    this.problems.set([]);
    this.isStale.set(false);
    this.saved.set(false);
    this.authenticatorReset.set(false);
    try {
      const user = await this.store.findUser(id, { fresh });
      this.userState.set(user ? { status: 'loaded', value: user } : { status: 'not-found' });
    } catch (error: unknown) {
      this.userState.set(failedLoad(error));
    }
  }
}
