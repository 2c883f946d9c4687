import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { AuthenticatorStatus } from '@portfolio/contracts';

import { SERVICE_PROBLEM_MESSAGE } from '../shared/api-errors';
import { useBreadcrumbs } from '../shared/breadcrumbs';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, submittedForm, trimmedValueOf } from '../shared/form-problems';
import { NotificationBanner } from '../shared/notification-banner';
import { TextField } from '../shared/text-field';
import { AuthenticatorApi } from './authenticator-api';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { authenticatorCodeProblem, problemsOf } from './second-factor-page';
import { AUTHENTICATOR_ACCOUNT_PATH, SET_UP_AUTHENTICATOR_PATH } from './sign-in-steps';

type Action = 'recovery-codes' | 'turn-off';

/** The account's authenticator app: set one up, get new recovery codes, or (where the role allows) turn it off. */
@Component({
  selector: 'app-authenticator-account-page',
  imports: [ErrorSummary, FieldErrorPipe, NotificationBanner, RecoveryCodesPanel, RouterLink, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @if (newCodes(); as codes) {
          <app-recovery-codes-panel [codes]="codes" (saved)="newCodes.set(null)" />
        } @else {
          @if (notice(); as notice) {
            <app-notification-banner [heading]="notice" [success]="true" />
          }
          <app-error-summary [problems]="problems()" />
          <h1>Authenticator app</h1>
          @if (status(); as status) {
            @if (status.enabled) {
              <dl class="nhsuk-summary-list">
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">Signing in</dt>
                  <dd class="nhsuk-summary-list__value">Password and a code from your authenticator app</dd>
                </div>
                <div class="nhsuk-summary-list__row">
                  <dt class="nhsuk-summary-list__key">Recovery codes left</dt>
                  <dd class="nhsuk-summary-list__value">{{ status.recoveryCodesRemaining }}</dd>
                </div>
              </dl>
              @if (status.required) {
                <div class="nhsuk-inset-text">
                  <span class="nhsuk-u-visually-hidden">Information: </span>
                  <p>Your role needs an authenticator app, so it cannot be turned off.</p>
                </div>
              }
              <p>
                <a [routerLink]="setUpPath" [queryParams]="returnHere">Move to a new phone or authenticator app</a>
              </p>

              <h2>Get new recovery codes</h2>
              <p>Your old recovery codes will stop working.</p>
              <form (submit)="act($event, 'recovery-codes')" novalidate>
                <app-text-field
                  fieldId="recoveryCodesCode"
                  label="Code from your authenticator app"
                  autocomplete="one-time-code"
                  inputMode="numeric"
                  width="nhsuk-input--width-10"
                  [spellcheck]="false"
                  [error]="problems() | fieldError: 'recoveryCodesCode'"
                />
                <button class="nhsuk-button nhsuk-button--secondary" type="submit">Get new recovery codes</button>
              </form>

              @if (!status.required) {
                <h2>Turn off the authenticator app</h2>
                <p>You will then sign in with your password alone.</p>
                <form (submit)="act($event, 'turn-off')" novalidate>
                  <app-text-field
                    fieldId="turnOffCode"
                    label="Code from your authenticator app"
                    autocomplete="one-time-code"
                    inputMode="numeric"
                    width="nhsuk-input--width-10"
                    [spellcheck]="false"
                    [error]="problems() | fieldError: 'turnOffCode'"
                  />
                  <button class="nhsuk-button nhsuk-button--warning" type="submit">Turn off</button>
                </form>
              }
            } @else {
              <p>You sign in with your password alone.</p>
              <p>
                With an authenticator app on your phone, signing in also needs a code that changes every 30 seconds, so
                someone who learns your password still cannot open your portfolio.
              </p>
              <a class="nhsuk-button" [routerLink]="setUpPath" [queryParams]="returnHere"
                >Set up an authenticator app</a
              >
            }
          } @else if (failed()) {
            <p>{{ serviceProblem }}</p>
          } @else {
            <p role="status">Loading…</p>
          }
        }
      </div>
    </div>
  `,
})
export class AuthenticatorAccountPage {
  private readonly api = inject(AuthenticatorApi);

  protected readonly setUpPath = SET_UP_AUTHENTICATOR_PATH;
  protected readonly returnHere = { returnUrl: AUTHENTICATOR_ACCOUNT_PATH };
  protected readonly serviceProblem = SERVICE_PROBLEM_MESSAGE;
  protected readonly status = signal<AuthenticatorStatus | null>(null);
  protected readonly failed = signal(false);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly newCodes = signal<string[] | null>(null);
  private readonly lastDone = signal<Action | null>(null);
  protected readonly notice = computed(() => {
    switch (this.lastDone()) {
      case 'recovery-codes':
        return 'You have new recovery codes';
      case 'turn-off':
        return 'The authenticator app is turned off';
      case null:
        return null;
    }
  });
  private busy = false;

  constructor() {
    useBreadcrumbs(() => [{ label: 'Home', link: ['/'] }]);
    void this.load();
  }

  protected async act(event: Event, action: Action): Promise<void> {
    const field = action === 'turn-off' ? 'turnOffCode' : 'recoveryCodesCode';
    const typed = trimmedValueOf(submittedForm(event), field);
    const problem = authenticatorCodeProblem(typed);
    this.problems.set(problem ? [{ field, message: problem }] : []);
    if (problem || this.busy) {
      return;
    }
    this.busy = true;
    try {
      if (action === 'turn-off') {
        await this.api.turnOff({ code: typed });
      } else {
        this.newCodes.set((await this.api.regenerateRecoveryCodes({ code: typed })).recoveryCodes);
      }
      this.lastDone.set(action);
      await this.load();
    } catch (error: unknown) {
      this.problems.set(problemsOf(error, field));
    } finally {
      this.busy = false;
    }
  }

  private async load(): Promise<void> {
    try {
      this.status.set(await this.api.status());
    } catch {
      this.failed.set(true);
    }
  }
}
