import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

import type { DeaneryView } from '@portfolio/contracts';

import { FrameworkStore } from '../frameworks/framework-store';
import { ErrorSummary } from '../shared/error-summary';
import {
  FieldErrorPipe,
  type FormProblem,
  problemsFromApi,
  submittedForm,
  trimmedValueOf,
} from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { TextField } from '../shared/text-field';
import { AdminStore } from './admin-store';

const fieldIds = { deaneryId: 'programmeDeanery', name: 'programmeName', frameworkKey: 'frameworkKey' };
const defaultFrameworkKey = 'mlcf';

@Component({
  selector: 'app-add-programme-form',
  imports: [ErrorSummary, FieldErrorPipe, NotificationBanner, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-programme-form.html',
})
export class AddProgrammeForm {
  readonly deaneries = input.required<readonly DeaneryView[]>();

  private readonly store = inject(AdminStore);
  private readonly frameworks = inject(FrameworkStore);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly added = signal<string | null>(null);
  protected readonly saving = signal(false);
  /** The frameworks held, MLCF first; until they load, MLCF alone. */
  protected readonly frameworkOptions = computed(() => {
    const summaries = this.frameworks.summaries();
    const options = summaries.map((summary) => ({ key: summary.key, title: summary.title }));
    return options.length > 0
      ? options.sort((a, b) => Number(b.key === defaultFrameworkKey) - Number(a.key === defaultFrameworkKey))
      : [{ key: defaultFrameworkKey, title: 'Medical Leadership Competency Framework' }];
  });

  constructor() {
    this.frameworks.loadSummaries();
  }

  protected async add(event: Event): Promise<void> {
    const formElement = event.target as HTMLFormElement;
    const form = submittedForm(event);
    if (this.saving()) {
      return;
    }
    const deaneryId = trimmedValueOf(form, 'programmeDeanery');
    const name = trimmedValueOf(form, 'programmeName');
    const frameworkKey = trimmedValueOf(form, 'frameworkKey') || defaultFrameworkKey;
    const problems: FormProblem[] = [];
    if (!deaneryId) {
      problems.push({ field: 'programmeDeanery', message: 'Select the deanery that runs the programme' });
    }
    if (!name) {
      problems.push({ field: 'programmeName', message: 'Enter the name of the programme' });
    }
    this.problems.set(problems);
    this.added.set(null);
    if (problems.length > 0) {
      return;
    }
    this.saving.set(true);
    try {
      const programme = await this.store.createProgramme(deaneryId, { name, frameworkKey });
      formElement.reset();
      this.added.set(programme.name);
    } catch (error: unknown) {
      this.problems.set(problemsFromApi(error, fieldIds));
    } finally {
      this.saving.set(false);
    }
  }
}
