import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { AuthenticatorEnrolment } from '@portfolio/contracts';

import { SERVICE_PROBLEM_MESSAGE, fieldErrorsOf, statusOf } from '../shared/api-errors';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorPipe, type FormProblem, submittedForm, trimmedValueOf } from '../shared/form-problems';
import { TextField } from '../shared/text-field';
import { AuthenticatorApi } from './authenticator-api';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { SIGN_IN_PATH, safeReturnPath } from './return-path';
import { authenticatorCodeProblem, problemsOf } from './second-factor-page';
import { SessionStore } from './session-store';
import { signInAgainQuery } from './sign-in-steps';

type Stage = 'starting' | 'current-code' | 'scan' | 'recovery-codes' | 'unavailable';

/**
 * Setting up an authenticator app: scan the QR code (or type the secret), confirm a code, then
 * save the recovery codes. Reached while signing in, when the role requires an app, or from the
 * account page; replacing an app already set up first asks for a code from it.
 */
@Component({
  selector: 'app-set-up-authenticator-page',
  imports: [ErrorSummary, FieldErrorPipe, RecoveryCodesPanel, RouterLink, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @switch (stage()) {
          @case ('starting') {
            <h1>Set up an authenticator app</h1>
            <p role="status">Loading…</p>
          }
          @case ('unavailable') {
            <h1>Set up an authenticator app</h1>
            <p>{{ serviceProblem }}</p>
            <p><a [routerLink]="signInPath">Sign in again</a></p>
          }
          @case ('current-code') {
            <app-error-summary [problems]="problems()" />
            <h1>Enter a code from your current authenticator app</h1>
            <p>An authenticator app is already set up. To move to a new one, first prove you have the old one.</p>
            <form (submit)="startWithCurrentCode($event)" novalidate>
              <app-text-field
                fieldId="code"
                label="Code"
                hint="The 6-digit code your current app shows now"
                autocomplete="one-time-code"
                inputMode="numeric"
                width="nhsuk-input--width-10"
                [spellcheck]="false"
                [error]="problems() | fieldError: 'code'"
              />
              <button class="nhsuk-button" type="submit">Continue</button>
            </form>
          }
          @case ('scan') {
            @if (enrolment(); as enrolment) {
              <app-error-summary [problems]="problems()" />
              <h1>Set up an authenticator app</h1>
              @if (signingIn()) {
                <p>
                  Your role needs a second step when you sign in, so that your password alone cannot open your account.
                </p>
              }
              <ol class="nhsuk-list nhsuk-list--number">
                <li>
                  Install an authenticator app on your phone if you do not have one, for example Microsoft Authenticator
                  or Google Authenticator.
                </li>
                <li>
                  In the app, add an account and scan this QR code.
                  <img
                    class="app-qr-code"
                    [src]="enrolment.qrCodeImage"
                    width="200"
                    height="200"
                    alt="QR code for your authenticator app. If you cannot scan it, use the key below."
                  />
                  <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary">
                      <span class="nhsuk-details__summary-text">I cannot scan the QR code</span>
                    </summary>
                    <div class="nhsuk-details__text">
                      <p>Choose to enter a setup key in the app, and type:</p>
                      <dl class="nhsuk-summary-list">
                        <div class="nhsuk-summary-list__row">
                          <dt class="nhsuk-summary-list__key">Account</dt>
                          <dd class="nhsuk-summary-list__value">{{ enrolment.accountName }}</dd>
                        </div>
                        <div class="nhsuk-summary-list__row">
                          <dt class="nhsuk-summary-list__key">Key</dt>
                          <dd class="nhsuk-summary-list__value">
                            <code id="authenticator-secret">{{ groupedSecret() }}</code>
                          </dd>
                        </div>
                        <div class="nhsuk-summary-list__row">
                          <dt class="nhsuk-summary-list__key">Type of key</dt>
                          <dd class="nhsuk-summary-list__value">Time based</dd>
                        </div>
                      </dl>
                    </div>
                  </details>
                </li>
                <li>Enter the 6-digit code the app then shows.</li>
              </ol>
              <form (submit)="confirm($event)" novalidate>
                <app-text-field
                  fieldId="code"
                  label="Code"
                  autocomplete="one-time-code"
                  inputMode="numeric"
                  width="nhsuk-input--width-10"
                  [spellcheck]="false"
                  [error]="problems() | fieldError: 'code'"
                />
                <button class="nhsuk-button" type="submit" [attr.aria-disabled]="sending() || null">Continue</button>
              </form>
            }
          }
          @case ('recovery-codes') {
            <app-recovery-codes-panel [codes]="recoveryCodes()" (saved)="finish()" />
          }
        }
      </div>
    </div>
  `,
})
export class SetUpAuthenticatorPage {
  readonly returnUrl = input<string>();

  private readonly api = inject(AuthenticatorApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly signInPath = SIGN_IN_PATH;
  protected readonly serviceProblem = SERVICE_PROBLEM_MESSAGE;
  protected readonly stage = signal<Stage>('starting');
  protected readonly enrolment = signal<AuthenticatorEnrolment | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly problems = signal<FormProblem[]>([]);
  protected readonly sending = signal(false);
  /** Reached from the password step: nobody is signed in yet. */
  protected readonly signingIn = computed(() => !this.session.isSignedIn());
  protected readonly groupedSecret = computed(
    () =>
      this.enrolment()
        ?.secret.match(/.{1,4}/g)
        ?.join(' ') ?? '',
  );

  constructor() {
    void this.start();
  }

  protected async startWithCurrentCode(event: Event): Promise<void> {
    const typed = trimmedValueOf(submittedForm(event), 'code');
    const problem = authenticatorCodeProblem(typed);
    this.problems.set(problem ? [{ field: 'code', message: problem }] : []);
    if (!problem) {
      await this.start(typed);
    }
  }

  protected async confirm(event: Event): Promise<void> {
    const form = submittedForm(event);
    if (this.sending()) {
      return;
    }
    const typed = trimmedValueOf(form, 'code');
    const problem = authenticatorCodeProblem(typed);
    this.problems.set(problem ? [{ field: 'code', message: problem }] : []);
    if (problem) {
      return;
    }
    this.sending.set(true);
    try {
      const enabled = await this.session.confirmAuthenticator(typed);
      this.recoveryCodes.set(enabled.recoveryCodes);
      this.problems.set([]);
      this.stage.set('recovery-codes');
    } catch (error: unknown) {
      if (statusOf(error) === 401) {
        await this.signInAgain();
        return;
      }
      this.problems.set(problemsOf(error, 'code'));
    } finally {
      this.sending.set(false);
    }
  }

  protected async finish(): Promise<void> {
    await this.router.navigateByUrl(safeReturnPath(this.returnUrl()));
  }

  private async start(currentCode?: string): Promise<void> {
    try {
      this.enrolment.set(await this.api.startEnrolment(currentCode ? { code: currentCode } : {}));
      this.problems.set([]);
      this.stage.set('scan');
    } catch (error: unknown) {
      const status = statusOf(error);
      if (status === 401) {
        await this.signInAgain();
      } else if (status === 400 && fieldErrorsOf(error).some((fieldError) => fieldError.field === 'code')) {
        this.problems.set(currentCode ? problemsOf(error, 'code') : []);
        this.stage.set('current-code');
      } else if (status === 429) {
        this.problems.set(problemsOf(error, 'code'));
        this.stage.set('current-code');
      } else {
        this.stage.set('unavailable');
      }
    }
  }

  private async signInAgain(): Promise<void> {
    await this.router.navigate([SIGN_IN_PATH], { queryParams: signInAgainQuery(safeReturnPath(this.returnUrl())) });
  }
}
