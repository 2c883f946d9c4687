import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { EXPIRING_TICKET_DAYS, QUIET_TRAINEE_DAYS, type TodoList } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import {
  currentlySupervised,
  traineeActivityJoin,
  waitingAssessments,
  waitingForAssessor,
} from './waiting-assessments';

/** What waits for the signed-in user, whatever mix of roles they hold. */
@Injectable()
export class TodoService {
  constructor(private readonly dataSource: DataSource) {}

  async todo(user: SessionUser): Promise<TodoList> {
    const assesses = user.roles.includes('supervisor') || user.roles.includes('assessor');
    const isTrainee = user.roles.includes('trainee');
    const [toAssess, returned, expiringTickets, quietTrainees] = await Promise.all([
      assesses ? waitingAssessments(this.dataSource, user.id, waitingForAssessor, 'requested_at') : [],
      isTrainee
        ? waitingAssessments(
            this.dataSource,
            user.id,
            `assessment.trainee_id = $1 AND assessment.status = 'returned'`,
            'updated_at',
          )
        : [],
      isTrainee ? this.expiringTickets(user.id) : [],
      user.roles.includes('supervisor') ? this.quietTrainees(user.id) : [],
    ]);
    return { toAssess, returned, expiringTickets, quietTrainees };
  }

  private async expiringTickets(traineeId: string): Promise<TodoList['expiringTickets']> {
    const rows = (await this.dataSource.query(
      `SELECT assessment.id, assessment.title, ticket.name, ticket.expires_at
         FROM assessment JOIN assessment_ticket ticket ON ticket.assessment_id = assessment.id
        WHERE assessment.trainee_id = $1 AND assessment.status = 'requested'
          AND ticket.used_at IS NULL AND ticket.revoked_at IS NULL
          AND ticket.expires_at > now() AND ticket.expires_at <= now() + make_interval(days => $2)
        ORDER BY ticket.expires_at`,
      [traineeId, EXPIRING_TICKET_DAYS],
    )) as { id: string; title: string; name: string; expires_at: Date }[];
    return rows.map((row) => ({
      assessmentId: row.id,
      title: row.title,
      assessorName: row.name,
      expiresAt: row.expires_at.toISOString(),
    }));
  }

  private async quietTrainees(supervisorId: string): Promise<TodoList['quietTrainees']> {
    const rows = (await this.dataSource.query(
      `SELECT trainee.id, trainee.display_name, activity.last_activity_at
         FROM supervisor_assignment assignment
         JOIN app_user trainee ON trainee.id = assignment.trainee_id
         ${traineeActivityJoin}
        WHERE ${currentlySupervised} AND trainee.disabled_at IS NULL
          AND (activity.last_activity_at IS NULL OR activity.last_activity_at < now() - make_interval(days => $2))
        ORDER BY activity.last_activity_at NULLS FIRST, trainee.display_name`,
      [supervisorId, QUIET_TRAINEE_DAYS],
    )) as { id: string; display_name: string; last_activity_at: Date | null }[];
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      lastActivityAt: row.last_activity_at?.toISOString() ?? null,
    }));
  }
}
