import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { findPatientIdentifiers, patientIdentifierLabels } from '@portfolio/competency';

export interface PatientIdentifierFinding {
  /** "an NHS number" */
  kind: string;
  text: string;
  field: 'title' | 'body';
}

/** What in the title and body looks like it could identify a patient, in the order it appears. */
export function patientIdentifierFindings(title: string, body: string): PatientIdentifierFinding[] {
  const found = (text: string, field: 'title' | 'body') =>
    findPatientIdentifiers(text).map((match) => ({
      kind: patientIdentifierLabels[match.kind],
      text: match.text,
      field,
    }));
  return [...found(title, 'title'), ...found(body, 'body')];
}

/**
 * The NHS warning callout shown while the trainee writes, as soon as the text holds something
 * that looks like an NHS number, a date of birth or a hospital number. It sits in a live region,
 * so that a screen reader announces it when it appears.
 */
@Component({
  selector: 'app-patient-identifier-warning',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="polite">
      @if (findings().length > 0) {
        <div class="nhsuk-card nhsuk-card--warning app-patient-identifier-warning">
          <div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading nhsuk-heading-s">
              <span class="nhsuk-u-visually-hidden">Important: </span>This may identify a patient
            </h2>
            <p>Your portfolio must not identify patients. Remove or change these before you submit:</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
              @for (finding of findings(); track $index) {
                <li>
                  <span class="app-break-anywhere">“{{ finding.text }}”</span> looks like {{ finding.kind }} (in the
                  {{ finding.field }})
                </li>
              }
            </ul>
            <p class="nhsuk-u-margin-bottom-0">
              Describe patients by what matters to your learning, such as "a man in his 70s", not by numbers or dates
              that could identify them.
            </p>
          </div>
        </div>
      }
    </div>
  `,
})
export class PatientIdentifierWarning {
  readonly title = input('');
  readonly body = input('');

  protected readonly findings = computed(() => patientIdentifierFindings(this.title(), this.body()));
}
