import { BadRequestException } from '@nestjs/common';

import type { SecondFactorRequest } from '@portfolio/contracts';

import { normaliseRecoveryCode } from './recovery-codes';

export type SecondFactorProof = { kind: 'authenticator-code'; code: string } | { kind: 'recovery-code'; code: string };

export const WRONG_AUTHENTICATOR_CODE =
  'The code is not right. Enter the 6-digit code your authenticator app shows now.';
export const REPLAYED_AUTHENTICATOR_CODE =
  'That code has already been used. Wait for your authenticator app to show a new code, then enter it.';
export const WRONG_RECOVERY_CODE = 'The recovery code is not right, or it has already been used.';

export function fieldProblem(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, errors: [{ field, message }] });
}

/** Exactly one of an authenticator code and a recovery code, in a form that could be right. */
export function secondFactorProofOf(request: SecondFactorRequest): SecondFactorProof {
  const code = request.code?.replace(/\s/g, '') ?? '';
  const recoveryCode = request.recoveryCode?.trim() ?? '';
  if ((code === '') === (recoveryCode === '')) {
    throw fieldProblem('code', 'Enter the code from your authenticator app, or one of your recovery codes');
  }
  if (code !== '') {
    return { kind: 'authenticator-code', code };
  }
  const normalised = normaliseRecoveryCode(recoveryCode);
  if (!normalised) {
    throw fieldProblem('recoveryCode', 'Enter a recovery code as it was shown to you, like abcde-fghij-kmnpq');
  }
  return { kind: 'recovery-code', code: normalised };
}
