import { type HttpClient, HttpHeaders } from '@angular/common/http';
import type { Observable } from 'rxjs';

import {
  type AssessmentView,
  CSRF_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  type ReturnAssessmentRequest,
  type SaveJudgementRequest,
  type SignOffAssessmentRequest,
  apiRoutes,
} from '@portfolio/contracts';

/**
 * Where the assessor form sends the judgement: the API's routes for a signed-in assessor, or
 * those for an external assessor's session. The form is the same either way.
 */
export interface JudgementTarget {
  saveDraft(request: SaveJudgementRequest): Observable<AssessmentView>;
  returnForRevision(request: ReturnAssessmentRequest): Observable<AssessmentView>;
  signOff(request: SignOffAssessmentRequest, idempotencyKey: string): Observable<AssessmentView>;
}

export function signedInJudgementTarget(http: HttpClient, assessmentId: string): JudgementTarget {
  return {
    saveDraft: (request) => http.put<AssessmentView>(apiRoutes.assessmentJudgement(assessmentId), request),
    returnForRevision: (request) => http.post<AssessmentView>(apiRoutes.assessmentReturn(assessmentId), request),
    signOff: (request, idempotencyKey) =>
      http.post<AssessmentView>(apiRoutes.assessmentSignOff(assessmentId), request, {
        headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
      }),
  };
}

/**
 * An external assessor has no sign-in, so no CSRF cookie of the usual kind: their session's
 * token goes in the header itself, which the app's XSRF interceptor then leaves alone.
 */
export function externalJudgementTarget(http: HttpClient, csrfToken: string): JudgementTarget {
  const headers = new HttpHeaders({ [CSRF_HEADER]: csrfToken });
  return {
    saveDraft: (request) => http.put<AssessmentView>(apiRoutes.externalJudgement, request, { headers }),
    returnForRevision: (request) => http.post<AssessmentView>(apiRoutes.externalReturn, request, { headers }),
    signOff: (request, idempotencyKey) =>
      http.post<AssessmentView>(apiRoutes.externalSignOff, request, {
        headers: headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey),
      }),
  };
}
