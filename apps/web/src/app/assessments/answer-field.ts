import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { AssessmentAnswer, AssessmentFieldView } from '@portfolio/contracts';

import type { PickableElement } from '../evidence/element-search';
import { listOf, numberAnswer, textOf } from './assessment-answers';
import { MarkdownAnswer } from './markdown-answer';

/**
 * One field of a template, as the NHS input its type calls for. A field that is its section's
 * only one carries the section's title as its label, set as a heading.
 */
@Component({
  selector: 'app-answer-field',
  imports: [MarkdownAnswer, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let field = this.field();
    @let id = inputId();
    <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error()">
      @switch (field.type) {
        @case ('select') {
          <fieldset class="nhsuk-fieldset" [attr.aria-describedby]="describedBy()">
            <legend class="nhsuk-fieldset__legend" [class]="legendClass()">
              @if (asHeading()) {
                <h2 class="nhsuk-fieldset__heading">{{ field.label }}</h2>
              } @else {
                {{ field.label }}{{ field.required ? '' : ' (optional)' }}
              }
            </legend>
            <ng-container [ngTemplateOutlet]="hintAndError" />
            <div class="nhsuk-radios">
              @for (option of field.options ?? []; track option.id; let first = $first) {
                <div class="nhsuk-radios__item">
                  <input
                    #radio
                    class="nhsuk-radios__input"
                    type="radio"
                    [id]="first ? id : id + '-' + option.id"
                    [name]="id"
                    [value]="option.id"
                    [checked]="value() === option.id"
                    (change)="answerChange.emit(radio.value)"
                  />
                  <label class="nhsuk-label nhsuk-radios__label" [for]="first ? id : id + '-' + option.id">
                    {{ option.title }}
                  </label>
                  @if (option.description) {
                    <div class="nhsuk-hint nhsuk-radios__hint">{{ option.description }}</div>
                  }
                </div>
              }
            </div>
          </fieldset>
        }
        @case ('elements') {
          <fieldset class="nhsuk-fieldset" [attr.aria-describedby]="describedBy()">
            <legend class="nhsuk-fieldset__legend" [class]="legendClass()">
              @if (asHeading()) {
                <h2 class="nhsuk-fieldset__heading">{{ field.label }}</h2>
              } @else {
                {{ field.label }}{{ field.required ? '' : ' (optional)' }}
              }
            </legend>
            <ng-container [ngTemplateOutlet]="hintAndError" />
            @if (elements().length === 0) {
              <p role="status">Loading the framework’s elements…</p>
            }
            <div class="nhsuk-checkboxes app-element-checkboxes">
              @for (element of elements(); track element.key; let first = $first) {
                <div class="nhsuk-checkboxes__item">
                  <input
                    #checkbox
                    class="nhsuk-checkboxes__input"
                    type="checkbox"
                    [id]="first ? id : id + '-' + element.key"
                    [name]="id"
                    [value]="element.key"
                    [checked]="chosenElements().has(element.key)"
                    (change)="toggleElement(element.key, checkbox.checked)"
                  />
                  <label class="nhsuk-label nhsuk-checkboxes__label" [for]="first ? id : id + '-' + element.key">
                    <strong>{{ element.code }}</strong> {{ element.title }}
                  </label>
                </div>
              }
            </div>
          </fieldset>
        }
        @default {
          @if (asHeading()) {
            <h2 class="nhsuk-label-wrapper">
              <label class="nhsuk-label nhsuk-label--m" [for]="id">{{ field.label }}</label>
            </h2>
          } @else {
            <label class="nhsuk-label nhsuk-label--s" [for]="id">
              {{ field.label }}{{ field.required ? '' : ' (optional)' }}
            </label>
          }
          <ng-container [ngTemplateOutlet]="hintAndError" />
          @switch (field.type) {
            @case ('markdown') {
              <app-markdown-answer
                [inputId]="id"
                [value]="text()"
                [maxLength]="field.maxLength ?? null"
                [invalid]="!!error()"
                [describedBy]="describedBy()"
                (valueChange)="answerChange.emit($event)"
              />
            }
            @case ('number') {
              <input
                #numberInput
                class="nhsuk-input nhsuk-input--width-10"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                [id]="id"
                [name]="id"
                [class.nhsuk-input--error]="error()"
                [attr.aria-describedby]="describedBy()"
                [value]="text()"
                (input)="answerChange.emit(toNumber(numberInput.value))"
              />
            }
            @default {
              <input
                #textInput
                class="nhsuk-input"
                autocomplete="off"
                [class.app-date-input]="field.type === 'date'"
                [type]="field.type === 'date' ? 'date' : 'text'"
                [id]="id"
                [name]="id"
                [attr.maxlength]="field.maxLength ?? null"
                [class.nhsuk-input--error]="error()"
                [attr.aria-describedby]="describedBy()"
                [value]="text()"
                (input)="answerChange.emit(textInput.value)"
              />
            }
          }
        }
      }
    </div>

    <ng-template #hintAndError>
      @if (hint(); as hint) {
        <div class="nhsuk-hint" [id]="id + '-hint'">{{ hint }}</div>
      }
      @if (error(); as error) {
        <span class="nhsuk-error-message" [id]="id + '-error'">
          <span class="nhsuk-u-visually-hidden">Error:</span> {{ error }}
        </span>
      }
    </ng-template>
  `,
})
export class AnswerField {
  readonly field = input.required<AssessmentFieldView>();
  readonly inputId = input.required<string>();
  readonly value = input.required<AssessmentAnswer | undefined>();
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  readonly asHeading = input(false);
  /** The framework's elements, for an `elements` field. */
  readonly elements = input<readonly PickableElement[]>([]);
  readonly answerChange = output<AssessmentAnswer>();

  protected readonly text = computed(() => textOf(this.value()));
  protected readonly chosenElements = computed(() => new Set(listOf(this.value())));
  protected readonly legendClass = computed(() =>
    this.asHeading()
      ? 'nhsuk-fieldset__legend nhsuk-fieldset__legend--m'
      : 'nhsuk-fieldset__legend nhsuk-fieldset__legend--s',
  );
  protected readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.inputId()}-hint` : null, this.error() ? `${this.inputId()}-error` : null]
        .filter(Boolean)
        .join(' ') || null,
  );

  protected toNumber(typed: string): number | null {
    return numberAnswer(typed);
  }

  /** Chosen elements keep the framework's order, whatever order they were ticked in. */
  protected toggleElement(key: string, checked: boolean): void {
    const chosen = new Set(this.chosenElements());
    if (checked) {
      chosen.add(key);
    } else {
      chosen.delete(key);
    }
    this.answerChange.emit(
      this.elements()
        .filter((element) => chosen.has(element.key))
        .map((element) => element.key),
    );
  }
}
