import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ProgressBar } from '../dashboard/progress-bar';
import { elementGroups, progressStatusLabels, progressStatusTagClasses } from '../dashboard/progress-views';
import { CountPipe } from '../shared/count.pipe';
import { LabelOfKeyPipe } from '../shared/label-of-key.pipe';
import { standingSignOff } from './sign-off-views';
import { TraineeStore } from './trainee-store';

/**
 * A trainee's elements at their current stage as their supervisor sees them: coverage, who
 * signed off what and when, and (for their educational supervisor of today) a way to sign off.
 */
@Component({
  selector: 'app-trainee-elements',
  imports: [CountPipe, DatePipe, LabelOfKeyPipe, ProgressBar, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="elements-heading">
      @switch (store.elementsStatus()) {
        @case ('loaded') {
          @if (store.elements(); as elements) {
            <h2 id="elements-heading">
              Elements at the {{ (elements.progress.stage | labelOfKey).toLowerCase() }} stage
            </h2>
            <div class="app-progress-summary">
              <app-progress-bar
                [totals]="elements.progress.totals"
                [elementCount]="elements.progress.elements.length"
              />
            </div>
            <p>
              <a [routerLink]="['/trainees', traineeId(), 'dashboard']"
                >Coverage by domain, and elements with no evidence</a
              >
            </p>
            @if (canSignOff()) {
              <p>
                Sign off an element once the evidence or assessments show it. Elements with neither have nothing to cite
                yet. You can withdraw a sign-off later.
              </p>
            }
            @for (group of groups(); track group.key) {
              <h3 class="nhsuk-heading-s">{{ group.heading }}</h3>
              <ul class="app-element-grid">
                @for (element of group.elements; track element.key) {
                  @let signOff = signOffOf(element.key);
                  <li
                    class="app-element-tile"
                    [class]="'app-element-tile--' + element.status"
                    [attr.data-element]="element.key"
                  >
                    <p class="app-element-tile__name">
                      <strong>{{ element.code }}</strong> {{ element.title }}
                    </p>
                    <div>
                      <p class="app-element-tile__status">
                        <strong [class]="statusTags[element.status]">{{ statusLabels[element.status] }}</strong>
                        <span class="nhsuk-body-s app-element-tile__count">
                          {{ element.evidenceCount | count: 'piece of evidence' : 'pieces of evidence' }}
                        </span>
                      </p>
                      @if (signOff) {
                        <p class="nhsuk-body-s app-element-tile__sign-off">
                          Signed off by {{ signOff.recordedBy.displayName }} on
                          {{ signOff.recordedAt | date: 'd MMMM y' }}
                        </p>
                      }
                      @if (canSignOff() && (signOff || element.evidenceCount + element.assessmentCount > 0)) {
                        <p class="app-element-tile__action">
                          <a [routerLink]="['/trainees', traineeId(), 'elements', element.key, 'sign-off']">
                            {{ signOff ? 'Review or withdraw' : 'Sign off' }}
                            <span class="nhsuk-u-visually-hidden">
                              {{ signOff ? 'the sign-off of' : '' }} element {{ element.code }}</span
                            ></a
                          >
                        </p>
                      }
                    </div>
                  </li>
                }
              </ul>
            }
          }
        }
        @case ('failed') {
          <h2 id="elements-heading">Elements</h2>
          <p class="nhsuk-error-message" role="alert">
            <span class="nhsuk-u-visually-hidden">Error:</span> The trainee's elements could not be loaded.
          </p>
          <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="retry()">Try again</button>
        }
        @case ('not-found') {
          <h2 id="elements-heading">Elements</h2>
          <p>This trainee has no training record at a stage of a framework yet.</p>
        }
        @default {
          <h2 id="elements-heading">Elements</h2>
          <p role="status">Loading the trainee's elements…</p>
        }
      }
    </section>
  `,
})
export class TraineeElements {
  readonly traineeId = input.required<string>();
  /** True for the trainee's educational supervisor of today, the only one the API lets sign off. */
  readonly canSignOff = input(false);

  protected readonly store = inject(TraineeStore);
  protected readonly statusLabels = progressStatusLabels;
  protected readonly statusTags = progressStatusTagClasses;
  protected readonly groups = computed(() => {
    const elements = this.store.elements();
    return elements ? elementGroups(elements.progress) : [];
  });

  constructor() {
    effect(() => {
      const traineeId = this.traineeId();
      untracked(() => void this.store.openElements(traineeId));
    });
  }

  protected signOffOf(elementKey: string) {
    return standingSignOff(this.store.latestSignOffs(), elementKey);
  }

  protected retry(): void {
    void this.store.openElements(this.traineeId());
  }
}
