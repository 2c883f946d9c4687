import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { RecentSignOff, SupervisedTrainee, SupervisorDashboard } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { preparedQuery } from '../database/prepared-query';
import { CoverageQueries } from '../progress/coverage-queries';
import { currentlySupervised, lastActivity, waitingAssessments, waitingForAssessor } from './waiting-assessments';

const recentLimit = 10;

/** The supervisor's page: their trainees' coverage, what waits for them, and what they signed lately. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: CoverageQueries,
  ) {}

  async dashboard(user: SessionUser): Promise<SupervisorDashboard> {
    const [trainees, pendingRequests, recentSignOffs] = await Promise.all([
      this.trainees(user),
      waitingAssessments(this.dataSource, user.id, waitingForAssessor, 'requested_at'),
      this.recentSignOffs(user.id),
    ]);
    return { trainees, pendingRequests, recentSignOffs };
  }

  private async trainees(user: SessionUser): Promise<SupervisedTrainee[]> {
    const rows = await preparedQuery<{
      id: string;
      display_name: string;
      programme_name: string | null;
      stage_key: string | null;
      grade: string | null;
      pending: number;
      last_activity_at: Date | null;
    }>(
      this.dataSource,
      'supervised-trainees',
      `SELECT trainee.id, trainee.display_name, record.programme_name, record.stage_key, record.grade,
              (SELECT count(*)::int FROM assessment pending
                WHERE pending.trainee_id = trainee.id AND pending.status IN ('requested', 'in-progress')) AS pending,
              ${lastActivity('trainee.id')} AS last_activity_at
         FROM supervisor_assignment assignment
         JOIN app_user trainee ON trainee.id = assignment.trainee_id
         LEFT JOIN LATERAL (
           SELECT programme.name AS programme_name, training.stage_key, training.grade
             FROM training_record training JOIN programme ON programme.id = training.programme_id
            WHERE training.trainee_id = trainee.id ORDER BY training.starts_on DESC LIMIT 1) record ON true
        WHERE ${currentlySupervised}
        ORDER BY trainee.display_name, trainee.id`,
      [user.id],
    );
    const stages = await this.coverage.placementsFor(
      user,
      rows.map((row) => row.id),
    );
    const progress = await this.coverage.progressOf([...stages.values()]);
    return rows.map((row) => {
      const coverage = progress.get(row.id);
      return {
        id: row.id,
        displayName: row.display_name,
        programmeName: row.programme_name,
        stageKey: row.stage_key,
        grade: row.grade,
        frameworkKey: stages.get(row.id)?.frameworkKey ?? null,
        totals: coverage?.totals ?? { 'not-started': 0, evidenced: 0, assessed: 0, 'signed-off': 0 },
        elementCount: coverage?.elements.length ?? 0,
        pendingAssessments: row.pending,
        lastActivityAt: row.last_activity_at?.toISOString() ?? null,
      };
    });
  }

  private async recentSignOffs(supervisorId: string): Promise<RecentSignOff[]> {
    const rows = await preparedQuery<{
      id: string;
      kind: 'element' | 'assessment';
      trainee_id: string;
      trainee_name: string;
      title: string;
      signed_at: Date;
    }>(
      this.dataSource,
      'recent-sign-offs',
      `(SELECT record.id, 'element' AS kind, record.trainee_id, trainee.display_name AS trainee_name,
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
       ORDER BY signed_at DESC LIMIT $2`,
      [supervisorId, recentLimit],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      traineeId: row.trainee_id,
      traineeName: row.trainee_name,
      title: row.title,
      signedAt: row.signed_at.toISOString(),
    }));
  }
}
