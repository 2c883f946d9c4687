import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';

import type { CreateUserRequest } from '@portfolio/contracts';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { type FormProblem, problemsFromApi, submittedForm } from '../shared/form-problems';
import { loadedValue } from '../shared/load-state';
import { AdminStore } from './admin-store';
import { readUserDetails, userFields } from './user-details';
import { UserDetailsFields } from './user-details-fields';

@Component({
  selector: 'app-create-user-page',
  imports: [ErrorSummary, UserDetailsFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <app-error-summary [problems]="problems()" />
        <h1>Add a user</h1>
        <form (submit)="create($event)" novalidate>
          <app-user-details-fields mode="create" [deaneries]="deaneries()" [problems]="problems()" />
          <button class="nhsuk-button" type="submit" [attr.aria-disabled]="saving() || null">Add user</button>
        </form>
      </div>
    </div>
  `,
})
export class CreateUserPage {
  private readonly store = inject(AdminStore);
  private readonly router = inject(Router);

  protected readonly deaneries = computed(() => loadedValue(this.store.deaneries()) ?? []);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly saving = signal(false);

  constructor() {
    this.store.loadDeaneries();
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
      { label: 'Users', link: ['/admin/users'] },
    ]);
  }

  protected async create(event: Event): Promise<void> {
    const { details, problems } = readUserDetails(submittedForm(event), 'create');
    if (this.saving()) {
      return;
    }
    this.problems.set(problems);
    if (problems.length > 0) {
      return;
    }
    const request: CreateUserRequest = {
      email: details.email,
      displayName: details.displayName,
      roles: details.roles,
      deaneryId: details.deaneryId,
      gmcNumber: details.gmcNumber,
      profession: details.profession,
      ...(details.password ? { password: details.password } : {}),
    };
    this.saving.set(true);
    try {
      const user = await this.store.createUser(request);
      // The list, narrowed to the new account, says it was added.
      await this.router.navigate(['/admin/users'], {
        queryParams: { search: user.email },
        state: { addedUserName: user.displayName },
      });
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, userFields));
    } finally {
      this.saving.set(false);
    }
  }
}
