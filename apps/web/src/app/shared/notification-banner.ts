import { ChangeDetectionStrategy, Component, input } from '@angular/core';

let nextBannerId = 0;

/** The NHS notification banner: news about the page, or (success) about what the user just did. */
@Component({
  selector: 'app-notification-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="nhsuk-notification-banner"
      [class.nhsuk-notification-banner--success]="success()"
      [attr.role]="success() ? 'alert' : 'region'"
      [attr.aria-labelledby]="titleId"
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" [id]="titleId">{{ success() ? 'Success' : 'Important' }}</h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        <p class="nhsuk-notification-banner__heading">{{ heading() }}</p>
        <ng-content />
      </div>
    </div>
  `,
})
export class NotificationBanner {
  readonly heading = input.required<string>();
  readonly success = input(false);
  protected readonly titleId = `notification-banner-title-${nextBannerId++}`;
}
