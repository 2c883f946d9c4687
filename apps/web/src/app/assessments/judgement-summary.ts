import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { AssessmentView, AssessorJudgement } from '@portfolio/contracts';

import { type ElementTitles, ratedItems } from './assessor-judgement';

/** An assessor's judgement as read afterwards: each rating, the overall judgement and the feedback. */
@Component({
  selector: 'app-judgement-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="nhsuk-summary-list">
      @for (row of ratings(); track row.key) {
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">{{ row.title }}</dt>
          <dd class="nhsuk-summary-list__value">{{ row.rating }}</dd>
        </div>
      }
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">{{ assessment().template.overallJudgement.label }}</dt>
        <dd class="nhsuk-summary-list__value">
          <strong>{{ overall() }}</strong>
        </dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">{{ assessment().template.feedback.label }}</dt>
        <dd class="nhsuk-summary-list__value app-pre-wrap">{{ judgement().feedback || 'None given' }}</dd>
      </div>
    </dl>
  `,
})
export class JudgementSummary {
  readonly assessment = input.required<AssessmentView>();
  readonly judgement = input.required<AssessorJudgement>();
  readonly elementTitles = input<ElementTitles>({});

  protected readonly ratings = computed(() => {
    const scale = this.assessment().template.ratingScale;
    const ratings = this.judgement().ratings;
    return ratedItems(this.assessment(), this.elementTitles()).map((item) => ({
      key: item.key,
      title: item.title,
      rating: scale.find((option) => option.id === ratings[item.key])?.title ?? 'Not rated',
    }));
  });
  protected readonly overall = computed(() => {
    const chosen = this.judgement().overallJudgement;
    return (
      this.assessment().template.overallJudgement.options.find((option) => option.id === chosen)?.title ?? 'Not given'
    );
  });
}
