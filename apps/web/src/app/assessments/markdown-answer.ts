import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import { markdownPreviewHtml } from '../evidence/markdown-preview';

type MarkdownTab = 'write' | 'preview';

/**
 * A Markdown answer with a tab that previews how it will read, as the evidence editor's body
 * has; ids come from the field, since a template may have many of these on one page.
 */
@Component({
  selector: 'app-markdown-answer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="app-tabs">
      <div class="app-tabs__list" role="tablist" aria-label="Write or preview">
        @for (tab of tabs; track tab.id) {
          <button
            class="app-tabs__tab"
            type="button"
            role="tab"
            [id]="inputId() + '-tab-' + tab.id"
            [attr.aria-selected]="selected() === tab.id"
            [attr.aria-controls]="inputId() + '-panel-' + tab.id"
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
        role="tabpanel"
        [id]="inputId() + '-panel-write'"
        [attr.aria-labelledby]="inputId() + '-tab-write'"
        [hidden]="selected() !== 'write'"
      >
        <textarea
          #textarea
          class="nhsuk-textarea app-evidence-body"
          rows="8"
          [id]="inputId()"
          [name]="inputId()"
          [attr.maxlength]="maxLength()"
          [class.nhsuk-textarea--error]="invalid()"
          [attr.aria-describedby]="describedBy()"
          [value]="value()"
          (input)="valueChange.emit(textarea.value)"
        ></textarea>
      </div>
      <div
        class="app-tabs__panel app-evidence-preview"
        role="tabpanel"
        tabindex="0"
        [id]="inputId() + '-panel-preview'"
        [attr.aria-labelledby]="inputId() + '-tab-preview'"
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
  `,
})
export class MarkdownAnswer {
  readonly inputId = input.required<string>();
  readonly value = input.required<string>();
  readonly maxLength = input<number | null>(null);
  readonly invalid = input(false);
  readonly describedBy = input<string | null>(null);
  readonly valueChange = output<string>();

  protected readonly tabs: { id: MarkdownTab; label: string }[] = [
    { id: 'write', label: 'Write' },
    { id: 'preview', label: 'Preview' },
  ];
  protected readonly selected = signal<MarkdownTab>('write');
  protected readonly previewHtml = computed(() =>
    this.selected() === 'preview' ? markdownPreviewHtml(this.value()) : '',
  );

  protected otherThan(tab: MarkdownTab): MarkdownTab {
    return tab === 'write' ? 'preview' : 'write';
  }

  /** Arrow keys move between tabs and take focus with them, as a tab list does. */
  protected select(tab: MarkdownTab, event?: Event): void {
    this.selected.set(tab);
    if (event) {
      event.preventDefault();
      document.getElementById(`${this.inputId()}-tab-${tab}`)?.focus();
    }
  }
}
