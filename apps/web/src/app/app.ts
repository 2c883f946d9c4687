import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  Injector,
  afterNextRender,
  inject,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';

import { BreadcrumbTrail, Breadcrumbs } from './shared/breadcrumbs';
import { SERVICE_NAME } from './shared/page-title';

@Component({
  selector: 'app-root',
  imports: [Breadcrumbs, RouterLink, RouterOutlet],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly serviceName = SERVICE_NAME;
  protected readonly breadcrumbs = inject(BreadcrumbTrail).crumbs;
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  constructor() {
    this.moveFocusToNewPages();
  }

  /**
   * The skip link's "#maincontent" would resolve against <base href="/"> and
   * load the home page, so the link moves focus itself.
   */
  protected skipToMainContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /**
   * After a change of page (not of query parameters, such as the chosen
   * stage) put the reader at the top of the new page, as a full page load
   * would, so that screen readers announce the new content.
   */
  private moveFocusToNewPages(): void {
    let previousPath: string | null = null;
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((navigation) => {
        const path = navigation.urlAfterRedirects.split(/[?#]/)[0];
        const isNewPage = previousPath !== null && path !== previousPath;
        previousPath = path;
        if (isNewPage) {
          afterNextRender(
            () => {
              window.scrollTo(0, 0);
              this.main().nativeElement.focus({ preventScroll: true });
            },
            { injector: this.injector },
          );
        }
      });
  }
}
