import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type AuthenticatorEnrolment,
  type AuthenticatorStatus,
  type RecoveryCodes,
  type SecondFactorRequest,
  apiRoutes,
} from '@portfolio/contracts';

/** The signed-in user's authenticator app and recovery codes (confirming one is the SessionStore's). */
@Injectable({ providedIn: 'root' })
export class AuthenticatorApi {
  private readonly http = inject(HttpClient);

  status(): Promise<AuthenticatorStatus> {
    return firstValueFrom(this.http.get<AuthenticatorStatus>(apiRoutes.authenticator));
  }

  /** A new secret to scan; replacing an app already set up needs a code from it. */
  startEnrolment(currentCode: SecondFactorRequest = {}): Promise<AuthenticatorEnrolment> {
    return firstValueFrom(this.http.post<AuthenticatorEnrolment>(apiRoutes.authenticatorEnrolment, currentCode));
  }

  regenerateRecoveryCodes(proof: SecondFactorRequest): Promise<RecoveryCodes> {
    return firstValueFrom(this.http.post<RecoveryCodes>(apiRoutes.recoveryCodes, proof));
  }

  turnOff(proof: SecondFactorRequest): Promise<void> {
    return firstValueFrom(this.http.delete<void>(apiRoutes.authenticator, { body: proof }));
  }
}
