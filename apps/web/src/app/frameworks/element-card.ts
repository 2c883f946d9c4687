import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { StageView } from '@portfolio/contracts';

import type { ElementAtStage } from './framework-views';

/** One element of a framework with the outcomes expected of it at the chosen stage. */
@Component({
  selector: 'app-element-card',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-card app-element-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-s">
          <a class="nhsuk-card__link" [routerLink]="['/frameworks', frameworkKey(), 'elements', item().element.key]">
            {{ item().element.code }} {{ item().element.title }}
          </a>
        </h3>
        <p class="nhsuk-card__description">{{ item().element.summary }}</p>
        <h4 class="nhsuk-heading-xs nhsuk-u-margin-top-4 nhsuk-u-margin-bottom-2">Outcomes for {{ stage().title }}</h4>
        <ul class="nhsuk-list nhsuk-list--bullet">
          @for (statement of item().statements; track $index) {
            <li>{{ statement }}</li>
          }
        </ul>
      </div>
    </div>
  `,
})
export class ElementCard {
  readonly frameworkKey = input.required<string>();
  readonly item = input.required<ElementAtStage>();
  readonly stage = input.required<StageView>();
}
