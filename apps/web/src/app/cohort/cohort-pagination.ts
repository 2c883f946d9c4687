import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { pageLinks } from './cohort-query';

/**
 * NHS numbered pagination. Each link changes only the page in the address, keeping the
 * filters and the order, so the browser's back button goes back a page.
 */
@Component({
  selector: 'app-cohort-pagination',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (count() > 1) {
      <nav class="nhsuk-pagination nhsuk-pagination--numbered" aria-label="Pages of the cohort">
        @if (current() > 1) {
          <a
            class="nhsuk-pagination__previous"
            rel="prev"
            routerLink="."
            [queryParams]="pageParams(current() - 1)"
            queryParamsHandling="merge"
          >
            <svg
              class="nhsuk-icon nhsuk-icon--arrow-left"
              viewBox="0 0 24 24"
              width="16"
              height="16"
              aria-hidden="true"
            >
              <path [attr.d]="arrowLeft" />
            </svg>
            <span class="nhsuk-pagination__title">Previous<span class="nhsuk-u-visually-hidden"> page</span></span>
          </a>
        }
        <ul class="nhsuk-pagination__list">
          @for (link of links(); track $index) {
            @if (link === null) {
              <li class="nhsuk-pagination__item nhsuk-pagination__item--ellipsis">&ctdot;</li>
            } @else {
              <li class="nhsuk-pagination__item" [class.nhsuk-pagination__item--current]="link === current()">
                <a
                  class="nhsuk-pagination__link"
                  routerLink="."
                  [queryParams]="pageParams(link)"
                  queryParamsHandling="merge"
                  [attr.aria-label]="'Page ' + link"
                  [attr.aria-current]="link === current() ? 'page' : null"
                  >{{ link }}</a
                >
              </li>
            }
          }
        </ul>
        @if (current() < count()) {
          <a
            class="nhsuk-pagination__next"
            rel="next"
            routerLink="."
            [queryParams]="pageParams(current() + 1)"
            queryParamsHandling="merge"
          >
            <span class="nhsuk-pagination__title">Next<span class="nhsuk-u-visually-hidden"> page</span></span>
            <svg
              class="nhsuk-icon nhsuk-icon--arrow-right"
              viewBox="0 0 24 24"
              width="16"
              height="16"
              aria-hidden="true"
            >
              <path [attr.d]="arrowRight" />
            </svg>
          </a>
        }
      </nav>
    }
  `,
})
export class CohortPagination {
  readonly current = input.required<number>();
  readonly count = input.required<number>();

  protected readonly links = computed(() => pageLinks(this.current(), this.count()));
  // NHS.UK frontend's arrow icons.
  protected readonly arrowLeft =
    'M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z';
  protected readonly arrowRight =
    'm14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z';

  /** The first page has no number in the address. */
  protected pageParams(page: number): { page: number | null } {
    return { page: page > 1 ? page : null };
  }
}
