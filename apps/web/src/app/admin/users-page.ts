import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { type Role, type UserView, roleLabels, roles } from '@portfolio/contracts';

import { useBreadcrumbs } from '../shared/breadcrumbs';
import { CountPipe } from '../shared/count.pipe';
import { submittedForm, trimmedValueOf } from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { ServiceProblem } from '../shared/service-problem';
import { AdminStore } from './admin-store';

@Component({
  selector: 'app-users-page',
  imports: [CountPipe, NotificationBanner, RouterLink, ServiceProblem],
  templateUrl: './users-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  /** Query parameters, so that a search can be linked to and survives going back. */
  readonly search = input<string>();
  readonly role = input<string>();
  protected readonly store = inject(AdminStore);
  private readonly router = inject(Router);

  /**
   * The name of a user just added, to say so. It travels in the navigation's state rather than
   * the address, so that no link can make the page announce something that did not happen.
   */
  protected readonly added = signal(addedUserName(this.router.currentNavigation()?.extras.state));

  protected readonly roleOptions = roles.map((role) => ({ role, label: roleLabels[role] }));
  protected readonly chosenRole = computed(() => {
    const role = this.role();
    return roles.includes(role as Role) ? (role as Role) : null;
  });

  constructor() {
    effect(() => {
      const query = { search: this.search()?.trim() ?? '', role: this.chosenRole() };
      untracked(() => this.store.searchUsers(query));
    });
    useBreadcrumbs(() => [
      { label: 'Home', link: ['/'] },
      { label: 'Administration', link: ['/admin'] },
    ]);
  }

  protected find(event: Event): void {
    const form = submittedForm(event);
    this.added.set(null);
    void this.router.navigate(['/admin/users'], {
      queryParams: { search: trimmedValueOf(form, 'search') || null, role: trimmedValueOf(form, 'role') || null },
    });
  }

  protected rolesOf(user: UserView): string {
    return user.roles.map((role) => roleLabels[role]).join(', ');
  }

  protected retry(): void {
    this.store.searchUsers({ search: this.search()?.trim() ?? '', role: this.chosenRole() });
  }
}

function addedUserName(state: Record<string, unknown> | undefined): string | null {
  const name = state?.['addedUserName'];
  return typeof name === 'string' ? name : null;
}
