import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { RecentSignOff, SupervisedTrainee, SupervisorDashboard } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { preparedQuery } from '../database/prepared-query';
import {
  CoverageQueries,
  type PlacementRow,
  type TraineeAccess,
  defaultFrameworkKey,
  placementColumns,
  placementsOf,
} from '../progress/coverage-queries';
import {
  type WaitingAssessmentRow,
  currentlySupervised,
  traineeActivityJoin,
  waitingAssessmentOf,
  waitingAssessmentsSql,
  waitingForAssessor,
} from './waiting-assessments';

const recentLimit = 10;

interface SupervisedRow extends PlacementRow {
  display_name: string;
  programme_name: string | null;
  grade: string | null;
  pending: number;
  last_activity_at: string | null;
}

interface RecentSignOffRow {
  id: string;
  kind: 'element' | 'assessment';
  trainee_id: string;
  trainee_name: string;
  title: string;
  signed_at: string;
}

/**
 * Every row below is a trainee the supervisor ($1) supervises now: the join to their current
 * assignment has already asked what `readersAccess` would ask again of each trainee.
 */
const supervisorsAccess: TraineeAccess = {
  visible: 'true',
  audience: `(CASE WHEN trainee.id = $1::uuid THEN 'own' ELSE 'supervisor' END)`,
};

/** The supervisor's trainees, each with their placement for coverage; $1 is the supervisor, $3 the default framework. */
function supervisedSql(supervisor: SessionUser): string {
  return `SELECT ${placementColumns(supervisor, '$1', '$3', supervisorsAccess)}, trainee.display_name, record.programme_name, record.grade,
                 coalesce(activity.pending_assessments, 0) AS pending, activity.last_activity_at
            FROM supervisor_assignment assignment
            JOIN app_user trainee ON trainee.id = assignment.trainee_id
            ${traineeActivityJoin}
            LEFT JOIN LATERAL (
              SELECT programme.name AS programme_name, programme.framework_key, training.stage_key, training.grade
                FROM training_record training JOIN programme ON programme.id = training.programme_id
               WHERE training.trainee_id = trainee.id ORDER BY training.starts_on DESC LIMIT 1) record ON true
           WHERE ${currentlySupervised}`;
}

/** Element and assessment sign-offs by the supervisor ($1), newest first, up to $2. */
const recentSignOffsSql = `
  (SELECT record.id, 'element' AS kind, record.trainee_id, trainee.display_name AS trainee_name,
          element.code || ' ' || element.title AS title, record.recorded_at AS signed_at
     FROM element_sign_off record
     JOIN app_user trainee ON trainee.id = record.trainee_id
     JOIN framework_element element ON element.id = record.element_id
    WHERE record.recorded_by = $1 AND record.kind = 'sign-off'
      AND NOT EXISTS (SELECT 1 FROM element_sign_off later WHERE later.supersedes = record.id)
    ORDER BY record.recorded_at DESC LIMIT $2)
  UNION ALL
  (SELECT assessment.id, 'assessment', assessment.trainee_id, trainee.display_name, assessment.title,
          assessment.signed_at
     FROM assessment JOIN app_user trainee ON trainee.id = assessment.trainee_id
    WHERE assessment.assessor_id = $1 AND assessment.status = 'signed-off'
    ORDER BY assessment.signed_at DESC LIMIT $2)
  ORDER BY signed_at DESC LIMIT $2`;

/**
 * The supervisor's page: their trainees' coverage, what waits for them, and what they signed lately.
 * Its three lists come in one statement, as JSON: the page is opened often, and a statement's round
 * trip costs more than these small reads do. Coverage counts are then kept between changes.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: CoverageQueries,
  ) {}

  async dashboard(user: SessionUser): Promise<SupervisorDashboard> {
    const [row] = await preparedQuery<{
      trainees: SupervisedRow[];
      pending: WaitingAssessmentRow[];
      recent: RecentSignOffRow[];
    }>(
      this.dataSource,
      'supervisor-dashboard',
      `SELECT
         (SELECT coalesce(json_agg(supervised ORDER BY supervised.display_name, supervised.trainee_id), '[]')
            FROM (${supervisedSql(user)}) supervised) AS trainees,
         (SELECT coalesce(json_agg(waiting ORDER BY waiting.since, waiting.id), '[]')
            FROM (${waitingAssessmentsSql(waitingForAssessor, 'requested_at')}) waiting) AS pending,
         (SELECT coalesce(json_agg(recent ORDER BY recent.signed_at DESC), '[]')
            FROM (${recentSignOffsSql}) recent) AS recent`,
      [user.id, recentLimit, defaultFrameworkKey],
    );
    return {
      trainees: await this.withCoverage(row.trainees),
      pendingRequests: row.pending.map(waitingAssessmentOf),
      recentSignOffs: row.recent.map(recentSignOffOf),
    };
  }

  private async withCoverage(rows: SupervisedRow[]): Promise<SupervisedTrainee[]> {
    const placements = placementsOf(rows);
    const progress = await this.coverage.progressOf([...placements.values()]);
    return rows.map((row) => {
      const coverage = progress.get(row.trainee_id);
      return {
        id: row.trainee_id,
        displayName: row.display_name,
        programmeName: row.programme_name,
        stageKey: row.stage_key,
        grade: row.grade,
        frameworkKey: placements.get(row.trainee_id)?.frameworkKey ?? null,
        totals: coverage?.totals ?? { 'not-started': 0, evidenced: 0, assessed: 0, 'signed-off': 0 },
        elementCount: coverage?.elements.length ?? 0,
        pendingAssessments: row.pending,
        lastActivityAt: row.last_activity_at === null ? null : new Date(row.last_activity_at).toISOString(),
      };
    });
  }
}

function recentSignOffOf(row: RecentSignOffRow): RecentSignOff {
  return {
    id: row.id,
    kind: row.kind,
    traineeId: row.trainee_id,
    traineeName: row.trainee_name,
    title: row.title,
    signedAt: new Date(row.signed_at).toISOString(),
  };
}
