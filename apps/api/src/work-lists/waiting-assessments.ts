import type { DataSource } from 'typeorm';

import type { AssessmentStatus, WaitingAssessment } from '@portfolio/contracts';

import { preparedQuery } from '../database/prepared-query';
import { currentAssignment } from '../trainees/trainee-visibility';

/** A row of `waitingAssessmentsSql`; in a JSON aggregate its time arrives as text. */
export interface WaitingAssessmentRow {
  id: string;
  title: string;
  template_title: string;
  trainee_id: string;
  trainee_name: string;
  status: AssessmentStatus;
  since: Date | string;
  waiting_days: number;
}

/** Assessments matching `condition` (on `assessment`, with the user's id as $1), oldest wait first. */
export function waitingAssessmentsSql(condition: string, since: 'requested_at' | 'updated_at'): string {
  return `SELECT assessment.id, assessment.title, template.title AS template_title, assessment.trainee_id,
            trainee.display_name AS trainee_name, assessment.status, assessment.${since} AS since,
            floor(extract(epoch FROM now() - assessment.${since}) / 86400)::int AS waiting_days
       FROM assessment
       JOIN assessment_template template ON template.id = assessment.template_id
       JOIN app_user trainee ON trainee.id = assessment.trainee_id
      WHERE ${condition}
      ORDER BY assessment.${since}, assessment.id
      LIMIT 100`;
}

/** A `waitingAssessmentsSql` row as the to-do list and the supervisor's page show it. */
export function waitingAssessmentOf(row: WaitingAssessmentRow): WaitingAssessment {
  return {
    id: row.id,
    title: row.title,
    templateTitle: row.template_title,
    traineeId: row.trainee_id,
    traineeName: row.trainee_name,
    status: row.status,
    since: new Date(row.since).toISOString(),
    waitingDays: row.waiting_days,
  };
}

/** Assessments matching `condition` (on `assessment`, with the user's id as $1), oldest wait first. */
export async function waitingAssessments(
  dataSource: DataSource,
  userId: string,
  condition: string,
  since: 'requested_at' | 'updated_at',
): Promise<WaitingAssessment[]> {
  const rows = await preparedQuery<WaitingAssessmentRow>(
    dataSource,
    'waiting-assessments',
    waitingAssessmentsSql(condition, since),
    [userId],
  );
  return rows.map(waitingAssessmentOf);
}

/** Requests waiting for the user ($1) as a registered assessor or supervisor. */
export const waitingForAssessor = `assessment.assessor_id = $1 AND assessment.assessor_kind <> 'external'
  AND assessment.status IN ('requested', 'in-progress')`;

/** Trainees the user ($1) currently supervises, as a condition on `assignment`. */
export const currentlySupervised = `assignment.supervisor_id = $1 AND ${currentAssignment('assignment')}`;

/**
 * Each trainee's last activity and waiting assessments, kept on writes (TrackTraineeActivity), as
 * `activity` for the trainee `trainee`; a trainee who has done nothing yet has no row.
 */
export const traineeActivityJoin = `LEFT JOIN trainee_activity activity ON activity.trainee_id = trainee.id`;
