import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';

import type { FormProblem } from './form-problems';

/**
 * The NHS error summary: what is wrong with the form, each problem linking to its field.
 * It takes focus when it appears, so that screen readers read it out first.
 */
@Component({
  selector: 'app-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length > 0) {
      <div class="nhsuk-error-summary" tabindex="-1" #summary>
        <div role="alert">
          <h2 class="nhsuk-error-summary__heading">{{ heading() }}</h2>
          <div class="nhsuk-error-summary__body">
            <ul class="nhsuk-list nhsuk-error-summary__list">
              @for (problem of problems(); track $index) {
                <li>
                  @if (problem.field; as field) {
                    <a [href]="'#' + field" (click)="focusField($event, field)">{{ problem.message }}</a>
                  } @else {
                    {{ problem.message }}
                  }
                </li>
              }
            </ul>
            <ng-content />
          </div>
        </div>
      </div>
    }
  `,
})
export class ErrorSummary {
  readonly problems = input.required<readonly FormProblem[]>();
  readonly heading = input('There is a problem');

  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');
  private readonly injector = inject(Injector);

  constructor() {
    effect(() => {
      if (this.problems().length > 0) {
        afterNextRender(() => this.summary()?.nativeElement.focus(), { injector: this.injector });
      }
    });
  }

  /** "#field" would resolve against <base href="/">, so the link moves focus itself. */
  protected focusField(event: Event, field: string): void {
    event.preventDefault();
    document.getElementById(field)?.focus();
  }
}
