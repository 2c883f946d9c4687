import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** What a page shows in place of its content when the API fails or cannot be reached. */
@Component({
  selector: 'app-service-problem',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Sorry, there is a problem with the service</h1>
        <div class="nhsuk-error-summary" role="alert">
          <h2 class="nhsuk-error-summary__heading">{{ whatFailed() }}</h2>
          <div class="nhsuk-error-summary__body">
            <p>Check your connection and try again. If it still does not work, try again later.</p>
          </div>
        </div>
        <button class="nhsuk-button" type="button" (click)="retry.emit()">Try again</button>
      </div>
    </div>
  `,
})
export class ServiceProblem {
  /** For example "The framework could not be loaded". */
  readonly whatFailed = input.required<string>();
  readonly retry = output();
}
