import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { StageView } from '@portfolio/contracts';

/** NHS radios for the stage whose outcomes the framework page shows. */
@Component({
  selector: 'app-stage-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group">
      <fieldset class="nhsuk-fieldset" aria-describedby="stage-hint">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 class="nhsuk-fieldset__heading">Stage</h2>
        </legend>
        <div class="nhsuk-hint" id="stage-hint">Show what is expected of a doctor at this stage</div>
        <div class="nhsuk-radios nhsuk-radios--inline">
          @for (stage of stages(); track stage.key) {
            <div class="nhsuk-radios__item">
              <input
                class="nhsuk-radios__input"
                type="radio"
                name="stage"
                [id]="'stage-' + stage.key"
                [value]="stage.key"
                [checked]="stage.key === selectedStageKey()"
                (change)="stageChange.emit(stage.key)"
              />
              <label class="nhsuk-label nhsuk-radios__label" [for]="'stage-' + stage.key">{{ stage.title }}</label>
            </div>
          }
        </div>
      </fieldset>
    </div>
  `,
})
export class StagePicker {
  readonly stages = input.required<StageView[]>();
  readonly selectedStageKey = input.required<string>();
  readonly stageChange = output<string>();
}
