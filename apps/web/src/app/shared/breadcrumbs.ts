import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injectable,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { type Params, RouterLink } from '@angular/router';

export interface Breadcrumb {
  label: string;
  link: string[];
  queryParams?: Params;
}

/**
 * The trail of pages above the current one. Pages set it; the shell shows it
 * above the main landmark, where the NHS page template puts breadcrumbs.
 */
@Injectable({ providedIn: 'root' })
export class BreadcrumbTrail {
  private readonly trail = signal<Breadcrumb[]>([]);
  readonly crumbs = this.trail.asReadonly();

  set(crumbs: Breadcrumb[]): void {
    this.trail.set(crumbs);
  }
}

/** Shows the given trail while the calling page is on screen. */
export function useBreadcrumbs(crumbs: () => Breadcrumb[]): void {
  const trail = inject(BreadcrumbTrail);
  effect(() => trail.set(crumbs()));
  inject(DestroyRef).onDestroy(() => trail.set([]));
}

@Component({
  selector: 'app-breadcrumbs',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (parent(); as parent) {
      <nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">
        <ol class="nhsuk-breadcrumb__list">
          @for (crumb of crumbs(); track $index) {
            <li class="nhsuk-breadcrumb__list-item">
              <a class="nhsuk-breadcrumb__link" [routerLink]="crumb.link" [queryParams]="crumb.queryParams">
                {{ crumb.label }}
              </a>
            </li>
          }
        </ol>
        <!-- Phones show only a link back to the page above. -->
        <a class="nhsuk-back-link" [routerLink]="parent.link" [queryParams]="parent.queryParams">
          <span class="nhsuk-u-visually-hidden">Back to </span>{{ parent.label }}
        </a>
      </nav>
    }
  `,
})
export class Breadcrumbs {
  readonly crumbs = input.required<Breadcrumb[]>();
  protected readonly parent = computed(() => this.crumbs().at(-1) ?? null);
}
