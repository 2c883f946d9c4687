import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { Permission } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { useBreadcrumbs } from '../shared/breadcrumbs';

interface AdminTask {
  title: string;
  description: string;
  link: string;
  permission: Permission;
}

const tasks: AdminTask[] = [
  {
    title: 'Users',
    description: 'Find, add and change accounts: roles, deanery, GMC number, password, and disabling an account.',
    link: '/admin/users',
    permission: 'users:manage',
  },
  {
    title: 'Deaneries and programmes',
    description: 'The deaneries (regional offices) and the training programmes each one runs.',
    link: '/admin/deaneries',
    permission: 'organisations:manage',
  },
  {
    title: 'Assign an educational supervisor',
    description: 'Make a supervisor responsible for a trainee from a date.',
    link: '/admin/assignments/new',
    permission: 'assignments:manage',
  },
  {
    title: 'Import a cohort of trainees',
    description: 'Add many trainees at once from a CSV file, with their programme, stage and supervisor.',
    link: '/admin/import',
    permission: 'trainees:import',
  },
  {
    title: 'Import a framework from CASE',
    description:
      'Add a framework or a new version from a 1EdTech CASE 1.1 package, such as one with the official wording.',
    link: '/admin/frameworks/import',
    permission: 'frameworks:manage',
  },
  {
    title: 'Outbox',
    description: 'The mail the portfolio has sent, and any still waiting to go.',
    link: '/admin/outbox',
    permission: 'outbox:read',
  },
];

@Component({
  selector: 'app-admin-home-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Administration</h1>
    <ul class="nhsuk-grid-row nhsuk-card-group">
      @for (task of availableTasks(); track task.link) {
        <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
          <div class="nhsuk-card nhsuk-card--clickable">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-m">
                <a class="nhsuk-card__link" [routerLink]="task.link">{{ task.title }}</a>
              </h2>
              <p class="nhsuk-card__description">{{ task.description }}</p>
            </div>
          </div>
        </li>
      }
    </ul>
  `,
})
export class AdminHomePage {
  private readonly session = inject(SessionStore);
  protected readonly availableTasks = computed(() =>
    tasks.filter((task) => this.session.hasPermission(task.permission)),
  );

  constructor() {
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
  }
}
