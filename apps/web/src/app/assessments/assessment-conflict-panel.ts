import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterNextRender,
  computed,
  input,
  output,
  viewChild,
} from '@angular/core';

import type { AssessmentAnswer, AssessmentAnswers, AssessmentTemplateView, AssessmentView } from '@portfolio/contracts';

import { answersFor } from './assessment-answers';

function shown(answer: AssessmentAnswer | undefined): string {
  if (Array.isArray(answer)) {
    return answer.join(', ') || 'None';
  }
  return answer === null || answer === undefined || answer === '' ? 'None' : String(answer);
}

/**
 * Shown when the assessment was saved somewhere else after this editor last saved it: the
 * answers that differ, side by side, and the trainee chooses which version to keep.
 */
@Component({
  selector: 'app-assessment-conflict-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="nhsuk-error-summary app-conflict" aria-labelledby="conflict-heading" tabindex="-1" #panel>
      <h2 class="nhsuk-error-summary__heading" id="conflict-heading">This assessment was changed somewhere else</h2>
      <p>
        Someone, perhaps you in another tab or on another device, saved this assessment after you opened it. Your
        changes have not been saved. Compare what differs and choose which version to keep.
      </p>
      @for (difference of differences(); track difference.label) {
        <h3 class="nhsuk-heading-s">{{ difference.label }}</h3>
        <dl class="nhsuk-summary-list app-conflict__summary">
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Your version</dt>
            <dd class="nhsuk-summary-list__value app-conflict__body">{{ difference.mine }}</dd>
          </div>
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Saved elsewhere</dt>
            <dd class="nhsuk-summary-list__value app-conflict__body">{{ difference.current }}</dd>
          </div>
        </dl>
      } @empty {
        <p>The answers are the same; only the further evidence differs.</p>
      }
      <div class="app-button-group">
        <button class="nhsuk-button" type="button" (click)="keepMine.emit()">Keep my version</button>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="takeCurrent.emit()">
          Use the other version
        </button>
      </div>
    </section>
  `,
})
export class AssessmentConflictPanel {
  readonly template = input.required<AssessmentTemplateView>();
  readonly mine = input.required<AssessmentAnswers>();
  readonly current = input.required<AssessmentView>();
  readonly keepMine = output();
  readonly takeCurrent = output();

  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');

  protected readonly differences = computed(() => {
    const current = answersFor(this.template(), this.current().answers);
    const mine = this.mine();
    return this.template().sections.flatMap((section) =>
      section.fields
        .map((field) => ({
          label: section.fields.length === 1 ? section.title : `${section.title}: ${field.label}`,
          mine: shown(mine[section.id]?.[field.id]),
          current: shown(current[section.id]?.[field.id]),
        }))
        .filter((difference) => difference.mine !== difference.current),
    );
  });

  constructor() {
    // Like an error summary, it takes focus so that it is read out first.
    afterNextRender(() => this.panel().nativeElement.focus());
  }
}
