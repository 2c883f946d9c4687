import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { roleLabels } from '@portfolio/contracts';

import { SessionStore } from '../auth/session-store';
import { FrameworkStore } from '../frameworks/framework-store';
import { CountPipe } from '../shared/count.pipe';
import { SERVICE_NAME } from '../shared/page-title';
import { TodoList } from './todo-list';

interface HomeLink {
  label: string;
  description: string;
  link: string;
}

@Component({
  selector: 'app-home-page',
  imports: [CountPipe, RouterLink, TodoList],
  templateUrl: './home-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly serviceName = SERVICE_NAME;
  protected readonly store = inject(FrameworkStore);
  protected readonly session = inject(SessionStore);

  protected readonly roleNames = computed(() =>
    (this.session.user()?.roles ?? []).map((role) => roleLabels[role].toLowerCase()).join(', '),
  );

  /** What the user's roles let them do, most used first. */
  protected readonly links = computed<HomeLink[]>(() => {
    const user = this.session.user();
    if (!user) {
      return [];
    }
    const links: HomeLink[] = [];
    if (this.session.hasPermission('evidence:write')) {
      links.push(
        {
          label: 'Your evidence',
          description: 'Write reflections and log leadership activities, linked to the framework.',
          link: '/evidence',
        },
        {
          label: 'Your progress',
          description: 'Coverage of your stage, and the elements with no evidence yet.',
          link: '/dashboard',
        },
      );
    }
    if (this.session.hasPermission('trainees:read')) {
      const onlyTrainee = user.roles.every((role) => role === 'trainee');
      links.push(
        onlyTrainee
          ? { label: 'Your training', description: 'Your programme, stage and supervisors.', link: '/trainees' }
          : { label: 'Trainees', description: 'The trainees whose records you can see.', link: '/trainees' },
      );
    }
    if (this.session.hasPermission('elements:sign-off')) {
      links.push({
        label: 'Supervision',
        description: "Your trainees' progress, requests waiting for you and your recent sign-offs.",
        link: '/supervision',
      });
    }
    if (this.session.hasPermission('users:manage')) {
      links.push({
        label: 'Administration',
        description: 'Users, deaneries and programmes, and supervisor assignments.',
        link: '/admin',
      });
    }
    if (this.session.hasPermission('trainees:import')) {
      links.push({
        label: 'Import a cohort',
        description: 'Add many trainees at once from a CSV file.',
        link: '/admin/import',
      });
    }
    if (this.session.hasPermission('account:mfa')) {
      links.push({
        label: 'Authenticator app',
        description: 'A code from your phone as well as your password when you sign in, and your recovery codes.',
        link: '/account/authenticator',
      });
    }
    if (this.session.hasPermission('account:change-password')) {
      links.push({
        label: 'Change your password',
        description: 'Choose a new password for your account.',
        link: '/account/password',
      });
    }
    return links;
  });

  constructor() {
    this.store.loadSummaries();
  }

  protected retry(): void {
    this.store.loadSummaries();
  }
}
