import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { type EvidenceVisibility, evidenceVisibilityLabels } from '@portfolio/contracts';

const explanations: Record<EvidenceVisibility, string> = {
  private: 'Nobody else can read it, not even your supervisor.',
  supervisor: 'Your educational supervisor can read it once you submit it. The progression panel cannot.',
  panel: 'Your educational supervisor and the progression panel at your deanery can read it once you submit it.',
};

/** NHS radios for who may read the item, each explained. */
@Component({
  selector: 'app-visibility-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group">
      <fieldset class="nhsuk-fieldset" aria-describedby="visibility-hint">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Who can read it</legend>
        <div class="nhsuk-hint" id="visibility-hint">
          Reflections start private. You can share them when you are ready.
        </div>
        <div class="nhsuk-radios">
          @for (option of options; track option.value) {
            <div class="nhsuk-radios__item">
              <input
                class="nhsuk-radios__input"
                type="radio"
                name="visibility"
                [id]="'visibility-' + option.value"
                [value]="option.value"
                [checked]="option.value === value()"
                [attr.aria-describedby]="'visibility-' + option.value + '-hint'"
                (change)="valueChange.emit(option.value)"
              />
              <label class="nhsuk-label nhsuk-radios__label" [for]="'visibility-' + option.value">
                {{ option.label }}
              </label>
              <div class="nhsuk-hint nhsuk-radios__hint" [id]="'visibility-' + option.value + '-hint'">
                {{ option.explanation }}
              </div>
            </div>
          }
        </div>
      </fieldset>
    </div>
  `,
})
export class VisibilityField {
  readonly value = input.required<EvidenceVisibility>();
  readonly valueChange = output<EvidenceVisibility>();

  protected readonly options = (Object.keys(explanations) as EvidenceVisibility[]).map((value) => ({
    value,
    label: evidenceVisibilityLabels[value],
    explanation: explanations[value],
  }));
}
