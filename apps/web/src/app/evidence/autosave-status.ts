import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { SaveState } from './evidence-autosave';

/** What the status line shows; any editor whose states have these kinds can use it. */
export type AutosaveDisplayState = Exclude<SaveState, { kind: 'conflict' }> | { kind: 'conflict' };

/**
 * Where the draft is: saved, saving, or kept in this browser because the server could not
 * take it. A polite live region, so screen readers hear it without losing their place.
 */
@Component({
  selector: 'app-autosave-status',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <div class="app-autosave-status" [class.app-autosave-status--problem]="isProblem()">
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-0" role="status" id="autosave-status">
        @switch (current.kind) {
          @case ('idle') {
            Your draft is saved automatically as you write.
          }
          @case ('waiting') {
            {{ current.message }}
          }
          @case ('pending') {
            Changes not saved yet.
          }
          @case ('saving') {
            Saving…
          }
          @case ('saved') {
            Saved at {{ current.at | date: 'HH:mm' }}
          }
          @case ('kept-locally') {
            <strong>Not saved.</strong>
            @switch (current.reason) {
              @case ('signed-out') {
                Your session has ended. Your changes are kept in this browser: sign in again to save them.
              }
              @case ('offline') {
                The portfolio cannot be reached. Your changes are kept in this browser until it can.
              }
              @default {
                There is a problem with the service. Your changes are kept in this browser.
              }
            }
          }
          @case ('invalid') {
            <strong>Not saved.</strong>
            @for (problem of current.problems; track $index) {
              {{ problem.message }}
            }
          }
          @case ('conflict') {
            <strong>Not saved.</strong> This item was changed somewhere else. Choose which version to keep.
          }
          @case ('locked') {
            <strong>Not saved.</strong> {{ current.message }}
          }
        }
      </p>
      @if (current.kind === 'kept-locally' && current.reason !== 'signed-out') {
        <button
          class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0"
          type="button"
          (click)="retry.emit()"
        >
          Try saving again
        </button>
      }
    </div>
  `,
})
export class AutosaveStatus {
  readonly state = input.required<AutosaveDisplayState>();
  readonly retry = output();

  protected readonly isProblem = computed(() =>
    ['kept-locally', 'invalid', 'conflict', 'locked'].includes(this.state().kind),
  );
}
