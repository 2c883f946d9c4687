import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import { markdownPreviewHtml } from './markdown-preview';

type BodyTab = 'write' | 'preview';

/** The item's Markdown body, with a tab that previews how it will read. */
@Component({
  selector: 'app-evidence-body-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error()">
      <label class="nhsuk-label nhsuk-label--s" for="body">{{ label() }}</label>
      <div class="nhsuk-hint" id="body-hint">
        A blank line starts a new paragraph. You can write **bold**, *italic*, and lists with a dash at the start of
        each line.
      </div>
      @if (error(); as error) {
        <span class="nhsuk-error-message" id="body-error">
          <span class="nhsuk-u-visually-hidden">Error:</span> {{ error }}
        </span>
      }
      <div class="app-tabs">
        <div class="app-tabs__list" role="tablist" aria-label="Write or preview">
          @for (tab of tabs; track tab.id) {
            <button
              class="app-tabs__tab"
              type="button"
              role="tab"
              [id]="'body-tab-' + tab.id"
              [attr.aria-selected]="selected() === tab.id"
              [attr.aria-controls]="'body-panel-' + tab.id"
              [attr.tabindex]="selected() === tab.id ? 0 : -1"
              (click)="select(tab.id)"
              (keydown.arrowRight)="select(otherThan(tab.id), $event)"
              (keydown.arrowLeft)="select(otherThan(tab.id), $event)"
            >
              {{ tab.label }}
            </button>
          }
        </div>
        <div
          class="app-tabs__panel"
          id="body-panel-write"
          role="tabpanel"
          aria-labelledby="body-tab-write"
          [hidden]="selected() !== 'write'"
        >
          <textarea
            #textarea
            class="nhsuk-textarea app-evidence-body"
            id="body"
            name="body"
            rows="12"
            maxlength="100000"
            [class.nhsuk-textarea--error]="error()"
            [attr.aria-describedby]="error() ? 'body-hint body-error' : 'body-hint'"
            [value]="value()"
            (input)="valueChange.emit(textarea.value)"
          ></textarea>
        </div>
        <div
          class="app-tabs__panel app-evidence-preview"
          id="body-panel-preview"
          role="tabpanel"
          aria-labelledby="body-tab-preview"
          tabindex="0"
          [hidden]="selected() !== 'preview'"
        >
          @if (selected() === 'preview') {
            @if (previewHtml()) {
              <div class="app-markdown" [innerHTML]="previewHtml()"></div>
            } @else {
              <p class="nhsuk-u-secondary-text-colour">Nothing written yet.</p>
            }
          }
        </div>
      </div>
    </div>
  `,
})
export class EvidenceBodyField {
  readonly value = input.required<string>();
  readonly label = input('Description');
  readonly error = input<string | null>(null);
  readonly valueChange = output<string>();

  protected readonly tabs: { id: BodyTab; label: string }[] = [
    { id: 'write', label: 'Write' },
    { id: 'preview', label: 'Preview' },
  ];
  protected readonly selected = signal<BodyTab>('write');
  protected readonly previewHtml = computed(() =>
    this.selected() === 'preview' ? markdownPreviewHtml(this.value()) : '',
  );

  protected otherThan(tab: BodyTab): BodyTab {
    return tab === 'write' ? 'preview' : 'write';
  }

  /** Arrow keys move between tabs and take focus with them, as a tab list does. */
  protected select(tab: BodyTab, event?: Event): void {
    this.selected.set(tab);
    if (event) {
      event.preventDefault();
      document.getElementById(`body-tab-${tab}`)?.focus();
    }
  }
}
