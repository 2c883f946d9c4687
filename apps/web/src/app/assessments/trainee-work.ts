import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type {
  AssessmentAnswer,
  AssessmentAnswers,
  AssessmentFieldView,
  AssessmentSectionView,
} from '@portfolio/contracts';

import { markdownPreviewHtml } from '../evidence/markdown-preview';
import { isBlank, listOf, textOf } from './assessment-answers';
import type { ElementTitles } from './assessor-judgement';

/** One answer as the trainee gave it; Markdown is rendered as the editor previews it, with everything escaped. */
@Component({
  selector: 'app-answer-view',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let field = this.field();
    @if (blank()) {
      <p class="nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">Not answered</p>
    } @else {
      @switch (field.type) {
        @case ('markdown') {
          <div class="app-markdown" [innerHTML]="markdownHtml()"></div>
        }
        @case ('date') {
          <p class="nhsuk-u-margin-bottom-0">{{ text() | date: 'd MMMM y' : 'UTC' }}</p>
        }
        @case ('select') {
          <p class="nhsuk-u-margin-bottom-0">{{ optionTitle() }}</p>
        }
        @case ('elements') {
          <ul class="nhsuk-list nhsuk-u-margin-bottom-0">
            @for (key of elementKeys(); track key) {
              <li class="nhsuk-u-margin-bottom-1">
                <strong>{{ key }}</strong> {{ elementTitles()[key] ?? '' }}
              </li>
            }
          </ul>
        }
        @default {
          <p class="nhsuk-u-margin-bottom-0 app-break-anywhere">{{ text() }}</p>
        }
      }
    }
  `,
})
export class AnswerView {
  readonly field = input.required<AssessmentFieldView>();
  readonly answer = input.required<AssessmentAnswer | undefined>();
  readonly elementTitles = input<ElementTitles>({});

  protected readonly blank = computed(() => isBlank(this.answer()));
  protected readonly text = computed(() => textOf(this.answer()));
  protected readonly elementKeys = computed(() => listOf(this.answer()));
  protected readonly markdownHtml = computed(() => markdownPreviewHtml(this.text()));
  protected readonly optionTitle = computed(
    () => this.field().options?.find((option) => option.id === this.text())?.title ?? this.text(),
  );
}

/**
 * The trainee's part, section by section. A section of one field shows just its answer under the
 * section's title; a section of several lists them.
 */
@Component({
  selector: 'app-trainee-work',
  imports: [AnswerView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (section of shownSections(); track section.id) {
      <section class="app-work-section" [attr.aria-labelledby]="'work-' + section.id">
        <h3 class="nhsuk-heading-s" [id]="'work-' + section.id">{{ section.title }}</h3>
        @if (section.fields.length === 1) {
          <app-answer-view
            [field]="section.fields[0]"
            [answer]="answers()[section.id]?.[section.fields[0].id]"
            [elementTitles]="elementTitles()"
          />
        } @else {
          <dl class="nhsuk-summary-list app-work-section__list">
            @for (field of section.fields; track field.id) {
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{{ field.label }}</dt>
                <dd class="nhsuk-summary-list__value">
                  <app-answer-view
                    [field]="field"
                    [answer]="answers()[section.id]?.[field.id]"
                    [elementTitles]="elementTitles()"
                  />
                </dd>
              </div>
            }
          </dl>
        }
      </section>
    }
  `,
})
export class TraineeWork {
  readonly sections = input.required<readonly AssessmentSectionView[]>();
  readonly answers = input.required<AssessmentAnswers>();
  /** Sections shown elsewhere, such as beside the criterion that judges them. */
  readonly omit = input<ReadonlySet<string>>(new Set());
  readonly elementTitles = input<ElementTitles>({});

  protected readonly shownSections = computed(() => this.sections().filter((section) => !this.omit().has(section.id)));
}
