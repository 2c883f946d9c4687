import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';

import {
  ASSESSMENT_TICKET_DAYS,
  type AssessorChoice,
  type AssessorKind,
  type AssessorOption,
} from '@portfolio/contracts';

import { CountPipe } from '../shared/count.pipe';
import { FieldErrorPipe, type FormProblem } from '../shared/form-problems';
import { AssessmentStore } from './assessment-store';

export interface AssessorChoiceSubmission {
  choice: AssessorChoice | null;
  problems: FormProblem[];
}

/** The API's field names for the choice of assessor, and the inputs they are about. */
export const assessorInputIds: Readonly<Record<string, string>> = {
  assessor: 'assessor-kind',
  'assessor.kind': 'assessor-kind',
  'assessor.userId': 'assessor-search',
  'assessor.name': 'assessor-name',
  'assessor.email': 'assessor-email',
};

const kindLabels: Record<AssessorKind, { label: string; hint: string }> = {
  supervisor: { label: 'My educational supervisor', hint: 'The supervisor the portfolio has on record for you.' },
  assessor: { label: 'A registered assessor', hint: 'Someone with an account in the portfolio.' },
  external: {
    label: 'Someone else, by email',
    hint: `They are sent a link that works once and expires after ${ASSESSMENT_TICKET_DAYS} days. They do not need an account.`,
  },
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Who is asked to assess: the kinds the template allows, a search of registered assessors, or a name and email. */
@Component({
  selector: 'app-assessor-choice-form',
  imports: [CountPipe, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessor-choice-form.html',
})
export class AssessorChoiceForm {
  readonly kinds = input.required<readonly AssessorKind[]>();
  readonly problems = input<readonly FormProblem[]>([]);
  readonly sending = input(false);
  readonly submitted = output<AssessorChoiceSubmission>();

  private readonly store = inject(AssessmentStore);

  protected readonly kindOptions = computed(() =>
    this.kinds().map((kind, index) => ({
      kind,
      id: index === 0 ? 'assessor-kind' : `assessor-kind-${kind}`,
      ...kindLabels[kind],
    })),
  );
  protected readonly kind = signal<AssessorKind | null>(null);
  protected readonly query = signal('');
  protected readonly results = signal<AssessorOption[] | null>(null);
  protected readonly searchFailed = signal(false);
  protected readonly chosenAssessor = signal<AssessorOption | null>(null);
  protected readonly name = signal('');
  protected readonly email = signal('');
  private readonly searches = new Subject<string>();

  constructor() {
    this.searches
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((query) =>
          this.store.searchAssessors(query.trim()).pipe(
            catchError(() => {
              this.searchFailed.set(true);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((results) => {
        if (results) {
          this.searchFailed.set(false);
          this.results.set(results);
        }
      });
  }

  protected chooseKind(kind: AssessorKind): void {
    this.kind.set(kind);
    if (kind === 'assessor' && this.results() === null) {
      this.searches.next(this.query());
    }
  }

  protected search(query: string): void {
    this.query.set(query);
    this.searches.next(query);
  }

  protected chooseAssessor(id: string): void {
    this.chosenAssessor.set(this.results()?.find((option) => option.id === id) ?? null);
  }

  protected submit(): void {
    const problems: FormProblem[] = [];
    let choice: AssessorChoice | null = null;
    switch (this.kind()) {
      case null:
        problems.push({ field: 'assessor-kind', message: 'Choose who should assess it' });
        break;
      case 'supervisor':
        choice = { kind: 'supervisor' };
        break;
      case 'assessor': {
        const assessor = this.chosenAssessor();
        if (assessor) {
          choice = { kind: 'assessor', userId: assessor.id };
        } else {
          problems.push({ field: 'assessor-search', message: 'Find and choose a registered assessor' });
        }
        break;
      }
      case 'external': {
        const name = this.name().trim();
        const email = this.email().trim();
        if (!name) {
          problems.push({ field: 'assessor-name', message: 'Enter the full name of the person who will assess it' });
        }
        if (!emailPattern.test(email)) {
          problems.push({
            field: 'assessor-email',
            message: 'Enter their email address in the correct format, like name@example.nhs.uk',
          });
        }
        choice = problems.length === 0 ? { kind: 'external', name, email } : null;
        break;
      }
    }
    this.submitted.emit({ choice, problems });
  }
}
