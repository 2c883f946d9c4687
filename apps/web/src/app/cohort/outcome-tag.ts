import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { arcpOutcome } from '@portfolio/contracts';

/** NHS tag colours by what an outcome asks of the deanery: nothing, attention or action. */
const outcomeTagColours: Record<string, string> = {
  '1': 'green',
  '6': 'green',
  '7.1': 'green',
  '2': 'yellow',
  '7.2': 'yellow',
  '5': 'orange',
  '7.4': 'orange',
  '3': 'red',
  '4': 'red',
  '7.3': 'red',
};

/**
 * An ARCP outcome as its code in a tag, short enough for a table, with its title in words for
 * screen readers; `showTitle` writes the title out for everyone where there is room.
 */
@Component({
  selector: 'app-outcome-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <strong [class]="tagClass()"><span class="nhsuk-u-visually-hidden">Outcome </span>{{ code() }}</strong>
    @if (showTitle()) {
      <span class="nhsuk-u-visually-hidden">: </span><span class="app-outcome-title">{{ title() }}</span>
    } @else {
      <span class="nhsuk-u-visually-hidden">: {{ title() }}</span>
    }
  `,
})
export class OutcomeTag {
  readonly code = input.required<string>();
  readonly showTitle = input(false);

  protected readonly title = computed(() => arcpOutcome(this.code())?.title ?? 'Unknown outcome');
  protected readonly tagClass = computed(
    () => `nhsuk-tag nhsuk-tag--${outcomeTagColours[this.code()] ?? 'grey'} app-outcome-tag`,
  );
}
