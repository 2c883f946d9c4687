import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** What the framework and element pages show when the API has no framework with the key. */
@Component({
  selector: 'app-framework-not-found',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Framework not found</h1>
        <p>There is no framework with the key “{{ frameworkKey() }}”.</p>
        <p>
          If you typed the web address, check it is correct. You can also
          <a routerLink="/">choose a framework from the home page</a>.
        </p>
      </div>
    </div>
  `,
})
export class FrameworkNotFound {
  readonly frameworkKey = input.required<string>();
}
