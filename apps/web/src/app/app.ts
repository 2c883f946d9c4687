import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, NavigationError, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map, take } from 'rxjs';

import { SIGN_IN_PATH } from './auth/return-path';
import { SessionStore } from './auth/session-store';
import { BreadcrumbTrail, Breadcrumbs } from './shared/breadcrumbs';
import { SERVICE_NAME } from './shared/page-title';

interface NavigationItem {
  label: string;
  link: string;
  /** aria-current: 'page' on the section's own page, 'true' on a page within it. */
  current: 'page' | 'true' | null;
}

@Component({
  selector: 'app-root',
  imports: [Breadcrumbs, RouterLink, RouterOutlet],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly serviceName = SERVICE_NAME;
  protected readonly breadcrumbs = inject(BreadcrumbTrail).crumbs;
  protected readonly session = inject(SessionStore);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  private readonly currentUrl = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((navigation) => navigation.urlAfterRedirects),
    ),
    { initialValue: null },
  );
  /** Null until the first page has opened. */
  private readonly currentPath = computed(() => this.currentUrl()?.split(/[?#]/)[0] ?? null);

  /** What the signed-in user's roles let them reach; hidden links are also refused by the API. */
  protected readonly navigation = computed<NavigationItem[]>(() => {
    const path = this.currentPath() ?? '';
    const item = (label: string, link: string, section: string): NavigationItem => ({
      label,
      link,
      current: path === link ? 'page' : path.startsWith(section) ? 'true' : null,
    });
    return [
      item('Frameworks', '/', '/frameworks/'),
      ...(this.session.hasPermission('evidence:write')
        ? [item('My progress', '/dashboard', '/dashboard/'), item('My evidence', '/evidence', '/evidence/')]
        : []),
      ...(this.session.hasPermission('trainees:read') ? [item('Trainees', '/trainees', '/trainees/')] : []),
      ...(this.session.hasPermission('cohort:read') ? [item('Cohort', '/cohort', '/cohort/')] : []),
      ...(this.session.hasPermission('elements:sign-off')
        ? [item('Supervision', '/supervision', '/supervision/')]
        : []),
      ...(this.session.hasPermission('assessments:request') || this.session.hasPermission('assessments:assess')
        ? [item('Assessments', '/assessments', '/assessments/')]
        : []),
      ...(this.session.hasPermission('users:manage') ? [item('Administration', '/admin', '/admin/')] : []),
    ];
  });

  /** The first navigation has shown its page, or failed (a chunk that would not load). */
  private readonly firstNavigationSettled = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd || event instanceof NavigationError),
      map(() => true),
      take(1),
    ),
    { initialValue: false },
  );
  /**
   * Below the header's top line, nothing shows until the first page and the signed-in user are
   * both known: what the navigation lists and the page's breadcrumbs then appear together, rather
   * than pushing down what was already on screen.
   */
  protected readonly pageReady = computed(() => this.firstNavigationSettled() && !this.session.loading());

  /** Nothing until the API has said who is signed in, and no "Sign in" link on the sign-in page. */
  protected readonly showAccountNavigation = computed(
    () => !this.session.loading() && (this.session.isSignedIn() || this.currentPath() !== SIGN_IN_PATH),
  );
  /** Signing in from the header comes back to the page it was started from. */
  protected readonly signInQueryParams = computed(() => {
    const url = this.currentUrl();
    return url && url !== '/' ? { returnUrl: url } : {};
  });

  constructor() {
    void this.session.ensureLoaded();
    this.moveFocusToNewPages();
  }

  protected async signOut(event: Event): Promise<void> {
    event.preventDefault();
    try {
      await this.session.signOut();
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { signedOut: 1 } });
    } catch (error: unknown) {
      // The API could not be reached, so the session goes on and the header still says so.
      console.error('Signing out failed', error);
    }
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
    effect(() => {
      const path = this.currentPath();
      if (path === null) {
        return;
      }
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
