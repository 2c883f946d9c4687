import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * An NHS text input with its label, hint and error message. The input's id is also its
 * name, so the form it sits in reads it with FormData and the error summary can link to it.
 */
@Component({
  selector: 'app-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error()">
      <label class="nhsuk-label" [for]="fieldId()">{{ label() }}</label>
      @if (hint(); as hint) {
        <div class="nhsuk-hint" [id]="fieldId() + '-hint'">{{ hint }}</div>
      }
      @if (error(); as error) {
        <span class="nhsuk-error-message" [id]="fieldId() + '-error'">
          <span class="nhsuk-u-visually-hidden">Error:</span> {{ error }}
        </span>
      }
      <input
        [class]="inputClasses()"
        [id]="fieldId()"
        [name]="fieldId()"
        [type]="type()"
        [value]="value()"
        [attr.autocomplete]="autocomplete()"
        [attr.inputmode]="inputMode()"
        [attr.spellcheck]="spellcheck()"
        [attr.aria-describedby]="describedBy()"
      />
    </div>
  `,
})
export class TextField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly type = input<'text' | 'email' | 'password' | 'search' | 'date'>('text');
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  /** The value the field starts with; after that the input keeps what is typed. */
  readonly value = input('');
  readonly autocomplete = input<string | null>(null);
  readonly inputMode = input<'text' | 'numeric' | 'email' | null>(null);
  readonly spellcheck = input<boolean | null>(null);
  /** An NHS width class such as `nhsuk-input--width-10`; full width by default. */
  readonly width = input<string | null>(null);

  protected readonly inputClasses = computed(() =>
    ['nhsuk-input', this.width(), this.error() ? 'nhsuk-input--error' : null].filter(Boolean).join(' '),
  );
  protected readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.fieldId()}-hint` : null, this.error() ? `${this.fieldId()}-error` : null]
        .filter(Boolean)
        .join(' ') || null,
  );
}
