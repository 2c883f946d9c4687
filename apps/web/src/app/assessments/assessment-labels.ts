import { Pipe, type PipeTransform } from '@angular/core';

import { type AssessmentStatus, assessmentStatusLabels } from '@portfolio/contracts';

/** NHS tag colours: grey waits for the trainee to send, blue and purple for the assessor, orange back with the trainee. */
export const assessmentStatusTagClasses: Record<AssessmentStatus, string> = {
  draft: 'nhsuk-tag nhsuk-tag--grey',
  requested: 'nhsuk-tag nhsuk-tag--blue',
  'in-progress': 'nhsuk-tag nhsuk-tag--purple',
  returned: 'nhsuk-tag nhsuk-tag--orange',
  'signed-off': 'nhsuk-tag nhsuk-tag--green',
};

/** `assessment.status | assessmentStatus` reads "Returned for revision". */
@Pipe({ name: 'assessmentStatus' })
export class AssessmentStatusPipe implements PipeTransform {
  transform(status: AssessmentStatus): string {
    return assessmentStatusLabels[status];
  }
}

/** The NHS tag classes for a status. */
@Pipe({ name: 'assessmentStatusTag' })
export class AssessmentStatusTagPipe implements PipeTransform {
  transform(status: AssessmentStatus): string {
    return assessmentStatusTagClasses[status];
  }
}
