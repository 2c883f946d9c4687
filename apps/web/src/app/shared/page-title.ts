import { DestroyRef, Injectable, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const SERVICE_NAME = 'Leadership portfolio';

/**
 * Titles read "<page> – Leadership portfolio". A route's `title` is used until
 * the page knows better (for example the name of the framework it loaded).
 */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly documentTitle = inject(Title);
  private routeTitle: string | undefined;
  private pageTitle: string | null = null;

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.routeTitle = this.buildTitle(snapshot);
    this.render();
  }

  setPageTitle(title: string | null): void {
    this.pageTitle = title;
    this.render();
  }

  private render(): void {
    const title = this.pageTitle ?? this.routeTitle;
    this.documentTitle.setTitle(title ? `${title} – ${SERVICE_NAME}` : SERVICE_NAME);
  }
}

/** Keeps the document title in step with a page's own title while the page is shown. */
export function usePageTitle(title: () => string | null): void {
  const titles = inject(PageTitleStrategy);
  effect(() => titles.setPageTitle(title()));
  inject(DestroyRef).onDestroy(() => titles.setPageTitle(null));
}
