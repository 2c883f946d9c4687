import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ASSESSMENT_REMINDER_DAYS } from '@portfolio/contracts';

import { WaitingPipe } from '../shared/waiting.pipe';
import { TodoStore } from './todo-store';

/**
 * "Waiting for you": the requests, returned work, expiring links and quiet trainees that need the
 * signed-in user, as NHS task lists. Groups with nothing in them are left out.
 */
@Component({
  selector: 'app-todo-list',
  imports: [DatePipe, RouterLink, WaitingPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="app-todo" aria-labelledby="todo-heading">
      <h2 id="todo-heading">Waiting for you</h2>
      @switch (store.status()) {
        @case ('loaded') {
          @if (store.todo(); as todo) {
            @if (store.isEmpty()) {
              <p>Nothing is waiting for you.</p>
            }
            @if (todo.toAssess.length > 0) {
              <h3 class="nhsuk-heading-s">Requests to assess</h3>
              <ul class="nhsuk-task-list app-todo__list">
                @for (request of todo.toAssess; track request.id) {
                  <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                    <div class="nhsuk-task-list__name-and-hint">
                      <a
                        class="nhsuk-link nhsuk-task-list__link"
                        [routerLink]="['/assessments', request.id]"
                        [attr.aria-describedby]="'to-assess-' + $index + '-hint to-assess-' + $index + '-status'"
                        >{{ request.title }}</a
                      >
                      <div class="nhsuk-task-list__hint" [id]="'to-assess-' + $index + '-hint'">
                        @if (request.templateTitle === request.title) {
                          From {{ request.traineeName }}
                        } @else {
                          {{ request.templateTitle }} from {{ request.traineeName }}
                        }
                      </div>
                    </div>
                    <div class="nhsuk-task-list__status" [id]="'to-assess-' + $index + '-status'">
                      <strong class="nhsuk-tag" [class]="waitingTag(request.waitingDays)">{{
                        request.waitingDays | waiting
                      }}</strong>
                    </div>
                  </li>
                }
              </ul>
            }
            @if (todo.returned.length > 0) {
              <h3 class="nhsuk-heading-s">Returned to you for revision</h3>
              <ul class="nhsuk-task-list app-todo__list">
                @for (assessment of todo.returned; track assessment.id) {
                  <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                    <div class="nhsuk-task-list__name-and-hint">
                      <a
                        class="nhsuk-link nhsuk-task-list__link"
                        [routerLink]="['/assessments', assessment.id]"
                        [attr.aria-describedby]="'returned-' + $index + '-hint returned-' + $index + '-status'"
                        >{{ assessment.title }}</a
                      >
                      <div class="nhsuk-task-list__hint" [id]="'returned-' + $index + '-hint'">
                        @if (assessment.templateTitle === assessment.title) {
                          Returned {{ assessment.since | date: 'd MMMM y' }}
                        } @else {
                          {{ assessment.templateTitle }}, returned {{ assessment.since | date: 'd MMMM y' }}
                        }
                      </div>
                    </div>
                    <div class="nhsuk-task-list__status" [id]="'returned-' + $index + '-status'">
                      <strong class="nhsuk-tag nhsuk-tag--orange">To revise</strong>
                    </div>
                  </li>
                }
              </ul>
            }
            @if (todo.expiringTickets.length > 0) {
              <h3 class="nhsuk-heading-s">Assessors' links about to expire</h3>
              <ul class="nhsuk-task-list app-todo__list">
                @for (ticket of todo.expiringTickets; track ticket.assessmentId) {
                  <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                    <div class="nhsuk-task-list__name-and-hint">
                      <a
                        class="nhsuk-link nhsuk-task-list__link"
                        [routerLink]="['/assessments', ticket.assessmentId]"
                        [attr.aria-describedby]="'expiring-' + $index + '-hint expiring-' + $index + '-status'"
                        >{{ ticket.title }}</a
                      >
                      <div class="nhsuk-task-list__hint" [id]="'expiring-' + $index + '-hint'">
                        {{ ticket.assessorName }} has not opened the link yet
                      </div>
                    </div>
                    <div class="nhsuk-task-list__status" [id]="'expiring-' + $index + '-status'">
                      <strong class="nhsuk-tag nhsuk-tag--yellow"
                        >Expires {{ ticket.expiresAt | date: 'd MMMM, HH:mm' }}</strong
                      >
                    </div>
                  </li>
                }
              </ul>
            }
            @if (todo.quietTrainees.length > 0) {
              <h3 class="nhsuk-heading-s">Trainees with no recent activity</h3>
              <ul class="nhsuk-task-list app-todo__list">
                @for (trainee of todo.quietTrainees; track trainee.id) {
                  <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                    <div class="nhsuk-task-list__name-and-hint">
                      <a
                        class="nhsuk-link nhsuk-task-list__link"
                        [routerLink]="['/trainees', trainee.id]"
                        [attr.aria-describedby]="'quiet-' + $index + '-status'"
                        >{{ trainee.displayName }}</a
                      >
                    </div>
                    <div class="nhsuk-task-list__status" [id]="'quiet-' + $index + '-status'">
                      @if (trainee.lastActivityAt) {
                        Last active {{ trainee.lastActivityAt | date: 'd MMMM y' }}
                      } @else {
                        No activity yet
                      }
                    </div>
                  </li>
                }
              </ul>
            }
          }
        }
        @case ('failed') {
          <p class="nhsuk-error-message" role="alert">
            <span class="nhsuk-u-visually-hidden">Error:</span> What is waiting for you could not be loaded.
          </p>
          <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="store.open()">Try again</button>
        }
        @default {
          <p role="status">Checking what is waiting for you…</p>
        }
      }
    </section>
  `,
})
export class TodoList {
  protected readonly store = inject(TodoStore);

  constructor() {
    this.store.open();
    // An answer still on its way when the page closes is not wanted (after signing out it would be a 401).
    inject(DestroyRef).onDestroy(() => this.store.close());
  }

  /** A request waiting longer than the reminder period stands out. */
  protected waitingTag(days: number): string {
    return days >= ASSESSMENT_REMINDER_DAYS ? 'nhsuk-tag nhsuk-tag--orange' : 'nhsuk-tag nhsuk-tag--blue';
  }
}
