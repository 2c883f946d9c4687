import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

import { CountPipe } from '../shared/count.pipe';
import { type PickableElement, searchElements } from './element-search';
import type { DraftLink } from './evidence-draft';

/**
 * Finds framework elements by number ("4.2") or words ("evaluat") among those that apply at the
 * chosen stage, and lists the ones linked, each with an optional note on what it shows.
 */
@Component({
  selector: 'app-element-picker',
  imports: [CountPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group app-element-picker">
      <label class="nhsuk-label nhsuk-label--s" for="element-search">Find an element to link</label>
      <div class="nhsuk-hint" id="element-search-hint">
        Type its number, such as 4.2, or words from its title, such as evaluating. You can link several.
      </div>
      <input
        #search
        class="nhsuk-input"
        id="element-search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="element-search-hint element-search-status"
        [attr.aria-controls]="results().length > 0 ? 'element-search-results' : null"
        [value]="query()"
        (input)="query.set(search.value)"
      />
      <p class="nhsuk-body-s app-element-picker__status" id="element-search-status" role="status">
        @if (query().trim()) {
          @if (results().length > 0) {
            {{ results().length | count: 'element matches' : 'elements match' }}
          } @else {
            No element at this stage matches “{{ query().trim() }}”.
          }
        } @else if (announcement()) {
          {{ announcement() }}
        }
      </p>
      @if (results().length > 0) {
        <ul class="nhsuk-list app-element-results" id="element-search-results">
          @for (element of results(); track element.key) {
            <li class="app-element-results__item">
              <span class="app-element-results__name">
                <strong>{{ element.code }}</strong> {{ element.title }}
                @if (element.domainTitle) {
                  <span class="nhsuk-body-s app-element-results__domain">{{ element.domainTitle }}</span>
                }
              </span>
              <button
                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-element-results__add"
                type="button"
                (click)="addElement(element)"
              >
                Add<span class="nhsuk-u-visually-hidden"> {{ element.code }} {{ element.title }}</span>
              </button>
            </li>
          }
        </ul>
      }
    </div>

    <h3 class="nhsuk-heading-s">Linked elements</h3>
    @if (links().length === 0) {
      <p>No elements linked yet.</p>
    } @else {
      <ul class="nhsuk-list app-linked-elements">
        @for (link of links(); track link.elementKey + '@' + link.stageKey; let index = $index) {
          <li class="app-linked-elements__item">
            <p class="nhsuk-u-margin-bottom-2">
              <strong>{{ link.elementCode }}</strong> {{ link.elementTitle }}
              <span class="nhsuk-body-s app-linked-elements__stage">({{ stageTitle(link.stageKey) }})</span>
            </p>
            <div class="nhsuk-form-group nhsuk-u-margin-bottom-2">
              <label class="nhsuk-label nhsuk-body-s" [for]="'link-note-' + index">
                What does it show for {{ link.elementCode }}? (optional)
              </label>
              <input
                #note
                class="nhsuk-input"
                type="text"
                maxlength="500"
                [id]="'link-note-' + index"
                [value]="link.note"
                (input)="noteChange.emit({ index, note: note.value })"
              />
            </div>
            <button
              class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
              type="button"
              (click)="removeLink(index, link)"
            >
              Remove<span class="nhsuk-u-visually-hidden"> {{ link.elementCode }} {{ link.elementTitle }}</span>
            </button>
          </li>
        }
      </ul>
    }
  `,
})
export class ElementPicker {
  /** The elements that apply at the chosen stage. */
  readonly elements = input.required<readonly PickableElement[]>();
  readonly stageKey = input.required<string>();
  readonly stageTitles = input<Readonly<Record<string, string>>>({});
  readonly links = input.required<readonly DraftLink[]>();

  readonly linkAdded = output<DraftLink>();
  readonly linkRemoved = output<number>();
  readonly noteChange = output<{ index: number; note: string }>();

  protected readonly query = signal('');
  /** What just happened, for screen readers, once the results have gone. */
  protected readonly announcement = signal('');
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('search');

  /** Matches not already linked at this stage. */
  protected readonly results = computed(() => {
    const linked = new Set(
      this.links()
        .filter((link) => link.stageKey === this.stageKey())
        .map((link) => link.elementKey),
    );
    return searchElements(
      this.elements().filter((element) => !linked.has(element.key)),
      this.query(),
    );
  });

  protected stageTitle(stageKey: string): string {
    return this.stageTitles()[stageKey] ?? stageKey;
  }

  protected addElement(element: PickableElement): void {
    this.linkAdded.emit({
      elementKey: element.key,
      stageKey: this.stageKey(),
      note: '',
      elementCode: element.code,
      elementTitle: element.title,
    });
    this.query.set('');
    this.announcement.set(`Linked ${element.code} ${element.title}.`);
    // The button pressed has gone with the results: carry on from the search box.
    this.searchInput().nativeElement.focus();
  }

  protected removeLink(index: number, link: DraftLink): void {
    this.linkRemoved.emit(index);
    this.announcement.set(`Removed ${link.elementCode} ${link.elementTitle}.`);
    this.searchInput().nativeElement.focus();
  }
}
