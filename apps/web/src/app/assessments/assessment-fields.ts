import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type {
  AssessmentAnswer,
  AssessmentAnswers,
  AssessmentSectionView,
  AssessmentTemplateView,
} from '@portfolio/contracts';

import type { PickableElement } from '../evidence/element-search';
import { FieldErrorPipe, type FormProblem } from '../shared/form-problems';
import { AnswerField } from './answer-field';
import { answerInputId } from './assessment-answers';

export interface AnswerChange {
  sectionId: string;
  fieldId: string;
  answer: AssessmentAnswer;
}

/** The trainee's part of an assessment: the template's sections in order, each with its fields. */
@Component({
  selector: 'app-assessment-fields',
  imports: [AnswerField, FieldErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (section of template().sections; track section.id) {
      <div class="app-assessment-section">
        @if (soleField(section); as field) {
          @let id = inputIdOf(section.id, field.id);
          <app-answer-field
            [field]="field"
            [inputId]="id"
            [asHeading]="true"
            [hint]="section.help ?? field.help ?? null"
            [value]="answers()[section.id]?.[field.id]"
            [error]="problems() | fieldError: id"
            [elements]="elements()"
            (answerChange)="answerChange.emit({ sectionId: section.id, fieldId: field.id, answer: $event })"
          />
        } @else {
          <h2 class="nhsuk-heading-m">{{ section.title }}</h2>
          @if (section.help) {
            <p class="nhsuk-hint">{{ section.help }}</p>
          }
          @for (field of section.fields; track field.id) {
            @let id = inputIdOf(section.id, field.id);
            <app-answer-field
              [field]="field"
              [inputId]="id"
              [hint]="field.help ?? null"
              [value]="answers()[section.id]?.[field.id]"
              [error]="problems() | fieldError: id"
              [elements]="elements()"
              (answerChange)="answerChange.emit({ sectionId: section.id, fieldId: field.id, answer: $event })"
            />
          }
        }
      </div>
    }
  `,
})
export class AssessmentFields {
  readonly template = input.required<AssessmentTemplateView>();
  readonly answers = input.required<AssessmentAnswers>();
  readonly problems = input<readonly FormProblem[]>([]);
  readonly elements = input<readonly PickableElement[]>([]);
  readonly answerChange = output<AnswerChange>();

  protected readonly inputIdOf = answerInputId;

  /** A section with one field named like the section shows just the field, its label set as the heading. */
  protected soleField(section: AssessmentSectionView) {
    const [field] = section.fields;
    return section.fields.length === 1 && field.label === section.title ? field : null;
  }
}
